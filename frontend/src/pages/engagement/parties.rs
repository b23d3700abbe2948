//! The parties, the talent's contact details (the company sees them once the contract is
//! accepted) and the contract term now running, with a link to the contract itself.

use chrono::Months;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::engagement::Engagement;
use yew::prelude::*;

use super::words::{side_name, term_label, Viewer};
use crate::components::{ErrorAlert, Loading};
use crate::hooks::{use_remote, Remote};
use crate::i18n::format::{monthly_fee, monthly_hours, months};
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::pages::company::common::format_day;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct PartiesProps {
    pub engagement: Engagement,
    pub viewer: Viewer,
}

fn row(lang: Lang, label: Msg, value: Html) -> Html {
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

#[function_component(PartiesSection)]
pub fn parties_section(props: &PartiesProps) -> Html {
    let lang = use_lang();
    let e = &props.engagement;
    let contact = match (&e.talent_contact, props.viewer) {
        (Some(c), _) => html! {
            <>
                { row(lang, Msg::EgContactEmail, html! {
                    <a href={format!("mailto:{}", c.email)}>{ c.email.clone() }</a>
                }) }
                { row(lang, Msg::EgContactPhone, match &c.phone {
                    Some(phone) => html! { <a href={format!("tel:{phone}")}>{ phone.clone() }</a> },
                    None => html! { <span class="muted">{ Msg::EgNoPhone.t(lang) }</span> },
                }) }
            </>
        },
        (None, _) => Html::default(),
    };
    let contact_note = match (&e.talent_contact, props.viewer) {
        (Some(_), Viewer::Company) => Some(Msg::EgContactHint),
        (None, _) => Some(Msg::EgContactHidden),
        _ => None,
    };
    html! {
        <section class="block" id="parties" aria-labelledby="parties-heading">
            <h2 id="parties-heading">{ Msg::EgPartiesTitle.t(lang) }</h2>
            <dl class="details">
                { row(lang, Msg::EgCompany, html! { e.company_name.clone() }) }
                { row(lang, Msg::EgTalent, html! { e.talent_name.clone() }) }
                { contact }
                { row(lang, Msg::EgStartedOn, html! { format_day(lang, e.started_on) }) }
                if let Some(at) = e.ended_at {
                    { row(lang, Msg::EgEndedOn, html! { format_date(lang, &at) }) }
                }
                if let Some(side) = e.ended_by {
                    { row(lang, Msg::EgEndedBy, html! { side_name(side).t(lang) }) }
                }
                if let Some(reason) = e.end_reason.clone() {
                    { row(lang, Msg::EgEndReason, html! { <span class="prewrap">{ reason }</span> }) }
                }
            </dl>
            if let Some(note) = contact_note {
                <p class="hint">{ note.t(lang) }</p>
            }
            <CurrentContract contract_id={e.current_contract_id} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ContractProps {
    contract_id: i64,
}

/// The term now running, read from its contract (fee, hours, dates).
#[function_component(CurrentContract)]
fn current_contract(props: &ContractProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.contract_id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(|client: ApiClient| async move { client.contract(id).await })
            .await
    });
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(contract) => {
            let t = &contract.terms;
            let end = u32::try_from(t.term_months)
                .ok()
                .and_then(|m| t.start_date.checked_add_months(Months::new(m)))
                .and_then(|d| d.pred_opt());
            let period = match end {
                Some(end) => format!(
                    "{}（{}〜{}）",
                    months(lang, t.term_months),
                    format_day(lang, t.start_date),
                    format_day(lang, end)
                ),
                None => months(lang, t.term_months),
            };
            let period = if lang == Lang::En {
                period
                    .replace('（', " (")
                    .replace('）', ")")
                    .replace('〜', " – ")
            } else {
                period
            };
            html! {
                <dl class="details">
                    { row(lang, Msg::EgTermNumber, html! { term_label(lang, contract.term_number) }) }
                    { row(lang, Msg::EgFee, html! { monthly_fee(lang, t.monthly_fee) }) }
                    { row(lang, Msg::EgHours, html! { monthly_hours(lang, t.monthly_hours) }) }
                    { row(lang, Msg::EgTermLength, html! { period }) }
                </dl>
            }
        }
    };
    html! {
        <>
            <h3>{ Msg::EgContractTitle.t(lang) }</h3>
            { body }
            { super::contract_link(lang, props.contract_id, Msg::EgSeeContract) }
        </>
    }
}
