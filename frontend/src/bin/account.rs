//! The `account` bundle: see the crate's documentation.

use kakehashi_frontend::routes::{switch, ACCOUNT};

fn main() {
    kakehashi_frontend::start(switch::<ACCOUNT>);
}
