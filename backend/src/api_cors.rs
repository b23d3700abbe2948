//! The app-wide CORS policy (`actix-cors`, origins from `KAKEHASHI_CORS_ORIGINS`) for every
//! path except the widget's (`/embed/*`, `/widget.js`). Those grant each partner's own origins
//! (`partner_origins`, see `handlers::embed`), which the app-wide list cannot know. Left to
//! `actix-cors`, a preflight from a partner's origin would be refused with a 400 before the
//! handler ran, and the app-wide origins would be granted the widget's data too.

use std::rc::Rc;

use actix_cors::Cors;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::Error;
use futures_util::future::LocalBoxFuture;

/// Whether a path is the widget's, with CORS decided per partner.
pub fn is_widget_path(path: &str) -> bool {
    path == "/widget.js" || path == "/embed" || path.starts_with("/embed/")
}

/// `actix-cors` around everything but the widget's paths.
pub struct ApiCors(pub Cors);

/// The inner service, callable both directly and through `actix-cors`.
pub struct Shared<S>(Rc<S>);

impl<S: Service<ServiceRequest>> Service<ServiceRequest> for Shared<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(
        &self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&self, req: ServiceRequest) -> Self::Future {
        self.0.call(req)
    }
}

impl<S, B> Transform<S, ServiceRequest> for ApiCors
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    S::Future: 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Transform =
        ApiCorsMiddleware<S, <Cors as Transform<Shared<S>, ServiceRequest>>::Transform>;
    type InitError = ();
    type Future = LocalBoxFuture<'static, Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        let direct = Rc::new(service);
        let cors = self.0.new_transform(Shared(direct.clone()));
        Box::pin(async move {
            Ok(ApiCorsMiddleware {
                direct,
                cors: cors.await?,
            })
        })
    }
}

pub struct ApiCorsMiddleware<S, C> {
    direct: Rc<S>,
    cors: C,
}

impl<S, C, B, CB> Service<ServiceRequest> for ApiCorsMiddleware<S, C>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    S::Future: 'static,
    C: Service<ServiceRequest, Response = ServiceResponse<CB>, Error = Error>,
    C::Future: 'static,
    B: MessageBody + 'static,
    CB: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Future = LocalBoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(
        &self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.cors.poll_ready(cx)
    }

    fn call(&self, req: ServiceRequest) -> Self::Future {
        if is_widget_path(req.path()) {
            let fut = self.direct.call(req);
            Box::pin(async move { Ok(fut.await?.map_into_boxed_body()) })
        } else {
            let fut = self.cors.call(req);
            Box::pin(async move { Ok(fut.await?.map_into_boxed_body()) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_widget_path;

    #[test]
    fn only_the_widgets_paths_skip_the_app_wide_policy() {
        assert!(is_widget_path("/widget.js"));
        assert!(is_widget_path("/embed/projects"));
        assert!(is_widget_path("/embed/click"));
        assert!(!is_widget_path("/embedded"));
        assert!(!is_widget_path("/api/v1/projects"));
        assert!(!is_widget_path("/widget.js.map"));
    }
}
