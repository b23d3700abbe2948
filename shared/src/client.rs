//! A typed async client for the Kakehashi API, on reqwest (native and wasm32). The Yew app and
//! the black-box tests use it, so the API, the app and the tests cannot disagree on shapes.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::application::{
    Application, ApplicationInput, Interview, InterviewConfirm, InterviewProposal, Message,
    MessageInput, QuestionnaireInput, Questionnaires, Scout, ScoutAnswer, ScoutInput,
    TransitionInput,
};
use crate::auth::{LoginRequest, Me, RefreshRequest, RegisterRequest, TokenResponse};
use crate::case_study::CaseStudy;
use crate::company::{Company, CompanyCreate, CompanyPatch, Visit, VisitInput};
use crate::contract::{AcceptInput, ChangeRequest, Contract, ContractTerms};
use crate::engagement::{
    Acknowledge, EndInput, Engagement, Kickoff, Outcome, OutcomeInput, RenewalInput, Review,
    ReviewInput, WorkReport, WorkReportInput,
};
use crate::health::Health;
use crate::page::Page;
use crate::problem::Problem;
use crate::project::{Project, ProjectDraft, ReviewComment};
use crate::reference::{Challenge, Industry, Prefecture, Skill};
use crate::talent::{TalentProfile, TalentProfileInput};

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server answered with a problem+json body.
    #[error("{} ({}): {}", .0.title, .0.code, .0.detail.as_deref().unwrap_or(""))]
    Problem(Problem),
    /// The server could not be reached or the connection broke.
    #[error("network error: {0}")]
    Network(String),
    /// The server answered something this client cannot read.
    #[error("unexpected response: {0}")]
    Decode(String),
}

impl ClientError {
    /// The problem the server sent, if it sent one.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ClientError::Problem(p) => Some(p),
            _ => None,
        }
    }
}

/// A client bound to one server: `base_url` is absolute, e.g. `http://127.0.0.1:8080`
/// (the browser app passes `window.location.origin`).
#[derive(Debug, Clone)]
pub struct ApiClient {
    base_url: String,
    http: reqwest::Client,
    access_token: Option<String>,
}

impl ApiClient {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into().trim_end_matches('/').to_owned(),
            http: reqwest::Client::new(),
            access_token: None,
        }
    }

    /// The same client, sending `Authorization: Bearer <token>`.
    pub fn with_token(&self, access_token: impl Into<String>) -> Self {
        Self {
            access_token: Some(access_token.into()),
            ..self.clone()
        }
    }

    pub fn access_token(&self) -> Option<&str> {
        self.access_token.as_deref()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self.http.request(method, self.url(path));
        match &self.access_token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    async fn send<T: DeserializeOwned>(builder: reqwest::RequestBuilder) -> Result<T, ClientError> {
        let response = builder
            .send()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        let status = response.status();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        if status.is_success() {
            // 204 answers decode into `()` from `null`.
            let body: &[u8] = if bytes.is_empty() { b"null" } else { &bytes };
            serde_json::from_slice(body).map_err(|e| ClientError::Decode(e.to_string()))
        } else {
            match serde_json::from_slice::<Problem>(&bytes) {
                Ok(problem) => Err(ClientError::Problem(problem)),
                Err(_) => Err(ClientError::Decode(format!(
                    "HTTP {} without a problem body",
                    status.as_u16()
                ))),
            }
        }
    }

    /// `GET path` decoded as `T`, for endpoints without a typed method.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        Self::send(self.request(reqwest::Method::GET, path)).await
    }

    /// `POST path` with a JSON body.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        Self::send(self.request(reqwest::Method::POST, path).json(body)).await
    }

    /// `PUT path` with a JSON body.
    pub async fn put<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        Self::send(self.request(reqwest::Method::PUT, path).json(body)).await
    }

    /// `PATCH path` with a JSON body.
    pub async fn patch<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ClientError> {
        Self::send(self.request(reqwest::Method::PATCH, path).json(body)).await
    }

    /// `POST path` without a body (state moves such as `/submit`).
    pub async fn post_empty<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        Self::send(self.request(reqwest::Method::POST, path)).await
    }

    /// `GET /api/health`
    pub async fn health(&self) -> Result<Health, ClientError> {
        self.get("/api/health").await
    }

    /// `POST /api/v1/auth/register`
    pub async fn register(&self, body: &RegisterRequest) -> Result<TokenResponse, ClientError> {
        self.post("/api/v1/auth/register", body).await
    }

    /// `POST /api/v1/auth/login`
    pub async fn login(&self, body: &LoginRequest) -> Result<TokenResponse, ClientError> {
        self.post("/api/v1/auth/login", body).await
    }

    /// `POST /api/v1/auth/refresh`: the old refresh token stops working.
    pub async fn refresh(&self, refresh_token: &str) -> Result<TokenResponse, ClientError> {
        let body = RefreshRequest {
            refresh_token: refresh_token.to_owned(),
        };
        self.post("/api/v1/auth/refresh", &body).await
    }

    /// `POST /api/v1/auth/logout`: revokes the session the refresh token belongs to.
    pub async fn logout(&self, refresh_token: &str) -> Result<(), ClientError> {
        let body = RefreshRequest {
            refresh_token: refresh_token.to_owned(),
        };
        self.post("/api/v1/auth/logout", &body).await
    }

    /// `GET /api/v1/me`
    pub async fn me(&self) -> Result<Me, ClientError> {
        self.get("/api/v1/me").await
    }

    /// `GET /api/v1/prefectures`
    pub async fn prefectures(&self) -> Result<Page<Prefecture>, ClientError> {
        self.get("/api/v1/prefectures").await
    }

    // Region facts.
    /// `GET /api/v1/regions/{prefecture}`: travel from Tokyo, rent and programmes.
    pub async fn region(&self, prefecture: &str) -> Result<crate::region::Region, ClientError> {
        self.get(&format!(
            "/api/v1/regions/{}",
            encode_query_value(prefecture)
        ))
        .await
    }

    /// `GET /api/v1/industries`
    pub async fn industries(&self) -> Result<Page<Industry>, ClientError> {
        self.get("/api/v1/industries").await
    }

    /// `GET /api/v1/challenges`
    pub async fn challenges(&self) -> Result<Page<Challenge>, ClientError> {
        self.get("/api/v1/challenges").await
    }

    /// `GET /api/v1/skills`
    pub async fn skills(&self) -> Result<Page<Skill>, ClientError> {
        self.get("/api/v1/skills").await
    }

    // Companies

    pub async fn create_company(&self, body: &CompanyCreate) -> Result<Company, ClientError> {
        self.post("/api/v1/companies", body).await
    }

    pub async fn company(&self, id: i64) -> Result<Company, ClientError> {
        self.get(&format!("/api/v1/companies/{id}")).await
    }

    pub async fn update_company(
        &self,
        id: i64,
        body: &CompanyPatch,
    ) -> Result<Company, ClientError> {
        self.patch(&format!("/api/v1/companies/{id}"), body).await
    }

    pub async fn add_visit(
        &self,
        company_id: i64,
        body: &VisitInput,
    ) -> Result<Visit, ClientError> {
        self.post(&format!("/api/v1/companies/{company_id}/visits"), body)
            .await
    }

    pub async fn visits(&self, company_id: i64) -> Result<Page<Visit>, ClientError> {
        self.get(&format!("/api/v1/companies/{company_id}/visits"))
            .await
    }

    // Talent

    pub async fn my_talent_profile(&self) -> Result<TalentProfile, ClientError> {
        self.get("/api/v1/talents/me").await
    }

    pub async fn save_talent_profile(
        &self,
        body: &TalentProfileInput,
    ) -> Result<TalentProfile, ClientError> {
        self.put("/api/v1/talents/me", body).await
    }

    pub async fn talent(&self, id: i64) -> Result<TalentProfile, ClientError> {
        self.get(&format!("/api/v1/talents/{id}")).await
    }

    // Projects

    /// Drafts a posting; `company_id` is for coordinators acting for a company.
    pub async fn create_project(
        &self,
        company_id: Option<i64>,
        body: &ProjectDraft,
    ) -> Result<Project, ClientError> {
        match company_id {
            Some(id) => {
                self.post(&format!("/api/v1/projects?company_id={id}"), body)
                    .await
            }
            None => self.post("/api/v1/projects", body).await,
        }
    }

    pub async fn project(&self, id: i64) -> Result<Project, ClientError> {
        self.get(&format!("/api/v1/projects/{id}")).await
    }

    pub async fn update_project(
        &self,
        id: i64,
        body: &ProjectDraft,
    ) -> Result<Project, ClientError> {
        self.patch(&format!("/api/v1/projects/{id}"), body).await
    }

    pub async fn submit_project(&self, id: i64) -> Result<Project, ClientError> {
        self.post_empty(&format!("/api/v1/projects/{id}/submit"))
            .await
    }

    pub async fn approve_project(&self, id: i64) -> Result<Project, ClientError> {
        self.post_empty(&format!("/api/v1/projects/{id}/approve"))
            .await
    }

    pub async fn request_project_changes(
        &self,
        id: i64,
        comment: &str,
    ) -> Result<Project, ClientError> {
        let body = ReviewComment {
            comment: comment.to_owned(),
        };
        self.post(&format!("/api/v1/projects/{id}/request-changes"), &body)
            .await
    }

    pub async fn close_project(&self, id: i64) -> Result<Project, ClientError> {
        self.post_empty(&format!("/api/v1/projects/{id}/close"))
            .await
    }

    // Applications

    pub async fn apply(
        &self,
        project_id: i64,
        body: &ApplicationInput,
    ) -> Result<Application, ClientError> {
        self.post(&format!("/api/v1/projects/{project_id}/applications"), body)
            .await
    }

    pub async fn application(&self, id: i64) -> Result<Application, ClientError> {
        self.get(&format!("/api/v1/applications/{id}")).await
    }

    pub async fn transition(
        &self,
        id: i64,
        body: &TransitionInput,
    ) -> Result<Application, ClientError> {
        self.post(&format!("/api/v1/applications/{id}/transitions"), body)
            .await
    }

    // Contract and messages screens: both sides' pre-interview questionnaires.
    pub async fn questionnaire(&self, id: i64) -> Result<Questionnaires, ClientError> {
        self.get(&format!("/api/v1/applications/{id}/questionnaire"))
            .await
    }

    pub async fn save_questionnaire(
        &self,
        id: i64,
        body: &QuestionnaireInput,
    ) -> Result<Questionnaires, ClientError> {
        self.put(&format!("/api/v1/applications/{id}/questionnaire"), body)
            .await
    }

    pub async fn messages(&self, application_id: i64) -> Result<Page<Message>, ClientError> {
        self.get(&format!("/api/v1/applications/{application_id}/messages"))
            .await
    }

    pub async fn send_message(
        &self,
        application_id: i64,
        body: &str,
    ) -> Result<Message, ClientError> {
        let body = MessageInput {
            body: body.to_owned(),
        };
        self.post(
            &format!("/api/v1/applications/{application_id}/messages"),
            &body,
        )
        .await
    }

    pub async fn propose_interview(
        &self,
        application_id: i64,
        body: &InterviewProposal,
    ) -> Result<Interview, ClientError> {
        self.post(
            &format!("/api/v1/applications/{application_id}/interviews"),
            body,
        )
        .await
    }

    pub async fn confirm_interview(
        &self,
        id: i64,
        body: &InterviewConfirm,
    ) -> Result<Interview, ClientError> {
        self.post(&format!("/api/v1/interviews/{id}/confirm"), body)
            .await
    }

    pub async fn scout(&self, project_id: i64, body: &ScoutInput) -> Result<Scout, ClientError> {
        self.post(&format!("/api/v1/projects/{project_id}/scouts"), body)
            .await
    }

    pub async fn answer_scout(&self, id: i64, body: &ScoutAnswer) -> Result<Scout, ClientError> {
        self.post(&format!("/api/v1/scouts/{id}/answer"), body)
            .await
    }

    // Contracts and engagements

    pub async fn propose_contract(
        &self,
        application_id: i64,
        terms: &ContractTerms,
    ) -> Result<Contract, ClientError> {
        self.post(
            &format!("/api/v1/applications/{application_id}/contract"),
            terms,
        )
        .await
    }

    pub async fn contract(&self, id: i64) -> Result<Contract, ClientError> {
        self.get(&format!("/api/v1/contracts/{id}")).await
    }

    /// Accepts `version` of the terms (the one the party read).
    pub async fn accept_contract(&self, id: i64, version: i32) -> Result<Contract, ClientError> {
        self.post(
            &format!("/api/v1/contracts/{id}/accept"),
            &AcceptInput { version },
        )
        .await
    }

    pub async fn request_contract_changes(
        &self,
        id: i64,
        comment: &str,
    ) -> Result<Contract, ClientError> {
        let body = ChangeRequest {
            comment: comment.to_owned(),
        };
        self.post(&format!("/api/v1/contracts/{id}/request-changes"), &body)
            .await
    }

    pub async fn engagement(&self, id: i64) -> Result<Engagement, ClientError> {
        self.get(&format!("/api/v1/engagements/{id}")).await
    }

    pub async fn save_kickoff(&self, id: i64, body: &Kickoff) -> Result<Engagement, ClientError> {
        self.put(&format!("/api/v1/engagements/{id}/kickoff"), body)
            .await
    }

    pub async fn submit_report(
        &self,
        engagement_id: i64,
        body: &WorkReportInput,
    ) -> Result<WorkReport, ClientError> {
        self.post(
            &format!("/api/v1/engagements/{engagement_id}/reports"),
            body,
        )
        .await
    }

    pub async fn acknowledge_report(
        &self,
        report_id: i64,
        body: &Acknowledge,
    ) -> Result<WorkReport, ClientError> {
        self.post(&format!("/api/v1/reports/{report_id}/acknowledge"), body)
            .await
    }

    pub async fn submit_review(
        &self,
        engagement_id: i64,
        body: &ReviewInput,
    ) -> Result<Review, ClientError> {
        self.post(
            &format!("/api/v1/engagements/{engagement_id}/reviews"),
            body,
        )
        .await
    }

    pub async fn renew(
        &self,
        engagement_id: i64,
        body: &RenewalInput,
    ) -> Result<Contract, ClientError> {
        self.post(
            &format!("/api/v1/engagements/{engagement_id}/renewals"),
            body,
        )
        .await
    }

    pub async fn end_engagement(
        &self,
        engagement_id: i64,
        reason: &str,
    ) -> Result<Engagement, ClientError> {
        let body = EndInput {
            reason: reason.to_owned(),
        };
        self.post(&format!("/api/v1/engagements/{engagement_id}/end"), &body)
            .await
    }

    pub async fn add_outcome(
        &self,
        engagement_id: i64,
        body: &OutcomeInput,
    ) -> Result<Outcome, ClientError> {
        self.post(
            &format!("/api/v1/engagements/{engagement_id}/outcomes"),
            body,
        )
        .await
    }

    // Case studies

    pub async fn draft_case_study(&self, engagement_id: i64) -> Result<CaseStudy, ClientError> {
        self.post_empty(&format!("/api/v1/engagements/{engagement_id}/case-study"))
            .await
    }

    pub async fn consent_case_study(&self, id: i64) -> Result<CaseStudy, ClientError> {
        self.post_empty(&format!("/api/v1/case-studies/{id}/consent"))
            .await
    }

    pub async fn publish_case_study(&self, id: i64) -> Result<CaseStudy, ClientError> {
        self.post_empty(&format!("/api/v1/case-studies/{id}/publish"))
            .await
    }

    pub async fn case_studies(&self, query: &str) -> Result<Page<CaseStudy>, ClientError> {
        self.get(&format!("/api/v1/case-studies{query}")).await
    }

    // Notifications screen. Paths and types written out in full so the imports stay untouched.

    /// `GET /api/v1/notifications`: the caller's notifications, newest first.
    pub async fn notifications(
        &self,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<crate::notification::Notification>, ClientError> {
        let mut path = format!("/api/v1/notifications?limit={limit}");
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }

    /// `POST /api/v1/notifications/{id}/read`: marks one of the caller's notifications read.
    pub async fn read_notification(&self, id: i64) -> Result<(), ClientError> {
        self.post_empty(&format!("/api/v1/notifications/{id}/read"))
            .await
    }

    // Engagement screens.

    /// `GET /api/v1/engagements`: the caller's engagements (a talent's, a company's, a hub's),
    /// newest first.
    pub async fn engagements(
        &self,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<Engagement>, ClientError> {
        let mut path = format!("/api/v1/engagements?limit={limit}");
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }

    // Company and coordinator screens. Paths are written out in full here so this block
    // needs no change to the imports at the top, which other screens also edit.

    /// `GET /api/v1/projects?mine=true`: the postings the caller manages (a company's own,
    /// a hub's), in every status, newest first; `status` narrows to one status (coordinators
    /// pass `in_review` for their review queue).
    pub async fn managed_projects(
        &self,
        status: Option<crate::workflow::ProjectStatus>,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<crate::search::ProjectSearchPage, ClientError> {
        let mut path = format!("/api/v1/projects?mine=true&limit={limit}");
        if let Some(status) = status {
            path.push_str(&format!("&status={}", status.as_str()));
        }
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }

    /// `GET /api/v1/applications`: applications the caller may see (a company's received,
    /// a hub's), newest first, narrowed by posting, status, or to those past their deadline.
    pub async fn applications(
        &self,
        project_id: Option<i64>,
        status: Option<crate::workflow::ApplicationStatus>,
        overdue: bool,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<Application>, ClientError> {
        let mut path = format!("/api/v1/applications?limit={limit}");
        if let Some(id) = project_id {
            path.push_str(&format!("&project_id={id}"));
        }
        if let Some(status) = status {
            path.push_str(&format!("&status={}", status.as_str()));
        }
        if overdue {
            path.push_str("&overdue=true");
        }
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }

    /// `GET /api/v1/projects/{id}/recommended-talents`: talent for a posting the caller
    /// manages, best first, with score and reasons (applicants are left out).
    pub async fn recommended_talents(
        &self,
        project_id: i64,
        limit: u32,
    ) -> Result<Vec<crate::search::RecommendedTalent>, ClientError> {
        self.get(&format!(
            "/api/v1/projects/{project_id}/recommended-talents?limit={limit}"
        ))
        .await
    }

    /// `GET /api/v1/scouts?project_id=`: scouts sent for a posting (company side), newest first.
    pub async fn project_scouts(
        &self,
        project_id: i64,
        limit: u32,
    ) -> Result<Page<Scout>, ClientError> {
        self.get(&format!(
            "/api/v1/scouts?project_id={project_id}&limit={limit}"
        ))
        .await
    }

    /// `GET /api/v1/companies`: the companies the caller manages (a hub's, for coordinators).
    pub async fn companies(
        &self,
        limit: u32,
    ) -> Result<Page<crate::company::Company>, ClientError> {
        self.get(&format!("/api/v1/companies?limit={limit}")).await
    }

    /// `GET /api/v1/applications/{id}/interviews`: an application's interviews, with the
    /// caller's own notes.
    pub async fn interviews(&self, application_id: i64) -> Result<Page<Interview>, ClientError> {
        self.get(&format!("/api/v1/applications/{application_id}/interviews"))
            .await
    }

    // Public and talent screens.

    /// `GET /api/v1/projects`: one page of the public catalogue, searched, filtered and
    /// faceted (`total` and `facets` cover every match, not just the page).
    pub async fn search_projects(
        &self,
        params: &crate::search::ProjectSearchParams,
    ) -> Result<crate::search::ProjectSearchPage, ClientError> {
        Self::send(
            self.request(reqwest::Method::GET, "/api/v1/projects")
                .query(params),
        )
        .await
    }

    /// `GET /api/v1/me/recommended-projects`: open postings for the calling talent, best
    /// first, with the score and the reasons; `profile_required` (409) without a profile.
    pub async fn recommended_projects(
        &self,
        limit: u32,
    ) -> Result<Vec<crate::search::RecommendedProject>, ClientError> {
        self.get(&format!("/api/v1/me/recommended-projects?limit={limit}"))
            .await
    }

    /// `GET /api/v1/scouts`: the scouts the calling talent received, newest first.
    pub async fn received_scouts(
        &self,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<Scout>, ClientError> {
        let mut query = vec![("limit", limit.to_string())];
        query.extend(cursor.map(|c| ("cursor", c.to_owned())));
        Self::send(
            self.request(reqwest::Method::GET, "/api/v1/scouts")
                .query(&query),
        )
        .await
    }

    /// `GET /api/v1/applications` as a talent: their own applications, newest first.
    pub async fn own_applications(
        &self,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<Application>, ClientError> {
        let mut query = vec![("limit", limit.to_string())];
        query.extend(cursor.map(|c| ("cursor", c.to_owned())));
        Self::send(
            self.request(reqwest::Method::GET, "/api/v1/applications")
                .query(&query),
        )
        .await
    }

    /// `GET /api/v1/scouts/{id}`: one scout.
    pub async fn scout_by_id(&self, id: i64) -> Result<Scout, ClientError> {
        self.get(&format!("/api/v1/scouts/{id}")).await
    }

    // Admin screens (admins only; others get 403). Paths and types written out in full so
    // this block needs no change to the imports at the top.

    /// `GET /api/v1/admin/hubs`: every hub with its coordinator count.
    pub async fn admin_hubs(&self) -> Result<Page<crate::admin::AdminHub>, ClientError> {
        self.get("/api/v1/admin/hubs").await
    }

    /// `POST /api/v1/admin/hubs`: creates a hub.
    pub async fn create_hub(
        &self,
        body: &crate::admin::HubInput,
    ) -> Result<crate::admin::AdminHub, ClientError> {
        self.post("/api/v1/admin/hubs", body).await
    }

    /// `PATCH /api/v1/admin/hubs/{id}`: renames a hub, changes its deadline or prefectures.
    pub async fn update_hub(
        &self,
        id: i64,
        body: &crate::admin::HubPatch,
    ) -> Result<crate::admin::AdminHub, ClientError> {
        self.patch(&format!("/api/v1/admin/hubs/{id}"), body).await
    }

    /// `GET /api/v1/admin/staff`: staff accounts, newest first.
    pub async fn admin_staff(
        &self,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<Me>, ClientError> {
        let mut path = format!("/api/v1/admin/staff?limit={limit}");
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }

    /// `POST /api/v1/admin/staff`: opens a staff account; the answer carries its first
    /// password, which cannot be read again.
    pub async fn create_staff(
        &self,
        body: &crate::admin::StaffInput,
    ) -> Result<crate::admin::StaffCreated, ClientError> {
        self.post("/api/v1/admin/staff", body).await
    }

    /// `GET /api/v1/admin/partners`: every partner organisation, with its prefectures,
    /// origins, referral code and counts.
    pub async fn admin_partners(&self) -> Result<Page<crate::partner::Partner>, ClientError> {
        self.get("/api/v1/admin/partners").await
    }

    /// `GET /api/v1/admin/outbox`: the email outbox, newest first.
    pub async fn admin_outbox(
        &self,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<crate::admin::OutboxEmail>, ClientError> {
        let mut path = format!("/api/v1/admin/outbox?limit={limit}");
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }
}

// Partners: organisations, their origins and programmes.
impl ApiClient {
    /// `DELETE path`; a 204 decodes into `()`.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        Self::send(self.request(reqwest::Method::DELETE, path)).await
    }

    /// `POST /api/v1/admin/partners`: creates a partner (admins).
    pub async fn create_partner(
        &self,
        body: &crate::partner::PartnerInput,
    ) -> Result<crate::partner::Partner, ClientError> {
        self.post("/api/v1/admin/partners", body).await
    }

    /// `PATCH /api/v1/admin/partners/{id}`: renames a partner, replaces its prefectures or
    /// origins (admins).
    pub async fn update_partner(
        &self,
        id: i64,
        body: &crate::partner::PartnerPatch,
    ) -> Result<crate::partner::Partner, ClientError> {
        self.patch(&format!("/api/v1/admin/partners/{id}"), body)
            .await
    }

    /// `GET /api/v1/partners/{id}`: the partner's own record (its staff and admins).
    pub async fn partner(&self, id: i64) -> Result<crate::partner::Partner, ClientError> {
        self.get(&format!("/api/v1/partners/{id}")).await
    }

    /// `GET /api/v1/partners/{id}/widget`: the widget's views and clicks so far, per day.
    pub async fn partner_widget(
        &self,
        id: i64,
    ) -> Result<crate::embed::WidgetFigures, ClientError> {
        self.get(&format!("/api/v1/partners/{id}/widget")).await
    }

    /// `PATCH /api/v1/partners/{id}`: replaces the origins allowed to embed the widget.
    pub async fn update_partner_origins(
        &self,
        id: i64,
        body: &crate::partner::OriginsInput,
    ) -> Result<crate::partner::Partner, ClientError> {
        self.patch(&format!("/api/v1/partners/{id}"), body).await
    }

    /// `GET /api/v1/partners/{id}/programmes`: the partner's programmes, oldest first.
    pub async fn partner_programmes(
        &self,
        id: i64,
    ) -> Result<Page<crate::partner::PartnerProgramme>, ClientError> {
        self.get(&format!("/api/v1/partners/{id}/programmes")).await
    }

    /// `POST /api/v1/partners/{id}/programmes`: adds a programme.
    pub async fn create_programme(
        &self,
        partner_id: i64,
        body: &crate::partner::ProgrammeInput,
    ) -> Result<crate::partner::PartnerProgramme, ClientError> {
        self.post(&format!("/api/v1/partners/{partner_id}/programmes"), body)
            .await
    }

    /// `PATCH /api/v1/programmes/{id}`: changes a programme.
    pub async fn update_programme(
        &self,
        id: i64,
        body: &crate::partner::ProgrammePatch,
    ) -> Result<crate::partner::PartnerProgramme, ClientError> {
        self.patch(&format!("/api/v1/programmes/{id}"), body).await
    }

    /// `DELETE /api/v1/programmes/{id}`: removes a programme.
    pub async fn delete_programme(&self, id: i64) -> Result<(), ClientError> {
        self.delete(&format!("/api/v1/programmes/{id}")).await
    }

    // API keys.
    /// The same client, authenticating with an API key (`kh_...`) instead of a session token.
    /// Keys and session tokens travel the same way (`Authorization: Bearer`); the server tells
    /// them apart by the `kh_` prefix.
    pub fn with_api_key(&self, key: impl Into<String>) -> Self {
        self.with_token(key)
    }

    /// `POST /api/v1/api-keys`: the answer holds the key, shown this once.
    pub async fn create_api_key(
        &self,
        body: &crate::api_key::ApiKeyInput,
    ) -> Result<crate::api_key::ApiKeyCreated, ClientError> {
        self.post("/api/v1/api-keys", body).await
    }

    /// `GET /api/v1/api-keys`: one page of the organisation's keys, newest first.
    pub async fn api_keys(
        &self,
        cursor: Option<&str>,
    ) -> Result<Page<crate::api_key::ApiKey>, ClientError> {
        match cursor {
            Some(c) => {
                self.get(&format!(
                    "/api/v1/api-keys?cursor={}",
                    encode_query_value(c)
                ))
                .await
            }
            None => self.get("/api/v1/api-keys").await,
        }
    }

    /// `DELETE /api/v1/api-keys/{id}`: revokes the key (again is harmless).
    pub async fn revoke_api_key(&self, id: i64) -> Result<crate::api_key::ApiKey, ClientError> {
        self.delete(&format!("/api/v1/api-keys/{id}")).await
    }
}

// Webhooks.
impl ApiClient {
    /// `POST /api/v1/webhooks`: subscribes a URL; the answer holds the secret, shown once.
    pub async fn create_webhook(
        &self,
        body: &crate::webhook::WebhookInput,
    ) -> Result<crate::webhook::WebhookCreated, ClientError> {
        self.post("/api/v1/webhooks", body).await
    }

    /// `GET /api/v1/webhooks`: the caller's active subscriptions.
    pub async fn webhooks(&self) -> Result<Page<crate::webhook::Webhook>, ClientError> {
        self.get("/api/v1/webhooks").await
    }

    /// `DELETE /api/v1/webhooks/{id}`
    pub async fn delete_webhook(&self, id: i64) -> Result<(), ClientError> {
        self.delete(&format!("/api/v1/webhooks/{id}")).await
    }

    /// `GET /api/v1/webhooks/{id}/deliveries`: the delivery log, newest first.
    pub async fn webhook_deliveries(
        &self,
        id: i64,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page<crate::webhook::WebhookDelivery>, ClientError> {
        let mut path = format!("/api/v1/webhooks/{id}/deliveries?limit={limit}");
        if let Some(cursor) = cursor {
            path.push_str(&format!("&cursor={}", encode_query_value(cursor)));
        }
        self.get(&path).await
    }

    /// `POST /api/v1/webhook-deliveries/{id}/redeliver`: queues the event again.
    pub async fn redeliver_webhook(
        &self,
        delivery_id: i64,
    ) -> Result<crate::webhook::WebhookDelivery, ClientError> {
        self.post_empty(&format!(
            "/api/v1/webhook-deliveries/{delivery_id}/redeliver"
        ))
        .await
    }
}

/// Percent-encodes a query value (cursors are opaque and may hold `&`, `=` or `+`).
fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

// Statistics (KPIs).
impl ApiClient {
    /// `GET /api/v1/stats/summary`: the public figures, for all of Japan or one prefecture,
    /// one calendar year or all time.
    pub async fn stats_summary(
        &self,
        prefecture: Option<&str>,
        year: Option<i32>,
    ) -> Result<crate::stats::Stats, ClientError> {
        self.get(&stats_summary_path(prefecture, year, false)).await
    }

    /// `GET /api/v1/stats`: the staff figures (the caller's hub or partner only, for those).
    pub async fn stats(
        &self,
        filter: &crate::stats::StatsFilter,
    ) -> Result<crate::stats::Stats, ClientError> {
        self.get(&format!("/api/v1/stats?{}", filter.query())).await
    }

    /// `GET /api/v1/partners/{id}/stats`: one partner's figures (`filter.partner` is unused).
    pub async fn partner_stats(
        &self,
        partner: i64,
        filter: &crate::stats::StatsFilter,
    ) -> Result<crate::stats::Stats, ClientError> {
        let filter = crate::stats::StatsFilter {
            partner: None,
            ..filter.clone()
        };
        self.get(&format!(
            "/api/v1/partners/{partner}/stats?{}",
            filter.query()
        ))
        .await
    }

    /// `GET path` as raw bytes (a CSV export), with the caller's token; a problem on failure.
    pub async fn get_bytes(&self, path: &str) -> Result<Vec<u8>, ClientError> {
        let response = self
            .request(reqwest::Method::GET, path)
            .send()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        let status = response.status();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| ClientError::Network(e.to_string()))?;
        if status.is_success() {
            Ok(bytes.to_vec())
        } else {
            Err(serde_json::from_slice::<Problem>(&bytes)
                .map(ClientError::Problem)
                .unwrap_or_else(|_| {
                    ClientError::Decode(format!("HTTP {} without a problem body", status.as_u16()))
                }))
        }
    }
}

/// The public summary's path, as JSON or as CSV (a plain link can download it: no token).
pub fn stats_summary_path(prefecture: Option<&str>, year: Option<i32>, csv: bool) -> String {
    let mut parts = Vec::new();
    if let Some(p) = prefecture.filter(|p| !p.is_empty()) {
        parts.push(format!("prefecture={}", encode_query_value(p)));
    }
    if let Some(y) = year {
        parts.push(format!("year={y}"));
    }
    if csv {
        parts.push("format=csv".to_owned());
    }
    format!("/api/v1/stats/summary?{}", parts.join("&"))
}

// Privacy (APPI).
impl ApiClient {
    /// `GET /api/v1/me/export`: everything held about the caller (sessions only).
    pub async fn export_my_data(&self) -> Result<crate::privacy::PersonalDataExport, ClientError> {
        self.get("/api/v1/me/export").await
    }

    /// `DELETE /api/v1/me`: deletes and anonymises the caller's account (204).
    pub async fn delete_my_account(
        &self,
        body: &crate::privacy::DeleteAccountRequest,
    ) -> Result<(), ClientError> {
        Self::send(
            self.request(reqwest::Method::DELETE, "/api/v1/me")
                .json(body),
        )
        .await
    }

    /// `GET /api/v1/me/consents`: the caller's consents, newest first.
    pub async fn my_consents(&self) -> Result<Page<crate::privacy::Consent>, ClientError> {
        self.get("/api/v1/me/consents").await
    }

    /// `DELETE /api/v1/me/consents/{id}`: withdraws a case study consent before publication.
    pub async fn withdraw_consent(&self, id: i64) -> Result<crate::privacy::Consent, ClientError> {
        self.delete(&format!("/api/v1/me/consents/{id}")).await
    }
}
