//! The public screens (anyone, signed in or not): the catalogue and the posting page, and
//! the pieces the talent screens reuse (the project card, reference names).

mod card;
pub mod names;
mod project;
mod refs;
// Region facts.
mod region;
mod search;

pub use card::ProjectCard;
pub use project::{load_project, ProjectPage};
pub use refs::{load_refs, Refs};
pub use search::ProjectSearch;
