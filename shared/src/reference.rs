//! Reference taxonomies: prefectures, industries, challenges and skills.

use serde::{Deserialize, Serialize};

/// A prefecture (JIS X 0401).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Prefecture {
    /// Two-digit JIS code.
    #[cfg_attr(feature = "openapi", schema(example = "03"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = "岩手県"))]
    pub name_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Iwate"))]
    pub name_en: String,
    /// Region (地方) the prefecture belongs to.
    #[cfg_attr(feature = "openapi", schema(example = "東北"))]
    pub region_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Tohoku"))]
    pub region_en: String,
    /// Seat of the prefectural government.
    #[cfg_attr(feature = "openapi", schema(example = "盛岡市"))]
    pub capital_ja: String,
}

/// A JSIC major industry group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Industry {
    /// JSIC major group letter.
    #[cfg_attr(feature = "openapi", schema(example = "E"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = "製造業"))]
    pub name_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Manufacturing"))]
    pub name_en: String,
}

/// A business challenge (経営課題) behind a project, in its group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Challenge {
    #[cfg_attr(feature = "openapi", schema(example = "ec"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = "sales"))]
    pub group_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "売上アップ（販路獲得）"))]
    pub group_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Grow sales (new channels)"))]
    pub group_en: String,
    #[cfg_attr(feature = "openapi", schema(example = "EC強化"))]
    pub name_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "E-commerce"))]
    pub name_en: String,
}

/// A professional skill, in its group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Skill {
    #[cfg_attr(feature = "openapi", schema(example = "seo"))]
    pub code: String,
    #[cfg_attr(feature = "openapi", schema(example = "digital_marketing"))]
    pub group_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "デジタルマーケティング"))]
    pub group_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "Digital marketing"))]
    pub group_en: String,
    #[cfg_attr(feature = "openapi", schema(example = "SEO"))]
    pub name_ja: String,
    #[cfg_attr(feature = "openapi", schema(example = "SEO"))]
    pub name_en: String,
}
