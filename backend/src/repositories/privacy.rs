//! Privacy (APPI): consents, deleted accounts and the writes that anonymise one.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    account_deletions, api_keys, applications, audit_log, consents, contracts, email_outbox,
    engagements, interviews, message_reads, messages, notifications, questionnaires,
    refresh_tokens, talent_profiles, users,
};
use crate::db::AnyConnection;

/// What a deleted account's name becomes wherever others see it.
pub const DELETED_NAME: &str = "退会したユーザー";
/// What a purged message reads after the retention period.
pub const PURGED_MESSAGE: &str =
    "（退会したユーザーのメッセージは保存期間を過ぎたため削除されました）";

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = consents)]
pub struct ConsentRow {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub version: String,
    pub case_study_id: Option<i64>,
    pub granted_at: NaiveDateTime,
    pub withdrawn_at: Option<NaiveDateTime>,
}

pub fn insert_consent(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: &str,
    version: &str,
    case_study_id: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(consents::table)
        .values((
            consents::user_id.eq(user_id),
            consents::kind.eq(kind),
            consents::version.eq(version),
            consents::case_study_id.eq(case_study_id),
            consents::granted_at.eq(now),
        ))
        .returning(consents::id)
        .get_result(conn)
}

/// The person's consents, newest first.
pub fn consents_of(conn: &mut AnyConnection, user_id: i64) -> QueryResult<Vec<ConsentRow>> {
    consents::table
        .filter(consents::user_id.eq(user_id))
        .order(consents::id.desc())
        .select(ConsentRow::as_select())
        .load(conn)
}

/// One of the person's consents (none when it is someone else's).
pub fn consent_of(
    conn: &mut AnyConnection,
    user_id: i64,
    id: i64,
) -> QueryResult<Option<ConsentRow>> {
    consents::table
        .find(id)
        .filter(consents::user_id.eq(user_id))
        .select(ConsentRow::as_select())
        .first(conn)
        .optional()
}

/// Whether the person's consent to this case study stands (given and not withdrawn).
pub fn case_study_consent_stands(
    conn: &mut AnyConnection,
    user_id: i64,
    case_study_id: i64,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        consents::table
            .filter(consents::user_id.eq(user_id))
            .filter(consents::case_study_id.eq(case_study_id))
            .filter(consents::withdrawn_at.is_null()),
    ))
    .get_result(conn)
}

/// Withdraws a consent unless it already is; false when nothing changed.
pub fn withdraw_consent(
    conn: &mut AnyConnection,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        consents::table
            .find(id)
            .filter(consents::withdrawn_at.is_null()),
    )
    .set(consents::withdrawn_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// Ends every standing consent to a case study whose text changed (the study's own consent
/// marks are cleared by the edit too).
pub fn lapse_case_study_consents(
    conn: &mut AnyConnection,
    case_study_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        consents::table
            .filter(consents::case_study_id.eq(case_study_id))
            .filter(consents::withdrawn_at.is_null()),
    )
    .set(consents::withdrawn_at.eq(now))
    .execute(conn)
}

/// Clears one side's consent on a case study draft (`company`, `talent` or `coordinator`).
pub fn clear_case_study_consent(
    conn: &mut AnyConnection,
    case_study_id: i64,
    side: &str,
) -> QueryResult<bool> {
    use crate::db::schema::case_studies as cs;
    let draft = cs::table.find(case_study_id).filter(cs::status.eq("draft"));
    let n = match side {
        "company" => diesel::update(draft)
            .set(cs::company_consent_at.eq(None::<NaiveDateTime>))
            .execute(conn)?,
        "talent" => diesel::update(draft)
            .set(cs::talent_consent_at.eq(None::<NaiveDateTime>))
            .execute(conn)?,
        _ => diesel::update(draft)
            .set(cs::coordinator_consent_at.eq(None::<NaiveDateTime>))
            .execute(conn)?,
    };
    Ok(n == 1)
}

pub fn is_deleted(conn: &mut AnyConnection, user_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        account_deletions::table.filter(account_deletions::user_id.eq(user_id)),
    ))
    .get_result(conn)
}

/// Engagements of the talent that are still running.
pub fn active_engagements(conn: &mut AnyConnection, talent_id: i64) -> QueryResult<i64> {
    engagements::table
        .inner_join(applications::table)
        .filter(applications::talent_id.eq(talent_id))
        .filter(engagements::status.eq("active"))
        .count()
        .get_result(conn)
}

/// Other members of the company, deleted ones excluded.
pub fn other_members(conn: &mut AnyConnection, company_id: i64, user_id: i64) -> QueryResult<i64> {
    users::table
        .filter(users::company_id.eq(company_id))
        .filter(users::id.ne(user_id))
        .filter(users::id.ne_all(account_deletions::table.select(account_deletions::user_id)))
        .count()
        .get_result(conn)
}

/// The talent's applications that are still open (not contracted, declined or withdrawn).
pub fn open_applications(
    conn: &mut AnyConnection,
    talent_id: i64,
) -> QueryResult<Vec<(i64, String)>> {
    applications::table
        .filter(applications::talent_id.eq(talent_id))
        .filter(applications::status.eq_any(["applied", "shortlisted", "interviewing", "offered"]))
        .select((applications::id, applications::status))
        .load(conn)
}

/// Replaces the account's identity: a placeholder email in the reserved `.invalid` domain
/// (unique, never routable), the shared deleted name and a password hash nothing verifies.
pub fn anonymise_user(
    conn: &mut AnyConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::email.eq(format!("deleted-{user_id}@deleted.invalid")),
            users::display_name.eq(DELETED_NAME),
            users::password_hash.eq("!deleted"),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Removes what the talent wrote about themselves in the profile and their applications.
/// Work records (reports, reviews, contracts) stay: see docs/PRIVACY.md.
pub fn erase_talent_data(conn: &mut AnyConnection, talent_id: i64) -> QueryResult<()> {
    diesel::delete(talent_profiles::table.filter(talent_profiles::user_id.eq(talent_id)))
        .execute(conn)?;
    let own_applications = applications::table
        .filter(applications::talent_id.eq(talent_id))
        .select(applications::id);
    diesel::update(applications::table.filter(applications::talent_id.eq(talent_id)))
        .set((
            applications::proposal.eq(""),
            applications::screening_answers.eq("[]"),
        ))
        .execute(conn)?;
    diesel::delete(
        questionnaires::table
            .filter(questionnaires::side.eq("talent"))
            .filter(questionnaires::application_id.eq_any(own_applications)),
    )
    .execute(conn)?;
    let own_applications = applications::table
        .filter(applications::talent_id.eq(talent_id))
        .select(applications::id);
    diesel::update(interviews::table.filter(interviews::application_id.eq_any(own_applications)))
        .set(interviews::talent_notes.eq(None::<String>))
        .execute(conn)?;
    Ok(())
}

/// Sessions, keys, notifications, read markers and unsent mail of the account.
pub fn end_account_access(
    conn: &mut AnyConnection,
    user_id: i64,
    email: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    diesel::update(
        api_keys::table
            .filter(api_keys::user_id.eq(user_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set((
        api_keys::revoked_at.eq(Some(now)),
        api_keys::revoked_by_user_id.eq(Some(user_id)),
    ))
    .execute(conn)?;
    diesel::delete(notifications::table.filter(notifications::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::delete(message_reads::table.filter(message_reads::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::delete(
        email_outbox::table
            .filter(email_outbox::to_email.eq(email))
            .filter(email_outbox::sent_at.is_null()),
    )
    .execute(conn)?;
    Ok(())
}

/// Records the deletion; a second one for the same account violates the key.
pub fn record_deletion(
    conn: &mut AnyConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(account_deletions::table)
        .values((
            account_deletions::user_id.eq(user_id),
            account_deletions::deleted_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Deleted accounts whose messages are still there and were deleted before `before`.
pub fn due_for_purge(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<Vec<i64>> {
    account_deletions::table
        .filter(account_deletions::deleted_at.lt(before))
        .filter(account_deletions::messages_purged_at.is_null())
        .select(account_deletions::user_id)
        .load(conn)
}

/// Blanks the messages a deleted account wrote and marks it done.
pub fn purge_messages(
    conn: &mut AnyConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let n = diesel::update(messages::table.filter(messages::sender_id.eq(user_id)))
        .set(messages::body.eq(PURGED_MESSAGE))
        .execute(conn)?;
    diesel::update(account_deletions::table.find(user_id))
        .set(account_deletions::messages_purged_at.eq(Some(now)))
        .execute(conn)?;
    Ok(n)
}

/// Messages the person wrote: (id, application, body, sent at), oldest first.
pub fn sent_messages(
    conn: &mut AnyConnection,
    user_id: i64,
) -> QueryResult<Vec<(i64, i64, String, NaiveDateTime)>> {
    messages::table
        .filter(messages::sender_id.eq(user_id))
        .order(messages::id.asc())
        .select((
            messages::id,
            messages::application_id,
            messages::body,
            messages::created_at,
        ))
        .load(conn)
}

/// Contract ids (every term) of the talent's applications, oldest first.
pub fn contract_ids(conn: &mut AnyConnection, talent_id: i64) -> QueryResult<Vec<i64>> {
    contracts::table
        .inner_join(applications::table)
        .filter(applications::talent_id.eq(talent_id))
        .order(contracts::id.asc())
        .select(contracts::id)
        .load(conn)
}

/// Audit entries the person made or that are about their account, oldest first:
/// (entity, id, action, from, to, actor, at).
#[allow(clippy::type_complexity)]
pub fn audit_entries(
    conn: &mut AnyConnection,
    user_id: i64,
) -> QueryResult<
    Vec<(
        String,
        i64,
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        NaiveDateTime,
    )>,
> {
    audit_log::table
        .filter(
            audit_log::actor_user_id.eq(user_id).or(audit_log::entity
                .eq("user")
                .and(audit_log::entity_id.eq(user_id))),
        )
        .order(audit_log::id.asc())
        .select((
            audit_log::entity,
            audit_log::entity_id,
            audit_log::action,
            audit_log::from_state,
            audit_log::to_state,
            audit_log::actor_user_id,
            audit_log::created_at,
        ))
        .load(conn)
}
