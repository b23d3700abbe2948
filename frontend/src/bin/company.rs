//! The `company` bundle: see the crate's documentation.

use kakehashi_frontend::routes::{switch, COMPANY};

fn main() {
    kakehashi_frontend::start(switch::<COMPANY>);
}
