//! Lists and nested records stored as JSON text (portable across both backends).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::ApiError;

pub fn to_text<T: Serialize + ?Sized>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value)
        .map_err(|e| ApiError::internal(format!("cannot encode JSON column: {e}")))
}

pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::internal(format!("corrupt JSON column: {e}")))
}
