//! The admin's screens: hubs, staff accounts and the email outbox, under `/admin`.

mod frame;
mod home;
mod hub_form;
mod hubs;
mod outbox;
// Partners.
mod partner_form;
mod partners;
mod prefecture_picker;
mod staff;
mod staff_form;

pub use home::AdminHomePage;
pub use hubs::AdminHubsPage;
pub use outbox::AdminOutboxPage;
pub use partners::AdminPartnersPage;
pub use staff::AdminStaffPage;
