//! Cursor pagination shared by every list: `limit` (1–100, default 20) and an opaque `cursor`
//! that is the last item's id.

use kakehashi_shared::Page;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–100 (default 20).
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page.
    pub cursor: Option<String>,
}

/// A validated page request: fetch `limit + 1` rows to know whether another page follows.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub limit: i64,
    pub before: Option<i64>,
}

impl PageQuery {
    pub fn request(&self) -> Result<PageRequest, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::field(
                "limit",
                "out_of_range",
                "must be between 1 and 100",
            ));
        }
        let before = match &self.cursor {
            None => None,
            Some(c) => Some(c.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| {
                ApiError::field("cursor", "invalid_format", "is not a cursor from this list")
            })?),
        };
        Ok(PageRequest { limit, before })
    }
}

impl PageRequest {
    /// Rows to fetch: one more than the page, to tell whether a next page exists.
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }

    /// Builds the page from rows fetched newest-first with `fetch()`.
    pub fn page<R, T>(
        &self,
        mut rows: Vec<R>,
        id: impl Fn(&R) -> i64,
        map: impl FnMut(R) -> Result<T, ApiError>,
    ) -> Result<Page<T>, ApiError> {
        let more = rows.len() as i64 > self.limit;
        rows.truncate(usize::try_from(self.limit).unwrap_or(usize::MAX));
        let next_cursor = if more {
            rows.last().map(|r| id(r).to_string())
        } else {
            None
        };
        let items = rows
            .into_iter()
            .map(map)
            .collect::<Result<Vec<T>, ApiError>>()?;
        Ok(Page { items, next_cursor })
    }
}
