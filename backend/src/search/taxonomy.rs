//! The taxonomies as search and matching see them: every code interned as a small number, so
//! a record is a few machine words and comparing skills is a bit operation, not a string
//! compare. Built from the reference data compiled into the binary (the same rows every start
//! writes to the database), so an engine started while the database is away still knows them.

use std::collections::HashMap;

use crate::error::ApiError;
use crate::seed::reference::{compiled, Compiled};

/// A set of small numbers as bits: skills (up to 128), challenges and prefectures (up to 64).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bits<const W: usize>(pub [u64; W]);

impl<const W: usize> Default for Bits<W> {
    fn default() -> Self {
        Self([0; W])
    }
}

pub type SkillSet = Bits<2>;
pub type CodeSet = Bits<1>;

impl<const W: usize> Bits<W> {
    pub const CAPACITY: usize = W * 64;

    pub fn insert(&mut self, i: u8) {
        let i = usize::from(i);
        if i < Self::CAPACITY {
            self.0[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: u8) -> bool {
        let i = usize::from(i);
        i < Self::CAPACITY && self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn len(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// How many members both sets have.
    pub fn common(&self, other: &Self) -> u32 {
        let mut n = 0;
        for i in 0..W {
            n += (self.0[i] & other.0[i]).count_ones();
        }
        n
    }

    pub fn intersects(&self, other: &Self) -> bool {
        (0..W).any(|i| self.0[i] & other.0[i] != 0)
    }

    pub fn and(&self, other: &Self) -> Self {
        let mut out = *self;
        for i in 0..W {
            out.0[i] &= other.0[i];
        }
        out
    }

    /// The members, smallest first.
    pub fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        (0..Self::CAPACITY)
            .filter(|i| self.0[i / 64] & (1 << (i % 64)) != 0)
            .filter_map(|i| u8::try_from(i).ok())
    }
}

/// A code with its names.
#[derive(Debug, Clone)]
pub struct Named {
    pub code: String,
    pub ja: String,
    pub en: String,
}

/// One interned taxonomy: code ↔ number, and names by number.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub items: Vec<Named>,
    index: HashMap<String, u8>,
}

impl Table {
    fn push(&mut self, code: &str, ja: &str, en: &str) -> u8 {
        if let Some(i) = self.index.get(code) {
            return *i;
        }
        let i = u8::try_from(self.items.len()).unwrap_or(u8::MAX);
        self.items.push(Named {
            code: code.to_owned(),
            ja: ja.to_owned(),
            en: en.to_owned(),
        });
        self.index.insert(code.to_owned(), i);
        i
    }

    pub fn get(&self, code: &str) -> Option<u8> {
        self.index.get(code).copied()
    }

    pub fn contains(&self, code: &str) -> bool {
        self.index.contains_key(code)
    }

    pub fn code(&self, i: u8) -> &str {
        self.items
            .get(usize::from(i))
            .map_or("", |n| n.code.as_str())
    }

    pub fn ja(&self, i: u8) -> &str {
        self.items.get(usize::from(i)).map_or("", |n| n.ja.as_str())
    }

    pub fn en(&self, i: u8) -> &str {
        self.items.get(usize::from(i)).map_or("", |n| n.en.as_str())
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    pub skills: Table,
    pub challenges: Table,
    /// The group of each challenge, by challenge number.
    pub challenge_group: Vec<u8>,
    pub groups: Table,
    pub prefectures: Table,
    /// The region of each prefecture, by prefecture number.
    pub prefecture_region: Vec<u8>,
    /// Keyed like the `region` filter: `kyushu_okinawa`.
    pub regions: Table,
    pub industries: Table,
}

/// `Kyushu-Okinawa` → `kyushu_okinawa`: the region filter value.
pub fn region_key(region_en: &str) -> String {
    region_en.to_lowercase().replace(['-', ' '], "_")
}

fn too_many(what: &str) -> ApiError {
    ApiError::internal(format!(
        "the {what} taxonomy outgrew the search engine's bit sets"
    ))
}

impl Taxonomy {
    pub fn compiled() -> Result<Self, ApiError> {
        Self::from_reference(&compiled()?)
    }

    pub fn from_reference(r: &Compiled) -> Result<Self, ApiError> {
        let mut t = Taxonomy::default();
        for s in &r.skills {
            t.skills.push(&s.code, &s.name_ja, &s.name_en);
        }
        for c in &r.challenges {
            let group = t.groups.push(&c.group_code, &c.group_ja, &c.group_en);
            t.challenges.push(&c.code, &c.name_ja, &c.name_en);
            t.challenge_group.push(group);
        }
        for p in &r.prefectures {
            let key = region_key(&p.region_en);
            let region = t.regions.push(&key, &p.region_ja, &p.region_en);
            t.prefectures.push(&p.code, &p.name_ja, &p.name_en);
            t.prefecture_region.push(region);
        }
        for i in &r.industries {
            t.industries.push(&i.code, &i.name_ja, &i.name_en);
        }
        if t.skills.len() > SkillSet::CAPACITY {
            return Err(too_many("skill"));
        }
        if t.challenges.len() > CodeSet::CAPACITY || t.groups.len() > CodeSet::CAPACITY {
            return Err(too_many("challenge"));
        }
        if t.prefectures.len() > CodeSet::CAPACITY {
            return Err(too_many("prefecture"));
        }
        Ok(t)
    }

    /// The skills among `codes` this taxonomy knows.
    pub fn skill_set<'a>(&self, codes: impl IntoIterator<Item = &'a String>) -> SkillSet {
        let mut set = SkillSet::default();
        for c in codes {
            if let Some(i) = self.skills.get(c) {
                set.insert(i);
            }
        }
        set
    }

    pub fn challenge_set<'a>(&self, codes: impl IntoIterator<Item = &'a String>) -> CodeSet {
        let mut set = CodeSet::default();
        for c in codes {
            if let Some(i) = self.challenges.get(c) {
                set.insert(i);
            }
        }
        set
    }

    /// The groups of the challenges in `set`.
    pub fn groups_of(&self, set: &CodeSet) -> CodeSet {
        let mut out = CodeSet::default();
        for c in set.iter() {
            if let Some(g) = self.challenge_group.get(usize::from(c)) {
                out.insert(*g);
            }
        }
        out
    }

    /// Prefecture number + 1 (0: none or unknown), so it fits a byte with "none" as zero.
    pub fn prefecture_slot(&self, code: Option<&str>) -> u8 {
        code.and_then(|c| self.prefectures.get(c))
            .map_or(0, |i| i.saturating_add(1))
    }

    pub fn region_of_slot(&self, slot: u8) -> Option<u8> {
        let i = usize::from(slot.checked_sub(1)?);
        self.prefecture_region.get(i).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_taxonomies_fit_the_bit_sets() {
        let t = Taxonomy::compiled().unwrap();
        assert!(t.skills.len() >= 60 && t.skills.len() <= SkillSet::CAPACITY);
        assert_eq!(t.prefectures.len(), 47);
        assert_eq!(t.prefectures.code(2), "03");
        assert_eq!(t.prefecture_slot(Some("03")), 3);
        assert_eq!(t.prefecture_slot(Some("99")), 0);
        let tohoku = t.regions.get("tohoku").unwrap();
        assert_eq!(t.region_of_slot(3), Some(tohoku));
        assert!(t.regions.contains("kyushu_okinawa"));
        let ec = t.challenges.get("ec").unwrap();
        assert_eq!(t.groups.code(t.challenge_group[usize::from(ec)]), "sales");
    }

    #[test]
    fn bit_sets_count_what_they_share() {
        let mut a = SkillSet::default();
        let mut b = SkillSet::default();
        for i in [1, 70, 100] {
            a.insert(i);
        }
        for i in [70, 100, 127, 200] {
            b.insert(i);
        }
        assert_eq!(a.common(&b), 2);
        assert_eq!(b.len(), 3, "200 is beyond the capacity and ignored");
        assert_eq!(a.iter().collect::<Vec<_>>(), [1, 70, 100]);
        assert!(a.intersects(&b) && !a.is_empty());
    }
}
