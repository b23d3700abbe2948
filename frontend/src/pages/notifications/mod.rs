//! Notifications screen: the list at /notifications and the header's link with the unread
//! count.

mod bell;
mod kinds;
mod list;

pub use bell::NotificationsLink;
pub use list::NotificationsPage;
