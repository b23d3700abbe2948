//! `/stats/dashboard`: the figures for hub coordinators (their hub's prefectures), partner
//! staff (what their organisation referred) and admins (everything, with partner and hub
//! filters). The server holds each role to its scope; the page only offers what applies.

use std::rc::Rc;

use chrono::NaiveDate;
use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use kakehashi_shared::stats::{Stats, StatsFilter};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::figures::{is_empty, Csv, Figures};
use super::select_changed;
use crate::api::ApiError;

use crate::components::{ErrorAlert, Loading, RequireSession, SelectGroup};
use crate::forms::input_value;
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Lang, Msg};
use crate::pages::company::common::RoleGate;
use crate::reference::{self, prefecture_groups};
use crate::session::use_session;

#[function_component(StatsDashboardPage)]
pub fn stats_dashboard_page() -> Html {
    use_title(Msg::StDashTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::Coordinator, Role::Partner]} refusal={Msg::StDashRefusal}>
                <Dashboard />
            </RoleGate>
        </RequireSession>
    }
}

/// The filters as typed, before they are checked and applied.
#[derive(Clone, Default, PartialEq)]
struct Form {
    from: String,
    to: String,
}

/// The message beside a filter for the server's (or this page's) field error.
fn filter_error(field: &str, code: &str) -> Msg {
    match (field, code) {
        ("to", "out_of_range") => Msg::StErrToBeforeFrom,
        ("prefecture", "not_allowed") => Msg::StErrOutsideHub,
        ("from" | "to" | "query", _) => Msg::StErrDate,
        _ => Msg::FeChoose,
    }
}

fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

#[function_component(Dashboard)]
fn dashboard() -> Html {
    let lang = use_lang();
    let session = use_session();
    let role = session.session().map(|s| s.user.role);
    let is_admin = role == Some(Role::Admin);

    let form = use_state(Form::default);
    let prefecture = use_state(String::new);
    let partner = use_state(String::new);
    let hub = use_state(String::new);
    let errors = use_state(Vec::<(String, Msg)>::new);
    let applied = use_state(StatsFilter::default);
    let attempt = use_state(|| 0u32);
    let data = use_state(|| Remote::<Rc<Stats>>::Loading);
    let csv_busy = use_state(|| None::<&'static str>);
    let csv_error = use_state(|| None::<ApiError>);

    {
        let (data, errors, session) = (data.clone(), errors.clone(), session.clone());
        use_effect_with(((*applied).clone(), *attempt), move |(filter, _)| {
            let filter = filter.clone();
            data.set(Remote::Loading);
            spawn_local(async move {
                let result = session
                    .call(|c: ApiClient| {
                        let filter = filter.clone();
                        async move { c.stats(&filter).await }
                    })
                    .await;
                match result {
                    Ok(stats) => data.set(Remote::Ready(Rc::new(stats))),
                    Err(error) => {
                        errors.set(
                            error
                                .field_errors()
                                .iter()
                                .map(|e| (e.field.clone(), filter_error(&e.field, &e.code)))
                                .collect(),
                        );
                        data.set(Remote::Failed(error));
                    }
                }
            });
        });
    }

    let (prefectures, retry_prefectures) = use_remote(reference::prefectures);
    let partners = {
        let session = session.clone();
        use_remote(move || async move {
            if !is_admin {
                return Ok(Vec::new());
            }
            session
                .call(|c: ApiClient| async move { c.admin_partners().await })
                .await
                .map(|page| page.items.into_iter().map(|p| (p.id, p.name)).collect())
        })
    };
    let hubs = {
        let session = session.clone();
        use_remote(move || async move {
            if !is_admin {
                return Ok(Vec::new());
            }
            session
                .call(|c: ApiClient| async move { c.admin_hubs().await })
                .await
                .map(|page| page.items.into_iter().map(|h| (h.id, h.name)).collect())
        })
    };

    let error_for = |field: &str| -> Option<Msg> {
        errors
            .iter()
            .find(|(f, _)| f == field || (field == "from" && f == "query"))
            .map(|(_, m)| *m)
    };

    let onsubmit = {
        let (form, prefecture, partner, hub) = (
            form.clone(),
            prefecture.clone(),
            partner.clone(),
            hub.clone(),
        );
        let (errors, applied, attempt) = (errors.clone(), applied.clone(), attempt.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut found = Vec::new();
            let from = parse_date(&form.from).unwrap_or_else(|()| {
                found.push(("from".to_owned(), Msg::StErrDate));
                None
            });
            let to = parse_date(&form.to).unwrap_or_else(|()| {
                found.push(("to".to_owned(), Msg::StErrDate));
                None
            });
            if let (Some(f), Some(t)) = (from, to) {
                if f > t {
                    found.push(("to".to_owned(), Msg::StErrToBeforeFrom));
                }
            }
            if !found.is_empty() {
                if let Some((field, _)) = found.first() {
                    crate::forms::focus_element(&format!("st-{field}"));
                }
                errors.set(found);
                return;
            }
            errors.set(Vec::new());
            applied.set(StatsFilter {
                from,
                to,
                prefecture: Some((*prefecture).clone()).filter(|p| !p.is_empty()),
                partner: partner.parse().ok(),
                hub: hub.parse().ok(),
            });
            attempt.set(*attempt + 1);
        })
    };

    let on_csv = {
        let (session, applied) = (session.clone(), applied.clone());
        let (csv_busy, csv_error) = (csv_busy.clone(), csv_error.clone());
        Callback::from(move |sections: &'static str| {
            let filter = (*applied).clone();
            let session = session.clone();
            let (csv_busy, csv_error) = (csv_busy.clone(), csv_error.clone());
            csv_busy.set(Some(sections));
            csv_error.set(None);
            spawn_local(async move {
                let lang_param = if lang == Lang::En { "&lang=en" } else { "" };
                let path = format!(
                    "/api/v1/stats?{}&format=csv&section={sections}{lang_param}",
                    filter.query()
                );
                let result = session
                    .call(|c: ApiClient| {
                        let path = path.clone();
                        async move { c.get_bytes(&path).await }
                    })
                    .await;
                match result {
                    Ok(bytes) => crate::download::save(
                        &bytes,
                        &format!("kakehashi-stats-{}.csv", sections.replace(',', "-")),
                        "text/csv",
                    ),
                    Err(error) => csv_error.set(Some(error)),
                }
                csv_busy.set(None);
            });
        })
    };

    let date_field = |id: &'static str,
                      label: Msg,
                      hint: Msg,
                      value: String,
                      setter: Callback<String>| {
        let error = error_for(id);
        let oninput = Callback::from(move |e: InputEvent| setter.emit(input_value(&e)));
        let field_id = format!("st-{id}");
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={field_id.clone()}>{ label.t(lang) }</label>
                <p class="hint" id={format!("{field_id}-hint")}>{ hint.t(lang) }</p>
                <input type="date" id={field_id.clone()} name={id} value={value}
                    aria-describedby={format!("{field_id}-hint {field_id}-error")}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    {oninput} />
                <p class="field-error" id={format!("{field_id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
            </div>
        }
    };
    let set_from = {
        let form = form.clone();
        Callback::from(move |v: String| {
            form.set(Form {
                from: v,
                ..(*form).clone()
            })
        })
    };
    let set_to = {
        let form = form.clone();
        Callback::from(move |v: String| {
            form.set(Form {
                to: v,
                ..(*form).clone()
            })
        })
    };

    let choice = |id: &'static str,
                  label: Msg,
                  hint: Msg,
                  all: Msg,
                  state: &UseStateHandle<String>,
                  groups: Vec<SelectGroup>,
                  failed: Option<(ApiError, Callback<()>)>| {
        let error = error_for(id);
        let field_id = format!("st-{id}");
        let onchange = select_changed(state);
        let current = (**state).clone();
        let option = |(value, name): (String, String)| {
            let selected = current == value;
            html! { <option value={value} {selected}>{ name }</option> }
        };
        html! {
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for={field_id.clone()}>{ label.t(lang) }</label>
                <p class="hint" id={format!("{field_id}-hint")}>{ hint.t(lang) }</p>
                <select id={field_id.clone()} name={id}
                    aria-describedby={format!("{field_id}-hint {field_id}-error")}
                    aria-invalid={if error.is_some() { "true" } else { "false" }}
                    {onchange}>
                    <option value="" selected={current.is_empty()}>{ all.t(lang) }</option>
                    { for groups.into_iter().map(|(heading, options)| match heading {
                        Some(heading) => html! { <optgroup label={heading}>{ for options.into_iter().map(option) }</optgroup> },
                        None => html! { for options.into_iter().map(option) },
                    }) }
                </select>
                <p class="field-error" id={format!("{field_id}-error")}>{ error.map(|m| m.t(lang)).unwrap_or_default() }</p>
                if let Some((error, retry)) = failed {
                    <ErrorAlert {error} on_retry={retry} />
                }
            </div>
        }
    };
    let ready_or_failed = |remote: &Remote<Vec<(i64, String)>>, retry: &Callback<()>| match remote {
        Remote::Ready(items) => (
            vec![(
                None,
                items
                    .iter()
                    .map(|(id, name)| (id.to_string(), name.clone()))
                    .collect(),
            )],
            None,
        ),
        Remote::Failed(error) => (Vec::new(), Some((error.clone(), retry.clone()))),
        Remote::Loading => (Vec::new(), None),
    };

    let prefecture_field = {
        let (groups, failed) = match &prefectures {
            Remote::Ready(list) => (
                prefecture_groups(list, lang)
                    .into_iter()
                    .map(|(region, options)| (Some(region), options))
                    .collect(),
                None,
            ),
            Remote::Failed(error) => (Vec::new(), Some((error.clone(), retry_prefectures.clone()))),
            Remote::Loading => (Vec::new(), None),
        };
        choice(
            "prefecture",
            Msg::StPrefecture,
            Msg::StPrefectureHint,
            Msg::StAllJapan,
            &prefecture,
            groups,
            failed,
        )
    };
    let admin_fields = if is_admin {
        let (partner_groups, partner_failed) = ready_or_failed(&partners.0, &partners.1);
        let (hub_groups, hub_failed) = ready_or_failed(&hubs.0, &hubs.1);
        html! {
            <>
                { choice("partner", Msg::StPartner, Msg::StPartnerHint, Msg::StAll, &partner, partner_groups, partner_failed) }
                { choice("hub", Msg::StHub, Msg::StHubHint, Msg::StAll, &hub, hub_groups, hub_failed) }
            </>
        }
    } else {
        Html::default()
    };
    let scope_note = match role {
        Some(Role::Coordinator) => Some(Msg::StScopeHub),
        Some(Role::Partner) => Some(Msg::StScopePartner),
        _ => None,
    };

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let body = match &*data {
        Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert error={error.clone()} on_retry={retry} /> },
        Remote::Ready(stats) if is_empty(stats) => html! {
            <div class="empty"><p>{ Msg::StEmpty.t(lang) }</p></div>
        },
        Remote::Ready(stats) => html! {
            <>
                <p class="hint">{ Msg::StStaffNote.t(lang) }</p>
                if let Some(error) = (*csv_error).clone() {
                    <ErrorAlert {error} />
                }
                <p>
                    <button type="button" class="button secondary" disabled={csv_busy.is_some()}
                        onclick={{
                            let on_csv = on_csv.clone();
                            Callback::from(move |_: MouseEvent| on_csv.emit(ALL_SECTIONS))
                        }}>
                        { if *csv_busy == Some(ALL_SECTIONS) { Msg::StCsvPreparing.t(lang) } else { Msg::StCsvAll.t(lang) } }
                    </button>
                </p>
                <Figures stats={Rc::clone(stats)} csv={Csv::Fetch { on_click: on_csv.clone(), busy: *csv_busy }} />
            </>
        },
    };
    html! {
        <section class="page stats-page">
            <h1>{ Msg::StDashTitle.t(lang) }</h1>
            <p class="lead">{ Msg::StDashLead.t(lang) }</p>
            if let Some(note) = scope_note {
                <div class="alert info" role="status"><p>{ note.t(lang) }</p></div>
            }
            <form class="stats-filters" aria-label={Msg::StFilters.t(lang)} {onsubmit} novalidate=true>
                { date_field("from", Msg::StFrom, Msg::StFromHint, form.from.clone(), set_from) }
                { date_field("to", Msg::StTo, Msg::StToHint, form.to.clone(), set_to) }
                { prefecture_field }
                { admin_fields }
                <div class="stats-apply">
                    <button type="submit" class="button primary">{ Msg::StApply.t(lang) }</button>
                </div>
            </form>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}

/// Every section of the CSV (the "download all" button).
const ALL_SECTIONS: &str = "funnel,first_response,to_contract,continuation,terms,satisfaction,talent_residence,talent_age,talent_employer,talent_skills,company_industry,company_size,company_prefecture,posting_challenges,satisfaction_score";
