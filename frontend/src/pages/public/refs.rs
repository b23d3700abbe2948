//! The reference taxonomies the public and talent screens name things with (prefectures,
//! industries, challenges, skills), loaded once per page load and shared by every screen.

use std::cell::RefCell;
use std::rc::Rc;

use kakehashi_shared::reference::{Challenge, Industry, Prefecture, Skill};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::hooks::{use_remote, Remote};
use crate::i18n::Lang;
use crate::reference::{industries, prefectures};

/// All four lists. Compared by identity: they never change while the app runs.
#[derive(Clone)]
pub struct Refs(Rc<Lists>);

pub struct Lists {
    pub prefectures: Rc<Vec<Prefecture>>,
    pub industries: Rc<Vec<Industry>>,
    pub challenges: Vec<Challenge>,
    pub skills: Vec<Skill>,
}

impl PartialEq for Refs {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

thread_local! {
    static LOADED: RefCell<Option<Refs>> = const { RefCell::new(None) };
}

impl Refs {
    pub fn lists(&self) -> &Lists {
        &self.0
    }

    pub fn prefecture(&self, lang: Lang, code: &str) -> String {
        self.0
            .prefectures
            .iter()
            .find(|p| p.code == code)
            .map_or_else(
                || code.to_owned(),
                |p| lang.pick(&p.name_ja, &p.name_en).to_owned(),
            )
    }

    pub fn industry(&self, lang: Lang, code: &str) -> String {
        self.0
            .industries
            .iter()
            .find(|i| i.code == code)
            .map_or_else(
                || code.to_owned(),
                |i| lang.pick(&i.name_ja, &i.name_en).to_owned(),
            )
    }

    pub fn challenge(&self, lang: Lang, code: &str) -> String {
        self.0
            .challenges
            .iter()
            .find(|c| c.code == code)
            .map_or_else(
                || code.to_owned(),
                |c| lang.pick(&c.name_ja, &c.name_en).to_owned(),
            )
    }

    pub fn skill(&self, lang: Lang, code: &str) -> String {
        self.0.skills.iter().find(|s| s.code == code).map_or_else(
            || code.to_owned(),
            |s| lang.pick(&s.name_ja, &s.name_en).to_owned(),
        )
    }

    /// The regions in list order as `(filter value, name)`. The prefecture list names each
    /// region but has no code for it; the search's `region` values are the English name in
    /// snake case (`Kyushu-Okinawa` → `kyushu_okinawa`), the same rule the server uses.
    pub fn regions(&self, lang: Lang) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for p in self.0.prefectures.iter() {
            let code = region_code(&p.region_en);
            if !out.iter().any(|(c, _)| *c == code) {
                out.push((code, lang.pick(&p.region_ja, &p.region_en).to_owned()));
            }
        }
        out
    }

    /// The challenge groups in list order as `(code, name)`.
    pub fn challenge_groups(&self, lang: Lang) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for c in &self.0.challenges {
            if !out.iter().any(|(g, _)| *g == c.group_code) {
                out.push((
                    c.group_code.clone(),
                    lang.pick(&c.group_ja, &c.group_en).to_owned(),
                ));
            }
        }
        out
    }
}

pub fn region_code(region_en: &str) -> String {
    region_en
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Loads the four lists (each once per page load).
pub async fn load_refs() -> Result<Refs, ApiError> {
    if let Some(refs) = LOADED.with(|l| l.borrow().clone()) {
        return Ok(refs);
    }
    let prefectures = prefectures().await?;
    let industries = industries().await?;
    let client = api::client();
    let challenges = client.challenges().await?.items;
    let skills = client.skills().await?.items;
    let refs = Refs(Rc::new(Lists {
        prefectures,
        industries,
        challenges,
        skills,
    }));
    LOADED.with(|l| l.replace(Some(refs.clone())));
    Ok(refs)
}

/// The lists, with their loading and error states.
#[hook]
pub fn use_refs() -> (Remote<Refs>, Callback<()>) {
    use_remote(load_refs)
}
