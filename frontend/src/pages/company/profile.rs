//! `/company/profile`: the company member's own company profile, read first and edited on
//! request. The same form serves a coordinator editing it for the company
//! (`/coordinator/companies/{id}`) and creating a company (`/coordinator/companies/new`).

mod form;
mod view;

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::company::Company;
use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use super::common::RoleGate;
use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, use_title, Remote};
use crate::i18n::{use_lang, Msg};
use crate::routes::Route;
use crate::session::use_session;

pub use form::CompanyForm;
pub use view::CompanyDetails;

#[function_component(CompanyProfilePage)]
pub fn company_profile_page() -> Html {
    use_title(Msg::PfTitle);
    html! {
        <RequireSession>
            <RoleGate roles={vec![Role::CompanyMember]} refusal={Msg::ErrNotCompany}>
                <OwnProfile />
            </RoleGate>
        </RequireSession>
    }
}

#[function_component(OwnProfile)]
fn own_profile() -> Html {
    let lang = use_lang();
    let session = use_session();
    // The session carries `/me`, whose organisation names the member's company.
    let company_id = session
        .session()
        .and_then(|s| s.user.company.as_ref())
        .map(|c| c.id);
    let (loaded, retry) = use_remote(move || async move {
        let Some(id) = company_id else {
            return Ok(None);
        };
        session
            .call(|c: ApiClient| async move { c.company(id).await })
            .await
            .map(Some)
    });
    // What was saved last overrides what was loaded, so the page shows it without a reload.
    let saved = use_state(|| None::<Company>);
    let editing = use_state(|| false);

    let body = match (&loaded, (*saved).clone()) {
        (Remote::Loading, _) => html! { <Loading /> },
        (Remote::Failed(error), _) => {
            html! { <ErrorAlert error={error.clone()} on_retry={retry} /> }
        }
        (Remote::Ready(None), _) => html! {
            <div class="alert info" role="status"><p>{ Msg::PfNoCompany.t(lang) }</p></div>
        },
        (Remote::Ready(Some(company)), last) => {
            let company = last.unwrap_or_else(|| company.clone());
            if *editing {
                let on_saved = {
                    let (saved, editing) = (saved.clone(), editing.clone());
                    Callback::from(move |c: Company| {
                        saved.set(Some(c));
                        editing.set(false);
                    })
                };
                let on_cancel = {
                    let editing = editing.clone();
                    Callback::from(move |()| editing.set(false))
                };
                html! {
                    <>
                        <h2>{ Msg::PfEditTitle.t(lang) }</h2>
                        <CompanyForm company={Some(company)} {on_saved} on_cancel={Some(on_cancel)} />
                    </>
                }
            } else {
                let onclick = {
                    let editing = editing.clone();
                    Callback::from(move |_: MouseEvent| editing.set(true))
                };
                html! {
                    <>
                        if saved.is_some() {
                            <p class="saved" role="status">{ Msg::PfSaved.t(lang) }</p>
                        }
                        <h2>{ company.name.clone() }</h2>
                        <CompanyDetails company={company.clone()} />
                        <div class="actions">
                            <button type="button" class="button primary" {onclick}>{ Msg::PfEdit.t(lang) }</button>
                            <Link<Route> to={Route::CompanyProjects} classes="button secondary">{ Msg::NavCompanyProjects.t(lang) }</Link<Route>>
                        </div>
                    </>
                }
            }
        }
    };
    html! {
        <section class="page narrow">
            <h1>{ Msg::PfTitle.t(lang) }</h1>
            <p class="lead">{ Msg::PfLead.t(lang) }</p>
            { body }
        </section>
    }
}
