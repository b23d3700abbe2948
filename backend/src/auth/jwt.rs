//! Short-lived HS256 access tokens. Stateless, so several instances can serve one session.

use std::io::Write;
use std::path::Path;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use kakehashi_shared::enums::Role;
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::policy::Actor;

/// Access tokens live 15 minutes; the app refreshes them silently.
pub const ACCESS_TOKEN_SECONDS: i64 = 15 * 60;

/// Tolerance for clocks of several instances that differ slightly.
const EXPIRY_LEEWAY_SECONDS: i64 = 5;

/// What an access token says about its bearer. The organisation ids let the policy decide
/// most requests without a database read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    /// The user id, as a string (RFC 7519).
    pub sub: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<i64>,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl JwtKeys {
    pub fn from_secret(secret: &[u8]) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    /// The configured secret, or for local runs one generated once and kept in `data_dir`
    /// (so sessions survive a restart). Several instances must share `KAKEHASHI_JWT_SECRET`.
    pub fn load(configured: Option<&str>, data_dir: &Path) -> Result<Self, String> {
        if let Some(secret) = configured {
            if secret.len() < 32 {
                return Err("KAKEHASHI_JWT_SECRET must be at least 32 characters".into());
            }
            return Ok(Self::from_secret(secret.as_bytes()));
        }
        let path = data_dir.join("jwt_secret");
        match std::fs::read_to_string(&path) {
            Ok(secret) if secret.trim().len() >= 32 => {
                Ok(Self::from_secret(secret.trim().as_bytes()))
            }
            Ok(_) => Err(format!(
                "{} is too short; delete it to generate a new one",
                path.display()
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut bytes = [0u8; 48];
                rand::rngs::OsRng.fill_bytes(&mut bytes);
                let secret = hex::encode(bytes);
                write_private(&path, &secret)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                tracing::info!(path = %path.display(), "generated a JWT secret for local runs");
                Ok(Self::from_secret(secret.as_bytes()))
            }
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    pub fn issue(&self, actor: &Actor, now: i64) -> Result<String, ApiError> {
        let claims = Claims {
            sub: actor.user_id.to_string(),
            role: actor.role,
            company_id: actor.company_id,
            hub_id: actor.hub_id,
            partner_id: actor.partner_id,
            iat: now,
            exp: now + ACCESS_TOKEN_SECONDS,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::internal(format!("cannot sign a token: {e}")))
    }

    /// Checks signature, algorithm (HS256 only: `alg: none` and others are refused) and expiry
    /// against `now` (the app's clock, so tests can move time as for every other deadline).
    pub fn verify(&self, token: &str, now: i64) -> Result<Actor, ApiError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.set_required_spec_claims(&["exp", "sub", "iat"]);
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .map_err(|_| ApiError::Unauthenticated("The access token is not valid."))?;
        let claims = data.claims;
        // Saturating: an `exp` near i64::MAX must read as far future, not overflow.
        if claims.exp.saturating_add(EXPIRY_LEEWAY_SECONDS) < now {
            return Err(ApiError::TokenExpired);
        }
        let user_id = claims
            .sub
            .parse()
            .map_err(|_| ApiError::Unauthenticated("The access token is not valid."))?;
        Ok(Actor {
            user_id,
            role: claims.role,
            company_id: claims.company_id,
            hub_id: claims.hub_id,
            partner_id: claims.partner_id,
        })
    }
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found while writing the `access_tokens` fuzz target: a well-signed token whose `exp`
    /// is near i64::MAX overflowed the leeway (a panic in debug builds).
    #[test]
    fn extreme_expiry_times_do_not_overflow() {
        let keys = JwtKeys::from_secret(b"a test secret of at least 32 bytes!!");
        let claims =
            serde_json::json!({"sub": "1", "role": "talent", "iat": i64::MIN, "exp": i64::MAX});
        let token = jsonwebtoken::encode(
            &jsonwebtoken::Header::default(),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(b"a test secret of at least 32 bytes!!"),
        )
        .unwrap();
        assert_eq!(
            keys.verify(&token, i64::MAX).map(|a| a.user_id).ok(),
            Some(1)
        );
    }
}
