//! The embeddable widget and referral attribution: which postings a partner's widget shows,
//! which pages may read them (the partner's origins), the views and clicks counted per
//! partner, UTC day and prefecture, and the partner a referral code names when someone
//! registers or applies.

use chrono::{DateTime, Utc};
use diesel::Connection;
use kakehashi_shared::embed::{
    is_referral_code, EmbedProject, EmbedProjects, ReferralPartner, WidgetDay, WidgetFigures,
    EMBED_LIMIT_DEFAULT, EMBED_LIMIT_MAX,
};
use kakehashi_shared::project::ProjectDraft;
use kakehashi_shared::validation::is_prefecture_code;
use kakehashi_shared::FieldErrors;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::json::from_text;
use crate::repositories::{from_db_time, reference, widget as repo};
use crate::search::projects::{ProjectQuery, ProjectSort};
use crate::search::SearchEngine;

/// The query of `GET /embed/projects`, as sent (every value is text until checked, so a bad
/// value is a field error on the widget's own terms rather than a parse failure).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmbedQuery {
    /// The partner's referral code (the tag's `data-partner`).
    #[param(example = "iwate-pref")]
    pub partner: Option<String>,
    /// Two-digit JIS X 0401 code of the prefecture to show; absent: every prefecture.
    #[param(example = "03")]
    pub prefecture: Option<String>,
    /// How many postings, 1–20 (default 5).
    #[param(value_type = Option<i64>, example = 5)]
    pub limit: Option<String>,
    /// `ja` (default) or `en`: the language of prefecture names.
    #[param(example = "ja")]
    pub lang: Option<String>,
}

/// The query of `GET /embed/click`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClickQuery {
    /// The partner's referral code.
    #[param(example = "iwate-pref")]
    pub partner: Option<String>,
    /// The posting's id.
    #[param(value_type = i64, example = 12)]
    pub project: Option<String>,
    /// The prefecture the widget showed (counted with the click); absent: every prefecture.
    #[param(example = "03")]
    pub prefecture: Option<String>,
}

/// A checked widget request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedParams {
    pub prefecture: Option<String>,
    pub limit: usize,
    pub english: bool,
}

impl EmbedParams {
    /// The key of the cached answer: the same widget on many pages asks the same question.
    pub fn cache_key(&self, code: &str) -> String {
        format!(
            "embed:{code}:{}:{}:{}",
            self.prefecture.as_deref().unwrap_or(""),
            self.limit,
            self.english
        )
    }
}

/// The partner code of a widget request or link: required, and of the partners' shape.
pub fn partner_code(value: Option<&str>) -> Result<String, ApiError> {
    match value.map(str::trim) {
        None | Some("") => Err(ApiError::field("partner", "required", "is required")),
        Some(code) if !is_referral_code(code) => Err(ApiError::field(
            "partner",
            "invalid_format",
            "3–40 letters, digits, - or _",
        )),
        Some(code) => Ok(code.to_owned()),
    }
}

fn prefecture(e: &mut FieldErrors, value: Option<&str>) -> Option<String> {
    match value.map(str::trim) {
        None | Some("") => None,
        Some(p) if is_prefecture_code(p) => Some(p.to_owned()),
        Some(_) => {
            e.add(
                "prefecture",
                "unknown_value",
                "must be a JIS X 0401 prefecture code from \"01\" to \"47\"",
            );
            None
        }
    }
}

/// Checks the widget's prefecture, limit and language.
pub fn params(q: &EmbedQuery) -> Result<EmbedParams, ApiError> {
    let mut e = FieldErrors::new();
    let prefecture = prefecture(&mut e, q.prefecture.as_deref());
    let limit = match q.limit.as_deref().map(str::trim) {
        None | Some("") => EMBED_LIMIT_DEFAULT,
        Some(text) => match text.parse::<i64>() {
            Ok(n) if (1..=EMBED_LIMIT_MAX).contains(&n) => n,
            Ok(_) => {
                e.add("limit", "out_of_range", "must be between 1 and 20");
                EMBED_LIMIT_DEFAULT
            }
            Err(_) => {
                e.add("limit", "invalid_type", "must be a whole number");
                EMBED_LIMIT_DEFAULT
            }
        },
    };
    let english = match q.lang.as_deref().map(str::trim) {
        None | Some("") | Some("ja") => false,
        Some("en") => true,
        Some(_) => {
            e.add("lang", "unknown_value", "must be ja or en");
            false
        }
    };
    e.into_result().map_err(ApiError::Validation)?;
    Ok(EmbedParams {
        prefecture,
        limit: usize::try_from(limit).unwrap_or(5),
        english,
    })
}

/// The partner a code names: (id, name); 404 when none has it.
pub fn partner(conn: &mut AnyConnection, code: &str) -> Result<(i64, String), ApiError> {
    repo::partner_by_code(conn, code)?.ok_or(ApiError::NotFound)
}

/// Whether the page at `origin` may read the partner's widget data. Browsers send the origin
/// in its canonical form (lower-case scheme and host, no default port), which is how partner
/// origins are stored; anything else is simply not found.
pub fn origin_allowed(
    conn: &mut AnyConnection,
    partner_id: i64,
    origin: Option<&str>,
) -> Result<bool, ApiError> {
    match origin {
        Some(o) if !o.is_empty() && o != "null" => Ok(repo::origin_allowed(conn, partner_id, o)?),
        _ => Ok(false),
    }
}

/// The region's open postings for the widget, newest first, with click links that carry
/// the partner's code.
pub fn list(
    conn: &mut AnyConnection,
    engine: &SearchEngine,
    code: &str,
    partner_name: String,
    params: &EmbedParams,
    now: DateTime<Utc>,
) -> Result<EmbedProjects, ApiError> {
    let query = ProjectQuery {
        prefecture: params.prefecture.clone(),
        sort: ProjectSort::Newest,
        limit: params.limit,
        ..ProjectQuery::default()
    };
    let hits = engine.search_projects(&query, now.timestamp())?;
    let mut rows = repo::published(conn, &hits.ids)?;
    rows.sort_by_key(|r| hits.ids.iter().position(|id| *id == r.id));
    let names = reference::prefectures(conn)?;
    let name_of = |code: &str| {
        names
            .iter()
            .find(|p| p.code == code)
            .map(|p| {
                if params.english {
                    p.name_en.clone()
                } else {
                    p.name_ja.clone()
                }
            })
            .unwrap_or_default()
    };
    let pref_param = params
        .prefecture
        .as_deref()
        .map(|p| format!("&prefecture={p}"))
        .unwrap_or_default();
    let items = rows
        .into_iter()
        .map(|r| {
            let draft: ProjectDraft = from_text(&r.draft)?;
            Ok(EmbedProject {
                id: r.id,
                url: format!("/embed/click?partner={code}&project={}{pref_param}", r.id),
                title: r.title,
                company_name: r.company_name,
                municipality: r.municipality,
                prefecture_name: name_of(&r.prefecture_code),
                prefecture_code: r.prefecture_code,
                monthly_fee: r.monthly_fee,
                hours_per_month: r.hours_per_month,
                remote_allowed: draft.remote_allowed,
                recruitment_closes_at: r.recruitment_closes_at.map(from_db_time),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let more_url = match &params.prefecture {
        Some(p) => format!("/projects?prefecture={p}&ref={code}"),
        None => format!("/projects?ref={code}"),
    };
    Ok(EmbedProjects {
        partner_name,
        prefecture_name: params.prefecture.as_deref().map(name_of),
        prefecture_code: params.prefecture.clone(),
        items,
        more_url,
    })
}

/// Adds to the partner's counters for the UTC day of `now` and the prefecture shown (`''`:
/// every prefecture). Two first requests of a day racing on PostgreSQL can both find no row
/// and both insert; the loser's unique violation is retried once, when the row exists.
pub fn count(
    conn: &mut AnyConnection,
    partner_id: i64,
    prefecture: Option<&str>,
    views: i64,
    clicks: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let day = now.format("%Y-%m-%d").to_string();
    let prefecture = prefecture.unwrap_or("");
    let once = |conn: &mut AnyConnection| {
        conn.transaction(|conn| repo::add_counts(conn, partner_id, &day, prefecture, views, clicks))
    };
    match once(conn) {
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(once(conn)?),
        other => Ok(other?),
    }
}

/// Counts a click on a widget link and answers where it leads: the posting's page with the
/// partner's referral. Only a published posting of a known partner is a destination, so the
/// link can never be turned into a redirect elsewhere.
pub fn click(
    conn: &mut AnyConnection,
    q: &ClickQuery,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let code = partner_code(q.partner.as_deref())?;
    let mut e = FieldErrors::new();
    let project = match q.project.as_deref().map(str::trim) {
        None | Some("") => {
            e.add("project", "required", "is required");
            0
        }
        Some(text) => text.parse::<i64>().unwrap_or_else(|_| {
            e.add("project", "invalid_type", "must be a posting id");
            0
        }),
    };
    let prefecture = prefecture(&mut e, q.prefecture.as_deref());
    e.into_result().map_err(ApiError::Validation)?;
    let (partner_id, _) = partner(conn, &code)?;
    if !repo::is_published(conn, project)? {
        return Err(ApiError::NotFound);
    }
    // A click that cannot be counted still leads on (the failure is logged).
    if let Err(e) = count(conn, partner_id, prefecture.as_deref(), 0, 1, now) {
        tracing::warn!(error = %e, partner_id, "widget click not counted");
    }
    Ok(format!("/projects/{project}?ref={code}"))
}

/// The partner a referral code sent with a registration or an application names. A code no
/// partner has (a link from before a partner changed its code, or one typed by hand) records
/// nothing: the person came anyway, and refusing would block them for the partner's mistake.
pub fn referral(conn: &mut AnyConnection, code: Option<&str>) -> Result<Option<i64>, ApiError> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Ok(repo::partner_by_code(conn, code)?.map(|(id, _)| id)),
        None => Ok(None),
    }
}

/// The partner behind a recorded referral, as shown beside a person or an application.
pub fn referral_partner(
    conn: &mut AnyConnection,
    partner_id: Option<i64>,
) -> Result<Option<ReferralPartner>, ApiError> {
    let Some(id) = partner_id else {
        return Ok(None);
    };
    Ok(repo::partner_name(conn, id)?.map(|name| ReferralPartner { id, name }))
}

/// The period of `GET /api/v1/partners/{id}/widget`, both ends included (UTC days).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// First day (YYYY-MM-DD); absent: from the first view.
    #[param(value_type = Option<String>, example = "2026-11-01")]
    pub from: Option<chrono::NaiveDate>,
    /// Last day (YYYY-MM-DD); absent: until today.
    #[param(value_type = Option<String>, example = "2026-11-30")]
    pub to: Option<chrono::NaiveDate>,
}

/// The partner's widget views and clicks: its own staff and admins; anyone else 404, as for
/// an unknown partner, so partners cannot probe each other.
pub fn figures(
    conn: &mut AnyConnection,
    actor: &crate::policy::Actor,
    partner_id: i64,
    q: &FiguresQuery,
) -> Result<WidgetFigures, ApiError> {
    use kakehashi_shared::enums::Role;
    let allowed =
        actor.is_admin() || (actor.role == Role::Partner && actor.partner_id == Some(partner_id));
    if !allowed || repo::partner_name(conn, partner_id)?.is_none() {
        return Err(ApiError::NotFound);
    }
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if to < from {
            return Err(ApiError::field(
                "to",
                "out_of_range",
                "must not be before from",
            ));
        }
    }
    let days: Vec<WidgetDay> = repo::counts(conn, partner_id)?
        .into_iter()
        .filter_map(|(day, prefecture, views, clicks)| {
            let day = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
            let inside = q.from.is_none_or(|f| day >= f) && q.to.is_none_or(|t| day <= t);
            inside.then(|| WidgetDay {
                day,
                prefecture_code: Some(prefecture).filter(|p| !p.is_empty()),
                views,
                clicks,
            })
        })
        .collect();
    Ok(WidgetFigures {
        partner_id,
        views: days.iter().map(|d| d.views).sum(),
        clicks: days.iter().map(|d| d.clicks).sum(),
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(prefecture: Option<&str>, limit: Option<&str>, lang: Option<&str>) -> EmbedQuery {
        EmbedQuery {
            partner: Some("iwate-pref".into()),
            prefecture: prefecture.map(Into::into),
            limit: limit.map(Into::into),
            lang: lang.map(Into::into),
        }
    }

    #[test]
    fn defaults_are_every_prefecture_five_in_japanese() {
        let p = params(&q(None, None, None)).unwrap();
        assert_eq!(
            p,
            EmbedParams {
                prefecture: None,
                limit: 5,
                english: false
            }
        );
    }

    #[test]
    fn limits_outside_one_to_twenty_are_refused() {
        assert_eq!(
            params(&q(Some("03"), Some("20"), Some("en")))
                .unwrap()
                .limit,
            20
        );
        for bad in ["0", "21", "-1", "five", "1.5"] {
            assert!(params(&q(None, Some(bad), None)).is_err(), "{bad}");
        }
        assert!(params(&q(Some("48"), None, None)).is_err());
        assert!(params(&q(None, None, Some("fr"))).is_err());
    }

    #[test]
    fn partner_codes_are_checked_before_any_lookup() {
        assert!(partner_code(None).is_err());
        assert!(partner_code(Some("<x>")).is_err());
        assert_eq!(partner_code(Some("iwate-pref")).unwrap(), "iwate-pref");
    }
}
