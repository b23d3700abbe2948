//! The one owner of the tokens. Async code reads the *current* tokens from here, never from a
//! copy captured at render time: refresh tokens are single-use, and presenting a spent one
//! makes the server revoke the whole session (`refresh_token_reused`).

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use js_sys::Promise;
use kakehashi_shared::auth::TokenResponse;
use kakehashi_shared::client::{ApiClient, ClientError};
use kakehashi_shared::ErrorCode;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use yew::Callback;

use super::{load, save, tab_lock, Session};
use crate::api::{self, ApiError};

/// Why the session changed, so the provider knows whether to send the person to /login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    SignedIn,
    Refreshed,
    SignedOut,
    /// The refresh token was refused: the person has to sign in again.
    Expired,
}

pub struct SessionStore {
    current: RefCell<Option<Session>>,
    /// The refresh in flight, which every caller that needs fresh tokens awaits.
    refreshing: RefCell<Option<Promise>>,
    /// How the last refresh ended; read by everyone who awaited it.
    last_refresh: RefCell<Result<(), ApiError>>,
    listener: RefCell<Option<Callback<Change>>>,
}

impl SessionStore {
    pub fn load() -> Self {
        SessionStore {
            current: RefCell::new(load()),
            refreshing: RefCell::new(None),
            last_refresh: RefCell::new(Ok(())),
            listener: RefCell::new(None),
        }
    }

    pub fn current(&self) -> Option<Session> {
        self.current.borrow().clone()
    }

    /// Who hears about changes (the provider, which re-renders and redirects).
    pub fn listen(&self, listener: Callback<Change>) {
        self.listener.replace(Some(listener));
    }

    fn set(&self, session: Option<Session>, change: Change) {
        save(session.as_ref());
        self.current.replace(session);
        let listener = self.listener.borrow().clone();
        if let Some(listener) = listener {
            listener.emit(change);
        }
    }

    pub fn sign_in(&self, tokens: TokenResponse) {
        self.set(Some(Session::from_tokens(tokens)), Change::SignedIn);
    }

    /// Revokes the session on the server, then forgets it here whatever the server said:
    /// a person who asks to sign out must be signed out of this browser even offline.
    pub async fn logout(&self) {
        if let Some(session) = self.current() {
            let _ = api::client()
                .with_token(session.access_token.as_str())
                .logout(&session.refresh_token)
                .await;
        }
        self.set(None, Change::SignedOut);
    }

    /// Another tab shares localStorage and may have refreshed (or signed out) meanwhile.
    /// Adopting its tokens keeps this tab from presenting a refresh token that is spent.
    pub fn adopt_stored(&self) {
        let stored = load();
        if stored != *self.current.borrow() {
            let change = if stored.is_some() {
                Change::Refreshed
            } else {
                Change::SignedOut
            };
            self.set(stored, change);
        }
    }

    /// Gets fresh tokens unless someone already replaced `stale_access`. Concurrent callers
    /// share one request, so a refresh token is never presented twice from this tab.
    pub async fn refresh(self: &Rc<Self>, stale_access: &str) -> Result<(), ApiError> {
        let pending = self.refreshing.borrow().clone();
        let promise = match pending {
            Some(promise) => promise,
            None => {
                let this = Rc::clone(self);
                let stale = stale_access.to_owned();
                // The future starts on the next microtask, after `refreshing` is set below.
                let promise = future_to_promise(async move {
                    let outcome = this.rotate(&stale).await;
                    *this.last_refresh.borrow_mut() = outcome;
                    this.refreshing.replace(None);
                    Ok(JsValue::UNDEFINED)
                });
                self.refreshing.replace(Some(promise.clone()));
                promise
            }
        };
        let _ = JsFuture::from(promise).await;
        self.last_refresh.borrow().clone()
    }

    async fn rotate(&self, stale_access: &str) -> Result<(), ApiError> {
        // Held until this function returns; another tab waiting for it then adopts our tokens.
        let _lock = tab_lock::acquire("kakehashi.refresh").await;
        self.adopt_stored();
        let session = self.current().ok_or(ApiError::SignedOut)?;
        if session.access_token != stale_access {
            return Ok(());
        }
        match api::client().refresh(&session.refresh_token).await {
            Ok(tokens) => {
                self.set(Some(Session::from_tokens(tokens)), Change::Refreshed);
                Ok(())
            }
            Err(ClientError::Problem(problem))
                if problem.is(ErrorCode::InvalidRefreshToken)
                    || problem.is(ErrorCode::RefreshTokenReused)
                    || problem.is(ErrorCode::Unauthenticated) =>
            {
                // A tab that refreshed a moment ago wins the race; its tokens are valid.
                self.adopt_stored();
                if self
                    .current()
                    .is_some_and(|now| now.refresh_token != session.refresh_token)
                {
                    return Ok(());
                }
                self.set(None, Change::Expired);
                Err(ApiError::SignedOut)
            }
            // Offline or a server hiccup: keep the session and let the caller show the error.
            Err(other) => Err(other.into()),
        }
    }

    /// Makes an authenticated request; on a 401 (`token_expired`, or `unauthenticated` for a
    /// token the server no longer accepts) refreshes once and retries with the new token.
    pub async fn call<T, F, Fut>(self: &Rc<Self>, request: F) -> Result<T, ApiError>
    where
        F: Fn(ApiClient) -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        let session = self.current().ok_or(ApiError::SignedOut)?;
        let base = api::client();
        match request(base.with_token(session.access_token.as_str())).await {
            Err(ClientError::Problem(problem))
                if problem.status == 401
                    && (problem.is(ErrorCode::TokenExpired)
                        || problem.is(ErrorCode::Unauthenticated)) =>
            {
                self.refresh(&session.access_token).await?;
                let fresh = self.current().ok_or(ApiError::SignedOut)?;
                request(base.with_token(fresh.access_token))
                    .await
                    .map_err(Into::into)
            }
            other => other.map_err(Into::into),
        }
    }
}
