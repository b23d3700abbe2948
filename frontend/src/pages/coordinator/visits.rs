//! A company's visit log (訪問・相談の記録) on the coordinator's company page: the form to log
//! a visit or a consultation with the challenges diagnosed, and the visits so far, latest
//! first. Company members never see this log (the API refuses them).

use chrono::{Duration, NaiveDate, Utc};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::company::{Visit, VisitInput};
use kakehashi_shared::{FieldErrors, Validate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, TextField};
use crate::forms::{clear_error, FormErrors};
use crate::hooks::{use_remote, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::{format_day, labelled, ActionError, TextArea};
use crate::pages::company::taxonomy::{challenges, grouped};
use crate::session::use_session;

const MAX_CHALLENGES: usize = 10;

const FOCUS: &[(&str, &str)] = &[
    ("visited_on", "vs-date"),
    ("notes", "vs-notes"),
    ("diagnosed_challenges", "vs-challenges"),
    ("next_action", "vs-next-action"),
    ("next_visit_on", "vs-next-date"),
];

/// Today in Japan, the hub's calendar, as the visit date to start from.
pub fn today_jst() -> NaiveDate {
    let now = chrono::DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default();
    (now + Duration::hours(9)).date_naive()
}

/// `2026-11-20`, as date inputs read and write days.
fn day_text(day: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// What the coordinator typed, kept as typed until it is sent.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    visited_on: String,
    notes: String,
    challenges: Vec<String>,
    next_action: String,
    next_visit_on: String,
}

impl Draft {
    fn new() -> Self {
        Draft {
            visited_on: day_text(today_jst()),
            notes: String::new(),
            challenges: Vec::new(),
            next_action: String::new(),
            next_visit_on: String::new(),
        }
    }

    /// The request, or the field errors (dates that cannot be read, then the shared rules).
    fn input(&self) -> Result<VisitInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let visited_on = parse_day(&self.visited_on);
        if visited_on.is_none() {
            e.add("visited_on", "required", "a date is needed");
        }
        let next_visit_on = if self.next_visit_on.trim().is_empty() {
            None
        } else {
            let day = parse_day(&self.next_visit_on);
            if day.is_none() {
                e.add("next_visit_on", "invalid_format", "not a date");
            }
            day
        };
        let input = VisitInput {
            visited_on: visited_on.unwrap_or_else(today_jst),
            notes: self.notes.trim().to_owned(),
            diagnosed_challenges: self.challenges.clone(),
            next_action: self.next_action.trim().to_owned(),
            next_visit_on,
        };
        if let Err(rules) = input.validate() {
            e.0.extend(rules.0);
        }
        if e.0.is_empty() {
            Ok(input)
        } else {
            Err(e)
        }
    }
}

fn field_message(errors: &FormErrors, field: &str) -> Option<Msg> {
    let general = errors.get(field)?;
    Some(match (field, general) {
        ("next_visit_on", Msg::FeOutOfRange) => Msg::VsNextBeforeVisit,
        ("visited_on" | "next_visit_on", _) => Msg::VsDateInvalid,
        ("diagnosed_challenges", _) => Msg::PfChallengesMax,
        _ => general,
    })
}

#[derive(Properties, PartialEq)]
pub struct VisitLogProps {
    pub company_id: i64,
    /// Told of each new visit, so the page's summary can show it as the latest.
    #[prop_or_default]
    pub on_logged: Callback<Visit>,
}

#[function_component(VisitLog)]
pub fn visit_log(props: &VisitLogProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.company_id;
    let (loaded, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move { c.visits(id).await })
                .await
                .map(|page| page.items)
        })
    };
    // Visits logged here, newest first, shown above the loaded ones.
    let added = use_state(Vec::<Visit>::new);
    let (tax, tax_retry) = use_remote(challenges);

    let on_added = {
        let (added, on_logged) = (added.clone(), props.on_logged.clone());
        Callback::from(move |v: Visit| {
            let mut next = vec![v.clone()];
            next.extend((*added).iter().cloned());
            added.set(next);
            on_logged.emit(v);
        })
    };
    let names = |codes: &[String]| -> Vec<String> {
        match &tax {
            Remote::Ready(list) => codes
                .iter()
                .map(|code| {
                    list.iter().find(|c| &c.code == code).map_or_else(
                        || code.clone(),
                        |c| lang.pick(&c.name_ja, &c.name_en).to_owned(),
                    )
                })
                .collect(),
            _ => codes.to_vec(),
        }
    };
    let list = match &loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry} /> }
        }
        Remote::Ready(items) => {
            let all: Vec<&Visit> = added.iter().chain(items.iter()).collect();
            if all.is_empty() {
                html! { <p class="empty">{ Msg::VsEmpty.t(lang) }</p> }
            } else {
                html! {
                    <ol class="card-list visit-list">
                        { for all.into_iter().map(|v| visit_card(lang, v, &names(&v.diagnosed_challenges))) }
                    </ol>
                }
            }
        }
    };
    html! {
        <section class="board-section" aria-labelledby="visits-title">
            <h2 id="visits-title">{ Msg::VsTitle.t(lang) }</h2>
            <p class="lead">{ Msg::VsLead.t(lang) }</p>
            <VisitForm company_id={id} tax={tax.clone()} {tax_retry} on_added={on_added} />
            <h3>{ Msg::VsListTitle.t(lang) }</h3>
            { list }
        </section>
    }
}

fn visit_card(lang: Lang, v: &Visit, challenges: &[String]) -> Html {
    html! {
        <li class="card visit">
            <div class="card-head">
                <h4 class="card-title">{ format_day(lang, v.visited_on) }</h4>
                <span class="card-sub">{ v.coordinator_name.clone() }</span>
            </div>
            <p class="pre">{ v.notes.clone() }</p>
            if !challenges.is_empty() {
                <p class="listing-tags">
                    <span class="visually-hidden">{ Msg::VsDiagnosed.t(lang) }</span>
                    { for challenges.iter().map(|c| html! { <span class="tag">{ c.clone() }</span> }) }
                </p>
            }
            if !v.next_action.is_empty() {
                <p>{ labelled(lang, Msg::VsNextAction, &v.next_action) }</p>
            }
            if let Some(next) = v.next_visit_on {
                <p class="meta">{ labelled(lang, Msg::VsNextVisit, &format_day(lang, next)) }</p>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct VisitFormProps {
    company_id: i64,
    tax: Remote<std::rc::Rc<Vec<kakehashi_shared::reference::Challenge>>>,
    tax_retry: Callback<()>,
    on_added: Callback<Visit>,
}

#[function_component(VisitForm)]
fn visit_form(props: &VisitFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = use_state(Draft::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let logged = use_state(|| false);

    let set = {
        let (draft, errors, logged) = (draft.clone(), errors.clone(), logged.clone());
        move |field: &'static str, change: fn(&mut Draft, String)| {
            let (draft, errors, logged) = (draft.clone(), errors.clone(), logged.clone());
            Callback::from(move |value: String| {
                let mut next = (*draft).clone();
                change(&mut next, value);
                draft.set(next);
                clear_error(&errors, field);
                logged.set(false);
            })
        }
    };
    let on_toggle = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |code: String| {
            let mut next = (*draft).clone();
            if next.challenges.contains(&code) {
                next.challenges.retain(|c| *c != code);
            } else {
                next.challenges.push(code);
            }
            draft.set(next);
            clear_error(&errors, "diagnosed_challenges");
        })
    };
    let onsubmit = {
        let (draft, errors, problem, busy, logged, session) = (
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            logged.clone(),
            session.clone(),
        );
        let (id, on_added) = (props.company_id, props.on_added.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let body = match draft.input() {
                Ok(body) => body,
                Err(list) => {
                    let found = FormErrors::from_validation(list);
                    found.focus_first(FOCUS);
                    errors.set(found);
                    return;
                }
            };
            busy.set(true);
            problem.set(None);
            let (draft, errors, problem, busy, logged, session, on_added) = (
                draft.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
                logged.clone(),
                session.clone(),
                on_added.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let body = body.clone();
                        async move { c.add_visit(id, &body).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(visit) => {
                        draft.set(Draft::new());
                        errors.set(FormErrors::default());
                        logged.set(true);
                        on_added.emit(visit);
                    }
                    Err(error) => {
                        let found = FormErrors::from_api(&error);
                        found.focus_first(FOCUS);
                        errors.set(found);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let challenge_error = field_message(&errors, "diagnosed_challenges");
    let chosen_names: Vec<String> = match &props.tax {
        Remote::Ready(list) => draft
            .challenges
            .iter()
            .map(|code| {
                list.iter().find(|c| &c.code == code).map_or_else(
                    || code.clone(),
                    |c| lang.pick(&c.name_ja, &c.name_en).to_owned(),
                )
            })
            .collect(),
        _ => draft.challenges.clone(),
    };
    let checks = match &props.tax {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={props.tax_retry.clone()} /> }
        }
        Remote::Ready(list) => {
            let groups = grouped(list, |c| {
                (c.group_code.as_str(), lang.pick(&c.group_ja, &c.group_en))
            });
            html! {
                { for groups.into_iter().map(|(_, name, items)| html! {
                    <div class="check-group">
                        <p class="check-group-title">{ name }</p>
                        <div class="checks two">
                            { for items.into_iter().map(|c| {
                                let id = format!("vs-challenge-{}", c.code);
                                let checked = draft.challenges.contains(&c.code);
                                let disabled = !checked && draft.challenges.len() >= MAX_CHALLENGES;
                                let code = c.code.clone();
                                let on_toggle = on_toggle.clone();
                                let onchange = Callback::from(move |_: Event| on_toggle.emit(code.clone()));
                                html! {
                                    <label class="check" for={id.clone()}>
                                        <input type="checkbox" id={id} {checked} {disabled} {onchange} />
                                        <span>{ lang.pick(&c.name_ja, &c.name_en).to_owned() }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </div>
                }) }
            }
        }
    };

    html! {
        <form class="panel visit-form" {onsubmit} novalidate=true aria-labelledby="visit-form-title">
            <h3 id="visit-form-title">{ Msg::VsFormTitle.t(lang) }</h3>
            if *logged {
                <p class="saved" role="status">{ Msg::VsLogged.t(lang) }</p>
            }
            if let Some(error) = (*problem).clone() {
                <ActionError {error} kept_input=true />
            }
            <TextField id="vs-date" label={Msg::VsDate} hint={Msg::VsDateHint} input_type="date"
                value={draft.visited_on.clone()} on_input={set("visited_on", |d, v| d.visited_on = v)}
                error={field_message(&errors, "visited_on")} />
            <TextArea id="vs-notes" label={Msg::VsNotes} hint={Msg::VsNotesHint}
                value={draft.notes.clone()} on_input={set("notes", |d, v| d.notes = v)}
                error={field_message(&errors, "notes")} />
            <fieldset class={classes!("group", challenge_error.is_some().then_some("invalid"))} id="vs-challenges" tabindex="-1"
                aria-describedby="vs-challenges-hint vs-challenges-error">
                <legend>{ Msg::VsDiagnosed.t(lang) }<span class="optional">{ Msg::Optional.t(lang) }</span></legend>
                <p class="hint" id="vs-challenges-hint">{ Msg::VsDiagnosedHint.t(lang) }</p>
                <p class="count" aria-live="polite">{ labelled(lang, Msg::WzChallengesCount, &format!("{} / {}", draft.challenges.len(), MAX_CHALLENGES)) }</p>
                <p class="field-error" id="vs-challenges-error">{ challenge_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                // Thirty-nine choices would push the rest of the form far down a phone; they
                // open on request, and the chosen ones stay listed when closed.
                <details class="challenge-picker">
                    <summary>{ Msg::VsPickChallenges.t(lang) }</summary>
                    { checks }
                </details>
                if !draft.challenges.is_empty() {
                    <p class="listing-tags">
                        { for chosen_names.iter().map(|c| html! { <span class="tag">{ c.clone() }</span> }) }
                    </p>
                }
            </fieldset>
            <TextField id="vs-next-action" label={Msg::VsNextAction} hint={Msg::VsNextActionHint} required={false}
                value={draft.next_action.clone()} on_input={set("next_action", |d, v| d.next_action = v)}
                error={field_message(&errors, "next_action")} />
            <TextField id="vs-next-date" label={Msg::VsNextVisit} hint={Msg::VsNextVisitHint} input_type="date" required={false}
                value={draft.next_visit_on.clone()} on_input={set("next_visit_on", |d, v| d.next_visit_on = v)}
                error={field_message(&errors, "next_visit_on")} />
            <button type="submit" class="button primary" disabled={*busy}>
                { if *busy { Msg::PfSaving.t(lang) } else { Msg::VsSubmit.t(lang) } }
            </button>
        </form>
    }
}
