//! Property tests of `kakehashi-shared`: the workflow state machines, the validation rules and
//! the wire spellings. One binary, so `cargo test -p kakehashi-shared` links it once.
//!
//! proptest's default 256 cases per property keep the run to a few seconds. Failures are
//! persisted next to each file as `*.proptest-regressions` and replayed first on the next run;
//! commit those files when they appear, so a found case stays a test.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod dto;
mod validation;
mod wire;
mod workflow;
