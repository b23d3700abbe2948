//! `/talent/profile`: the talent's profile, which recommendations and companies' searches
//! read. One page in sections (with a table of contents to jump between them); what was
//! typed stays on screen whatever the server answers, and each error sits beside its field.

use gloo::storage::{LocalStorage, Storage};
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::{AgeBand, ContractType, EmployerType, Motivation, TieKind};
use kakehashi_shared::talent::{PrefectureTie, TalentProfile, TalentProfileInput, TalentSkill};
use kakehashi_shared::{ErrorCode, FieldError, Validate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::proposal::TextArea;
use super::TalentOnly;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::forms::{focus_element, input_value, select_value};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::format::{sections_done, years_label};
use crate::i18n::{use_lang, Msg};
use crate::pages::public::names::{
    age_band, contract_type, contract_type_hint, employer_type, motivation, tie_kind,
};
use crate::pages::public::{load_refs, Refs};
use crate::routes::Route;
use crate::session::use_session;

/// The form as typed: numbers stay text until sent, so a half-typed value is never lost.
/// Kept in this browser as it is typed (a long form on a phone at night gets interrupted)
/// until it is saved.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Draft {
    headline: String,
    bio: String,
    skills: Vec<(String, String)>,
    challenges: Vec<String>,
    abroad: bool,
    prefecture: String,
    country: String,
    ties: Vec<(String, TieKind)>,
    age_band: Option<AgeBand>,
    employer_type: Option<EmployerType>,
    hours: String,
    onsite: String,
    fee: String,
    remote_only: bool,
    contract_types: Vec<ContractType>,
    motivations: Vec<Motivation>,
    discoverable: bool,
    insurance: bool,
    permission: bool,
    phone: String,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            headline: String::new(),
            bio: String::new(),
            skills: Vec::new(),
            challenges: Vec::new(),
            abroad: false,
            prefecture: String::new(),
            country: String::new(),
            ties: Vec::new(),
            age_band: None,
            employer_type: None,
            hours: "20".to_owned(),
            onsite: "0".to_owned(),
            fee: String::new(),
            remote_only: false,
            contract_types: vec![ContractType::QuasiMandate],
            motivations: Vec::new(),
            discoverable: true,
            insurance: false,
            permission: false,
            phone: String::new(),
        }
    }
}

impl Draft {
    fn from_profile(p: &TalentProfileInput) -> Self {
        Draft {
            headline: p.headline.clone(),
            bio: p.bio.clone(),
            skills: p
                .skills
                .iter()
                .map(|s| (s.code.clone(), s.years.to_string()))
                .collect(),
            challenges: p.challenges.clone(),
            abroad: p.residence_country.is_some(),
            prefecture: p.residence_prefecture_code.clone().unwrap_or_default(),
            country: p.residence_country.clone().unwrap_or_default(),
            ties: p
                .ties
                .iter()
                .map(|t| (t.prefecture_code.clone(), t.kind))
                .collect(),
            age_band: Some(p.age_band),
            employer_type: Some(p.employer_type),
            hours: p.available_hours_per_month.to_string(),
            onsite: p.onsite_days_per_month.to_string(),
            fee: p.desired_monthly_fee.to_string(),
            remote_only: p.remote_only,
            contract_types: p.contract_types.clone(),
            motivations: p.motivations.clone(),
            discoverable: p.discoverable,
            insurance: p.has_liability_insurance,
            permission: p.has_side_job_permission,
            phone: p.phone.clone().unwrap_or_default(),
        }
    }

    /// The request, and the fields that cannot become one (numbers that are not numbers,
    /// choices not made), which are filled with stand-ins so the shared rules can still
    /// check every other field and all problems show at once.
    fn to_input(&self) -> (TalentProfileInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut bad = |field: &str, code: &str| {
            errors.push(FieldError {
                field: field.to_owned(),
                code: code.to_owned(),
                message: String::new(),
            })
        };
        fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
            // Full-width digits (１２０) are what many Japanese keyboards type.
            let half: String = text
                .trim()
                .chars()
                .map(|c| match c {
                    '０'..='９' => {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                    }
                    ',' | '，' | '¥' | '￥' => ' ',
                    _ => c,
                })
                .filter(|c| !c.is_whitespace())
                .collect();
            half.parse().ok()
        }
        // An empty box asks to be filled in; anything else that is not a number says so.
        let blank_or_not_number = |text: &str| {
            if text.trim().is_empty() {
                "required"
            } else {
                "invalid_type"
            }
        };
        let mut skills = Vec::new();
        for (i, (code, years)) in self.skills.iter().enumerate() {
            match number::<i32>(years) {
                Some(y) => skills.push(TalentSkill {
                    code: code.clone(),
                    years: y,
                }),
                None => {
                    bad(&format!("skills[{i}].years"), "invalid_type");
                    skills.push(TalentSkill {
                        code: code.clone(),
                        years: 0,
                    });
                }
            }
        }
        let hours = number::<i32>(&self.hours);
        if hours.is_none() {
            bad(
                "available_hours_per_month",
                blank_or_not_number(&self.hours),
            );
        }
        let onsite = number::<i32>(&self.onsite);
        if onsite.is_none() {
            bad("onsite_days_per_month", blank_or_not_number(&self.onsite));
        }
        let fee = number::<i64>(&self.fee);
        if fee.is_none() {
            bad("desired_monthly_fee", blank_or_not_number(&self.fee));
        }
        if self.age_band.is_none() {
            bad("age_band", "required");
        }
        if self.employer_type.is_none() {
            bad("employer_type", "required");
        }
        let phone = self.phone.trim();
        let input = TalentProfileInput {
            headline: self.headline.trim().to_owned(),
            bio: self.bio.trim().to_owned(),
            skills,
            challenges: self.challenges.clone(),
            residence_prefecture_code: (!self.abroad && !self.prefecture.is_empty())
                .then(|| self.prefecture.clone()),
            residence_country: (self.abroad && !self.country.trim().is_empty())
                .then(|| self.country.trim().to_ascii_uppercase()),
            ties: self
                .ties
                .iter()
                .map(|(code, kind)| PrefectureTie {
                    prefecture_code: code.clone(),
                    kind: *kind,
                })
                .collect(),
            age_band: self.age_band.unwrap_or(AgeBand::Thirties),
            employer_type: self.employer_type.unwrap_or(EmployerType::Other),
            available_hours_per_month: hours.unwrap_or(1),
            onsite_days_per_month: onsite.unwrap_or(0),
            desired_monthly_fee: fee.unwrap_or(0),
            remote_only: self.remote_only,
            contract_types: self.contract_types.clone(),
            motivations: self.motivations.clone(),
            discoverable: self.discoverable,
            has_liability_insurance: self.insurance,
            has_side_job_permission: self.permission,
            phone: (!phone.is_empty()).then(|| phone.to_owned()),
        };
        (input, errors)
    }
}

/// The fields in screen order with the element each error focuses.
fn focus_id(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("skills[") {
        let i = rest.split(']').next().unwrap_or("0");
        return format!("profile-skill-years-{i}");
    }
    if let Some(rest) = field.strip_prefix("ties[") {
        let i = rest.split(']').next().unwrap_or("0");
        return format!("profile-tie-{i}");
    }
    match field {
        "residence_prefecture_code" => "profile-prefecture".to_owned(),
        "residence_country" => "profile-country".to_owned(),
        "contract_types" => "profile-contract-quasi_mandate".to_owned(),
        "age_band" => "profile-age".to_owned(),
        "employer_type" => "profile-employer".to_owned(),
        "available_hours_per_month" => "profile-hours".to_owned(),
        "onsite_days_per_month" => "profile-onsite".to_owned(),
        "desired_monthly_fee" => "profile-fee".to_owned(),
        other => format!("profile-{other}"),
    }
}

const ORDER: &[&str] = &[
    "headline",
    "bio",
    "skills",
    "challenges",
    "residence_prefecture_code",
    "residence_country",
    "ties",
    "available_hours_per_month",
    "onsite_days_per_month",
    "desired_monthly_fee",
    "contract_types",
    "age_band",
    "employer_type",
    "phone",
];

fn first_field(errors: &[FieldError]) -> Option<String> {
    ORDER
        .iter()
        .find_map(|name| {
            errors
                .iter()
                .find(|e| e.field == *name || e.field.starts_with(&format!("{name}[")))
        })
        .or_else(|| errors.first())
        .map(|e| e.field.clone())
}

/// Messages that say the limit, for this form's fields.
fn profile_error(field: &str, code: &str) -> Msg {
    let base = field.split('[').next().unwrap_or(field);
    match (base, code) {
        (_, "invalid_type") => Msg::TalFeNumber,
        (_, "required") if field.ends_with("_month") => Msg::FeRequired,
        ("headline", "too_long") => Msg::TalFeMax120,
        ("bio", "too_long") => Msg::TalFeMax4000,
        ("skills", "too_long") if !field.contains('.') => Msg::TalFeSkills30,
        ("skills", _) => Msg::TalFeYears,
        ("challenges", _) => Msg::TalFeChallenges15,
        ("residence_prefecture_code", "required") => Msg::TalFeResidence,
        ("residence_country", _) => Msg::TalFeCountry,
        ("ties", "too_long") if !field.contains('.') => Msg::TalFeTies10,
        ("ties", _) => Msg::FeChoose,
        ("available_hours_per_month", _) => Msg::TalFeHours,
        ("onsite_days_per_month", _) => Msg::TalFeOnsite,
        ("desired_monthly_fee", _) => Msg::TalFeFee,
        ("contract_types", _) => Msg::TalFeContractTypes,
        ("age_band" | "employer_type", _) => Msg::FeChoose,
        ("phone", "too_long") => Msg::TalFePhoneLong,
        ("phone", _) => Msg::TalFePhone,
        (_, _) => crate::i18n::field_error(field, code),
    }
}

#[function_component(TalentProfilePage)]
pub fn talent_profile_page() -> Html {
    use_title(Msg::TalProfileTitle);
    html! {
        <RequireSession>
            <TalentOnly>
                <ProfileLoader />
            </TalentOnly>
        </RequireSession>
    }
}

#[function_component(ProfileLoader)]
fn profile_loader() -> Html {
    let lang = use_lang();
    let session = use_session();
    // No profile yet is a 404: the form starts empty.
    let (loaded, retry) = use_remote(move || async move {
        let refs = load_refs().await?;
        let profile = session
            .call(|client: ApiClient| async move { client.my_talent_profile().await })
            .await;
        match profile {
            Ok(p) => Ok((Some(p), refs)),
            Err(e) if e.is(ErrorCode::NotFound) => Ok((None, refs)),
            Err(e) => Err(e),
        }
    });
    let body = match loaded {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready((profile, refs)) => html! { <ProfileForm {profile} {refs} /> },
    };
    html! {
        <section class="page narrow">
            <h1>{ Msg::TalProfileTitle.t(lang) }</h1>
            <p class="lead">{ Msg::TalProfileLead.t(lang) }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    profile: Option<TalentProfile>,
    refs: Refs,
}

type Edit = std::rc::Rc<dyn Fn(&mut Draft)>;

/// The draft as a reducer, so that edits arriving before the next render (autofill filling
/// several fields, fast typing) apply to the latest draft rather than to a stale copy.
#[derive(Clone, PartialEq)]
struct DraftState(Draft);

enum DraftAction {
    Edit(Edit),
    Replace(Draft),
}

impl Reducible for DraftState {
    type Action = DraftAction;

    fn reduce(self: std::rc::Rc<Self>, action: DraftAction) -> std::rc::Rc<Self> {
        let mut next = self.0.clone();
        match action {
            DraftAction::Edit(change) => change(&mut next),
            DraftAction::Replace(draft) => next = draft,
        }
        std::rc::Rc::new(DraftState(next))
    }
}

/// Where this person's unsaved profile is kept in this browser.
fn draft_key(user_id: i64) -> String {
    format!("kakehashi.profile-draft.{user_id}")
}

#[function_component(ProfileForm)]
fn profile_form(props: &FormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let refs = &props.refs;
    let lists = refs.lists();
    let user_id = session.session().map_or(0, |s| s.user.id);
    let from_server = |profile: &Option<TalentProfile>| {
        profile
            .as_ref()
            .map(|p| Draft::from_profile(&p.profile))
            .unwrap_or_default()
    };
    // Unsaved typing from an earlier visit wins over the saved profile, and says so.
    let stored = use_memo(user_id, |id| {
        LocalStorage::get::<Draft>(draft_key(*id)).ok()
    });
    let restored = use_state(|| {
        stored
            .as_ref()
            .as_ref()
            .is_some_and(|d| *d != from_server(&props.profile))
    });
    let draft = use_reducer_eq(|| {
        DraftState(match stored.as_ref() {
            Some(d) if *restored => d.clone(),
            _ => from_server(&props.profile),
        })
    });
    // What the server holds: typing that differs from it is kept, anything else forgotten.
    let baseline = use_state(|| from_server(&props.profile));
    use_effect_with((draft.0.clone(), (*baseline).clone()), move |(d, base)| {
        if d == base {
            LocalStorage::delete(draft_key(user_id));
        } else {
            // A full or disabled storage only means the draft is not kept.
            let _ = LocalStorage::set(draft_key(user_id), d);
        }
    });
    let on_discard = {
        let (draft, restored, baseline) = (draft.clone(), restored.clone(), baseline.clone());
        Callback::from(move |_: MouseEvent| {
            draft.dispatch(DraftAction::Replace((*baseline).clone()));
            restored.set(false);
        })
    };
    let errors = use_state(Vec::<FieldError>::new);
    let problem = use_state(|| None::<ApiError>);
    let saving = use_state(|| false);
    let saved = use_state(|| false);

    let edit = {
        let (draft, errors, saved) = (draft.clone(), errors.clone(), saved.clone());
        Callback::from(move |(field, change): (&'static str, Edit)| {
            draft.dispatch(DraftAction::Edit(change));
            saved.set(false);
            if errors
                .iter()
                .any(|e| e.field == field || e.field.starts_with(&format!("{field}[")))
            {
                errors.set(
                    errors
                        .iter()
                        .filter(|e| {
                            !(e.field == field || e.field.starts_with(&format!("{field}[")))
                        })
                        .cloned()
                        .collect(),
                );
            }
        })
    };
    let on_text = |field: &'static str, set: fn(&mut Draft, String)| {
        let edit = edit.clone();
        Callback::from(move |v: String| {
            edit.emit((
                field,
                std::rc::Rc::new(move |d: &mut Draft| set(d, v.clone())),
            ))
        })
    };
    let err = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| profile_error(&e.field, &e.code))
    };

    let onsubmit = {
        let (draft, errors, problem, saving, saved, session, restored, baseline) = (
            draft.clone(),
            errors.clone(),
            problem.clone(),
            saving.clone(),
            saved.clone(),
            session.clone(),
            restored.clone(),
            baseline.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *saving {
                return;
            }
            problem.set(None);
            saved.set(false);
            let (input, mut list) = draft.0.to_input();
            if let Err(invalid) = input.validate() {
                for e in invalid.0 {
                    // A stand-in value's own complaint would hide the real one.
                    if !list.iter().any(|l| l.field == e.field) {
                        list.push(e);
                    }
                }
            }
            if !list.is_empty() {
                if let Some(f) = first_field(&list) {
                    focus_element(&focus_id(&f));
                }
                errors.set(list);
                return;
            }
            errors.set(Vec::new());
            saving.set(true);
            let (errors, problem, saving, saved, session, draft, restored, baseline) = (
                errors.clone(),
                problem.clone(),
                saving.clone(),
                saved.clone(),
                session.clone(),
                draft.clone(),
                restored.clone(),
                baseline.clone(),
            );
            spawn_local(async move {
                let body = &input;
                let answer = session
                    .call(|client: ApiClient| async move { client.save_talent_profile(body).await })
                    .await;
                saving.set(false);
                match answer {
                    Ok(profile) => {
                        let now_saved = Draft::from_profile(&profile.profile);
                        baseline.set(now_saved.clone());
                        draft.dispatch(DraftAction::Replace(now_saved));
                        restored.set(false);
                        saved.set(true);
                        focus_element("profile-status");
                    }
                    Err(error) => {
                        let list = error.field_errors().to_vec();
                        if let Some(f) = first_field(&list) {
                            focus_element(&focus_id(&f));
                        } else {
                            focus_element("profile-status");
                        }
                        errors.set(list);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let d = &draft.0;

    // --- Skills: a picker grouped by skill group, then years for each chosen skill. ---
    let on_add_skill = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let code = select_value(&e);
            if code.is_empty() {
                return;
            }
            edit.emit((
                "skills",
                std::rc::Rc::new(move |d: &mut Draft| {
                    if !d.skills.iter().any(|(c, _)| *c == code) {
                        d.skills.push((code.clone(), "1".to_owned()));
                    }
                }),
            ));
        })
    };
    let mut skill_groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for s in lists
        .skills
        .iter()
        .filter(|s| !d.skills.iter().any(|(c, _)| *c == s.code))
    {
        let group = lang.pick(&s.group_ja, &s.group_en).to_owned();
        let option = (s.code.clone(), lang.pick(&s.name_ja, &s.name_en).to_owned());
        match skill_groups.last_mut() {
            Some((g, list)) if *g == group => list.push(option),
            _ => skill_groups.push((group, vec![option])),
        }
    }
    let skill_rows = d.skills.iter().enumerate().map(|(i, (code, years))| {
        let name = refs.skill(lang, code);
        let field = format!("skills[{i}].years");
        let error = err(&field);
        let on_years = {
            let edit = edit.clone();
            Callback::from(move |e: InputEvent| {
                let v = input_value(&e);
                edit.emit(("skills", std::rc::Rc::new(move |d: &mut Draft| {
                    if let Some(s) = d.skills.get_mut(i) {
                        s.1 = v.clone();
                    }
                })));
            })
        };
        let on_remove = {
            let edit = edit.clone();
            Callback::from(move |_: MouseEvent| {
                edit.emit(("skills", std::rc::Rc::new(move |d: &mut Draft| {
                    if i < d.skills.len() {
                        d.skills.remove(i);
                    }
                })));
            })
        };
        let id = format!("profile-skill-years-{i}");
        html! {
            <li class={classes!("picked", error.is_some().then_some("invalid"))}>
                <span class="picked-name">{ name.clone() }</span>
                <label class="visually-hidden" for={id.clone()}>{ years_label(lang, &name) }</label>
                <span class="years">
                    <input id={id.clone()} type="text" inputmode="numeric" value={years.clone()} oninput={on_years}
                        aria-invalid={if error.is_some() { "true" } else { "false" }} aria-describedby={format!("{id}-error")} />
                    <span aria-hidden="true">{ Msg::TalYearsUnit.t(lang) }</span>
                </span>
                <button type="button" class="button secondary small" onclick={on_remove}>
                    { Msg::TalRemove.t(lang) }<span class="visually-hidden">{ format!(" {name}") }</span>
                </button>
                <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </li>
        }
    });

    // --- Challenges: checkboxes under their groups. ---
    let challenge_groups = refs
        .challenge_groups(lang)
        .into_iter()
        .map(|(group, name)| {
            let boxes = lists
                .challenges
                .iter()
                .filter(|c| c.group_code == group)
                .map(|c| {
                    let code = c.code.clone();
                    let checked = d.challenges.contains(&code);
                    let onchange = {
                        let edit = edit.clone();
                        Callback::from(move |_: Event| {
                            let code = code.clone();
                            edit.emit((
                                "challenges",
                                std::rc::Rc::new(move |d: &mut Draft| {
                                    toggle(&mut d.challenges, code.clone())
                                }),
                            ));
                        })
                    };
                    let id = format!("profile-challenge-{}", c.code);
                    html! {
                        <label class="tick" for={id.clone()}>
                            <input type="checkbox" id={id} {checked} {onchange} />
                            <span>{ lang.pick(&c.name_ja, &c.name_en).to_owned() }</span>
                        </label>
                    }
                });
            html! {
                <fieldset class="subgroup">
                    <legend>{ name }</legend>
                    <div class="ticks">{ for boxes }</div>
                </fieldset>
            }
        });

    // --- Residence and ties. ---
    let prefecture_options = |selected: &str| {
        let mut groups: Vec<(String, Vec<Html>)> = Vec::new();
        for p in lists.prefectures.iter() {
            let region = lang.pick(&p.region_ja, &p.region_en).to_owned();
            let option = html! { <option value={p.code.clone()} selected={p.code == selected}>{ lang.pick(&p.name_ja, &p.name_en).to_owned() }</option> };
            match groups.last_mut() {
                Some((r, list)) if *r == region => list.push(option),
                _ => groups.push((region, vec![option])),
            }
        }
        html! {
            <>
                <option value="" selected={selected.is_empty()}>{ Msg::SelectPlaceholder.t(lang) }</option>
                { for groups.into_iter().map(|(r, list)| html! { <optgroup label={r}>{ for list }</optgroup> }) }
            </>
        }
    };
    let on_abroad = |abroad: bool| {
        let edit = edit.clone();
        Callback::from(move |_: Event| {
            edit.emit((
                "residence_prefecture_code",
                std::rc::Rc::new(move |d: &mut Draft| d.abroad = abroad),
            ))
        })
    };
    let tie_rows = d.ties.iter().enumerate().map(|(i, (code, kind))| {
        let error = err(&format!("ties[{i}].prefecture_code"));
        let on_pref = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                let v = select_value(&e);
                edit.emit(("ties", std::rc::Rc::new(move |d: &mut Draft| {
                    if let Some(t) = d.ties.get_mut(i) {
                        t.0 = v.clone();
                    }
                })));
            })
        };
        let on_kind = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                let v = TieKind::parse(&select_value(&e));
                edit.emit(("ties", std::rc::Rc::new(move |d: &mut Draft| {
                    if let (Some(t), Some(k)) = (d.ties.get_mut(i), v) {
                        t.1 = k;
                    }
                })));
            })
        };
        let on_remove = {
            let edit = edit.clone();
            Callback::from(move |_: MouseEvent| {
                edit.emit(("ties", std::rc::Rc::new(move |d: &mut Draft| {
                    if i < d.ties.len() {
                        d.ties.remove(i);
                    }
                })));
            })
        };
        let id = format!("profile-tie-{i}");
        html! {
            <li class={classes!("picked", "tie", error.is_some().then_some("invalid"))}>
                <div class="field compact">
                    <label for={id.clone()}>{ Msg::TalTiePlace.t(lang) }</label>
                    <select id={id.clone()} onchange={on_pref} aria-describedby={format!("{id}-error")}
                        aria-invalid={if error.is_some() { "true" } else { "false" }}>{ prefecture_options(code) }</select>
                </div>
                <div class="field compact">
                    <label for={format!("{id}-kind")}>{ Msg::TalTieKind.t(lang) }</label>
                    <select id={format!("{id}-kind")} onchange={on_kind}>
                        { for TieKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={k == kind}>{ tie_kind(*k).t(lang) }</option> }) }
                    </select>
                </div>
                <button type="button" class="button secondary small" onclick={on_remove}>{ Msg::TalRemove.t(lang) }</button>
                <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </li>
        }
    });
    let on_add_tie = {
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| {
            edit.emit((
                "ties",
                std::rc::Rc::new(|d: &mut Draft| {
                    if d.ties.len() < 10 {
                        d.ties.push((String::new(), TieKind::Hometown));
                    }
                }),
            ));
        })
    };

    // --- Small pieces. ---
    let number = |id: &'static str,
                  field: &'static str,
                  label: Msg,
                  hint: Msg,
                  value: &str,
                  unit: Msg,
                  set: fn(&mut Draft, String)| {
        let error = err(field);
        let on_input = on_text(field, set);
        let oninput = Callback::from(move |e: InputEvent| on_input.emit(input_value(&e)));
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={id}>{ label.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></label>
                <p class="hint" id={format!("{id}-hint")}>{ hint.t(lang) }</p>
                <span class="with-unit">
                    <input id={id} type="text" inputmode="numeric" value={value.to_owned()} {oninput}
                        aria-describedby={format!("{id}-hint {id}-error")} aria-invalid={if error.is_some() { "true" } else { "false" }} aria-required="true" />
                    <span>{ unit.t(lang) }</span>
                </span>
                <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </div>
        }
    };
    let checkbox = |id: String,
                    label: String,
                    hint: Option<Msg>,
                    checked: bool,
                    field: &'static str,
                    change: Edit| {
        let edit = edit.clone();
        let onchange = Callback::from(move |_: Event| edit.emit((field, change.clone())));
        let hint_id = format!("{id}-hint");
        html! {
            <label class="tick" for={id.clone()}>
                <input type="checkbox" id={id} {checked} {onchange} aria-describedby={hint.map(|_| hint_id.clone())} />
                <span class="choice-text">
                    <span>{ label }</span>
                    if let Some(h) = hint {
                        <span class="choice-hint" id={hint_id}>{ h.t(lang) }</span>
                    }
                </span>
            </label>
        }
    };
    let group_error = |field: &str| {
        html! { <p class="field-error" id={format!("profile-{field}-error")}>{ err(field).map(|m| m.t(lang)).unwrap_or_default() }</p> }
    };
    let select_enum = |id: &'static str,
                       field: &'static str,
                       label: Msg,
                       options: Vec<(String, String)>,
                       selected: String,
                       set: fn(&mut Draft, String)| {
        let error = err(field);
        let on_change = on_text(field, set);
        let onchange = Callback::from(move |e: Event| on_change.emit(select_value(&e)));
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={id}>{ label.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></label>
                <select id={id} {onchange} aria-invalid={if error.is_some() { "true" } else { "false" }} aria-describedby={format!("{id}-error")}>
                    <option value="" selected={selected.is_empty()}>{ Msg::SelectPlaceholder.t(lang) }</option>
                    { for options.into_iter().map(|(v, l)| html! { <option value={v.clone()} selected={v == selected}>{ l }</option> }) }
                </select>
                <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </div>
        }
    };

    // Each section with whether it has what matching needs, so the list doubles as progress.
    let filled = |t: &str| !t.trim().is_empty();
    let toc = [
        ("profile-about", Msg::TalSecAbout, filled(&d.headline)),
        (
            "profile-skills-section",
            Msg::TalSecSkills,
            !d.skills.is_empty(),
        ),
        (
            "profile-challenges-section",
            Msg::TalSecChallenges,
            !d.challenges.is_empty(),
        ),
        (
            "profile-place",
            Msg::TalSecPlace,
            if d.abroad {
                filled(&d.country)
            } else {
                filled(&d.prefecture)
            },
        ),
        (
            "profile-terms",
            Msg::TalSecTerms,
            filled(&d.hours) && filled(&d.onsite) && filled(&d.fee) && !d.contract_types.is_empty(),
        ),
        (
            "profile-you",
            Msg::TalSecYou,
            d.age_band.is_some() && d.employer_type.is_some(),
        ),
        ("profile-visibility", Msg::TalSecVisibility, true),
    ];
    let done = toc.iter().filter(|(_, _, ok)| *ok).count();

    html! {
        <>
            <nav class="toc" aria-label={Msg::TalSections.t(lang)}>
                <p class="progress">{ sections_done(lang, done, toc.len()) }</p>
                <ol>{ for toc.iter().map(|(id, m, ok)| html! {
                    <li class={classes!(ok.then_some("done"))}>
                        <a href={format!("#{id}")}>
                            <span aria-hidden="true">{ if *ok { "✓ " } else { "○ " } }</span>
                            { m.t(lang) }
                            <span class="visually-hidden">{ if *ok { Msg::TalSectionDone.t(lang) } else { Msg::TalSectionTodo.t(lang) } }</span>
                        </a>
                    </li>
                }) }</ol>
            </nav>
            <div id="profile-status" tabindex="-1">
                if *restored {
                    <div class="alert info" role="status">
                        <p>{ Msg::TalDraftRestored.t(lang) }</p>
                        <button type="button" class="button secondary" onclick={on_discard}>{ Msg::TalDraftDiscard.t(lang) }</button>
                    </div>
                }
                if *saved {
                    <div class="alert info" role="status">
                        <p>{ Msg::TalProfileSaved.t(lang) }</p>
                        <Link<Route> to={Route::Recommended} classes="button primary">{ Msg::TalRecommendedTitle.t(lang) }</Link<Route>>
                    </div>
                }
                if let Some(error) = (*problem).clone() {
                    <ErrorAlert {error} kept_input=true />
                }
            </div>
            <form class="form profile-form" {onsubmit} novalidate=true aria-busy={if *saving { "true" } else { "false" }}>
                <fieldset class="group" id="profile-about">
                    <legend>{ Msg::TalSecAbout.t(lang) }</legend>
                    <div class={classes!("field", err("headline").is_some().then_some("invalid"))}>
                        <label for="profile-headline">{ Msg::TalHeadline.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></label>
                        <p class="hint" id="profile-headline-hint">{ Msg::TalHeadlineHint.t(lang) }</p>
                        <input id="profile-headline" type="text" value={d.headline.clone()}
                            oninput={on_text("headline", |d, v| d.headline = v).reform(|e: InputEvent| input_value(&e))}
                            aria-describedby="profile-headline-hint profile-headline-error" aria-required="true"
                            aria-invalid={if err("headline").is_some() { "true" } else { "false" }} />
                        <p class="field-error" id="profile-headline-error">{ err("headline").map(|m| m.t(lang)).unwrap_or_default() }</p>
                    </div>
                    <TextArea id="profile-bio" label={Msg::TalBio.t(lang)} hint={Msg::TalBioHint.t(lang)} value={d.bio.clone()}
                        max={4000} required={false} error={err("bio")} on_input={on_text("bio", |d, v| d.bio = v)} />
                </fieldset>

                <fieldset class="group" id="profile-skills-section">
                    <legend>{ Msg::TalSecSkills.t(lang) }</legend>
                    <p class="hint">{ Msg::TalSkillsHint.t(lang) }</p>
                    if !d.skills.is_empty() {
                        <ul class="picked-list">{ for skill_rows }</ul>
                    }
                    <div class="field compact">
                        <label for="profile-skills">{ Msg::TalAddSkill.t(lang) }</label>
                        <select id="profile-skills" onchange={on_add_skill} disabled={d.skills.len() >= 30} aria-describedby="profile-skills-error">
                            <option value="" selected=true>{ Msg::SelectPlaceholder.t(lang) }</option>
                            { for skill_groups.into_iter().map(|(g, list)| html! {
                                <optgroup label={g}>{ for list.into_iter().map(|(v, l)| html! { <option value={v}>{ l }</option> }) }</optgroup>
                            }) }
                        </select>
                        { group_error("skills") }
                    </div>
                </fieldset>

                <fieldset class="group" id="profile-challenges-section">
                    <legend>{ Msg::TalSecChallenges.t(lang) }</legend>
                    <p class="hint">{ Msg::TalChallengesHint.t(lang) }</p>
                    { for challenge_groups }
                    { group_error("challenges") }
                </fieldset>

                <fieldset class="group" id="profile-place">
                    <legend>{ Msg::TalSecPlace.t(lang) }</legend>
                    <div class="choices-inline" role="radiogroup" aria-label={Msg::TalResidence.t(lang)}>
                        <label class="tick" for="profile-in-japan">
                            <input type="radio" id="profile-in-japan" name="abroad" checked={!d.abroad} onchange={on_abroad(false)} />
                            <span>{ Msg::TalInJapan.t(lang) }</span>
                        </label>
                        <label class="tick" for="profile-abroad">
                            <input type="radio" id="profile-abroad" name="abroad" checked={d.abroad} onchange={on_abroad(true)} />
                            <span>{ Msg::TalAbroad.t(lang) }</span>
                        </label>
                    </div>
                    if d.abroad {
                        <div class={classes!("field", err("residence_country").is_some().then_some("invalid"))}>
                            <label for="profile-country">{ Msg::TalCountry.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></label>
                            <p class="hint" id="profile-country-hint">{ Msg::TalCountryHint.t(lang) }</p>
                            <input id="profile-country" type="text" maxlength="2" autocomplete="country" value={d.country.clone()}
                                oninput={on_text("residence_country", |d, v| d.country = v).reform(|e: InputEvent| input_value(&e))}
                                aria-describedby="profile-country-hint profile-country-error"
                                aria-invalid={if err("residence_country").is_some() { "true" } else { "false" }} />
                            <p class="field-error" id="profile-country-error">{ err("residence_country").map(|m| m.t(lang)).unwrap_or_default() }</p>
                        </div>
                    } else {
                        <div class={classes!("field", err("residence_prefecture_code").is_some().then_some("invalid"))}>
                            <label for="profile-prefecture">{ Msg::TalResidencePrefecture.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></label>
                            <select id="profile-prefecture" aria-describedby="profile-prefecture-error"
                                aria-invalid={if err("residence_prefecture_code").is_some() { "true" } else { "false" }}
                                onchange={on_text("residence_prefecture_code", |d, v| d.prefecture = v).reform(|e: Event| select_value(&e))}>
                                { prefecture_options(&d.prefecture) }
                            </select>
                            <p class="field-error" id="profile-prefecture-error">{ err("residence_prefecture_code").map(|m| m.t(lang)).unwrap_or_default() }</p>
                        </div>
                    }
                    <h3 class="subheading">{ Msg::TalTies.t(lang) }</h3>
                    <p class="hint">{ Msg::TalTiesHint.t(lang) }</p>
                    if !d.ties.is_empty() {
                        <ul class="picked-list">{ for tie_rows }</ul>
                    }
                    if d.ties.len() < 10 {
                        <button type="button" class="button secondary" onclick={on_add_tie}>{ Msg::TalAddTie.t(lang) }</button>
                    }
                    { group_error("ties") }
                </fieldset>

                <fieldset class="group" id="profile-terms">
                    <legend>{ Msg::TalSecTerms.t(lang) }</legend>
                    { number("profile-hours", "available_hours_per_month", Msg::TalHours, Msg::TalHoursHint, &d.hours, Msg::TalHoursUnit, |d, v| d.hours = v) }
                    { number("profile-onsite", "onsite_days_per_month", Msg::TalOnsite, Msg::TalOnsiteHint, &d.onsite, Msg::TalDaysUnit, |d, v| d.onsite = v) }
                    { number("profile-fee", "desired_monthly_fee", Msg::TalFee, Msg::TalFeeHint, &d.fee, Msg::TalYenUnit, |d, v| d.fee = v) }
                    { checkbox("profile-remote-only".to_owned(), Msg::TalRemoteOnly.t(lang).to_owned(), Some(Msg::TalRemoteOnlyHint), d.remote_only, "remote_only",
                        std::rc::Rc::new(|d: &mut Draft| d.remote_only = !d.remote_only)) }
                    <fieldset class={classes!("subgroup", err("contract_types").is_some().then_some("invalid"))}>
                        <legend>{ Msg::TalContractTypes.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
                        { for ContractType::ALL.iter().map(|t| {
                            let t = *t;
                            checkbox(format!("profile-contract-{}", t.as_str()), contract_type(t).t(lang).to_owned(), Some(contract_type_hint(t)),
                                d.contract_types.contains(&t), "contract_types",
                                std::rc::Rc::new(move |d: &mut Draft| toggle(&mut d.contract_types, t)))
                        }) }
                        { group_error("contract_types") }
                    </fieldset>
                </fieldset>

                <fieldset class="group" id="profile-you">
                    <legend>{ Msg::TalSecYou.t(lang) }</legend>
                    { select_enum("profile-age", "age_band", Msg::TalAge,
                        AgeBand::ALL.iter().map(|a| (a.as_str().to_owned(), age_band(*a).t(lang).to_owned())).collect(),
                        d.age_band.map(|a| a.as_str().to_owned()).unwrap_or_default(), |d, v| d.age_band = AgeBand::parse(&v)) }
                    { select_enum("profile-employer", "employer_type", Msg::TalEmployer,
                        EmployerType::ALL.iter().map(|e| (e.as_str().to_owned(), employer_type(*e).t(lang).to_owned())).collect(),
                        d.employer_type.map(|e| e.as_str().to_owned()).unwrap_or_default(), |d, v| d.employer_type = EmployerType::parse(&v)) }
                    <fieldset class="subgroup">
                        <legend>{ Msg::TalMotivations.t(lang) }</legend>
                        { for Motivation::ALL.iter().map(|m| {
                            let m = *m;
                            checkbox(format!("profile-motivation-{}", m.as_str()), motivation(m).t(lang).to_owned(), None,
                                d.motivations.contains(&m), "motivations",
                                std::rc::Rc::new(move |d: &mut Draft| toggle(&mut d.motivations, m)))
                        }) }
                    </fieldset>
                    { checkbox("profile-permission".to_owned(), Msg::TalPermission.t(lang).to_owned(), Some(Msg::TalPermissionHint), d.permission, "has_side_job_permission",
                        std::rc::Rc::new(|d: &mut Draft| d.permission = !d.permission)) }
                    { checkbox("profile-insurance".to_owned(), Msg::TalInsurance.t(lang).to_owned(), Some(Msg::TalInsuranceHint), d.insurance, "has_liability_insurance",
                        std::rc::Rc::new(|d: &mut Draft| d.insurance = !d.insurance)) }
                </fieldset>

                <fieldset class="group" id="profile-visibility">
                    <legend>{ Msg::TalSecVisibility.t(lang) }</legend>
                    { checkbox("profile-discoverable".to_owned(), Msg::TalDiscoverable.t(lang).to_owned(), Some(Msg::TalDiscoverableHint), d.discoverable, "discoverable",
                        std::rc::Rc::new(|d: &mut Draft| d.discoverable = !d.discoverable)) }
                    <div class={classes!("field", err("phone").is_some().then_some("invalid"))}>
                        <label for="profile-phone">{ Msg::TalPhone.t(lang) }</label>
                        <p class="hint" id="profile-phone-hint">{ Msg::TalPhoneHint.t(lang) }</p>
                        <input id="profile-phone" type="tel" autocomplete="tel" value={d.phone.clone()}
                            oninput={on_text("phone", |d, v| d.phone = v).reform(|e: InputEvent| input_value(&e))}
                            aria-describedby="profile-phone-hint profile-phone-error"
                            aria-invalid={if err("phone").is_some() { "true" } else { "false" }} />
                        <p class="field-error" id="profile-phone-error">{ err("phone").map(|m| m.t(lang)).unwrap_or_default() }</p>
                    </div>
                </fieldset>

                <button type="submit" class="button primary wide" disabled={*saving}>
                    { if *saving { Msg::TalSaving.t(lang) } else { Msg::TalSave.t(lang) } }
                </button>
            </form>
        </>
    }
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if let Some(i) = list.iter().position(|v| *v == value) {
        list.remove(i);
    } else {
        list.push(value);
    }
}
