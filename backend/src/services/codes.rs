//! Checks that taxonomy codes in a request exist, as 422 field errors.

use kakehashi_shared::FieldErrors;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::repositories::reference;

/// Adds an `unknown_value` error for each challenge code not in the taxonomy.
pub fn challenges(
    conn: &mut AnyConnection,
    errors: &mut FieldErrors,
    field: &str,
    codes: &[String],
) -> Result<(), ApiError> {
    for code in reference::unknown_challenges(conn, codes)? {
        errors.add(
            field,
            "unknown_value",
            format!("{code} is not a challenge code"),
        );
    }
    Ok(())
}

pub fn skills(
    conn: &mut AnyConnection,
    errors: &mut FieldErrors,
    field: &str,
    codes: &[String],
) -> Result<(), ApiError> {
    for code in reference::unknown_skills(conn, codes)? {
        errors.add(
            field,
            "unknown_value",
            format!("{code} is not a skill code"),
        );
    }
    Ok(())
}

pub fn prefecture(
    conn: &mut AnyConnection,
    errors: &mut FieldErrors,
    field: &str,
    code: &str,
) -> Result<(), ApiError> {
    if !reference::prefecture_exists(conn, code)? {
        errors.add(field, "unknown_value", "is not a JIS prefecture code");
    }
    Ok(())
}

pub fn industry(
    conn: &mut AnyConnection,
    errors: &mut FieldErrors,
    field: &str,
    code: &str,
) -> Result<(), ApiError> {
    if !reference::industry_exists(conn, code)? {
        errors.add(field, "unknown_value", "is not a JSIC major group");
    }
    Ok(())
}
