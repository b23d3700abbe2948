//! The header's 「お知らせ (3)」 link: the unread count from one request for the newest page,
//! refreshed when the route changes but at most once a minute, except right after leaving
//! /notifications (where opening a notification marks it read) or on reaching it.

use std::cell::RefCell;
use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::kinds::unread_words;
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::{now_ms, use_session};

/// Newest notifications counted; beyond this the count reads "50+".
const COUNTED: u32 = 50;
/// No more than one count a minute while moving between other pages.
const MIN_INTERVAL_MS: f64 = 60_000.0;

/// When and where the count was last asked for, and for whom.
#[derive(Default)]
struct Last {
    at: f64,
    path: String,
    user: Option<i64>,
}

#[function_component(NotificationsLink)]
pub fn notifications_link() -> Html {
    let lang = use_lang();
    let session = use_session();
    let path = use_location()
        .map(|l| l.path().to_owned())
        .unwrap_or_default();
    let user = session.session().map(|s| s.user.id);
    // The count as shown: "3", "50+"; None before the first answer or when it failed.
    let count = use_state(|| None::<String>);
    let last: Rc<RefCell<Last>> = use_mut_ref(Last::default);
    {
        let (count, session) = (count.clone(), session.clone());
        use_effect_with((path, user), move |(path, user)| {
            let notes_path = Route::Notifications.to_path();
            let due = {
                let mut last = last.borrow_mut();
                let due = last.user != *user
                    || now_ms() - last.at >= MIN_INTERVAL_MS
                    || last.path == notes_path
                    || *path == notes_path;
                if last.user != *user {
                    count.set(None);
                }
                last.path = path.clone();
                last.user = *user;
                if due {
                    last.at = now_ms();
                }
                due
            };
            if due && user.is_some() {
                spawn_local(async move {
                    let page = session
                        .call(|client: ApiClient| async move {
                            client.notifications(COUNTED, None).await
                        })
                        .await;
                    if let Ok(page) = page {
                        let unread = page.items.iter().filter(|n| n.read_at.is_none()).count();
                        let capped = page.next_cursor.is_some() && unread == page.items.len();
                        count.set(Some(if capped {
                            format!("{unread}+")
                        } else {
                            unread.to_string()
                        }));
                    }
                });
            }
        });
    }
    let shown = (*count).clone().filter(|c| c != "0");
    html! {
        <Link<Route> to={Route::Notifications} classes="nav-link nav-notifications">
            { Msg::NavNotifications.t(lang) }
            if let Some(count) = shown {
                <span class="nav-count" aria-hidden="true">{ format!("({count})") }</span>
                <span class="visually-hidden">{ format!(" {}", unread_words(lang, &count)) }</span>
            }
        </Link<Route>>
    }
}
