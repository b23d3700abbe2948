-- The matching workflow: company profiles and visits, talent profiles, projects and their
-- versions, applications, scouts, messages, interviews, contracts, engagements, reports,
-- reviews, outcomes, case studies, notifications and the email outbox.
-- Lists and nested records that are only read whole are stored as JSON text.
-- Kept in step with ../../postgres/2026-11-21-000002_workflow/up.sql.

ALTER TABLE companies ADD COLUMN employees INTEGER;
ALTER TABLE companies ADD COLUMN revenue_band TEXT CHECK (revenue_band IN ('under_100m', 'from_100m_to_1b', 'from_1b_to_5b', 'over_5b'));
ALTER TABLE companies ADD COLUMN website TEXT;
ALTER TABLE companies ADD COLUMN vision TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN ceo_message TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN challenges TEXT NOT NULL DEFAULT '[]';

CREATE TABLE company_visits (
    id INTEGER PRIMARY KEY NOT NULL,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    coordinator_id BIGINT NOT NULL REFERENCES users (id),
    visited_on DATE NOT NULL,
    notes TEXT NOT NULL,
    diagnosed_challenges TEXT NOT NULL,
    next_action TEXT NOT NULL,
    next_visit_on DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX company_visits_company ON company_visits (company_id);

CREATE TABLE talent_profiles (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users (id),
    headline TEXT NOT NULL,
    bio TEXT NOT NULL,
    skills TEXT NOT NULL,
    challenges TEXT NOT NULL,
    residence_prefecture_code TEXT REFERENCES prefectures (code),
    residence_country TEXT,
    ties TEXT NOT NULL,
    age_band TEXT NOT NULL CHECK (age_band IN ('20s', '30s', '40s', '50s', '60s_plus')),
    employer_type TEXT NOT NULL,
    available_hours_per_month INTEGER NOT NULL CHECK (available_hours_per_month BETWEEN 1 AND 200),
    onsite_days_per_month INTEGER NOT NULL,
    desired_monthly_fee BIGINT NOT NULL,
    remote_only BOOLEAN NOT NULL,
    contract_types TEXT NOT NULL,
    motivations TEXT NOT NULL,
    discoverable BOOLEAN NOT NULL,
    has_liability_insurance BOOLEAN NOT NULL,
    has_side_job_permission BOOLEAN NOT NULL,
    phone TEXT,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((residence_prefecture_code IS NULL) <> (residence_country IS NULL))
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY NOT NULL,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'changes_requested', 'published', 'closed')),
    -- The posting's fields (shared::project::ProjectDraft) as JSON; the columns below repeat
    -- the ones lists filter and sort on.
    draft TEXT NOT NULL,
    title TEXT NOT NULL,
    monthly_fee BIGINT,
    hours_per_month INTEGER,
    recruitment_opens_at TIMESTAMP,
    recruitment_closes_at TIMESTAMP,
    review_comment TEXT,
    version INTEGER NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    published_at TIMESTAMP,
    closed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX projects_company ON projects (company_id);
CREATE INDEX projects_status ON projects (status, recruitment_closes_at);

CREATE TABLE project_versions (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    version INTEGER NOT NULL,
    draft TEXT NOT NULL,
    edited_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (project_id, version)
);

CREATE TABLE scouts (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    talent_id BIGINT NOT NULL REFERENCES users (id),
    sent_by BIGINT NOT NULL REFERENCES users (id),
    message TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
    application_id BIGINT,
    created_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP
);
CREATE INDEX scouts_talent ON scouts (talent_id);
CREATE UNIQUE INDEX scouts_one_pending ON scouts (project_id, talent_id) WHERE status = 'pending';

CREATE TABLE applications (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    talent_id BIGINT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('applied', 'shortlisted', 'interviewing', 'offered', 'contracted', 'declined', 'withdrawn')),
    proposal TEXT NOT NULL,
    screening_answers TEXT NOT NULL,
    scout_id BIGINT REFERENCES scouts (id),
    response_due_at TIMESTAMP,
    overdue_flagged_at TIMESTAMP,
    decline_reason TEXT,
    decline_message TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX applications_project ON applications (project_id);
CREATE INDEX applications_talent ON applications (talent_id);
CREATE INDEX applications_due ON applications (status, response_due_at);
-- One open application per talent and project.
CREATE UNIQUE INDEX applications_one_open ON applications (project_id, talent_id)
    WHERE status IN ('applied', 'shortlisted', 'interviewing', 'offered');

CREATE TABLE application_status_history (
    id INTEGER PRIMARY KEY NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX application_status_history_app ON application_status_history (application_id);

CREATE TABLE questionnaires (
    application_id BIGINT NOT NULL REFERENCES applications (id),
    side TEXT NOT NULL CHECK (side IN ('company', 'talent')),
    answers TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (application_id, side)
);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    sender_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_application ON messages (application_id, id);

CREATE TABLE message_reads (
    application_id BIGINT NOT NULL REFERENCES applications (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    last_read_message_id BIGINT NOT NULL,
    PRIMARY KEY (application_id, user_id)
);

CREATE TABLE interviews (
    id INTEGER PRIMARY KEY NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('company', 'talent')),
    slots TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    meeting_url TEXT,
    confirmed_slot TIMESTAMP,
    company_notes TEXT,
    talent_notes TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX interviews_application ON interviews (application_id);

CREATE TABLE engagements (
    id INTEGER PRIMARY KEY NOT NULL,
    application_id BIGINT NOT NULL UNIQUE REFERENCES applications (id),
    status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
    started_on DATE NOT NULL,
    term_number INTEGER NOT NULL,
    kickoff TEXT,
    ended_at TIMESTAMP,
    ended_by TEXT,
    end_reason TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE contracts (
    id INTEGER PRIMARY KEY NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    engagement_id BIGINT REFERENCES engagements (id),
    term_number INTEGER NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'changes_requested', 'accepted')),
    terms TEXT NOT NULL,
    company_accepted_by BIGINT REFERENCES users (id),
    company_accepted_at TIMESTAMP,
    talent_accepted_by BIGINT REFERENCES users (id),
    talent_accepted_at TIMESTAMP,
    change_request TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (application_id, term_number)
);

CREATE TABLE contract_versions (
    contract_id BIGINT NOT NULL REFERENCES contracts (id),
    version INTEGER NOT NULL,
    terms TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (contract_id, version)
);

CREATE TABLE work_reports (
    id INTEGER PRIMARY KEY NOT NULL,
    engagement_id BIGINT NOT NULL REFERENCES engagements (id),
    month TEXT NOT NULL,
    hours INTEGER NOT NULL,
    summary TEXT NOT NULL,
    outcomes TEXT NOT NULL,
    next_steps TEXT NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    acknowledged_at TIMESTAMP,
    acknowledged_by BIGINT REFERENCES users (id),
    company_comment TEXT,
    UNIQUE (engagement_id, month)
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY NOT NULL,
    engagement_id BIGINT NOT NULL REFERENCES engagements (id),
    side TEXT NOT NULL CHECK (side IN ('company', 'talent')),
    term_number INTEGER NOT NULL,
    answers TEXT NOT NULL,
    satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (engagement_id, side, term_number)
);

CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY NOT NULL,
    engagement_id BIGINT NOT NULL REFERENCES engagements (id),
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
    body TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE case_studies (
    id INTEGER PRIMARY KEY NOT NULL,
    engagement_id BIGINT NOT NULL UNIQUE REFERENCES engagements (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    text TEXT NOT NULL,
    prefecture_code TEXT NOT NULL,
    industry_code TEXT NOT NULL,
    challenges TEXT NOT NULL,
    company_consent_at TIMESTAMP,
    talent_consent_at TIMESTAMP,
    coordinator_consent_at TIMESTAMP,
    published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_studies_published ON case_studies (status, prefecture_code);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, id);

-- Email is written here in the request's transaction and sent later, so sending never
-- blocks or fails a request.
CREATE TABLE email_outbox (
    id INTEGER PRIMARY KEY NOT NULL,
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX email_outbox_unsent ON email_outbox (sent_at, id);
