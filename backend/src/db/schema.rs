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
    companies (id) {
        id -> BigInt,
        name -> Text,
        industry_code -> Text,
        prefecture_code -> Text,
        municipality -> Text,
        referred_by_partner_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
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

diesel::joinable!(hub_prefectures -> hubs (hub_id));
diesel::joinable!(partner_prefectures -> partners (partner_id));
diesel::joinable!(companies -> industries (industry_code));
diesel::joinable!(companies -> prefectures (prefecture_code));
diesel::joinable!(users -> companies (company_id));
diesel::joinable!(users -> hubs (hub_id));
diesel::joinable!(users -> partners (partner_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    prefectures,
    industries,
    challenges,
    skills,
    hubs,
    hub_prefectures,
    partners,
    partner_prefectures,
    companies,
    users,
    refresh_tokens,
    audit_log,
);
