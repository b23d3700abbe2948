//! Opaque refresh tokens: random, shown once, stored only as a SHA-256 hash.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// Refresh tokens expire after 30 days without use.
pub const REFRESH_TOKEN_DAYS: i64 = 30;

/// A new random token (`rt_` + 64 hex digits) and its stored hash.
pub fn generate() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = format!("rt_{}", hex::encode(bytes));
    let hash = digest(&token);
    (token, hash)
}

/// A new family id for the tokens of one sign-in.
pub fn new_family() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a token. A fast hash is right here: the token has 256 random bits,
/// so there is nothing to brute-force.
pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
