//! The `work` bundle: see the crate's documentation.

use kakehashi_frontend::routes::{switch, WORK};

fn main() {
    kakehashi_frontend::start(switch::<WORK>);
}
