//! The partner's programmes and subsidies: the list, a form to add one, and on each card an
//! edit form and a delete that asks first. The region page of the programme's prefecture shows
//! them to talent weighing a posting there.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::partner::{PartnerProgramme, ProgrammeInput, ProgrammePatch};
use kakehashi_shared::reference::Prefecture;
use kakehashi_shared::Validate;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, SelectField, TextField};
use crate::forms::{clear_error, send, FormErrors};
use crate::hooks::{use_remote, Remote};
use crate::i18n::{use_lang, Msg};
use crate::pages::company::common::TextArea;
use crate::reference::place_names;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct ProgrammesEditorProps {
    pub partner_id: i64,
    /// The prefectures the partner covers: the only ones a programme may be for.
    pub prefectures: Vec<String>,
    pub places: Remote<Rc<Vec<Prefecture>>>,
    pub on_places_retry: Callback<()>,
}

#[function_component(ProgrammesEditor)]
pub fn programmes_editor(props: &ProgrammesEditorProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.partner_id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(move |c: ApiClient| async move { c.partner_programmes(id).await })
            .await
            .map(|page| page.items)
    });
    // Changes made on this page, over what was loaded: saved records replace or join the
    // list, deleted ids leave it.
    let local = use_state(Vec::<PartnerProgramme>::new);
    let deleted = use_state(Vec::<i64>::new);
    let notice = use_state(|| None::<String>);
    let on_saved = {
        let (local, notice) = (local.clone(), notice.clone());
        Callback::from(move |p: PartnerProgramme| {
            let mut next: Vec<PartnerProgramme> =
                local.iter().filter(|l| l.id != p.id).cloned().collect();
            notice.set(Some(Msg::PgSaved.t(lang).replace("{title}", &p.title)));
            next.push(p);
            local.set(next);
        })
    };
    let on_deleted = {
        let (deleted, notice) = (deleted.clone(), notice.clone());
        Callback::from(move |(id, title): (i64, String)| {
            let mut next = (*deleted).clone();
            next.push(id);
            deleted.set(next);
            notice.set(Some(Msg::PgDeleted.t(lang).replace("{title}", &title)));
            crate::forms::focus_element("pg-title");
        })
    };
    let list: Remote<Vec<PartnerProgramme>> = loaded.map(|items| {
        let mut all: Vec<PartnerProgramme> = items
            .iter()
            .map(|p| local.iter().find(|l| l.id == p.id).unwrap_or(p).clone())
            .collect();
        all.extend(
            local
                .iter()
                .filter(|l| !items.iter().any(|p| p.id == l.id))
                .cloned(),
        );
        all.retain(|p| !deleted.contains(&p.id));
        all
    });

    let body = match &list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry.clone()} /> }
        }
        Remote::Ready(items) if items.is_empty() => html! {
            <div class="empty"><p>{ Msg::PgEmpty.t(lang) }</p></div>
        },
        Remote::Ready(items) => html! {
            <ul class="card-list">
                { for items.iter().map(|p| html! {
                    <ProgrammeCard key={p.id} programme={p.clone()}
                        prefectures={props.prefectures.clone()} places={props.places.clone()}
                        on_places_retry={props.on_places_retry.clone()}
                        on_saved={on_saved.clone()} on_deleted={on_deleted.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <section class="block" aria-labelledby="pg-title">
            <h2 id="pg-title" tabindex="-1">{ Msg::PgTitle.t(lang) }</h2>
            <p>{ Msg::PgLead.t(lang) }</p>
            if let Some(text) = (*notice).clone() {
                <p class="saved" role="status">{ text }</p>
            }
            { body }
            <ProgrammeForm partner_id={props.partner_id} programme={None::<PartnerProgramme>}
                prefectures={props.prefectures.clone()} places={props.places.clone()}
                on_places_retry={props.on_places_retry.clone()} on_saved={on_saved.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProgrammeCardProps {
    programme: PartnerProgramme,
    prefectures: Vec<String>,
    places: Remote<Rc<Vec<Prefecture>>>,
    on_places_retry: Callback<()>,
    on_saved: Callback<PartnerProgramme>,
    on_deleted: Callback<(i64, String)>,
}

#[function_component(ProgrammeCard)]
fn programme_card(props: &ProgrammeCardProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let editing = use_state(|| false);
    let confirming = use_state(|| false);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let p = &props.programme;
    let (edit_id, delete_id, yes_id) = (
        format!("pg-{}-edit", p.id),
        format!("pg-{}-delete", p.id),
        format!("pg-{}-yes", p.id),
    );
    let row = |label: Msg, value: String| {
        html! {
            <div class="detail-row">
                <dt>{ label.t(lang) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };

    let actions = if *editing {
        let on_saved = {
            let (on_saved, editing) = (props.on_saved.clone(), editing.clone());
            Callback::from(move |p: PartnerProgramme| {
                editing.set(false);
                on_saved.emit(p);
            })
        };
        let on_cancel = {
            let (editing, edit_id) = (editing.clone(), edit_id.clone());
            Callback::from(move |()| {
                editing.set(false);
                crate::forms::focus_element(&edit_id);
            })
        };
        html! {
            <ProgrammeForm partner_id={p.partner_id} programme={Some(p.clone())}
                prefectures={props.prefectures.clone()} places={props.places.clone()}
                on_places_retry={props.on_places_retry.clone()} {on_saved} on_cancel={Some(on_cancel)} />
        }
    } else if *confirming {
        let on_yes = {
            let (session, on_deleted, id, title) = (
                session.clone(),
                props.on_deleted.clone(),
                p.id,
                p.title.clone(),
            );
            let (errors, problem, busy) = (errors.clone(), problem.clone(), busy.clone());
            Callback::from(move |_: MouseEvent| {
                if *busy {
                    return;
                }
                let (on_deleted, title) = (on_deleted.clone(), title.clone());
                send(
                    &session,
                    (&errors, &problem, &busy),
                    move |c: ApiClient| async move { c.delete_programme(id).await },
                    move |()| on_deleted.emit((id, title)),
                );
            })
        };
        let on_no = {
            let (confirming, delete_id, problem) =
                (confirming.clone(), delete_id.clone(), problem.clone());
            Callback::from(move |_: MouseEvent| {
                problem.set(None);
                confirming.set(false);
                crate::forms::focus_element(&delete_id);
            })
        };
        html! {
            <div class="panel confirm" role="group" aria-labelledby={format!("pg-{}-ask", p.id)}>
                <p id={format!("pg-{}-ask", p.id)}>{ Msg::PgDeleteConfirm.t(lang).replace("{title}", &p.title) }</p>
                if let Some(error) = (*problem).clone() {
                    <ErrorAlert {error} />
                }
                <div class="form-actions">
                    <button type="button" id={yes_id.clone()} class="button danger" onclick={on_yes} disabled={*busy}>
                        { if *busy { Msg::PgDeleting.t(lang) } else { Msg::PgDeleteYes.t(lang) } }
                    </button>
                    <button type="button" class="button secondary" onclick={on_no}>{ Msg::PgDeleteNo.t(lang) }</button>
                </div>
            </div>
        }
    } else {
        let on_edit = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(true))
        };
        let on_delete = {
            let (confirming, yes_id) = (confirming.clone(), yes_id.clone());
            Callback::from(move |_: MouseEvent| {
                confirming.set(true);
                // The question takes the button's place; focus its answer once drawn.
                let yes_id = yes_id.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    crate::forms::focus_element(&yes_id)
                })
                .forget();
            })
        };
        html! {
            <div class="card-actions">
                <button type="button" id={edit_id.clone()} class="button secondary" onclick={on_edit}>
                    { Msg::PgEdit.t(lang) }
                    <span class="visually-hidden">{ format!(" {}", p.title) }</span>
                </button>
                <button type="button" id={delete_id.clone()} class="button secondary" onclick={on_delete}>
                    { Msg::PgDelete.t(lang) }
                    <span class="visually-hidden">{ format!(" {}", p.title) }</span>
                </button>
            </div>
        }
    };
    html! {
        <li class="card">
            <h3 class="card-title">{ p.title.clone() }</h3>
            <dl class="details">
                { row(Msg::PgPrefecture, place_names(lang, &props.places, std::slice::from_ref(&p.prefecture_code))) }
                { row(Msg::PgAmount, p.amount.clone()) }
                { row(Msg::PgEligibility, p.eligibility.clone()) }
            </dl>
            <p><a href={p.url.clone()} target="_blank" rel="noopener noreferrer">{ p.url.clone() }</a></p>
            { actions }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ProgrammeFormProps {
    partner_id: i64,
    /// The programme being changed; `None` adds one.
    programme: Option<PartnerProgramme>,
    prefectures: Vec<String>,
    places: Remote<Rc<Vec<Prefecture>>>,
    on_places_retry: Callback<()>,
    on_saved: Callback<PartnerProgramme>,
    #[prop_or_default]
    on_cancel: Option<Callback<()>>,
}

fn draft_of(p: Option<&PartnerProgramme>, prefectures: &[String]) -> ProgrammeInput {
    match p {
        Some(p) => ProgrammeInput {
            prefecture_code: p.prefecture_code.clone(),
            title: p.title.clone(),
            amount: p.amount.clone(),
            eligibility: p.eligibility.clone(),
            url: p.url.clone(),
        },
        // One covered prefecture is chosen for the person; several need a choice.
        None => ProgrammeInput {
            prefecture_code: match prefectures {
                [only] => only.clone(),
                _ => String::new(),
            },
            title: String::new(),
            amount: String::new(),
            eligibility: String::new(),
            url: String::new(),
        },
    }
}

#[function_component(ProgrammeForm)]
fn programme_form(props: &ProgrammeFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let draft = {
        let (p, prefs) = (props.programme.clone(), props.prefectures.clone());
        use_state(move || draft_of(p.as_ref(), &prefs))
    };
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let prefix = match &props.programme {
        Some(p) => format!("pg-{}", p.id),
        None => "pg-new".to_owned(),
    };
    let ids = |f: &str| format!("{prefix}-{f}");
    let order = [
        ("prefecture_code", ids("pref")),
        ("title", ids("title")),
        ("amount", ids("amount")),
        ("eligibility", ids("elig")),
        ("url", ids("url")),
    ];

    let onsubmit = {
        let (session, draft, errors, problem, busy) = (
            session.clone(),
            draft.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
        );
        let (partner_id, editing, on_saved, prefectures) = (
            props.partner_id,
            props.programme.as_ref().map(|p| p.id),
            props.on_saved.clone(),
            props.prefectures.clone(),
        );
        let order = order.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let order: Vec<(&str, &str)> = order.iter().map(|(f, i)| (*f, i.as_str())).collect();
            let input = ProgrammeInput {
                prefecture_code: draft.prefecture_code.clone(),
                title: draft.title.trim().to_owned(),
                amount: draft.amount.trim().to_owned(),
                eligibility: draft.eligibility.trim().to_owned(),
                url: draft.url.trim().to_owned(),
            };
            if let Err(invalid) = input.validate() {
                let invalid = FormErrors::from_validation(invalid);
                invalid.focus_first(&order);
                errors.set(invalid);
                return;
            }
            let (draft, on_saved, prefectures) =
                (draft.clone(), on_saved.clone(), prefectures.clone());
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let input = input.clone();
                    async move {
                        match editing {
                            Some(id) => {
                                let patch = ProgrammePatch {
                                    prefecture_code: Some(input.prefecture_code),
                                    title: Some(input.title),
                                    amount: Some(input.amount),
                                    eligibility: Some(input.eligibility),
                                    url: Some(input.url),
                                };
                                c.update_programme(id, &patch).await
                            }
                            None => c.create_programme(partner_id, &input).await,
                        }
                    }
                },
                move |saved| {
                    if editing.is_none() {
                        draft.set(draft_of(None, &prefectures));
                    }
                    on_saved.emit(saved);
                },
            );
        })
    };

    let setter = |field: &'static str, apply: fn(&mut ProgrammeInput, String)| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |v: String| {
            let mut next = (*draft).clone();
            apply(&mut next, v);
            draft.set(next);
            clear_error(&errors, field);
        })
    };
    let options = props.places.map(|_| {
        vec![(
            None,
            props
                .prefectures
                .iter()
                .map(|code| {
                    (
                        code.clone(),
                        place_names(lang, &props.places, std::slice::from_ref(code)),
                    )
                })
                .collect(),
        )]
    });
    // The API says `not_allowed` for a prefecture the partner does not cover; say it plainly.
    let prefecture_error = errors.get("prefecture_code").map(|m| {
        if m == Msg::FeNotAllowed {
            Msg::FeNotCovered
        } else {
            m
        }
    });
    let cancel = props.on_cancel.clone().map(|on_cancel| {
        let onclick = Callback::from(move |_: MouseEvent| on_cancel.emit(()));
        html! {
            <button type="button" class="button secondary" {onclick}>{ Msg::PtCancel.t(lang) }</button>
        }
    });
    let (title, submit) = if props.programme.is_some() {
        (Msg::PgEditTitle, Msg::PtSave)
    } else {
        (Msg::PgAddTitle, Msg::PgAdd)
    };
    let title_id = ids("form-title");
    html! {
        <form class="panel admin-form" {onsubmit} novalidate=true aria-labelledby={title_id.clone()}>
            <@{if props.programme.is_some() { "h4" } else { "h3" }} id={title_id}>{ title.t(lang) }</@>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} kept_input=true />
            }
            <SelectField id={ids("pref")} label={Msg::FieldPgPrefecture} hint={Msg::HintPgPrefecture}
                value={draft.prefecture_code.clone()} on_change={setter("prefecture_code", |d, v| d.prefecture_code = v)}
                {options} on_retry={props.on_places_retry.clone()} error={prefecture_error} />
            <TextField id={ids("title")} label={Msg::FieldPgTitle} hint={Msg::HintPgTitle}
                value={draft.title.clone()} on_input={setter("title", |d, v| d.title = v)}
                error={errors.get("title")} />
            <TextField id={ids("amount")} label={Msg::FieldPgAmount} hint={Msg::HintPgAmount}
                value={draft.amount.clone()} on_input={setter("amount", |d, v| d.amount = v)}
                error={errors.get("amount")} />
            <TextArea id={ids("elig")} label={Msg::FieldPgEligibility} hint={Msg::HintPgEligibility}
                value={draft.eligibility.clone()} on_input={setter("eligibility", |d, v| d.eligibility = v)}
                rows={3} error={errors.get("eligibility")} />
            <TextField id={ids("url")} label={Msg::FieldPgUrl} hint={Msg::HintPgUrl} input_type="url"
                value={draft.url.clone()} on_input={setter("url", |d, v| d.url = v)}
                error={errors.get("url")} />
            <div class="form-actions">
                <button type="submit" class="button primary" disabled={*busy}>
                    { if *busy { Msg::PtSaving.t(lang) } else { submit.t(lang) } }
                </button>
                { for cancel }
            </div>
        </form>
    }
}
