//! Reference taxonomies (prefectures, industries), fetched once per page load and kept in
//! memory: they change only with a server release, and forms ask for them repeatedly.

use std::cell::RefCell;
use std::rc::Rc;

use kakehashi_shared::reference::{Industry, Prefecture};

use crate::api::{self, ApiError};
use crate::i18n::Lang;

thread_local! {
    static PREFECTURES: RefCell<Option<Rc<Vec<Prefecture>>>> = const { RefCell::new(None) };
    static INDUSTRIES: RefCell<Option<Rc<Vec<Industry>>>> = const { RefCell::new(None) };
}

/// The 47 prefectures in JIS order.
pub async fn prefectures() -> Result<Rc<Vec<Prefecture>>, ApiError> {
    if let Some(cached) = PREFECTURES.with(|c| c.borrow().clone()) {
        return Ok(cached);
    }
    let page = api::client().prefectures().await?;
    let list = Rc::new(page.items);
    PREFECTURES.with(|c| c.replace(Some(Rc::clone(&list))));
    Ok(list)
}

/// The JSIC major industry groups.
pub async fn industries() -> Result<Rc<Vec<Industry>>, ApiError> {
    if let Some(cached) = INDUSTRIES.with(|c| c.borrow().clone()) {
        return Ok(cached);
    }
    let page = api::client().industries().await?;
    let list = Rc::new(page.items);
    INDUSTRIES.with(|c| c.replace(Some(Rc::clone(&list))));
    Ok(list)
}

/// Prefecture names for codes, joined for reading (「岩手県、宮城県」), or the codes themselves
/// while the list loads or for a code it does not have.
pub fn place_names(
    lang: Lang,
    places: &crate::hooks::Remote<Rc<Vec<Prefecture>>>,
    codes: &[String],
) -> String {
    let named: Vec<String> = codes
        .iter()
        .map(|code| match places {
            crate::hooks::Remote::Ready(list) => {
                prefecture_name(list, lang, code).unwrap_or_else(|| code.clone())
            }
            _ => code.clone(),
        })
        .collect();
    crate::i18n::join_list(lang, &named)
}

/// A prefecture's name in `lang`, or `None` for a code the list does not have.
pub fn prefecture_name(list: &[Prefecture], lang: Lang, code: &str) -> Option<String> {
    list.iter()
        .find(|p| p.code == code)
        .map(|p| lang.pick(&p.name_ja, &p.name_en).to_owned())
}

/// Option groups for a prefecture select: one group per region, in list order.
pub fn prefecture_groups(list: &[Prefecture], lang: Lang) -> Vec<(String, Vec<(String, String)>)> {
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for p in list {
        let region = lang.pick(&p.region_ja, &p.region_en);
        let option = (p.code.clone(), lang.pick(&p.name_ja, &p.name_en).to_owned());
        match groups.last_mut() {
            Some((name, options)) if name == region => options.push(option),
            _ => groups.push((region.to_owned(), vec![option])),
        }
    }
    groups
}
