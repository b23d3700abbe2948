//! The partner referral a widget link carries (`?ref=CODE` on any page): kept in localStorage
//! for 30 days and sent as `referral_code` on registration and on applying, so the partner
//! that brought someone in is recorded even if they register days later. Only codes of the
//! partners' shape are kept; the server ignores a well-formed code no partner has, and the
//! app forgets a code the server did not record.

use gloo::storage::{LocalStorage, Storage};
use kakehashi_shared::embed::{is_referral_code, referral_from_query, REFERRAL_DAYS};
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "kakehashi.referral";

#[derive(Serialize, Deserialize)]
struct Kept {
    code: String,
    /// Milliseconds since the epoch after which the code is forgotten.
    expires_at: f64,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Keeps the page address's `?ref=` (a newer link replaces an older one and restarts the 30
/// days). Runs once per page load, before the first render.
pub fn capture() {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    if let Some(code) = referral_from_query(&search) {
        let kept = Kept {
            code,
            expires_at: now_ms() + (REFERRAL_DAYS as f64) * 86_400_000.0,
        };
        let _ = LocalStorage::set(STORAGE_KEY, kept);
    }
}

/// The kept code, unless it is older than 30 days (then it is forgotten).
pub fn stored() -> Option<String> {
    let kept = LocalStorage::get::<Kept>(STORAGE_KEY).ok()?;
    if kept.expires_at <= now_ms() || !is_referral_code(&kept.code) {
        forget();
        return None;
    }
    Some(kept.code)
}

/// Forgets the kept code (the server did not know it: a stale link).
pub fn forget() {
    LocalStorage::delete(STORAGE_KEY);
}
