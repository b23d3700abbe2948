use serde::{Deserialize, Serialize};

/// One page of a list. Every list in the API has this shape: pass `next_cursor` back as
/// `cursor` to get the next page; it is absent on the last page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items of this page, in the list's stable order.
    pub items: Vec<T>,
    /// Opaque cursor for the next page; `null` when this is the last page.
    #[cfg_attr(feature = "openapi", schema(example = json!(null)))]
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A complete list that needs no further page (small taxonomies).
    pub fn complete(items: Vec<T>) -> Self {
        Self {
            items,
            next_cursor: None,
        }
    }
}
