//! Every string a person sees goes through this module, so no screen mixes languages and a
//! translation can never be forgotten: each message key holds both texts, and the compiler
//! refuses a key without one.
//!
//! `messages` holds the screen texts, `errors` maps the API's field and problem codes to
//! messages, and `context` carries the chosen language through the component tree.

mod context;
mod errors;
mod messages;
// Texts with numbers (money, hours, counts) for the public and talent screens.
pub mod format;

use chrono::{DateTime, Utc};
use kakehashi_shared::enums::{PartnerKind, Role};

pub use context::{use_lang, use_set_lang, LangProvider};
pub use errors::{field_error, problem_message};
pub use messages::Msg;

/// The languages the app is written in. Japanese comes first: most users read it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and for storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Japanese or the English one of two data texts (reference names from the API).
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// The browser tab's title: the page's name, then the app's.
pub fn page_title(lang: Lang, page: Msg) -> String {
    format!("{} | {}", page.t(lang), Msg::AppName.t(lang))
}

/// The home page's greeting to a signed-in person.
pub fn welcome(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("{name} さん、ようこそ。"),
        Lang::En => format!("Welcome, {name}."),
    }
}

/// Joins names as each language lists them: 「岩手県、秋田県」 / "Iwate, Akita".
pub fn join_list(lang: Lang, items: &[String]) -> String {
    items.join(match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    })
}

/// A name with a note after it, in each language's brackets: 「岩手銀行（金融機関）」.
pub fn with_note(lang: Lang, name: &str, note: &str) -> String {
    match lang {
        Lang::Ja => format!("{name}（{note}）"),
        Lang::En => format!("{name} ({note})"),
    }
}

/// A date as UI.md asks: 2026年11月21日 (ja) or 21 Nov 2026 (en), in the reader's own time
/// zone (the browser's), so an account opened at 20:00 UTC shows the Japanese calendar day.
pub fn format_date(lang: Lang, at: &DateTime<Utc>) -> String {
    // chrono cannot read the browser's zone on wasm32; JavaScript's Date can.
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let (year, month, day) = (date.get_full_year(), date.get_month() + 1, date.get_date());
    match lang {
        Lang::Ja => format!("{year}年{month}月{day}日"),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let name = MONTHS.get(month as usize - 1).copied().unwrap_or("");
            format!("{day} {name} {year}")
        }
    }
}

/// A role in words.
pub fn role_name(role: Role) -> Msg {
    match role {
        Role::Talent => Msg::RoleTalent,
        Role::CompanyMember => Msg::RoleCompanyMember,
        Role::Coordinator => Msg::RoleCoordinator,
        Role::Partner => Msg::RolePartner,
        Role::Admin => Msg::RoleAdmin,
    }
}

/// A kind of partner organisation in words.
pub fn partner_kind_name(kind: PartnerKind) -> Msg {
    match kind {
        PartnerKind::Prefecture => Msg::PartnerPrefecture,
        PartnerKind::Municipality => Msg::PartnerMunicipality,
        PartnerKind::Bank => Msg::PartnerBank,
        PartnerKind::Chamber => Msg::PartnerChamber,
        PartnerKind::Other => Msg::PartnerOther,
    }
}
