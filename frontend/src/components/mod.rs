//! Building blocks shared by the pages.

mod alert;
mod header;
mod lang_switch;
mod layout;
mod loading;
mod require_session;
mod select_field;
mod text_field;

pub use alert::{ErrorAlert, Notice};
pub use header::Header;
pub use lang_switch::LangSwitch;
pub use layout::Layout;
pub use loading::Loading;
pub use require_session::RequireSession;
pub use select_field::{SelectField, SelectGroup};
pub use text_field::TextField;
