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
}
