//! Full-text matching with tantivy over normalised text, tokenised into character bigrams so
//! Japanese (written without spaces) and English are found the same way: 「マーケティング」 is
//! found in 「Webマーケティング支援」 because every bigram of the query occurs in the text.

use std::sync::Mutex;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::ColumnValues;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{NgramTokenizer, TextAnalyzer};
use tantivy::{
    doc, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentOrdinal,
    SegmentReader, Term,
};
use unicode_normalization::UnicodeNormalization;

use crate::error::ApiError;

/// Longest query text considered; the rest is ignored (documented in the API).
pub const MAX_QUERY_CHARS: usize = 200;

/// NFKC (ＥＣ → EC, half-width ｶﾅ → カナ) and lower case, as both documents and queries are seen.
pub fn normalize(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// The bigrams of each word of a query (words split at spaces and punctuation). A
/// one-character word matches through its own character in longer words' bigrams only when
/// it is the whole query; otherwise it is ignored.
pub fn query_bigrams(query: &str) -> Vec<String> {
    let cut: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let normalized = normalize(&cut);
    let mut grams = Vec::new();
    for word in normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let chars: Vec<char> = word.chars().collect();
        for pair in chars.windows(2) {
            let gram: String = pair.iter().collect();
            if !grams.contains(&gram) {
                grams.push(gram);
            }
        }
    }
    grams
}

fn internal(e: tantivy::TantivyError) -> ApiError {
    ApiError::internal(format!("search index: {e}"))
}

/// An in-memory text index keyed by record id.
pub struct TextIndex {
    /// Owns the in-memory directory the reader and writer work on.
    _index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    id: Field,
    body: Field,
    /// Filter values as numbers (see `search::projects::tags`), so a search with filters
    /// intersects their postings with the text's instead of scoring every text match.
    tags: Field,
}

impl TextIndex {
    pub fn new() -> Result<Self, ApiError> {
        let mut schema = Schema::builder();
        let id = schema.add_u64_field("id", NumericOptions::default().set_indexed().set_fast());
        let body = schema.add_text_field(
            "body",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("bigram")
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        );
        let tags = schema.add_u64_field("tags", NumericOptions::default().set_indexed());
        let index = Index::create_in_ram(schema.build());
        let bigrams = NgramTokenizer::new(2, 2, false).map_err(internal)?;
        index
            .tokenizers()
            .register("bigram", TextAnalyzer::builder(bigrams).build());
        let writer = index
            .writer_with_num_threads(1, 50_000_000)
            .map_err(internal)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(internal)?;
        Ok(Self {
            _index: index,
            reader,
            writer: Mutex::new(writer),
            id,
            body,
            tags,
        })
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, IndexWriter> {
        self.writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Replaces the text and tags of `id` (visible after `commit`).
    pub fn upsert(&self, id: i64, text: &str, tags: &[u64]) -> Result<(), ApiError> {
        let key = u64::try_from(id).map_err(|_| ApiError::internal("negative id"))?;
        let mut document = doc!(self.id => key, self.body => normalize(text));
        for tag in tags {
            document.add_u64(self.tags, *tag);
        }
        let writer = self.writer();
        writer.delete_term(Term::from_field_u64(self.id, key));
        writer.add_document(document).map_err(internal)?;
        Ok(())
    }

    pub fn remove(&self, id: i64) {
        if let Ok(key) = u64::try_from(id) {
            self.writer()
                .delete_term(Term::from_field_u64(self.id, key));
        }
    }

    /// Makes the changes since the last commit visible to searches.
    pub fn commit(&self) -> Result<(), ApiError> {
        self.writer().commit().map_err(internal)?;
        self.reader.reload().map_err(internal)
    }

    /// Every record whose text holds all the query's bigrams and that has every tag, with its
    /// BM25 score.
    pub fn search(&self, bigrams: &[String], tags: &[u64]) -> Result<Vec<(i64, f32)>, ApiError> {
        if bigrams.is_empty() {
            return Ok(Vec::new());
        }
        let words = bigrams.iter().map(|g| {
            TermQuery::new(
                Term::from_field_text(self.body, g),
                IndexRecordOption::WithFreqs,
            )
        });
        let filters = tags.iter().map(|t| {
            TermQuery::new(
                Term::from_field_u64(self.tags, *t),
                IndexRecordOption::Basic,
            )
        });
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .chain(filters)
            .map(|q| (Occur::Must, Box::new(q) as Box<dyn Query>))
            .collect();
        let query = BooleanQuery::new(clauses);
        self.reader
            .searcher()
            .search(&query, &Matches)
            .map_err(internal)
    }

    /// The bytes the index holds (postings, terms, fast fields, deletes).
    pub fn bytes(&self) -> u64 {
        self.reader
            .searcher()
            .space_usage()
            .map_or(0, |u| u.total().get_bytes())
    }

    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Collects every match as (record id, BM25 score). The caller filters and orders them with
/// the compact records, so nothing here keeps a heap the size of the index (as `TopDocs` over
/// every document would).
struct Matches;

struct SegmentMatches {
    ids: std::sync::Arc<dyn ColumnValues<u64>>,
    out: Vec<(i64, f32)>,
}

impl Collector for Matches {
    type Fruit = Vec<(i64, f32)>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            ids: segment.fast_fields().u64("id")?.first_or_default_col(0),
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(i64, f32)>>) -> tantivy::Result<Vec<(i64, f32)>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<(i64, f32)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Ok(id) = i64::try_from(self.ids.get_val(doc)) {
            self.out.push((id, score));
        }
    }

    fn harvest(self) -> Vec<(i64, f32)> {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_are_found_inside_longer_words() {
        let index = TextIndex::new().unwrap();
        index.upsert(1, "Webマーケティング支援", &[1]).unwrap();
        index.upsert(2, "ＥＣサイトの立ち上げ", &[]).unwrap();
        index.upsert(3, "ﾏｰｹﾃｨﾝｸﾞ（半角）", &[2]).unwrap();
        index.upsert(4, "品質管理", &[]).unwrap();
        index.commit().unwrap();
        let ids = |q: &str| {
            let mut v: Vec<i64> = index
                .search(&query_bigrams(q), &[])
                .unwrap()
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            v.sort();
            v
        };
        assert_eq!(ids("マーケティング"), [1, 3]);
        assert_eq!(ids("EC"), [2]);
        assert_eq!(ids("ec サイト"), [2]);
        assert_eq!(ids("web"), [1]);
        assert!(ids("\"AND\" (*:)").is_empty());
        index
            .upsert(4, "品質管理とマーケティング", &[1, 2])
            .unwrap();
        index.remove(2);
        index.commit().unwrap();
        assert_eq!(ids("マーケティング"), [1, 3, 4]);
        let tagged = |tags: &[u64]| {
            let mut v: Vec<i64> = index
                .search(&query_bigrams("マーケティング"), tags)
                .unwrap()
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            v.sort();
            v
        };
        assert_eq!(tagged(&[1]), [1, 4]);
        assert_eq!(tagged(&[1, 2]), [4]);
        assert!(tagged(&[9]).is_empty());
        assert!(ids("EC").is_empty());
    }

    #[test]
    fn long_queries_are_cut() {
        let long = "あ".repeat(10_000);
        assert!(query_bigrams(&long).len() <= 1);
        assert!(query_bigrams("：＊（）").is_empty());
    }
}
