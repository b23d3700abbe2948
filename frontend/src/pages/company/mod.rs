//! The company's screens: its postings, the posting wizard and the applicants board. The
//! coordinator's screens reuse `common` (status names, money, paging) and `taxonomy`.

mod board;
mod detail;
mod form;
mod postings;
mod wizard;
// Case studies, coordinator dashboard and company profile.
mod profile;

pub(crate) mod common;
pub(crate) mod taxonomy;

pub use board::ApplicantsBoardPage;
pub(crate) use detail::PostingDetails;
pub use postings::CompanyProjectsPage;
pub use wizard::ProjectWizardPage;
// Case studies, coordinator dashboard and company profile.
pub use profile::{CompanyDetails, CompanyForm, CompanyProfilePage};
