//! `ValidJson<T>`: a JSON body read within the size limit, parsed with the path of any bad
//! field, and checked with `shared`'s `Validate` before the handler sees it.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::BytesMut;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use kakehashi_shared::{FieldErrors, Validate};
use serde::de::DeserializeOwned;

use crate::config::DEFAULT_BODY_LIMIT;
use crate::error::ApiError;
use crate::state::AppState;

pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map_or(DEFAULT_BODY_LIMIT, |s| s.config.body_limit);
        let checked = check_headers(req, limit);
        let mut payload = payload.take();
        Box::pin(async move {
            checked?;
            let mut body = BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk
                    .map_err(|e| ApiError::Malformed(format!("the body could not be read: {e}")))?;
                if body.len() + chunk.len() > limit {
                    return Err(ApiError::PayloadTooLarge { limit });
                }
                body.extend_from_slice(&chunk);
            }
            let value = parse::<T>(&body)?;
            value.validate().map_err(ApiError::Validation)?;
            Ok(ValidJson(value))
        })
    }
}

fn check_headers(req: &HttpRequest, limit: usize) -> Result<(), ApiError> {
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| {
            let v = v.trim().to_ascii_lowercase();
            v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
        })
        .unwrap_or(false);
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    // Refuse an announced oversized body before reading any of it.
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    Ok(())
}

/// Syntax errors are 400; well-formed JSON with a wrong field is 422 naming the field.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if !inner.is_data() {
            return ApiError::Malformed(format!("the body is not valid JSON: {inner}"));
        }
        ApiError::Validation(field_error(&path, &inner.to_string()))
    })
}

fn field_error(path: &str, message: &str) -> FieldErrors {
    // serde's messages name the offending key in backticks: "missing field `email`".
    let quoted = message.split('`').nth(1).unwrap_or_default();
    let join = |name: &str| match path {
        "." | "" => name.to_owned(),
        parent => format!("{parent}.{name}"),
    };
    // An empty key (`{"": 1}`) ends the path with an empty name: name the object holding it,
    // so every error names a field.
    let field = match path.trim_end_matches('.') {
        "" => "body".to_owned(),
        named if path.ends_with('.') => named.to_owned(),
        _ => path.to_owned(),
    };
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned();
    let mut errors = FieldErrors::new();
    if message.starts_with("missing field") {
        errors.add(&join(quoted), "required", "is required");
    } else if message.starts_with("unknown field") {
        // Here the path already ends at the unknown key.
        errors.add(&field, "not_allowed", message);
    } else if message.starts_with("unknown variant") {
        errors.add(&field, "unknown_value", message);
    } else {
        errors.add(&field, "invalid_type", message);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use kakehashi_shared::auth::RegisterRequest;

    fn errors(body: &str) -> Vec<(String, String)> {
        match parse::<RegisterRequest>(body.as_bytes()) {
            Err(ApiError::Validation(e)) => e.0.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("expected a validation error, got {:?}", other.err()),
        }
    }

    #[test]
    fn syntax_errors_are_malformed() {
        assert!(matches!(
            parse::<RegisterRequest>(b"{\"email\":"),
            Err(ApiError::Malformed(_))
        ));
    }

    #[test]
    fn data_errors_name_the_field() {
        let base = r#""email":"a@b.jp","password":"0123456789","display_name":"x""#;
        assert_eq!(
            errors(&format!(r#"{{"account_type":"robot",{base}}}"#)),
            [("account_type".to_owned(), "unknown_value".to_owned())]
        );
        assert_eq!(
            errors(r#"{"account_type":"talent"}"#),
            [("email".to_owned(), "required".to_owned())]
        );
        assert_eq!(
            errors(&format!(
                r#"{{"account_type":"talent",{base},"role":"admin"}}"#
            )),
            [("role".to_owned(), "not_allowed".to_owned())]
        );
        assert_eq!(
            errors(&format!(
                r#"{{"account_type":"company",{base},"company":{{"name":1}}}}"#
            )),
            [("company.name".to_owned(), "invalid_type".to_owned())]
        );
        assert_eq!(
            errors("[]"),
            [("body".to_owned(), "invalid_type".to_owned())]
        );
    }

    /// Found by the `request_bodies` fuzz target: an empty key was a 422 naming the field "".
    #[test]
    fn an_empty_key_names_its_object() {
        let base = r#""email":"a@b.jp","password":"0123456789","display_name":"x""#;
        assert_eq!(
            errors(&format!(r#"{{"account_type":"talent",{base},"":1}}"#)),
            [("body".to_owned(), "not_allowed".to_owned())]
        );
        assert_eq!(
            errors(&format!(
                r#"{{"account_type":"company",{base},"company":{{"":1}}}}"#
            )),
            [("company".to_owned(), "not_allowed".to_owned())]
        );
    }
}
