//! Responses that the extractors give, added to every operation that uses them, so that the
//! document tells the truth without each handler repeating them (schemathesis, `make contract`,
//! checks every answer against the document).
//!
//! - a bearer-secured operation runs `AuthUser`: 401 for a missing, malformed, forged or expired
//!   token, 403 for an API key where only a session is accepted (or a key without the scope),
//!   and the policy's 403 for a role that may not do this;
//! - an operation with a body runs `ValidJson`: 400 (not JSON), 413 (over the body limit), 415
//!   (not `application/json`) and 422 (fields that break the rules);
//! - a path parameter that does not parse (`/projects/abc`) is 400 (`PathConfig` in `app.rs`),
//!   and one that names nothing the caller may see is 404;
//! - a query parameter that does not parse (`?limit=x`) is 422 (`QueryConfig` in `app.rs`);
//! - any operation answers 503 with `Retry-After` while its database is unreachable, and a
//!   write (every method but GET) 507 when the disk under SQLite is full (`error.rs`).
//!
//! An operation that documents a status itself keeps its own description.
//!
//! It also repairs what utoipa makes of `#[serde(flatten)]`: a response type that flattens an
//! input type (`WorkReport` = `WorkReportInput` + id, times) becomes `allOf: [input, rest]`,
//! and the input's `deny_unknown_fields` (`additionalProperties: false`, which keeps a request
//! from setting fields it may not) would then refuse the response's own extra fields. Inside an
//! `allOf`, such an input is referenced through a copy without that restriction.

use std::collections::BTreeSet;

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, Schema};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder};

/// Adds the extractors' responses to every operation of `doc` and opens flattened inputs.
pub fn add(doc: OpenApi) -> OpenApi {
    open_flattened_inputs(add_responses(doc))
}

fn add_responses(mut doc: OpenApi) -> OpenApi {
    for (writes, op) in operations(&mut doc) {
        add_to(op, writes);
    }
    doc
}

/// Every operation of the document, with whether its method writes (all but GET).
fn operations(doc: &mut OpenApi) -> impl Iterator<Item = (bool, &mut Operation)> {
    doc.paths.paths.values_mut().flat_map(|item| {
        [
            (false, &mut item.get),
            (true, &mut item.put),
            (true, &mut item.post),
            (true, &mut item.delete),
            (true, &mut item.patch),
        ]
        .into_iter()
        .filter_map(|(writes, op)| op.as_mut().map(|op| (writes, op)))
    })
}

fn add_to(op: &mut Operation, writes: bool) {
    let secured = op.security.as_ref().is_some_and(|requirements| {
        // `SecurityRequirement` keeps its scheme names private; its JSON form names them.
        requirements
            .iter()
            .any(|r| serde_json::to_value(r).is_ok_and(|v| v.get("bearer").is_some()))
    });
    let params = op.parameters.as_deref().unwrap_or_default();
    let in_path = params
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Path));
    let in_query = params
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Query));
    let body = op.request_body.is_some();

    let mut add = |status: &str, description: &str| {
        op.responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| problem(description));
    };
    if secured {
        add(
            "401",
            "No valid bearer token: missing, malformed, forged or expired (`unauthenticated`, `token_expired`)",
        );
        add(
            "403",
            "Not allowed for this caller's role or organisation, or an API key where a session is needed (`forbidden`, `api_key_not_accepted`)",
        );
    }
    if body {
        add("400", "The body is not JSON (`malformed_request`)");
        add(
            "413",
            "The body is over the size limit (`payload_too_large`)",
        );
        add(
            "415",
            "The body is not `application/json` (`unsupported_media_type`)",
        );
        add("422", "Invalid fields (`validation_failed`)");
    }
    if in_path {
        add(
            "400",
            "A path parameter is not of its type, e.g. an id that is not a number (`malformed_request`)",
        );
        add(
            "404",
            "Nothing with this id, or nothing the caller may see (`not_found`)",
        );
    }
    if in_query {
        add(
            "422",
            "A query parameter is not of its type or not allowed (`validation_failed`)",
        );
    }
    add(
        "503",
        "The database is unreachable for now (`database_unavailable`); retry after `Retry-After` seconds",
    );
    if writes {
        add(
            "507",
            "The server's disk is full, so nothing was saved (`storage_full`); retry later",
        );
    }
}

fn problem(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

/// Suffix of the unrestricted copies of flattened input schemas.
const OPEN: &str = "Fields";
const PREFIX: &str = "#/components/schemas/";

fn open_flattened_inputs(mut doc: OpenApi) -> OpenApi {
    let Some(components) = doc.components.as_mut() else {
        return doc;
    };
    let closed: BTreeSet<String> = components
        .schemas
        .iter()
        .filter(|(_, s)| {
            matches!(s, RefOr::T(Schema::Object(o))
                if matches!(o.additional_properties.as_deref(), Some(AdditionalProperties::FreeForm(false))))
        })
        .map(|(name, _)| name.clone())
        .collect();
    let mut used = BTreeSet::new();
    for schema in components.schemas.values_mut() {
        retarget(schema, &closed, &mut used);
    }
    for (_, op) in operations(&mut doc) {
        for response in op.responses.responses.values_mut() {
            if let RefOr::T(response) = response {
                for content in response.content.values_mut() {
                    if let Some(schema) = content.schema.as_mut() {
                        retarget(schema, &closed, &mut used);
                    }
                }
            }
        }
    }
    if let Some(components) = doc.components.as_mut() {
        for name in used {
            if let Some(RefOr::T(Schema::Object(mut copy))) = components.schemas.get(&name).cloned()
            {
                copy.additional_properties = None;
                components
                    .schemas
                    .insert(format!("{name}{OPEN}"), RefOr::T(Schema::Object(copy)));
            }
        }
    }
    doc
}

/// Points every `allOf` member that references a closed schema at its open copy.
fn retarget(schema: &mut RefOr<Schema>, closed: &BTreeSet<String>, used: &mut BTreeSet<String>) {
    let RefOr::T(schema) = schema else {
        return;
    };
    match schema {
        Schema::AllOf(all) => {
            for member in &mut all.items {
                match member {
                    RefOr::Ref(r) => {
                        let name = r.ref_location.trim_start_matches(PREFIX).to_owned();
                        if closed.contains(&name) {
                            r.ref_location = format!("{PREFIX}{name}{OPEN}");
                            used.insert(name);
                        }
                    }
                    member => retarget(member, closed, used),
                }
            }
        }
        Schema::Object(o) => {
            for p in o.properties.values_mut() {
                retarget(p, closed, used);
            }
        }
        Schema::Array(a) => {
            if let ArrayItems::RefOrSchema(items) = &mut a.items {
                retarget(items, closed, used);
            }
        }
        Schema::OneOf(o) => {
            for member in &mut o.items {
                retarget(member, closed, used);
            }
        }
        Schema::AnyOf(o) => {
            for member in &mut o.items {
                retarget(member, closed, used);
            }
        }
        _ => {}
    }
}
