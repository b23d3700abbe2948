//! Registration, sign-in, rotating refresh and sign-out.

use chrono::{DateTime, Duration, Utc};
use diesel::Connection;
use kakehashi_shared::auth::{Me, RegisterRequest, TokenResponse};
use kakehashi_shared::enums::{AccountType, Role};
use kakehashi_shared::validation::normalize_email;

use crate::auth::jwt::ACCESS_TOKEN_SECONDS;
use crate::auth::{password, refresh};
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::Actor;
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::companies::{self, NewCompanyRow};
use crate::repositories::users::{self, NewUserRow, UserRow};
use crate::repositories::{from_db_time, reference, refresh_tokens, to_db_time};
use crate::services::accounts;
use crate::state::AppState;

/// Opens an account (and its company) and signs it in. The request is already validated.
pub async fn register(state: &AppState, req: RegisterRequest) -> Result<TokenResponse, ApiError> {
    let now = state.clock.now();
    let hash = {
        let password = req.password.clone();
        // argon2 is deliberately slow: keep it off the async workers.
        actix_web::web::block(move || password::hash(&password))
            .await
            .map_err(|e| ApiError::internal(format!("hashing task failed: {e}")))??
    };
    let (user, family) = state
        .db
        .write(move |conn| {
            conn.transaction(|conn| {
                let email = normalize_email(&req.email);
                if users::email_exists(conn, &email)? {
                    return Err(ApiError::EmailTaken);
                }
                // Widget and referrals: a code no partner has (a stale link) records nothing.
                let referral =
                    crate::services::embed::referral(conn, req.referral_code.as_deref())?;
                let company_id = match (&req.account_type, &req.company) {
                    (AccountType::Company, Some(company)) => {
                        if !reference::industry_exists(conn, &company.industry_code)? {
                            return Err(ApiError::field(
                                "company.industry_code",
                                "unknown_value",
                                "is not a JSIC major group",
                            ));
                        }
                        if !reference::prefecture_exists(conn, &company.prefecture_code)? {
                            return Err(ApiError::field(
                                "company.prefecture_code",
                                "unknown_value",
                                "is not a JIS prefecture code",
                            ));
                        }
                        let id = companies::insert(
                            conn,
                            &NewCompanyRow {
                                name: company.name.trim(),
                                industry_code: &company.industry_code,
                                prefecture_code: &company.prefecture_code,
                                municipality: company.municipality.trim(),
                                referred_by_partner_id: referral,
                                created_at: to_db_time(now),
                                updated_at: to_db_time(now),
                            },
                        )?;
                        Some(id)
                    }
                    _ => None,
                };
                let role = if company_id.is_some() {
                    Role::CompanyMember
                } else {
                    Role::Talent
                };
                let mut user = users::insert(
                    conn,
                    &NewUserRow {
                        email: &email,
                        password_hash: &hash,
                        display_name: req.display_name.trim(),
                        role: role.as_str(),
                        company_id,
                        hub_id: None,
                        partner_id: None,
                        created_at: to_db_time(now),
                        updated_at: to_db_time(now),
                    },
                )
                .map_err(unique_email)?;
                // A company's referral is on the company (above); a talent's on the account.
                if let (None, Some(partner)) = (company_id, referral) {
                    crate::repositories::widget::set_user_referral(conn, user.id, partner)?;
                    user.referred_by_partner_id = Some(partner);
                }
                if let Some(id) = company_id {
                    audit::record(
                        conn,
                        &AuditEntry::new("company", id, "created", now).by(user.id),
                    )?;
                }
                audit::record(
                    conn,
                    &AuditEntry::new("user", user.id, "registered", now).by(user.id),
                )?;
                // Privacy (APPI): registering accepts the terms and the policy in force.
                crate::services::privacy::record_registration_consents(conn, user.id, now)?;
                let family = refresh::new_family();
                Ok((user, family))
            })
        })
        .await?;
    start_session(state, user, family, now).await
}

/// Two registrations racing for one email: the unique index decides, the loser gets 409.
fn unique_email(err: diesel::result::Error) -> ApiError {
    match err {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => ApiError::EmailTaken,
        other => other.into(),
    }
}

/// Checks email and password. An unknown email and a wrong password get the same answer in
/// about the same time, so accounts cannot be discovered.
///
/// Rate limits and client addresses: attempts are limited per client address, and per email
/// (the lockout). The email's allowance is counted whether or not an account has it, and
/// spent by every attempt until a success gives it back, so an unknown email and a known one
/// are locked after the same number of failures with the same answer (429 `login_locked`).
pub async fn login(
    state: &AppState,
    client: std::net::IpAddr,
    email: &str,
    password_text: &str,
) -> Result<TokenResponse, ApiError> {
    use crate::rate_limit::{self, Bucket};
    let now = state.clock.now();
    let email = normalize_email(email);
    rate_limit::check(state, Bucket::LoginIp, &rate_limit::ip_key(client)).await?;
    rate_limit::check(state, Bucket::LoginEmail, &email)
        .await
        .map_err(|e| match e {
            ApiError::RateLimited {
                retry_after_secs, ..
            } => ApiError::LoginLocked { retry_after_secs },
            other => other,
        })?;
    let lockout_key = email.clone();
    let user = state
        .db
        .run(move |conn| Ok(users::find_by_email(conn, &email)?))
        .await?;
    let password_text = password_text.to_owned();
    let user = actix_web::web::block(move || match user {
        Some(user) if password::verify(&user.password_hash, &password_text) => Some(user),
        Some(_) => None,
        None => {
            password::verify_against_dummy(&password_text);
            None
        }
    })
    .await
    .map_err(|e| ApiError::internal(format!("verification task failed: {e}")))?
    .ok_or(ApiError::InvalidCredentials)?;
    // A failure to give the allowance back must not refuse a correct password; the
    // allowance refills by itself anyway.
    if let Err(e) = state
        .rate_limits
        .reset(Bucket::LoginEmail, &lockout_key)
        .await
    {
        tracing::warn!(error = %e, "could not clear the sign-in failures");
    }
    start_session(state, user, refresh::new_family(), now).await
}

/// Issues an access token and the first refresh token of a new family.
async fn start_session(
    state: &AppState,
    user: UserRow,
    family: String,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let (token, hash) = refresh::generate();
    let me = state
        .db
        .write(move |conn| {
            conn.transaction(|conn| {
                refresh_tokens::insert(
                    conn,
                    user.id,
                    &family,
                    &hash,
                    to_db_time(now),
                    to_db_time(now + Duration::days(refresh::REFRESH_TOKEN_DAYS)),
                )?;
                accounts::me(conn, user.clone())
            })
        })
        .await?;
    token_response(state, me, token, now)
}

fn token_response(
    state: &AppState,
    me: Me,
    refresh_token: String,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let actor = actor_of(&me);
    Ok(TokenResponse {
        access_token: state.jwt.issue(&actor, now.timestamp())?,
        token_type: "Bearer".to_owned(),
        expires_in: ACCESS_TOKEN_SECONDS,
        refresh_token,
        refresh_expires_in: Duration::days(refresh::REFRESH_TOKEN_DAYS).num_seconds(),
        user: me,
    })
}

pub fn actor_of(me: &Me) -> Actor {
    Actor {
        user_id: me.id,
        role: me.role,
        company_id: me.company.as_ref().map(|c| c.id),
        hub_id: me.hub.as_ref().map(|h| h.id),
        partner_id: me.partner.as_ref().map(|p| p.id),
    }
}

enum Rotation {
    Rotated(Box<Me>),
    Reused,
    Invalid,
}

/// Exchanges a refresh token for a new pair. A token that was already used means it was
/// copied: the whole family is revoked (committed before answering) and the caller must
/// sign in again.
pub async fn refresh(state: &AppState, presented: &str) -> Result<TokenResponse, ApiError> {
    let now = state.clock.now();
    let presented_hash = refresh::digest(presented);
    let (new_token, new_hash) = refresh::generate();
    let outcome = state
        .db
        .write(move |conn| conn.transaction(|conn| rotate(conn, &presented_hash, &new_hash, now)))
        .await?;
    match outcome {
        Rotation::Rotated(me) => token_response(state, *me, new_token, now),
        Rotation::Reused => Err(ApiError::RefreshTokenReused),
        Rotation::Invalid => Err(ApiError::InvalidRefreshToken),
    }
}

fn rotate(
    conn: &mut AnyConnection,
    presented_hash: &str,
    new_hash: &str,
    now: DateTime<Utc>,
) -> Result<Rotation, ApiError> {
    let Some(row) = refresh_tokens::find_by_hash(conn, presented_hash)? else {
        return Ok(Rotation::Invalid);
    };
    if row.revoked_at.is_some() && row.replaced_at.is_none() {
        // Signed out or already revoked: not a theft signal, just an ended session.
        return Ok(Rotation::Invalid);
    }
    if row.replaced_at.is_some() || !refresh_tokens::mark_replaced(conn, row.id, to_db_time(now))? {
        refresh_tokens::revoke_family(conn, &row.family_id, to_db_time(now))?;
        audit::record(
            conn,
            &AuditEntry::new("user", row.user_id, "refresh_token_reused", now),
        )?;
        return Ok(Rotation::Reused);
    }
    if from_db_time(row.expires_at) <= now {
        return Ok(Rotation::Invalid);
    }
    refresh_tokens::insert(
        conn,
        row.user_id,
        &row.family_id,
        new_hash,
        to_db_time(now),
        to_db_time(now + Duration::days(refresh::REFRESH_TOKEN_DAYS)),
    )?;
    let user = users::find(conn, row.user_id)?;
    Ok(Rotation::Rotated(Box::new(accounts::me(conn, user)?)))
}

/// Ends the session the refresh token belongs to (all its rotations). Signing out twice is
/// not an error; an unknown token is.
pub async fn logout(state: &AppState, presented: &str) -> Result<(), ApiError> {
    let now = state.clock.now();
    let hash = refresh::digest(presented);
    state
        .db
        .write(move |conn| {
            conn.transaction(|conn| {
                let row = refresh_tokens::find_by_hash(conn, &hash)?
                    .ok_or(ApiError::InvalidRefreshToken)?;
                refresh_tokens::revoke_family(conn, &row.family_id, to_db_time(now))?;
                Ok(())
            })
        })
        .await
}
