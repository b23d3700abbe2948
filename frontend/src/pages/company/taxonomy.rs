//! The challenge and skill taxonomies, fetched once per page load: they change only with a
//! server release, and the wizard and the review screens ask for them repeatedly.

use std::cell::RefCell;
use std::rc::Rc;

use kakehashi_shared::reference::{Challenge, Skill};

use crate::api::{self, ApiError};
use crate::i18n::Lang;

thread_local! {
    static CHALLENGES: RefCell<Option<Rc<Vec<Challenge>>>> = const { RefCell::new(None) };
    static SKILLS: RefCell<Option<Rc<Vec<Skill>>>> = const { RefCell::new(None) };
}

pub async fn challenges() -> Result<Rc<Vec<Challenge>>, ApiError> {
    if let Some(cached) = CHALLENGES.with(|c| c.borrow().clone()) {
        return Ok(cached);
    }
    let list = Rc::new(api::client().challenges().await?.items);
    CHALLENGES.with(|c| c.replace(Some(Rc::clone(&list))));
    Ok(list)
}

pub async fn skills() -> Result<Rc<Vec<Skill>>, ApiError> {
    if let Some(cached) = SKILLS.with(|c| c.borrow().clone()) {
        return Ok(cached);
    }
    let list = Rc::new(api::client().skills().await?.items);
    SKILLS.with(|c| c.replace(Some(Rc::clone(&list))));
    Ok(list)
}

/// Both lists at once, for screens that name challenges and skills.
#[derive(Clone, PartialEq)]
pub struct Taxonomy {
    pub challenges: Rc<Vec<Challenge>>,
    pub skills: Rc<Vec<Skill>>,
}

pub async fn taxonomy() -> Result<Taxonomy, ApiError> {
    Ok(Taxonomy {
        challenges: challenges().await?,
        skills: skills().await?,
    })
}

impl Taxonomy {
    pub fn challenge_name(&self, lang: Lang, code: &str) -> String {
        self.challenges
            .iter()
            .find(|c| c.code == code)
            .map(|c| lang.pick(&c.name_ja, &c.name_en).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }

    pub fn skill_name(&self, lang: Lang, code: &str) -> String {
        self.skills
            .iter()
            .find(|s| s.code == code)
            .map(|s| lang.pick(&s.name_ja, &s.name_en).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }
}

/// Items grouped as the taxonomy lists them: `(group code, group name, items)` in list order.
pub fn grouped<'a, T>(
    items: &'a [T],
    group: impl Fn(&'a T) -> (&'a str, &'a str),
) -> Vec<(&'a str, &'a str, Vec<&'a T>)> {
    let mut groups: Vec<(&str, &str, Vec<&T>)> = Vec::new();
    for item in items {
        let (code, name) = group(item);
        match groups.last_mut() {
            Some((c, _, list)) if *c == code => list.push(item),
            _ => groups.push((code, name, vec![item])),
        }
    }
    groups
}
