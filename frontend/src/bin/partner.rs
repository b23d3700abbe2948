//! The `partner` bundle: see the crate's documentation.

use kakehashi_frontend::routes::{switch, PARTNER};

fn main() {
    kakehashi_frontend::start(switch::<PARTNER>);
}
