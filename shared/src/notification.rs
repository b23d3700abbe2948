//! In-app notifications: one for every event that needs someone's action.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    /// Stable event name, e.g. `application.created`.
    #[cfg_attr(feature = "openapi", schema(example = "application.created"))]
    pub kind: String,
    /// Japanese text for the person (the app translates `kind` for English).
    #[cfg_attr(feature = "openapi", schema(example = "新しい応募が届きました"))]
    pub title: String,
    pub body: String,
    /// The app page to open, e.g. `/applications/12`.
    #[cfg_attr(feature = "openapi", schema(example = "/applications/12"))]
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}
