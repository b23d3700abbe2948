//! Words and small pieces the company and coordinator screens share: status names, money and
//! hours as UI.md writes them, a multi-line field, role checks and "show more" paging.

use kakehashi_shared::enums::{ContractType, DeclineReason, Role, TravelCost};
use kakehashi_shared::project::Project;
use kakehashi_shared::workflow::{ApplicationStatus, ProjectStatus};
use yew::prelude::*;

use crate::api::ApiError;
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::session::use_session;

// Paged lists serve every role's screens; they live in `crate::paging`.
pub use crate::paging::{use_paged, MoreButton, PageLoader};

pub fn project_status_name(status: ProjectStatus) -> Msg {
    match status {
        ProjectStatus::Draft => Msg::PsDraft,
        ProjectStatus::InReview => Msg::PsInReview,
        ProjectStatus::ChangesRequested => Msg::PsChangesRequested,
        ProjectStatus::Published => Msg::PsPublished,
        ProjectStatus::Closed => Msg::PsClosed,
    }
}

pub fn application_status_name(status: ApplicationStatus) -> Msg {
    match status {
        ApplicationStatus::Applied => Msg::AsApplied,
        ApplicationStatus::Shortlisted => Msg::AsShortlisted,
        ApplicationStatus::Interviewing => Msg::AsInterviewing,
        ApplicationStatus::Offered => Msg::AsOffered,
        ApplicationStatus::Contracted => Msg::AsContracted,
        ApplicationStatus::Declined => Msg::AsDeclined,
        ApplicationStatus::Withdrawn => Msg::AsWithdrawn,
    }
}

pub fn contract_type_name(kind: ContractType) -> Msg {
    match kind {
        ContractType::QuasiMandate => Msg::CtQuasiMandate,
        ContractType::Contracting => Msg::CtContracting,
        ContractType::Advisory => Msg::CtAdvisory,
        ContractType::ProBono => Msg::CtProBono,
    }
}

pub fn travel_cost_name(kind: TravelCost) -> Msg {
    match kind {
        TravelCost::CompanyPays => Msg::TcCompanyPays,
        TravelCost::IncludedInFee => Msg::TcIncludedInFee,
        TravelCost::NotApplicable => Msg::TcNotApplicable,
    }
}

pub fn decline_reason_name(reason: DeclineReason) -> Msg {
    match reason {
        DeclineReason::SkillsMismatch => Msg::DrSkillsMismatch,
        DeclineReason::AvailabilityMismatch => Msg::DrAvailabilityMismatch,
        DeclineReason::FeeMismatch => Msg::DrFeeMismatch,
        DeclineReason::PositionFilled => Msg::DrPositionFilled,
        DeclineReason::ProjectClosed => Msg::DrProjectClosed,
        DeclineReason::OtherCandidateChosen => Msg::DrOtherCandidateChosen,
        DeclineReason::NoResponse => Msg::DrNoResponse,
        DeclineReason::Other => Msg::DrOther,
    }
}

/// A status as a labelled badge: the colour helps, the words carry the meaning.
pub fn status_badge(lang: Lang, class: &'static str, label: Msg) -> Html {
    html! { <span class={classes!("badge", class)}>{ label.t(lang) }</span> }
}

pub fn project_badge(lang: Lang, status: ProjectStatus) -> Html {
    status_badge(
        lang,
        match status {
            ProjectStatus::Draft => "badge-neutral",
            ProjectStatus::InReview => "badge-wait",
            ProjectStatus::ChangesRequested => "badge-alert",
            ProjectStatus::Published => "badge-good",
            ProjectStatus::Closed => "badge-neutral",
        },
        project_status_name(status),
    )
}

pub fn application_badge(lang: Lang, status: ApplicationStatus) -> Html {
    status_badge(
        lang,
        match status {
            ApplicationStatus::Applied => "badge-wait",
            ApplicationStatus::Shortlisted | ApplicationStatus::Interviewing => "badge-active",
            ApplicationStatus::Offered | ApplicationStatus::Contracted => "badge-good",
            ApplicationStatus::Declined | ApplicationStatus::Withdrawn => "badge-neutral",
        },
        application_status_name(status),
    )
}

/// ¥30,000 / 月 (ja) or ¥30,000 / month (en).
pub fn format_fee(lang: Lang, yen: i64) -> String {
    let digits = yen.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if yen < 0 { "-" } else { "" };
    match lang {
        Lang::Ja => format!("{sign}¥{grouped} / 月"),
        Lang::En => format!("{sign}¥{grouped} / month"),
    }
}

/// 月30時間 (ja) or 30 h a month (en).
pub fn format_hours(lang: Lang, hours: i32) -> String {
    match lang {
        Lang::Ja => format!("月{hours}時間"),
        Lang::En => format!("{hours} h a month"),
    }
}

/// A posting's title, or a note that the draft has none yet.
pub fn project_title(lang: Lang, project: &Project) -> String {
    project
        .draft
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| Msg::CpUntitled.t(lang).to_owned())
}

/// 「提出日：2026年11月21日」 / "Submitted on: 21 Nov 2026": each language's own colon.
pub fn labelled(lang: Lang, label: Msg, value: &str) -> String {
    match lang {
        Lang::Ja => format!("{}：{value}", label.t(lang)),
        Lang::En => format!("{}: {value}", label.t(lang)),
    }
}

/// `label: date` as a small muted line.
pub fn dated(lang: Lang, label: Msg, at: &chrono::DateTime<chrono::Utc>) -> Html {
    html! {
        <span class="meta-item">{ labelled(lang, label, &format_date(lang, at)) }</span>
    }
}

/// A calendar day as UI.md writes dates: 2027年1月6日 / 6 Jan 2027.
pub fn format_day(lang: Lang, day: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m, d) = (day.year(), day.month(), day.day());
    match lang {
        Lang::Ja => format!("{y}年{m}月{d}日"),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let name = MONTHS.get(m as usize - 1).copied().unwrap_or("");
            format!("{d} {name} {y}")
        }
    }
}

/// Conflicts (someone moved the record first) get their own words; others the usual ones.
pub fn is_conflict(error: &ApiError) -> bool {
    matches!(error, ApiError::Problem(p) if p.status == 409)
}

#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    pub id: AttrValue,
    pub label: Msg,
    pub hint: Msg,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub error: Option<Msg>,
    #[prop_or(true)]
    pub required: bool,
    #[prop_or(5)]
    pub rows: u32,
    #[prop_or_default]
    pub disabled: bool,
}

/// A labelled `<textarea>` wired like `TextField`: hint and error read with the field.
#[function_component(TextArea)]
pub fn text_area(props: &TextAreaProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            on_input.emit(value)
        })
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
            <textarea
                id={props.id.clone()}
                name={props.id.clone()}
                rows={props.rows.to_string()}
                value={props.value.clone()}
                aria-describedby={format!("{hint_id} {error_id}")}
                aria-invalid={if invalid { "true" } else { "false" }}
                disabled={props.disabled}
                {oninput}
            />
            <p class="field-error" id={error_id}>{ props.error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RoleGateProps {
    /// Roles that may use the page (admins always may).
    pub roles: Vec<Role>,
    /// What to say to anyone else.
    pub refusal: Msg,
    pub children: Html,
}

/// Shows the page only to the roles it is for; others get a plain sentence, not a broken page.
#[function_component(RoleGate)]
pub fn role_gate(props: &RoleGateProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let role = session.session().map(|s| s.user.role);
    match role {
        Some(role) if role == Role::Admin || props.roles.contains(&role) => props.children.clone(),
        _ => html! {
            <section class="page narrow">
                <div class="alert info" role="status"><p>{ props.refusal.t(lang) }</p></div>
            </section>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ActionErrorProps {
    pub error: ApiError,
    #[prop_or_default]
    pub kept_input: bool,
}

/// A failed move or save: a 409 means someone else moved the record first, which deserves
/// its own sentence; anything else reads as everywhere else in the app.
#[function_component(ActionError)]
pub fn action_error(props: &ActionErrorProps) -> Html {
    let lang = use_lang();
    if is_conflict(&props.error) {
        html! {
            <div class="alert error" role="alert"><p>{ Msg::ErrConflict.t(lang) }</p></div>
        }
    } else {
        html! { <crate::components::ErrorAlert error={props.error.clone()} kept_input={props.kept_input} /> }
    }
}
