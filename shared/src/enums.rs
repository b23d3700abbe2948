//! Enumerations shared by the API, the database (stored as TEXT) and the app.

use serde::{Deserialize, Serialize};

/// Generates `as_str`, `parse` and `ALL` for a snake_case wire enum, so the database,
/// the API and the app spell each value the same way.
macro_rules! wire_enum {
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as stored and sent.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the stored or sent spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use wire_enum;

/// What a signed-in user is on Kakehashi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A professional who works for regional companies on the side (副業人材).
    Talent,
    /// A member of a regional company that takes in talent (受入企業).
    CompanyMember,
    /// Staff of a regional hub (拠点) who accompanies companies.
    Coordinator,
    /// Staff of a regional partner (prefecture, municipality, bank, chamber).
    Partner,
    /// Operator of the platform.
    Admin,
}
wire_enum!(Role {
    Talent => "talent",
    CompanyMember => "company_member",
    Coordinator => "coordinator",
    Partner => "partner",
    Admin => "admin",
});

impl Role {
    /// Staff roles are created by admins, never by self-registration.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Coordinator | Role::Partner | Role::Admin)
    }
}

/// The kind of account a person can open by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    /// A talent account.
    Talent,
    /// A company member account, created together with its company.
    Company,
}
wire_enum!(AccountType {
    Talent => "talent",
    Company => "company",
});

/// The kind of organisation a regional partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Prefecture,
    Municipality,
    Bank,
    Chamber,
    Other,
}
wire_enum!(PartnerKind {
    Prefecture => "prefecture",
    Municipality => "municipality",
    Bank => "bank",
    Chamber => "chamber",
    Other => "other",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_spelling_matches_serde() {
        for role in Role::ALL {
            let json = serde_json::to_string(role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        assert_eq!(Role::parse("root"), None);
        for kind in PartnerKind::ALL {
            assert_eq!(PartnerKind::parse(kind.as_str()), Some(*kind));
        }
    }

    /// Found by the `wire::revenue_band` property: the JSON said `under100m` while the
    /// database and `parse` said `under_100m`.
    #[test]
    fn revenue_bands_are_spelt_alike_in_json_and_the_database() {
        for band in RevenueBand::ALL {
            let json = serde_json::to_string(band).unwrap();
            assert_eq!(json, format!("\"{}\"", band.as_str()));
            assert_eq!(serde_json::from_str::<RevenueBand>(&json).unwrap(), *band);
        }
    }
}

/// Annual sales band of a company (売上規模).
// Spelt out: serde's snake_case puts no `_` before digits (`under100m`), which disagreed with
// the database's and `as_str`'s `under_100m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RevenueBand {
    /// Under ¥100M.
    #[serde(rename = "under_100m")]
    Under100m,
    /// ¥100M–¥1B (half of the companies in the programmes).
    #[serde(rename = "from_100m_to_1b")]
    From100mTo1b,
    /// ¥1B–¥5B.
    #[serde(rename = "from_1b_to_5b")]
    From1bTo5b,
    /// ¥5B and over.
    #[serde(rename = "over_5b")]
    Over5b,
}
wire_enum!(RevenueBand {
    Under100m => "under_100m",
    From100mTo1b => "from_100m_to_1b",
    From1bTo5b => "from_1b_to_5b",
    Over5b => "over_5b",
});

/// A talent's age band; case studies show only this, never an age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    #[serde(rename = "20s")]
    Twenties,
    #[serde(rename = "30s")]
    Thirties,
    #[serde(rename = "40s")]
    Forties,
    #[serde(rename = "50s")]
    Fifties,
    #[serde(rename = "60s_plus")]
    SixtiesPlus,
}
wire_enum!(AgeBand {
    Twenties => "20s",
    Thirties => "30s",
    Forties => "40s",
    Fifties => "50s",
    SixtiesPlus => "60s_plus",
});

/// Who a talent's main employer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmployerType {
    LargeCompany,
    ItCompany,
    SmallCompany,
    PublicSector,
    Freelance,
    Other,
}
wire_enum!(EmployerType {
    LargeCompany => "large_company",
    ItCompany => "it_company",
    SmallCompany => "small_company",
    PublicSector => "public_sector",
    Freelance => "freelance",
    Other => "other",
});

/// How a talent is tied to a prefecture (関係人口).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    /// 出身 (hometown).
    Hometown,
    /// 居住経験 (lived there).
    LivedThere,
    /// ファン (a fan of the place).
    Fan,
}
wire_enum!(TieKind {
    Hometown => "hometown",
    LivedThere => "lived_there",
    Fan => "fan",
});

/// The kind of 業務委託 contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContractType {
    /// 準委任: paid for work, monthly.
    QuasiMandate,
    /// 請負: paid for a deliverable.
    Contracting,
    /// 顧問: a retainer.
    Advisory,
    /// プロボノ: unpaid.
    ProBono,
}
wire_enum!(ContractType {
    QuasiMandate => "quasi_mandate",
    Contracting => "contracting",
    Advisory => "advisory",
    ProBono => "pro_bono",
});

/// Why a talent works for regional companies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Motivation {
    Contribution,
    Hometown,
    SkillUp,
    Income,
}
wire_enum!(Motivation {
    Contribution => "contribution",
    Hometown => "hometown",
    SkillUp => "skill_up",
    Income => "income",
});

/// Who pays for travel to the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TravelCost {
    /// The company pays actual travel costs on top of the fee.
    CompanyPays,
    /// Travel is included in the monthly fee.
    IncludedInFee,
    /// Fully remote: no travel.
    NotApplicable,
}
wire_enum!(TravelCost {
    CompanyPays => "company_pays",
    IncludedInFee => "included_in_fee",
    NotApplicable => "not_applicable",
});

/// Which party of an application or engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Company,
    Talent,
}
wire_enum!(Side {
    Company => "company",
    Talent => "talent",
});

/// Why an application was declined; the talent sees a courteous message for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeclineReason {
    SkillsMismatch,
    AvailabilityMismatch,
    FeeMismatch,
    PositionFilled,
    ProjectClosed,
    OtherCandidateChosen,
    /// The company did not answer within twice the response deadline.
    NoResponse,
    Other,
}
wire_enum!(DeclineReason {
    SkillsMismatch => "skills_mismatch",
    AvailabilityMismatch => "availability_mismatch",
    FeeMismatch => "fee_mismatch",
    PositionFilled => "position_filled",
    ProjectClosed => "project_closed",
    OtherCandidateChosen => "other_candidate_chosen",
    NoResponse => "no_response",
    Other => "other",
});
