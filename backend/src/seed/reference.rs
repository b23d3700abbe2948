//! The reference taxonomies, compiled into the binary from `backend/data/reference/` (copied
//! from the design folder: the product never reads files beside the repo at run time).

use diesel::Connection;
use kakehashi_shared::reference::{Challenge, Industry, Prefecture, Skill};
use serde::de::DeserializeOwned;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::reference as repo;

const PREFECTURES: &str = include_str!("../../data/reference/prefectures.csv");
const INDUSTRIES: &str = include_str!("../../data/reference/industries_jsic.csv");
const CHALLENGES: &str = include_str!("../../data/reference/challenges.csv");
const SKILLS: &str = include_str!("../../data/reference/skills.csv");

fn parse<T: DeserializeOwned>(name: &str, csv_text: &str) -> Result<Vec<T>, ApiError> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| ApiError::internal(format!("reference data {name} is malformed: {e}")))
}

/// How many rows of each taxonomy are loaded.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub prefectures: usize,
    pub industries: usize,
    pub challenges: usize,
    pub skills: usize,
}

/// The taxonomies as compiled into the binary, in their files' order.
pub struct Compiled {
    pub prefectures: Vec<Prefecture>,
    pub industries: Vec<Industry>,
    pub challenges: Vec<Challenge>,
    pub skills: Vec<Skill>,
}

pub fn compiled() -> Result<Compiled, ApiError> {
    Ok(Compiled {
        prefectures: parse("prefectures.csv", PREFECTURES)?,
        industries: parse("industries_jsic.csv", INDUSTRIES)?,
        challenges: parse("challenges.csv", CHALLENGES)?,
        skills: parse("skills.csv", SKILLS)?,
    })
}

/// Loads (or refreshes) every taxonomy in one transaction; running it again changes nothing.
pub fn load(conn: &mut AnyConnection) -> Result<Loaded, ApiError> {
    let Compiled {
        prefectures,
        industries,
        challenges,
        skills,
    } = compiled()?;
    conn.transaction::<_, ApiError, _>(|conn| {
        for (i, p) in prefectures.iter().enumerate() {
            repo::upsert_prefecture(conn, p, order(i))?;
        }
        for (i, row) in industries.iter().enumerate() {
            repo::upsert_industry(conn, row, order(i))?;
        }
        for (i, row) in challenges.iter().enumerate() {
            repo::upsert_challenge(conn, row, order(i))?;
        }
        for (i, row) in skills.iter().enumerate() {
            repo::upsert_skill(conn, row, order(i))?;
        }
        Ok(())
    })?;
    Ok(Loaded {
        prefectures: prefectures.len(),
        industries: industries.len(),
        challenges: challenges.len(),
        skills: skills.len(),
    })
}

fn order(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_codes_are_unique() {
        let skills: Vec<Skill> = parse("skills", SKILLS).unwrap();
        assert!(skills.len() >= 60);
        let groups: std::collections::BTreeSet<_> = skills.iter().map(|s| &s.group_code).collect();
        assert_eq!(groups.len(), 13);
        let codes: std::collections::BTreeSet<_> = skills.iter().map(|s| &s.code).collect();
        assert_eq!(codes.len(), skills.len());
        assert_eq!(parse::<Prefecture>("p", PREFECTURES).unwrap().len(), 47);
        assert_eq!(parse::<Industry>("i", INDUSTRIES).unwrap().len(), 20);
        assert!(parse::<Challenge>("c", CHALLENGES).unwrap().len() >= 39);
    }
}
