//! The signed-in session: what is kept in the browser, how it is refreshed, and the
//! `use_session` hook through which pages read it and make authenticated calls.
//!
//! `store` owns the tokens and the single-flight refresh; `provider` puts the store in the
//! component tree, schedules the silent refresh and sends people to /login when it fails;
//! `tab_lock` keeps two tabs from refreshing at once.

mod provider;
mod store;
mod tab_lock;

use gloo::storage::{LocalStorage, Storage};
use kakehashi_shared::auth::{Me, TokenResponse};
use serde::{Deserialize, Serialize};

pub use provider::{use_session, SessionHandle, SessionProvider};

const STORAGE_KEY: &str = "kakehashi.session";

/// The tokens of one sign-in and who they belong to, as kept in localStorage so a reload
/// does not sign the person out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    /// When the access token expires, in milliseconds since the epoch by the browser's
    /// clock. Computed from `expires_in` on arrival, so a skewed clock cannot shorten it.
    pub access_expires_at: f64,
    /// The user as the last sign-in or refresh saw them, for the header and the home page.
    pub user: Me,
}

impl Session {
    pub fn from_tokens(tokens: TokenResponse) -> Self {
        Session {
            access_expires_at: now_ms() + tokens.expires_in as f64 * 1000.0,
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            user: tokens.user,
        }
    }
}

/// The browser's clock; chrono cannot read it on wasm32-unknown-unknown.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn load() -> Option<Session> {
    // Anything unreadable (an older format, a hand-edited value) counts as signed out.
    LocalStorage::get::<Session>(STORAGE_KEY).ok()
}

fn save(session: Option<&Session>) {
    match session {
        // A full or disabled storage only means the session will not survive a reload.
        Some(session) => {
            let _ = LocalStorage::set(STORAGE_KEY, session);
        }
        None => LocalStorage::delete(STORAGE_KEY),
    }
}
