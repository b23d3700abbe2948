//! `/case-studies`: published case studies, newest first, narrowed by prefecture, industry
//! and challenge. The filters live in the address (`/case-studies?prefecture=03`), so a
//! partner can link to its own region's stories and the back button undoes a filter.

use std::rc::Rc;

use kakehashi_shared::case_study::CaseStudy;
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use super::story::CaseStudyCard;
use crate::api;
use crate::components::{ErrorAlert, Loading};
use crate::forms::select_value;
use crate::hooks::{use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::public::Refs;
use crate::paging::{use_paged, MoreButton, PageLoader};
use crate::reference::prefecture_groups;
use crate::routes::Route;

const PAGE: u32 = 10;

/// The filters, as the address carries them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseStudyFilters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<String>,
}

/// `?limit=10&prefecture=03&cursor=…`, each value encoded (cursors are opaque).
fn query_string(f: &CaseStudyFilters, cursor: Option<&str>) -> String {
    let mut out = format!("?limit={PAGE}");
    let pairs = [
        ("prefecture", f.prefecture.as_deref()),
        ("industry", f.industry.as_deref()),
        ("challenge", f.challenge.as_deref()),
        ("cursor", cursor),
    ];
    for (key, value) in pairs {
        if let Some(value) = value {
            let encoded: String = js_sys::encode_uri_component(value).into();
            out.push_str(&format!("&{key}={encoded}"));
        }
    }
    out
}

#[function_component(CaseStudiesPage)]
pub fn case_studies_page() -> Html {
    let lang = use_lang();
    use_title(Msg::CsTitle);
    let navigator = use_navigator();
    let filters: CaseStudyFilters = use_location()
        .and_then(|l| l.query::<CaseStudyFilters>().ok())
        .unwrap_or_default();
    let (refs, retry_refs) = crate::hooks::use_remote(crate::pages::public::load_refs);

    let loader: PageLoader<CaseStudy, CaseStudyFilters> = Rc::new(move |filters, cursor| {
        Box::pin(async move {
            let page = api::client()
                .case_studies(&query_string(&filters, cursor.as_deref()))
                .await?;
            Ok((page.items, page.next_cursor))
        })
    });
    let paged = use_paged(filters.clone(), loader);

    let set = {
        let filters = filters.clone();
        move |change: fn(&mut CaseStudyFilters, Option<String>)| {
            let (filters, navigator) = (filters.clone(), navigator.clone());
            Callback::from(move |e: Event| {
                let value = select_value(&e);
                let mut next = filters.clone();
                change(&mut next, (!value.is_empty()).then_some(value));
                if let Some(navigator) = &navigator {
                    if navigator
                        .push_with_query(&Route::CaseStudies, &next)
                        .is_err()
                    {
                        navigator.push(&Route::CaseStudies);
                    }
                }
            })
        }
    };

    let refs = match refs {
        Remote::Ready(refs) => refs,
        Remote::Loading => return frame(lang, html! { <Loading /> }),
        Remote::Failed(error) => {
            return frame(lang, html! { <ErrorAlert {error} on_retry={retry_refs} /> })
        }
    };
    let any_filter = filters != CaseStudyFilters::default();
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty-state">
                <p>{ if any_filter { Msg::CsNoneMatch.t(lang) } else { Msg::CsNoneYet.t(lang) } }</p>
                if any_filter {
                    <Link<Route> to={Route::CaseStudies} classes="button secondary">{ Msg::CsClearFilters.t(lang) }</Link<Route>>
                } else {
                    <Link<Route> to={Route::Projects} classes="button secondary">{ Msg::PubFindProjects.t(lang) }</Link<Route>>
                }
            </div>
        },
        Remote::Ready(items) => html! {
            <>
                <ul class="listing-list">
                    { for items.iter().map(|s| html! {
                        <li><CaseStudyCard study={s.clone()} refs={refs.clone()} /></li>
                    }) }
                </ul>
                if let Some(error) = paged.more_error.clone() {
                    <ErrorAlert {error} />
                }
                if paged.has_more {
                    <MoreButton loading={paged.loading_more} on_click={paged.load_more.clone()} />
                }
            </>
        },
    };
    frame(
        lang,
        html! {
            <>
                { filter_bar(lang, &refs, &filters, set) }
                <h2 class="visually-hidden">{ Msg::CsResults.t(lang) }</h2>
                { body }
            </>
        },
    )
}

fn frame(lang: Lang, body: Html) -> Html {
    html! {
        <section class="page">
            <h1>{ Msg::CsTitle.t(lang) }</h1>
            <p class="lead">{ Msg::CsLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn filter_bar(
    lang: Lang,
    refs: &Refs,
    f: &CaseStudyFilters,
    set: impl Fn(fn(&mut CaseStudyFilters, Option<String>)) -> Callback<Event>,
) -> Html {
    let lists = refs.lists();
    let chosen = |value: &Option<String>, code: &str| value.as_deref() == Some(code);
    let prefectures = prefecture_groups(&lists.prefectures, lang);
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for c in &lists.challenges {
        let group = lang.pick(&c.group_ja, &c.group_en).to_owned();
        let option = (c.code.clone(), lang.pick(&c.name_ja, &c.name_en).to_owned());
        match groups.last_mut() {
            Some((name, options)) if *name == group => options.push(option),
            _ => groups.push((group, vec![option])),
        }
    }
    let grouped_options = |groups: &[(String, Vec<(String, String)>)], value: &Option<String>| {
        html! {
            { for groups.iter().map(|(name, options)| html! {
                <optgroup label={name.clone()}>
                    { for options.iter().map(|(code, label)| html! {
                        <option value={code.clone()} selected={chosen(value, code)}>{ label.clone() }</option>
                    }) }
                </optgroup>
            }) }
        }
    };
    html! {
        <form class="filters case-study-filters" aria-label={Msg::CsFilters.t(lang)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="field">
                <label for="cs-prefecture">{ Msg::CsFilterPrefecture.t(lang) }</label>
                <select id="cs-prefecture" onchange={set(|f, v| f.prefecture = v)}>
                    <option value="" selected={f.prefecture.is_none()}>{ Msg::CsAll.t(lang) }</option>
                    { grouped_options(&prefectures, &f.prefecture) }
                </select>
            </div>
            <div class="field">
                <label for="cs-industry">{ Msg::CsFilterIndustry.t(lang) }</label>
                <select id="cs-industry" onchange={set(|f, v| f.industry = v)}>
                    <option value="" selected={f.industry.is_none()}>{ Msg::CsAll.t(lang) }</option>
                    { for lists.industries.iter().map(|i| html! {
                        <option value={i.code.clone()} selected={chosen(&f.industry, &i.code)}>{ lang.pick(&i.name_ja, &i.name_en).to_owned() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="cs-challenge">{ Msg::CsFilterChallenge.t(lang) }</label>
                <select id="cs-challenge" onchange={set(|f, v| f.challenge = v)}>
                    <option value="" selected={f.challenge.is_none()}>{ Msg::CsAll.t(lang) }</option>
                    { grouped_options(&groups, &f.challenge) }
                </select>
            </div>
        </form>
    }
}
