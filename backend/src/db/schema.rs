// One schema for both backends, in portable types (BIGINT ids, TEXT, INTEGER, TIMESTAMP in UTC).
// Keep it in step with migrations/sqlite and migrations/postgres.

diesel::table! {
    prefectures (code) {
        code -> Text,
        name_ja -> Text,
        name_en -> Text,
        region_ja -> Text,
        region_en -> Text,
        capital_ja -> Text,
        sort_order -> Integer,
    }
}

diesel::table! {
    industries (code) {
        code -> Text,
        name_ja -> Text,
        name_en -> Text,
        sort_order -> Integer,
    }
}

diesel::table! {
    challenges (code) {
        code -> Text,
        group_code -> Text,
        group_ja -> Text,
        group_en -> Text,
        name_ja -> Text,
        name_en -> Text,
        sort_order -> Integer,
    }
}

diesel::table! {
    skills (code) {
        code -> Text,
        group_code -> Text,
        group_ja -> Text,
        group_en -> Text,
        name_ja -> Text,
        name_en -> Text,
        sort_order -> Integer,
    }
}

diesel::table! {
    hubs (id) {
        id -> BigInt,
        name -> Text,
        response_deadline_days -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    hub_prefectures (hub_id, prefecture_code) {
        hub_id -> BigInt,
        prefecture_code -> Text,
    }
}

diesel::table! {
    partners (id) {
        id -> BigInt,
        name -> Text,
        kind -> Text,
        referral_code -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    partner_prefectures (partner_id, prefecture_code) {
        partner_id -> BigInt,
        prefecture_code -> Text,
    }
}

diesel::table! {
    partner_origins (partner_id, origin) {
        partner_id -> BigInt,
        origin -> Text,
    }
}

diesel::table! {
    widget_counts (partner_id, day, prefecture_code) {
        partner_id -> BigInt,
        day -> Text,
        prefecture_code -> Text,
        views -> BigInt,
        clicks -> BigInt,
    }
}

diesel::table! {
    region_programmes (id) {
        id -> BigInt,
        partner_id -> BigInt,
        prefecture_code -> Text,
        title -> Text,
        amount -> Text,
        eligibility -> Text,
        url -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    companies (id) {
        id -> BigInt,
        name -> Text,
        industry_code -> Text,
        prefecture_code -> Text,
        municipality -> Text,
        referred_by_partner_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        employees -> Nullable<Integer>,
        revenue_band -> Nullable<Text>,
        website -> Nullable<Text>,
        vision -> Text,
        ceo_message -> Text,
        challenges -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Text,
        display_name -> Text,
        role -> Text,
        company_id -> Nullable<BigInt>,
        hub_id -> Nullable<BigInt>,
        partner_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        referred_by_partner_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        replaced_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        actor_user_id -> Nullable<BigInt>,
        on_behalf_of_company_id -> Nullable<BigInt>,
        entity -> Text,
        entity_id -> BigInt,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    company_visits (id) {
        id -> BigInt,
        company_id -> BigInt,
        coordinator_id -> BigInt,
        visited_on -> Date,
        notes -> Text,
        diagnosed_challenges -> Text,
        next_action -> Text,
        next_visit_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    talent_profiles (user_id) {
        user_id -> BigInt,
        headline -> Text,
        bio -> Text,
        skills -> Text,
        challenges -> Text,
        residence_prefecture_code -> Nullable<Text>,
        residence_country -> Nullable<Text>,
        ties -> Text,
        age_band -> Text,
        employer_type -> Text,
        available_hours_per_month -> Integer,
        onsite_days_per_month -> Integer,
        desired_monthly_fee -> BigInt,
        remote_only -> Bool,
        contract_types -> Text,
        motivations -> Text,
        discoverable -> Bool,
        has_liability_insurance -> Bool,
        has_side_job_permission -> Bool,
        phone -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    projects (id) {
        id -> BigInt,
        company_id -> BigInt,
        status -> Text,
        draft -> Text,
        title -> Text,
        monthly_fee -> Nullable<BigInt>,
        hours_per_month -> Nullable<Integer>,
        recruitment_opens_at -> Nullable<Timestamp>,
        recruitment_closes_at -> Nullable<Timestamp>,
        review_comment -> Nullable<Text>,
        version -> Integer,
        created_by -> BigInt,
        published_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    project_versions (project_id, version) {
        project_id -> BigInt,
        version -> Integer,
        draft -> Text,
        edited_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    scouts (id) {
        id -> BigInt,
        project_id -> BigInt,
        talent_id -> BigInt,
        sent_by -> BigInt,
        message -> Text,
        status -> Text,
        application_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    applications (id) {
        id -> BigInt,
        project_id -> BigInt,
        talent_id -> BigInt,
        status -> Text,
        proposal -> Text,
        screening_answers -> Text,
        scout_id -> Nullable<BigInt>,
        response_due_at -> Nullable<Timestamp>,
        overdue_flagged_at -> Nullable<Timestamp>,
        decline_reason -> Nullable<Text>,
        decline_message -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        referred_by_partner_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    application_status_history (id) {
        id -> BigInt,
        application_id -> BigInt,
        status -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    questionnaires (application_id, side) {
        application_id -> BigInt,
        side -> Text,
        answers -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> BigInt,
        application_id -> BigInt,
        sender_id -> BigInt,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    message_reads (application_id, user_id) {
        application_id -> BigInt,
        user_id -> BigInt,
        last_read_message_id -> BigInt,
    }
}

diesel::table! {
    interviews (id) {
        id -> BigInt,
        application_id -> BigInt,
        proposed_by -> Text,
        slots -> Text,
        duration_minutes -> Integer,
        meeting_url -> Nullable<Text>,
        confirmed_slot -> Nullable<Timestamp>,
        company_notes -> Nullable<Text>,
        talent_notes -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    engagements (id) {
        id -> BigInt,
        application_id -> BigInt,
        status -> Text,
        started_on -> Date,
        term_number -> Integer,
        kickoff -> Nullable<Text>,
        ended_at -> Nullable<Timestamp>,
        ended_by -> Nullable<Text>,
        end_reason -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contracts (id) {
        id -> BigInt,
        application_id -> BigInt,
        engagement_id -> Nullable<BigInt>,
        term_number -> Integer,
        version -> Integer,
        status -> Text,
        terms -> Text,
        company_accepted_by -> Nullable<BigInt>,
        company_accepted_at -> Nullable<Timestamp>,
        talent_accepted_by -> Nullable<BigInt>,
        talent_accepted_at -> Nullable<Timestamp>,
        change_request -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contract_versions (contract_id, version) {
        contract_id -> BigInt,
        version -> Integer,
        terms -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    work_reports (id) {
        id -> BigInt,
        engagement_id -> BigInt,
        month -> Text,
        hours -> Integer,
        summary -> Text,
        outcomes -> Text,
        next_steps -> Text,
        submitted_at -> Timestamp,
        acknowledged_at -> Nullable<Timestamp>,
        acknowledged_by -> Nullable<BigInt>,
        company_comment -> Nullable<Text>,
    }
}

diesel::table! {
    reviews (id) {
        id -> BigInt,
        engagement_id -> BigInt,
        side -> Text,
        term_number -> Integer,
        answers -> Text,
        satisfaction -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outcomes (id) {
        id -> BigInt,
        engagement_id -> BigInt,
        kind -> Text,
        body -> Text,
        recorded_by -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    case_studies (id) {
        id -> BigInt,
        engagement_id -> BigInt,
        status -> Text,
        text -> Text,
        prefecture_code -> Text,
        industry_code -> Text,
        challenges -> Text,
        company_consent_at -> Nullable<Timestamp>,
        talent_consent_at -> Nullable<Timestamp>,
        coordinator_consent_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        title -> Text,
        body -> Text,
        link -> Text,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> BigInt,
        to_email -> Text,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        attempts -> Integer,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    search_changes (id) {
        id -> BigInt,
        entity -> Text,
        entity_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::joinable!(hub_prefectures -> hubs (hub_id));
diesel::joinable!(partner_prefectures -> partners (partner_id));
diesel::joinable!(companies -> industries (industry_code));
diesel::joinable!(companies -> prefectures (prefecture_code));
diesel::joinable!(users -> companies (company_id));
diesel::joinable!(users -> hubs (hub_id));
diesel::joinable!(users -> partners (partner_id));
diesel::joinable!(partner_origins -> partners (partner_id));
diesel::joinable!(widget_counts -> partners (partner_id));
diesel::joinable!(region_programmes -> partners (partner_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(projects -> companies (company_id));
diesel::joinable!(applications -> projects (project_id));
diesel::joinable!(applications -> users (talent_id));
diesel::joinable!(talent_profiles -> users (user_id));
diesel::joinable!(engagements -> applications (application_id));
diesel::joinable!(messages -> users (sender_id));
diesel::joinable!(scouts -> projects (project_id));
diesel::joinable!(contracts -> applications (application_id));
diesel::joinable!(work_reports -> engagements (engagement_id));
diesel::joinable!(case_studies -> engagements (engagement_id));
// Statistics (KPIs).
diesel::joinable!(reviews -> engagements (engagement_id));

diesel::allow_tables_to_appear_in_same_query!(
    prefectures,
    industries,
    challenges,
    skills,
    hubs,
    hub_prefectures,
    partners,
    partner_prefectures,
    partner_origins,
    widget_counts,
    region_programmes,
    companies,
    users,
    refresh_tokens,
    audit_log,
    company_visits,
    talent_profiles,
    projects,
    project_versions,
    scouts,
    applications,
    application_status_history,
    questionnaires,
    messages,
    message_reads,
    interviews,
    engagements,
    contracts,
    contract_versions,
    work_reports,
    reviews,
    outcomes,
    case_studies,
    notifications,
    email_outbox,
    search_changes,
);

// API keys.
diesel::table! {
    api_keys (id) {
        id -> BigInt,
        user_id -> BigInt,
        partner_id -> Nullable<BigInt>,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        scopes -> Text,
        rate_limit_per_minute -> Integer,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        revoked_by_user_id -> Nullable<BigInt>,
    }
}
diesel::joinable!(api_keys -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(api_keys, users);

// Webhooks.
diesel::table! {
    webhook_subscriptions (id) {
        id -> BigInt,
        partner_id -> Nullable<BigInt>,
        url -> Text,
        secret -> Text,
        event_types -> Text,
        active -> Bool,
        created_at -> Timestamp,
        created_by -> BigInt,
    }
}
diesel::table! {
    webhook_deliveries (id) {
        id -> BigInt,
        subscription_id -> BigInt,
        event_id -> Text,
        event_type -> Text,
        payload -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        claimed_until -> Nullable<Timestamp>,
        delivered_at -> Nullable<Timestamp>,
        given_up_at -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        redelivery_of -> Nullable<BigInt>,
    }
}
diesel::table! {
    webhook_attempts (id) {
        id -> BigInt,
        delivery_id -> BigInt,
        attempted_at -> Timestamp,
        status_code -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> BigInt,
    }
}
diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::allow_tables_to_appear_in_same_query!(
    webhook_subscriptions,
    webhook_deliveries,
    webhook_attempts,
);

// Privacy (APPI).
diesel::table! {
    consents (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        version -> Text,
        case_study_id -> Nullable<BigInt>,
        granted_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
    }
}
diesel::table! {
    account_deletions (user_id) {
        user_id -> BigInt,
        deleted_at -> Timestamp,
        messages_purged_at -> Nullable<Timestamp>,
    }
}
diesel::joinable!(consents -> users (user_id));
diesel::joinable!(account_deletions -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(consents, account_deletions);
diesel::allow_tables_to_appear_in_same_query!(account_deletions, users);
diesel::allow_tables_to_appear_in_same_query!(account_deletions, messages);

// Rate limits and client addresses.
diesel::table! {
    rate_limits (bucket, key) {
        bucket -> Text,
        key -> Text,
        tat -> BigInt,
    }
}
