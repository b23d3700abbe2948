//! 「データとプライバシー」 on the account page: download one's data, review and withdraw
//! consents, delete the account (APPI: 開示・利用停止・削除). What is kept and why:
//! docs/PRIVACY.md; the texts here say the same in plain words.

use gloo::storage::Storage as _;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::privacy::{Consent, ConsentKind, DeleteAccountRequest};
use kakehashi_shared::Page;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, Notice, TextField};
use crate::hooks::{use_remote, Remote};
use crate::i18n::{format_date, use_lang, Lang, Msg};
use crate::session::use_session;

/// The query the top page reads to say the account was deleted (a full page load: the top
/// page is another bundle).
const DELETED_QUERY: &str = "account=deleted";
/// Where `session` keeps the signed-in session (`session.rs`, `STORAGE_KEY`).
const SESSION_STORAGE_KEY: &str = "kakehashi.session";

#[derive(Properties, PartialEq)]
pub struct PrivacySectionProps {
    pub role: Role,
}

#[function_component(PrivacySection)]
pub fn privacy_section(props: &PrivacySectionProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="block privacy" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{ Msg::PvTitle.t(lang) }</h2>
            <p>{ Msg::PvLead.t(lang) }</p>
            <ExportData />
            <Consents />
            if props.role.is_staff() {
                <h3>{ Msg::PvDeleteTitle.t(lang) }</h3>
                <p>{ Msg::PvStaffNote.t(lang) }</p>
            } else {
                <DeleteAccount />
            }
        </section>
    }
}

/// `kakehashi-export-YYYYMMDD.json` by the browser's date, as the server names it.
fn export_filename() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "kakehashi-export-{:04}{:02}{:02}.json",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

#[derive(Clone, PartialEq)]
enum Export {
    Idle,
    Busy,
    Done,
    Failed(ApiError),
}

#[function_component(ExportData)]
fn export_data() -> Html {
    let lang = use_lang();
    let session = use_session();
    let state = use_state(|| Export::Idle);
    let start = {
        let (session, state) = (session.clone(), state.clone());
        Callback::from(move |()| {
            let (session, state) = (session.clone(), state.clone());
            state.set(Export::Busy);
            spawn_local(async move {
                let got = session
                    .call(|c: ApiClient| async move { c.get_bytes("/api/v1/me/export").await })
                    .await;
                state.set(match got {
                    Ok(bytes) => {
                        crate::download::save(&bytes, &export_filename(), "application/json");
                        Export::Done
                    }
                    Err(error) => Export::Failed(error),
                });
            });
        })
    };
    let busy = *state == Export::Busy;
    let onclick = {
        let start = start.clone();
        Callback::from(move |_: MouseEvent| start.emit(()))
    };
    html! {
        <div class="privacy-part">
            <h3>{ Msg::PvExportTitle.t(lang) }</h3>
            <p>{ Msg::PvExportText.t(lang) }</p>
            <div class="form-actions">
                <button type="button" class="button primary" disabled={busy} {onclick} id="privacy-export">
                    { if busy { Msg::PvExporting.t(lang) } else { Msg::PvExportButton.t(lang) } }
                </button>
            </div>
            if busy {
                <Loading />
            }
            if *state == Export::Done {
                <div class="alert success" role="status"><p>{ Msg::PvExported.t(lang) }</p></div>
            }
            if let Export::Failed(error) = (*state).clone() {
                <ErrorAlert {error} on_retry={start} />
            }
        </div>
    }
}

fn kind_name(kind: ConsentKind) -> Msg {
    match kind {
        ConsentKind::Terms => Msg::PvConsentTerms,
        ConsentKind::PrivacyPolicy => Msg::PvConsentPrivacy,
        ConsentKind::CaseStudy => Msg::PvConsentCaseStudy,
    }
}

#[function_component(Consents)]
fn consents() -> Html {
    let lang = use_lang();
    let session = use_session();
    let (list, retry) = {
        let session = session.clone();
        use_remote(move || async move {
            session
                .call(|c: ApiClient| async move { c.my_consents().await })
                .await
        })
    };
    let body = match list {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={retry} /> },
        Remote::Ready(Page { items, .. }) if items.is_empty() => {
            html! { <p>{ Msg::PvConsentsEmpty.t(lang) }</p> }
        }
        Remote::Ready(Page { items, .. }) => html! {
            <ul class="consent-list">
                { for items.into_iter().map(|c| {
                    let key = c.id;
                    html! { <ConsentRow {key} consent={c} on_changed={retry.clone()} /> }
                }) }
            </ul>
        },
    };
    html! {
        <div class="privacy-part">
            <h3>{ Msg::PvConsentsTitle.t(lang) }</h3>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ConsentRowProps {
    consent: Consent,
    on_changed: Callback<()>,
}

#[function_component(ConsentRow)]
fn consent_row(props: &ConsentRowProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let busy = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let c = &props.consent;
    let withdraw = {
        let (session, busy, problem, on_changed, id) = (
            session.clone(),
            busy.clone(),
            problem.clone(),
            props.on_changed.clone(),
            c.id,
        );
        Callback::from(move |_: MouseEvent| {
            let (session, busy, problem, on_changed) = (
                session.clone(),
                busy.clone(),
                problem.clone(),
                on_changed.clone(),
            );
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let done = session
                    .call(move |c: ApiClient| async move { c.withdraw_consent(id).await })
                    .await;
                busy.set(false);
                match done {
                    Ok(_) => on_changed.emit(()),
                    Err(error) => problem.set(Some(error)),
                }
            });
        })
    };
    let title = match &c.case_study_title {
        Some(t) => format!("{}：{}", kind_name(c.kind).t(lang), t),
        None => kind_name(c.kind).t(lang).to_owned(),
    };
    html! {
        <li class="card consent">
            <p class="card-title">{ title }</p>
            <dl class="details">
                <div class="detail-row">
                    <dt>{ Msg::PvConsentVersion.t(lang) }</dt>
                    <dd translate="no">{ c.version.clone() }</dd>
                </div>
                <div class="detail-row">
                    <dt>{ Msg::PvConsentGranted.t(lang) }</dt>
                    <dd>{ format_date(lang, &c.granted_at) }</dd>
                </div>
                if let Some(at) = c.withdrawn_at {
                    <div class="detail-row">
                        <dt>{ Msg::PvConsentWithdrawn.t(lang) }</dt>
                        <dd>{ format_date(lang, &at) }</dd>
                    </div>
                }
            </dl>
            if let Some(error) = (*problem).clone() {
                <ErrorAlert {error} />
            }
            if c.withdrawable {
                <p class="hint">{ Msg::PvWithdrawHint.t(lang) }</p>
                <button type="button" class="button secondary" disabled={*busy} onclick={withdraw}>
                    { if *busy { Msg::PvWithdrawing.t(lang) } else { Msg::PvWithdraw.t(lang) } }
                </button>
            }
        </li>
    }
}

/// What a refused deletion means, in words; `None` for problems the general alert explains.
fn refusal(error: &ApiError) -> Option<Msg> {
    match error {
        ApiError::Problem(p) if p.code == "active_engagement" => Some(Msg::PvActiveEngagement),
        ApiError::Problem(p) if p.code == "last_company_member" => Some(Msg::PvLastMember),
        _ => None,
    }
}

fn explain(lang: Lang) -> Html {
    let items = |msgs: &[Msg]| {
        html! { <ul>{ for msgs.iter().map(|m| html! { <li>{ m.t(lang) }</li> }) }</ul> }
    };
    html! {
        <>
            <h4>{ Msg::PvDeleteWhat.t(lang) }</h4>
            { items(&[Msg::PvDeleteWhat1, Msg::PvDeleteWhat2, Msg::PvDeleteWhat3, Msg::PvDeleteWhat4]) }
            <h4>{ Msg::PvDeleteKept.t(lang) }</h4>
            { items(&[Msg::PvDeleteKept1, Msg::PvDeleteKept2]) }
            <p><strong>{ Msg::PvDeleteBefore.t(lang) }</strong></p>
        </>
    }
}

#[function_component(DeleteAccount)]
fn delete_account() -> Html {
    let lang = use_lang();
    let session = use_session();
    let password = use_state(String::new);
    let confirmed = use_state(|| false);
    let field_error = use_state(|| None::<Msg>);
    let confirm_error = use_state(|| None::<Msg>);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let on_password = {
        let (password, field_error) = (password.clone(), field_error.clone());
        Callback::from(move |v: String| {
            password.set(v);
            field_error.set(None);
        })
    };
    let on_confirm = {
        let (confirmed, confirm_error) = (confirmed.clone(), confirm_error.clone());
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            confirmed.set(checked);
            confirm_error.set(None);
        })
    };
    let onsubmit = {
        let (session, password, confirmed) = (session.clone(), password.clone(), confirmed.clone());
        let (field_error, confirm_error, problem, busy) = (
            field_error.clone(),
            confirm_error.clone(),
            problem.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut ok = true;
            if password.is_empty() {
                field_error.set(Some(Msg::FeRequired));
                ok = false;
            }
            if !*confirmed {
                confirm_error.set(Some(Msg::PvDeleteConfirmRequired));
                ok = false;
            }
            if !ok {
                return;
            }
            let body = DeleteAccountRequest {
                password: (*password).clone(),
            };
            let (session, field_error, problem, busy) = (
                session.clone(),
                field_error.clone(),
                problem.clone(),
                busy.clone(),
            );
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let done = session
                    .call(move |c: ApiClient| {
                        let body = body.clone();
                        async move { c.delete_my_account(&body).await }
                    })
                    .await;
                match done {
                    Ok(()) => {
                        // The server revoked every session already. Forget this one in storage
                        // and load the top page at once: signing out through the session
                        // store would first send this page to the sign-in form.
                        gloo::storage::LocalStorage::delete(SESSION_STORAGE_KEY);
                        let _ = gloo::utils::window()
                            .location()
                            .replace(&format!("/?{DELETED_QUERY}"));
                    }
                    Err(error) => {
                        busy.set(false);
                        if error.field_errors().iter().any(|f| f.field == "password") {
                            field_error.set(Some(Msg::PvWrongPassword));
                        } else {
                            problem.set(Some(error));
                        }
                    }
                }
            });
        })
    };
    let refused = (*problem).as_ref().and_then(refusal);
    html! {
        <div class="privacy-part">
            <h3>{ Msg::PvDeleteTitle.t(lang) }</h3>
            { explain(lang) }
            <form class="form" novalidate=true {onsubmit} aria-labelledby="privacy-delete-title">
                <span id="privacy-delete-title" class="visually-hidden">{ Msg::PvDeleteTitle.t(lang) }</span>
                if let Some(msg) = refused {
                    <div class="alert error" role="alert"><p>{ msg.t(lang) }</p></div>
                } else if let Some(error) = (*problem).clone() {
                    <ErrorAlert {error} />
                }
                <TextField
                    id="delete-password"
                    label={Msg::PvDeletePassword}
                    hint={Msg::PvDeletePasswordHint}
                    value={(*password).clone()}
                    on_input={on_password}
                    error={*field_error}
                    input_type="password"
                    autocomplete="current-password"
                    disabled={*busy}
                />
                <div class={classes!("field", confirm_error.is_some().then_some("invalid"))}>
                    <label class="tick" for="delete-confirm">
                        <input type="checkbox" id="delete-confirm" checked={*confirmed}
                            onchange={on_confirm} disabled={*busy}
                            aria-describedby="delete-confirm-error"
                            aria-invalid={if confirm_error.is_some() { "true" } else { "false" }} />
                        <span>{ Msg::PvDeleteConfirm.t(lang) }</span>
                    </label>
                    <p class="error" id="delete-confirm-error">
                        { for confirm_error.map(|m| m.t(lang)) }
                    </p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button danger" disabled={*busy} id="privacy-delete">
                        { if *busy { Msg::PvDeleting.t(lang) } else { Msg::PvDeleteButton.t(lang) } }
                    </button>
                </div>
            </form>
        </div>
    }
}

/// On the top page after a deletion: says the account is gone.
#[function_component(AccountDeletedNotice)]
pub fn account_deleted_notice() -> Html {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == DELETED_QUERY)
    {
        html! { <Notice message={Msg::PvDeletedDone} /> }
    } else {
        Html::default()
    }
}
