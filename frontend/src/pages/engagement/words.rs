//! What the engagement screens share: who is looking (which side), months and dates in words,
//! the API's engagement conflicts and field errors in words, and the small alerts every
//! section shows after an action.

use chrono::{Datelike, Months, NaiveDate};
use kakehashi_shared::engagement::EngagementStatus;
use kakehashi_shared::enums::{Role, Side};
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::ErrorAlert;
use crate::i18n::{field_error, use_lang, Lang, Msg};

/// How the signed-in person takes part: the talent, the company's own member, or staff (a hub
/// coordinator or an admin) who act for the company.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Talent,
    Company,
    Staff,
}

impl Viewer {
    pub fn from_role(role: Option<Role>) -> Self {
        match role {
            Some(Role::Talent) => Viewer::Talent,
            Some(Role::CompanyMember) => Viewer::Company,
            _ => Viewer::Staff,
        }
    }

    /// The side the API files this person's reviews and endings under.
    pub fn side(self) -> Side {
        match self {
            Viewer::Talent => Side::Talent,
            Viewer::Company | Viewer::Staff => Side::Company,
        }
    }

    /// May acknowledge reports and propose renewals (the company, or staff acting for it).
    pub fn is_company_side(self) -> bool {
        self.side() == Side::Company
    }
}

pub fn side_name(side: Side) -> Msg {
    match side {
        Side::Company => Msg::EgCompany,
        Side::Talent => Msg::EgTalent,
    }
}

pub fn status_badge(lang: Lang, status: EngagementStatus) -> Html {
    let (class, label) = match status {
        EngagementStatus::Active => ("badge-good", Msg::EgStatusActive),
        EngagementStatus::Ended => ("badge-neutral", Msg::EgStatusEnded),
    };
    html! { <span class={classes!("badge", class)}>{ label.t(lang) }</span> }
}

/// Today by the browser's clock (chrono cannot read it on wasm32-unknown-unknown).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// `2027-01` for the first day of a month, as the API writes report months.
pub fn month_key(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// The month before the one `day` falls in.
pub fn previous_month(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first.checked_sub_months(Months::new(1)).unwrap_or(first)
}

/// A report month as people read it: 2027年1月 / Jan 2027 (the API's `2027-01` otherwise).
pub fn month_label(lang: Lang, month: &str) -> String {
    let Some(day) = kakehashi_shared::engagement::parse_month(month) else {
        return month.to_owned();
    };
    match lang {
        Lang::Ja => format!("{}年{}月", day.year(), day.month()),
        Lang::En => {
            const NAMES: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let name = NAMES.get(day.month0() as usize).copied().unwrap_or("");
            format!("{name} {}", day.year())
        }
    }
}

/// 第2期 / Term 2.
pub fn term_label(lang: Lang, n: i32) -> String {
    match lang {
        Lang::Ja => format!("第{n}期"),
        Lang::En => format!("Term {n}"),
    }
}

/// 28時間 / 28 h.
pub fn hours_label(lang: Lang, hours: i32) -> String {
    match lang {
        Lang::Ja => format!("{hours}時間"),
        Lang::En => format!("{hours} h"),
    }
}

/// Splits a "one per line" text area into the API's list, dropping empty lines.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The API's field path for the list fields (`goals[2]`) is shown beside the whole field.
pub fn field_of(path: &str) -> &str {
    path.split('[').next().unwrap_or(path)
}

/// A field error on these screens, with the limits in words.
pub fn eg_field_error(path: &str, code: &str) -> Msg {
    let field = field_of(path);
    let item = path.contains('[');
    match (field, code) {
        ("month", _) => Msg::EgFeMonth,
        ("hours", "out_of_range") => Msg::EgFeReportHours,
        ("proposed_hours_per_month" | "monthly_hours", "out_of_range") => Msg::FeHours,
        ("proposed_monthly_fee" | "monthly_fee", "out_of_range") => Msg::FeFee,
        ("term_months", "out_of_range") => Msg::FePeriod,
        ("satisfaction", _) => Msg::EgFeSatisfaction,
        (_, "too_long") if item => Msg::EgFeItem,
        ("goals" | "steps" | "members" | "contact_channels", "too_long") => Msg::EgFeItems,
        (_, "invalid_type" | "invalid_format")
            if matches!(
                field,
                "hours"
                    | "proposed_monthly_fee"
                    | "proposed_hours_per_month"
                    | "monthly_fee"
                    | "monthly_hours"
                    | "term_months"
            ) =>
        {
            Msg::FeNumber
        }
        _ => field_error(field, code),
    }
}

/// Field errors of one form, keyed by field (list items filed under their list).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Errors(Vec<(String, Msg)>);

impl Errors {
    pub fn from_validation(errors: kakehashi_shared::FieldErrors) -> Self {
        Errors(
            errors
                .0
                .iter()
                .map(|e| {
                    (
                        field_of(&e.field).to_owned(),
                        eg_field_error(&e.field, &e.code),
                    )
                })
                .collect(),
        )
    }

    pub fn from_api(error: &ApiError) -> Self {
        Errors(
            error
                .field_errors()
                .iter()
                .map(|e| {
                    (
                        field_of(&e.field).to_owned(),
                        eg_field_error(&e.field, &e.code),
                    )
                })
                .collect(),
        )
    }

    pub fn add(&mut self, field: &str, msg: Msg) {
        self.0.push((field.to_owned(), msg));
    }

    pub fn get(&self, field: &str) -> Option<Msg> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| *m)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first invalid field of `order` (field, element id), to move focus there.
    pub fn first_id<'a>(&self, order: &[(&str, &'a str)]) -> Option<&'a str> {
        order
            .iter()
            .find(|(field, _)| self.get(field).is_some())
            .map(|(_, id)| *id)
    }

    pub fn clear(&mut self, field: &str) {
        self.0.retain(|(f, _)| f != field);
    }
}

/// Forgets a field's error once the person edits it.
pub fn clear(errors: &UseStateHandle<Errors>, field: &str) {
    if errors.get(field).is_some() {
        let mut next = (**errors).clone();
        next.clear(field);
        errors.set(next);
    }
}

/// The engagement conflicts in words; `None` for problems the app's usual texts cover.
fn conflict_message(error: &ApiError) -> Option<Msg> {
    let ApiError::Problem(problem) = error else {
        return None;
    };
    let code = problem.code.as_str();
    Some(match code {
        "report_exists" => Msg::EgErrReportExists,
        "already_acknowledged" => Msg::EgErrAlreadyAck,
        "review_exists" => Msg::EgErrReviewExists,
        "reviews_missing" => Msg::EgErrReviewsMissing,
        "renewal_not_agreed" => Msg::EgErrRenewalNotAgreed,
        "renewal_exists" => Msg::EgErrRenewalExists,
        "case_study_exists" => Msg::EgErrCaseExists,
        _ if code.starts_with("illegal_transition:ended") => Msg::EgErrEnded,
        _ => return None,
    })
}

#[derive(Properties, PartialEq)]
pub struct ActionAlertProps {
    pub error: ApiError,
}

/// A failed action above its button: the engagement's own conflicts in words, anything else
/// as everywhere in the app, with a note that what was typed is still there.
#[function_component(ActionAlert)]
pub fn action_alert(props: &ActionAlertProps) -> Html {
    let lang = use_lang();
    match conflict_message(&props.error) {
        Some(msg) => html! {
            <div class="alert error" role="alert"><p>{ msg.t(lang) }</p></div>
        },
        None => html! { <ErrorAlert error={props.error.clone()} kept_input={true} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub message: Msg,
    #[prop_or_default]
    pub children: Html,
}

/// What an action did and what happens next, announced politely to screen readers.
#[function_component(Done)]
pub fn done(props: &DoneProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="alert success" role="status">
            <p>{ props.message.t(lang) }</p>
            { props.children.clone() }
        </div>
    }
}

/// A one-line input with its label, hint and error, for numbers and short texts (the shared
/// `TextField` takes only message hints without `inputmode`).
#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub id: AttrValue,
    pub label: Msg,
    pub hint: Msg,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub error: Option<Msg>,
    #[prop_or(true)]
    pub required: bool,
    /// `numeric` brings up the number pad on phones.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

#[function_component(Input)]
pub fn input(props: &InputProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| on_input.emit(crate::forms::input_value(&e)))
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>
                { props.label.t(lang) }
                if props.required {
                    <span class="required">{ Msg::Required.t(lang) }</span>
                } else {
                    <span class="optional">{ Msg::Optional.t(lang) }</span>
                }
            </label>
            <p class="hint" id={hint_id.clone()}>{ props.hint.t(lang) }</p>
            <input
                id={props.id.clone()}
                name={props.id.clone()}
                type="text"
                inputmode={props.inputmode.clone()}
                placeholder={props.placeholder.clone()}
                value={props.value.clone()}
                aria-describedby={format!("{hint_id} {error_id}")}
                aria-invalid={if invalid { "true" } else { "false" }}
                aria-required={if props.required { "true" } else { "false" }}
                {oninput}
            />
            <p class="field-error" id={error_id}>{ props.error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </div>
    }
}

/// Reads a whole number typed with half- or full-width digits; `None` when it is not one.
pub fn parse_number(text: &str) -> Option<i64> {
    let normal: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    normal.parse().ok()
}
