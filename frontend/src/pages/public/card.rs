//! A posting in a list: what a talent scans first (fee, hours, on-site days, remote, where,
//! the deadline), with the title linking to the whole posting.

use kakehashi_shared::project::Project;
use yew::prelude::*;
use yew_router::prelude::*;

use super::refs::Refs;
use crate::i18n::format::{monthly_fee, monthly_hours, onsite_days};
use crate::i18n::{format_date, use_lang, Msg};
use crate::routes::Route;

#[derive(Properties, PartialEq)]
pub struct ProjectCardProps {
    pub project: Project,
    pub refs: Refs,
    /// The heading level of the title inside the list (`h2` or `h3`).
    #[prop_or(AttrValue::Static("h2"))]
    pub heading: AttrValue,
    /// More content under the facts (a score and its reasons).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(ProjectCard)]
pub fn project_card(props: &ProjectCardProps) -> Html {
    let lang = use_lang();
    let p = &props.project;
    let d = &p.draft;
    let refs = &props.refs;
    let title = d.title.clone().unwrap_or_default();
    let place = format!(
        "{} ・ {} ・ {}",
        p.company_name,
        refs.prefecture(lang, &p.prefecture_code),
        refs.industry(lang, &p.industry_code)
    );
    let mut facts: Vec<String> = Vec::new();
    if let Some(fee) = d.monthly_fee {
        facts.push(monthly_fee(lang, fee));
    }
    if let Some(hours) = d.hours_per_month {
        facts.push(monthly_hours(lang, hours));
    }
    if let Some(days) = d.onsite_days_per_month {
        facts.push(onsite_days(lang, days));
    }
    if d.remote_allowed == Some(true) {
        facts.push(Msg::PubRemoteOk.t(lang).to_owned());
    }
    let challenges: Vec<String> = d
        .challenges
        .iter()
        .flatten()
        .map(|c| refs.challenge(lang, c))
        .collect();
    let heading = html! {
        <@{props.heading.to_string()} class="listing-title">
            <Link<Route> to={Route::Project { id: p.id }}>{ title }</Link<Route>>
        </@>
    };
    html! {
        <article class="listing project-listing">
            { heading }
            <p class="listing-meta">{ place }</p>
            <ul class="facts" aria-label={Msg::PubConditions.t(lang)}>
                { for facts.into_iter().map(|f| html! { <li class="fact">{ f }</li> }) }
            </ul>
            if !challenges.is_empty() {
                <p class="listing-tags">
                    <span class="visually-hidden">{ Msg::PubChallenges.t(lang) }</span>
                    { for challenges.into_iter().map(|c| html! { <span class="tag">{ c }</span> }) }
                </p>
            }
            if let Some(closes) = d.recruitment_closes_at {
                <p class="listing-deadline">{ Msg::PubDeadline.t(lang) }{ " " }{ format_date(lang, &closes) }</p>
            }
            { props.children.clone() }
        </article>
    }
}
