//! The embedded index's fields and how a system becomes a tantivy document.

use crate::search::SystemDocument;
use app::search::Facet;
use tantivy::schema::{
    FAST, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{Index, IndexSettings, TantivyDocument};

/// The fast field holding a system's techniques as bits (bit `n` is
/// `Technique::ALL[n]`), which counts far faster than a list of terms.
pub const TECHNIQUE_BITS: &str = "technique_bits";

/// The name the analyzer is registered under.
pub const TOKENIZER: &str = "lantern";

/// The analyzer for searched text: words split on anything that is not a
/// letter or digit, lower-cased and folded to ASCII (`Bénéfice` → `benefice`).
/// No stemming and no stop words, as in Meilisearch.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analyzer on an index; needed every time one is opened.
pub fn register_tokenizer(index: &Index) {
    index.tokenizers().register(TOKENIZER, analyzer());
}

/// How the index stores documents. A result page reads the stored document
/// of each hit, and tantivy decompresses the whole block holding it: with its
/// default 16 KB blocks (eight systems) that was a fifth of a search's time,
/// so a block holds about one system (whose document is about 2 KB).
pub fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: 2_048,
        ..IndexSettings::default()
    }
}

/// The fields of the index.
#[derive(Clone, Copy)]
pub struct Fields {
    /// The system id: what changes and removals are keyed by.
    pub id: tantivy::schema::Field,
    pub name: tantivy::schema::Field,
    pub summary: tantivy::schema::Field,
    /// Every searched field's text together: typos and prefixes are matched here.
    pub all: tantivy::schema::Field,
    /// One keyword field per facet, in [`Facet::ALL`] order.
    pub facets: [tantivy::schema::Field; 10],
    /// The techniques as bits (see [`TECHNIQUE_BITS`]).
    pub technique_bits: tantivy::schema::Field,
    /// Unix seconds of the current version, for "most recent first".
    pub updated: tantivy::schema::Field,
    /// The record's completeness, 0 to 100, for "least complete first".
    pub completeness: tantivy::schema::Field,
    /// The lower-cased name, for alphabetical order.
    pub name_sort: tantivy::schema::Field,
    /// The whole document as JSON, to show results without the database.
    pub document: tantivy::schema::Field,
}

impl Fields {
    pub fn facet(&self, facet: Facet) -> tantivy::schema::Field {
        self.facets[Facet::ALL
            .iter()
            .position(|f| *f == facet)
            .expect("every facet is in Facet::ALL")]
    }
}

/// The schema and its fields.
pub fn build() -> (Schema, Fields) {
    let mut schema = Schema::builder();
    let searched = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        id: schema.add_text_field("id", STRING | STORED),
        name: schema.add_text_field("name", searched.clone()),
        summary: schema.add_text_field("summary", searched.clone()),
        all: schema.add_text_field("all", searched),
        // Keyword fields to filter on and (but for technique) to count.
        facets: Facet::ALL.map(|facet| {
            if facet == Facet::Technique {
                schema.add_text_field(facet.name(), STRING)
            } else {
                schema.add_text_field(facet.name(), STRING | FAST)
            }
        }),
        technique_bits: schema.add_u64_field(TECHNIQUE_BITS, FAST),
        updated: schema.add_i64_field("updated", FAST | INDEXED),
        completeness: schema.add_u64_field("completeness_score", FAST),
        name_sort: schema.add_text_field("name_sort", STRING | FAST),
        document: schema.add_text_field("document", STORED),
    };
    (schema.build(), fields)
}

/// A system as a tantivy document.
pub fn to_tantivy(fields: &Fields, document: &SystemDocument) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &document.summary.id.0);
    doc.add_text(fields.name, &document.summary.name);
    doc.add_text(fields.summary, &document.summary.summary);
    for field in app::search::SEARCHED_FIELDS {
        doc.add_text(fields.all, document.text(field));
    }
    for facet in Facet::ALL {
        for value in document.facet_values(facet) {
            doc.add_text(fields.facet(facet), value);
        }
    }
    let bits = document
        .techniques
        .iter()
        .filter_map(|t| {
            app::record::Technique::ALL
                .iter()
                .position(|known| known == t)
        })
        .fold(0u64, |bits, n| bits | (1 << n));
    doc.add_u64(fields.technique_bits, bits);
    doc.add_i64(fields.updated, document.updated());
    doc.add_u64(fields.completeness, u64::from(document.completeness));
    doc.add_text(fields.name_sort, document.summary.name.to_lowercase());
    doc.add_text(
        fields.document,
        serde_json::to_string(document).expect("serialising plain data cannot fail"),
    );
    doc
}
