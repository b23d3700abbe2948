//! The coordinator's screens: queues to work through, one posting or application at a time.

mod pipeline;
mod reviews;
// Case studies, coordinator dashboard and company profile.
mod company;
mod home;
mod new_company;
mod visits;

pub use pipeline::PipelinePage;
pub use reviews::ReviewQueuePage;
// Case studies, coordinator dashboard and company profile.
pub use company::CoordinatorCompanyPage;
pub use home::CoordinatorHomePage;
pub use new_company::NewCompanyPage;
