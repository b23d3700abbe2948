//! The coordinator's screens: queues to work through, one posting or application at a time.

mod pipeline;
mod reviews;

pub use pipeline::PipelinePage;
pub use reviews::ReviewQueuePage;
