//! The searches measured: one typical search (the target), a mix of twenty realistic
//! ones for the percentiles, and the `q + prefecture` pairs the SQL comparison runs. Words are
//! ones the seeded postings contain (challenge and skill names, the common title phrases);
//! prefectures are regional ones the seed fills (31 Tottori has the most postings).

use kakehashi::search::projects::ProjectQuery;

#[derive(Debug, Clone, Copy, Default)]
pub struct Search {
    pub q: Option<&'static str>,
    pub prefecture: Option<&'static str>,
    pub region: Option<&'static str>,
    pub remote: Option<bool>,
    pub fee_min: Option<i64>,
}

const fn s(q: &'static str) -> Search {
    Search {
        q: Some(q),
        prefecture: None,
        region: None,
        remote: None,
        fee_min: None,
    }
}

impl Search {
    const fn pref(mut self, p: &'static str) -> Self {
        self.prefecture = Some(p);
        self
    }
    const fn region(mut self, r: &'static str) -> Self {
        self.region = Some(r);
        self
    }
    const fn remote(mut self) -> Self {
        self.remote = Some(true);
        self
    }
    const fn fee_min(mut self, yen: i64) -> Self {
        self.fee_min = Some(yen);
        self
    }

    /// A first page of 20, as the app asks for.
    pub fn query(&self) -> ProjectQuery {
        ProjectQuery {
            q: self.q.map(str::to_owned),
            prefecture: self.prefecture.map(str::to_owned),
            region: self.region.map(str::to_owned),
            remote: self.remote,
            fee_min: self.fee_min,
            limit: 20,
            ..Default::default()
        }
    }

    /// The query string of `GET /api/v1/projects`.
    pub fn url_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(q) = self.q {
            parts.push(format!("q={}", percent_encode(q)));
        }
        if let Some(p) = self.prefecture {
            parts.push(format!("prefecture={p}"));
        }
        if let Some(r) = self.region {
            parts.push(format!("region={r}"));
        }
        if let Some(r) = self.remote {
            parts.push(format!("remote={r}"));
        }
        if let Some(f) = self.fee_min {
            parts.push(format!("fee_min={f}"));
        }
        parts.join("&")
    }

    /// For tables: `q=マーケティング, prefecture=31, remote=true`.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if let Some(q) = self.q {
            parts.push(format!("q={q}"));
        }
        if let Some(p) = self.prefecture {
            parts.push(format!("prefecture={p}"));
        }
        if let Some(r) = self.region {
            parts.push(format!("region={r}"));
        }
        if let Some(r) = self.remote {
            parts.push(format!("remote={r}"));
        }
        if let Some(f) = self.fee_min {
            parts.push(format!("fee_min={f}"));
        }
        parts.join(", ")
    }
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The "typical Japanese query with two filters".
pub const TYPICAL: Search = s("マーケティング").pref("31").remote();

/// Criterion benchmarks besides the typical one: a broad word, a search with no filter, and
/// filters without words. Names are ASCII because criterion makes folders of them.
pub const CRITERION: &[(&str, Search)] = &[
    ("marketing_pref31_remote", TYPICAL),
    ("ec_tohoku_fee50k", s("EC").region("tohoku").fee_min(50_000)),
    ("succession_no_filter", s("事業承継")),
    (
        "filters_only_pref03_remote",
        Search {
            q: None,
            prefecture: Some("03"),
            region: None,
            remote: Some(true),
            fee_min: None,
        },
    ),
];

/// Twenty realistic searches, cycled for the p50/p99 over the mix.
pub const MIX: &[Search] = &[
    TYPICAL,
    s("EC").pref("03").remote(),
    s("事業承継").pref("04"),
    s("ブランディング").region("tohoku").remote(),
    s("人材採用").pref("02").fee_min(50_000),
    s("データ分析").pref("31").remote(),
    s("商品開発").pref("15").remote(),
    s("SNS").pref("05"),
    s("海外市場開拓").region("chugoku"),
    s("在庫管理").pref("06").remote(),
    s("経営企画").pref("07"),
    s("販路拡大").pref("32").remote(),
    s("ふるさと納税").region("kyushu_okinawa"),
    // Broad: every seeded title says 副業プロ人材 and every role 社長の右腕.
    s("副業").pref("31"),
    s("社長の右腕").pref("03").remote(),
    s("IT化").pref("17"),
    s("プロモーション").region("hokkaido").remote(),
    s("品質管理").pref("20"),
    s("Web広告").pref("01").remote(),
    Search {
        q: None,
        prefecture: Some("31"),
        region: None,
        remote: Some(true),
        fee_min: None,
    },
];

/// `q + prefecture`: what a job board's SQL does. Japanese words only: the SQL searches the
/// posting's JSON, whose keys and codes are ASCII (`LIKE '%EC%'` would match `recruitment`).
pub const SQL_PAIRS: &[(&str, &str)] = &[
    ("マーケティング", "31"),
    ("EC強化", "03"),
    ("事業承継", "04"),
    ("ブランディング", "02"),
    ("人材採用", "15"),
];
