//! The addresses notifications and emails link to (`/applications/{id}`, `/scouts/{id}`): one
//! address per record for everyone, which sends each person on to the page their role works
//! on (a talent's own application, or the posting's applicants board for the company side).

use kakehashi_shared::client::ApiClient;
use kakehashi_shared::enums::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{ErrorAlert, Loading, RequireSession};
use crate::hooks::{use_remote, Remote};
use crate::routes::Route;
use crate::session::use_session;

/// Which kind of record a link names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Record {
    Application,
    Scout,
}

#[derive(Properties, PartialEq)]
pub struct RecordLinkProps {
    pub record: Record,
    pub id: i64,
}

#[function_component(RecordLinkPage)]
pub fn record_link_page(props: &RecordLinkProps) -> Html {
    html! {
        <RequireSession>
            <Forward record={props.record} id={props.id} />
        </RequireSession>
    }
}

#[function_component(Forward)]
fn forward(props: &RecordLinkProps) -> Html {
    let session = use_session();
    let (record, id) = (props.record, props.id);
    let is_talent = session.session().map(|s| s.user.role) == Some(Role::Talent);
    // The company side needs the record's posting; a talent's page is known from the id alone.
    let (posting, retry) = use_remote(move || async move {
        if is_talent {
            return Ok(None);
        }
        session
            .call(|client: ApiClient| async move {
                match record {
                    Record::Application => client.application(id).await.map(|a| a.project_id),
                    Record::Scout => client.scout_by_id(id).await.map(|s| s.project_id),
                }
            })
            .await
            .map(Some)
    });
    if is_talent {
        let to = match record {
            Record::Application => Route::Application { id },
            Record::Scout => Route::Scout { id },
        };
        return html! { <Redirect<Route> {to} /> };
    }
    match posting {
        Remote::Ready(Some(project)) => {
            html! { <Redirect<Route> to={Route::CompanyProjectBoard { id: project }} /> }
        }
        Remote::Ready(None) | Remote::Loading => html! { <Loading /> },
        Remote::Failed(error) => html! { <ErrorAlert {error} on_retry={Some(retry)} /> },
    }
}
