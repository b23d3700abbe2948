//! How a case study reads: its facts (company, place, industry, how long, who took part,
//! anonymised) and its card in lists, on `/case-studies` and on the home page.

use kakehashi_shared::case_study::{AnonymisedTalent, CaseStudy, CaseStudyStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, Remote};
use crate::i18n::format::months;
use crate::i18n::{format_date, join_list, use_lang, Lang, Msg};
use crate::pages::company::common::labelled;
use crate::pages::public::names::{age_band, employer_type};
use crate::pages::public::{load_refs, Refs};
use crate::routes::Route;

/// How many stories the home page shows.
const LATEST: u32 = 3;

/// Who took part, as the public may know them: 「40代・関東在住・大企業に勤務」.
pub fn talent_line(lang: Lang, t: &AnonymisedTalent, refs: &Refs) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = t.age_band {
        parts.push(age_band(a).t(lang).to_owned());
    }
    // The server names the region in Japanese; the prefecture list has its English name.
    let region = if t.residence_region == "海外" {
        Some(Msg::CsAbroad.t(lang).to_owned())
    } else if t.residence_region.is_empty() {
        None
    } else {
        let name = refs
            .lists()
            .prefectures
            .iter()
            .find(|p| p.region_ja == t.residence_region)
            .map_or(t.residence_region.as_str(), |p| {
                lang.pick(&p.region_ja, &p.region_en)
            });
        Some(Msg::CsLivesIn.t(lang).replace("{region}", name))
    };
    parts.extend(region);
    if let Some(e) = t.employer_type {
        parts.push(
            Msg::CsWorksAt
                .t(lang)
                .replace("{employer}", employer_type(e).t(lang)),
        );
    }
    let sep = match lang {
        Lang::Ja => "・",
        Lang::En => ", ",
    };
    parts.join(sep)
}

/// 「岩手県 ・ 製造業 ・ 稼働6か月」.
pub fn place_line(lang: Lang, s: &CaseStudy, refs: &Refs) -> String {
    format!(
        "{} ・ {} ・ {}",
        refs.prefecture(lang, &s.prefecture_code),
        refs.industry(lang, &s.industry_code),
        if s.months < 1 {
            Msg::CsUnderAMonth.t(lang).to_owned()
        } else {
            Msg::CsMonths
                .t(lang)
                .replace("{months}", &months(lang, s.months))
        }
    )
}

pub fn challenge_names(lang: Lang, s: &CaseStudy, refs: &Refs) -> Vec<String> {
    s.challenges
        .iter()
        .map(|c| refs.challenge(lang, c))
        .collect()
}

pub fn status_badge(lang: Lang, status: CaseStudyStatus) -> Html {
    match status {
        CaseStudyStatus::Draft => {
            html! { <span class="badge badge-wait">{ Msg::CsDraft.t(lang) }</span> }
        }
        CaseStudyStatus::Published => {
            html! { <span class="badge badge-good">{ Msg::CsPublished.t(lang) }</span> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CaseStudyCardProps {
    pub study: CaseStudy,
    pub refs: Refs,
    /// The heading level of the title inside the list (`h2` or `h3`).
    #[prop_or(AttrValue::Static("h2"))]
    pub heading: AttrValue,
}

/// One story in a list: the title links to it; the first lines of the results say why read it.
#[function_component(CaseStudyCard)]
pub fn case_study_card(props: &CaseStudyCardProps) -> Html {
    let lang = use_lang();
    let (s, refs) = (&props.study, &props.refs);
    let challenges = challenge_names(lang, s, refs);
    let teaser: String = s
        .kpis
        .first()
        .cloned()
        .unwrap_or_else(|| s.text.results.lines().next().unwrap_or_default().to_owned());
    let heading = html! {
        <@{props.heading.to_string()} class="listing-title">
            <Link<Route> to={Route::CaseStudy { id: s.id }}>{ s.text.title.clone() }</Link<Route>>
        </@>
    };
    html! {
        <article class="listing case-study-listing">
            { heading }
            <p class="listing-meta">{ format!("{} ・ {}", s.company_name, place_line(lang, s, refs)) }</p>
            if !teaser.is_empty() {
                <p class="case-teaser">{ teaser }</p>
            }
            <p class="listing-meta">{ labelled(lang, Msg::CsTalent, &talent_line(lang, &s.talent, refs)) }</p>
            if !challenges.is_empty() {
                <p class="listing-tags">
                    <span class="visually-hidden">{ Msg::CsChallenges.t(lang) }</span>
                    { for challenges.into_iter().map(|c| html! { <span class="tag">{ c }</span> }) }
                </p>
            }
            if let Some(at) = s.published_at.as_ref() {
                <p class="listing-meta">{ labelled(lang, Msg::CsPublishedOn, &format_date(lang, at)) }</p>
            }
        </article>
    }
}

async fn load_latest() -> Result<(Vec<CaseStudy>, Refs), ApiError> {
    let refs = load_refs().await?;
    let page = api::client()
        .case_studies(&format!("?limit={LATEST}"))
        .await?;
    Ok((page.items, refs))
}

/// The home page's section: the newest published stories and the way to all of them.
#[function_component(LatestCaseStudies)]
pub fn latest_case_studies() -> Html {
    let lang = use_lang();
    let (loaded, retry) = use_remote(load_latest);
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready((items, _)) if items.is_empty() => html! {
            <p>{ Msg::CsHomeEmpty.t(lang) }</p>
        },
        Remote::Ready((items, refs)) => html! {
            <>
                <ul class="listing-list">
                    { for items.iter().map(|s| html! {
                        <li><CaseStudyCard study={s.clone()} refs={refs.clone()} heading="h3" /></li>
                    }) }
                </ul>
                <Link<Route> to={Route::CaseStudies} classes="button secondary">{ Msg::CsSeeAll.t(lang) }</Link<Route>>
            </>
        },
    };
    html! {
        <section class="block case-studies-home" aria-labelledby="case-studies-title">
            <h2 id="case-studies-title">{ Msg::CsHomeTitle.t(lang) }</h2>
            <p class="lead">{ Msg::CsHomeLead.t(lang) }</p>
            { body }
        </section>
    }
}

/// Challenge names joined for a sentence (detail page facts).
pub fn challenge_list(lang: Lang, s: &CaseStudy, refs: &Refs) -> String {
    join_list(lang, &challenge_names(lang, s, refs))
}
