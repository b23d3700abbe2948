//! `/projects/:id`: everything a talent needs to decide, and the way to apply.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::project::Project;
use kakehashi_shared::workflow::ProjectStatus;
use yew::prelude::*;
use yew_router::prelude::*;

use super::names::{contract_type, contract_type_hint, travel_cost};
use super::refs::{load_refs, Refs};
use crate::api::{self, ApiError};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::{days, monthly_fee, monthly_hours, months, onsite_days};
use crate::i18n::{format_date, join_list, use_lang, Lang, Msg};
use crate::routes::{LoginQuery, Route};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ProjectPageProps {
    pub id: i64,
}

/// The posting and the lists that name its codes, loaded together.
pub async fn load_project(id: i64) -> Result<(Project, Refs), ApiError> {
    let refs = load_refs().await?;
    let project = api::client().project(id).await?;
    Ok((project, refs))
}

#[function_component(ProjectPage)]
pub fn project_page(props: &ProjectPageProps) -> Html {
    let lang = use_lang();
    use_title(Msg::PubProjectTitle);
    let id = props.id;
    let (loaded, retry) = use_remote(move || load_project(id));
    match loaded {
        Remote::Loading => html! { <section class="page"><Loading /></section> },
        Remote::Failed(error) => html! {
            <section class="page narrow">
                <h1>{ Msg::PubProjectTitle.t(lang) }</h1>
                <ErrorAlert {error} on_retry={retry} />
                <Link<Route> to={Route::Projects} classes="button secondary">{ Msg::PubBackToSearch.t(lang) }</Link<Route>>
            </section>
        },
        Remote::Ready((project, refs)) => html! { <ProjectDetails {project} {refs} /> },
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    project: Project,
    refs: Refs,
}

#[function_component(ProjectDetails)]
fn project_details(props: &DetailsProps) -> Html {
    let lang = use_lang();
    let p = &props.project;
    let d = &p.draft;
    let refs = &props.refs;
    let title = d.title.clone().unwrap_or_default();
    {
        let title = title.clone();
        use_effect_with((title, lang), |(title, lang)| {
            gloo::utils::document().set_title(&format!("{title} | {}", Msg::AppName.t(*lang)));
        });
    }

    let row = |label: Msg, value: Html| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    let text = |value: &Option<String>| html! { <span class="prewrap">{ value.clone().unwrap_or_default() }</span> };
    let section = |heading: Msg, value: &Option<String>| {
        value.as_ref().filter(|v| !v.trim().is_empty()).map(|v| {
            html! {
                <section class="block">
                    <h2>{ heading.t(lang) }</h2>
                    <p class="prewrap">{ v.clone() }</p>
                </section>
            }
        })
    };
    let skills = |codes: &Option<Vec<String>>| {
        let names: Vec<String> = codes
            .iter()
            .flatten()
            .map(|c| refs.skill(lang, c))
            .collect();
        html! { <ul class="tags">{ for names.into_iter().map(|n| html! { <li class="tag">{ n }</li> }) }</ul> }
    };
    let challenges: Vec<String> = d
        .challenges
        .iter()
        .flatten()
        .map(|c| refs.challenge(lang, c))
        .collect();

    let contract = d.contract_type.map(|t| {
        html! {
            <>
                <span>{ contract_type(t).t(lang) }</span>
                <span class="hint block-hint">{ contract_type_hint(t).t(lang) }</span>
            </>
        }
    });
    let period = d.period_months.map(|m| {
        let mut s = months(lang, m);
        if let Some(trial) = d.trial_days.filter(|t| *t > 0) {
            s = format!(
                "{s}{}",
                Msg::PubTrial.t(lang).replace("{}", &days(lang, trial))
            );
        }
        s
    });
    let window = match (d.recruitment_opens_at, d.recruitment_closes_at) {
        (Some(open), Some(close)) => Some(format!(
            "{} 〜 {}",
            format_date(lang, &open),
            format_date(lang, &close)
        )),
        (None, Some(close)) => Some(format_date(lang, &close)),
        _ => None,
    };
    let remote = d.remote_allowed.map(|r| {
        if r {
            Msg::PubRemoteOk
        } else {
            Msg::PubRemoteNo
        }
    });

    let questions = d.screening_questions.clone().unwrap_or_default();

    html! {
        <article class="page project-page">
            <p class="breadcrumb">
                <Link<Route> to={Route::Projects}>{ Msg::PubBackToSearch.t(lang) }</Link<Route>>
            </p>
            <h1>{ title }</h1>
            <p class="listing-meta">
                { format!("{} ・ {} ・ {}", p.company_name, refs.prefecture(lang, &p.prefecture_code), refs.industry(lang, &p.industry_code)) }
            </p>
            <ApplyBox project={p.clone()} />
            <section class="block">
                <h2>{ Msg::PubConditions.t(lang) }</h2>
                <dl class="details">
                    { for d.monthly_fee.map(|f| row(Msg::PubFee, html! { monthly_fee(lang, f) })) }
                    { for d.hours_per_month.map(|h| row(Msg::PubHours, html! { monthly_hours(lang, h) })) }
                    { for d.onsite_days_per_month.map(|o| row(Msg::PubOnsite, html! { onsite_days(lang, o) })) }
                    { for remote.map(|r| row(Msg::PubRemote, html! { r.t(lang) })) }
                    { for d.travel_cost.map(|t| row(Msg::PubTravel, html! { travel_cost(t).t(lang) })) }
                    { for contract.map(|c| row(Msg::PubContract, c)) }
                    { for period.map(|s| row(Msg::PubPeriod, html! { s })) }
                    { for d.start_date.map(|s| row(Msg::PubStart, html! { format_naive_date(lang, s) })) }
                    { for window.map(|w| row(Msg::PubWindow, html! { w })) }
                    if !challenges.is_empty() {
                        { row(Msg::PubChallenges, html! { join_list(lang, &challenges) }) }
                    }
                </dl>
            </section>
            // Region facts: travel from Tokyo and rent, for the posting's prefecture.
            <super::region::RegionFacts prefecture={p.prefecture_code.clone()} travel_cost={d.travel_cost} />
            { for section(Msg::PubBackground, &d.background) }
            { for section(Msg::PubRole, &d.role) }
            { for section(Msg::PubTasks, &d.tasks) }
            { for section(Msg::PubDeliverables, &d.deliverables) }
            <section class="block">
                <h2>{ Msg::PubRequiredSkills.t(lang) }</h2>
                { skills(&d.required_skills) }
                if d.preferred_skills.as_ref().is_some_and(|s| !s.is_empty()) {
                    <h3>{ Msg::PubPreferredSkills.t(lang) }</h3>
                    { skills(&d.preferred_skills) }
                }
            </section>
            <section class="block">
                <h2>{ Msg::PubRules.t(lang) }</h2>
                <dl class="details">
                    { row(Msg::PubIp, text(&d.ip_handling)) }
                    { row(Msg::PubConfidentiality, text(&d.confidentiality)) }
                </dl>
            </section>
            if !questions.is_empty() {
                <section class="block">
                    <h2>{ Msg::PubQuestions.t(lang) }</h2>
                    <p class="hint">{ Msg::PubQuestionsHint.t(lang) }</p>
                    <ol class="questions">
                        { for questions.iter().map(|q| html! { <li>{ q.clone() }</li> }) }
                    </ol>
                </section>
            }
            <ApplyBox project={p.clone()} />
        </article>
    }
}

/// A calendar date as UI.md writes it (no time zone: start dates are days).
fn format_naive_date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m, d) = (date.year(), date.month(), date.day());
    match lang {
        Lang::Ja => format!("{y}年{m}月{d}日"),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!("{d} {} {y}", MONTHS[(m as usize - 1) % 12])
        }
    }
}

#[derive(Properties, PartialEq)]
struct ApplyBoxProps {
    project: Project,
}

/// The Apply button, or why there is none: signed out (sign in first, then come back), not
/// a talent account, or the window is closed.
#[function_component(ApplyBox)]
fn apply_box(props: &ApplyBoxProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let p = &props.project;
    let open = p.status == ProjectStatus::Published
        && p.draft
            .recruitment_closes_at
            .is_none_or(|c| c.timestamp_millis() as f64 > js_sys::Date::now());
    let body = if !open {
        html! { <p>{ Msg::PubClosed.t(lang) }</p> }
    } else {
        match session.session().map(|s| s.user.role) {
            Some(Role::Talent) => html! { <TalentApply project_id={p.id} /> },
            Some(_) => html! { <p>{ Msg::PubApplyTalentOnly.t(lang) }</p> },
            None => {
                let next = LoginQuery {
                    next: Some(format!("/projects/{}/apply", p.id)),
                };
                html! {
                    <>
                        <p>{ Msg::PubApplySignIn.t(lang) }</p>
                        <div class="actions tight">
                            <Link<Route, LoginQuery> to={Route::Login} query={Some(next)} classes="button primary">{ Msg::PubSignInToApply.t(lang) }</Link<Route, LoginQuery>>
                            <Link<Route> to={Route::Register} classes="button secondary">{ Msg::HomeRegister.t(lang) }</Link<Route>>
                        </div>
                    </>
                }
            }
        }
    };
    html! { <div class="apply-box">{ body }</div> }
}

#[derive(Properties, PartialEq)]
struct TalentApplyProps {
    project_id: i64,
}

/// A talent's way in: Apply, or their application if they already sent one (a second one
/// would only be refused).
#[function_component(TalentApply)]
fn talent_apply(props: &TalentApplyProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.project_id;
    let (mine, _) = use_remote(move || async move {
        session
            .call(|client: ApiClient| async move {
                client.applications(Some(id), None, false, 10, None).await
            })
            .await
    });
    let existing = match &mine {
        // Only an open application blocks another; after a decline one may apply again.
        Remote::Ready(page) => page.items.iter().find(|a| a.status.is_open()).map(|a| a.id),
        // Unknown yet, or the check failed: Apply stays, and the server has the last word.
        _ => None,
    };
    match existing {
        Some(application) => html! {
            <>
                <p>{ Msg::PubAlreadyApplied.t(lang) }</p>
                <div class="actions tight">
                    <Link<Route> to={Route::Application { id: application }} classes="button primary">{ Msg::TalSeeApplication.t(lang) }</Link<Route>>
                </div>
            </>
        },
        None => html! {
            <Link<Route> to={Route::Apply { id }} classes="button primary wide">{ Msg::PubApply.t(lang) }</Link<Route>>
        },
    }
}
