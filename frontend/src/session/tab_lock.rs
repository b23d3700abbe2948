//! A lock shared by every tab of this origin (the Web Locks API), held while refreshing.
//! Tabs share the tokens through localStorage; without the lock, two tabs refreshing at the
//! same moment would both present the same single-use refresh token, and the server would
//! take the second for theft and revoke the session in every tab.
//!
//! web-sys exposes Web Locks only behind an unstable cfg, so this calls it through js-sys.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Releases the lock when dropped.
pub struct Held {
    release: Function,
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.release.call0(&JsValue::UNDEFINED);
    }
}

/// Waits for the lock `name`. `None` where the browser has no Web Locks (or refuses them):
/// the caller goes on unlocked, as it would in a single tab.
pub async fn acquire(name: &str) -> Option<Held> {
    let navigator = gloo::utils::window().navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    if locks.is_undefined() || locks.is_null() {
        return None;
    }
    let request: Function = Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()?
        .dyn_into()
        .ok()?;

    // The lock stays held until `release` settles, which `Held::drop` triggers.
    let mut release_fn = None;
    let release = Promise::new(&mut |resolve, _| release_fn = Some(resolve));
    let mut acquired_fn = None;
    let acquired = Promise::new(&mut |resolve, _| acquired_fn = Some(resolve));
    let (release_fn, acquired_fn) = (release_fn?, acquired_fn?);

    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = acquired_fn.call0(&JsValue::UNDEFINED);
        release.into()
    });
    let outcome: Promise = request
        .call2(&locks, &JsValue::from_str(name), &callback)
        .ok()?
        .dyn_into()
        .ok()?;
    // `outcome` rejects if the lock cannot be had; it only resolves after release, so
    // whichever settles first tells whether we hold the lock.
    JsFuture::from(Promise::race(&Array::of2(&acquired, &outcome)))
        .await
        .ok()?;
    Some(Held {
        release: release_fn,
    })
}
