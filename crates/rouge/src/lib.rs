//! ROUGE scores for summaries, computed exactly as the ROUGE-1.5.5 Perl
//! script computes them (Lin, 2004), in pure Rust.
//!
//! ROUGE compares a system summary (the *peer*) with one or more human
//! summaries (the *models*, or references) by the units they share:
//! n-grams (ROUGE-N), the longest common subsequence (ROUGE-L) and
//! skip-bigrams (ROUGE-S, ROUGE-SU). Published numbers depend on every
//! detail of the official script, so this crate reproduces them:
//!
//! - **Text.** Each sentence is lower-cased (ASCII), the length limit is
//!   applied to the sentences in order (`-l` words as split on white space,
//!   or `-b` bytes), then every byte other than an ASCII letter, digit or
//!   `-` becomes a space; hyphens are dropped. Non-ASCII letters therefore
//!   split words, as in ROUGE.
//! - **Stemming** (`-m`): tokens longer than three bytes are looked up in
//!   WordNet 2.0's exception lists (`went` → `go`), else stemmed by ROUGE's
//!   own Porter stemmer.
//! - **Stopwords** (`-s`): ROUGE's `smart_common_words` list.
//! - **ROUGE-L** is the summary-level union LCS: each model sentence is
//!   matched against every peer sentence and the union of its matched words
//!   counts, clipped by word frequency.
//! - **ROUGE-SU4** (`-2 4 -u`) counts skip-bigrams at most four words apart
//!   plus unigrams; like ROUGE-1.5.5, the unigram of the last token is not
//!   counted.
//! - **Several models** (`-f A`): hits and totals are summed over the
//!   models before dividing (model average); or the best-matching model
//!   counts (`-f B`); and optionally jackknifed, as DUC reported: the score
//!   against each set of all models but one, averaged.
//! - **F-measure** with ROUGE's `alpha` (`-p`):
//!   `F = P·R / ((1 − α)·P + α·R)`.
//!
//! Per-summary scores equal ROUGE-1.5.5's up to its rounding to five
//! places; [`Bootstrap`] reproduces its averages over many summaries and
//! their confidence intervals.
//!
//! # Brief overview
//!
//! - [`Config`]: metrics, stemming, stopwords, length limit, alpha, how
//!   models combine.
//! - [`Rouge`]: scores one [`Summary`] against its references, giving
//!   [`Scores`], a [`Score`] (recall, precision, F) per [`Metric`].
//! - [`Bootstrap`]: averages over evaluation units, as ROUGE prints them.
//!
//! # Example
//!
//! ```
//! use multisum_rouge::{Config, Limit, Metric, Rouge, Summary};
//!
//! let rouge = Rouge::new(Config::new().stem(true).limit(Limit::Words(250)))?;
//! let peer = Summary::new(["The cat was found under the bed."]);
//! let models = [
//!     Summary::new(["The cat was under the bed."]),
//!     Summary::from_lines("A cat hid under a bed.\n"),
//! ];
//! let scores = rouge.score(&peer, &models)?;
//! let r1 = scores.get(Metric::ROUGE_1).expect("computed by default");
//! // 6 + 3 unigrams match out of 6 + 6 in the models.
//! assert_eq!(r1.recall(), 9.0 / 12.0);
//! println!("ROUGE-2 F: {:.5}", scores.get(Metric::ROUGE_2).unwrap().f());
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Data
//!
//! WordNet 2.0's exception lists (Princeton University's WordNet licence)
//! and ROUGE's copy of the SMART stopword list are embedded; see
//! `data/README.md`.

#![deny(missing_docs)]

mod average;
mod count;
mod data;
mod porter;
mod text;

use std::fmt;

pub use average::{AverageScore, Bootstrap, Estimate};

use count::Counts;
use text::{Normalize, Vocab};

/// How much of each summary (peer and models alike) is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// The whole text.
    #[default]
    None,
    /// The first `n` words, split on white space before tokenising (`-l n`).
    Words(usize),
    /// The first `n` bytes of the sentences, not counting the spaces that
    /// join them (`-b n`).
    Bytes(usize),
}

/// A ROUGE measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Metric {
    /// ROUGE-N: n-gram co-occurrence.
    N(usize),
    /// ROUGE-L: summary-level union longest common subsequence.
    L,
    /// ROUGE-S: skip-bigrams at most `max_gap` words apart (any distance
    /// if `None`), with unigrams too for ROUGE-SU.
    Skip {
        /// Largest number of words between the two words of a pair.
        max_gap: Option<usize>,
        /// Count unigrams as well (ROUGE-SU, `-u`).
        unigrams: bool,
    },
}

impl Metric {
    /// ROUGE-1.
    pub const ROUGE_1: Metric = Metric::N(1);
    /// ROUGE-2.
    pub const ROUGE_2: Metric = Metric::N(2);
    /// ROUGE-L.
    pub const ROUGE_L: Metric = Metric::L;
    /// ROUGE-SU4 (`-2 4 -u`).
    pub const ROUGE_SU4: Metric = Metric::Skip {
        max_gap: Some(4),
        unigrams: true,
    };
}

impl fmt::Display for Metric {
    /// The name ROUGE-1.5.5 prints: `ROUGE-1`, `ROUGE-L`, `ROUGE-SU4`,
    /// `ROUGE-S*`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::N(n) => write!(f, "ROUGE-{n}"),
            Metric::L => f.write_str("ROUGE-L"),
            Metric::Skip { max_gap, unigrams } => {
                f.write_str(if *unigrams { "ROUGE-SU" } else { "ROUGE-S" })?;
                match max_gap {
                    Some(gap) => write!(f, "{gap}"),
                    None => f.write_str("*"),
                }
            }
        }
    }
}

/// How the scores against several models make one score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Models {
    /// Sum hits and totals over the models, then divide (`-f A`).
    #[default]
    Average,
    /// Take the model with the best recall, the first on ties (`-f B`).
    Best,
}

/// What to compute and how. Defaults are ROUGE-1.5.5's own (no stemming,
/// stopwords kept, no length limit, `alpha` 0.5, model average, no
/// jackknifing) with ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4.
///
/// DUC 2005–2007 used `Config::new().stem(true).limit(Limit::Words(250))
/// .jackknife(true)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    metrics: Vec<Metric>,
    stem: bool,
    remove_stopwords: bool,
    limit: Limit,
    alpha: f64,
    models: Models,
    jackknife: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            metrics: vec![
                Metric::ROUGE_1,
                Metric::ROUGE_2,
                Metric::ROUGE_L,
                Metric::ROUGE_SU4,
            ],
            stem: false,
            remove_stopwords: false,
            limit: Limit::None,
            alpha: 0.5,
            models: Models::Average,
            jackknife: false,
        }
    }
}

impl Config {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The metrics to compute, in this order.
    pub fn metrics(mut self, metrics: impl IntoIterator<Item = Metric>) -> Self {
        self.metrics = metrics.into_iter().collect();
        self
    }

    /// Stem with WordNet exceptions and Porter (`-m`).
    pub fn stem(mut self, yes: bool) -> Self {
        self.stem = yes;
        self
    }

    /// Remove stopwords (`-s`).
    pub fn remove_stopwords(mut self, yes: bool) -> Self {
        self.remove_stopwords = yes;
        self
    }

    /// How much of each summary is read (`-l`, `-b`).
    pub fn limit(mut self, limit: Limit) -> Self {
        self.limit = limit;
        self
    }

    /// Weight of precision in the F-measure, from 0 (recall only) to 1
    /// (precision only); `-p`.
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }

    /// How several models combine (`-f`).
    pub fn models(mut self, models: Models) -> Self {
        self.models = models;
        self
    }

    /// Jackknife over the models: with `k ≥ 2` models, score against each
    /// of the `k` sets of `k − 1` models and average recall, precision and
    /// F. This is DUC's "jackknifed average", which makes system scores
    /// comparable with a human summary scored against the other models.
    pub fn jackknife(mut self, yes: bool) -> Self {
        self.jackknife = yes;
        self
    }
}

/// Why a [`Rouge`] could not be built or could not score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    Alpha,
    NGramSize,
    NoModels,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            ErrorKind::Alpha => "alpha must be between 0 and 1",
            ErrorKind::NGramSize => "ROUGE-N needs n of at least 1",
            ErrorKind::NoModels => "no reference summaries to score against",
        })
    }
}

impl std::error::Error for Error {}

/// A summary: its sentences, one per line in ROUGE's SPL format. Empty
/// sentences are ignored. Sentence boundaries matter only to ROUGE-L.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    sentences: Vec<String>,
}

impl Summary {
    /// A summary of these sentences, taken as they are.
    pub fn new<S: Into<String>>(sentences: impl IntoIterator<Item = S>) -> Self {
        Summary {
            sentences: sentences.into_iter().map(Into::into).collect(),
        }
    }

    /// One sentence per non-blank line, trimmed, with runs of white space
    /// (any Unicode white space) made single spaces: what a one-sentence-
    /// per-line file becomes in the usual ROUGE wrappers (`rouge155.py`,
    /// pyrouge).
    pub fn from_lines(text: &str) -> Self {
        let space = |c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c);
        let sentences = text
            .split(|c: char| {
                matches!(
                    c,
                    '\n' | '\r' | '\x0b' | '\x0c' | '\u{85}' | '\u{2028}' | '\u{2029}'
                ) || ('\x1c'..='\x1e').contains(&c)
            })
            .map(|line| {
                line.split(space)
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|line| !line.is_empty())
            .collect();
        Summary { sentences }
    }

    /// The sentences.
    pub fn sentences(&self) -> &[String] {
        &self.sentences
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.sentences.iter().all(|s| s.is_empty())
    }
}

/// Recall, precision and F-measure of one metric.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    recall: f64,
    precision: f64,
    f: f64,
}

impl Score {
    /// Matched units over the units in the models.
    pub fn recall(&self) -> f64 {
        self.recall
    }

    /// Matched units over the units in the peer (once per model).
    pub fn precision(&self) -> f64 {
        self.precision
    }

    /// The weighted harmonic mean of precision and recall.
    pub fn f(&self) -> f64 {
        self.f
    }

    fn from_counts(c: Counts, alpha: f64) -> Score {
        let recall = if c.model > 0.0 { c.hits / c.model } else { 0.0 };
        let precision = if c.peer > 0.0 { c.hits / c.peer } else { 0.0 };
        let denom = (1.0 - alpha) * precision + alpha * recall;
        let f = if denom > 0.0 {
            precision * recall / denom
        } else {
            0.0
        };
        Score {
            recall,
            precision,
            f,
        }
    }
}

/// The scores of one summary, one per configured metric, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    scores: Vec<(Metric, Score)>,
}

impl Scores {
    /// The score of `metric`, if it was computed.
    pub fn get(&self, metric: Metric) -> Option<Score> {
        self.scores
            .iter()
            .find(|(m, _)| *m == metric)
            .map(|(_, s)| *s)
    }

    /// Every metric with its score.
    pub fn iter(&self) -> impl Iterator<Item = (Metric, Score)> + '_ {
        self.scores.iter().copied()
    }
}

/// A summary read under a configuration: tokens for n-grams and
/// skip-bigrams, sentences for ROUGE-L.
#[derive(Debug)]
struct Prepared {
    tokens: Vec<u32>,
    lcs_sentences: Vec<Vec<u32>>,
}

/// Scores summaries with one [`Config`].
#[derive(Clone, Debug)]
pub struct Rouge {
    config: Config,
}

impl Rouge {
    /// A scorer; fails if `alpha` is outside 0..=1 or a ROUGE-N has n = 0.
    pub fn new(config: Config) -> Result<Self, Error> {
        if !(0.0..=1.0).contains(&config.alpha) {
            return Err(Error {
                kind: ErrorKind::Alpha,
            });
        }
        if config.metrics.contains(&Metric::N(0)) {
            return Err(Error {
                kind: ErrorKind::NGramSize,
            });
        }
        Ok(Rouge { config })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn prepare(&self, summary: &Summary, vocab: &mut Vocab) -> Prepared {
        let norm = Normalize {
            stem: self.config.stem,
            remove_stopwords: self.config.remove_stopwords,
        };
        let lower = text::lowercase(&summary.sentences);
        let tokens = text::cut(&lower, self.config.limit)
            .iter()
            .flat_map(|piece| text::tokens(piece, norm, vocab))
            .collect();
        let lcs_sentences = text::cut_lcs(&lower, self.config.limit)
            .iter()
            .map(|piece| text::tokens(piece, norm, vocab))
            .collect();
        Prepared {
            tokens,
            lcs_sentences,
        }
    }

    /// Score `peer` against `models` (at least one).
    pub fn score(&self, peer: &Summary, models: &[Summary]) -> Result<Scores, Error> {
        if models.is_empty() {
            return Err(Error {
                kind: ErrorKind::NoModels,
            });
        }
        let mut vocab = Vocab::default();
        let peer = self.prepare(peer, &mut vocab);
        let models: Vec<Prepared> = models.iter().map(|m| self.prepare(m, &mut vocab)).collect();
        let scores = self
            .config
            .metrics
            .iter()
            .map(|&metric| {
                let per_model: Vec<Counts> =
                    models.iter().map(|m| counts(metric, &peer, m)).collect();
                (metric, self.combine(&per_model))
            })
            .collect();
        Ok(Scores { scores })
    }

    /// One score from the per-model counts.
    fn combine(&self, per_model: &[Counts]) -> Score {
        let alpha = self.config.alpha;
        let pool = |counts: &mut dyn Iterator<Item = &Counts>| -> Score {
            match self.config.models {
                Models::Average => {
                    let sum = counts.fold(Counts::default(), |a, c| Counts {
                        hits: a.hits + c.hits,
                        model: a.model + c.model,
                        peer: a.peer + c.peer,
                    });
                    Score::from_counts(sum, alpha)
                }
                Models::Best => {
                    let mut best = (-1.0, Counts::default());
                    for c in counts {
                        let recall = if c.model > 0.0 { c.hits / c.model } else { 0.0 };
                        if recall > best.0 {
                            best = (recall, *c);
                        }
                    }
                    Score::from_counts(best.1, alpha)
                }
            }
        };
        let k = per_model.len();
        if !self.config.jackknife || k < 2 {
            return pool(&mut per_model.iter());
        }
        let mut total = Score::default();
        for left_out in 0..k {
            let s = pool(
                &mut per_model
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != left_out)
                    .map(|(_, c)| c),
            );
            total.recall += s.recall;
            total.precision += s.precision;
            total.f += s.f;
        }
        let k = k as f64;
        Score {
            recall: total.recall / k,
            precision: total.precision / k,
            f: total.f / k,
        }
    }
}

/// The counts of one metric between the peer and one model.
fn counts(metric: Metric, peer: &Prepared, model: &Prepared) -> Counts {
    match metric {
        Metric::N(n) => count::ngrams(&model.tokens, n).against(&count::ngrams(&peer.tokens, n)),
        Metric::Skip { max_gap, unigrams } => count::skip_bigrams(&model.tokens, max_gap, unigrams)
            .against(&count::skip_bigrams(&peer.tokens, max_gap, unigrams)),
        Metric::L => count::union_lcs(
            &model.lcs_sentences,
            &model.tokens,
            &peer.lcs_sentences,
            &peer.tokens,
        ),
    }
}
