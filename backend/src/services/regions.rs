//! Region facts: travel from Tokyo and rent, per prefecture, and the programmes partners
//! maintain for it. The figures are compiled into the
//! binary from `backend/data/reference/living_costs.csv` (a copy of the design folder's
//! `tohoku_living_costs.csv`: the product never reads files beside the repo at run time).

use std::sync::OnceLock;

use kakehashi_shared::region::{CityFacts, Region};
use serde::Deserialize;

use crate::db::Db;
use crate::error::ApiError;
use crate::repositories::reference as repo;

const LIVING_COSTS: &str = include_str!("../../data/reference/living_costs.csv");

/// One line of the CSV, as written there.
#[derive(Debug, Deserialize)]
struct Row {
    city_ja: String,
    city_en: String,
    prefecture_code: String,
    /// `h:mm`; empty for Tokyo, the starting point.
    shinkansen_one_way_from_tokyo: String,
    round_trip_fare_yen: i64,
    monthly_rent_yen: i64,
    /// Rent plus two round trips (checked below to be exactly that).
    rent_plus_two_round_trips_yen: i64,
}

/// A city and the prefecture it is in.
#[derive(Debug, Clone)]
struct City {
    prefecture_code: String,
    facts: CityFacts,
}

/// `h:mm` as minutes; `None` when it is not that.
fn minutes(hmm: &str) -> Option<i32> {
    let (h, m) = hmm.trim().split_once(':')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) || m.len() != 2 {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60).then_some(h * 60 + m)
}

/// Parses the CSV. Rows without a travel time (Tokyo, the starting point) are not
/// destinations and are left out; a row that contradicts itself is an error, not data.
fn parse(csv_text: &str) -> Result<Vec<City>, String> {
    let mut cities = Vec::new();
    for row in csv::Reader::from_reader(csv_text.as_bytes()).deserialize::<Row>() {
        let row = row.map_err(|e| e.to_string())?;
        if row.shinkansen_one_way_from_tokyo.trim().is_empty() {
            continue;
        }
        let one_way_minutes = minutes(&row.shinkansen_one_way_from_tokyo).ok_or_else(|| {
            format!(
                "{}: travel time {:?} is not h:mm",
                row.city_en, row.shinkansen_one_way_from_tokyo
            )
        })?;
        let two_round_trips_yen = 2 * row.round_trip_fare_yen;
        if row.monthly_rent_yen + two_round_trips_yen != row.rent_plus_two_round_trips_yen {
            return Err(format!(
                "{}: rent_plus_two_round_trips_yen is not rent + 2 × round trip",
                row.city_en
            ));
        }
        cities.push(City {
            prefecture_code: row.prefecture_code,
            facts: CityFacts {
                name_ja: row.city_ja,
                name_en: row.city_en,
                one_way_minutes,
                one_way: row.shinkansen_one_way_from_tokyo.trim().to_owned(),
                round_trip_fare_yen: row.round_trip_fare_yen,
                two_round_trips_yen,
                monthly_rent_yen: row.monthly_rent_yen,
                rent_plus_two_round_trips_yen: row.rent_plus_two_round_trips_yen,
            },
        });
    }
    Ok(cities)
}

/// The compiled figures, parsed once.
fn cities() -> Result<&'static [City], ApiError> {
    static CITIES: OnceLock<Result<Vec<City>, String>> = OnceLock::new();
    match CITIES.get_or_init(|| parse(LIVING_COSTS)) {
        Ok(cities) => Ok(cities),
        Err(e) => Err(ApiError::internal(format!(
            "reference data living_costs.csv is malformed: {e}"
        ))),
    }
}

/// The prefecture with its cities' figures. A code that is not two digits is a validation
/// error; two digits that name no prefecture (e.g. "99") are not found.
pub async fn region(db: &Db, code: String) -> Result<Region, ApiError> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::field(
            "prefecture",
            "invalid_format",
            "must be a two-digit JIS X 0401 prefecture code such as \"03\"",
        ));
    }
    let cities: Vec<CityFacts> = cities()?
        .iter()
        .filter(|c| c.prefecture_code == code)
        .map(|c| c.facts.clone())
        .collect();
    let (prefecture, programmes) = db
        .run(move |c| {
            let prefecture = repo::prefectures(c)?
                .into_iter()
                .find(|p| p.code == code)
                .ok_or(ApiError::NotFound)?;
            let programmes = super::partners::for_region(c, &prefecture.code)?;
            Ok((prefecture, programmes))
        })
        .await?;
    Ok(Region {
        prefecture,
        cities,
        programmes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_figures_parse_and_add_up() {
        let cities = parse(LIVING_COSTS).unwrap();
        assert_eq!(cities.len(), 9, "every city but Tokyo, the starting point");
        let morioka = cities.iter().find(|c| c.prefecture_code == "03").unwrap();
        assert_eq!(morioka.facts.name_ja, "盛岡市");
        assert_eq!(morioka.facts.one_way_minutes, 132);
        assert_eq!(morioka.facts.two_round_trips_yen, 59_240);
        assert!(cities
            .iter()
            .all(|c| kakehashi_shared::validation::is_prefecture_code(&c.prefecture_code)));
    }

    #[test]
    fn travel_times_read_as_minutes() {
        assert_eq!(minutes("1:05"), Some(65));
        assert_eq!(minutes("0:59"), Some(59));
        assert_eq!(minutes("1:60"), None);
        assert_eq!(minutes("1:5"), None);
        assert_eq!(minutes("90"), None);
        assert_eq!(minutes(""), None);
    }

    #[test]
    fn a_row_that_does_not_add_up_is_refused() {
        let bad = "city_ja,city_en,prefecture_code,shinkansen_one_way_from_tokyo,round_trip_fare_yen,monthly_rent_yen,rent_plus_two_round_trips_yen\n\
                   盛岡市,Morioka,03,2:12,29620,50302,1\n";
        assert!(parse(bad).is_err());
    }
}
