//! Security headers on every answer, by what the path serves (docs/SECURITY.md, "Headers"):
//! the app's HTML and files, the Swagger UI, the API's JSON, and the widget's paths, which
//! partners' sites load from another origin.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, Error};

use crate::api_cors::is_widget_path;
use crate::client_addr::is_https;
use crate::state::AppState;

/// The Yew app. Scripts only from this origin: `index.html` loads `/loader.js`, which imports
/// the bundle's glue; `'wasm-unsafe-eval'` lets that glue compile the wasm (and allows no
/// `eval`). Styles allow `'unsafe-inline'` because Yew writes `style` attributes (a meter's
/// width); `style-src-attr` alone would narrow it, but browsers without CSP 3 then fall back to
/// `style-src` and drop those attributes. Style injection cannot run script, so the cost is
/// small next to script-src, which stays strict.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// The vendored Swagger UI at `/api/docs/`: its own files, inline styles it sets on its
/// elements, its data: icons; "Try it out" calls this origin.
pub const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// JSON and problems: nothing in them may load or run anything, nor be framed.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// One year, subdomains included; sent only on answers that went out over TLS.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// What a path serves, for the policy it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// `/widget.js`, `/embed/*`: fetched and run by partners' sites.
    Widget,
    /// `/api/docs/*`: the Swagger UI.
    Docs,
    /// Everything else under `/api/`.
    Api,
    /// The app's HTML, scripts, wasm and styles.
    App,
}

pub fn surface(path: &str) -> Surface {
    if is_widget_path(path) {
        Surface::Widget
    } else if path == "/api/docs" || path.starts_with("/api/docs/") {
        Surface::Docs
    } else if path == "/api" || path.starts_with("/api/") {
        Surface::Api
    } else {
        Surface::App
    }
}

/// The middleware: `App::wrap(from_fn(security_headers::apply))`.
pub async fn apply(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let surface = surface(req.path());
    let tls = served_over_tls(&req);
    let mut res = next.call(req).await?;
    add(res.headers_mut(), surface, tls);
    Ok(res)
}

/// Whether the browser reached us over TLS: our own TLS listener, or a trusted proxy's
/// `X-Forwarded-Proto: https`; never the header alone, which anyone can send (see
/// `client_addr::is_https`).
fn served_over_tls(req: &ServiceRequest) -> bool {
    req.app_data::<web::Data<AppState>>()
        .is_some_and(|state| is_https(req.request(), &state.config))
}

/// The headers for `surface`; a header the handler set itself is kept.
pub fn add(headers: &mut HeaderMap, surface: Surface, tls: bool) {
    let mut set = |name: &'static str, value: &'static str| {
        let name = HeaderName::from_static(name);
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set("x-content-type-options", "nosniff");
    set("referrer-policy", "strict-origin-when-cross-origin");
    if tls {
        set("strict-transport-security", HSTS);
    }
    let csp = match surface {
        Surface::Widget => {
            // Partners' pages load the script and read the list across origins; the
            // handlers grant CORS per partner, this lets a page with COEP embed them.
            set("cross-origin-resource-policy", "cross-origin");
            return;
        }
        Surface::Docs => DOCS_CSP,
        Surface::Api => API_CSP,
        Surface::App => APP_CSP,
    };
    set("content-security-policy", csp);
    // For browsers without CSP's frame-ancestors.
    set("x-frame-options", "DENY");
    set("cross-origin-opener-policy", "same-origin");
    set(
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_get_their_surface() {
        assert_eq!(surface("/widget.js"), Surface::Widget);
        assert_eq!(surface("/embed/projects"), Surface::Widget);
        assert_eq!(surface("/api/docs/"), Surface::Docs);
        assert_eq!(surface("/api/docs"), Surface::Docs);
        assert_eq!(surface("/api/docsx"), Surface::Api);
        assert_eq!(surface("/api/v1/projects"), Surface::Api);
        assert_eq!(surface("/"), Surface::App);
        assert_eq!(surface("/company/projects"), Surface::App);
        assert_eq!(surface("/apiary"), Surface::App);
    }

    #[test]
    fn a_handlers_own_header_is_kept() {
        let mut headers = HeaderMap::new();
        headers.insert(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static("default-src 'none'"),
        );
        add(&mut headers, Surface::App, false);
        assert_eq!(
            headers.get("content-security-policy").unwrap(),
            "default-src 'none'"
        );
        assert!(!headers.contains_key("strict-transport-security"));
        add(&mut headers, Surface::App, true);
        assert_eq!(headers.get("strict-transport-security").unwrap(), HSTS);
    }
}
