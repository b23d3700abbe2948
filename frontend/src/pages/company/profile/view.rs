//! A company's profile as its readers see it (the company itself, the hub's coordinators):
//! every field named in words, with the empty ones said to be empty rather than left out, so
//! the person sees what is still worth filling in.

use kakehashi_shared::company::Company;
use yew::prelude::*;

use super::form::revenue_name;
use crate::components::{ErrorAlert, Loading};
use crate::hooks::Remote;
use crate::i18n::{join_list, use_lang, Lang, Msg};
use crate::pages::public::Refs;

#[derive(Properties, PartialEq)]
pub struct CompanyDetailsProps {
    pub company: Company,
}

#[function_component(CompanyDetails)]
pub fn company_details(props: &CompanyDetailsProps) -> Html {
    let lang = use_lang();
    let (refs, retry) = crate::hooks::use_remote(crate::pages::public::load_refs);
    match refs {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(refs) => details(lang, &props.company, &refs),
    }
}

fn details(lang: Lang, c: &Company, refs: &Refs) -> Html {
    let unset = || html! { <span class="muted">{ Msg::PfNotSet.t(lang) }</span> };
    let text = |value: &str| {
        if value.trim().is_empty() {
            unset()
        } else {
            html! { <span class="pre">{ value.to_owned() }</span> }
        }
    };
    let row = |label: Msg, value: Html| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    let place = format!(
        "{} {}",
        refs.prefecture(lang, &c.prefecture_code),
        c.municipality
    );
    let employees = match c.employees {
        Some(n) => html! { employees_text(lang, n) },
        None => unset(),
    };
    let revenue = match c.revenue_band {
        Some(b) => html! { revenue_name(b).t(lang) },
        None => unset(),
    };
    let website = match c.website.as_deref().filter(|w| !w.is_empty()) {
        Some(url) => {
            html! { <a href={url.to_owned()} rel="noopener noreferrer">{ url.to_owned() }</a> }
        }
        None => unset(),
    };
    let challenges: Vec<String> = c
        .challenges
        .iter()
        .map(|code| refs.challenge(lang, code))
        .collect();
    let challenges = if challenges.is_empty() {
        unset()
    } else {
        html! { join_list(lang, &challenges) }
    };
    html! {
        <dl class="details company-details">
            { row(Msg::FieldCompanyName, html! { c.name.clone() }) }
            { row(Msg::FieldIndustry, html! { refs.industry(lang, &c.industry_code) }) }
            { row(Msg::PfPlace, html! { place }) }
            { row(Msg::PfEmployees, employees) }
            { row(Msg::PfRevenue, revenue) }
            { row(Msg::PfWebsite, website) }
            { row(Msg::PfVision, text(&c.vision)) }
            { row(Msg::PfCeoMessage, text(&c.ceo_message)) }
            { row(Msg::PfChallenges, challenges) }
            // Widget and referrals: the partner that brought the company in.
            { for c.referred_by.as_ref().map(|r| row(Msg::MeReferredBy, html! { r.name.clone() })) }
        </dl>
    }
}

/// 35名 / 35 people.
fn employees_text(lang: Lang, n: i32) -> String {
    match (lang, n) {
        (Lang::Ja, _) => format!("{n}名"),
        (Lang::En, 1) => "1 person".to_owned(),
        (Lang::En, _) => format!("{n} people"),
    }
}
