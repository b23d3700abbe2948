//! `/company/projects/new` and `/company/projects/{id}/edit`: the posting wizard. Six short
//! steps, one topic each, a hint under every field on what a good posting says; every move
//! between steps saves the draft, and the last step submits it for the coordinator's review.

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::{ContractType, Role, TravelCost};
use kakehashi_shared::project::Project;
use kakehashi_shared::{FieldErrors, Validate};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use super::common::{
    contract_type_name, format_day, format_fee, format_hours, labelled, project_badge,
    travel_cost_name, ActionError, RoleGate, TextArea,
};
use super::form::{focus_order, step_of, Form, FIELDS, STEPS};
use super::taxonomy::{grouped, taxonomy, Taxonomy};
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession, TextField};
use crate::forms::{focus_element, FormErrors};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

const MAX_CHALLENGES: usize = 3;
const MAX_SKILLS: usize = 10;
const MAX_QUESTIONS: usize = 5;
const CONFIRM_STEP: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ProjectWizardProps {
    /// The draft to continue; `None` starts a new one.
    #[prop_or_default]
    pub id: Option<i64>,
}

/// The query of `/company/projects/new`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NewQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<i64>,
}

#[function_component(ProjectWizardPage)]
pub fn project_wizard_page(props: &ProjectWizardProps) -> Html {
    use_title(if props.id.is_some() {
        Msg::WzTitleEdit
    } else {
        Msg::WzTitleNew
    });
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::CompanyMember, Role::Coordinator]} refusal={Msg::ErrNotCompany}>
                <Wizard id={props.id} />
            </RoleGate>
        </RequireSession>
    }
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed(ApiError),
    Ready,
}

#[function_component(Wizard)]
fn wizard(props: &ProjectWizardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let (tax, tax_retry) = use_remote(taxonomy);
    // `?company_id=`: a coordinator writing a new posting for one of the hub's companies.
    let for_company = use_location()
        .and_then(|l| l.query::<NewQuery>().ok())
        .and_then(|q| q.company_id);

    let load = use_state(|| {
        if props.id.is_some() {
            Load::Loading
        } else {
            Load::Ready
        }
    });
    let project = use_state(|| None::<Project>);
    let form = use_state(Form::default);
    let step = use_state(|| 0usize);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);
    let submitted = use_state(|| false);
    let template_note = use_state(|| false);
    let attempt = use_state(|| 0u32);

    // Load the draft named in the address, unless it is the one just created here (the
    // address changes from /new to /{id}/edit after the first save; the form stays).
    {
        let (load, project, form, session) =
            (load.clone(), project.clone(), form.clone(), session.clone());
        let have = project.as_ref().map(|p| p.id);
        use_effect_with((props.id, *attempt), move |(id, _)| {
            if let Some(id) = *id {
                if have != Some(id) {
                    load.set(Load::Loading);
                    spawn_local(async move {
                        match session
                            .call(|c: ApiClient| async move { c.project(id).await })
                            .await
                        {
                            Ok(p) => {
                                form.set(Form::from_draft(&p.draft));
                                project.set(Some(p));
                                load.set(Load::Ready);
                            }
                            Err(e) => load.set(Load::Failed(e)),
                        }
                    });
                }
            }
        });
    }

    let title = if props.id.is_some() {
        Msg::WzTitleEdit
    } else {
        Msg::WzTitleNew
    };
    let frame = |body: Html| {
        html! {
            <section class="page narrow">
                <h1>{ title.t(lang) }</h1>
                { body }
            </section>
        }
    };

    match &*load {
        Load::Loading => return frame(html! { <Loading /> }),
        Load::Failed(error) => {
            let attempt = attempt.clone();
            let retry = Callback::from(move |()| attempt.set(*attempt + 1));
            return frame(html! { <ErrorAlert error={error.clone()} on_retry={retry} /> });
        }
        Load::Ready => {}
    }
    if *submitted {
        return frame(html! {
            <div class="alert success" role="status">
                <h2>{ Msg::WzSubmittedTitle.t(lang) }</h2>
                <p>{ Msg::WzSubmittedBody.t(lang) }</p>
                <Link<Route> to={Route::CompanyProjects} classes="button primary">{ Msg::WzToList.t(lang) }</Link<Route>>
            </div>
        });
    }
    if let Some(p) = project.as_ref() {
        if !p.status.is_editable_draft() {
            return frame(html! {
                <>
                    <p>{ project_badge(lang, p.status) }</p>
                    <div class="alert info" role="status"><p>{ Msg::WzNotEditable.t(lang) }</p></div>
                    <Link<Route> to={Route::CompanyProjects} classes="button secondary">{ Msg::WzToList.t(lang) }</Link<Route>>
                </>
            });
        }
    }

    // Saves the draft, then moves to `to` (a step) or submits (`to == None`).
    let save = {
        let (session, form, project, errors, problem, busy, saved, step, navigator) = (
            session.clone(),
            form.clone(),
            project.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            saved.clone(),
            step.clone(),
            navigator.clone(),
        );
        let submitted = submitted.clone();
        Callback::from(move |to: Option<usize>| {
            if *busy {
                return;
            }
            let invalid = |list: FieldErrors| {
                let list = FormErrors::from_validation(list);
                if let Some(first) = focus_order()
                    .iter()
                    .find(|(path, _)| list.get(path).is_some())
                {
                    step.set(step_of(first.0));
                    // The field may be on a step drawn only after this render.
                    let id = first.1;
                    gloo::timers::callback::Timeout::new(0, move || focus_element(id)).forget();
                }
                list
            };
            // Numbers that cannot be read and the shared rules, reported together.
            let (draft, mut list) = form.to_draft();
            if let Err(more) = draft.validate() {
                list.0.extend(more.0);
            }
            if !list.is_empty() {
                errors.set(invalid(list));
                problem.set(None);
                return;
            }
            if to.is_none() {
                let missing = draft.missing();
                if !missing.is_empty() {
                    errors.set(FormErrors::from_validation(missing));
                    problem.set(None);
                    return;
                }
            }
            errors.set(FormErrors::default());
            problem.set(None);
            busy.set(true);
            saved.set(false);
            let id = project.as_ref().map(|p| p.id);
            let (project, errors, problem, busy, saved, step, navigator, submitted) = (
                project.clone(),
                errors.clone(),
                problem.clone(),
                busy.clone(),
                saved.clone(),
                step.clone(),
                navigator.clone(),
                submitted.clone(),
            );
            let session = session.clone();
            let (form, title_cleared) = (form.clone(), form.title.trim().is_empty());
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let draft = draft.clone();
                        async move {
                            let p = match id {
                                Some(id) => c.update_project(id, &draft).await?,
                                None => c.create_project(for_company, &draft).await?,
                            };
                            if to.is_none() {
                                c.submit_project(p.id).await
                            } else {
                                Ok(p)
                            }
                        }
                    })
                    .await;
                busy.set(false);
                match result {
                    Ok(p) => {
                        let new_id = p.id;
                        // Show what was saved (１００，０００ becomes 100000). A title the
                        // person emptied stays empty: the API keeps a title, never clears it.
                        let mut normal = Form::from_draft(&p.draft);
                        if title_cleared {
                            normal.title.clear();
                        }
                        form.set(normal);
                        project.set(Some(p));
                        match to {
                            Some(next) => {
                                saved.set(true);
                                step.set(next);
                                focus_element("wz-step-heading");
                            }
                            None => submitted.set(true),
                        }
                        if id.is_none() {
                            if let Some(navigator) = navigator {
                                navigator.replace(&Route::CompanyProjectEdit { id: new_id });
                            }
                        }
                    }
                    Err(error) => {
                        let list = FormErrors::from_api(&error);
                        if let Some(first) = focus_order()
                            .iter()
                            .find(|(path, _)| list.get(path).is_some())
                        {
                            step.set(step_of(first.0));
                        }
                        errors.set(list);
                        problem.set(Some(error));
                    }
                }
            });
        })
    };

    let set = {
        let (form, errors, saved) = (form.clone(), errors.clone(), saved.clone());
        Callback::from(move |(path, change): (&'static str, Form)| {
            form.set(change);
            saved.set(false);
            crate::forms::clear_error(&errors, path);
        })
    };

    let current = *step;
    let progress = html! {
        <ol class="steps" aria-label={Msg::WzProgress.t(lang)}>
            { for STEPS.iter().enumerate().map(|(i, label)| {
                let state = if i == current { "current" } else if i < current { "done" } else { "todo" };
                let on = save.clone();
                let onclick = Callback::from(move |_: MouseEvent| on.emit(Some(i)));
                html! {
                    <li class={classes!("step", state)}>
                        <button type="button" class="step-button" {onclick}
                            aria-current={(i == current).then_some("step")} disabled={*busy}>
                            <span class="step-number">{ i + 1 }</span>
                            <span class="step-label">{ label.t(lang) }</span>
                        </button>
                    </li>
                }
            }) }
        </ol>
    };

    let body = match (&tax, current) {
        (Remote::Loading, _) => html! { <Loading /> },
        (Remote::Failed(error), _) => {
            html! { <ErrorAlert error={error.clone()} on_retry={tax_retry.clone()} /> }
        }
        (Remote::Ready(tax), 0) => challenges_step(lang, tax, &form, &errors, &set, &template_note),
        (Remote::Ready(_), 1) => work_step(&form, &errors, &set),
        (Remote::Ready(tax), 2) => skills_step(lang, tax, &form, &errors, &set),
        (Remote::Ready(_), 3) => terms_step(lang, &form, &errors, &set),
        (Remote::Ready(_), 4) => recruit_step(lang, &form, &errors, &set),
        (Remote::Ready(tax), _) => confirm_step(lang, tax, &form, &step),
    };

    let back = (current > 0).then(|| {
        let on = save.clone();
        let onclick = Callback::from(move |_: MouseEvent| on.emit(Some(current - 1)));
        html! { <button type="button" class="button secondary" disabled={*busy} {onclick}>{ Msg::WzBack.t(lang) }</button> }
    });
    let forward = if current < CONFIRM_STEP {
        let on = save.clone();
        let onclick = Callback::from(move |_: MouseEvent| on.emit(Some(current + 1)));
        html! {
            <button type="button" class="button primary" disabled={*busy} {onclick}>
                { if *busy { Msg::WzSaving.t(lang) } else { Msg::WzNext.t(lang) } }
            </button>
        }
    } else {
        let on = save.clone();
        let onclick = Callback::from(move |_: MouseEvent| on.emit(None));
        html! {
            <button type="button" class="button primary" disabled={*busy} {onclick}>
                { if *busy { Msg::WzSubmitting.t(lang) } else { Msg::WzSubmit.t(lang) } }
            </button>
        }
    };
    let save_here = (current < CONFIRM_STEP).then(|| {
        let on = save.clone();
        let onclick = Callback::from(move |_: MouseEvent| on.emit(Some(current)));
        html! { <button type="button" class="button secondary" disabled={*busy} {onclick}>{ Msg::WzSave.t(lang) }</button> }
    });
    let onsubmit = {
        let on = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on.emit(if current < CONFIRM_STEP {
                Some(current + 1)
            } else {
                None
            });
        })
    };
    let review_comment = project
        .as_ref()
        .filter(|p| p.status == kakehashi_shared::workflow::ProjectStatus::ChangesRequested)
        .and_then(|p| p.review_comment.clone());

    frame(html! {
        <>
            if let Some(p) = project.as_ref() {
                <p class="card-company">{ labelled(lang, Msg::FieldCompany, &p.company_name) }</p>
            }
            <p class="lead">{ Msg::WzLead.t(lang) }</p>
            if let Some(comment) = review_comment {
                <div class="review-comment">
                    <h2>{ Msg::CpReviewComment.t(lang) }</h2>
                    <p class="pre">{ comment }</p>
                </div>
            }
            { progress }
            <h2 id="wz-step-heading" tabindex="-1" class="step-heading">
                { format!("{} {} / {}", Msg::WzProgress.t(lang), current + 1, STEPS.len()) }
                { match lang { Lang::Ja => "：", Lang::En => ": " } }
                { STEPS[current].t(lang) }
            </h2>
            if let Some(error) = (*problem).clone() {
                <ActionError {error} kept_input=true />
            }
            if *saved {
                <p class="saved" role="status">{ Msg::WzSaved.t(lang) }</p>
            }
            <form class="form" {onsubmit} novalidate=true aria-busy={if *busy { "true" } else { "false" }}>
                { body }
                <div class="wizard-nav">
                    { for back }
                    { for save_here }
                    { forward }
                </div>
            </form>
        </>
    })
}

type Setter = Callback<(&'static str, Form)>;

/// One `Form` string and how it appears: API path, element id, label, hint.
struct Bind {
    path: &'static str,
    id: &'static str,
    label: Msg,
    hint: Msg,
    get: fn(&Form) -> &String,
    put: fn(&mut Form, String),
}

impl Bind {
    fn on_input(&self, form: &Form, set: &Setter) -> Callback<String> {
        let (base, set, path, put) = (form.clone(), set.clone(), self.path, self.put);
        Callback::from(move |value: String| {
            let mut next = base.clone();
            put(&mut next, value);
            set.emit((path, next));
        })
    }
}

/// A text field bound to one `Form` string.
fn text_input(form: &Form, errors: &FormErrors, set: &Setter, b: Bind, kind: &'static str) -> Html {
    let on_input = b.on_input(form, set);
    let required = b.path != "trial_days";
    html! {
        <TextField id={b.id} label={b.label} hint={b.hint} input_type={kind} value={(b.get)(form).clone()}
            error={errors.get(b.path)} {on_input} {required} />
    }
}

fn text_area(form: &Form, errors: &FormErrors, set: &Setter, b: Bind) -> Html {
    let on_input = b.on_input(form, set);
    html! {
        <TextArea id={b.id} label={b.label} hint={b.hint} value={(b.get)(form).clone()}
            error={errors.get(b.path)} {on_input} />
    }
}

/// Checkboxes for codes from a list, up to `max`; once full, the rest are disabled so the
/// limit is plain before anything is sent.
fn code_checkbox(
    id: String,
    label: String,
    code: &str,
    chosen: &[String],
    max: usize,
    on_toggle: Callback<String>,
) -> Html {
    let checked = chosen.iter().any(|c| c == code);
    let disabled = !checked && chosen.len() >= max;
    let code = code.to_owned();
    let onchange = Callback::from(move |_: Event| on_toggle.emit(code.clone()));
    html! {
        <label class="check" for={id.clone()}>
            <input type="checkbox" id={id} {checked} {disabled} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

fn toggled(list: &[String], code: &str) -> Vec<String> {
    if list.iter().any(|c| c == code) {
        list.iter().filter(|c| *c != code).cloned().collect()
    } else {
        let mut next = list.to_vec();
        next.push(code.to_owned());
        next
    }
}

fn challenges_step(
    lang: Lang,
    tax: &Taxonomy,
    form: &UseStateHandle<Form>,
    errors: &FormErrors,
    set: &Setter,
    template_note: &UseStateHandle<bool>,
) -> Html {
    let on_toggle = {
        let (form, set) = (form.clone(), set.clone());
        Callback::from(move |code: String| {
            let mut next = (*form).clone();
            next.challenges = toggled(&next.challenges, &code);
            set.emit(("challenges", next));
        })
    };
    let groups = grouped(&tax.challenges, |c| {
        (c.group_code.as_str(), lang.pick(&c.group_ja, &c.group_en))
    });
    let error = errors.get("challenges");
    let first = form
        .challenges
        .first()
        .and_then(|code| tax.challenges.iter().find(|c| &c.code == code));
    let template = first.map(|challenge| {
        let (form, set, note) = (form.clone(), set.clone(), template_note.clone());
        let name = lang.pick(&challenge.name_ja, &challenge.name_en).to_owned();
        let group = challenge.group_code.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            apply_template(lang, &mut next, &group, &name);
            set.emit(("title", next));
            note.set(true);
        });
        html! {
            <div class="template">
                <h3>{ Msg::WzTemplateTitle.t(lang) }</h3>
                <p>{ Msg::WzTemplateBody.t(lang) }</p>
                <button type="button" class="button secondary" {onclick}>{ Msg::WzTemplateApply.t(lang) }</button>
                if **template_note {
                    <p class="saved" role="status">{ Msg::WzTemplateApplied.t(lang) }</p>
                }
            </div>
        }
    });
    html! {
        <>
            <fieldset class={classes!("group", error.is_some().then_some("invalid"))} id="wz-challenges" tabindex="-1"
                aria-describedby="wz-challenges-hint wz-challenges-error">
                <legend>{ Msg::WzStepChallenges.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
                <p class="hint" id="wz-challenges-hint">{ Msg::WzChallengesHint.t(lang) }</p>
                <p class="count" aria-live="polite">{ labelled(lang, Msg::WzChallengesCount, &format!("{} / {}", form.challenges.len(), MAX_CHALLENGES)) }</p>
                <p class="field-error" id="wz-challenges-error">{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                { for groups.into_iter().map(|(code, name, items)| html! {
                    <div class="check-group">
                        <h3 class="check-group-title">{ name }</h3>
                        <div class="checks two">
                            { for items.into_iter().map(|c| code_checkbox(
                                format!("wz-challenge-{}", c.code),
                                lang.pick(&c.name_ja, &c.name_en).to_owned(),
                                &c.code, &form.challenges, MAX_CHALLENGES, on_toggle.clone())) }
                        </div>
                        <span hidden=true>{ code }</span>
                    </div>
                }) }
            </fieldset>
            { for template }
        </>
    }
}

/// Fills the empty fields with the example text of the challenge's group.
fn apply_template(lang: Lang, form: &mut Form, group: &str, challenge: &str) {
    let (role, tasks, deliverables) = match group {
        "sales" => (
            Msg::TplSalesRole,
            Msg::TplSalesTasks,
            Msg::TplSalesDeliverables,
        ),
        "productivity" => (
            Msg::TplProductivityRole,
            Msg::TplProductivityTasks,
            Msg::TplProductivityDeliverables,
        ),
        "new_business" => (
            Msg::TplNewBusinessRole,
            Msg::TplNewBusinessTasks,
            Msg::TplNewBusinessDeliverables,
        ),
        "region" => (
            Msg::TplRegionRole,
            Msg::TplRegionTasks,
            Msg::TplRegionDeliverables,
        ),
        _ => (
            Msg::TplManagementRole,
            Msg::TplManagementTasks,
            Msg::TplManagementDeliverables,
        ),
    };
    let fill = |slot: &mut String, text: String| {
        if slot.trim().is_empty() {
            *slot = text;
        }
    };
    fill(
        &mut form.title,
        Msg::TplTitle.t(lang).replace("{challenge}", challenge),
    );
    fill(&mut form.role, role.t(lang).to_owned());
    fill(&mut form.tasks, tasks.t(lang).to_owned());
    fill(&mut form.deliverables, deliverables.t(lang).to_owned());
}

fn work_step(form: &Form, errors: &FormErrors, set: &Setter) -> Html {
    html! {
        <>
            { text_input(form, errors, set, Bind { path: "title", id: "wz-title", label: Msg::FieldTitle, hint: Msg::HintTitle, get: |f| &f.title, put: |f, v| f.title = v }, "text") }
            { text_area(form, errors, set, Bind { path: "background", id: "wz-background", label: Msg::FieldBackground, hint: Msg::HintBackground, get: |f| &f.background, put: |f, v| f.background = v }) }
            { text_area(form, errors, set, Bind { path: "role", id: "wz-role", label: Msg::FieldRole, hint: Msg::HintRole, get: |f| &f.role, put: |f, v| f.role = v }) }
            { text_area(form, errors, set, Bind { path: "tasks", id: "wz-tasks", label: Msg::FieldTasks, hint: Msg::HintTasks, get: |f| &f.tasks, put: |f, v| f.tasks = v }) }
            { text_area(form, errors, set, Bind { path: "deliverables", id: "wz-deliverables", label: Msg::FieldDeliverables, hint: Msg::HintDeliverables, get: |f| &f.deliverables, put: |f, v| f.deliverables = v }) }
        </>
    }
}

fn skills_step(
    lang: Lang,
    tax: &Taxonomy,
    form: &UseStateHandle<Form>,
    errors: &FormErrors,
    set: &Setter,
) -> Html {
    let chooser = |path: &'static str, id: &'static str, label: Msg, hint: Msg, required: bool| {
        let chosen = if path == "required_skills" {
            form.required_skills.clone()
        } else {
            form.preferred_skills.clone()
        };
        let on_toggle = {
            let (form, set) = (form.clone(), set.clone());
            Callback::from(move |code: String| {
                let mut next = (*form).clone();
                let list = if path == "required_skills" {
                    &mut next.required_skills
                } else {
                    &mut next.preferred_skills
                };
                *list = toggled(list, &code);
                set.emit((path, next));
            })
        };
        let error = errors.get(path);
        let groups = grouped(&tax.skills, |s| {
            (s.group_code.as_str(), lang.pick(&s.group_ja, &s.group_en))
        });
        let chosen_names: Vec<String> = chosen.iter().map(|c| tax.skill_name(lang, c)).collect();
        html! {
            <fieldset class={classes!("group", error.is_some().then_some("invalid"))} id={id} tabindex="-1"
                aria-describedby={format!("{id}-hint {id}-error")}>
                <legend>
                    { label.t(lang) }
                    if required {
                        <span class="required">{ Msg::Required.t(lang) }</span>
                    } else {
                        <span class="optional">{ Msg::Optional.t(lang) }</span>
                    }
                </legend>
                <p class="hint" id={format!("{id}-hint")}>{ hint.t(lang) }</p>
                <p class="count" aria-live="polite">
                    { format!("{}{} / {}", chosen.len(), Msg::SkillsChosen.t(lang), MAX_SKILLS) }
                    if !chosen_names.is_empty() {
                        { format!(" ({})", crate::i18n::join_list(lang, &chosen_names)) }
                    }
                </p>
                <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                { for groups.into_iter().map(|(code, name, items)| {
                    let in_group = items.iter().filter(|s| chosen.contains(&s.code)).count();
                    html! {
                        <details class="check-group" open={in_group > 0}>
                            <summary>
                                { name }
                                if in_group > 0 {
                                    { format!(" ({in_group})") }
                                }
                            </summary>
                            <div class="checks">
                                { for items.into_iter().map(|s| code_checkbox(
                                    format!("{id}-{code}-{}", s.code),
                                    lang.pick(&s.name_ja, &s.name_en).to_owned(),
                                    &s.code, &chosen, MAX_SKILLS, on_toggle.clone())) }
                            </div>
                        </details>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
        <>
            { chooser("required_skills", "wz-required-skills", Msg::FieldRequiredSkills, Msg::HintRequiredSkills, true) }
            { chooser("preferred_skills", "wz-preferred-skills", Msg::FieldPreferredSkills, Msg::HintPreferredSkills, false) }
        </>
    }
}

/// Radio cards for a closed set of choices.
fn radio_cards<T: Copy + PartialEq + 'static>(
    lang: Lang,
    name: &'static str,
    (label, hint): (Msg, Msg),
    error: Option<Msg>,
    options: Vec<(T, &'static str, Msg)>,
    current: Option<T>,
    on_pick: Callback<T>,
) -> Html {
    let hint_id = format!("wz-{name}-hint");
    let error_id = format!("wz-{name}-error");
    html! {
        <fieldset class={classes!("group", "choices", error.is_some().then_some("invalid"))}
            aria-describedby={format!("{hint_id} {error_id}")}>
            <legend>{ label.t(lang) }<span class="required">{ Msg::Required.t(lang) }</span></legend>
            <p class="hint" id={hint_id}>{ hint.t(lang) }</p>
            { for options.into_iter().map(|(value, key, text)| {
                let id = format!("wz-{name}-{key}");
                let on_pick = on_pick.clone();
                let onchange = Callback::from(move |_: Event| on_pick.emit(value));
                html! {
                    <label class="choice" for={id.clone()}>
                        <input type="radio" name={name} id={id} value={key} checked={current == Some(value)} {onchange} />
                        <span class="choice-text"><span class="choice-label">{ text.t(lang) }</span></span>
                    </label>
                }
            }) }
            <p class="field-error" id={error_id}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
        </fieldset>
    }
}

fn terms_step(lang: Lang, form: &UseStateHandle<Form>, errors: &FormErrors, set: &Setter) -> Html {
    let pick = |path: &'static str, put: fn(&mut Form, &str)| {
        let (form, set) = (form.clone(), set.clone());
        move |value: &str| {
            let mut next = (*form).clone();
            put(&mut next, value);
            set.emit((path, next));
        }
    };
    let remote = {
        let f = pick("remote_allowed", |f, v| f.remote = Some(v == "yes"));
        Callback::from(move |v: bool| f(if v { "yes" } else { "no" }))
    };
    let travel = {
        let f = pick("travel_cost", |f, v| f.travel = TravelCost::parse(v));
        Callback::from(move |v: TravelCost| f(v.as_str()))
    };
    let contract = {
        let f = pick("contract_type", |f, v| f.contract = ContractType::parse(v));
        Callback::from(move |v: ContractType| f(v.as_str()))
    };
    let f: &Form = form;
    html! {
        <>
            { text_input(f, errors, set, Bind { path: "hours_per_month", id: "wz-hours", label: Msg::FieldHours, hint: Msg::HintHours, get: |f| &f.hours, put: |f, v| f.hours = v }, "number") }
            { text_input(f, errors, set, Bind { path: "onsite_days_per_month", id: "wz-onsite", label: Msg::FieldOnsite, hint: Msg::HintOnsite, get: |f| &f.onsite, put: |f, v| f.onsite = v }, "number") }
            { radio_cards(lang, "remote", (Msg::FieldRemote, Msg::HintRemote), errors.get("remote_allowed"),
                vec![(true, "yes", Msg::RemoteYes), (false, "no", Msg::RemoteNo)], form.remote, remote) }
            { radio_cards(lang, "contract", (Msg::FieldContract, Msg::HintContract), errors.get("contract_type"),
                ContractType::ALL.iter().map(|c| (*c, c.as_str(), contract_type_name(*c))).collect(), form.contract, contract) }
            { text_input(f, errors, set, Bind { path: "monthly_fee", id: "wz-fee", label: Msg::FieldFee, hint: Msg::HintFee, get: |f| &f.fee, put: |f, v| f.fee = v }, "text") }
            { radio_cards(lang, "travel", (Msg::FieldTravel, Msg::HintTravel), errors.get("travel_cost"),
                TravelCost::ALL.iter().map(|c| (*c, c.as_str(), travel_cost_name(*c))).collect(), form.travel, travel) }
            { text_input(f, errors, set, Bind { path: "period_months", id: "wz-period", label: Msg::FieldPeriod, hint: Msg::HintPeriod, get: |f| &f.period, put: |f, v| f.period = v }, "number") }
            { text_input(f, errors, set, Bind { path: "trial_days", id: "wz-trial", label: Msg::FieldTrial, hint: Msg::HintTrial, get: |f| &f.trial, put: |f, v| f.trial = v }, "number") }
            { text_input(f, errors, set, Bind { path: "start_date", id: "wz-start", label: Msg::FieldStart, hint: Msg::HintStart, get: |f| &f.start, put: |f, v| f.start = v }, "date") }
        </>
    }
}

fn recruit_step(
    lang: Lang,
    form: &UseStateHandle<Form>,
    errors: &FormErrors,
    set: &Setter,
) -> Html {
    let f: &Form = form;
    let questions = {
        let list: Vec<String> = if form.questions.is_empty() {
            vec![String::new()]
        } else {
            form.questions.clone()
        };
        let count = list.len();
        let rows = list.iter().enumerate().map(|(i, q)| {
            let id = format!("wz-question-{i}");
            let path = format!("screening_questions[{i}]");
            let error = errors.get(&path);
            let oninput = {
                let (form, set, list) = (form.clone(), set.clone(), list.clone());
                Callback::from(move |e: InputEvent| {
                    let mut next = (*form).clone();
                    let mut qs = list.clone();
                    qs[i] = crate::forms::input_value(&e);
                    next.questions = qs;
                    set.emit(("screening_questions", next));
                })
            };
            let remove = (count > 1).then(|| {
                let (form, set, list) = (form.clone(), set.clone(), list.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    let mut next = (*form).clone();
                    let mut qs = list.clone();
                    qs.remove(i);
                    next.questions = qs;
                    set.emit(("screening_questions", next));
                });
                html! { <button type="button" class="button link" {onclick}>{ Msg::RemoveQuestion.t(lang) }</button> }
            });
            html! {
                <div class={classes!("field", error.is_some().then_some("invalid"))}>
                    <label for={id.clone()}>{ format!("{} {}", Msg::QuestionN.t(lang), i + 1) }</label>
                    <input id={id.clone()} type="text" value={q.clone()} {oninput}
                        aria-describedby={format!("{id}-error")} aria-invalid={if error.is_some() { "true" } else { "false" }} />
                    <p class="field-error" id={format!("{id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                    { for remove }
                </div>
            }
        });
        let add = (count < MAX_QUESTIONS).then(|| {
            let (form, set, list) = (form.clone(), set.clone(), list.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                let mut next = (*form).clone();
                let mut qs = list.clone();
                qs.push(String::new());
                next.questions = qs;
                set.emit(("screening_questions", next));
                focus_element(&format!("wz-question-{}", list.len()));
            });
            html! { <button type="button" class="button secondary" {onclick}>{ Msg::AddQuestion.t(lang) }</button> }
        });
        let error = errors.get("screening_questions");
        html! {
            <fieldset class="group">
                <legend>{ Msg::FieldQuestions.t(lang) }<span class="optional">{ Msg::Optional.t(lang) }</span></legend>
                <p class="hint">{ Msg::HintQuestions.t(lang) }</p>
                { for rows }
                <p class="field-error">{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                { for add }
            </fieldset>
        }
    };
    html! {
        <>
            { text_area(f, errors, set, Bind { path: "ip_handling", id: "wz-ip", label: Msg::FieldIp, hint: Msg::HintIp, get: |f| &f.ip, put: |f, v| f.ip = v }) }
            { text_area(f, errors, set, Bind { path: "confidentiality", id: "wz-confidentiality", label: Msg::FieldConfidentiality, hint: Msg::HintConfidentiality, get: |f| &f.confidentiality, put: |f, v| f.confidentiality = v }) }
            { questions }
            { text_input(f, errors, set, Bind { path: "recruitment_opens_at", id: "wz-opens", label: Msg::FieldOpens, hint: Msg::HintOpens, get: |f| &f.opens, put: |f, v| f.opens = v }, "date") }
            { text_input(f, errors, set, Bind { path: "recruitment_closes_at", id: "wz-closes", label: Msg::FieldCloses, hint: Msg::HintCloses, get: |f| &f.closes, put: |f, v| f.closes = v }, "date") }
        </>
    }
}

fn confirm_step(lang: Lang, tax: &Taxonomy, form: &Form, step: &UseStateHandle<usize>) -> Html {
    let list = form.to_draft().0.missing();
    let missing: Vec<(&'static str, Msg, usize)> = FIELDS
        .iter()
        .filter(|(path, ..)| list.0.iter().any(|e| e.field == *path))
        .map(|(path, _, label, s)| (*path, *label, *s))
        .collect();
    let names = |codes: &[String], f: &dyn Fn(&str) -> String| -> String {
        let list: Vec<String> = codes.iter().map(|c| f(c)).collect();
        crate::i18n::join_list(lang, &list)
    };
    let or_unset = |s: String| {
        if s.trim().is_empty() {
            Msg::NotSet.t(lang).to_owned()
        } else {
            s
        }
    };
    let num = |s: &str, f: &dyn Fn(i64) -> String| {
        super::form::parse_number(s)
            .map(f)
            .unwrap_or_else(|| or_unset(s.to_owned()))
    };
    let day = |s: &str| {
        super::form::parse_day(s)
            .map(|d| format_day(lang, d))
            .unwrap_or_else(|| or_unset(s.to_owned()))
    };
    let sections: Vec<(usize, Vec<(Msg, String)>)> = vec![
        (
            0,
            vec![(
                Msg::WzStepChallenges,
                or_unset(names(&form.challenges, &|c| tax.challenge_name(lang, c))),
            )],
        ),
        (
            1,
            vec![
                (Msg::FieldTitle, or_unset(form.title.clone())),
                (Msg::FieldBackground, or_unset(form.background.clone())),
                (Msg::FieldRole, or_unset(form.role.clone())),
                (Msg::FieldTasks, or_unset(form.tasks.clone())),
                (Msg::FieldDeliverables, or_unset(form.deliverables.clone())),
            ],
        ),
        (
            2,
            vec![
                (
                    Msg::FieldRequiredSkills,
                    or_unset(names(&form.required_skills, &|c| tax.skill_name(lang, c))),
                ),
                (
                    Msg::FieldPreferredSkills,
                    or_unset(names(&form.preferred_skills, &|c| tax.skill_name(lang, c))),
                ),
            ],
        ),
        (
            3,
            vec![
                (
                    Msg::FieldHours,
                    num(&form.hours, &|h| format_hours(lang, h as i32)),
                ),
                (Msg::FieldOnsite, or_unset(form.onsite.clone())),
                (
                    Msg::FieldRemote,
                    form.remote
                        .map(|r| {
                            if r { Msg::RemoteYes } else { Msg::RemoteNo }
                                .t(lang)
                                .to_owned()
                        })
                        .unwrap_or_else(|| Msg::NotSet.t(lang).to_owned()),
                ),
                (
                    Msg::FieldContract,
                    form.contract
                        .map(|c| contract_type_name(c).t(lang).to_owned())
                        .unwrap_or_else(|| Msg::NotSet.t(lang).to_owned()),
                ),
                (Msg::FieldFee, num(&form.fee, &|f| format_fee(lang, f))),
                (
                    Msg::FieldTravel,
                    form.travel
                        .map(|c| travel_cost_name(c).t(lang).to_owned())
                        .unwrap_or_else(|| Msg::NotSet.t(lang).to_owned()),
                ),
                (Msg::FieldPeriod, or_unset(form.period.clone())),
                (Msg::FieldTrial, or_unset(form.trial.clone())),
                (Msg::FieldStart, day(&form.start)),
            ],
        ),
        (
            4,
            vec![
                (Msg::FieldIp, or_unset(form.ip.clone())),
                (
                    Msg::FieldConfidentiality,
                    or_unset(form.confidentiality.clone()),
                ),
                (
                    Msg::FieldQuestions,
                    or_unset(
                        form.questions
                            .iter()
                            .filter(|q| !q.trim().is_empty())
                            .cloned()
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                ),
                (Msg::FieldOpens, day(&form.opens)),
                (Msg::FieldCloses, day(&form.closes)),
            ],
        ),
    ];
    let go = |to: usize| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(to))
    };
    html! {
        <>
            <p>{ Msg::WzConfirmLead.t(lang) }</p>
            if missing.is_empty() {
                <div class="alert info" role="status"><p>{ Msg::WzReady.t(lang) }</p></div>
            } else {
                <div class="alert error" role="alert">
                    <p>{ Msg::WzMissingTitle.t(lang) }</p>
                    <ul class="missing">
                        { for missing.iter().map(|(_, label, s)| html! {
                            <li>
                                <button type="button" class="button link" onclick={go(*s)}>
                                    { format!("{} ({} {})", label.t(lang), Msg::WzProgress.t(lang), s + 1) }
                                </button>
                            </li>
                        }) }
                    </ul>
                </div>
            }
            { for sections.into_iter().map(|(s, rows)| html! {
                <section class="confirm-section">
                    <div class="confirm-head">
                        <h3>{ STEPS[s].t(lang) }</h3>
                        <button type="button" class="button link" onclick={go(s)}>{ Msg::WzEditStep.t(lang) }</button>
                    </div>
                    <dl class="details">
                        { for rows.into_iter().map(|(label, value)| html! {
                            <div class="detail-row">
                                <dt>{ label.t(lang) }</dt>
                                <dd class="pre">{ value }</dd>
                            </div>
                        }) }
                    </dl>
                </section>
            }) }
        </>
    }
}
