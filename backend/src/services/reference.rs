use kakehashi_shared::reference::{Challenge, Industry, Prefecture, Skill};

use crate::db::Db;
use crate::error::ApiError;
use crate::repositories::reference as repo;

pub async fn prefectures(db: &Db) -> Result<Vec<Prefecture>, ApiError> {
    db.run(|c| Ok(repo::prefectures(c)?)).await
}

pub async fn industries(db: &Db) -> Result<Vec<Industry>, ApiError> {
    db.run(|c| Ok(repo::industries(c)?)).await
}

pub async fn challenges(db: &Db) -> Result<Vec<Challenge>, ApiError> {
    db.run(|c| Ok(repo::challenges(c)?)).await
}

pub async fn skills(db: &Db) -> Result<Vec<Skill>, ApiError> {
    db.run(|c| Ok(repo::skills(c)?)).await
}
