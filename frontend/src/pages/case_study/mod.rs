//! Case studies (事例): the published stories anyone may read (`/case-studies`), and one story
//! (`/case-studies/{id}`), where a draft's parties and the hub see who has consented, give
//! their own consent, edit the text, and the coordinator publishes it.

mod consent;
mod detail;
mod edit;
mod list;
mod story;

pub use detail::CaseStudyPage;
pub use list::CaseStudiesPage;
pub use story::LatestCaseStudies;
