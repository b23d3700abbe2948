//! What it takes to reach a prefecture from Tokyo and to live there: the facts a talent in
//! Tokyo weighs before taking on work that means travelling (`GET /api/v1/regions/{prefecture}`).

use serde::{Deserialize, Serialize};

use crate::reference::Prefecture;

/// A prefecture with the cities of it that have travel and rent figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    pub prefecture: Prefecture,
    /// Cities with figures, usually the prefectural capital; empty when none are recorded
    /// (Tokyo itself is the starting point, so it has none).
    pub cities: Vec<CityFacts>,
    /// Programmes and subsidies partners maintain for the prefecture, oldest first.
    pub programmes: Vec<Programme>,
}

/// Travel from Tokyo and rent in one city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CityFacts {
    #[cfg_attr(feature = "openapi", schema(example = "盛岡市"))]
    pub name_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Morioka"))]
    pub name_en: String,
    /// One-way trip from Tokyo by shinkansen, in minutes.
    #[cfg_attr(feature = "openapi", schema(example = 132))]
    pub one_way_minutes: i32,
    /// The same time as the source gives it (`h:mm`).
    #[cfg_attr(feature = "openapi", schema(example = "2:12"))]
    pub one_way: String,
    /// Round-trip shinkansen fare from Tokyo, in yen.
    #[cfg_attr(feature = "openapi", schema(example = 29620))]
    pub round_trip_fare_yen: i64,
    /// Two round trips from Tokyo in a month: 2 × `round_trip_fare_yen`.
    #[cfg_attr(feature = "openapi", schema(example = 59240))]
    pub two_round_trips_yen: i64,
    /// Typical monthly rent in the city, in yen.
    #[cfg_attr(feature = "openapi", schema(example = 50302))]
    pub monthly_rent_yen: i64,
    /// Monthly rent plus two round trips to Tokyo (`monthly_rent_yen + two_round_trips_yen`),
    /// as the source gives it: a month of living in the city while going back to Tokyo twice.
    #[cfg_attr(feature = "openapi", schema(example = 109542))]
    pub rent_plus_two_round_trips_yen: i64,
}

/// A programme or subsidy for people who work in the region (移住・関係人口の支援制度),
/// maintained by a partner covering the prefecture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Programme {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "副業人材交通費補助"))]
    pub title: String,
    /// Free text, as the programme states it.
    #[cfg_attr(feature = "openapi", schema(example = "上限30万円"))]
    pub amount: String,
    /// Who may use it.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "県内企業と契約した県外在住の副業人材")
    )]
    pub eligibility: String,
    /// Where to read the conditions and apply (http or https).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://www.pref.iwate.example/fukugyo")
    )]
    pub url: String,
    /// The name of the partner organisation that maintains it.
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub provider: String,
}
