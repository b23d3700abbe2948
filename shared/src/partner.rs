//! Regional partners as organisations (prefectures, municipalities, banks, chambers of
//! commerce): what admins create and edit, what a partner's staff see of their own
//! organisation, and the programmes and subsidies a partner maintains for the prefectures it
//! covers. The rules below are checked by the API and by the app before it sends.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::enums::PartnerKind;
use crate::validation::{is_prefecture_code, FieldErrors, Validate};

/// A partner's name has at most this many characters.
pub const PARTNER_NAME_MAX: usize = 200;
/// A partner may allow at most this many sites to embed the widget.
pub const ORIGINS_MAX: usize = 20;
/// Referral codes: 3–40 ASCII letters, digits, `-` or `_` (they go into links unescaped).
pub const REFERRAL_CODE_MIN: usize = 3;
pub const REFERRAL_CODE_MAX: usize = 40;
/// Limits of a programme's texts.
pub const PROGRAMME_TITLE_MAX: usize = 200;
pub const PROGRAMME_AMOUNT_MAX: usize = 100;
pub const PROGRAMME_ELIGIBILITY_MAX: usize = 2000;
pub const PROGRAMME_URL_MAX: usize = 500;

/// The query parameter a referral link carries (`/?ref=CODE`); the widget's links use it too.
pub const REFERRAL_PARAM: &str = "ref";

/// The path of a partner's referral link, relative to the site (`/?ref=iwate-bank`).
pub fn referral_path(code: &str) -> String {
    format!("/?{REFERRAL_PARAM}={code}")
}

/// Whether `code` may be a referral code.
pub fn is_referral_code(code: &str) -> bool {
    (REFERRAL_CODE_MIN..=REFERRAL_CODE_MAX).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An origin as browsers send it in the `Origin` header: `http(s)://host[:port]`, lower-case,
/// without the default port, path, query or credentials. `None` for anything else, so a
/// stored origin can be compared byte for byte with the header.
pub fn normalize_origin(value: &str) -> Option<String> {
    let value = value.trim().to_ascii_lowercase();
    let (scheme, rest) = value.split_once("://")?;
    let default_port = match scheme {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    // A single trailing slash is what people paste from the address bar; more is a path.
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if host.is_empty() || host.len() > 253 || !host.split('.').all(label_ok) {
        return None;
    }
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(p) if p == default_port => Some(format!("{scheme}://{host}")),
        Some(p) => {
            let n: u32 = if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()?
            } else {
                return None;
            };
            (1..=65535)
                .contains(&n)
                .then(|| format!("{scheme}://{host}:{n}"))
        }
    }
}

/// Whether `url` is an absolute http(s) link with a host.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = match lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn check_origins(e: &mut FieldErrors, origins: &[String]) {
    if origins.len() > ORIGINS_MAX {
        e.add(
            "origins",
            "too_long",
            format!("at most {ORIGINS_MAX} origins"),
        );
    } else if let Some((i, bad)) = origins
        .iter()
        .enumerate()
        .find(|(_, o)| normalize_origin(o).is_none())
    {
        e.add(
            &format!("origins[{i}]"),
            "invalid_format",
            format!(
                "{bad:?} is not an origin: write https://host or https://host:port, without a path"
            ),
        );
    }
}

fn check_prefectures(e: &mut FieldErrors, codes: &[String]) {
    if codes.is_empty() {
        e.add(
            "prefecture_codes",
            "required",
            "name at least one prefecture",
        );
    } else if let Some(bad) = codes.iter().find(|c| !is_prefecture_code(c)) {
        e.add(
            "prefecture_codes",
            "unknown_value",
            format!("{bad} is not a JIS prefecture code"),
        );
    } else if (1..codes.len()).any(|i| codes[..i].contains(&codes[i])) {
        e.add(
            "prefecture_codes",
            "duplicate",
            "a prefecture is named twice",
        );
    }
}

/// A partner organisation in full: what admins list and what its own staff see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Partner {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "岩手銀行"))]
    pub name: String,
    pub kind: PartnerKind,
    /// JIS codes of the prefectures the partner covers, in code order.
    #[cfg_attr(feature = "openapi", schema(example = json!(["03"])))]
    pub prefecture_codes: Vec<String>,
    /// Sites allowed to embed the widget (CORS), normalised: `https://host[:port]`.
    #[cfg_attr(feature = "openapi", schema(example = json!(["https://www.iwatebank.example"])))]
    pub origins: Vec<String>,
    /// The code the partner's links carry.
    #[cfg_attr(feature = "openapi", schema(example = "iwate-bank"))]
    pub referral_code: String,
    /// The referral link's path on this site (prefix it with the site's origin).
    #[cfg_attr(feature = "openapi", schema(example = "/?ref=iwate-bank"))]
    pub referral_link: String,
    /// Companies that registered through the partner's link or widget.
    #[cfg_attr(feature = "openapi", schema(example = 4))]
    pub referred_companies: i64,
    /// Talent who registered through the partner's link or widget.
    #[cfg_attr(feature = "openapi", schema(example = 12))]
    pub referred_talents: i64,
    /// Partner staff accounts.
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub staff_count: i64,
    pub created_at: DateTime<Utc>,
}

/// A new partner (admins).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerInput {
    #[cfg_attr(feature = "openapi", schema(example = "岩手銀行", max_length = 200))]
    pub name: String,
    pub kind: PartnerKind,
    /// JIS X 0401 codes, at least one.
    #[cfg_attr(feature = "openapi", schema(example = json!(["03"])))]
    pub prefecture_codes: Vec<String>,
    /// Sites allowed to embed the widget: `https://host[:port]` (or `http://`), no path.
    /// Stored lower-case without the default port. May be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = json!(["https://www.iwatebank.example"])))]
    pub origins: Vec<String>,
    /// 3–40 letters, digits, `-` or `_`; generated when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "iwate-bank"))]
    pub referral_code: Option<String>,
}

impl Validate for PartnerInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.text("name", &self.name, 1, PARTNER_NAME_MAX);
        check_prefectures(&mut e, &self.prefecture_codes);
        check_origins(&mut e, &self.origins);
        if let Some(code) = &self.referral_code {
            if !is_referral_code(code) {
                e.add(
                    "referral_code",
                    "invalid_format",
                    "3–40 letters, digits, - or _",
                );
            }
        }
        e.into_result()
    }
}

/// Changes to a partner (admins); absent fields stay as they are. Prefectures and origins
/// given replace the old ones. The kind and referral code do not change: links already
/// printed and embedded carry the code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture_codes: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origins: Option<Vec<String>>,
}

impl Validate for PartnerPatch {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if let Some(name) = &self.name {
            e.text("name", name, 1, PARTNER_NAME_MAX);
        }
        if let Some(codes) = &self.prefecture_codes {
            check_prefectures(&mut e, codes);
        }
        if let Some(origins) = &self.origins {
            check_origins(&mut e, origins);
        }
        e.into_result()
    }
}

/// The sites allowed to embed the widget, replaced as a whole (partner staff and admins).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OriginsInput {
    #[cfg_attr(feature = "openapi", schema(example = json!(["https://www.iwatebank.example"])))]
    pub origins: Vec<String>,
}

impl Validate for OriginsInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        check_origins(&mut e, &self.origins);
        e.into_result()
    }
}

/// A programme or subsidy as its partner maintains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerProgramme {
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub partner_id: i64,
    /// The prefecture the programme is for; one the partner covers.
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "副業人材交通費補助"))]
    pub title: String,
    /// Free text, as the programme states it.
    #[cfg_attr(feature = "openapi", schema(example = "上限30万円"))]
    pub amount: String,
    /// Who may use it.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "県内企業と契約した県外在住の副業人材")
    )]
    pub eligibility: String,
    /// Where to read the conditions and apply (http or https).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://www.pref.iwate.example/fukugyo")
    )]
    pub url: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgrammeInput {
    /// A prefecture the partner covers.
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub prefecture_code: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "副業人材交通費補助", max_length = 200)
    )]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(example = "上限30万円", max_length = 100))]
    pub amount: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "県内企業と契約した県外在住の副業人材", max_length = 2000)
    )]
    pub eligibility: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://www.pref.iwate.example/fukugyo", max_length = 500)
    )]
    pub url: String,
}

fn check_url(e: &mut FieldErrors, url: &str) {
    if url.trim().is_empty() {
        e.add("url", "required", "is required");
    } else if url.chars().count() > PROGRAMME_URL_MAX {
        e.add(
            "url",
            "too_long",
            format!("must be at most {PROGRAMME_URL_MAX} characters"),
        );
    } else if !is_http_url(url) {
        e.add(
            "url",
            "invalid_format",
            "must be an http:// or https:// link",
        );
    }
}

impl Validate for ProgrammeInput {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        e.prefecture_code("prefecture_code", &self.prefecture_code);
        e.text("title", &self.title, 1, PROGRAMME_TITLE_MAX);
        e.text("amount", &self.amount, 1, PROGRAMME_AMOUNT_MAX);
        e.text(
            "eligibility",
            &self.eligibility,
            1,
            PROGRAMME_ELIGIBILITY_MAX,
        );
        check_url(&mut e, &self.url);
        e.into_result()
    }
}

/// Changes to a programme; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgrammePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Validate for ProgrammePatch {
    fn validate(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        if let Some(code) = &self.prefecture_code {
            e.prefecture_code("prefecture_code", code);
        }
        if let Some(v) = &self.title {
            e.text("title", v, 1, PROGRAMME_TITLE_MAX);
        }
        if let Some(v) = &self.amount {
            e.text("amount", v, 1, PROGRAMME_AMOUNT_MAX);
        }
        if let Some(v) = &self.eligibility {
            e.text("eligibility", v, 1, PROGRAMME_ELIGIBILITY_MAX);
        }
        if let Some(v) = &self.url {
            check_url(&mut e, v);
        }
        e.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_as_browsers_send_them() {
        let n = |s: &str| normalize_origin(s);
        assert_eq!(
            n("HTTPS://Www.Iwatebank.Example").as_deref(),
            Some("https://www.iwatebank.example")
        );
        assert_eq!(
            n("https://example.jp/").as_deref(),
            Some("https://example.jp")
        );
        assert_eq!(
            n("https://example.jp:443").as_deref(),
            Some("https://example.jp")
        );
        assert_eq!(
            n("http://localhost:8080").as_deref(),
            Some("http://localhost:8080")
        );
        assert_eq!(
            n("http://127.0.0.1:18231").as_deref(),
            Some("http://127.0.0.1:18231")
        );
        for bad in [
            "example.jp",
            "ftp://example.jp",
            "https://example.jp/widget",
            "https://example.jp?x=1",
            "https://user@example.jp",
            "https://",
            "https://exa mple.jp",
            "https://example.jp:0",
            "https://example.jp:99999",
            "https://example.jp:",
            "https://-bad.example",
            "https://a..b",
        ] {
            assert_eq!(n(bad), None, "{bad}");
        }
    }

    #[test]
    fn programme_links_must_be_http() {
        assert!(is_http_url("https://www.pref.iwate.example/fukugyo?x=1"));
        assert!(is_http_url("http://example.jp"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https://a b"));
        assert!(!is_http_url("//example.jp"));
    }

    #[test]
    fn referral_codes_fit_in_links() {
        assert!(is_referral_code("iwate-bank_01"));
        assert!(!is_referral_code("ab"));
        assert!(!is_referral_code("岩手"));
        assert!(!is_referral_code("a b c"));
        assert_eq!(referral_path("iwate-bank"), "/?ref=iwate-bank");
    }

    #[test]
    fn a_partner_input_names_every_bad_field() {
        let input = PartnerInput {
            name: " ".into(),
            kind: PartnerKind::Bank,
            prefecture_codes: vec!["48".into()],
            origins: vec!["https://ok.example".into(), "https://x.example/path".into()],
            referral_code: Some("x".into()),
        };
        let fields: Vec<String> = input
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["name", "prefecture_codes", "origins[1]", "referral_code"]
        );
    }
}
