//! `/partner`: a partner's home. What the organisation covers and has referred, the referral
//! link and the widget's tag to copy, the sites allowed to show the widget (editable by the
//! partner's own staff), doors to the figures and integrations, and the programmes editor.

use std::rc::Rc;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::embed::WidgetFigures;
use kakehashi_shared::enums::Role;
use kakehashi_shared::partner::{OriginsInput, Partner};
use kakehashi_shared::reference::Prefecture;
use kakehashi_shared::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use super::integrations::copy_text;
use super::programmes::ProgrammesEditor;
use crate::api::ApiError;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::forms::{send, FormErrors};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{partner_kind_name, use_lang, Lang, Msg};
use crate::pages::company::common::{RoleGate, TextArea};
use crate::reference::{place_names, prefectures};
use crate::routes::{PartnerQuery, Route};
use crate::session::use_session;

#[function_component(PartnerHomePage)]
pub fn partner_home_page() -> Html {
    use_title(Msg::PtTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Partner]} refusal={Msg::PtNotPartner}>
                <Home />
            </RoleGate>
        </RequireSession>
    }
}

/// The partner of the signed-in staff member. An admin has none: the one named in the query
/// (from the partners list), or a pointer to that list.
#[function_component(Home)]
fn home() -> Html {
    let lang = use_lang();
    let session = use_session();
    let asked = use_location()
        .and_then(|l| l.query::<PartnerQuery>().ok())
        .and_then(|q| q.partner);
    let partner_id = session.session().and_then(|s| match &s.user.partner {
        Some(own) => Some(own.id),
        None if s.user.role == Role::Admin => asked,
        None => None,
    });
    match partner_id {
        Some(id) => html! { <PartnerHome {id} /> },
        None => html! {
            <section class="page narrow">
                <h1>{ Msg::PtTitle.t(lang) }</h1>
                <div class="alert info" role="status">
                    <p>{ Msg::PtAdminHint.t(lang) }</p>
                    <p><Link<Route> to={Route::AdminPartners}>{ Msg::AdNavPartners.t(lang) }</Link<Route>></p>
                </div>
            </section>
        },
    }
}

#[derive(Properties, PartialEq)]
struct PartnerHomeProps {
    id: i64,
}

#[function_component(PartnerHome)]
fn partner_home(props: &PartnerHomeProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let id = props.id;
    let (loaded, retry) = use_remote(move || async move {
        session
            .call(move |c: ApiClient| async move { c.partner(id).await })
            .await
    });
    let (places, places_retry) = use_remote(prefectures);
    // Views and clicks of the widget; the page is useful without them, so a failure is a line
    // in the organisation's table rather than an error over the page.
    let widget_session = use_session();
    let (widget, _) = use_remote(move || async move {
        widget_session
            .call(move |c: ApiClient| async move { c.partner_widget(id).await })
            .await
    });
    // The record as saved on this page (after the origins change), over what was loaded.
    let saved = use_state(|| None::<Partner>);
    let on_saved = {
        let saved = saved.clone();
        Callback::from(move |p: Partner| saved.set(Some(p)))
    };

    let body = match (&*saved, &loaded) {
        (Some(partner), _) | (None, Remote::Ready(partner)) => {
            let partner = partner.clone();
            html! {
                <>
                    { organisation(lang, &partner, &places, &widget) }
                    <ReferralLink partner={partner.clone()} />
                    <Widget partner={partner.clone()} places={places.clone()} />
                    <Origins partner={partner.clone()} {on_saved} />
                    { doors(lang) }
                    <ProgrammesEditor partner_id={partner.id}
                        prefectures={partner.prefecture_codes.clone()}
                        places={places.clone()} on_places_retry={places_retry.clone()} />
                </>
            }
        }
        (None, Remote::Loading) => html! { <Loading /> },
        (None, Remote::Failed(error)) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry.clone()} /> }
        }
    };
    html! {
        <section class="page narrow partner-home">
            <h1>{ Msg::PtTitle.t(lang) }</h1>
            <p class="lead">{ Msg::PtLead.t(lang) }</p>
            { body }
        </section>
    }
}

fn row(lang: Lang, label: Msg, value: String) -> Html {
    html! {
        <div class="detail-row">
            <dt>{ label.t(lang) }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

fn organisation(
    lang: Lang,
    p: &Partner,
    places: &Remote<Rc<Vec<Prefecture>>>,
    widget: &Remote<WidgetFigures>,
) -> Html {
    let widget = match widget {
        Remote::Ready(w) => Msg::PtWidgetCount
            .t(lang)
            .replace("{views}", &w.views.to_string())
            .replace("{clicks}", &w.clicks.to_string()),
        Remote::Loading => Msg::PtWidgetLoading.t(lang).to_owned(),
        Remote::Failed(_) => Msg::PtWidgetUnknown.t(lang).to_owned(),
    };
    let referred = Msg::PtReferredCount
        .t(lang)
        .replace("{companies}", &p.referred_companies.to_string())
        .replace("{talents}", &p.referred_talents.to_string());
    html! {
        <section class="block" aria-labelledby="pt-org-title">
            <h2 id="pt-org-title">{ Msg::PtOrganisation.t(lang) }</h2>
            <dl class="details">
                { row(lang, Msg::PtName, p.name.clone()) }
                { row(lang, Msg::PtKind, partner_kind_name(p.kind).t(lang).to_owned()) }
                { row(lang, Msg::PtPrefectures, place_names(lang, places, &p.prefecture_codes)) }
                { row(lang, Msg::PtReferred, referred) }
                { row(lang, Msg::PtWidgetUse, widget) }
            </dl>
        </section>
    }
}

/// The site's own address (`https://kakehashi.example`), which links and the tag start with.
fn site_origin() -> String {
    gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
struct PartnerProps {
    partner: Partner,
}

#[function_component(ReferralLink)]
fn referral_link(props: &PartnerProps) -> Html {
    let lang = use_lang();
    let status = use_state(|| None::<Msg>);
    let link = format!("{}{}", site_origin(), props.partner.referral_link);
    let onclick = {
        let (link, status) = (link.clone(), status.clone());
        Callback::from(move |_: MouseEvent| copy_text(link.clone(), status.clone()))
    };
    html! {
        <section class="block" aria-labelledby="pt-ref-title">
            <h2 id="pt-ref-title">{ Msg::PtReferralTitle.t(lang) }</h2>
            <div class="field">
                <label for="pt-ref-link">{ Msg::PtReferralTitle.t(lang) }</label>
                <p class="hint" id="pt-ref-hint">{ Msg::PtReferralHint.t(lang) }</p>
                <input id="pt-ref-link" type="text" readonly=true value={link}
                    aria-describedby="pt-ref-hint" />
            </div>
            <p class="hint">{ format!("{}: {}", Msg::PtReferralCode.t(lang), props.partner.referral_code) }</p>
            <div class="form-actions">
                <button type="button" class="button secondary" {onclick}>{ Msg::PtCopyLink.t(lang) }</button>
                <span role="status" class="saved">{ status.map(|m| m.t(lang)).unwrap_or_default() }</span>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WidgetProps {
    partner: Partner,
    places: Remote<Rc<Vec<Prefecture>>>,
}

/// The `<script>` tag for one of the partner's prefectures, in the page's language.
#[function_component(Widget)]
fn widget(props: &WidgetProps) -> Html {
    let lang = use_lang();
    let status = use_state(|| None::<Msg>);
    let first = props
        .partner
        .prefecture_codes
        .first()
        .cloned()
        .unwrap_or_default();
    let chosen = use_state(move || first);
    let lang_code = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    let tag = format!(
        r#"<script src="{}/widget.js" data-partner="{}" data-prefecture="{}" data-limit="5" data-lang="{lang_code}"></script>"#,
        site_origin(),
        props.partner.referral_code,
        *chosen
    );
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(crate::forms::select_value(&e)))
    };
    let onclick = {
        let (tag, status) = (tag.clone(), status.clone());
        Callback::from(move |_: MouseEvent| copy_text(tag.clone(), status.clone()))
    };
    html! {
        <section class="block" aria-labelledby="pt-widget-title">
            <h2 id="pt-widget-title">{ Msg::PtWidgetTitle.t(lang) }</h2>
            <p>{ Msg::PtWidgetLead.t(lang) }</p>
            <div class="field">
                <label for="pt-widget-pref">{ Msg::PtWidgetPrefecture.t(lang) }</label>
                <select id="pt-widget-pref" {onchange}>
                    { for props.partner.prefecture_codes.iter().map(|code| {
                        let name = place_names(lang, &props.places, std::slice::from_ref(code));
                        html! { <option value={code.clone()} selected={*code == *chosen}>{ name }</option> }
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="pt-widget-tag">{ Msg::PtWidgetTag.t(lang) }</label>
                <textarea id="pt-widget-tag" class="code" rows="4" readonly=true value={tag} />
            </div>
            <div class="form-actions">
                <button type="button" class="button secondary" {onclick}>{ Msg::PtCopyTag.t(lang) }</button>
                <span role="status" class="saved">{ status.map(|m| m.t(lang)).unwrap_or_default() }</span>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OriginsProps {
    partner: Partner,
    on_saved: Callback<Partner>,
}

/// The sites allowed to show the widget, one per line when editing.
#[function_component(Origins)]
fn origins(props: &OriginsProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let editing = use_state(|| false);
    let text = use_state(String::new);
    let errors = use_state(FormErrors::default);
    let problem = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);
    let p = &props.partner;

    let on_edit = {
        let (editing, text, saved, current) = (
            editing.clone(),
            text.clone(),
            saved.clone(),
            p.origins.join("\n"),
        );
        Callback::from(move |_: MouseEvent| {
            text.set(current.clone());
            saved.set(false);
            editing.set(true);
        })
    };
    let on_cancel = {
        let (editing, errors, problem) = (editing.clone(), errors.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            errors.set(FormErrors::default());
            problem.set(None);
            editing.set(false);
            crate::forms::focus_element("pt-origins-edit");
        })
    };
    let on_input = {
        let (text, errors) = (text.clone(), errors.clone());
        Callback::from(move |v: String| {
            text.set(v);
            errors.set(FormErrors::default());
        })
    };
    let onsubmit = {
        let (session, text, errors, problem, busy, editing, saved) = (
            session.clone(),
            text.clone(),
            errors.clone(),
            problem.clone(),
            busy.clone(),
            editing.clone(),
            saved.clone(),
        );
        let (id, on_saved) = (p.id, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let input = OriginsInput {
                origins: text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            };
            if let Err(invalid) = input.validate() {
                errors.set(FormErrors::from_validation(invalid));
                crate::forms::focus_element("pt-origins");
                return;
            }
            let (editing, saved, on_saved) = (editing.clone(), saved.clone(), on_saved.clone());
            send(
                &session,
                (&errors, &problem, &busy),
                move |c: ApiClient| {
                    let input = input.clone();
                    async move { c.update_partner_origins(id, &input).await }
                },
                move |partner| {
                    editing.set(false);
                    saved.set(true);
                    on_saved.emit(partner);
                },
            );
        })
    };

    let current = if p.origins.is_empty() {
        html! { <p class="empty">{ Msg::PtOriginsEmpty.t(lang) }</p> }
    } else {
        html! {
            <ul class="plain-list">
                { for p.origins.iter().map(|o| html! { <li><code>{ o.clone() }</code></li> }) }
            </ul>
        }
    };
    let form = if *editing {
        html! {
            <form class="panel" {onsubmit} novalidate=true>
                if let Some(error) = (*problem).clone() {
                    <ErrorAlert {error} kept_input=true />
                }
                <TextArea id="pt-origins" label={Msg::FieldOrigins} hint={Msg::HintOrigins}
                    value={(*text).clone()} {on_input} required={false} rows={4}
                    error={errors.get_list("origins")} />
                <div class="form-actions">
                    <button type="submit" class="button primary" disabled={*busy}>
                        { if *busy { Msg::PtSaving.t(lang) } else { Msg::PtSave.t(lang) } }
                    </button>
                    <button type="button" class="button secondary" onclick={on_cancel}>{ Msg::PtCancel.t(lang) }</button>
                </div>
            </form>
        }
    } else {
        html! {
            <div class="card-actions">
                <button type="button" id="pt-origins-edit" class="button secondary" onclick={on_edit}>
                    { Msg::PtOriginsEdit.t(lang) }
                </button>
            </div>
        }
    };
    html! {
        <section class="block" aria-labelledby="pt-origins-title">
            <h2 id="pt-origins-title">{ Msg::PtOriginsTitle.t(lang) }</h2>
            <p>{ Msg::PtOriginsLead.t(lang) }</p>
            if *saved {
                <p class="saved" role="status">{ Msg::PtOriginsSaved.t(lang) }</p>
            }
            { current }
            { form }
        </section>
    }
}

/// Doors to the partner's figures and integrations (other pages of this bundle).
fn doors(lang: Lang) -> Html {
    let door = |route: Route, title: Msg, text: Msg| {
        html! {
            <li class="card">
                <h3 class="card-title"><Link<Route> to={route}>{ title.t(lang) }</Link<Route>></h3>
                <p>{ text.t(lang) }</p>
            </li>
        }
    };
    html! {
        <section class="block" aria-labelledby="pt-links-title">
            <h2 id="pt-links-title">{ Msg::PtLinksTitle.t(lang) }</h2>
            <ul class="card-list">
                { door(Route::StatsDashboard, Msg::PtToStats, Msg::PtToStatsDesc) }
                { door(Route::Integrations, Msg::PtToIntegrations, Msg::PtToIntegrationsDesc) }
            </ul>
        </section>
    }
}
