use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    application_status_history, applications, companies, projects, questionnaires, users,
};
use crate::db::AnyConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = applications)]
pub struct ApplicationRow {
    pub id: i64,
    pub project_id: i64,
    pub talent_id: i64,
    pub status: String,
    pub proposal: String,
    pub screening_answers: String,
    pub scout_id: Option<i64>,
    pub response_due_at: Option<NaiveDateTime>,
    pub overdue_flagged_at: Option<NaiveDateTime>,
    pub decline_reason: Option<String>,
    pub decline_message: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The partner whose link led to the application (`widget::set_application_referral`).
    pub referred_by_partner_id: Option<i64>,
}

/// An application with the facts its views and rules need.
#[derive(Debug, Clone, Queryable)]
pub struct ApplicationContext {
    pub application: ApplicationRow,
    pub project_title: String,
    pub project_draft: String,
    pub company_id: i64,
    pub company_name: String,
    pub prefecture_code: String,
    pub talent_name: String,
}

pub struct NewApplication<'a> {
    pub project_id: i64,
    pub talent_id: i64,
    pub proposal: &'a str,
    pub screening_answers: &'a str,
    pub scout_id: Option<i64>,
    pub response_due_at: NaiveDateTime,
    pub now: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, a: &NewApplication<'_>) -> QueryResult<i64> {
    let id = diesel::insert_into(applications::table)
        .values((
            applications::project_id.eq(a.project_id),
            applications::talent_id.eq(a.talent_id),
            applications::status.eq("applied"),
            applications::proposal.eq(a.proposal),
            applications::screening_answers.eq(a.screening_answers),
            applications::scout_id.eq(a.scout_id),
            applications::response_due_at.eq(a.response_due_at),
            applications::created_at.eq(a.now),
            applications::updated_at.eq(a.now),
        ))
        .returning(applications::id)
        .get_result(conn)?;
    record_status(conn, id, "applied", a.now)?;
    Ok(id)
}

pub fn record_status(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(application_status_history::table)
        .values((
            application_status_history::application_id.eq(id),
            application_status_history::status.eq(status),
            application_status_history::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn history(conn: &mut AnyConnection, id: i64) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    application_status_history::table
        .filter(application_status_history::application_id.eq(id))
        .order(application_status_history::id.asc())
        .select((
            application_status_history::status,
            application_status_history::created_at,
        ))
        .load(conn)
}

macro_rules! context_query {
    () => {
        applications::table
            .inner_join(projects::table.inner_join(companies::table))
            .inner_join(users::table.on(users::id.eq(applications::talent_id)))
            .select((
                ApplicationRow::as_select(),
                projects::title,
                projects::draft,
                companies::id,
                companies::name,
                companies::prefecture_code,
                users::display_name,
            ))
    };
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<ApplicationContext> {
    context_query!().filter(applications::id.eq(id)).first(conn)
}

/// Whether the talent has an open application to the project.
pub fn open_exists(conn: &mut AnyConnection, project_id: i64, talent_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        applications::table
            .filter(applications::project_id.eq(project_id))
            .filter(applications::talent_id.eq(talent_id))
            .filter(applications::status.eq_any(OPEN)),
    ))
    .get_result(conn)
}

pub const OPEN: [&str; 4] = ["applied", "shortlisted", "interviewing", "offered"];

/// Moves `from` → `to` only if the application is still in `from`.
pub fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    from: &str,
    to: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        applications::table
            .filter(applications::id.eq(id))
            .filter(applications::status.eq(from)),
    )
    .set((
        applications::status.eq(to),
        applications::updated_at.eq(now),
    ))
    .execute(conn)?;
    if n == 1 {
        record_status(conn, id, to, now)?;
    }
    Ok(n == 1)
}

pub fn set_decline(
    conn: &mut AnyConnection,
    id: i64,
    reason: &str,
    message: &str,
) -> QueryResult<()> {
    diesel::update(applications::table.find(id))
        .set((
            applications::decline_reason.eq(reason),
            applications::decline_message.eq(message),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Filters for lists of applications.
#[derive(Debug, Clone, Default)]
pub struct ApplicationFilter {
    pub talent_id: Option<i64>,
    pub company_id: Option<i64>,
    pub prefectures: Option<Vec<String>>,
    pub project_id: Option<i64>,
    pub status: Option<String>,
    pub overdue_only: bool,
}

pub fn list(
    conn: &mut AnyConnection,
    f: &ApplicationFilter,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<ApplicationContext>> {
    let mut query = context_query!().into_boxed();
    if let Some(id) = f.talent_id {
        query = query.filter(applications::talent_id.eq(id));
    }
    if let Some(id) = f.company_id {
        query = query.filter(companies::id.eq(id));
    }
    if let Some(codes) = &f.prefectures {
        query = query.filter(companies::prefecture_code.eq_any(codes.clone()));
    }
    if let Some(id) = f.project_id {
        query = query.filter(applications::project_id.eq(id));
    }
    if let Some(s) = &f.status {
        query = query.filter(applications::status.eq(s.clone()));
    }
    if f.overdue_only {
        query = query
            .filter(applications::overdue_flagged_at.is_not_null())
            .filter(applications::status.eq("applied"));
    }
    if let Some(id) = before {
        query = query.filter(applications::id.lt(id));
    }
    query.order(applications::id.desc()).limit(limit).load(conn)
}

/// Applications still waiting for the company's first answer after their deadline, not yet
/// flagged.
pub fn overdue_unflagged(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
) -> QueryResult<Vec<ApplicationContext>> {
    context_query!()
        .filter(applications::status.eq("applied"))
        .filter(applications::response_due_at.le(now))
        .filter(applications::overdue_flagged_at.is_null())
        .load(conn)
}

pub fn flag_overdue(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        applications::table
            .filter(applications::id.eq(id))
            .filter(applications::overdue_flagged_at.is_null()),
    )
    .set(applications::overdue_flagged_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Applications still waiting for the company's first answer (flagged), oldest first.
pub fn waiting(conn: &mut AnyConnection) -> QueryResult<Vec<ApplicationContext>> {
    context_query!()
        .filter(applications::status.eq("applied"))
        .filter(applications::overdue_flagged_at.is_not_null())
        .order(applications::id.asc())
        .load(conn)
}

/// Open applications to a project (to decline when it closes).
pub fn open_for_project(
    conn: &mut AnyConnection,
    project_id: i64,
) -> QueryResult<Vec<ApplicationRow>> {
    applications::table
        .filter(applications::project_id.eq(project_id))
        .filter(applications::status.eq_any(OPEN))
        .select(ApplicationRow::as_select())
        .load(conn)
}

pub fn save_questionnaire(
    conn: &mut AnyConnection,
    id: i64,
    side: &str,
    answers: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let updated = diesel::update(
        questionnaires::table
            .filter(questionnaires::application_id.eq(id))
            .filter(questionnaires::side.eq(side)),
    )
    .set(questionnaires::answers.eq(answers))
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(questionnaires::table)
            .values((
                questionnaires::application_id.eq(id),
                questionnaires::side.eq(side),
                questionnaires::answers.eq(answers),
                questionnaires::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn questionnaires(conn: &mut AnyConnection, id: i64) -> QueryResult<Vec<(String, String)>> {
    questionnaires::table
        .filter(questionnaires::application_id.eq(id))
        .select((questionnaires::side, questionnaires::answers))
        .load(conn)
}

pub fn any_for_project(conn: &mut AnyConnection, project_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        applications::table.filter(applications::project_id.eq(project_id)),
    ))
    .get_result(conn)
}

pub fn talent_ids_of_project(conn: &mut AnyConnection, project_id: i64) -> QueryResult<Vec<i64>> {
    applications::table
        .filter(applications::project_id.eq(project_id))
        .select(applications::talent_id)
        .load(conn)
}
