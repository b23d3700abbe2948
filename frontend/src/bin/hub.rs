//! The `hub` bundle: see the crate's documentation.

use kakehashi_frontend::routes::{switch, HUB};

fn main() {
    kakehashi_frontend::start(switch::<HUB>);
}
