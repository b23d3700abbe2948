//! Authentication: password hashing, access tokens, refresh tokens and the request extractor.

pub mod extractor;
pub mod jwt;
pub mod password;
pub mod refresh;

pub use extractor::{AuthUser, MaybeAuthUser};
pub use jwt::{Claims, JwtKeys};
