//! The company profile form, one component for three uses: a company member editing their own
//! profile, a coordinator editing it for the company, and a coordinator creating a company that
//! has no account yet. The rules are the API's (`CompanyCreate` / `CompanyPatch` validation in
//! `shared`), checked before sending; the server's field errors land beside the same fields.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::company::{Company, CompanyCreate, CompanyPatch};
use kakehashi_shared::enums::RevenueBand;
use kakehashi_shared::Validate;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::super::common::{labelled, ActionError, TextArea};
use super::super::taxonomy::{challenges, grouped};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, SelectField, SelectGroup, TextField};
use crate::forms::{clear_error, select_value, FormErrors};
use crate::hooks::{use_remote, Remote};
use crate::i18n::{use_lang, Msg};
use crate::reference::{industries, prefecture_groups, prefectures};
use crate::session::use_session;

/// The API accepts up to ten challenges on a company.
const MAX_CHALLENGES: usize = 10;

/// The fields on screen, in their order, with the element each one focuses.
const FOCUS: &[(&str, &str)] = &[
    ("name", "pf-name"),
    ("industry_code", "pf-industry"),
    ("prefecture_code", "pf-prefecture"),
    ("municipality", "pf-municipality"),
    ("employees", "pf-employees"),
    ("revenue_band", "pf-revenue"),
    ("website", "pf-website"),
    ("vision", "pf-vision"),
    ("ceo_message", "pf-ceo"),
    ("challenges", "pf-challenges"),
    ("referral_code", "pf-referral"),
];

/// What the person typed, as typed (numbers stay text until sent, so nothing is lost).
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    name: String,
    industry: String,
    prefecture: String,
    municipality: String,
    employees: String,
    revenue: String,
    website: String,
    vision: String,
    ceo_message: String,
    challenges: Vec<String>,
    referral_code: String,
}

impl Draft {
    fn from_company(c: &Company) -> Self {
        Draft {
            name: c.name.clone(),
            industry: c.industry_code.clone(),
            prefecture: c.prefecture_code.clone(),
            municipality: c.municipality.clone(),
            employees: c.employees.map(|n| n.to_string()).unwrap_or_default(),
            revenue: c
                .revenue_band
                .map(|b| b.as_str().to_owned())
                .unwrap_or_default(),
            website: c.website.clone().unwrap_or_default(),
            vision: c.vision.clone(),
            ceo_message: c.ceo_message.clone(),
            challenges: c.challenges.clone(),
            referral_code: String::new(),
        }
    }

    /// The employee count, or the field error for text that is not a whole number.
    fn employees(&self) -> Result<Option<i32>, ()> {
        let text = self.employees.trim();
        if text.is_empty() {
            return Ok(None);
        }
        // Full-width digits are what a Japanese keyboard often gives.
        let ascii: String = text
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                _ => c,
            })
            .filter(|c| *c != ',')
            .collect();
        ascii.parse::<i32>().map(Some).map_err(|_| ())
    }

    fn optional(text: &str) -> Option<String> {
        let t = text.trim();
        (!t.is_empty()).then(|| t.to_owned())
    }

    fn to_create(&self, employees: Option<i32>) -> CompanyCreate {
        CompanyCreate {
            name: self.name.trim().to_owned(),
            industry_code: self.industry.clone(),
            prefecture_code: self.prefecture.clone(),
            municipality: self.municipality.trim().to_owned(),
            employees,
            revenue_band: RevenueBand::parse(&self.revenue),
            website: Self::optional(&self.website),
            vision: self.vision.trim().to_owned(),
            ceo_message: self.ceo_message.trim().to_owned(),
            challenges: self.challenges.clone(),
            referral_code: Self::optional(&self.referral_code),
        }
    }

    /// Every field is sent, so the saved profile is what the form shows. An empty website
    /// removes it (the API's rule for `website`).
    fn to_patch(&self, employees: Option<i32>) -> CompanyPatch {
        CompanyPatch {
            name: Some(self.name.trim().to_owned()),
            industry_code: Some(self.industry.clone()),
            municipality: Some(self.municipality.trim().to_owned()),
            employees,
            revenue_band: RevenueBand::parse(&self.revenue),
            website: Some(self.website.trim().to_owned()),
            vision: Some(self.vision.trim().to_owned()),
            ceo_message: Some(self.ceo_message.trim().to_owned()),
            challenges: Some(self.challenges.clone()),
        }
    }
}

/// The message for a field, in words fitted to that field where the general one is vague.
fn field_message(errors: &FormErrors, field: &str) -> Option<Msg> {
    let general = errors.get(field)?;
    Some(match (field, general) {
        ("employees", _) => Msg::PfEmployeesRange,
        ("website", _) => Msg::PfWebsiteFormat,
        ("referral_code", _) => Msg::PfReferralUnknown,
        ("prefecture_code", Msg::FeNotAllowed) => Msg::PfPrefectureOutside,
        ("industry_code" | "prefecture_code", _) => Msg::FeChoose,
        ("challenges", Msg::FeTooLong) => Msg::PfChallengesMax,
        _ => general,
    })
}

pub fn revenue_name(band: RevenueBand) -> Msg {
    match band {
        RevenueBand::Under100m => Msg::PfRevenueUnder100m,
        RevenueBand::From100mTo1b => Msg::PfRevenue100mTo1b,
        RevenueBand::From1bTo5b => Msg::PfRevenue1bTo5b,
        RevenueBand::Over5b => Msg::PfRevenueOver5b,
    }
}

#[derive(Properties, PartialEq)]
pub struct CompanyFormProps {
    /// The company to edit; `None` creates one (coordinators only).
    #[prop_or_default]
    pub company: Option<Company>,
    /// For a new company: the prefectures it may be in (the hub's).
    #[prop_or_default]
    pub prefectures_allowed: Option<Vec<String>>,
    /// Called with the saved company.
    pub on_saved: Callback<Company>,
    /// A "cancel" button, where the form opens over a read-only view.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

#[function_component(CompanyForm)]
pub fn company_form(props: &CompanyFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = use_state(|| {
        props
            .company
            .as_ref()
            .map(Draft::from_company)
            .unwrap_or_default()
    });
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let (industry_list, retry_industries) = use_remote(industries);
    let (prefecture_list, retry_prefectures) = use_remote(prefectures);
    let (challenge_list, retry_challenges) = use_remote(challenges);
    let editing = props.company.as_ref().map(|c| c.id);

    let set = {
        let (draft, errors) = (draft.clone(), errors.clone());
        move |field: &'static str, change: fn(&mut Draft, String)| {
            let (draft, errors) = (draft.clone(), errors.clone());
            Callback::from(move |value: String| {
                let mut next = (*draft).clone();
                change(&mut next, value);
                draft.set(next);
                clear_error(&errors, field);
            })
        }
    };

    let onsubmit = {
        let (draft, errors, problem, busy, session) = (
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            session.clone(),
        );
        let on_saved = props.on_saved.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            problem.set(None);
            let employees = draft.employees();
            let checked = match editing {
                Some(_) => draft.to_patch(employees.unwrap_or(None)).validate(),
                None => draft.to_create(employees.unwrap_or(None)).validate(),
            };
            let mut list = checked.err().unwrap_or_default();
            if employees.is_err() {
                list.add("employees", "invalid_format", "not a whole number");
            }
            if !list.0.is_empty() {
                let found = FormErrors::from_validation(list);
                found.focus_first(FOCUS);
                errors.set(found);
                return;
            }
            errors.set(FormErrors::default());
            busy.set(true);
            let employees = employees.unwrap_or(None);
            let (errors, problem, busy, session, on_saved) = (
                errors.clone(),
                problem.clone(),
                busy.clone(),
                session.clone(),
                on_saved.clone(),
            );
            let draft = (*draft).clone();
            spawn_local(async move {
                let result = match editing {
                    Some(id) => {
                        let body = draft.to_patch(employees);
                        session
                            .call(|c: ApiClient| {
                                let body = body.clone();
                                async move { c.update_company(id, &body).await }
                            })
                            .await
                    }
                    None => {
                        let body = draft.to_create(employees);
                        session
                            .call(|c: ApiClient| {
                                let body = body.clone();
                                async move { c.create_company(&body).await }
                            })
                            .await
                    }
                };
                busy.set(false);
                match result {
                    Ok(company) => on_saved.emit(company),
                    Err(error) => {
                        let found = FormErrors::from_api(&error);
                        found.focus_first(FOCUS);
                        errors.set(found);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let industry_options = industry_list.map(|list| {
        let options = list
            .iter()
            .map(|i| (i.code.clone(), lang.pick(&i.name_ja, &i.name_en).to_owned()))
            .collect();
        vec![(None, options)] as Vec<SelectGroup>
    });
    let allowed = props.prefectures_allowed.clone();
    let prefecture_options = prefecture_list.map(|list| {
        let list: Vec<_> = list
            .iter()
            .filter(|p| allowed.as_ref().is_none_or(|a| a.contains(&p.code)))
            .cloned()
            .collect();
        prefecture_groups(&list, lang)
            .into_iter()
            .map(|(region, options)| (Some(region), options))
            .collect::<Vec<SelectGroup>>()
    });
    let prefecture_name = match (&prefecture_list, editing) {
        (Remote::Ready(list), Some(_)) => {
            crate::reference::prefecture_name(list, lang, &draft.prefecture)
        }
        _ => None,
    };

    let on_revenue = {
        let set = set("revenue_band", |d, v| d.revenue = v);
        Callback::from(move |e: Event| set.emit(select_value(&e)))
    };
    let on_toggle = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |code: String| {
            let mut next = (*draft).clone();
            if next.challenges.contains(&code) {
                next.challenges.retain(|c| *c != code);
            } else {
                next.challenges.push(code);
            }
            draft.set(next);
            clear_error(&errors, "challenges");
        })
    };
    let challenge_error = field_message(&errors, "challenges");
    let challenges_html = match &challenge_list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry_challenges.clone()} /> }
        }
        Remote::Ready(list) => {
            let groups = grouped(list, |c| {
                (c.group_code.as_str(), lang.pick(&c.group_ja, &c.group_en))
            });
            html! {
                { for groups.into_iter().map(|(_, name, items)| html! {
                    <div class="check-group">
                        <p class="check-group-title">{ name }</p>
                        <div class="checks two">
                            { for items.into_iter().map(|c| {
                                let id = format!("pf-challenge-{}", c.code);
                                let checked = draft.challenges.contains(&c.code);
                                let disabled = !checked && draft.challenges.len() >= MAX_CHALLENGES;
                                let code = c.code.clone();
                                let on_toggle = on_toggle.clone();
                                let onchange = Callback::from(move |_: Event| on_toggle.emit(code.clone()));
                                html! {
                                    <label class="check" for={id.clone()}>
                                        <input type="checkbox" id={id} {checked} {disabled} {onchange} />
                                        <span>{ lang.pick(&c.name_ja, &c.name_en).to_owned() }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </div>
                }) }
            }
        }
    };
    let revenue_error = field_message(&errors, "revenue_band");
    let cancel = props.on_cancel.clone().map(|on_cancel| {
        let onclick = Callback::from(move |_: MouseEvent| on_cancel.emit(()));
        html! { <button type="button" class="button secondary" {onclick}>{ Msg::PfCancel.t(lang) }</button> }
    });
    let submit_label = match (editing, *busy) {
        (_, true) => Msg::PfSaving,
        (Some(_), false) => Msg::PfSave,
        (None, false) => Msg::PfCreate,
    };

    html! {
        <form class="form profile-form company-form" onsubmit={onsubmit} novalidate=true>
            if let Some(error) = (*problem).clone() {
                <ActionError {error} kept_input=true />
            }
            <fieldset class="group">
                <legend>{ Msg::PfBasics.t(lang) }</legend>
                <TextField id="pf-name" label={Msg::FieldCompanyName} hint={Msg::HintCompanyName}
                    autocomplete="organization" value={draft.name.clone()}
                    on_input={set("name", |d, v| d.name = v)} error={field_message(&errors, "name")} />
                <SelectField id="pf-industry" label={Msg::FieldIndustry} hint={Msg::HintIndustry}
                    value={draft.industry.clone()} on_change={set("industry_code", |d, v| d.industry = v)}
                    options={industry_options} on_retry={retry_industries}
                    error={field_message(&errors, "industry_code")} />
                if editing.is_some() {
                    <div class="field">
                        <p class="field-label">{ Msg::FieldPrefecture.t(lang) }</p>
                        <p>{ prefecture_name.unwrap_or_else(|| draft.prefecture.clone()) }</p>
                        <p class="hint">{ Msg::PfPrefectureFixed.t(lang) }</p>
                    </div>
                } else {
                    <SelectField id="pf-prefecture" label={Msg::FieldPrefecture} hint={Msg::PfPrefectureHint}
                        value={draft.prefecture.clone()} on_change={set("prefecture_code", |d, v| d.prefecture = v)}
                        options={prefecture_options} on_retry={retry_prefectures}
                        error={field_message(&errors, "prefecture_code")} />
                }
                <TextField id="pf-municipality" label={Msg::FieldMunicipality} hint={Msg::HintMunicipality}
                    autocomplete="address-level2" value={draft.municipality.clone()}
                    on_input={set("municipality", |d, v| d.municipality = v)} error={field_message(&errors, "municipality")} />
                <TextField id="pf-employees" label={Msg::PfEmployees} hint={Msg::PfEmployeesHint}
                    input_type="text" required={false} value={draft.employees.clone()}
                    on_input={set("employees", |d, v| d.employees = v)} error={field_message(&errors, "employees")} />
                <div class={classes!("field", revenue_error.is_some().then_some("invalid"))}>
                    <label for="pf-revenue">
                        { Msg::PfRevenue.t(lang) }
                        <span class="optional">{ Msg::Optional.t(lang) }</span>
                    </label>
                    <p class="hint" id="pf-revenue-hint">{ Msg::PfRevenueHint.t(lang) }</p>
                    <select id="pf-revenue" name="pf-revenue" aria-describedby="pf-revenue-hint pf-revenue-error"
                        onchange={on_revenue}>
                        <option value="" selected={draft.revenue.is_empty()}>{ Msg::PfRevenueUnset.t(lang) }</option>
                        { for RevenueBand::ALL.iter().map(|b| html! {
                            <option value={b.as_str()} selected={draft.revenue == b.as_str()}>{ revenue_name(*b).t(lang) }</option>
                        }) }
                    </select>
                    <p class="field-error" id="pf-revenue-error">{ revenue_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                </div>
                <TextField id="pf-website" label={Msg::PfWebsite} hint={Msg::PfWebsiteHint}
                    input_type="url" autocomplete="url" required={false} value={draft.website.clone()}
                    on_input={set("website", |d, v| d.website = v)} error={field_message(&errors, "website")} />
            </fieldset>
            <fieldset class="group">
                <legend>{ Msg::PfStory.t(lang) }</legend>
                <TextArea id="pf-vision" label={Msg::PfVision} hint={Msg::PfVisionHint} required={false}
                    value={draft.vision.clone()} on_input={set("vision", |d, v| d.vision = v)}
                    error={field_message(&errors, "vision")} rows={4} />
                <TextArea id="pf-ceo" label={Msg::PfCeoMessage} hint={Msg::PfCeoMessageHint} required={false}
                    value={draft.ceo_message.clone()} on_input={set("ceo_message", |d, v| d.ceo_message = v)}
                    error={field_message(&errors, "ceo_message")} rows={5} />
            </fieldset>
            <fieldset class={classes!("group", challenge_error.is_some().then_some("invalid"))} id="pf-challenges" tabindex="-1"
                aria-describedby="pf-challenges-hint pf-challenges-error">
                <legend>{ Msg::PfChallenges.t(lang) }<span class="optional">{ Msg::Optional.t(lang) }</span></legend>
                <p class="hint" id="pf-challenges-hint">{ Msg::PfChallengesHint.t(lang) }</p>
                <p class="count" aria-live="polite">{ labelled(lang, Msg::WzChallengesCount, &format!("{} / {}", draft.challenges.len(), MAX_CHALLENGES)) }</p>
                <p class="field-error" id="pf-challenges-error">{ challenge_error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                { challenges_html }
            </fieldset>
            if editing.is_none() {
                <TextField id="pf-referral" label={Msg::PfReferral} hint={Msg::PfReferralHint}
                    required={false} value={draft.referral_code.clone()}
                    on_input={set("referral_code", |d, v| d.referral_code = v)} error={field_message(&errors, "referral_code")} />
            }
            <div class="actions">
                <button type="submit" class="button primary" disabled={*busy}>{ submit_label.t(lang) }</button>
                { for cancel }
            </div>
        </form>
    }
}
