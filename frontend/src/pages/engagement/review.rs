//! The 3-month mutual review: each side answers the same questions (what made you glad, what
//! you hold back, what you value, renew and on what fee and hours, satisfaction). Each side
//! sees whether the other has answered; the answers themselves once both have, so neither
//! answer leans on the other.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::{Engagement, EngagementStatus, Review, ReviewInput};
use kakehashi_shared::enums::Side;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::words::{
    clear, parse_number, side_name, term_label, ActionAlert, Done, Errors, Input, Viewer,
};
use crate::api::ApiError;
use crate::forms::focus_element;
use crate::i18n::format::{monthly_fee, monthly_hours};
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::pages::company::common::{labelled, TextArea};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub engagement: Engagement,
    pub viewer: Viewer,
    pub on_change: Callback<Engagement>,
}

fn row(lang: Lang, label: Msg, value: String) -> Html {
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd class="prewrap">{ value }</dd>
        </div>
    }
}

fn answers(lang: Lang, r: &Review) -> Html {
    let a = &r.answers;
    let renew = if a.renew {
        Msg::EgWantsRenew
    } else {
        Msg::EgNoRenew
    };
    html! {
        <div class="eg-review">
            <h4>{ side_name(r.side).t(lang) }</h4>
            <dl class="details">
                { row(lang, Msg::EgGlad, a.glad.clone()) }
                { row(lang, Msg::EgImprove, a.improve.clone()) }
                { row(lang, Msg::EgValues, a.values.clone()) }
                { row(lang, Msg::EgRenew, renew.t(lang).to_owned()) }
                if let Some(fee) = a.proposed_monthly_fee {
                    { row(lang, Msg::EgProposedFee, monthly_fee(lang, fee)) }
                }
                if let Some(hours) = a.proposed_hours_per_month {
                    { row(lang, Msg::EgProposedHours, monthly_hours(lang, hours)) }
                }
                { row(lang, Msg::EgSatisfaction, satisfaction_name(a.satisfaction).t(lang).to_owned()) }
            </dl>
        </div>
    }
}

fn satisfaction_name(n: i32) -> Msg {
    match n {
        1 => Msg::EgSat1,
        2 => Msg::EgSat2,
        3 => Msg::EgSat3,
        4 => Msg::EgSat4,
        _ => Msg::EgSat5,
    }
}

#[function_component(ReviewSection)]
pub fn review_section(props: &ReviewProps) -> Html {
    let lang = use_lang();
    let e = &props.engagement;
    let side = props.viewer.side();
    let of_term = |term: i32, s: Side| {
        e.reviews
            .iter()
            .find(|r| r.term_number == term && r.side == s)
    };
    let mine = of_term(e.term_number, side);
    let (company_done, talent_done, renew) = super::next::review_state(e);
    let both_answered = company_done && talent_done;
    let theirs_done = match side {
        Side::Company => talent_done,
        Side::Talent => company_done,
    };
    // Before the 3rd month (and before the other side answered) the long form waits behind
    // a button, so the page stays short on a phone; answering early is still possible.
    let opened = use_state(|| false);
    let show_form = *opened || theirs_done || super::next::review_due(e, super::words::today());
    let open = {
        let opened = opened.clone();
        Callback::from(move |_: MouseEvent| opened.set(true))
    };
    let active = e.status == EngagementStatus::Active;
    let status = |s: Side| {
        let value = match of_term(e.term_number, s) {
            Some(r) => format!(
                "{}（{}）",
                Msg::EgAnswered.t(lang),
                format_date(lang, &r.created_at)
            ),
            None => Msg::EgNotAnswered.t(lang).to_owned(),
        };
        let value = if lang == Lang::En {
            value.replace('（', " (").replace('）', ")")
        } else {
            value
        };
        html! { <li>{ labelled(lang, side_name(s), &value) }</li> }
    };
    // Terms both sides have answered, newest first: their answers are shown in full.
    let mut terms: Vec<i32> = e.reviews.iter().map(|r| r.term_number).collect();
    terms.sort_unstable_by(|a, b| b.cmp(a));
    terms.dedup();
    let complete: Vec<(i32, &Review, &Review)> = terms
        .into_iter()
        .filter_map(|t| Some((t, of_term(t, Side::Company)?, of_term(t, Side::Talent)?)))
        .collect();
    // Kept here, not in the form: once sent, the form disappears and this note stays.
    let sent = use_state(|| false);
    let on_sent = {
        let (engagement, on_change, sent) = (e.clone(), props.on_change.clone(), sent.clone());
        Callback::from(move |r: Review| {
            sent.set(true);
            let mut next = engagement.clone();
            next.reviews.push(r);
            on_change.emit(next);
        })
    };

    html! {
        <section class="block" id="review" aria-labelledby="review-heading">
            <h2 id="review-heading">{ Msg::EgReviewTitle.t(lang) }</h2>
            <p class="hint">{ Msg::EgReviewLead.t(lang) }</p>
            <h3>{ term_label(lang, e.term_number) }</h3>
            <ul class="eg-review-status">
                { status(Side::Company) }
                { status(Side::Talent) }
            </ul>
            if *sent {
                <Done message={Msg::EgReviewSent} />
            }
            if both_answered && !renew {
                <p><strong>{ Msg::EgRenewalNotAgreed.t(lang) }</strong></p>
            }
            if active && mine.is_none() {
                if show_form {
                    <ReviewForm engagement_id={e.id} {on_sent} />
                } else {
                    <p>{ Msg::EgReviewNotYet.t(lang) }</p>
                    <div class="actions tight">
                        <button type="button" class="button secondary" onclick={open}>{ Msg::EgReviewOpen.t(lang) }</button>
                    </div>
                }
            }
            { for complete.into_iter().map(|(t, company, talent)| html! {
                <div class="eg-review-term">
                    if t != e.term_number {
                        <h3>{ term_label(lang, t) }</h3>
                    }
                    { answers(lang, company) }
                    { answers(lang, talent) }
                </div>
            }) }
        </section>
    }
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    glad: String,
    improve: String,
    values: String,
    renew: Option<bool>,
    fee: String,
    hours: String,
    satisfaction: Option<i32>,
}

const ORDER: [(&str, &str); 7] = [
    ("glad", "review-glad"),
    ("improve", "review-improve"),
    ("values", "review-values"),
    ("renew", "review-renew-yes"),
    ("proposed_monthly_fee", "review-fee"),
    ("proposed_hours_per_month", "review-hours"),
    ("satisfaction", "review-sat-1"),
];

#[derive(Properties, PartialEq)]
struct FormProps {
    engagement_id: i64,
    on_sent: Callback<Review>,
}

/// An optional number: empty is `None`; anything else must be a number.
fn optional_number(text: &str) -> Result<Option<i64>, ()> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_number(text).map(Some).ok_or(())
    }
}

#[function_component(ReviewForm)]
fn review_form(props: &FormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = use_state(Draft::default);
    let errors = use_state(Errors::default);
    let working = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);

    let text = |name: &'static str| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            match name {
                "glad" => next.glad = value,
                "improve" => next.improve = value,
                "values" => next.values = value,
                "proposed_monthly_fee" => next.fee = value,
                _ => next.hours = value,
            }
            draft.set(next);
            clear(&errors, name);
        })
    };
    let pick_renew = |value: bool| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            next.renew = Some(value);
            draft.set(next);
            clear(&errors, "renew");
        })
    };
    let pick_sat = |value: i32| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            next.satisfaction = Some(value);
            draft.set(next);
            clear(&errors, "satisfaction");
        })
    };

    let onsubmit = {
        let (draft, errors, working, problem) = (
            draft.clone(),
            errors.clone(),
            working.clone(),
            problem.clone(),
        );
        let (session, on_sent, id) = (session.clone(), props.on_sent.clone(), props.engagement_id);
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            // Fee and hours only mean something for those who want to continue.
            let continuing = draft.renew != Some(false);
            let fee = if continuing {
                optional_number(&draft.fee)
            } else {
                Ok(None)
            };
            let hours = if continuing {
                optional_number(&draft.hours)
            } else {
                Ok(None)
            }
            .map(|h| h.map(|h| i32::try_from(h).unwrap_or(i32::MAX)));
            let body = ReviewInput {
                glad: draft.glad.clone(),
                improve: draft.improve.clone(),
                values: draft.values.clone(),
                renew: draft.renew.unwrap_or(false),
                proposed_monthly_fee: fee.unwrap_or(None),
                proposed_hours_per_month: hours.unwrap_or(None),
                satisfaction: draft.satisfaction.unwrap_or(0),
            };
            let mut found = body
                .validate()
                .err()
                .map(Errors::from_validation)
                .unwrap_or_default();
            if draft.renew.is_none() {
                found.add("renew", Msg::FeChoose);
            }
            if draft.satisfaction.is_none() {
                found.clear("satisfaction");
                found.add("satisfaction", Msg::EgFeSatisfaction);
            }
            if fee.is_err() {
                found.add("proposed_monthly_fee", Msg::FeNumber);
            }
            if hours.is_err() {
                found.add("proposed_hours_per_month", Msg::FeNumber);
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
            working.set(true);
            let (errors, working, problem, session, on_sent) = (
                errors.clone(),
                working.clone(),
                problem.clone(),
                session.clone(),
                on_sent.clone(),
            );
            spawn_local(async move {
                let body = &body;
                let answer = session
                    .call(|client: ApiClient| async move { client.submit_review(id, body).await })
                    .await;
                working.set(false);
                match answer {
                    Ok(review) => on_sent.emit(review),
                    Err(error) => {
                        let found = Errors::from_api(&error);
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

    let renew_error = errors.get("renew");
    let sat_error = errors.get("satisfaction");
    html! {
        <form class="eg-form" {onsubmit} novalidate=true>
            <h3>{ Msg::EgReviewYours.t(lang) }</h3>
            <TextArea id="review-glad" label={Msg::EgGlad} hint={Msg::EgGladHint}
                value={draft.glad.clone()} on_input={text("glad")} error={errors.get("glad")} rows={3} />
            <TextArea id="review-improve" label={Msg::EgImprove} hint={Msg::EgImproveHint}
                value={draft.improve.clone()} on_input={text("improve")} error={errors.get("improve")} rows={3} />
            <TextArea id="review-values" label={Msg::EgValues} hint={Msg::EgValuesHint}
                value={draft.values.clone()} on_input={text("values")} error={errors.get("values")} rows={3} />
            <fieldset class={classes!("group", renew_error.is_some().then_some("invalid"))}
                aria-describedby="review-renew-error">
                <legend>{ Msg::EgRenew.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
                <div class="choices">
                    <label class="choice" for="review-renew-yes">
                        <input type="radio" id="review-renew-yes" name="review-renew"
                            checked={draft.renew == Some(true)} onchange={pick_renew(true)} />
                        <span class="choice-text"><span class="choice-label">{ Msg::EgRenewYes.t(lang) }</span></span>
                    </label>
                    <label class="choice" for="review-renew-no">
                        <input type="radio" id="review-renew-no" name="review-renew"
                            checked={draft.renew == Some(false)} onchange={pick_renew(false)} />
                        <span class="choice-text"><span class="choice-label">{ Msg::EgRenewNo.t(lang) }</span></span>
                    </label>
                </div>
                <p class="field-error" id="review-renew-error">{ renew_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </fieldset>
            if draft.renew != Some(false) {
                <Input id="review-fee" label={Msg::EgProposedFee} hint={Msg::EgProposedFeeHint} required={false}
                    value={draft.fee.clone()} on_input={text("proposed_monthly_fee")} error={errors.get("proposed_monthly_fee")}
                    inputmode={Some(AttrValue::from("numeric"))} />
                <Input id="review-hours" label={Msg::EgProposedHours} hint={Msg::EgProposedHoursHint} required={false}
                    value={draft.hours.clone()} on_input={text("proposed_hours_per_month")} error={errors.get("proposed_hours_per_month")}
                    inputmode={Some(AttrValue::from("numeric"))} />
            }
            <fieldset class={classes!("group", sat_error.is_some().then_some("invalid"))}
                aria-describedby="review-sat-hint review-sat-error">
                <legend>{ Msg::EgSatisfaction.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
                <p class="hint" id="review-sat-hint">{ Msg::EgSatisfactionHint.t(lang) }</p>
                <div class="choices">
                    { for (1..=5).map(|n| {
                        let id = format!("review-sat-{n}");
                        html! {
                            <label class="choice" for={id.clone()}>
                                <input type="radio" id={id} name="review-satisfaction"
                                    checked={draft.satisfaction == Some(n)} onchange={pick_sat(n)} />
                                <span class="choice-text"><span class="choice-label">{ satisfaction_name(n).t(lang) }</span></span>
                            </label>
                        }
                    }) }
                </div>
                <p class="field-error" id="review-sat-error">{ sat_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </fieldset>
            if let Some(error) = (*problem).clone() {
                <ActionAlert {error} />
            }
            <div class="actions tight">
                <button type="submit" class="button primary" disabled={*working}>
                    { if *working { Msg::EgSending.t(lang) } else { Msg::EgReviewSend.t(lang) } }
                </button>
            </div>
        </form>
    }
}
