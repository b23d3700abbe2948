//! The contract builder's form as typed: numbers and the date stay text until sending, so what
//! someone typed is never lost to parsing; `to_terms` turns it into the API's terms, with the
//! same rules the server applies (shared validation), checked before anything is sent.

use chrono::NaiveDate;
use kakehashi_shared::contract::ContractTerms;
use kakehashi_shared::enums::ContractType;
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::{FieldErrors, Validate};
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermsForm {
    pub contract_type: ContractType,
    pub tasks: String,
    pub deliverables: String,
    pub monthly_hours: String,
    pub monthly_fee: String,
    pub payment_days: String,
    pub payment_method: String,
    pub expenses: String,
    pub acceptance: String,
    pub start_date: String,
    pub term_months: String,
    pub renews_monthly: bool,
    pub trial_days: String,
    pub intellectual_property: String,
    pub confidentiality: String,
    pub nda_required: bool,
    pub change_procedure: String,
    pub defects_and_delays: String,
}

impl TermsForm {
    /// A first version drawn from the posting the talent applied to: what was already agreed
    /// in the posting need not be typed again.
    pub fn from_posting(draft: &ProjectDraft) -> Self {
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        TermsForm {
            contract_type: draft.contract_type.unwrap_or(ContractType::QuasiMandate),
            tasks: draft.tasks.clone().unwrap_or_default(),
            deliverables: draft.deliverables.clone().unwrap_or_default(),
            monthly_hours: number(draft.hours_per_month.map(i64::from)),
            monthly_fee: number(draft.monthly_fee),
            // 30 days is the common 月末締め翌月末払い, well inside the law's 60.
            payment_days: "30".to_owned(),
            payment_method: String::new(),
            expenses: String::new(),
            acceptance: String::new(),
            start_date: draft
                .start_date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            term_months: number(draft.period_months.map(i64::from)),
            renews_monthly: true,
            trial_days: number(draft.trial_days.map(i64::from)),
            intellectual_property: draft.ip_handling.clone().unwrap_or_default(),
            confidentiality: draft.confidentiality.clone().unwrap_or_default(),
            nda_required: false,
            change_procedure: String::new(),
            defects_and_delays: String::new(),
        }
    }

    /// The last version sent, to revise.
    pub fn from_terms(t: &ContractTerms) -> Self {
        TermsForm {
            contract_type: t.contract_type,
            tasks: t.tasks.clone(),
            deliverables: t.deliverables.clone(),
            monthly_hours: t.monthly_hours.to_string(),
            monthly_fee: t.monthly_fee.to_string(),
            payment_days: t.payment_days.to_string(),
            payment_method: t.payment_method.clone(),
            expenses: t.expenses.clone(),
            acceptance: t.acceptance.clone(),
            start_date: t.start_date.format("%Y-%m-%d").to_string(),
            term_months: t.term_months.to_string(),
            renews_monthly: t.renews_monthly,
            trial_days: t.trial_days.map(|d| d.to_string()).unwrap_or_default(),
            intellectual_property: t.intellectual_property.clone(),
            confidentiality: t.confidentiality.clone(),
            nda_required: t.nda_required,
            change_procedure: t.change_procedure.clone(),
            defects_and_delays: t.defects_and_delays.clone(),
        }
    }

    pub fn text(&self, field: &str) -> &str {
        match field {
            "tasks" => &self.tasks,
            "deliverables" => &self.deliverables,
            "monthly_hours" => &self.monthly_hours,
            "monthly_fee" => &self.monthly_fee,
            "payment_days" => &self.payment_days,
            "payment_method" => &self.payment_method,
            "expenses" => &self.expenses,
            "acceptance" => &self.acceptance,
            "start_date" => &self.start_date,
            "term_months" => &self.term_months,
            "trial_days" => &self.trial_days,
            "intellectual_property" => &self.intellectual_property,
            "confidentiality" => &self.confidentiality,
            "change_procedure" => &self.change_procedure,
            "defects_and_delays" => &self.defects_and_delays,
            _ => "",
        }
    }

    pub fn set_text(&mut self, field: &str, value: String) {
        let slot = match field {
            "tasks" => &mut self.tasks,
            "deliverables" => &mut self.deliverables,
            "monthly_hours" => &mut self.monthly_hours,
            "monthly_fee" => &mut self.monthly_fee,
            "payment_days" => &mut self.payment_days,
            "payment_method" => &mut self.payment_method,
            "expenses" => &mut self.expenses,
            "acceptance" => &mut self.acceptance,
            "start_date" => &mut self.start_date,
            "term_months" => &mut self.term_months,
            "trial_days" => &mut self.trial_days,
            "intellectual_property" => &mut self.intellectual_property,
            "confidentiality" => &mut self.confidentiality,
            "change_procedure" => &mut self.change_procedure,
            "defects_and_delays" => &mut self.defects_and_delays,
            _ => return,
        };
        *slot = value;
    }

    /// Puts common wording into the clause fields still empty, in the reader's language; it is
    /// only a start the company reads and adapts.
    pub fn fill_standard(&mut self, lang: Lang) {
        for (field, msg) in [
            ("payment_method", Msg::CnStdPaymentMethod),
            ("expenses", Msg::CnStdExpenses),
            ("acceptance", Msg::CnStdAcceptance),
            ("intellectual_property", Msg::CnStdIp),
            ("confidentiality", Msg::CnStdConfidentiality),
            ("change_procedure", Msg::CnStdChange),
            ("defects_and_delays", Msg::CnStdDefects),
        ] {
            if self.text(field).trim().is_empty() {
                self.set_text(field, msg.t(lang).to_owned());
            }
        }
    }

    /// The terms to send, or every problem at once: numbers that cannot be read, then the
    /// shared rules (fee 0 only for pro bono, payment within 60 days, …).
    pub fn to_terms(&self) -> Result<ContractTerms, FieldErrors> {
        let mut unreadable = FieldErrors::new();
        // A stand-in keeps the shared rules from reporting an unreadable field a second time.
        let mut number = |field: &str, text: &str, stand_in: i64| -> i64 {
            let text = text.trim().replace([',', '，'], "");
            if text.is_empty() {
                unreadable.add(field, "required", "is required");
                return stand_in;
            }
            match text.parse::<i64>() {
                Ok(n) => n,
                Err(_) => {
                    unreadable.add(field, "invalid_format", "not a number");
                    stand_in
                }
            }
        };
        let clamp = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
        let monthly_hours = clamp(number("monthly_hours", &self.monthly_hours, 1));
        let monthly_fee = number("monthly_fee", &self.monthly_fee, 1);
        let payment_days = clamp(number("payment_days", &self.payment_days, 0));
        let term_months = clamp(number("term_months", &self.term_months, 1));
        let trial_days = if self.trial_days.trim().is_empty() {
            None
        } else {
            Some(clamp(number("trial_days", &self.trial_days, 0)))
        };
        let start_date = match NaiveDate::parse_from_str(self.start_date.trim(), "%Y-%m-%d") {
            Ok(day) => day,
            Err(_) => {
                unreadable.add("start_date", "required", "choose a date");
                NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default()
            }
        };
        let terms = ContractTerms {
            contract_type: self.contract_type,
            tasks: self.tasks.trim().to_owned(),
            deliverables: self.deliverables.trim().to_owned(),
            monthly_hours,
            monthly_fee,
            payment_days,
            payment_method: self.payment_method.trim().to_owned(),
            expenses: self.expenses.trim().to_owned(),
            acceptance: self.acceptance.trim().to_owned(),
            start_date,
            term_months,
            renews_monthly: self.renews_monthly,
            trial_days,
            intellectual_property: self.intellectual_property.trim().to_owned(),
            confidentiality: self.confidentiality.trim().to_owned(),
            nda_required: self.nda_required,
            change_procedure: self.change_procedure.trim().to_owned(),
            defects_and_delays: self.defects_and_delays.trim().to_owned(),
        };
        if let Err(rules) = terms.validate() {
            unreadable.0.extend(rules.0);
        }
        if unreadable.is_empty() {
            Ok(terms)
        } else {
            Err(unreadable)
        }
    }
}
