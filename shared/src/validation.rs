//! Input rules shared by the API (which enforces them) and the app (which shows them next to
//! the fields before a request is sent).

use crate::problem::FieldError;

/// Limits the API enforces; the app uses the same numbers.
pub mod limits {
    pub const EMAIL_MAX: usize = 254;
    pub const PASSWORD_MIN: usize = 10;
    /// Long enough for passphrases, short enough that hashing stays cheap.
    pub const PASSWORD_MAX: usize = 128;
    pub const DISPLAY_NAME_MAX: usize = 100;
    pub const COMPANY_NAME_MAX: usize = 200;
    pub const MUNICIPALITY_MAX: usize = 100;
    /// Side work beyond 200 hours a month is not side work.
    pub const MONTHLY_HOURS_MAX: i32 = 200;
    pub const MONTHLY_FEE_MAX: i64 = 2_000_000;
}

/// Collects field errors so a client sees every problem at once, not one per round trip.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when no rule failed.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Adds `prefix.` to the field names of nested errors.
    pub fn merge_nested(&mut self, prefix: &str, nested: FieldErrors) {
        for mut e in nested.0 {
            e.field = format!("{prefix}.{}", e.field);
            self.0.push(e);
        }
    }

    /// A required text of `min..=max` characters (counted as Unicode scalar values, so
    /// 「岩手県」 is 3, not 9). Surrounding whitespace does not count towards `min`.
    pub fn text(&mut self, field: &str, value: &str, min: usize, max: usize) {
        let trimmed = value.trim().chars().count();
        let total = value.chars().count();
        if min > 0 && trimmed == 0 {
            self.add(field, "required", "is required");
        } else if trimmed < min {
            self.add(
                field,
                "too_short",
                format!("must be at least {min} characters"),
            );
        } else if total > max {
            self.add(
                field,
                "too_long",
                format!("must be at most {max} characters"),
            );
        }
    }

    /// An optional text of at most `max` characters.
    pub fn optional_text(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            if v.chars().count() > max {
                self.add(
                    field,
                    "too_long",
                    format!("must be at most {max} characters"),
                );
            }
        }
    }

    /// An email address (RFC 5321 lengths, RFC 5322 syntax).
    pub fn email(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, "required", "is required");
        } else if value.len() > limits::EMAIL_MAX {
            self.add(
                field,
                "too_long",
                format!("must be at most {} characters", limits::EMAIL_MAX),
            );
        } else if !is_email(value) {
            self.add(field, "invalid_format", "must be an email address");
        }
    }

    /// A new password: long enough to resist guessing, not so long that hashing is a weapon.
    pub fn new_password(&mut self, field: &str, value: &str) {
        let n = value.chars().count();
        if n < limits::PASSWORD_MIN {
            self.add(
                field,
                "too_short",
                format!("must be at least {} characters", limits::PASSWORD_MIN),
            );
        } else if n > limits::PASSWORD_MAX {
            self.add(
                field,
                "too_long",
                format!("must be at most {} characters", limits::PASSWORD_MAX),
            );
        }
    }

    /// A number within `min..=max`; `message` says the range in words.
    pub fn range<T: PartialOrd>(&mut self, field: &str, value: T, min: T, max: T, message: &str) {
        if value < min || value > max {
            self.add(field, "out_of_range", message);
        }
    }

    /// Hours a month, from `min` (0 for a report, 1 for a plan) to 200.
    pub fn monthly_hours(&mut self, field: &str, hours: i32, min: i32) {
        if !(min..=limits::MONTHLY_HOURS_MAX).contains(&hours) {
            self.add(
                field,
                "out_of_range",
                format!("must be between {min} and 200 hours a month"),
            );
        }
    }

    /// A monthly fee in yen, 0–2,000,000; 0 only for pro bono work (when the type is known).
    pub fn monthly_fee(
        &mut self,
        field: &str,
        fee: i64,
        contract_type: Option<crate::enums::ContractType>,
    ) {
        if !(0..=limits::MONTHLY_FEE_MAX).contains(&fee) {
            self.add(field, "out_of_range", "must be between 0 and 2,000,000 yen");
        } else if fee == 0
            && contract_type.is_some_and(|t| t != crate::enums::ContractType::ProBono)
        {
            self.add(field, "out_of_range", "only pro bono work may be unpaid");
        }
    }

    /// A date the product can mean: 2000–2100. Keeps far-off years (which chrono parses but
    /// PostgreSQL cannot store) out of the database.
    pub fn plausible_date(&mut self, field: &str, date: chrono::NaiveDate) {
        use chrono::Datelike;
        if !(2000..=2100).contains(&date.year()) {
            self.add(
                field,
                "out_of_range",
                "must be between the years 2000 and 2100",
            );
        }
    }

    /// A two-digit JIS X 0401 prefecture code ("01"–"47").
    pub fn prefecture_code(&mut self, field: &str, value: &str) {
        if !is_prefecture_code(value) {
            self.add(
                field,
                "unknown_value",
                "must be a JIS X 0401 prefecture code from \"01\" to \"47\"",
            );
        }
    }
}

/// Types whose content can be checked without a database.
pub trait Validate {
    fn validate(&self) -> Result<(), FieldErrors>;
}

/// Whether `value` is a syntactically valid email address with a dotted domain.
pub fn is_email(value: &str) -> bool {
    // A bare host ("user@localhost") is legal in RFC 5322 but never a real signup address.
    match email_address::EmailAddress::parse_with_options(value, email_address::Options::default())
    {
        Ok(addr) => addr.domain().contains('.') && !value.contains(char::is_whitespace),
        Err(_) => false,
    }
}

/// Whether `value` is one of the 47 JIS X 0401 prefecture codes.
pub fn is_prefecture_code(value: &str) -> bool {
    value.len() == 2
        && value.bytes().all(|b| b.is_ascii_digit())
        && matches!(value.parse::<u8>(), Ok(1..=47))
}

/// Emails are compared case-insensitively: the stored key is trimmed and lower-cased.
pub fn normalize_email(value: &str) -> String {
    value.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_counts_characters_not_bytes() {
        let mut e = FieldErrors::new();
        e.text("name", "岩手県", 1, 3);
        assert!(e.is_empty());
        e.text("name", "岩手県庁", 1, 3);
        assert_eq!(e.0[0].code, "too_long");
    }

    #[test]
    fn blank_text_is_required() {
        let mut e = FieldErrors::new();
        e.text("name", "   ", 1, 10);
        assert_eq!(e.0[0].code, "required");
    }

    #[test]
    fn emails() {
        assert!(is_email("hanako@example.jp"));
        assert!(!is_email("hanako@localhost"));
        assert!(!is_email("hanako"));
        assert!(!is_email("hana ko@example.jp"));
        assert_eq!(normalize_email(" Hanako@Example.JP "), "hanako@example.jp");
    }

    #[test]
    fn prefecture_codes() {
        assert!(is_prefecture_code("01"));
        assert!(is_prefecture_code("47"));
        assert!(!is_prefecture_code("48"));
        assert!(!is_prefecture_code("00"));
        assert!(!is_prefecture_code("3"));
        assert!(!is_prefecture_code("+3"));
    }

    #[test]
    fn nested_errors_are_prefixed() {
        let mut inner = FieldErrors::new();
        inner.add("name", "required", "is required");
        let mut outer = FieldErrors::new();
        outer.merge_nested("company", inner);
        assert_eq!(outer.0[0].field, "company.name");
    }
}
