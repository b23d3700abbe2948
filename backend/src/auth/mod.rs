//! Authentication: password hashing, access tokens, refresh tokens and the request extractor.

// API keys.
pub mod api_key;
pub mod extractor;
pub mod jwt;
pub mod password;
pub mod refresh;

pub use api_key::{ApiCaller, MaybeApiCaller};
pub use extractor::{AuthUser, MaybeAuthUser};
pub use jwt::{Claims, JwtKeys};
