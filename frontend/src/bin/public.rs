//! The `public` bundle: see the crate's documentation.

use kakehashi_frontend::routes::{switch, PUBLIC};

fn main() {
    kakehashi_frontend::start(switch::<PUBLIC>);
}
