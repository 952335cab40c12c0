//! Every threshold and weight of the pipeline, in one place.

/// The thresholds and weights of every stage, set through
/// [`Config::tuning`](crate::Config::tuning). `Default` gives the values
/// multisum ships with; how each was measured is in `docs/quality.md` of the
/// multisum repository. Similarities are TF-IDF cosines over content stems
/// unless a field says otherwise.
///
/// ```
/// use multisum_assemble::{Config, Tuning};
///
/// let mut tuning = Tuning::default();
/// tuning.support_coverage = 0.7;
/// let config = Config::new().tuning(tuning);
/// # let _ = config;
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub struct Tuning {
    // --- analyse ---
    /// Reports sharing at least this share of each one's body sentences
    /// (same content stems) are syndicated copies of one article. Default 0.8.
    pub copy_share: f64,
    /// Weight β of the heading prior: relevance is `(1 − β)·centrality +
    /// β·(similarity to the closest headline or subheading, relative to the
    /// best)`. Default 0.2.
    pub heading_weight: f64,
    /// Headings with fewer content words are labels, not titles, and do not
    /// inform the heading prior. Default 3.
    pub min_heading_words: usize,
    /// Weight ω of the query (`Config::query`): relevance is `(1 − ω)·
    /// relevance + ω·(similarity to the query, relative to the best)`.
    /// Default 0.3 (measured on DUC 2006 with its topics, `docs/quality.md`).
    pub query_weight: f64,

    // --- select ---
    /// [`Selector::Auto`](crate::Selector::Auto) uses concepts from this
    /// many original reports with body sentences, MMR below (0: always
    /// concepts, `usize::MAX`: always MMR). Default 7.
    pub concept_auto_reports: usize,
    /// Concepts (`Selector::Concepts`) found in fewer reports are not
    /// concepts. Default 3.
    pub concept_min_reports: usize,
    /// The exponent `r` of cost in concept coverage's `gain / cost^r`.
    /// Default 0.4.
    pub concept_cost_exponent: f64,
    /// Weight of a sentence's relevance (centrality, with the heading and
    /// query priors; best = 1) added to its concept gain (a concept weighs
    /// the reports containing it, at least `concept_min_reports`). Default
    /// 120. All the concept values measured on DUC 2006, `docs/quality.md`.
    pub concept_centrality: f64,
    /// With a query, a concept weighs `1 + concept_query × q` times more,
    /// `q` the mean similarity to the query of the sentences stating it
    /// (relative to the best sentence's). Default 5.
    pub concept_query: f64,
    /// In concept coverage, a sentence of fewer words earns nothing (it is
    /// chosen only when nothing else fits; 0 turns the rule off). Default
    /// 12.
    pub concept_min_words: usize,
    /// In concept coverage, the value of reported speech (a quotation, or a
    /// verb of the claims' reporting list: "said", "told", "announced",
    /// "confirmed", "warned", …) is multiplied by this: a summary states
    /// what happened, not who said what. Default 0.5.
    pub concept_reported: f64,
    /// Sentences with fewer content words are fragments, never chosen.
    /// Default 4.
    pub min_content_words: usize,
    /// MMR's trade-off between importance (1) and novelty (0). Default 0.5.
    pub lambda: f64,
    /// No two chosen sentences are more similar than this. Default 0.30.
    pub redundancy: f64,
    /// [`Selector::Coverage`](crate::Selector::Coverage) handles inputs of
    /// at most this many body sentences; larger ones use MMR, whose cost
    /// grows linearly. Default 5,000.
    pub coverage_limit: usize,
    /// Coverage's saturation: a sentence counts as covered up to `α =
    /// coverage_saturation / N` of its total similarity. Default 50.
    pub coverage_saturation: f64,
    /// Coverage's weight of diversity against coverage (`λ_R`). Default 6.
    pub coverage_diversity: f64,
    /// Coverage's diversity clusters: one per this many sentences. Default 5.
    pub coverage_cluster_size: usize,
    /// Coverage's cost scaling: gain is divided by `cost^r`. Default 0.3.
    pub coverage_cost_exponent: f64,
    /// Rounds of k-means for coverage's clusters. Default 8.
    pub coverage_kmeans_rounds: usize,

    // --- cite ---
    /// A sentence supports (states) a claim of another when it contains at
    /// least this share of the claim's content terms, weighted by their
    /// rarity (IDF over the input's sentences), with the claim's numbers
    /// and polarity. Default 0.4.
    pub support_coverage: f64,
    /// ...and the two sentences' TF-IDF cosine reaches this: a sentence
    /// that holds a claim's words among many others of its own is about
    /// something else. Default 0.35.
    pub support_cosine: f64,
    /// A candidate restates a chosen sentence when either contains this
    /// share of one of the other's claims (the support test without its
    /// bound on the cosine: a claim said in passing is said twice)...
    /// Default 0.6.
    pub repeat_coverage: f64,
    /// ...or `support_coverage` of it at a cosine of at least this (a claim
    /// said again in words of its own). Default 0.2.
    pub restate_cosine: f64,
    /// With an [`Encoder`](crate::Encoder): the least cosine between sentence
    /// vectors for a citation by meaning. Default 0.65.
    pub meaning_cosine: f32,
    /// With an encoder: a report may be cited by meaning only when it is
    /// cited by words for at least this share of the summary's sentences.
    /// Default 0.5.
    pub meaning_share: f64,

    // --- differ ---
    /// An estimate ("about 30 minutes") agrees with a value of the same
    /// thing within this share of the larger ("31 minutes"); further apart,
    /// the two differ ("about 40 minutes"). A figure cut to fewer places
    /// agrees within this share too ("29.6" / "29"). Default 0.1.
    pub estimate_tolerance: f64,
    /// Two numbers of one claim in the same place are versions of one
    /// figure when the larger is at most this many times the smaller;
    /// further apart they count different things ("12 students were hurt"
    /// / "5 students were hurt", at two schools). Default 2.
    pub difference_ratio: f64,
}

impl Tuning {
    /// The first weight or threshold that is not a finite number (NaN or
    /// infinite), which would make scores meaningless, by name.
    pub(crate) fn non_finite(&self) -> Option<&'static str> {
        let values = [
            ("copy_share", self.copy_share),
            ("heading_weight", self.heading_weight),
            ("query_weight", self.query_weight),
            ("lambda", self.lambda),
            ("concept_cost_exponent", self.concept_cost_exponent),
            ("concept_centrality", self.concept_centrality),
            ("concept_query", self.concept_query),
            ("concept_reported", self.concept_reported),
            ("redundancy", self.redundancy),
            ("coverage_saturation", self.coverage_saturation),
            ("coverage_diversity", self.coverage_diversity),
            ("coverage_cost_exponent", self.coverage_cost_exponent),
            ("support_coverage", self.support_coverage),
            ("support_cosine", self.support_cosine),
            ("repeat_coverage", self.repeat_coverage),
            ("restate_cosine", self.restate_cosine),
            ("meaning_cosine", f64::from(self.meaning_cosine)),
            ("meaning_share", self.meaning_share),
            ("estimate_tolerance", self.estimate_tolerance),
            ("difference_ratio", self.difference_ratio),
        ];
        values
            .into_iter()
            .find(|(_, v)| !v.is_finite())
            .map(|(name, _)| name)
    }
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            copy_share: 0.8,
            heading_weight: 0.2,
            min_heading_words: 3,
            query_weight: 0.3,
            min_content_words: 4,
            lambda: 0.5,
            concept_auto_reports: 7,
            concept_min_reports: 3,
            concept_cost_exponent: 0.4,
            concept_centrality: 120.0,
            concept_query: 5.0,
            concept_min_words: 12,
            concept_reported: 0.5,
            redundancy: 0.30,
            coverage_limit: 5_000,
            coverage_saturation: 50.0,
            coverage_diversity: 6.0,
            coverage_cluster_size: 5,
            coverage_cost_exponent: 0.3,
            coverage_kmeans_rounds: 8,
            support_coverage: 0.4,
            support_cosine: 0.35,
            repeat_coverage: 0.6,
            restate_cosine: 0.2,
            meaning_cosine: 0.65,
            meaning_share: 0.5,
            estimate_tolerance: 0.1,
            difference_ratio: 2.0,
        }
    }
}
