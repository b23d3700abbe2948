//! Figures (partner bundle): the public summary 「データで見る架け橋」 (`/stats`) and the staff
//! dashboard (`/stats/dashboard`), both drawing the same blocks of tables, charts and CSV buttons.

mod dashboard;
mod figures;
mod summary;

pub use dashboard::StatsDashboardPage;
pub use summary::StatsPage;

use yew::prelude::*;

use crate::forms::select_value;

/// A select's change written into a state.
fn select_changed(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| state.set(select_value(&e)))
}

/// The browser's current year (the last one the year list offers).
fn year_now() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}
