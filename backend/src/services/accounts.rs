//! Accounts: the signed-in user's view of themselves, and staff accounts made by admins.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::auth::{HubSummary, Me, PartnerSummary};
use kakehashi_shared::enums::{PartnerKind, Role};
use kakehashi_shared::partner::{is_referral_code, normalize_origin};
use kakehashi_shared::validation::{is_prefecture_code, normalize_email, FieldErrors};
use kakehashi_shared::Validate;

use crate::auth::password;
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::policy::Actor;
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::users::{self, NewUserRow, UserRow};
use crate::repositories::{
    companies, from_db_time, organisations, partners, reference, to_db_time,
};

/// The account as the user sees it, with the organisation they act for.
pub fn me(conn: &mut AnyConnection, user: UserRow) -> Result<Me, ApiError> {
    let role = Role::parse(&user.role)
        .ok_or_else(|| ApiError::internal(format!("user {} has unknown role", user.id)))?;
    Ok(Me {
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        role,
        company: user
            .company_id
            .map(|id| companies::summary(conn, id))
            .transpose()?,
        hub: user
            .hub_id
            .map(|id| organisations::hub_summary(conn, id))
            .transpose()?,
        partner: user
            .partner_id
            .map(|id| organisations::partner_summary(conn, id))
            .transpose()?,
        created_at: from_db_time(user.created_at),
        // Widget and referrals: a talent's own referral, or a member's company's.
        referred_by: {
            let partner = match user.company_id {
                Some(company) => crate::repositories::widget::company_referral(conn, company)?,
                None => user.referred_by_partner_id,
            };
            crate::services::embed::referral_partner(conn, partner)?
        },
    })
}

/// The caller's own account. A token for a deleted account is no longer valid.
pub fn load_me(conn: &mut AnyConnection, actor: &Actor) -> Result<Me, ApiError> {
    crate::policy::can_view_user(actor, actor.user_id)?;
    let user = users::find(conn, actor.user_id).map_err(|e| match e {
        diesel::result::Error::NotFound => {
            ApiError::Unauthenticated("The account no longer exists.")
        }
        other => other.into(),
    })?;
    me(conn, user)
}

/// The organisation a staff account belongs to.
#[derive(Debug, Clone, Copy)]
pub enum StaffOrganisation {
    Hub(i64),
    Partner(i64),
    None,
}

/// A staff account to create from the command line (`kakehashi admin create-staff`).
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub role: Role,
    pub organisation: StaffOrganisation,
}

impl Validate for NewStaff {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.email("email", &self.email);
        e.new_password("password", &self.password);
        e.text("display_name", &self.display_name, 1, 100);
        let fits = matches!(
            (self.role, self.organisation),
            (Role::Coordinator, StaffOrganisation::Hub(_))
                | (Role::Partner, StaffOrganisation::Partner(_))
                | (Role::Admin, StaffOrganisation::None)
        );
        if !self.role.is_staff() {
            e.add(
                "role",
                "unknown_value",
                "must be coordinator, partner or admin",
            );
        } else if !fits {
            e.add(
                "role",
                "invalid_format",
                "a coordinator needs --hub, a partner needs --partner, an admin neither",
            );
        }
        e.into_result()
    }
}

pub fn create_staff(
    conn: &mut AnyConnection,
    staff: &NewStaff,
    now: DateTime<Utc>,
) -> Result<Me, ApiError> {
    staff.validate().map_err(ApiError::Validation)?;
    let hash = password::hash(&staff.password)?;
    let email = normalize_email(&staff.email);
    let (hub_id, partner_id) = match staff.organisation {
        StaffOrganisation::Hub(id) => (Some(id), None),
        StaffOrganisation::Partner(id) => (None, Some(id)),
        StaffOrganisation::None => (None, None),
    };
    conn.transaction(|conn| {
        if users::email_exists(conn, &email)? {
            return Err(ApiError::EmailTaken);
        }
        let row = users::insert(
            conn,
            &NewUserRow {
                email: &email,
                password_hash: &hash,
                display_name: staff.display_name.trim(),
                role: staff.role.as_str(),
                company_id: None,
                hub_id,
                partner_id,
                created_at: to_db_time(now),
                updated_at: to_db_time(now),
            },
        )?;
        audit::record(conn, &AuditEntry::new("user", row.id, "staff_created", now))?;
        me(conn, row)
    })
}

fn check_prefectures(conn: &mut AnyConnection, codes: &[String]) -> Result<(), ApiError> {
    if codes.is_empty() {
        return Err(ApiError::field(
            "prefectures",
            "required",
            "name at least one prefecture",
        ));
    }
    for code in codes {
        if !is_prefecture_code(code) || !reference::prefecture_exists(conn, code)? {
            return Err(ApiError::field(
                "prefectures",
                "unknown_value",
                format!("{code} is not a JIS prefecture code"),
            ));
        }
    }
    Ok(())
}

pub fn create_hub(
    conn: &mut AnyConnection,
    name: &str,
    prefecture_codes: &[String],
    response_deadline_days: i32,
    now: DateTime<Utc>,
) -> Result<HubSummary, ApiError> {
    let mut e = FieldErrors::new();
    e.text("name", name, 1, 200);
    if !(1..=60).contains(&response_deadline_days) {
        e.add(
            "response_deadline_days",
            "out_of_range",
            "must be between 1 and 60 days",
        );
    }
    e.into_result().map_err(ApiError::Validation)?;
    conn.transaction(|conn| {
        check_prefectures(conn, prefecture_codes)?;
        let id = organisations::insert_hub(
            conn,
            name.trim(),
            response_deadline_days,
            prefecture_codes,
            to_db_time(now),
        )?;
        audit::record(conn, &AuditEntry::new("hub", id, "created", now))?;
        Ok(organisations::hub_summary(conn, id)?)
    })
}

/// Creates a partner organisation (the CLI and the admin API). Without a referral code, one
/// is generated; origins are checked and stored as browsers send them (lower-case, no default
/// port), so the widget's CORS check compares them byte for byte.
pub fn create_partner(
    conn: &mut AnyConnection,
    name: &str,
    kind: PartnerKind,
    referral_code: Option<&str>,
    prefecture_codes: &[String],
    origins: &[String],
    now: DateTime<Utc>,
) -> Result<PartnerSummary, ApiError> {
    let mut e = FieldErrors::new();
    e.text("name", name, 1, 200);
    if let Some(code) = referral_code {
        if !is_referral_code(code) {
            e.add(
                "referral_code",
                "invalid_format",
                "3–40 letters, digits, - or _",
            );
        }
    }
    let origins = normalized_origins(&mut e, origins);
    e.into_result().map_err(ApiError::Validation)?;
    conn.transaction(|conn| {
        check_prefectures(conn, prefecture_codes)?;
        let code = match referral_code {
            Some(code) => {
                if partners::referral_code_taken(conn, code)? {
                    return Err(ApiError::field(
                        "referral_code",
                        "duplicate",
                        "another partner already uses this referral code",
                    ));
                }
                code.to_owned()
            }
            None => generate_referral_code(conn)?,
        };
        let id = organisations::insert_partner(
            conn,
            name.trim(),
            kind,
            &code,
            prefecture_codes,
            to_db_time(now),
        )?;
        partners::set_origins(conn, id, &origins)?;
        audit::record(conn, &AuditEntry::new("partner", id, "created", now))?;
        Ok(organisations::partner_summary(conn, id)?)
    })
}

/// Origins normalised and without duplicates; each one that is not an origin is named as
/// `origins[i]`.
pub fn normalized_origins(e: &mut FieldErrors, origins: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(origins.len());
    for (i, origin) in origins.iter().enumerate() {
        match normalize_origin(origin) {
            Some(o) if !out.contains(&o) => out.push(o),
            Some(_) => {}
            None => e.add(
                &format!("origins[{i}]"),
                "invalid_format",
                format!("{origin:?} is not an origin: write https://host or https://host:port, without a path"),
            ),
        }
    }
    out
}

/// A fresh referral code such as `p-7kq2mx9a`: short enough to read out, random enough not
/// to be guessed in order, and checked against the codes in use.
fn generate_referral_code(conn: &mut AnyConnection) -> Result<String, ApiError> {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    for _ in 0..8 {
        let code: String = std::iter::once("p-".to_owned())
            .chain(
                (0..8).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]).to_string()),
            )
            .collect();
        if !partners::referral_code_taken(conn, &code)? {
            return Ok(code);
        }
    }
    Err(ApiError::internal("no free referral code after 8 tries"))
}
