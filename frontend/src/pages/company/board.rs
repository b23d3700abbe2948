//! `/company/projects/{id}`: a posting's applicants grouped by status, with the moves each
//! one allows (shortlist, interview times, offer, a courteous decline), and below them the
//! talent the matcher recommends, each with a score, the reasons, and a one-click scout.

use std::rc::Rc;

use chrono::{DateTime, NaiveTime, Utc};
use kakehashi_shared::application::{Application, InterviewProposal, ScoutInput, TransitionInput};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::{DeclineReason, Role};
use kakehashi_shared::project::Project;
use kakehashi_shared::search::RecommendedTalent;
use kakehashi_shared::workflow::{ApplicationAction, ApplicationStatus, ProjectStatus};
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::common::{
    application_badge, application_status_name, dated, decline_reason_name, format_fee,
    format_hours, labelled, project_badge, project_title, use_paged, ActionError, MoreButton,
    PageLoader, RoleGate, TextArea,
};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession, TextField};
use crate::forms::FormErrors;
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

/// Applicants per page: about 10–15 per posting is normal, so one page usually holds all.
const PAGE: u32 = 50;
/// Recommendations shown: a short list people read, not a catalogue.
const RECOMMENDED: u32 = 10;

/// The board's columns, in the order an application moves.
const COLUMNS: [(ApplicationStatus, &[ApplicationStatus]); 5] = [
    (ApplicationStatus::Applied, &[ApplicationStatus::Applied]),
    (
        ApplicationStatus::Shortlisted,
        &[ApplicationStatus::Shortlisted],
    ),
    (
        ApplicationStatus::Interviewing,
        &[ApplicationStatus::Interviewing],
    ),
    (
        ApplicationStatus::Offered,
        &[ApplicationStatus::Offered, ApplicationStatus::Contracted],
    ),
    (
        ApplicationStatus::Declined,
        &[ApplicationStatus::Declined, ApplicationStatus::Withdrawn],
    ),
];

#[derive(Properties, PartialEq)]
pub struct BoardProps {
    pub id: i64,
}

#[function_component(ApplicantsBoardPage)]
pub fn applicants_board_page(props: &BoardProps) -> Html {
    use_title(Msg::BdTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::CompanyMember, Role::Coordinator]} refusal={Msg::ErrNotCompany}>
                <Board id={props.id} />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(Board)]
fn board(props: &BoardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (project, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move { c.project(id).await })
                .await
        })
    };
    // Coordinators arrive from the hub's pipeline and go back there.
    let coordinator = session.session().map(|s| s.user.role) == Some(Role::Coordinator);
    let back = if coordinator {
        html! { <Link<Route> to={Route::Pipeline}>{ Msg::NavPipeline.t(lang) }</Link<Route>> }
    } else {
        html! { <Link<Route> to={Route::CompanyProjects}>{ Msg::WzToList.t(lang) }</Link<Route>> }
    };
    let body = match project {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(project) => html! {
            <>
                { summary(lang, &project) }
                <Applicants id={id} />
                if project.status == ProjectStatus::Published {
                    <Recommended project={project.clone()} />
                } else {
                    <section class="board-section">
                        <h2>{ Msg::BdRecommended.t(lang) }</h2>
                        <p>{ Msg::BdNotPublished.t(lang) }</p>
                    </section>
                }
            </>
        },
    };
    html! {
        <section class="page">
            <p>{ back }</p>
            <h1>{ Msg::BdTitle.t(lang) }</h1>
            <p class="lead">{ Msg::BdLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn summary(lang: Lang, project: &Project) -> Html {
    let terms: Vec<String> = [
        project.draft.monthly_fee.map(|f| format_fee(lang, f)),
        project.draft.hours_per_month.map(|h| format_hours(lang, h)),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <div class="card posting-summary">
            <div class="card-head">
                { project_badge(lang, project.status) }
                <h2 class="card-title">{ project_title(lang, project) }</h2>
            </div>
            <p class="meta">
                if let Some(at) = project.published_at.as_ref() {
                    { dated(lang, Msg::CpPublished, at) }
                }
                if !terms.is_empty() {
                    <span class="meta-item">{ terms.join(" ・ ") }</span>
                }
            </p>
        </div>
    }
}

#[function_component(Applicants)]
fn applicants(props: &BoardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let loader: PageLoader<Application, i64> = Rc::new(move |project_id, cursor| {
        let session = session.clone();
        Box::pin(async move {
            session
                .call(|c: ApiClient| {
                    let cursor = cursor.clone();
                    async move {
                        c.applications(Some(project_id), None, false, PAGE, cursor.as_deref())
                            .await
                    }
                })
                .await
                .map(|page| (page.items, page.next_cursor))
        })
    });
    let paged = use_paged(id, loader);
    // A moved card changes column and is drawn anew, so what happened is said here, where
    // it stays on screen and screen readers announce it.
    let announced = use_state(|| None::<(String, ApplicationStatus)>);
    let interview_for = use_state(|| None::<i64>);
    let on_moved = {
        let (update, list, announced, interview_for) = (
            paged.update.clone(),
            paged.list.clone(),
            announced.clone(),
            interview_for.clone(),
        );
        Callback::from(move |moved: Application| {
            announced.set(Some((moved.talent_name.clone(), moved.status)));
            // Moving to interviews is followed by proposing times: the card, drawn anew in
            // its new column, opens with that form.
            interview_for
                .set((moved.status == ApplicationStatus::Interviewing).then_some(moved.id));
            if let Remote::Ready(items) = &list {
                let next = items
                    .iter()
                    .map(|a| {
                        if a.id == moved.id {
                            moved.clone()
                        } else {
                            a.clone()
                        }
                    })
                    .collect();
                update.emit(next);
            }
        })
    };
    let body = match &paged.list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={paged.retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => {
            html! { <p class="empty">{ Msg::BdNoApplicants.t(lang) }</p> }
        }
        Remote::Ready(items) => html! {
            <>
                if let Some((name, status)) = (*announced).clone() {
                    <p class="saved" role="status">
                        { labelled(lang, Msg::BdMoved, &format!("{name} → {}", application_status_name(status).t(lang))) }
                    </p>
                }
                <div class="board">
                    { for COLUMNS.iter().map(|(head, members)| {
                        let cards: Vec<&Application> = items.iter().filter(|a| members.contains(&a.status)).collect();
                        let heading_id = format!("column-{}", head.as_str());
                        html! {
                            <section class="column" aria-labelledby={heading_id.clone()}>
                                <h3 id={heading_id}>
                                    { application_status_name(*head).t(lang) }
                                    <span class="column-count">{ format!(" ({})", cards.len()) }</span>
                                </h3>
                                if cards.is_empty() {
                                    <p class="column-empty">{ Msg::BdColumnEmpty.t(lang) }</p>
                                } else {
                                    <ul class="card-list">
                                        { for cards.into_iter().map(|a| html! {
                                            <ApplicantCard key={a.id} application={a.clone()} on_moved={on_moved.clone()}
                                                propose_interview={*interview_for == Some(a.id)} />
                                        }) }
                                    </ul>
                                }
                            </section>
                        }
                    }) }
                </div>
                if let Some(error) = paged.more_error.clone() {
                    <ErrorAlert {error} />
                }
                if paged.has_more {
                    <MoreButton loading={paged.loading_more} on_click={paged.load_more.clone()} />
                }
            </>
        },
    };
    html! {
        <section class="board-section">
            <h2>{ Msg::BdApplicants.t(lang) }</h2>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    application: Application,
    on_moved: Callback<Application>,
    /// Open with the interview times form (just moved to interviews).
    #[prop_or_default]
    propose_interview: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    None,
    Decline,
    Interview,
}

#[function_component(ApplicantCard)]
fn applicant_card(props: &CardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let a = &props.application;
    let panel = use_state(|| {
        if props.propose_interview {
            Panel::Interview
        } else {
            Panel::None
        }
    });
    let busy = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let done = use_state(|| None::<Msg>);

    let act = {
        let (session, busy, problem, done, on_moved, panel) = (
            session.clone(),
            busy.clone(),
            problem.clone(),
            done.clone(),
            props.on_moved.clone(),
            panel.clone(),
        );
        let id = a.id;
        Callback::from(move |action: ApplicationAction| {
            let body = TransitionInput {
                action,
                reason: None,
                message: None,
            };
            let (session, busy, problem, done, on_moved, panel) = (
                session.clone(),
                busy.clone(),
                problem.clone(),
                done.clone(),
                on_moved.clone(),
                panel.clone(),
            );
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let body = body.clone();
                        async move { c.transition(id, &body).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(moved) => {
                        done.set(Some(Msg::BdMoved));
                        panel.set(if action == ApplicationAction::Interview {
                            Panel::Interview
                        } else {
                            Panel::None
                        });
                        on_moved.emit(moved);
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        })
    };

    let move_button = |action: ApplicationAction, label: Msg, primary: bool| {
        a.status.apply(action).ok().map(|_| {
            let act = act.clone();
            let onclick = Callback::from(move |_: MouseEvent| act.emit(action));
            html! {
                <button type="button" class={classes!("button", if primary { "primary" } else { "secondary" })}
                    disabled={*busy} {onclick}>{ label.t(lang) }</button>
            }
        })
    };
    let toggle = |target: Panel, label: Msg| {
        let panel = panel.clone();
        let open = *panel == target;
        let onclick = Callback::from(move |_: MouseEvent| {
            panel.set(if *panel == target {
                Panel::None
            } else {
                target
            })
        });
        html! {
            <button type="button" class="button secondary" aria-expanded={if open { "true" } else { "false" }}
                disabled={*busy} {onclick}>{ label.t(lang) }</button>
        }
    };
    let can_decline = a.status.apply(ApplicationAction::Decline).is_ok();
    let interviewing = a.status == ApplicationStatus::Interviewing;
    let close_panel = {
        let panel = panel.clone();
        Callback::from(move |()| panel.set(Panel::None))
    };
    let on_declined = {
        let (on_moved, done, panel) = (props.on_moved.clone(), done.clone(), panel.clone());
        Callback::from(move |moved: Application| {
            done.set(Some(Msg::BdMoved));
            panel.set(Panel::None);
            on_moved.emit(moved);
        })
    };
    let on_proposed = {
        let (done, panel) = (done.clone(), panel.clone());
        Callback::from(move |()| {
            done.set(Some(Msg::BdInterviewSent));
            panel.set(Panel::None);
        })
    };

    html! {
        <li class={classes!("card", "applicant", a.overdue.then_some("overdue"))}>
            <div class="card-head">
                { application_badge(lang, a.status) }
                <h4 class="card-title">{ a.talent_name.clone() }</h4>
            </div>
            <p class="meta">
                { dated(lang, Msg::BdAppliedOn, &a.created_at) }
                if a.status.is_open() {
                    if let Some(due) = a.response_due_at.as_ref() {
                        { dated(lang, Msg::BdDueBy, due) }
                    }
                }
            </p>
            if a.overdue {
                <p class="flag">{ Msg::BdOverdue.t(lang) }</p>
            }
            if let Some(m) = a.match_score.as_ref() {
                <details class="match">
                    <summary>{ format!("{} {}{}", Msg::BdScore.t(lang), m.score, Msg::BdScoreOf.t(lang)) }</summary>
                    <h5>{ Msg::BdMatchReasons.t(lang) }</h5>
                    { reason_list(lang, &m.reasons) }
                </details>
            }
            <details>
                <summary>{ Msg::BdProposal.t(lang) }</summary>
                <p class="pre">{ a.proposal.clone() }</p>
                if !a.screening_questions.is_empty() {
                    <h5>{ Msg::BdAnswers.t(lang) }</h5>
                    <dl class="answers">
                        { for a.screening_questions.iter().zip(a.screening_answers.iter()).map(|(q, ans)| html! {
                            <>
                                <dt>{ q.clone() }</dt>
                                <dd class="pre">{ ans.clone() }</dd>
                            </>
                        }) }
                    </dl>
                }
            </details>
            if let Some(reason) = a.decline_reason {
                <p class="meta">{ labelled(lang, Msg::BdDeclineReasonShown, decline_reason_name(reason).t(lang)) }</p>
            }
            if let Some(error) = (*problem).clone() {
                <ActionError {error} />
            }
            if let Some(message) = *done {
                <p class="saved" role="status">{ message.t(lang) }</p>
            }
            <div class="card-actions">
                { for move_button(ApplicationAction::Shortlist, Msg::BdActShortlist, true) }
                { for move_button(ApplicationAction::Interview, Msg::BdActInterview, a.status != ApplicationStatus::Applied) }
                if interviewing {
                    { toggle(Panel::Interview, Msg::BdProposeInterview) }
                }
                { for move_button(ApplicationAction::Offer, Msg::BdActOffer, interviewing) }
                if can_decline {
                    { toggle(Panel::Decline, Msg::BdActDecline) }
                }
            </div>
            if interviewing {
                <Interviews id={a.id} refresh={*done} />
            }
            // Contract and messages screens: the conversation, and the terms once offered.
            <crate::pages::contract::ApplicationLinks application={a.clone()} />
            if *panel == Panel::Decline && can_decline {
                <DeclineForm id={a.id} on_done={on_declined} on_cancel={close_panel.clone()} />
            }
            if *panel == Panel::Interview && interviewing {
                <InterviewForm id={a.id} on_done={on_proposed} on_cancel={close_panel} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct DeclineProps {
    id: i64,
    on_done: Callback<Application>,
    on_cancel: Callback<()>,
}

/// The reasons a company may give; `no_response` is the system's own.
const REASONS: [DeclineReason; 7] = [
    DeclineReason::SkillsMismatch,
    DeclineReason::AvailabilityMismatch,
    DeclineReason::FeeMismatch,
    DeclineReason::PositionFilled,
    DeclineReason::ProjectClosed,
    DeclineReason::OtherCandidateChosen,
    DeclineReason::Other,
];

#[function_component(DeclineForm)]
fn decline_form(props: &DeclineProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let reason = use_state(|| None::<DeclineReason>);
    let message = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let prefix = format!("decline-{}", props.id);

    let onsubmit = {
        let (reason, message, errors, problem, busy, session, on_done) = (
            reason.clone(),
            message.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            session.clone(),
            props.on_done.clone(),
        );
        let id = props.id;
        let prefix = prefix.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let note = message.trim().to_owned();
            let body = TransitionInput {
                action: ApplicationAction::Decline,
                reason: *reason,
                message: (!note.is_empty()).then_some(note),
            };
            let order = [
                ("reason", format!("{prefix}-reason-{}", REASONS[0].as_str())),
                ("message", format!("{prefix}-message")),
            ];
            let order: Vec<(&str, &str)> = order.iter().map(|(p, i)| (*p, i.as_str())).collect();
            if let Err(invalid) = body.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&order);
                errors.set(invalid);
                return;
            }
            let on_done = on_done.clone();
            crate::forms::send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let body = body.clone();
                    async move { c.transition(id, &body).await }
                },
                move |moved| on_done.emit(moved),
            );
        })
    };
    let reason_error = errors.get("reason");
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let on_message = {
        let (message, errors) = (message.clone(), errors.clone());
        Callback::from(move |v: String| {
            message.set(v);
            crate::forms::clear_error(&errors, "message");
        })
    };
    html! {
        <form class="panel" {onsubmit} novalidate=true>
            <h5>{ Msg::BdDeclineTitle.t(lang) }</h5>
            <p class="hint">{ Msg::BdDeclineLead.t(lang) }</p>
            if let Some(error) = (*problem).clone() {
                <ActionError {error} kept_input=true />
            }
            <fieldset class={classes!("group", "choices", reason_error.is_some().then_some("invalid"))}>
                <legend>{ Msg::FieldDeclineReason.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
                <p class="hint">{ Msg::HintDeclineReason.t(lang) }</p>
                { for REASONS.iter().map(|r| {
                    let id = format!("{prefix}-reason-{}", r.as_str());
                    let value = *r;
                    let checked = *reason == Some(value);
                    let (reason, errors) = (reason.clone(), errors.clone());
                    let onchange = Callback::from(move |_: Event| {
                        reason.set(Some(value));
                        crate::forms::clear_error(&errors, "reason");
                    });
                    html! {
                        <label class="choice" for={id.clone()}>
                            <input type="radio" name={format!("{prefix}-reason")} id={id} {checked} {onchange} />
                            <span class="choice-text"><span class="choice-label">{ decline_reason_name(value).t(lang) }</span></span>
                        </label>
                    }
                }) }
                <p class="field-error">{ reason_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </fieldset>
            <TextArea id={format!("{prefix}-message")} label={Msg::FieldDeclineMessage} hint={Msg::HintDeclineMessage}
                value={(*message).clone()} on_input={on_message} error={errors.get("message")} required=false rows={3} />
            <div class="card-actions">
                <button type="submit" class="button primary" disabled={*busy}>{ Msg::BdDeclineConfirm.t(lang) }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ Msg::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct InterviewProps {
    id: i64,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
}

/// `datetime-local` gives the reader's wall-clock time; the browser knows its offset.
fn local_to_utc(text: &str) -> Option<DateTime<Utc>> {
    let (day, time) = text.split_once('T')?;
    let (hours, minutes) = time.split_once(':')?;
    let naive = super::form::parse_day(day)?.and_time(NaiveTime::from_hms_opt(
        hours.parse().ok()?,
        minutes.get(..2).unwrap_or(minutes).parse().ok()?,
        0,
    )?);
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(text));
    let offset_minutes = date.get_timezone_offset();
    if offset_minutes.is_nan() {
        return None;
    }
    Some(
        DateTime::<Utc>::from_naive_utc_and_offset(naive, Utc)
            + chrono::Duration::minutes(offset_minutes as i64),
    )
}

#[function_component(InterviewForm)]
fn interview_form(props: &InterviewProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let slots = use_state(|| vec![String::new(), String::new(), String::new()]);
    let duration = use_state(|| "60".to_owned());
    let url = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let prefix = format!("interview-{}", props.id);

    let onsubmit = {
        let (slots, duration, url, errors, problem, busy, session, on_done) = (
            slots.clone(),
            duration.clone(),
            url.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            session.clone(),
            props.on_done.clone(),
        );
        let id = props.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut local = kakehashi_shared::FieldErrors::new();
            let times: Vec<DateTime<Utc>> = slots
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.trim().is_empty())
                .filter_map(|(i, s)| {
                    let t = local_to_utc(s.trim());
                    if t.is_none() {
                        local.add(&format!("slots[{i}]"), "invalid_format", "not a time");
                    }
                    t
                })
                .collect();
            let minutes = duration.trim().parse::<i32>().unwrap_or(0);
            let link = url.trim().to_owned();
            let body = InterviewProposal {
                slots: times,
                duration_minutes: minutes,
                meeting_url: (!link.is_empty()).then_some(link),
            };
            if let Err(more) = body.validate() {
                local.0.extend(more.0);
            }
            if !local.is_empty() {
                errors.set(FormErrors::from_validation(local));
                return;
            }
            let on_done = on_done.clone();
            crate::forms::send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let body = body.clone();
                    async move { c.propose_interview(id, &body).await }
                },
                move |_| on_done.emit(()),
            );
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let slots_error = errors.get("slots");
    html! {
        <form class="panel" {onsubmit} novalidate=true>
            <h5>{ Msg::BdInterviewTitle.t(lang) }</h5>
            <p class="hint">{ Msg::BdInterviewLead.t(lang) }</p>
            if let Some(error) = (*problem).clone() {
                <ActionError {error} kept_input=true />
            }
            { for slots.iter().enumerate().map(|(i, value)| {
                let id = format!("{prefix}-slot-{i}");
                let error = errors.get(&format!("slots[{i}]")).or(if i == 0 { slots_error } else { None });
                let (slots, errors) = (slots.clone(), errors.clone());
                let on_input = Callback::from(move |v: String| {
                    let mut next = (*slots).clone();
                    next[i] = v;
                    slots.set(next);
                    crate::forms::clear_error(&errors, "slots");
                });
                html! {
                    <TextField id={id} label={Msg::FieldSlot} hint={Msg::HintSlot} input_type="datetime-local"
                        value={value.clone()} {on_input} {error} required={i == 0} />
                }
            }) }
            <TextField id={format!("{prefix}-duration")} label={Msg::FieldDuration} hint={Msg::HintDuration}
                input_type="number" value={(*duration).clone()} error={errors.get("duration_minutes")}
                on_input={{ let d = duration.clone(); Callback::from(move |v: String| d.set(v)) }} />
            <TextField id={format!("{prefix}-url")} label={Msg::FieldMeetingUrl} hint={Msg::HintMeetingUrl}
                input_type="url" value={(*url).clone()} error={errors.get("meeting_url")} required=false
                on_input={{ let u = url.clone(); Callback::from(move |v: String| u.set(v)) }} />
            <div class="card-actions">
                <button type="submit" class="button primary" disabled={*busy}>{ Msg::BdInterviewSend.t(lang) }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ Msg::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct RecommendedProps {
    project: Project,
}

#[function_component(Recommended)]
fn recommended(props: &RecommendedProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.project.id;
    let (list, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move {
                    let talents = c.recommended_talents(id, RECOMMENDED).await?;
                    let scouts = c.project_scouts(id, 100).await?;
                    Ok((talents, scouts.items))
                })
                .await
        })
    };
    let title = project_title(lang, &props.project);
    let body = match list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready((talents, _)) if talents.is_empty() => {
            html! { <p class="empty">{ Msg::BdNoRecommended.t(lang) }</p> }
        }
        Remote::Ready((talents, scouts)) => html! {
            <ul class="card-list">
                { for talents.into_iter().map(|r| {
                    let scouted = scouts.iter().any(|s| s.talent_id == r.talent.id);
                    let key = r.talent.id;
                    html! { <TalentCard {key} project_id={id} title={title.clone()} recommended={r} {scouted} /> }
                }) }
            </ul>
        },
    };
    html! {
        <section class="board-section">
            <h2>{ Msg::BdRecommended.t(lang) }</h2>
            <p class="lead">{ Msg::BdRecommendedLead.t(lang) }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TalentCardProps {
    project_id: i64,
    title: String,
    recommended: RecommendedTalent,
    scouted: bool,
}

#[function_component(TalentCard)]
fn talent_card(props: &TalentCardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let r = &props.recommended;
    let open = use_state(|| false);
    let sent = use_state(|| props.scouted);
    let message = use_state(|| None::<String>);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let text = (*message)
        .clone()
        .unwrap_or_else(|| Msg::BdScoutDefault.t(lang).replace("{title}", &props.title));
    let field_id = format!("scout-{}", r.talent.id);

    let onsubmit = {
        let (session, sent, errors, problem, busy, open) = (
            session.clone(),
            sent.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            open.clone(),
        );
        let body = ScoutInput {
            talent_id: r.talent.id,
            message: text.trim().to_owned(),
        };
        let (project_id, field_id) = (props.project_id, field_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if let Err(invalid) = body.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&[("message", field_id.as_str())]);
                errors.set(invalid);
                return;
            }
            errors.set(FormErrors::default());
            problem.set(None);
            busy.set(true);
            let (session, sent, errors, problem, busy, open, body) = (
                session.clone(),
                sent.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
                open.clone(),
                body.clone(),
            );
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let body = body.clone();
                        async move { c.scout(project_id, &body).await }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        sent.set(true);
                        open.set(false);
                    }
                    Err(error) => {
                        errors.set(FormErrors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
            });
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_message = {
        let (message, errors) = (message.clone(), errors.clone());
        Callback::from(move |v: String| {
            message.set(Some(v));
            crate::forms::clear_error(&errors, "message");
        })
    };
    let profile = &r.talent.profile;
    html! {
        <li class="card talent">
            <div class="card-head score-head">
                <div class="score" aria-label={format!("{} {}{}", Msg::BdScore.t(lang), r.score, Msg::BdScoreOf.t(lang))}>
                    <span class="score-value">{ r.score }</span>
                    <span class="score-unit">{ Msg::BdScoreOf.t(lang) }</span>
                </div>
                <div>
                    <h3 class="card-title">{ r.talent.display_name.clone() }</h3>
                    <p class="card-sub">{ profile.headline.clone() }</p>
                </div>
            </div>
            <p class="meta">
                <span class="meta-item">{ format_hours(lang, profile.available_hours_per_month) }</span>
                <span class="meta-item">{ format_fee(lang, profile.desired_monthly_fee) }</span>
            </p>
            { reason_list(lang, &r.reasons) }
            if *sent {
                <p class="saved" role="status">{ if props.scouted { Msg::BdScouted.t(lang) } else { Msg::BdScoutSent.t(lang) } }</p>
            } else {
                <div class="card-actions">
                    <button type="button" class="button primary" aria-expanded={if *open { "true" } else { "false" }} onclick={toggle}>
                        { Msg::BdScout.t(lang) }
                    </button>
                </div>
                if *open {
                    <form class="panel" {onsubmit} novalidate=true>
                        if let Some(error) = (*problem).clone() {
                            <ActionError {error} kept_input=true />
                        }
                        <TextArea id={field_id.clone()} label={Msg::FieldScoutMessage} hint={Msg::HintScoutMessage}
                            value={text.clone()} on_input={on_message} error={errors.get("message")} rows={4} />
                        <button type="submit" class="button primary" disabled={*busy}>{ Msg::BdScoutSend.t(lang) }</button>
                    </form>
                }
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct InterviewsProps {
    id: i64,
    /// Changes after a proposal is sent, so the list reloads with it.
    refresh: Option<Msg>,
}

/// The interview times proposed for an application and which one was confirmed.
#[function_component(Interviews)]
fn interviews(props: &InterviewsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let list = use_state(|| Remote::<Vec<kakehashi_shared::application::Interview>>::Loading);
    let attempt = use_state(|| 0u32);
    {
        let (list, id) = (list.clone(), props.id);
        use_effect_with((props.refresh, *attempt), move |_| {
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| async move { c.interviews(id).await })
                    .await;
                list.set(match result {
                    Ok(page) => Remote::Ready(page.items),
                    Err(error) => Remote::Failed(error),
                });
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    match &*list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert error={error.clone()} on_retry={retry} /> },
        Remote::Ready(items) if items.is_empty() => Html::default(),
        Remote::Ready(items) => html! {
            <div class="interviews">
                <h5>{ Msg::BdInterviews.t(lang) }</h5>
                <ul>
                    { for items.iter().map(|i| match i.confirmed_slot.as_ref() {
                        Some(slot) => html! {
                            <li><strong>{ labelled(lang, Msg::BdInterviewConfirmed, &format_time(lang, slot)) }</strong></li>
                        },
                        None => html! {
                            <li>
                                { labelled(lang, Msg::BdInterviewWaiting, &i.slots.iter().map(|s| format_time(lang, s)).collect::<Vec<_>>().join(" / ")) }
                            </li>
                        },
                    }) }
                </ul>
            </div>
        },
    }
}

/// A date and time in the reader's zone: 2026年12月3日 10:00 / 3 Dec 2026 10:00.
fn format_time(lang: Lang, at: &DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    format!(
        "{} {:02}:{:02}",
        crate::i18n::format_date(lang, at),
        date.get_hours(),
        date.get_minutes()
    )
}

/// A match's reasons, each marked as adding or taking away points (in words as well as colour).
fn reason_list(lang: Lang, reasons: &[kakehashi_shared::search::Reason]) -> Html {
    html! {
        <ul class="reasons">
            { for reasons.iter().map(|reason| html! {
                <li class={if reason.points < 0 { "reason minus" } else { "reason plus" }}>
                    <span aria-hidden="true">{ if reason.points < 0 { "− " } else { "＋ " } }</span>
                    { lang.pick(&reason.text_ja, &reason.text_en).to_owned() }
                </li>
            }) }
        </ul>
    }
}
