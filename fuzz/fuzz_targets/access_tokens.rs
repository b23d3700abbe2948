//! Access tokens (`Authorization: Bearer …`). Arbitrary text must be refused without a panic,
//! and so must tokens the server's own key signed over arbitrary claims (what a leaked or
//! mis-issued token could carry): wrong types, missing claims, extreme times.
#![no_main]

use jsonwebtoken::{encode, EncodingKey, Header};
use kakehashi::auth::jwt::JwtKeys;
use kakehashi::error::ApiError;
use libfuzzer_sys::fuzz_target;

const SECRET: &[u8] = b"fuzzing-secret-of-at-least-32-bytes!";

fn refused_cleanly(result: Result<kakehashi::policy::Actor, ApiError>) {
    match result {
        Ok(_) | Err(ApiError::Unauthenticated(_)) | Err(ApiError::TokenExpired) => {}
        Err(other) => panic!("a token answered with {other:?}"),
    }
}

// The input is a token, or (after a newline) claims as JSON to sign with the right key.
fuzz_target!(|input: &str| {
    let keys = JwtKeys::from_secret(SECRET);
    let (token, claims) = input.split_once('\n').unwrap_or((input, ""));
    for now in [0, 1_800_000_000, i64::MIN, i64::MAX] {
        refused_cleanly(keys.verify(token, now));
    }
    if let Ok(claims) = serde_json::from_str::<serde_json::Value>(claims) {
        let token = encode(
            &Header::default(),
            &claims,
            &EncodingKey::from_secret(SECRET),
        )
        .expect("HS256 signs any JSON");
        for now in [0, 1_800_000_000, i64::MIN, i64::MAX] {
            refused_cleanly(keys.verify(&token, now));
        }
    }
});
