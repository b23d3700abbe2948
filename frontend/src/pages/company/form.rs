//! What the company has typed into the posting wizard, kept as text so nothing typed is lost
//! on an error, and turned into the API's `ProjectDraft` when saved.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use kakehashi_shared::enums::{ContractType, TravelCost};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::FieldErrors;

use crate::i18n::Msg;

/// Recruitment dates are picked as calendar days; postings are for Japanese companies, so a
/// day runs from 00:00 to 23:59:59 Japan time (UTC+9, no daylight saving).
const JST_HOURS: i64 = 9;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    pub challenges: Vec<String>,
    pub title: String,
    pub background: String,
    pub role: String,
    pub tasks: String,
    pub deliverables: String,
    pub required_skills: Vec<String>,
    pub preferred_skills: Vec<String>,
    pub hours: String,
    pub onsite: String,
    pub remote: Option<bool>,
    pub fee: String,
    pub travel: Option<TravelCost>,
    pub contract: Option<ContractType>,
    pub period: String,
    pub trial: String,
    pub start: String,
    pub ip: String,
    pub confidentiality: String,
    pub questions: Vec<String>,
    pub opens: String,
    pub closes: String,
}

/// The wizard's steps, in order.
pub const STEPS: [Msg; 6] = [
    Msg::WzStepChallenges,
    Msg::WzStepWork,
    Msg::WzStepSkills,
    Msg::WzStepTerms,
    Msg::WzStepRecruit,
    Msg::WzStepConfirm,
];

/// Every field: its API path, element id, label and step, in screen order.
pub const FIELDS: &[(&str, &str, Msg, usize)] = &[
    ("challenges", "wz-challenges", Msg::WzStepChallenges, 0),
    ("title", "wz-title", Msg::FieldTitle, 1),
    ("background", "wz-background", Msg::FieldBackground, 1),
    ("role", "wz-role", Msg::FieldRole, 1),
    ("tasks", "wz-tasks", Msg::FieldTasks, 1),
    ("deliverables", "wz-deliverables", Msg::FieldDeliverables, 1),
    (
        "required_skills",
        "wz-required-skills",
        Msg::FieldRequiredSkills,
        2,
    ),
    (
        "preferred_skills",
        "wz-preferred-skills",
        Msg::FieldPreferredSkills,
        2,
    ),
    ("hours_per_month", "wz-hours", Msg::FieldHours, 3),
    ("onsite_days_per_month", "wz-onsite", Msg::FieldOnsite, 3),
    ("remote_allowed", "wz-remote-yes", Msg::FieldRemote, 3),
    ("monthly_fee", "wz-fee", Msg::FieldFee, 3),
    ("travel_cost", "wz-travel-company_pays", Msg::FieldTravel, 3),
    (
        "contract_type",
        "wz-contract-quasi_mandate",
        Msg::FieldContract,
        3,
    ),
    ("period_months", "wz-period", Msg::FieldPeriod, 3),
    ("trial_days", "wz-trial", Msg::FieldTrial, 3),
    ("start_date", "wz-start", Msg::FieldStart, 3),
    ("ip_handling", "wz-ip", Msg::FieldIp, 4),
    (
        "confidentiality",
        "wz-confidentiality",
        Msg::FieldConfidentiality,
        4,
    ),
    (
        "screening_questions",
        "wz-question-0",
        Msg::FieldQuestions,
        4,
    ),
    ("recruitment_opens_at", "wz-opens", Msg::FieldOpens, 4),
    ("recruitment_closes_at", "wz-closes", Msg::FieldCloses, 4),
];

/// The step a field (or a nested path such as `screening_questions[1]`) is on.
pub fn step_of(path: &str) -> usize {
    let base = path.split(['[', '.']).next().unwrap_or(path);
    FIELDS
        .iter()
        .find(|(p, ..)| *p == base)
        .map(|(.., step)| *step)
        .unwrap_or(0)
}

/// `(path, id)` pairs in screen order, for focusing the first invalid field.
pub fn focus_order() -> Vec<(&'static str, &'static str)> {
    FIELDS.iter().map(|(p, id, ..)| (*p, *id)).collect()
}

/// Digits as people type them: full-width digits, commas and a yen sign are accepted.
fn number<T: std::str::FromStr>(errors: &mut FieldErrors, path: &str, text: &str) -> Option<T> {
    let cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            ',' | '，' | '¥' | '￥' | '円' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    match cleaned.parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add(path, "invalid_format", "not a number");
            None
        }
    }
}

fn day(errors: &mut FieldErrors, path: &str, text: &str) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return None;
    }
    match parse_day(text) {
        Some(d) => Some(d),
        None => {
            errors.add(path, "invalid_format", "not a date");
            None
        }
    }
}

fn jst_instant(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    DateTime::<Utc>::from_naive_utc_and_offset(date.and_time(time), Utc)
        - Duration::hours(JST_HOURS)
}

/// The Japanese calendar day of an instant: recruitment windows are shown as the days the
/// company picked, whatever the reader's own time zone.
pub fn jst_date(at: &DateTime<Utc>) -> NaiveDate {
    (*at + Duration::hours(JST_HOURS)).date_naive()
}

fn jst_day(at: &DateTime<Utc>) -> String {
    day_text(jst_date(at))
}

/// `2027-01-06`, as `<input type="date">` reads and writes days. Written out by hand:
/// chrono's format strings would add their parser and formatter to the download.
pub fn day_text(day: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// Reads `2027-01-06` (what date inputs give).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A number as typed (full-width digits, commas, a yen sign), if it is one.
pub fn parse_number(text: &str) -> Option<i64> {
    number(&mut FieldErrors::new(), "", text)
}

fn text(value: &str) -> Option<String> {
    Some(value.trim().to_owned())
}

impl Form {
    pub fn from_draft(d: &ProjectDraft) -> Form {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        let n = |v: Option<i32>| v.map(|n| n.to_string()).unwrap_or_default();
        Form {
            challenges: d.challenges.clone().unwrap_or_default(),
            title: s(&d.title),
            background: s(&d.background),
            role: s(&d.role),
            tasks: s(&d.tasks),
            deliverables: s(&d.deliverables),
            required_skills: d.required_skills.clone().unwrap_or_default(),
            preferred_skills: d.preferred_skills.clone().unwrap_or_default(),
            hours: n(d.hours_per_month),
            onsite: n(d.onsite_days_per_month),
            remote: d.remote_allowed,
            fee: d.monthly_fee.map(|f| f.to_string()).unwrap_or_default(),
            travel: d.travel_cost,
            contract: d.contract_type,
            period: n(d.period_months),
            trial: n(d.trial_days),
            start: d.start_date.map(day_text).unwrap_or_default(),
            ip: s(&d.ip_handling),
            confidentiality: s(&d.confidentiality),
            questions: d.screening_questions.clone().unwrap_or_default(),
            opens: d
                .recruitment_opens_at
                .as_ref()
                .map(jst_day)
                .unwrap_or_default(),
            closes: d
                .recruitment_closes_at
                .as_ref()
                .map(jst_day)
                .unwrap_or_default(),
        }
    }

    /// The draft to save, and the fields that could not be read (a number that is not one),
    /// which the draft leaves out.
    /// Empty texts are sent as empty, so clearing a field clears it; an empty title is left
    /// out because the API wants a title to have at least one character.
    pub fn to_draft(&self) -> (ProjectDraft, FieldErrors) {
        let mut e = FieldErrors::new();
        let title = self.title.trim();
        let draft = ProjectDraft {
            title: (!title.is_empty()).then(|| title.to_owned()),
            background: text(&self.background),
            challenges: Some(self.challenges.clone()),
            role: text(&self.role),
            tasks: text(&self.tasks),
            deliverables: text(&self.deliverables),
            required_skills: Some(self.required_skills.clone()),
            preferred_skills: Some(self.preferred_skills.clone()),
            hours_per_month: number(&mut e, "hours_per_month", &self.hours),
            onsite_days_per_month: number(&mut e, "onsite_days_per_month", &self.onsite),
            remote_allowed: self.remote,
            monthly_fee: number(&mut e, "monthly_fee", &self.fee),
            travel_cost: self.travel,
            contract_type: self.contract,
            period_months: number(&mut e, "period_months", &self.period),
            trial_days: number(&mut e, "trial_days", &self.trial),
            start_date: day(&mut e, "start_date", &self.start),
            ip_handling: text(&self.ip),
            confidentiality: text(&self.confidentiality),
            screening_questions: Some(
                self.questions
                    .iter()
                    .map(|q| q.trim().to_owned())
                    .filter(|q| !q.is_empty())
                    .collect(),
            ),
            recruitment_opens_at: day(&mut e, "recruitment_opens_at", &self.opens)
                .map(|d| jst_instant(d, NaiveTime::MIN)),
            recruitment_closes_at: day(&mut e, "recruitment_closes_at", &self.closes).map(|d| {
                jst_instant(
                    d,
                    NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN),
                )
            }),
        };
        (draft, e)
    }
}
