//! Lists loaded a page at a time ("show more"), the same way on every screen: the first page
//! whenever the filters change, further pages on demand, answers to stale requests dropped.

use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct MoreButtonProps {
    pub loading: bool,
    pub on_click: Callback<()>,
}

/// "Show more" at the end of a paged list.
#[function_component(MoreButton)]
pub fn more_button(props: &MoreButtonProps) -> Html {
    let lang = use_lang();
    let onclick = {
        let on_click = props.on_click.clone();
        Callback::from(move |_: MouseEvent| on_click.emit(()))
    };
    html! {
        <div class="more">
            <button type="button" class="button secondary" disabled={props.loading} {onclick}>
                { if props.loading { Msg::LoadingMore.t(lang) } else { Msg::LoadMore.t(lang) } }
            </button>
        </div>
    }
}

/// One page of a list and the cursor of the next.
pub type PageFuture<T> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<(Vec<T>, Option<String>), ApiError>>>,
>;

/// Loads one page of a list for `deps` (filters) from `cursor`.
pub type PageLoader<T, D> = std::rc::Rc<dyn Fn(D, Option<String>) -> PageFuture<T>>;

/// A list loaded a page at a time, as the screens show it.
pub struct Paged<T> {
    pub list: crate::hooks::Remote<Vec<T>>,
    /// Whether there are more pages.
    pub has_more: bool,
    pub loading_more: bool,
    /// Why the last "show more" failed; the items already shown stay.
    pub more_error: Option<ApiError>,
    pub load_more: Callback<()>,
    pub retry: Callback<()>,
    /// Replaces the loaded items after a local change (a posting approved, an application moved).
    pub update: Callback<Vec<T>>,
}

#[derive(Clone, PartialEq)]
struct PagedState<T> {
    list: crate::hooks::Remote<Vec<T>>,
    next: Option<String>,
    loading_more: bool,
    more_error: Option<ApiError>,
}

/// Loads the first page whenever `deps` change (or on retry), and further pages on demand.
/// Answers to an older request (filters changed meanwhile) are dropped.
#[hook]
pub fn use_paged<T, D>(deps: D, load: PageLoader<T, D>) -> Paged<T>
where
    T: Clone + PartialEq + 'static,
    D: Clone + PartialEq + 'static,
{
    use crate::hooks::Remote;
    let state = use_state(|| PagedState::<T> {
        list: Remote::Loading,
        next: None,
        loading_more: false,
        more_error: None,
    });
    // The state as of the latest render, for async continuations that outlive a render.
    let latest = use_mut_ref(|| (*state).clone());
    *latest.borrow_mut() = (*state).clone();
    let generation = use_mut_ref(|| 0u32);
    let attempt = use_state(|| 0u32);
    let loader = use_mut_ref(|| load.clone());
    *loader.borrow_mut() = load;

    {
        let (state, generation, loader) = (state.clone(), generation.clone(), loader.clone());
        use_effect_with((deps.clone(), *attempt), move |(deps, _)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            state.set(PagedState {
                list: Remote::Loading,
                next: None,
                loading_more: false,
                more_error: None,
            });
            let future = (loader.borrow())(deps.clone(), None);
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() != mine {
                    return;
                }
                state.set(match result {
                    Ok((items, next)) => PagedState {
                        list: Remote::Ready(items),
                        next,
                        loading_more: false,
                        more_error: None,
                    },
                    Err(error) => PagedState {
                        list: Remote::Failed(error),
                        next: None,
                        loading_more: false,
                        more_error: None,
                    },
                });
            });
        });
    }

    let load_more = {
        let (state, latest, generation, loader) = (
            state.clone(),
            latest.clone(),
            generation.clone(),
            loader.clone(),
        );
        Callback::from(move |()| {
            let now = latest.borrow().clone();
            let Some(cursor) = now.next.clone() else {
                return;
            };
            if now.loading_more {
                return;
            }
            let mine = *generation.borrow();
            state.set(PagedState {
                loading_more: true,
                more_error: None,
                ..now
            });
            let future = (loader.borrow())(deps.clone(), Some(cursor));
            let (state, latest, generation) = (state.clone(), latest.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() != mine {
                    return;
                }
                let now = latest.borrow().clone();
                state.set(match (result, now.list) {
                    (Ok((more, next)), Remote::Ready(mut items)) => {
                        items.extend(more);
                        PagedState {
                            list: Remote::Ready(items),
                            next,
                            loading_more: false,
                            more_error: None,
                        }
                    }
                    (Err(error), list) => PagedState {
                        list,
                        next: now.next,
                        loading_more: false,
                        more_error: Some(error),
                    },
                    (Ok(_), list) => PagedState {
                        list,
                        next: now.next,
                        loading_more: false,
                        more_error: None,
                    },
                });
            });
        })
    };
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let update = {
        let (state, latest) = (state.clone(), latest.clone());
        Callback::from(move |items: Vec<T>| {
            let now = latest.borrow().clone();
            state.set(PagedState {
                list: Remote::Ready(items),
                ..now
            });
        })
    };
    Paged {
        list: state.list.clone(),
        has_more: state.next.is_some(),
        loading_more: state.loading_more,
        more_error: state.more_error.clone(),
        load_more,
        retry,
        update,
    }
}
