//! A small Japanese demo data set for `make demo`: hubs in 岩手, 鳥取 and 宮城 with their
//! coordinators, regional partners, companies with their members, talent accounts, and the
//! workflow data of `demo_workflow`. Loading it twice changes nothing.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::auth::{NewCompany, RegisterRequest};
use kakehashi_shared::enums::{AccountType, PartnerKind, Role};
use kakehashi_shared::validation::normalize_email;
use kakehashi_shared::Validate;
use rand::Rng;

use crate::auth::password;
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::companies::{self, NewCompanyRow};
use crate::repositories::users::{self, NewUserRow};
use crate::repositories::{organisations, to_db_time};
use crate::services::accounts::{self, NewStaff, StaffOrganisation};

/// Every demo account signs in with this password.
pub const DEMO_PASSWORD: &str = "kakehashi-demo";

struct DemoHub {
    name: &'static str,
    prefecture: &'static str,
    coordinator_email: &'static str,
    coordinator_name: &'static str,
}

const HUBS: &[DemoHub] = &[
    DemoHub {
        name: "いわて副業人材拠点",
        prefecture: "03",
        coordinator_email: "coordinator.iwate@kakehashi.example",
        coordinator_name: "千葉 恵子",
    },
    DemoHub {
        name: "とっとり週1副社長拠点",
        prefecture: "31",
        coordinator_email: "coordinator.tottori@kakehashi.example",
        coordinator_name: "山本 健",
    },
    DemoHub {
        name: "みやぎプロ人材拠点",
        prefecture: "04",
        coordinator_email: "coordinator.miyagi@kakehashi.example",
        coordinator_name: "佐々木 彩",
    },
];

struct DemoPartner {
    name: &'static str,
    kind: PartnerKind,
    code: &'static str,
    prefecture: &'static str,
    staff_email: &'static str,
    staff_name: &'static str,
}

const PARTNERS: &[DemoPartner] = &[
    DemoPartner {
        name: "みちのく地域銀行",
        kind: PartnerKind::Bank,
        code: "michinoku-bank",
        prefecture: "03",
        staff_email: "partner.bank@kakehashi.example",
        staff_name: "高橋 誠",
    },
    DemoPartner {
        name: "鳥取県 商工労働部",
        kind: PartnerKind::Prefecture,
        code: "tottori-pref",
        prefecture: "31",
        staff_email: "partner.tottori@kakehashi.example",
        staff_name: "田中 由美",
    },
];

/// (email, member name, company name, JSIC, prefecture, municipality)
const COMPANIES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "owner@iwate-seika.example",
        "佐藤 一郎",
        "岩手製菓株式会社",
        "E",
        "03",
        "盛岡市",
    ),
    (
        "owner@sanriku-suisan.example",
        "菊池 正",
        "有限会社三陸水産加工",
        "E",
        "03",
        "宮古市",
    ),
    (
        "owner@sakyu-farm.example",
        "松本 里美",
        "株式会社砂丘ファーム",
        "A",
        "31",
        "鳥取市",
    ),
    (
        "owner@daisen-ryokan.example",
        "福田 浩二",
        "大山温泉旅館 株式会社",
        "M",
        "31",
        "西伯郡大山町",
    ),
    (
        "owner@miyagi-techno.example",
        "阿部 和也",
        "宮城テクノ精工株式会社",
        "E",
        "04",
        "仙台市",
    ),
    (
        "owner@kesennuma-logi.example",
        "小野寺 望",
        "気仙沼ロジスティクス株式会社",
        "H",
        "04",
        "気仙沼市",
    ),
];

/// (email, name): professionals living in Tokyo and abroad.
const TALENTS: &[(&str, &str)] = &[
    ("hanako.yamada@example.jp", "山田 花子"),
    ("kenta.suzuki@example.jp", "鈴木 健太"),
    ("mai.ito@example.jp", "伊藤 舞"),
    ("takuya.kato@example.jp", "加藤 拓也"),
    ("yui.watanabe@example.sg", "渡辺 結衣"),
    ("daisuke.kobayashi@example.de", "小林 大輔"),
];

const ADMIN_EMAIL: &str = "admin@kakehashi.example";

/// A readable random password for a new staff account.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..16)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

/// Loads the demo set and returns the accounts to print.
pub fn load(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<String, ApiError> {
    let hash = password::hash(DEMO_PASSWORD)?;
    let mut lines = vec![format!("Demo accounts (password: {DEMO_PASSWORD})")];
    conn.transaction::<_, ApiError, _>(|conn| {
        staff(
            conn,
            ADMIN_EMAIL,
            "運営 管理者",
            Role::Admin,
            StaffOrganisation::None,
            now,
        )?;
        lines.push(format!("  admin        {ADMIN_EMAIL}"));
        let hubs = organisations::list_hubs(conn)?;
        for h in HUBS {
            let id = match hubs.iter().find(|x| x.name == h.name) {
                Some(existing) => existing.id,
                None => accounts::create_hub(conn, h.name, &[h.prefecture.to_owned()], 14, now)?.id,
            };
            staff(
                conn,
                h.coordinator_email,
                h.coordinator_name,
                Role::Coordinator,
                StaffOrganisation::Hub(id),
                now,
            )?;
            lines.push(format!(
                "  coordinator  {}  ({})",
                h.coordinator_email, h.name
            ));
        }
        let partners = organisations::list_partners(conn)?;
        for p in PARTNERS {
            let id = match partners.iter().find(|x| x.name == p.name) {
                Some(existing) => existing.id,
                None => {
                    accounts::create_partner(
                        conn,
                        p.name,
                        p.kind,
                        Some(p.code),
                        &[p.prefecture.to_owned()],
                        &[],
                        now,
                    )?
                    .id
                }
            };
            staff(
                conn,
                p.staff_email,
                p.staff_name,
                Role::Partner,
                StaffOrganisation::Partner(id),
                now,
            )?;
            lines.push(format!("  partner      {}  ({})", p.staff_email, p.name));
        }
        for (email, member, name, industry, prefecture, municipality) in COMPANIES {
            let request = RegisterRequest {
                account_type: AccountType::Company,
                email: (*email).to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                display_name: (*member).to_owned(),
                company: Some(NewCompany {
                    name: (*name).to_owned(),
                    industry_code: (*industry).to_owned(),
                    prefecture_code: (*prefecture).to_owned(),
                    municipality: (*municipality).to_owned(),
                }),
                referral_code: None,
            };
            request.validate().map_err(ApiError::Validation)?;
            if !users::email_exists(conn, email)? {
                let company_id = companies::insert(
                    conn,
                    &NewCompanyRow {
                        name,
                        industry_code: industry,
                        prefecture_code: prefecture,
                        municipality,
                        referred_by_partner_id: None,
                        created_at: to_db_time(now),
                        updated_at: to_db_time(now),
                    },
                )?;
                insert_user(
                    conn,
                    email,
                    &hash,
                    member,
                    Role::CompanyMember,
                    Some(company_id),
                    now,
                )?;
            }
            lines.push(format!("  company      {email}  ({name})"));
        }
        for (email, name) in TALENTS {
            if !users::email_exists(conn, email)? {
                insert_user(conn, email, &hash, name, Role::Talent, None, now)?;
            }
            lines.push(format!("  talent       {email}  ({name})"));
        }
        let coordinators: Vec<(&str, &str)> = HUBS
            .iter()
            .map(|h| (h.prefecture, h.coordinator_email))
            .collect();
        super::demo_workflow::load(conn, &coordinators, now)?;
        Ok(())
    })?;
    Ok(lines.join("\n"))
}

fn staff(
    conn: &mut AnyConnection,
    email: &str,
    name: &str,
    role: Role,
    organisation: StaffOrganisation,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if users::email_exists(conn, &normalize_email(email))? {
        return Ok(());
    }
    accounts::create_staff(
        conn,
        &NewStaff {
            email: email.to_owned(),
            password: DEMO_PASSWORD.to_owned(),
            display_name: name.to_owned(),
            role,
            organisation,
        },
        now,
    )
    .map(|_| ())
}

fn insert_user(
    conn: &mut AnyConnection,
    email: &str,
    hash: &str,
    name: &str,
    role: Role,
    company_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    users::insert(
        conn,
        &NewUserRow {
            email,
            password_hash: hash,
            display_name: name,
            role: role.as_str(),
            company_id,
            hub_id: None,
            partner_id: None,
            created_at: to_db_time(now),
            updated_at: to_db_time(now),
        },
    )?;
    Ok(())
}
