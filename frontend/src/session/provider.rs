//! Puts the session store in the component tree, refreshes the access token shortly before
//! it expires, and sends the person to /login (with `?next=` of where they were) when the
//! session cannot be renewed.

use std::future::Future;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use kakehashi_shared::auth::TokenResponse;
use kakehashi_shared::client::{ApiClient, ClientError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::store::{Change, SessionStore};
use super::{now_ms, Session};
use crate::api::ApiError;
use crate::routes::{current_path, LoginQuery, Route};

/// Refresh this long before the access token expires, so a request never races the expiry.
const REFRESH_BEFORE_MS: f64 = 60_000.0;
/// Up to this much earlier again, at random, so two open tabs rarely refresh at once.
const REFRESH_JITTER_MS: f64 = 10_000.0;
/// After a failed silent refresh (offline, server down), try again this much later.
const RETRY_AFTER_MS: f64 = 15_000.0;
/// The longest delay `setTimeout` accepts (2^31 − 1 ms, about 24 days).
const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

/// What pages get from `use_session`: the session as of this render, and the actions.
#[derive(Clone)]
pub struct SessionHandle {
    session: Option<Session>,
    expired: bool,
    store: Rc<SessionStore>,
}

impl PartialEq for SessionHandle {
    fn eq(&self, other: &Self) -> bool {
        self.session == other.session
            && self.expired == other.expired
            && Rc::ptr_eq(&self.store, &other.store)
    }
}

impl SessionHandle {
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn is_signed_in(&self) -> bool {
        self.session.is_some()
    }

    /// Whether the last session ended because it could not be renewed (shown on /login).
    pub fn expired(&self) -> bool {
        self.expired
    }

    pub fn sign_in(&self, tokens: TokenResponse) {
        self.store.sign_in(tokens);
    }

    pub async fn logout(&self) {
        self.store.logout().await;
    }

    /// An authenticated request with the current token, refreshed and retried once on 401.
    pub async fn call<T, F, Fut>(&self, request: F) -> Result<T, ApiError>
    where
        F: Fn(ApiClient) -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        self.store.call(request).await
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    pub children: Html,
}

/// Must sit inside the router: it navigates to /login when a session expires.
#[function_component(SessionProvider)]
pub fn session_provider(props: &SessionProviderProps) -> Html {
    let store = use_memo((), |_| SessionStore::load());
    let store: Rc<SessionStore> = Rc::clone(&store);
    let session = use_state(|| store.current());
    let expired = use_state(|| false);
    let failures = use_state(|| 0u32);
    let navigator = use_navigator();

    {
        let (store, session, expired) = (Rc::clone(&store), session.clone(), expired.clone());
        use_effect_with((), move |_| {
            let listener_store = Rc::clone(&store);
            store.listen(Callback::from(move |change: Change| {
                session.set(listener_store.current());
                match change {
                    Change::SignedIn => expired.set(false),
                    Change::Expired => {
                        expired.set(true);
                        send_to_login(navigator.as_ref());
                    }
                    Change::Refreshed | Change::SignedOut => {}
                }
            }));
        });
    }

    // Another tab signed in, refreshed or signed out: follow it, so tabs never disagree.
    {
        let store = Rc::clone(&store);
        use_effect_with((), move |_| {
            let on_storage = Closure::<dyn Fn()>::new(move || store.adopt_stored());
            let window = gloo::utils::window();
            let callback: &js_sys::Function = on_storage.as_ref().unchecked_ref();
            let _ = window.add_event_listener_with_callback("storage", callback);
            move || {
                let callback: &js_sys::Function = on_storage.as_ref().unchecked_ref();
                let _ = window.remove_event_listener_with_callback("storage", callback);
            }
        });
    }

    {
        let store = Rc::clone(&store);
        let failures = failures.clone();
        let timer_key = session
            .as_ref()
            .map(|s| (s.access_token.clone(), s.access_expires_at.to_bits()));
        use_effect_with((timer_key, *failures), move |(key, failed)| {
            let timeout = key.clone().map(|(access, expires_bits)| {
                let delay = refresh_delay(f64::from_bits(expires_bits), *failed);
                Timeout::new(delay, move || {
                    spawn_local(async move {
                        match store.refresh(&access).await {
                            Ok(()) => failures.set(0),
                            // Signed out: the listener already redirected.
                            Err(ApiError::SignedOut) => {}
                            Err(_) => failures.set(*failures + 1),
                        }
                    });
                })
            });
            // Dropping the Timeout cancels it when the tokens change or the app unmounts.
            move || drop(timeout)
        });
    }

    let context = SessionHandle {
        session: (*session).clone(),
        expired: *expired,
        store,
    };
    html! {
        <ContextProvider<SessionHandle> {context}>
            { props.children.clone() }
        </ContextProvider<SessionHandle>>
    }
}

/// Milliseconds until the silent refresh: about a minute before expiry, at once if that has
/// passed (a reload after a long pause), and not sooner than the retry delay after a failure.
fn refresh_delay(expires_at: f64, failures: u32) -> u32 {
    let jitter = js_sys::Math::random() * REFRESH_JITTER_MS;
    let mut delay = expires_at - REFRESH_BEFORE_MS - jitter - now_ms();
    if failures > 0 {
        delay = delay.max(RETRY_AFTER_MS);
    }
    delay.clamp(0.0, MAX_TIMEOUT_MS) as u32
}

fn send_to_login(navigator: Option<&Navigator>) {
    let Some(navigator) = navigator else { return };
    let here = current_path();
    // Coming back to /login or /register after signing in would be pointless.
    let next = (!here.starts_with("/login") && !here.starts_with("/register")).then_some(here);
    let query = LoginQuery { next };
    if navigator.push_with_query(&Route::Login, &query).is_err() {
        navigator.push(&Route::Login);
    }
}

/// The session, for pages and components. Outside a provider (never, in this app) it reads
/// the stored session without refreshing it, rather than failing.
#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().unwrap_or_else(|| {
        let store = Rc::new(SessionStore::load());
        SessionHandle {
            session: store.current(),
            expired: false,
            store,
        }
    })
}
