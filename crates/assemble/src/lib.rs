//! Turns several reports of one event into one consolidated extractive
//! summary, in which every sentence cites every report that states it.
//!
//! # Brief overview
//!
//! - [`Source`] is one input report: an id, optional title, path and date,
//!   and its full text.
//! - [`Summarizer`] runs the pipeline under a [`Config`]: segment each report
//!   ([`multisum_tokenize`]), score the body sentences ([`multisum_score`]),
//!   select under a [`Budget`] without repeating a fact, cite every report
//!   carrying each selected sentence, and [`Order`] the result.
//! - [`Summary`] is plain data: [`SummarySentence`]s with [`Citation`]s whose
//!   spans are byte ranges into the cited source's text. The [`render`]
//!   module writes it as text, Markdown or JSON.
//!
//! # Example
//!
//! ```
//! use multisum_assemble::{Budget, Config, Source, Summarizer};
//!
//! let sources = [
//!     Source::new("a", "Envoys flew to Moscow for ceasefire talks on Tuesday. \
//!                       The weather in Moscow was cold."),
//!     Source::new("b", "On Tuesday envoys flew to Moscow for talks on a ceasefire. \
//!                       Markets rose sharply in Asia."),
//! ];
//! let config = Config::new().budget(Budget::Sentences(1));
//! let summary = Summarizer::new(config).summarize(&sources)?;
//!
//! let first = &summary.sentences()[0];
//! assert!(first.text().contains("ceasefire"));
//! // Both reports state it, so both are cited, each with its own span.
//! assert_eq!(first.citations().len(), 2);
//! for c in first.citations() {
//!     assert!(sources[c.source()].text().get(c.span()).is_some());
//! }
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! None yet.

#![deny(missing_docs)]

mod cite;
mod coverage;
mod error;
mod html;
mod meaning;
mod order;
pub mod render;
mod select;
mod summarize;
mod syndication;

use std::ops::Range;

pub use crate::error::Error;
pub use crate::meaning::{Encoder, MEANING_COSINE};
pub use crate::summarize::Summarizer;
pub use multisum_tokenize::Language;

/// One input report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    id: String,
    title: Option<String>,
    path: Option<String>,
    date: Option<String>,
    text: String,
}

impl Source {
    /// A report with an id and its full text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            id: id.into(),
            title: None,
            path: None,
            date: None,
            text: text.into(),
        }
    }

    /// Sets the title (otherwise the report's headline, if it has one).
    pub fn with_title(mut self, title: impl Into<String>) -> Source {
        self.title = Some(title.into());
        self
    }

    /// Sets the path the text was read from, shown in the output.
    pub fn with_path(mut self, path: impl Into<String>) -> Source {
        self.path = Some(path.into());
        self
    }

    /// Sets the publication date (any sortable string, e.g. ISO 8601).
    pub fn with_date(mut self, date: impl Into<String>) -> Source {
        self.date = Some(date.into());
        self
    }

    /// The id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title given with [`Source::with_title`].
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The path given with [`Source::with_path`].
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The date given with [`Source::with_date`].
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The full text. Every span in a [`Summary`] indexes into it.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// How long the summary may be.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (whitespace-separated) in all.
    Words(usize),
    /// At most this many bytes of sentence text in all.
    Bytes(usize),
    /// At most this fraction (0 to 1) of the input's body sentences,
    /// rounded up, at least one.
    Ratio(f64),
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::Sentences(6)
    }
}

/// The scoring method behind sentence importance.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Algorithm {
    /// TextRank (Mihalcea & Tarau 2004): PageRank over the TF-IDF cosine
    /// graph of the sentences.
    #[default]
    TextRank,
    /// LexRank (Erkan & Radev 2004), continuous: PageRank over the cosine
    /// graph with each row normalised.
    LexRank,
    /// Centroid (Radev et al. 2004): cosine to the TF-IDF centroid of all
    /// sentences.
    Centroid,
    /// The mean TF-IDF weight of a sentence's terms.
    TfIdf,
}

impl Algorithm {
    /// All algorithms, for listing in help texts.
    pub const ALL: &'static [Algorithm] = &[
        Algorithm::TextRank,
        Algorithm::LexRank,
        Algorithm::Centroid,
        Algorithm::TfIdf,
    ];

    /// The lowercase name: `"textrank"`, `"lexrank"`, `"centroid"`, `"tfidf"`.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::TextRank => "textrank",
            Algorithm::LexRank => "lexrank",
            Algorithm::Centroid => "centroid",
            Algorithm::TfIdf => "tfidf",
        }
    }
}

/// How sentences are chosen once they are scored.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selector {
    /// Maximal Marginal Relevance (Carbonell & Goldstein 1998): centrality
    /// minus similarity to what is already chosen, weighed by λ.
    #[default]
    Mmr,
    /// Coverage + diversity (Lin & Bilmes 2011): a submodular objective
    /// rewarding sentences that cover much of the input and come from
    /// clusters not yet represented, greedy with cost scaling. Inputs above
    /// [`COVERAGE_LIMIT`] sentences use MMR instead.
    Coverage,
}

/// The largest input (in body sentences) that [`Selector::Coverage`]
/// handles; larger inputs are summarised with MMR, whose cost grows
/// linearly with the input.
pub const COVERAGE_LIMIT: usize = 5_000;

/// The order of the summary's sentences.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// The order the facts appear in the reports: majority ordering over the
    /// reports that carry them.
    #[default]
    Source,
    /// Best score first.
    Score,
    /// By the earliest date of the reports that carry each fact (see
    /// [`Source::with_date`]; dates compare as strings, so use ISO 8601),
    /// then in source order. Reports without a date come after dated ones.
    Date,
}

/// Settings of a [`Summarizer`].
#[derive(Clone, Debug)]
pub struct Config {
    budget: Budget,
    algorithm: Algorithm,
    language: Language,
    order: Order,
    selector: Selector,
    detect_language: bool,
    lambda: f64,
    redundancy: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            budget: Budget::default(),
            algorithm: Algorithm::default(),
            language: Language::default(),
            order: Order::default(),
            selector: Selector::default(),
            detect_language: false,
            lambda: 0.5,
            redundancy: select::REDUNDANCY_THRESHOLD,
        }
    }
}

impl Config {
    /// The defaults: six sentences, TextRank, English, source order.
    pub fn new() -> Config {
        Config::default()
    }

    /// The length budget.
    pub fn budget(mut self, budget: Budget) -> Config {
        self.budget = budget;
        self
    }

    /// The scoring method.
    pub fn algorithm(mut self, algorithm: Algorithm) -> Config {
        self.algorithm = algorithm;
        self
    }

    /// The language of the reports.
    pub fn language(mut self, language: Language) -> Config {
        self.language = language;
        self
    }

    /// The order of the output sentences.
    pub fn order(mut self, order: Order) -> Config {
        self.order = order;
        self
    }

    /// Detect each report's language (falling back to the configured
    /// [`Config::language`] when detection is unsure) instead of using the
    /// configured one for all.
    pub fn detect_language(mut self, detect: bool) -> Config {
        self.detect_language = detect;
        self
    }

    /// How sentences are chosen.
    pub fn selector(mut self, selector: Selector) -> Config {
        self.selector = selector;
        self
    }

    /// MMR's trade-off between importance (1.0) and novelty (0.0); default
    /// 0.5, which on the DUC 2006 development set scores as well as 0.6–0.7
    /// and repeats less on small clusters. Values outside `[0, 1]` are
    /// clamped.
    pub fn lambda(mut self, lambda: f64) -> Config {
        self.lambda = lambda.clamp(0.0, 1.0);
        self
    }

    /// The similarity above which two sentences count as saying the same
    /// thing: no two selected sentences are more similar than this.
    pub fn redundancy_threshold(mut self, threshold: f64) -> Config {
        self.redundancy = threshold.clamp(0.0, 1.0);
        self
    }
}

/// A report cited by a summary sentence: it contains a sentence, at `span`,
/// stating the same content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    source: usize,
    span: Range<usize>,
    basis: Basis,
}

/// What a [`Citation`] rests on.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Shared words: the cited sentence agrees with the summary sentence
    /// (or its quotation, or a restatement in a third report) in TF-IDF
    /// cosine and content-word overlap.
    Words,
    /// Meaning (only with an [`Encoder`]): no sentence of the report shares
    /// enough words, but the report retells the story (it is cited by words
    /// for at least half of the summary's sentences), and its sentence
    /// closest by the encoder's vectors, among those not cited by words for
    /// another summary sentence, has a cosine of at least [`MEANING_COSINE`]
    /// and is strictly closer to this summary sentence than to any other.
    /// Less certain than [`Basis::Words`]: sentence vectors measure topic as
    /// much as fact.
    Meaning,
}

impl Basis {
    /// The name used in JSON output: `words` or `meaning`.
    pub fn name(self) -> &'static str {
        match self {
            Basis::Words => "words",
            Basis::Meaning => "meaning",
        }
    }
}

impl Citation {
    /// Index of the cited report in [`Summary::sources`].
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range of the matching sentence in the cited report's text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// What the citation rests on.
    pub fn basis(&self) -> Basis {
        self.basis
    }
}

/// How a chosen sentence scored when it was chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Components {
    /// Centrality from the scoring algorithm, normalised so the best
    /// sentence is 1.
    pub centrality: f64,
    /// The selector's value of the sentence when it was chosen: for MMR
    /// `λ·centrality − (1−λ)·redundancy`, for coverage the gain in coverage
    /// and diversity per unit of cost.
    pub gain: f64,
    /// Its highest similarity to a sentence chosen before it.
    pub redundancy: f64,
}

/// Why a unit of a report was, or was not, chosen.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Chosen; `rank` is the order of choice, 0 first.
    Chosen {
        /// Order of choice.
        rank: usize,
    },
    /// Says what a chosen sentence says.
    Redundant {
        /// Index into [`Summary::candidates`] of the chosen sentence.
        with: usize,
        /// Their similarity, above the redundancy threshold.
        similarity: f64,
    },
    /// Says what a chosen sentence says, in other words: the two would cite
    /// the same sentence in several reports.
    Restates {
        /// Index into [`Summary::candidates`] of the chosen sentence.
        with: usize,
        /// In how many reports they cite the same sentence.
        reports: usize,
    },
    /// Did not fit in what was left of the budget.
    OverBudget,
    /// Opens with a reference ("He", "This", "However") to a sentence that
    /// was not chosen.
    Dangling,
    /// A fragment: too few content words to carry a fact on its own, or no
    /// sentence end (a tag line left at the end of a paragraph).
    TooShort,
    /// In a report that is a syndicated copy of another: the twin in the
    /// original stands for it.
    Copy,
    /// Not chosen: when the budget filled, its MMR score (centrality less
    /// the similarity to what was chosen) was lower than the chosen ones'.
    NotReached,
    /// Not a sentence of the report: boilerplate.
    Boilerplate,
    /// Not a sentence of the report: a headline or subheading.
    Heading,
}

/// A unit of some report, as selection saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    source: usize,
    span: Range<usize>,
    centrality: f64,
    verdict: Verdict,
    closest: Option<(usize, f64)>,
}

impl Candidate {
    /// Index of the report.
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range in the report's text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Normalised centrality (0 for units that are not body sentences).
    pub fn centrality(&self) -> f64 {
        self.centrality
    }

    /// What selection decided.
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// For a body sentence that was not chosen: the most similar chosen
    /// sentence (an index into [`Summary::candidates`]) and their
    /// similarity, which MMR subtracted from its score.
    pub fn closest_chosen(&self) -> Option<(usize, f64)> {
        self.closest
    }
}

/// A sentence of the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummarySentence {
    text: String,
    source: usize,
    span: Range<usize>,
    components: Components,
    citations: Vec<Citation>,
    corroboration: usize,
}

impl SummarySentence {
    /// The sentence, exactly as it stands in its source at [`Self::span`].
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Index of the report the text was taken from.
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range of the text in its source.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The sentence's importance, normalised so the best candidate is 1.
    pub fn score(&self) -> f64 {
        self.components.centrality
    }

    /// How it scored when it was chosen.
    pub fn components(&self) -> Components {
        self.components
    }

    /// Every report stating this sentence's content, the origin included,
    /// ordered by source index, each report once.
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }

    /// How many independent reports carry it: the cited reports, with
    /// syndicated copies of one article counted once.
    pub fn corroboration(&self) -> usize {
        self.corroboration
    }
}

/// What a summary says about one input report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    id: String,
    title: Option<String>,
    path: Option<String>,
    copy_of: Option<usize>,
}

impl SourceInfo {
    /// The report's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title: the one given, else the report's headline.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The path it was read from, if given.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// If this report is a syndicated copy of an earlier one (nearly all of
    /// the sentences of each appear in the other), that report's index. A
    /// copy is cited, but counts once with its original for corroboration
    /// and is not scored or selected from.
    pub fn copy_of(&self) -> Option<usize> {
        self.copy_of
    }
}

/// A consolidated summary: plain data, rendered by [`render`].
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    sources: Vec<SourceInfo>,
    sentences: Vec<SummarySentence>,
    candidates: Vec<Candidate>,
}

impl Summary {
    /// The input reports, in input order.
    pub fn sources(&self) -> &[SourceInfo] {
        &self.sources
    }

    /// The summary's sentences, in output order.
    pub fn sentences(&self) -> &[SummarySentence] {
        &self.sentences
    }

    /// Every unit of every report (body sentences, headings, boilerplate),
    /// by report and then in text order, with the verdict of selection.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }
}
