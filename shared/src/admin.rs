//! The admin's screens: hubs (拠点), staff accounts, partners to attach staff to, and the
//! email outbox. Only admins call these; the rules below are checked by the API and by the
//! app before it sends.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Me;
use crate::enums::Role;
use crate::validation::{is_prefecture_code, limits, FieldErrors, Validate};

/// A hub has a name of at most this many characters.
pub const HUB_NAME_MAX: usize = 200;
/// Days a company may take to answer an application: at least a day, at most two months.
pub const DEADLINE_DAYS_MIN: i32 = 1;
pub const DEADLINE_DAYS_MAX: i32 = 60;

/// A hub as the admin sees it: what it covers and how many coordinators work for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminHub {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "いわて副業人材拠点"))]
    pub name: String,
    /// JIS codes of the prefectures the hub covers.
    #[cfg_attr(feature = "openapi", schema(example = json!(["03"])))]
    pub prefecture_codes: Vec<String>,
    /// Days a company has to answer an application before the coordinator is alerted.
    #[cfg_attr(feature = "openapi", schema(example = 14))]
    pub response_deadline_days: i32,
    /// Coordinator accounts attached to the hub.
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub coordinator_count: i64,
}

/// A new hub.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HubInput {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "いわて副業人材拠点", max_length = 200)
    )]
    pub name: String,
    /// JIS X 0401 codes, at least one.
    #[cfg_attr(feature = "openapi", schema(example = json!(["03", "02"])))]
    pub prefecture_codes: Vec<String>,
    /// 1–60 days.
    #[cfg_attr(feature = "openapi", schema(example = 14, minimum = 1, maximum = 60))]
    pub response_deadline_days: i32,
}

impl Validate for HubInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, 1, HUB_NAME_MAX);
        check_prefecture_codes(&mut e, &self.prefecture_codes);
        check_deadline(&mut e, self.response_deadline_days);
        e.into_result()
    }
}

/// Changes to a hub; absent fields stay as they are. New prefectures replace the old ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HubPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture_codes: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 60))]
    pub response_deadline_days: Option<i32>,
}

impl Validate for HubPatch {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if let Some(name) = &self.name {
            e.text("name", name, 1, HUB_NAME_MAX);
        }
        if let Some(codes) = &self.prefecture_codes {
            check_prefecture_codes(&mut e, codes);
        }
        if let Some(days) = self.response_deadline_days {
            check_deadline(&mut e, days);
        }
        e.into_result()
    }
}

fn check_prefecture_codes(e: &mut FieldErrors, codes: &[String]) {
    if codes.is_empty() {
        e.add(
            "prefecture_codes",
            "required",
            "name at least one prefecture",
        );
    } else if let Some(bad) = codes.iter().find(|c| !is_prefecture_code(c)) {
        e.add(
            "prefecture_codes",
            "unknown_value",
            format!("{bad} is not a JIS prefecture code"),
        );
    } else if (1..codes.len()).any(|i| codes[..i].contains(&codes[i])) {
        e.add(
            "prefecture_codes",
            "duplicate",
            "a prefecture is named twice",
        );
    }
}

fn check_deadline(e: &mut FieldErrors, days: i32) {
    e.range(
        "response_deadline_days",
        days,
        DEADLINE_DAYS_MIN,
        DEADLINE_DAYS_MAX,
        "must be between 1 and 60 days",
    );
}

/// A staff account to open. The server makes the password and returns it once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "role": "coordinator",
    "email": "chiba@iwate-hub.example.jp",
    "display_name": "千葉 恵子",
    "hub_id": 1
})))]
#[serde(deny_unknown_fields)]
pub struct StaffInput {
    /// `coordinator` (needs `hub_id`), `partner` (needs `partner_id`) or `admin` (neither).
    /// Talent and company accounts are opened by their owners, never here.
    pub role: Role,
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<i64>,
}

impl Validate for StaffInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.email("email", &self.email);
        e.text(
            "display_name",
            &self.display_name,
            1,
            limits::DISPLAY_NAME_MAX,
        );
        let (needs_hub, needs_partner) = match self.role {
            Role::Coordinator => (true, false),
            Role::Partner => (false, true),
            Role::Admin => (false, false),
            Role::Talent | Role::CompanyMember => {
                e.add(
                    "role",
                    "unknown_value",
                    "must be coordinator, partner or admin",
                );
                return e.into_result();
            }
        };
        match (needs_hub, self.hub_id) {
            (true, None) => e.add("hub_id", "required", "a coordinator needs a hub"),
            (false, Some(_)) => e.add("hub_id", "not_allowed", "only coordinators have a hub"),
            _ => {}
        }
        match (needs_partner, self.partner_id) {
            (true, None) => e.add("partner_id", "required", "partner staff need a partner"),
            (false, Some(_)) => e.add(
                "partner_id",
                "not_allowed",
                "only partner staff have a partner",
            ),
            _ => {}
        }
        e.into_result()
    }
}

/// The account just opened, with its password: shown this once, stored only as a hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCreated {
    pub account: Me,
    /// The first password, to hand to the person over a safe channel. It cannot be read again.
    #[cfg_attr(feature = "openapi", schema(example = "q7RtmZ3kVh9wXc2P"))]
    pub password: String,
}

/// An email in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxEmail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Absent while waiting (no SMTP configured, or retrying).
    pub sent_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub last_error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hub() -> HubInput {
        HubInput {
            name: "いわて副業人材拠点".into(),
            prefecture_codes: vec!["03".into()],
            response_deadline_days: 14,
        }
    }

    fn fields(r: Result<(), FieldErrors>) -> Vec<String> {
        r.err()
            .map(|e| e.0.into_iter().map(|f| f.field).collect())
            .unwrap_or_default()
    }

    #[test]
    fn hubs_need_a_name_prefectures_and_a_sensible_deadline() {
        assert!(hub().validate().is_ok());
        let bad = HubInput {
            name: " ".into(),
            prefecture_codes: vec!["48".into()],
            response_deadline_days: 0,
        };
        assert_eq!(
            fields(bad.validate()),
            ["name", "prefecture_codes", "response_deadline_days"]
        );
        let twice = HubInput {
            prefecture_codes: vec!["03".into(), "03".into()],
            ..hub()
        };
        assert_eq!(fields(twice.validate()), ["prefecture_codes"]);
    }

    #[test]
    fn staff_roles_carry_their_organisation() {
        let coordinator = StaffInput {
            role: Role::Coordinator,
            email: "chiba@hub.example.jp".into(),
            display_name: "千葉 恵子".into(),
            hub_id: Some(1),
            partner_id: None,
        };
        assert!(coordinator.validate().is_ok());
        let no_hub = StaffInput {
            hub_id: None,
            ..coordinator.clone()
        };
        assert_eq!(fields(no_hub.validate()), ["hub_id"]);
        let partner = StaffInput {
            role: Role::Partner,
            ..coordinator.clone()
        };
        assert_eq!(fields(partner.validate()), ["hub_id", "partner_id"]);
        let talent = StaffInput {
            role: Role::Talent,
            ..coordinator
        };
        assert_eq!(fields(talent.validate()), ["role"]);
    }
}
