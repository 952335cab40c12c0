//! Settings of a summarizer.

use multisum_tokenize::Language;

use crate::tuning::Tuning;

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
    /// Concepts for an input of many reports (at least
    /// [`Tuning::concept_auto_reports`] originals with body sentences),
    /// MMR for fewer: concept weights count reports, and a few reports
    /// share too few bigrams to tell the main facts apart.
    #[default]
    Auto,
    /// Maximal Marginal Relevance (Carbonell & Goldstein 1998): centrality
    /// minus similarity to what is already chosen, weighed by λ.
    Mmr,
    /// Coverage + diversity (Lin & Bilmes 2011): a submodular objective
    /// rewarding sentences that cover much of the input and come from
    /// clusters not yet represented, greedy with cost scaling. Inputs above
    /// [`Tuning::coverage_limit`] sentences use MMR instead.
    Coverage,
    /// Concept coverage (Gillick & Favre 2009): the weight of distinct
    /// bigrams of content stems covered, each weighing the number of
    /// reports that contain it (more near the query), per unit of cost;
    /// greedy. Short sentences and reported speech earn less.
    Concepts,
}

impl Selector {
    /// A lowercase name: `"auto"`, `"mmr"`, `"coverage"`, `"concepts"`.
    pub fn name(self) -> &'static str {
        match self {
            Selector::Auto => "auto",
            Selector::Mmr => "mmr",
            Selector::Coverage => "coverage",
            Selector::Concepts => "concepts",
        }
    }
}

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
    /// [`Source::with_date`](crate::Source::with_date); dates compare as strings, so use ISO 8601),
    /// then in source order. Reports without a date come after dated ones.
    Date,
}

/// Settings of a [`Summarizer`](crate::Summarizer).
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub(crate) budget: Budget,
    pub(crate) algorithm: Algorithm,
    pub(crate) language: Language,
    pub(crate) order: Order,
    pub(crate) selector: Selector,
    pub(crate) detect_language: bool,
    pub(crate) query: Option<String>,
    pub(crate) tuning: Tuning,
}

impl Config {
    /// The defaults: six sentences, TextRank, English, source order, the
    /// auto selector.
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

    /// A question or topic the summary should answer: each sentence's
    /// relevance blends its centrality with its similarity to the query
    /// (weight [`Tuning::query_weight`]); with concepts, a concept weighs
    /// more the closer its sentences are to the query
    /// ([`Tuning::concept_query`]). Instruction words ("Discuss",
    /// "Describe", "Include") do not count. Citations do not change in
    /// meaning. An empty query is no query.
    pub fn query(mut self, query: impl Into<String>) -> Config {
        let query = query.into();
        self.query = (!query.trim().is_empty()).then_some(query);
        self
    }

    /// How sentences are chosen.
    pub fn selector(mut self, selector: Selector) -> Config {
        self.selector = selector;
        self
    }

    /// MMR's trade-off between importance (1.0) and novelty (0.0): sets
    /// [`Tuning::lambda`]. Values outside `[0, 1]` are clamped. No effect
    /// when another objective chooses ([`Summary::selector`](crate::Summary::selector)).
    pub fn lambda(mut self, lambda: f64) -> Config {
        self.tuning.lambda = lambda.clamp(0.0, 1.0);
        self
    }

    /// The similarity above which two sentences count as saying the same
    /// thing: no two selected sentences are more similar than this. Sets
    /// [`Tuning::redundancy`]; values outside `[0, 1]` are clamped.
    pub fn redundancy_threshold(mut self, threshold: f64) -> Config {
        self.tuning.redundancy = threshold.clamp(0.0, 1.0);
        self
    }

    /// Every threshold and weight of the pipeline at once (see [`Tuning`];
    /// its `Default` is what a new `Config` holds).
    pub fn tuning(mut self, tuning: Tuning) -> Config {
        self.tuning = tuning;
        self
    }
}
