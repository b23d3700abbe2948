//! The admin's screens: hubs, staff accounts and the email outbox, under `/admin`.

mod frame;
mod home;
mod hub_form;
mod hubs;
mod outbox;
mod prefecture_picker;
mod staff;
mod staff_form;

pub use home::AdminHomePage;
pub use hubs::AdminHubsPage;
pub use outbox::AdminOutboxPage;
pub use staff::AdminStaffPage;
