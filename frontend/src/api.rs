//! The app's door to the API: the shared typed client, bound to the page's own origin, and an
//! error type that components can keep in state and compare.

use kakehashi_shared::client::{ApiClient, ClientError};
use kakehashi_shared::{FieldError, Problem};

/// A client for the server that served this page. The shared client needs an absolute base;
/// the SPA and the API always share an origin, so deep links and ports need no configuration.
pub fn client() -> ApiClient {
    let origin = gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default();
    ApiClient::new(origin)
}

/// Why a request failed, in the shape the screens need.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem (4xx/5xx with a problem+json body).
    Problem(Problem),
    /// The server could not be reached.
    Network,
    /// The server answered something that is not the expected shape.
    Decode,
    /// The request needs a session and there is none (any more).
    SignedOut,
}

impl From<ClientError> for ApiError {
    fn from(error: ClientError) -> Self {
        match error {
            ClientError::Problem(problem) => ApiError::Problem(problem),
            ClientError::Network(_) => ApiError::Network,
            ClientError::Decode(_) => ApiError::Decode,
        }
    }
}

impl ApiError {
    /// The per-field errors the server sent, if any.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Problem(problem) => &problem.errors,
            _ => &[],
        }
    }

    /// Whether trying again later may succeed (offline, server trouble), as opposed to a
    /// request the person has to change.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Decode => true,
            ApiError::Problem(problem) => problem.status >= 500,
            ApiError::SignedOut => false,
        }
    }

    /// Whether the server answered with this problem code.
    pub fn is(&self, code: kakehashi_shared::ErrorCode) -> bool {
        matches!(self, ApiError::Problem(p) if p.is(code))
    }
}
