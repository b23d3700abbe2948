//! Search and matching: an in-memory engine built from the database and kept current by
//! following the `search_changes` log, so every instance converges on the same index.

pub mod cache;
pub mod docs;
pub mod engine;
pub mod page;
pub mod projects;
pub mod quality;
pub mod recommend;
pub mod score;
pub mod slab;
pub mod talents;
pub mod taxonomy;
pub mod text;

pub use engine::{IndexMemory, SearchEngine};
