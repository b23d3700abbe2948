//! The contract screens: the company writes the terms of an offer (`/company/applications/:id/
//! contract`), and both sides read, accept or ask for changes on `/contracts/:id`, the address
//! notifications link to. `links` puts the way to them (and to the conversation) on the
//! talent's application page and on each applicant card.

mod builder;
mod form;
mod links;
mod terms;
mod view;

pub use builder::ContractBuilderPage;
pub use links::ApplicationLinks;
pub use view::ContractPage;

use kakehashi_shared::enums::Role;

use crate::i18n::{Lang, Msg};

/// A message with a number in it: 第3版 / Version 3.
fn numbered(lang: Lang, msg: Msg, n: i32) -> String {
    msg.t(lang).replace("{n}", &n.to_string())
}

/// Whether this person speaks for the company in a contract (members, and the hub's staff
/// acting for it); everyone else who can open one is its talent.
pub(crate) fn company_side(role: Option<Role>) -> bool {
    matches!(
        role,
        Some(Role::CompanyMember | Role::Coordinator | Role::Admin)
    )
}
