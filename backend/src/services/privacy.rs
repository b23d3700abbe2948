//! Privacy under Japan's APPI: consents, the export of a person's data (開示) and the deletion
//! of their account (削除). What is erased, what is kept and why: docs/PRIVACY.md.

use chrono::{DateTime, Duration, Utc};
use diesel::Connection;
use kakehashi_shared::application::Message;
use kakehashi_shared::enums::Role;
use kakehashi_shared::privacy::{
    AuditExportEntry, Consent, ConsentKind, ConversationExport, PersonalDataExport, SentMessage,
    EXPORT_FORMAT_VERSION, PRIVACY_POLICY_VERSION, TERMS_VERSION,
};
use kakehashi_shared::{Page, Validate};
use sha2::{Digest, Sha256};

use crate::auth::password;
use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::policy::Actor;
use crate::repositories::audit::{self, AuditEntry};
use crate::repositories::privacy::{self as repo, ConsentRow};
use crate::repositories::{
    applications as app_repo, case_studies as cs_repo, conversations, from_db_time, search_changes,
    to_db_time, users,
};
use crate::services::notify::{self, Note};
use crate::services::{
    accounts, applications, case_studies, contracts, conversations as conv, engagements, scouts,
    talents,
};
use crate::state::AppState;

/// How long the messages a deleted account wrote stay readable by the other side: long
/// enough to settle a dispute about the last month's work and payment (the freelance law's
/// 60-day payment term, with a margin), short of keeping them for ever.
pub const MESSAGE_RETENTION_DAYS: i64 = 180;

fn conflict(code: &str, detail: &str) -> ApiError {
    ApiError::Conflict {
        code: code.to_owned(),
        detail: detail.to_owned(),
    }
}

/// The versions of the terms and the privacy policy in force, accepted by registering (the
/// registration form says so beside its button).
pub fn record_registration_consents(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let at = to_db_time(now);
    repo::insert_consent(
        conn,
        user_id,
        ConsentKind::Terms.as_str(),
        TERMS_VERSION,
        None,
        at,
    )?;
    repo::insert_consent(
        conn,
        user_id,
        ConsentKind::PrivacyPolicy.as_str(),
        PRIVACY_POLICY_VERSION,
        None,
        at,
    )?;
    Ok(())
}

/// What a case study consent was given to: a digest of the text the person read.
pub fn text_version(text: &str) -> String {
    let digest = hex::encode(Sha256::digest(text.as_bytes()));
    digest[..12].to_owned()
}

/// Records a consent to publish a case study, once while it stands.
pub fn record_case_study_consent(
    conn: &mut AnyConnection,
    user_id: i64,
    case_study_id: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if !repo::case_study_consent_stands(conn, user_id, case_study_id)? {
        repo::insert_consent(
            conn,
            user_id,
            ConsentKind::CaseStudy.as_str(),
            &text_version(text),
            Some(case_study_id),
            to_db_time(now),
        )?;
    }
    Ok(())
}

fn consent_dto(conn: &mut AnyConnection, row: ConsentRow) -> Result<Consent, ApiError> {
    let kind = ConsentKind::parse(&row.kind)
        .ok_or_else(|| ApiError::internal(format!("consent {} has unknown kind", row.id)))?;
    let (title, draft) = match row.case_study_id {
        Some(id) => {
            let study = cs_repo::find(conn, id)?;
            let text: kakehashi_shared::case_study::CaseStudyText =
                crate::repositories::json::from_text(&study.text)?;
            (Some(text.title), study.status == "draft")
        }
        None => (None, false),
    };
    Ok(Consent {
        id: row.id,
        kind,
        version: row.version,
        case_study_id: row.case_study_id,
        case_study_title: title,
        granted_at: from_db_time(row.granted_at),
        withdrawn_at: row.withdrawn_at.map(from_db_time),
        withdrawable: kind == ConsentKind::CaseStudy && draft && row.withdrawn_at.is_none(),
    })
}

pub fn consents(conn: &mut AnyConnection, actor: &Actor) -> Result<Page<Consent>, ApiError> {
    let rows = repo::consents_of(conn, actor.user_id)?;
    let items = rows
        .into_iter()
        .map(|r| consent_dto(conn, r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page::complete(items))
}

/// Withdraws a case study consent while the study is a draft: the side's consent is cleared,
/// so it cannot be published until that side consents again. Withdrawing twice is a no-op.
pub fn withdraw(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Consent, ApiError> {
    conn.transaction(|conn| {
        let row = repo::consent_of(conn, actor.user_id, id)?.ok_or(ApiError::NotFound)?;
        let Some(case_study_id) = row.case_study_id else {
            return Err(conflict(
                "consent_not_withdrawable",
                "The terms and the privacy policy apply while the account exists; delete the account to end them.",
            ));
        };
        if row.withdrawn_at.is_none() {
            case_studies::withdraw_consent(conn, actor, case_study_id, now)?;
            repo::withdraw_consent(conn, id, to_db_time(now))?;
        }
        let row = repo::consent_of(conn, actor.user_id, id)?.ok_or(ApiError::NotFound)?;
        consent_dto(conn, row)
    })
}

/// Every page of a paged list, for an export of one person's records.
fn all<T>(
    mut fetch: impl FnMut(PageRequest) -> Result<Page<T>, ApiError>,
) -> Result<Vec<T>, ApiError> {
    let mut out = Vec::new();
    let mut before = None;
    loop {
        let page = fetch(PageRequest { limit: 100, before })?;
        out.extend(page.items);
        match page.next_cursor.and_then(|c| c.parse::<i64>().ok()) {
            Some(next) => before = Some(next),
            None => return Ok(out),
        }
    }
}

/// What the export leaves out, and why (APPI art. 33(2): disclosure that would harm the
/// business's proper conduct or another person's rights may be withheld).
const WITHHELD: [&str; 4] = [
    "コーディネーターの企業訪問記録と内部評価は、事業の適正な実施のため開示していません（Coordinators' visit notes and internal assessments are withheld).",
    "面談の相手側の非公開メモは相手の情報のため含みません（The other side's private interview notes are the other side's).",
    "他の応募者の情報は含みません（Other applicants are never included).",
    "パスワードは復元できない形（argon2id）でのみ保存しており、含みません（Passwords are stored only as argon2id hashes).",
];

/// The person's data, in the shapes the API already shows them.
pub fn export(
    conn: &mut AnyConnection,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<PersonalDataExport, ApiError> {
    if repo::is_deleted(conn, actor.user_id)? {
        return Err(ApiError::Unauthenticated("The account no longer exists."));
    }
    let account = accounts::load_me(conn, actor)?;
    let talent = actor.role == Role::Talent;
    let talent_profile = if talent {
        match talents::get_own(conn, actor) {
            Ok(profile) => Some(profile),
            Err(ApiError::NotFound) => None,
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    let (mut applications_out, mut conversations, mut scouts_out, mut contracts_out) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut engagements_out, mut case_studies_out, mut sent_messages) =
        (Vec::new(), Vec::new(), Vec::new());
    if talent {
        let q = applications::ListQuery::default();
        applications_out = all(|p| applications::list(conn, actor, &q, p))?;
        for a in &applications_out {
            // Read straight from the repository: exporting must not mark conversations read.
            let messages = conversations::messages(conn, a.id)?
                .into_iter()
                .map(|m| Message {
                    id: m.id,
                    application_id: a.id,
                    sender_id: m.sender_id,
                    sender_name: m.sender_name,
                    body: m.body,
                    created_at: from_db_time(m.created_at),
                    read: true,
                })
                .collect();
            conversations.push(ConversationExport {
                application_id: a.id,
                messages,
                interviews: conv::interviews(conn, actor, a.id)?.items,
            });
        }
        scouts_out = all(|p| scouts::list(conn, actor, None, p))?;
        for id in repo::contract_ids(conn, actor.user_id)? {
            contracts_out.push(contracts::get(conn, actor, id)?);
        }
        engagements_out = all(|p| engagements::list(conn, actor, p))?;
        for e in &engagements_out {
            if let Some(id) = e.case_study_id {
                case_studies_out.push(case_studies::get(conn, Some(actor), id, now)?);
            }
        }
    } else {
        sent_messages = repo::sent_messages(conn, actor.user_id)?
            .into_iter()
            .map(|(id, application_id, body, at)| SentMessage {
                id,
                application_id,
                body,
                created_at: from_db_time(at),
            })
            .collect();
    }
    let notifications_out = all(|p| notify::page_for(conn, actor.user_id, &p))?;
    let audit_out = repo::audit_entries(conn, actor.user_id)?
        .into_iter()
        .map(
            |(entity, entity_id, action, from_state, to_state, by, at)| AuditExportEntry {
                entity,
                entity_id,
                action,
                from_state,
                to_state,
                by_you: by == Some(actor.user_id),
                at: from_db_time(at),
            },
        )
        .collect();
    Ok(PersonalDataExport {
        format_version: EXPORT_FORMAT_VERSION,
        generated_at: now,
        account,
        talent_profile,
        applications: applications_out,
        conversations,
        sent_messages,
        scouts: scouts_out,
        contracts: contracts_out,
        engagements: engagements_out,
        case_studies: case_studies_out,
        notifications: notifications_out,
        consents: consents(conn, actor)?.items,
        audit: audit_out,
        withheld: WITHHELD.iter().map(|s| (*s).to_owned()).collect(),
    })
}

/// Deletes the caller's account after checking the password: personal data is erased or
/// anonymised in one transaction, contracts and work records stay (docs/PRIVACY.md). A
/// repeated request for an account already deleted succeeds without doing anything.
pub async fn delete_account(
    state: &AppState,
    actor: &Actor,
    request: &kakehashi_shared::privacy::DeleteAccountRequest,
) -> Result<(), ApiError> {
    request.validate().map_err(ApiError::Validation)?;
    let now = state.clock.now();
    let user_id = actor.user_id;
    let (user, deleted) = state
        .db
        .run(move |conn| {
            Ok((
                users::find(conn, user_id)?,
                repo::is_deleted(conn, user_id)?,
            ))
        })
        .await?;
    if deleted {
        return Ok(());
    }
    let (hash, password_text) = (user.password_hash.clone(), request.password.clone());
    let matches = actix_web::web::block(move || password::verify(&hash, &password_text))
        .await
        .map_err(|e| ApiError::internal(format!("verification task failed: {e}")))?;
    if !matches {
        return Err(ApiError::field(
            "password",
            "not_allowed",
            "is not the account's current password",
        ));
    }
    let actor = actor.clone();
    let erased = state
        .db
        .write(move |conn| conn.transaction(|conn| erase(conn, &actor, &user.email, now)))
        .await;
    match erased {
        Ok(()) => {}
        // Another request deleted the account meanwhile: the outcome asked for holds.
        Err(ApiError::Conflict { code, .. }) if code == ALREADY_DELETED => return Ok(()),
        Err(e) => return Err(e),
    }
    state.sync_search().await;
    Ok(())
}

/// Raised inside the deletion's transaction (rolling it back) when another request recorded
/// the deletion first; answered as success.
const ALREADY_DELETED: &str = "already_deleted";

fn erase(
    conn: &mut AnyConnection,
    actor: &Actor,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let user_id = actor.user_id;
    // Two requests racing: the loser finds the deletion recorded and stops.
    if repo::is_deleted(conn, user_id)? {
        return Ok(());
    }
    let at = to_db_time(now);
    match actor.role {
        Role::Talent => {
            if repo::active_engagements(conn, user_id)? > 0 {
                return Err(conflict(
                    "active_engagement",
                    "An engagement is still running. End it with the company first (the contract requires notice), then delete the account.",
                ));
            }
            for (application_id, from) in repo::open_applications(conn, user_id)? {
                if app_repo::set_status(conn, application_id, &from, "withdrawn", at)? {
                    audit::record(
                        conn,
                        &AuditEntry::new("application", application_id, "withdraw", now)
                            .by(user_id)
                            .moved(&from, "withdrawn"),
                    )?;
                    let ctx = app_repo::find(conn, application_id)?;
                    notify::company(
                        conn,
                        ctx.company_id,
                        &Note {
                            kind: "application.withdrawn",
                            title: "応募者が退会したため、応募は取り下げられました",
                            body: &ctx.project_title,
                            link: format!("/applications/{application_id}"),
                        },
                        now,
                    )?;
                }
            }
            repo::erase_talent_data(conn, user_id)?;
            search_changes::record(conn, "talent", user_id, at)?;
        }
        Role::CompanyMember => {
            let company = actor.company_id.unwrap_or(-1);
            if repo::other_members(conn, company, user_id)? == 0 {
                return Err(conflict(
                    "last_company_member",
                    "You are the company's only member. Ask the hub to add another member (or to close the company) before deleting your account.",
                ));
            }
        }
        // Staff accounts belong to their hub, partner or the operator: an admin closes them.
        Role::Coordinator | Role::Partner | Role::Admin => return Err(ApiError::Forbidden),
    }
    // First write of the rest: two racing requests meet on this row's key, and the one that
    // loses stops here (PostgreSQL makes it wait for the winner's commit).
    repo::record_deletion(conn, user_id, at).map_err(|e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => conflict(ALREADY_DELETED, "The account was deleted meanwhile."),
        other => other.into(),
    })?;
    // A person who leaves no longer agrees to stories being published in their name.
    for row in repo::consents_of(conn, user_id)? {
        if let (Some(case_study_id), None) = (row.case_study_id, row.withdrawn_at) {
            if cs_repo::find(conn, case_study_id)?.status == "draft" {
                case_studies::withdraw_consent(conn, actor, case_study_id, now)?;
                repo::withdraw_consent(conn, row.id, at)?;
            }
        }
    }
    repo::end_account_access(conn, user_id, email, at)?;
    repo::anonymise_user(conn, user_id, at)?;
    audit::record(
        conn,
        &AuditEntry::new("user", user_id, "deleted", now).by(user_id),
    )?;
    Ok(())
}

/// Blanks the messages of accounts deleted more than `MESSAGE_RETENTION_DAYS` ago; answers
/// how many accounts were purged. Idempotent; run by the periodic task in `serve`.
pub fn purge_expired(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let before = to_db_time(now - Duration::days(MESSAGE_RETENTION_DAYS));
    let due = repo::due_for_purge(conn, before)?;
    for user_id in &due {
        conn.transaction(|conn| repo::purge_messages(conn, *user_id, to_db_time(now)))?;
    }
    Ok(due.len())
}
