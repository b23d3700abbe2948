//! Data loaded into the database: the reference taxonomies (always) and the demo set.

pub mod demo;
pub mod demo_workflow;
pub mod reference;
pub mod scale;
