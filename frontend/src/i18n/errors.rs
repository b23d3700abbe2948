//! The API's stable codes in words. The API's own `title`, `detail` and `message` are English
//! for developers; people read these instead, in their language.

use kakehashi_shared::ErrorCode;

use super::Msg;
use crate::api::ApiError;

/// The message for one field error, by the field's path and the rule's code. Limits that
/// differ by field (too long) are named so the person knows how much to cut.
pub fn field_error(field: &str, code: &str) -> Msg {
    // Partners: origins (one message for any line), referral codes and links. (A programme's
    // prefecture the partner does not cover is told by the programme form itself.)
    if field.starts_with("origins") && code == "invalid_format" {
        return Msg::FeOrigin;
    }
    match (code, field) {
        ("invalid_format", "referral_code") => return Msg::FeReferralCode,
        ("duplicate", "referral_code") => return Msg::FeReferralTaken,
        ("invalid_format", "url") => return Msg::FeHttpUrl,
        ("required", "kind") => return Msg::FeChoose,
        _ => {}
    }
    // Integrations: API keys and webhooks.
    match (code, field) {
        ("required" | "duplicate" | "unknown_value", "scopes" | "events") => return Msg::FeChoose,
        ("out_of_range", "expires_at") => return Msg::FeExpiryFuture,
        ("invalid_format", "rate_limit_per_minute") => return Msg::FeNumber,
        ("insecure_scheme", "url") => return Msg::FeHttps,
        ("private_address", "url") => return Msg::FeHookPrivate,
        ("unresolvable", "url") => return Msg::FeHookUnresolvable,
        _ => {}
    }
    match (code, field) {
        // Admin screens: the hub and staff forms choose rather than type these.
        ("out_of_range" | "invalid_format", "response_deadline_days") => Msg::FeDeadlineRange,
        ("required" | "unknown_value" | "duplicate", "prefecture_codes") => Msg::FePrefectureChoose,
        ("required" | "unknown_value", "hub_id" | "partner_id" | "role") => Msg::FeChoose,
        // Contract screens: the freelance law's 60 days, and the numbers of the terms.
        ("payment_too_late", "payment_days") => Msg::FePaymentTooLate,
        ("out_of_range", "payment_days") => Msg::FePaymentDays,
        ("out_of_range", "monthly_hours") => Msg::FeHours,
        ("out_of_range", "term_months") => Msg::FePeriod,
        ("out_of_range" | "invalid_format", "start_date") => Msg::FeStartDate,
        ("invalid_format", "monthly_hours" | "payment_days" | "term_months") => Msg::FeNumber,
        // End of contract screens.
        ("required" | "unknown_value", "company.industry_code" | "company.prefecture_code") => {
            Msg::FeChoose
        }
        // Company and coordinator screens: limits in words, and fields chosen, not typed.
        ("out_of_range", "hours_per_month") => Msg::FeHours,
        ("out_of_range", "onsite_days_per_month") => Msg::FeOnsite,
        ("out_of_range", "monthly_fee") => Msg::FeFee,
        ("out_of_range", "period_months") => Msg::FePeriod,
        ("out_of_range", "trial_days") => Msg::FeTrial,
        ("out_of_range", "recruitment_closes_at") => Msg::FeCloses,
        ("out_of_range", "duration_minutes") => Msg::FeDuration,
        ("invalid_format", "meeting_url") => Msg::FeHttps,
        (
            "invalid_format",
            "hours_per_month"
            | "onsite_days_per_month"
            | "monthly_fee"
            | "period_months"
            | "trial_days",
        ) => Msg::FeNumber,
        ("too_long", "challenges") => Msg::FeMax3,
        ("too_long", "required_skills" | "preferred_skills") => Msg::FeMax10,
        ("too_long", "title") => Msg::FeMax120,
        (
            "required",
            "challenges" | "required_skills" | "remote_allowed" | "travel_cost" | "contract_type"
            | "reason",
        ) => Msg::FeChoose,
        ("required", _) => Msg::FeRequired,
        ("too_short", "password") => Msg::FePasswordShort,
        ("too_short", _) => Msg::FeTooShort,
        ("too_long", "display_name" | "company.municipality") => Msg::FeMax100,
        ("too_long", "password") => Msg::FeMax128,
        ("too_long", "company.name") => Msg::FeMax200,
        ("too_long", "email") => Msg::FeMax254,
        ("too_long", _) => Msg::FeTooLong,
        ("invalid_format", "email") => Msg::FeEmailFormat,
        ("invalid_format", _) => Msg::FeInvalidFormat,
        ("unknown_value", _) => Msg::FeUnknownValue,
        ("not_allowed", _) => Msg::FeNotAllowed,
        ("invalid_type", _) => Msg::FeInvalidType,
        ("out_of_range", _) => Msg::FeOutOfRange,
        // Not a rule of the shared validation: the form files the `email_taken` problem here.
        ("email_taken", _) => Msg::FeEmailTaken,
        _ => Msg::FeOther,
    }
}

/// The message for a failed request, shown above the form or in place of the content.
pub fn problem_message(error: &ApiError) -> Msg {
    let problem = match error {
        ApiError::Network => return Msg::ErrNetwork,
        ApiError::Decode => return Msg::ErrDecode,
        ApiError::SignedOut => return Msg::SessionExpired,
        ApiError::Problem(problem) => problem,
    };
    let by_code = [
        (ErrorCode::InvalidCredentials, Msg::ErrInvalidCredentials),
        (ErrorCode::EmailTaken, Msg::ErrEmailTaken),
        (ErrorCode::DatabaseUnavailable, Msg::ErrUnavailable),
        (ErrorCode::LoginLocked, Msg::ErrLoginLocked),
        (ErrorCode::RateLimited, Msg::ErrRateLimited),
        (ErrorCode::StorageFull, Msg::ErrStorageFull),
        (ErrorCode::ValidationFailed, Msg::ErrValidationFailed),
        (ErrorCode::Unauthenticated, Msg::ErrUnauthenticated),
        (ErrorCode::TokenExpired, Msg::SessionExpired),
        (ErrorCode::InvalidRefreshToken, Msg::SessionExpired),
        (ErrorCode::RefreshTokenReused, Msg::SessionExpired),
        (ErrorCode::Forbidden, Msg::ErrForbidden),
        (ErrorCode::NotFound, Msg::ErrNotFound),
        (ErrorCode::Internal, Msg::ErrServer),
    ];
    if let Some((_, msg)) = by_code.iter().find(|(code, _)| problem.is(*code)) {
        return *msg;
    }
    // Conflicts that applying and answering a scout name (public and talent screens).
    match problem.code.as_str() {
        "application_exists" => return Msg::ErrApplicationExists,
        "recruitment_closed" => return Msg::ErrRecruitmentClosed,
        "recruitment_not_open" => return Msg::ErrRecruitmentNotOpen,
        "profile_required" => return Msg::ErrProfileRequired,
        _ => {}
    }
    // Codes this app does not know yet still get an honest message by their status.
    match problem.status {
        503 => Msg::ErrUnavailable,
        500..=599 => Msg::ErrServer,
        _ => Msg::ErrRequest,
    }
}
