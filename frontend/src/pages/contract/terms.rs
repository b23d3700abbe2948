//! The terms of a contract version laid out to read: the same five groups, labels and order as
//! the builder, so both sides find each point where the company wrote it.

use kakehashi_shared::contract::ContractTerms;
use yew::prelude::*;

use super::numbered;
use crate::i18n::format::{days, monthly_fee, monthly_hours, months};
use crate::i18n::{Lang, Msg};
use crate::pages::company::common::{contract_type_name, format_day};

/// One row: the label and its value (multi-line values keep their line breaks).
fn row(lang: Lang, label: Msg, value: String) -> Html {
    html! {
        <>
            <dt>{ label.t(lang) }</dt>
            <dd class="prewrap">{ value }</dd>
        </>
    }
}

fn group(lang: Lang, title: Msg, rows: Vec<Html>) -> Html {
    html! {
        <section class="contract-group">
            <h3>{ title.t(lang) }</h3>
            <dl class="contract-terms">{ for rows }</dl>
        </section>
    }
}

pub fn terms_view(lang: Lang, t: &ContractTerms) -> Html {
    let yes_no = |b: bool| if b { Msg::CnYes } else { Msg::CnNo }.t(lang).to_owned();
    html! {
        <>
            { group(lang, Msg::CnSecWork, vec![
                row(lang, Msg::CnFieldType, contract_type_name(t.contract_type).t(lang).to_owned()),
                row(lang, Msg::CnFieldTasks, t.tasks.clone()),
                row(lang, Msg::CnFieldDeliverables, t.deliverables.clone()),
                row(lang, Msg::CnFieldHours, monthly_hours(lang, t.monthly_hours)),
            ]) }
            { group(lang, Msg::CnSecPay, vec![
                row(lang, Msg::CnFieldFee, monthly_fee(lang, t.monthly_fee)),
                row(lang, Msg::CnFieldPaymentDays, numbered(lang, Msg::CnPaymentDaysValue, t.payment_days)),
                row(lang, Msg::CnFieldPaymentMethod, t.payment_method.clone()),
                row(lang, Msg::CnFieldExpenses, t.expenses.clone()),
                row(lang, Msg::CnFieldAcceptance, t.acceptance.clone()),
            ]) }
            { group(lang, Msg::CnSecTerm, vec![
                row(lang, Msg::CnFieldStart, format_day(lang, t.start_date)),
                row(lang, Msg::CnFieldTerm, months(lang, t.term_months)),
                row(lang, Msg::CnFieldRenews, yes_no(t.renews_monthly)),
                row(lang, Msg::CnFieldTrial, t.trial_days.map(|d| days(lang, d)).unwrap_or_else(|| Msg::CnNoTrial.t(lang).to_owned())),
            ]) }
            { group(lang, Msg::CnSecRights, vec![
                row(lang, Msg::CnFieldIp, t.intellectual_property.clone()),
                row(lang, Msg::CnFieldConfidentiality, t.confidentiality.clone()),
                row(lang, Msg::CnFieldNda, yes_no(t.nda_required)),
            ]) }
            { group(lang, Msg::CnSecTrouble, vec![
                row(lang, Msg::CnFieldChange, t.change_procedure.clone()),
                row(lang, Msg::CnFieldDefects, t.defects_and_delays.clone()),
            ]) }
        </>
    }
}
