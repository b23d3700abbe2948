//! Monthly work reports: the talent's form, the list with each report's acknowledgement, and
//! the company's acknowledgement with an optional comment.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::{
    Acknowledge, Engagement, EngagementStatus, WorkReport, WorkReportInput,
};
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::words::{
    clear, hours_label, month_key, month_label, parse_number, previous_month, today, ActionAlert,
    Done, Errors, Input, Viewer,
};
use crate::api::ApiError;
use crate::forms::focus_element;
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::pages::company::common::{labelled, TextArea};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ReportsProps {
    pub engagement: Engagement,
    pub viewer: Viewer,
    pub on_change: Callback<Engagement>,
}

#[function_component(ReportsSection)]
pub fn reports_section(props: &ReportsProps) -> Html {
    let lang = use_lang();
    let e = &props.engagement;
    let active = e.status == EngagementStatus::Active;
    // Newest month first.
    let mut reports = e.reports.clone();
    reports.sort_by(|a, b| b.report.month.cmp(&a.report.month));
    let on_report = {
        let (engagement, on_change) = (e.clone(), props.on_change.clone());
        Callback::from(move |r: WorkReport| {
            let mut next = engagement.clone();
            next.reports.retain(|x| x.id != r.id);
            next.reports.push(r);
            on_change.emit(next);
        })
    };
    html! {
        <section class="block" id="reports" aria-labelledby="reports-heading">
            <h2 id="reports-heading">{ Msg::EgReportsTitle.t(lang) }</h2>
            <p class="hint">{ Msg::EgReportsLead.t(lang) }</p>
            if active && props.viewer == Viewer::Talent {
                <ReportForm engagement={e.clone()} on_sent={on_report.clone()} />
            } else if active {
                <p>{ Msg::EgReportsCompanyNote.t(lang) }</p>
            }
            <h3>{ Msg::EgReportsPast.t(lang) }</h3>
            if reports.is_empty() {
                <p class="muted">{ Msg::EgReportsNone.t(lang) }</p>
            } else {
                <ul class="eg-reports">
                    { for reports.into_iter().map(|r| html! {
                        <li key={r.id}>
                            <ReportCard report={r} can_ack={props.viewer.is_company_side()} on_ack={on_report.clone()} />
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct Draft {
    month: String,
    hours: String,
    summary: String,
    outcomes: String,
    next_steps: String,
}

const ORDER: [(&str, &str); 5] = [
    ("month", "report-month"),
    ("hours", "report-hours"),
    ("summary", "report-summary"),
    ("outcomes", "report-outcomes"),
    ("next_steps", "report-next-steps"),
];

/// The month a new report is most likely for: last month, else this month, else the first
/// month of the engagement, whichever is not reported yet and not before the start.
fn suggested_month(e: &Engagement) -> String {
    let now = today();
    let started = month_key(e.started_on);
    let reported = |m: &str| e.reports.iter().any(|r| r.report.month == m);
    [
        month_key(previous_month(now)),
        month_key(now),
        started.clone(),
    ]
    .into_iter()
    .find(|m| *m >= started && !reported(m))
    .unwrap_or_else(|| month_key(now))
}

#[derive(Properties, PartialEq)]
struct ReportFormProps {
    engagement: Engagement,
    on_sent: Callback<WorkReport>,
}

#[function_component(ReportForm)]
fn report_form(props: &ReportFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = use_state(|| Draft {
        month: suggested_month(&props.engagement),
        hours: String::new(),
        summary: String::new(),
        outcomes: String::new(),
        next_steps: String::new(),
    });
    let errors = use_state(Errors::default);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let sent = use_state(|| None::<String>);

    let field = |name: &'static str| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            match name {
                "month" => next.month = value,
                "hours" => next.hours = value,
                "summary" => next.summary = value,
                "outcomes" => next.outcomes = value,
                _ => next.next_steps = value,
            }
            draft.set(next);
            clear(&errors, name);
        })
    };

    let onsubmit = {
        let (draft, errors, working, problem, sent) = (
            draft.clone(),
            errors.clone(),
            working.clone(),
            problem.clone(),
            sent.clone(),
        );
        let (session, on_sent, id) = (session.clone(), props.on_sent.clone(), props.engagement.id);
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let hours = parse_number(&draft.hours).and_then(|h| i32::try_from(h).ok());
            let body = WorkReportInput {
                month: draft.month.trim().to_owned(),
                hours: hours.unwrap_or(-1),
                summary: draft.summary.clone(),
                outcomes: draft.outcomes.clone(),
                next_steps: draft.next_steps.clone(),
            };
            let mut found = body
                .validate()
                .err()
                .map(Errors::from_validation)
                .unwrap_or_default();
            if hours.is_none() {
                found.clear("hours");
                found.add("hours", Msg::FeNumber);
            }
            if !found.is_empty() {
                if let Some(id) = found.first_id(&ORDER) {
                    focus_element(id);
                }
                errors.set(found);
                return;
            }
            errors.set(Errors::default());
            problem.set(None);
            sent.set(None);
            working.set(true);
            let (draft, errors, working, problem, sent, session, on_sent) = (
                draft.clone(),
                errors.clone(),
                working.clone(),
                problem.clone(),
                sent.clone(),
                session.clone(),
                on_sent.clone(),
            );
            spawn_local(async move {
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move { client.submit_report(id, body).await })
                    .await;
                working.set(false);
                match answer {
                    Ok(report) => {
                        sent.set(Some(report.report.month.clone()));
                        draft.set(Draft {
                            month: String::new(),
                            hours: String::new(),
                            summary: String::new(),
                            outcomes: String::new(),
                            next_steps: String::new(),
                        });
                        on_sent.emit(report);
                    }
                    Err(error) => {
                        let mut found = Errors::from_api(&error);
                        if matches!(&error, ApiError::Problem(p) if p.code == "report_exists") {
                            found.add("month", Msg::EgErrReportExists);
                        }
                        if let Some(id) = found.first_id(&ORDER) {
                            focus_element(id);
                        }
                        errors.set(found);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    html! {
        <>
            <h3>{ Msg::EgReportNew.t(lang) }</h3>
            if let Some(month) = (*sent).clone() {
                <Done message={Msg::EgReportSent}>
                    <p>{ month_label(lang, &month) }</p>
                </Done>
            }
            <form class="eg-form" {onsubmit} novalidate=true>
                <Input id="report-month" label={Msg::EgMonth} hint={Msg::EgMonthHint}
                    value={draft.month.clone()} on_input={field("month")} error={errors.get("month")}
                    placeholder={Some(AttrValue::from("2027-01"))} />
                <Input id="report-hours" label={Msg::EgReportHours} hint={Msg::EgReportHoursHint}
                    value={draft.hours.clone()} on_input={field("hours")} error={errors.get("hours")}
                    inputmode={Some(AttrValue::from("numeric"))} />
                <TextArea id="report-summary" label={Msg::EgSummary} hint={Msg::EgSummaryHint}
                    value={draft.summary.clone()} on_input={field("summary")} error={errors.get("summary")} rows={5} />
                <TextArea id="report-outcomes" label={Msg::EgReportOutcomes} hint={Msg::EgReportOutcomesHint} required={false}
                    value={draft.outcomes.clone()} on_input={field("outcomes")} error={errors.get("outcomes")} rows={3} />
                <TextArea id="report-next-steps" label={Msg::EgNextSteps} hint={Msg::EgNextStepsHint} required={false}
                    value={draft.next_steps.clone()} on_input={field("next_steps")} error={errors.get("next_steps")} rows={3} />
                if let Some(error) = (*problem).clone() {
                    <ActionAlert {error} />
                }
                <div class="actions tight">
                    <button type="submit" class="button primary" disabled={*working}>
                        { if *working { Msg::EgSending.t(lang) } else { Msg::EgReportSend.t(lang) } }
                    </button>
                </div>
            </form>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    report: WorkReport,
    can_ack: bool,
    on_ack: Callback<WorkReport>,
}

fn text_row(lang: Lang, label: Msg, text: &str) -> Html {
    if text.trim().is_empty() {
        return Html::default();
    }
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd class="prewrap">{ text.to_owned() }</dd>
        </div>
    }
}

/// One report: what was sent, whether the company acknowledged it, and (company side) the
/// acknowledgement form.
#[function_component(ReportCard)]
fn report_card(props: &CardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let r = &props.report;
    let comment = use_state(String::new);
    let errors = use_state(Errors::default);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    let comment_id = format!("ack-comment-{}", r.id);

    let on_comment = {
        let (comment, errors) = (comment.clone(), errors.clone());
        Callback::from(move |v: String| {
            comment.set(v);
            clear(&errors, "comment");
        })
    };
    let onsubmit = {
        let (comment, errors, working, problem, done) = (
            comment.clone(),
            errors.clone(),
            working.clone(),
            problem.clone(),
            done.clone(),
        );
        let (session, on_ack, id, comment_id) = (
            session.clone(),
            props.on_ack.clone(),
            r.id,
            comment_id.clone(),
        );
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let text = comment.trim().to_owned();
            let body = Acknowledge {
                comment: (!text.is_empty()).then_some(text),
            };
            if let Err(found) = body.validate() {
                errors.set(Errors::from_validation(found));
                focus_element(&comment_id);
                return;
            }
            problem.set(None);
            working.set(true);
            let (errors, working, problem, done, session, on_ack) = (
                errors.clone(),
                working.clone(),
                problem.clone(),
                done.clone(),
                session.clone(),
                on_ack.clone(),
            );
            spawn_local(async move {
                let body = &body;
                let answer =
                    session
                        .call(|client: ApiClient| async move {
                            client.acknowledge_report(id, body).await
                        })
                        .await;
                working.set(false);
                match answer {
                    Ok(report) => {
                        done.set(true);
                        on_ack.emit(report);
                    }
                    Err(error) => {
                        errors.set(Errors::from_api(&error));
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let acknowledged = r.acknowledged_at.is_some();
    html! {
        <article class="eg-report">
            <h4 class="eg-report-title">
                { month_label(lang, &r.report.month) }{ " ・ " }{ hours_label(lang, r.report.hours) }
            </h4>
            <p>
                if let Some(at) = r.acknowledged_at {
                    <span class="badge badge-good">{ Msg::EgAcknowledged.t(lang) }</span>
                    <span class="muted">{ " " }{ format_date(lang, &at) }</span>
                } else {
                    <span class="badge badge-wait">{ Msg::EgAwaitingAck.t(lang) }</span>
                }
                <span class="muted">{ " " }{ labelled(lang, Msg::EgSubmittedOn, &format_date(lang, &r.submitted_at)) }</span>
            </p>
            <dl class="details">
                { text_row(lang, Msg::EgSummary, &r.report.summary) }
                { text_row(lang, Msg::EgReportOutcomes, &r.report.outcomes) }
                { text_row(lang, Msg::EgNextSteps, &r.report.next_steps) }
                if let Some(c) = r.company_comment.clone() {
                    { text_row(lang, Msg::EgCompanyComment, &c) }
                }
            </dl>
            if *done {
                <Done message={Msg::EgAckDone} />
            }
            if props.can_ack && !acknowledged {
                <form class="eg-form" {onsubmit} novalidate=true>
                    <TextArea id={comment_id.clone()} label={Msg::EgAckComment} hint={Msg::EgAckCommentHint} required={false}
                        value={(*comment).clone()} on_input={on_comment} error={errors.get("comment")} rows={2} />
                    if let Some(error) = (*problem).clone() {
                        <ActionAlert {error} />
                    }
                    <div class="actions tight">
                        <button type="submit" class="button primary" disabled={*working}>
                            { if *working { Msg::EgSending.t(lang) } else { Msg::EgAckButton.t(lang) } }
                        </button>
                    </div>
                </form>
            }
        </article>
    }
}
