//! What every request can reach: the database, the token keys, the clock and the settings.

use crate::auth::JwtKeys;
use crate::clock::SharedClock;
use crate::config::Config;
use crate::db::Db;

pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub clock: SharedClock,
    pub config: Config,
}
