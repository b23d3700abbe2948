//! `/stats`: 「データで見る架け橋」, the public figures for all of Japan or one prefecture, one
//! year or all time. Small cells arrive withheld from the API and show as "—".

use std::rc::Rc;

use kakehashi_shared::client::stats_summary_path;
use kakehashi_shared::stats::Stats;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::figures::{is_empty, Csv, Figures};
use super::{select_changed, year_now};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::reference::{self, prefecture_groups};

/// The first year the service ran; the year list starts here.
const FIRST_YEAR: i32 = 2026;

#[function_component(StatsPage)]
pub fn stats_page() -> Html {
    use_title(Msg::StTitle);
    let lang = use_lang();
    let prefecture = use_state(String::new);
    let year = use_state(String::new);
    let attempt = use_state(|| 0u32);
    let data = use_state(|| Remote::<Rc<Stats>>::Loading);
    {
        let data = data.clone();
        use_effect_with(
            ((*prefecture).clone(), (*year).clone(), *attempt),
            move |(prefecture, year, _)| {
                let (prefecture, year) = (prefecture.clone(), year.parse::<i32>().ok());
                data.set(Remote::Loading);
                spawn_local(async move {
                    let result = api::client()
                        .stats_summary(Some(&prefecture), year)
                        .await
                        .map_err(ApiError::from);
                    data.set(match result {
                        Ok(stats) => Remote::Ready(Rc::new(stats)),
                        Err(error) => Remote::Failed(error),
                    });
                });
            },
        );
    }
    let (prefectures, retry_prefectures) = use_remote(reference::prefectures);
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    let prefecture_select = {
        let groups = match &prefectures {
            Remote::Ready(list) => prefecture_groups(list, lang),
            _ => Vec::new(),
        };
        let onchange = select_changed(&prefecture);
        html! {
            <div class="field">
                <label for="st-prefecture">{ Msg::StPrefecture.t(lang) }</label>
                <p class="hint" id="st-prefecture-hint">{ Msg::StPrefectureHint.t(lang) }</p>
                <select id="st-prefecture" aria-describedby="st-prefecture-hint" {onchange}>
                    <option value="" selected={prefecture.is_empty()}>{ Msg::StAllJapan.t(lang) }</option>
                    { for groups.into_iter().map(|(region, options)| html! {
                        <optgroup label={region}>
                            { for options.into_iter().map(|(code, name)| {
                                let selected = *prefecture == code;
                                html! { <option value={code} {selected}>{ name }</option> }
                            }) }
                        </optgroup>
                    }) }
                </select>
                if let Remote::Failed(error) = &prefectures {
                    <ErrorAlert error={error.clone()} on_retry={retry_prefectures.clone()} />
                }
            </div>
        }
    };
    let year_select = {
        let onchange = select_changed(&year);
        html! {
            <div class="field">
                <label for="st-year">{ Msg::StYear.t(lang) }</label>
                <p class="hint" id="st-year-hint">{ Msg::StYearHint.t(lang) }</p>
                <select id="st-year" aria-describedby="st-year-hint" {onchange}>
                    <option value="" selected={year.is_empty()}>{ Msg::StAllYears.t(lang) }</option>
                    { for (FIRST_YEAR..=year_now().max(FIRST_YEAR)).rev().map(|y| {
                        let value = y.to_string();
                        let selected = *year == value;
                        html! { <option value={value.clone()} {selected}>{ year_label(lang, y) }</option> }
                    }) }
                </select>
            </div>
        }
    };

    let year_value = year.parse::<i32>().ok();
    // The CSV's headers and labels follow the page's language.
    let csv_base = format!(
        "{}{}",
        stats_summary_path(Some(&prefecture), year_value, true),
        if lang == Lang::En { "&lang=en" } else { "" }
    );
    let body = match &*data {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert error={error.clone()} on_retry={retry} /> },
        Remote::Ready(stats) if is_empty(stats) => html! {
            <div class="empty"><p>{ Msg::StEmpty.t(lang) }</p></div>
        },
        Remote::Ready(stats) => html! {
            <>
                { headline(lang, stats) }
                <p class="hint">{ Msg::StWithheldNote.t(lang) }</p>
                <p>
                    <a class="button primary" href={csv_base.clone()} download="">{ Msg::StCsvAll.t(lang) }</a>
                </p>
                <Figures stats={Rc::clone(stats)} csv={Csv::Link(csv_base.clone())} />
            </>
        },
    };
    html! {
        <section class="page stats-page">
            <h1>{ Msg::StTitle.t(lang) }</h1>
            <p class="lead">{ Msg::StLead.t(lang) }</p>
            <form class="stats-filters" aria-label={Msg::StFilters.t(lang)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { prefecture_select }
                { year_select }
            </form>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}

fn year_label(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Ja => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

/// The few figures a visitor reads first, large.
fn headline(lang: Lang, s: &Stats) -> Html {
    let three = s
        .continuation
        .iter()
        .find(|c| c.months == 3)
        .and_then(|c| c.rate);
    let item = |label: Msg, value: String| {
        html! { <div class="headline-figure"><dt>{ label.t(lang) }</dt><dd>{ value }</dd></div> }
    };
    let three_label = format!(
        "{}（{}）",
        Msg::StContinuation.t(lang),
        Msg::StMonthsN.t(lang).replace("{n}", "3")
    );
    html! {
        <dl class="headline-figures">
            { item(Msg::StFunnelTalents, s.funnel.talents.to_string()) }
            { item(Msg::StFunnelCompanies, s.funnel.companies.to_string()) }
            { item(Msg::StFunnelContracts, s.funnel.contracts.to_string()) }
            <div class="headline-figure">
                <dt>{ three_label }</dt>
                <dd>{ three.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "—".to_owned()) }</dd>
            </div>
            { item(Msg::StSatHeadline, s.satisfaction.mean.map(|m| format!("{m:.1} / 5")).unwrap_or_else(|| "—".to_owned())) }
        </dl>
    }
}
