//! `/projects`: the catalogue. Every condition lives in the address (`/projects?q=EC&
//! prefecture=03&sort=fee&cursor=20`), so a search can be bookmarked, shared and reloaded,
//! and the browser's back button undoes a filter.

use std::cell::Cell;
use std::rc::Rc;

use kakehashi_shared::enums::ContractType;
use kakehashi_shared::search::{FacetCount, ProjectFacets, ProjectSearchPage, ProjectSearchParams};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::card::ProjectCard;
use super::names::contract_type;
use super::refs::{use_refs, Refs};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading};
use crate::forms::{focus_element, input_value, select_value};
use crate::hooks::{use_title, Remote};
use crate::i18n::format::{fee_range, hours_up_to, project_count, with_count};
use crate::i18n::{use_lang, Lang, Msg};
use crate::routes::Route;

const PAGE_SIZE: i64 = 20;

/// The fee bands the server counts, as `(facet value, fee_min, fee_max)`; the facet's upper
/// bound is exclusive and `fee_max` inclusive, hence the −1.
const FEE_BANDS: &[(&str, Option<i64>, Option<i64>)] = &[
    ("0-30000", None, Some(29_999)),
    ("30000-50000", Some(30_000), Some(49_999)),
    ("50000-100000", Some(50_000), Some(99_999)),
    ("100000-150000", Some(100_000), Some(149_999)),
    ("150000-", Some(150_000), None),
];

/// The hours limits offered, with the hours bands (upper bound inclusive) each one covers.
const HOURS_LIMITS: &[(i32, &[&str])] = &[
    (10, &["0-10"]),
    (20, &["0-10", "11-20"]),
    (30, &["0-10", "11-20", "21-30"]),
    (40, &["0-10", "11-20", "21-30", "31-40"]),
];

/// `(value, label, count)` for a select; `count` is left out where the server's counts do
/// not say what choosing the option would give (another value of a filter already set).
type Choice = (String, String, Option<u64>);

fn count_of(list: &[FacetCount], value: &str) -> u64 {
    list.iter()
        .find(|f| f.value == value)
        .map_or(0, |f| f.count)
}

/// Counts are over the results of the current search, so for a filter already set they
/// only describe the chosen value: the other values would replace it, not narrow it.
fn facet_count(
    list: Option<&[FacetCount]>,
    value: &str,
    filter_set: bool,
    selected: bool,
) -> Option<u64> {
    let list = list?;
    (!filter_set || selected).then(|| count_of(list, value))
}

#[function_component(ProjectSearch)]
pub fn project_search() -> Html {
    let lang = use_lang();
    use_title(Msg::PubSearchTitle);
    let navigator = use_navigator();
    let params: ProjectSearchParams = use_location()
        .and_then(|l| l.query::<ProjectSearchParams>().ok())
        .unwrap_or_default();
    let (refs, retry_refs) = use_refs();

    let results = use_state(|| Remote::<ProjectSearchPage>::Loading);
    // The facets of the last answer stay on screen while the next search loads.
    let facets = use_state(|| None::<ProjectFacets>);
    let attempt = use_state(|| 0u32);
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    {
        let (results, facets) = (results.clone(), facets.clone());
        let generation = Rc::clone(&generation.borrow());
        use_effect_with((params.clone(), *attempt), move |(params, _)| {
            // Only the latest search may fill the page: answers can arrive out of order.
            let this = generation.get() + 1;
            generation.set(this);
            results.set(Remote::Loading);
            let mut request = params.clone();
            request.limit = Some(PAGE_SIZE);
            spawn_local(async move {
                let answer = api::client().search_projects(&request).await;
                if generation.get() != this {
                    return;
                }
                match answer {
                    Ok(page) => {
                        facets.set(page.facets.clone());
                        results.set(Remote::Ready(page));
                    }
                    Err(error) => results.set(Remote::Failed(ApiError::from(error))),
                }
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    // Every change of a condition starts again at the first page.
    let go = {
        let navigator = navigator.clone();
        Callback::from(move |next: ProjectSearchParams| {
            if let Some(navigator) = &navigator {
                if navigator.push_with_query(&Route::Projects, &next).is_err() {
                    navigator.push(&Route::Projects);
                }
            }
        })
    };
    let set = {
        let (go, params) = (go.clone(), params.clone());
        move |change: fn(&mut ProjectSearchParams, String)| {
            let (go, params) = (go.clone(), params.clone());
            Callback::from(move |value: String| {
                let mut next = params.clone();
                next.cursor = None;
                change(&mut next, value);
                go.emit(next);
            })
        }
    };

    let refs = match refs {
        Remote::Ready(refs) => refs,
        Remote::Loading => return page_frame(lang, html! { <Loading /> }),
        Remote::Failed(error) => {
            return page_frame(lang, html! { <ErrorAlert {error} on_retry={retry_refs} /> })
        }
    };

    let active = active_filters(&params);
    let filters = filters_panel(lang, &refs, &params, facets.as_ref(), active, &set, &go);
    let body = match &*results {
        Remote::Loading => html! { <Loading message={Msg::PubSearching} /> },
        Remote::Failed(error) => html! {
            <>
                <ErrorAlert error={error.clone()} on_retry={retry} />
                if active > 0 || params.q.is_some() {
                    <button type="button" class="button secondary" onclick={clear_all(&go)}>{ Msg::PubClearAll.t(lang) }</button>
                }
            </>
        },
        Remote::Ready(page) => results_list(lang, &refs, &params, page, &go),
    };

    page_frame(
        lang,
        html! {
            <>
                <SearchBox params={params.clone()} go={go.clone()} />
                <div class="search-layout">
                    { filters }
                    <section class="search-results" aria-labelledby="search-results" aria-live="polite">
                        { body }
                    </section>
                </div>
            </>
        },
    )
}

fn page_frame(lang: Lang, body: Html) -> Html {
    html! {
        <section class="page">
            <h1>{ Msg::PubSearchTitle.t(lang) }</h1>
            <p class="lead">{ Msg::PubSearchLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn clear_all(go: &Callback<ProjectSearchParams>) -> Callback<MouseEvent> {
    let go = go.clone();
    Callback::from(move |_: MouseEvent| go.emit(ProjectSearchParams::default()))
}

fn active_filters(p: &ProjectSearchParams) -> usize {
    [
        p.prefecture.is_some(),
        p.region.is_some(),
        p.challenge.is_some(),
        p.industry.is_some(),
        p.contract_type.is_some(),
        p.remote.is_some(),
        p.fee_min.is_some() || p.fee_max.is_some(),
        p.hours_max.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

#[derive(Properties, PartialEq)]
struct SearchBoxProps {
    params: ProjectSearchParams,
    go: Callback<ProjectSearchParams>,
}

/// The words: typed freely, sent on submit (each keystroke would be a new address).
#[function_component(SearchBox)]
fn search_box_component(props: &SearchBoxProps) -> Html {
    let lang = use_lang();
    let text = use_state(|| props.params.q.clone().unwrap_or_default());
    {
        // Back and forward change the address: the box follows it.
        let text = text.clone();
        use_effect_with(props.params.q.clone(), move |q| {
            text.set(q.clone().unwrap_or_default())
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(input_value(&e)))
    };
    let onsubmit = {
        let (text, go, params) = (text.clone(), props.go.clone(), props.params.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let words = text.trim().to_owned();
            let mut next = params.clone();
            next.cursor = None;
            next.q = (!words.is_empty()).then_some(words);
            go.emit(next);
        })
    };
    html! {
        <form class="search-box" role="search" {onsubmit}>
            <label for="search-q">{ Msg::PubSearchWords.t(lang) }</label>
            <div class="search-row">
                <input id="search-q" name="q" type="search" value={(*text).clone()} {oninput}
                    placeholder={Msg::PubSearchPlaceholder.t(lang)} enterkeyhint="search" />
                <button type="submit" class="button primary">{ Msg::PubSearchButton.t(lang) }</button>
            </div>
        </form>
    }
}

fn filter_select(
    lang: Lang,
    id: &str,
    label: Msg,
    value: String,
    groups: Vec<(Option<String>, Vec<Choice>)>,
    on_change: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| on_change.emit(select_value(&e)));
    let option = |(v, text, count): Choice| {
        let selected = v == value;
        let text = match count {
            Some(n) => with_count(lang, &text, n),
            None => text,
        };
        html! { <option value={v} {selected}>{ text }</option> }
    };
    let groups = groups.into_iter().map(|(heading, choices)| match heading {
        Some(h) => html! { <optgroup label={h}>{ for choices.into_iter().map(option) }</optgroup> },
        None => html! { for choices.into_iter().map(option) },
    });
    html! {
        <div class="field compact">
            <label for={id.to_owned()}>{ label.t(lang) }</label>
            <select id={id.to_owned()} name={id.to_owned()} {onchange}>
                <option value="" selected={value.is_empty()}>{ Msg::PubAny.t(lang) }</option>
                { for groups }
            </select>
        </div>
    }
}

fn filters_panel(
    lang: Lang,
    refs: &Refs,
    p: &ProjectSearchParams,
    facets: Option<&ProjectFacets>,
    active: usize,
    set: &impl Fn(fn(&mut ProjectSearchParams, String)) -> Callback<String>,
    go: &Callback<ProjectSearchParams>,
) -> Html {
    let lists = refs.lists();
    let f = |pick: fn(&ProjectFacets) -> &Vec<FacetCount>| facets.map(|f| pick(f).as_slice());

    // Prefectures under their regions.
    let pref_set = p.prefecture.is_some();
    let mut pref_groups: Vec<(Option<String>, Vec<Choice>)> = Vec::new();
    for pr in lists.prefectures.iter() {
        let region = lang.pick(&pr.region_ja, &pr.region_en).to_owned();
        let selected = p.prefecture.as_deref() == Some(pr.code.as_str());
        let choice = (
            pr.code.clone(),
            lang.pick(&pr.name_ja, &pr.name_en).to_owned(),
            facet_count(f(|f| &f.prefecture), &pr.code, pref_set, selected),
        );
        match pref_groups.last_mut() {
            Some((Some(name), list)) if *name == region => list.push(choice),
            _ => pref_groups.push((Some(region), vec![choice])),
        }
    }

    let region_set = p.region.is_some();
    let regions: Vec<Choice> = refs
        .regions(lang)
        .into_iter()
        .map(|(code, name)| {
            let selected = p.region.as_deref() == Some(code.as_str());
            let count = facet_count(f(|f| &f.region), &code, region_set, selected);
            (code, name, count)
        })
        .collect();

    // Challenge groups (counted) with their challenges under each (not counted by the server).
    let challenge_set = p.challenge.is_some();
    let mut challenge_groups: Vec<(Option<String>, Vec<Choice>)> = Vec::new();
    for (group, name) in refs.challenge_groups(lang) {
        let selected = p.challenge.as_deref() == Some(group.as_str());
        let count = facet_count(f(|f| &f.challenge_group), &group, challenge_set, selected);
        let mut choices = vec![(
            group.clone(),
            Msg::PubAllOf.t(lang).replace("{}", &name),
            count,
        )];
        choices.extend(
            lists
                .challenges
                .iter()
                .filter(|c| c.group_code == group)
                .map(|c| {
                    (
                        c.code.clone(),
                        lang.pick(&c.name_ja, &c.name_en).to_owned(),
                        None,
                    )
                }),
        );
        challenge_groups.push((Some(name), choices));
    }

    let industry_set = p.industry.is_some();
    let industries: Vec<Choice> = lists
        .industries
        .iter()
        .map(|i| {
            let selected = p.industry.as_deref() == Some(i.code.as_str());
            let count = facet_count(f(|f| &f.industry), &i.code, industry_set, selected);
            (
                i.code.clone(),
                lang.pick(&i.name_ja, &i.name_en).to_owned(),
                count,
            )
        })
        .collect();

    let contract_set = p.contract_type.is_some();
    let contracts: Vec<Choice> = ContractType::ALL
        .iter()
        .map(|t| {
            let selected = p.contract_type == Some(*t);
            let count = facet_count(f(|f| &f.contract_type), t.as_str(), contract_set, selected);
            (
                t.as_str().to_owned(),
                contract_type(*t).t(lang).to_owned(),
                count,
            )
        })
        .collect();

    let remote_set = p.remote.is_some();
    let remote: Vec<Choice> = [(true, Msg::PubRemoteOnly), (false, Msg::PubOnsiteOnly)]
        .iter()
        .map(|(value, label)| {
            let v = value.to_string();
            let count = facet_count(f(|f| &f.remote), &v, remote_set, p.remote == Some(*value));
            (v, label.t(lang).to_owned(), count)
        })
        .collect();

    let fee_set = p.fee_min.is_some() || p.fee_max.is_some();
    let current_band = FEE_BANDS
        .iter()
        .find(|(_, lo, hi)| *lo == p.fee_min && *hi == p.fee_max)
        .map(|(v, _, _)| (*v).to_owned());
    let mut fees: Vec<Choice> = FEE_BANDS
        .iter()
        .map(|(v, lo, hi)| {
            let selected = current_band.as_deref() == Some(*v);
            let count = facet_count(f(|f| &f.fee_band), v, fee_set, selected);
            ((*v).to_owned(), fee_range(lang, *lo, *hi), count)
        })
        .collect();
    // A range typed into the address by hand is shown as it is, not silently dropped.
    if fee_set && current_band.is_none() {
        fees.push((
            "custom".to_owned(),
            fee_range(lang, p.fee_min, p.fee_max),
            None,
        ));
    }
    let fee_value = match (&current_band, fee_set) {
        (Some(v), _) => v.clone(),
        (None, true) => "custom".to_owned(),
        (None, false) => String::new(),
    };

    let hours_set = p.hours_max.is_some();
    let mut hours: Vec<Choice> = HOURS_LIMITS
        .iter()
        .map(|(limit, bands)| {
            let count = if hours_set {
                None
            } else {
                f(|f| &f.hours_band).map(|list| bands.iter().map(|b| count_of(list, b)).sum())
            };
            (limit.to_string(), hours_up_to(lang, *limit), count)
        })
        .collect();
    if let Some(h) = p
        .hours_max
        .filter(|h| !HOURS_LIMITS.iter().any(|(l, _)| l == h))
    {
        hours.push((h.to_string(), hours_up_to(lang, h), None));
    }

    let on_fee = {
        let (go, p) = (go.clone(), p.clone());
        Callback::from(move |value: String| {
            let mut next = p.clone();
            next.cursor = None;
            if value != "custom" {
                let band = FEE_BANDS.iter().find(|(v, _, _)| *v == value);
                next.fee_min = band.and_then(|b| b.1);
                next.fee_max = band.and_then(|b| b.2);
            }
            go.emit(next);
        })
    };

    // Open by default where there is room for it beside the results.
    let wide = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 960.0);
    let summary = if active > 0 {
        with_count(lang, Msg::PubFilters.t(lang), active as u64)
    } else {
        Msg::PubFilters.t(lang).to_owned()
    };

    html! {
        <details class="search-filters" open={wide}>
            <summary>{ summary }</summary>
            <div class="filters-body">
                { filter_select(lang, "filter-prefecture", Msg::PubFilterPrefecture, p.prefecture.clone().unwrap_or_default(), pref_groups,
                    set(|n, v| n.prefecture = (!v.is_empty()).then_some(v))) }
                { filter_select(lang, "filter-region", Msg::PubFilterRegion, p.region.clone().unwrap_or_default(), vec![(None, regions)],
                    set(|n, v| n.region = (!v.is_empty()).then_some(v))) }
                { filter_select(lang, "filter-challenge", Msg::PubFilterChallenge, p.challenge.clone().unwrap_or_default(), challenge_groups,
                    set(|n, v| n.challenge = (!v.is_empty()).then_some(v))) }
                { filter_select(lang, "filter-industry", Msg::PubFilterIndustry, p.industry.clone().unwrap_or_default(), vec![(None, industries)],
                    set(|n, v| n.industry = (!v.is_empty()).then_some(v))) }
                { filter_select(lang, "filter-contract", Msg::PubFilterContract, p.contract_type.map(|t| t.as_str().to_owned()).unwrap_or_default(), vec![(None, contracts)],
                    set(|n, v| n.contract_type = ContractType::parse(&v))) }
                { filter_select(lang, "filter-remote", Msg::PubFilterRemote, p.remote.map(|r| r.to_string()).unwrap_or_default(), vec![(None, remote)],
                    set(|n, v| n.remote = v.parse().ok())) }
                { filter_select(lang, "filter-fee", Msg::PubFilterFee, fee_value, vec![(None, fees)], on_fee) }
                { filter_select(lang, "filter-hours", Msg::PubFilterHours, p.hours_max.map(|h| h.to_string()).unwrap_or_default(), vec![(None, hours)],
                    set(|n, v| n.hours_max = v.parse().ok())) }
                if active > 0 {
                    <button type="button" class="button secondary wide" onclick={clear_all_filters(go, p)}>{ Msg::PubClearFilters.t(lang) }</button>
                }
            </div>
        </details>
    }
}

/// Drops the filters but keeps the words and the order.
fn clear_all_filters(
    go: &Callback<ProjectSearchParams>,
    p: &ProjectSearchParams,
) -> Callback<MouseEvent> {
    let (go, q, sort) = (go.clone(), p.q.clone(), p.sort.clone());
    Callback::from(move |_: MouseEvent| {
        go.emit(ProjectSearchParams {
            q: q.clone(),
            sort: sort.clone(),
            ..ProjectSearchParams::default()
        })
    })
}

fn results_list(
    lang: Lang,
    refs: &Refs,
    p: &ProjectSearchParams,
    page: &ProjectSearchPage,
    go: &Callback<ProjectSearchParams>,
) -> Html {
    let total = page.total.unwrap_or(page.items.len() as u64);
    let sorts = [
        ("relevance", Msg::PubSortRelevance),
        ("newest", Msg::PubSortNewest),
        ("fee", Msg::PubSortFee),
        ("deadline", Msg::PubSortDeadline),
    ];
    let current_sort = p.sort.clone().unwrap_or_else(|| "relevance".to_owned());
    let on_sort = {
        let (go, p) = (go.clone(), p.clone());
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            let mut next = p.clone();
            next.cursor = None;
            next.sort = (value != "relevance").then_some(value);
            go.emit(next);
        })
    };
    let next_page = page.next_cursor.clone().map(|cursor| {
        let (go, p) = (go.clone(), p.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = p.clone();
            next.cursor = Some(cursor.clone());
            go.emit(next);
            focus_element("search-results");
        });
        html! { <button type="button" class="button primary" {onclick}>{ Msg::PubNextPage.t(lang) }</button> }
    });
    let first_page = p.cursor.is_some().then(|| {
        let (go, p) = (go.clone(), p.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = p.clone();
            next.cursor = None;
            go.emit(next);
            focus_element("search-results");
        });
        html! { <button type="button" class="button secondary" {onclick}>{ Msg::PubFirstPage.t(lang) }</button> }
    });

    if page.items.is_empty() {
        return html! {
            <div class="empty-state">
                <h2 id="search-results" tabindex="-1">{ project_count(lang, total) }</h2>
                <p>{ Msg::PubNoResults.t(lang) }</p>
                if p.cursor.is_some() {
                    { for first_page }
                } else {
                    <button type="button" class="button primary" onclick={clear_all(go)}>{ Msg::PubClearAll.t(lang) }</button>
                }
            </div>
        };
    }
    html! {
        <>
            <div class="results-head">
                <h2 id="search-results" tabindex="-1">{ project_count(lang, total) }</h2>
                <div class="field compact sort">
                    <label for="search-sort">{ Msg::PubSort.t(lang) }</label>
                    <select id="search-sort" name="sort" onchange={on_sort}>
                        { for sorts.iter().map(|(v, m)| html! {
                            <option value={*v} selected={current_sort == *v}>{ m.t(lang) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <ul class="listing-list">
                { for page.items.iter().map(|project| html! {
                    <li><ProjectCard project={project.clone()} refs={refs.clone()} /></li>
                }) }
            </ul>
            <nav class="pager" aria-label={Msg::PubPages.t(lang)}>
                { for first_page }
                { for next_page }
            </nav>
        </>
    }
}
