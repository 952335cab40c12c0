//! TF-IDF, sentence similarity and graph ranking (TextRank, LexRank,
//! centroid) for sentences given as token lists.
//!
//! This crate knows nothing of tokenizing, files or output: give it
//! sentences as lists of tokens (any `AsRef<str>`) or of term ids, each
//! tagged with the document it comes from, and it scores them. Use it with
//! any tokenizer. Tokens are compared byte for byte: lowercase, stem and
//! drop stopwords first if you want that.
//!
//! # Brief overview
//!
//! - [`SentenceSet`] holds the sentences: term ids, counts and documents.
//! - [`TfIdf`] configures weighting ([`Tf`], [`Idf`], [`IdfScope`]) and
//!   builds a [`TermModel`]: one L2-normalised sparse vector per sentence,
//!   with [`TermModel::cosine`] between any two.
//! - [`SimilarityIndex`] is an inverted index over such vectors: the
//!   similarities of one sentence with every other that shares a term,
//!   the same bits as [`TermModel::cosine`], paying only for shared terms.
//! - [`SentenceScorer`] is the one trait every scorer implements; plug in
//!   your own. Built in:
//!   - [`TextRank`] (Mihalcea & Tarau 2004): weighted PageRank over
//!     sentence similarities, TF-IDF cosine or the paper's word overlap
//!     ([`Similarity`]);
//!   - [`LexRank`] (Erkan & Radev 2004): thresholded or continuous;
//!   - [`Centroid`] (Radev et al. 2004): similarity to the centroid;
//!   - [`TfIdfScorer`]: the mean (or sum) of a sentence's TF-IDF weights.
//! - [`Scores`] are aligned with the input order; [`Scores::ranking`]
//!   breaks ties towards the earlier sentence.
//!
//! Scoring never fails: an empty set gets empty scores, an empty sentence
//! scores like a sentence similar to nothing.
//!
//! # Example
//!
//! ```
//! use multisum_score::{LexRank, SentenceScorer, SentenceSet, TextRank};
//!
//! let sentences = [
//!     "envoys travel to moscow for ceasefire talks",
//!     "the ceasefire talks in moscow start today",
//!     "putin visits troops in kursk",
//!     "envoys and ceasefire talks dominate the news",
//! ];
//! let mut set = SentenceSet::new();
//! for (i, s) in sentences.iter().enumerate() {
//!     set.push(i / 2, s.split_whitespace());
//! }
//! let scores = TextRank::default().score(&set);
//! assert_eq!(scores.values().len(), 4);
//! assert!(scores.converged());
//! // The odd one out is the least central.
//! assert_eq!(scores.ranking().last(), Some(&2));
//!
//! // Any scorer behind the one trait.
//! let scorers: Vec<Box<dyn SentenceScorer>> =
//!     vec![Box::new(TextRank::default()), Box::new(LexRank::default().continuous())];
//! for scorer in &scorers {
//!     assert_eq!(scorer.score(&set).ranking()[0], 1);
//! }
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Defaults, and why
//!
//! - [`Tf::Log`] (`1 + ln count`): sentences rarely repeat a word, and
//!   when they do the repeat should count less than a new word.
//! - [`Idf::Smooth`] (`ln((1 + N) / (1 + df)) + 1`): no term weighs zero,
//!   which matters for small inputs where the key terms of an event appear
//!   in every report (standard IDF would erase them).
//! - [`IdfScope::Sentences`]: with a handful of reports of one event,
//!   document frequencies are nearly all equal, while sentence frequencies
//!   still separate key terms from filler.
//! - PageRank damping 0.85, tolerance 1e-10 (L1 change), at most 200
//!   iterations; LexRank thresholded at 0.1 as in the paper.
//! - [`Strategy::Auto`]: all pairs up to [`DENSE_LIMIT`] sentences, a
//!   sparse graph above (see [`Pruning`] for its approximations).
//!
//! # Scale and determinism
//!
//! The sparse path finds pairs through an inverted index over terms, keeps
//! the `top_k` most similar neighbours of each sentence, stands in for the
//! pruned edges with a rank-one term of the right row sums, and runs the
//! power iteration on a compressed sparse graph: 100,000 sentences rank in
//! a few seconds, within a fraction of a percent of the exact scores (see
//! [`Pruning`]). Each row of the graph and of every iteration is computed
//! on its own with sums in a fixed order, so the scores are the same bits
//! on any number of threads, with or without the `rayon` feature.
//!
//! # Crate features
//!
//! - `rayon` (on by default): builds graph rows and runs power-iteration
//!   rows in parallel on rayon's global thread pool (or the pool you
//!   `install`). Results do not change.
//! - `serde` (off by default): `Serialize` and `Deserialize` for
//!   [`Scores`] and the configuration enums and [`TfIdf`].
//!
//! The only other dependency is `ndarray`, for the dense similarity
//! matrix ([`TermModel::cosine_matrix`]); it is re-exported as
//! [`ndarray`].

#![deny(missing_docs)]

mod direct;
mod graph;
mod index;
mod par;
mod rank;
mod set;
mod tfidf;

pub use ndarray;

pub use crate::direct::{Aggregate, Centroid, TfIdfScorer};
pub use crate::graph::{DENSE_LIMIT, Pruning, Similarity, Strategy};
pub use crate::index::{Searcher, SimilarityIndex};
pub use crate::rank::{LexRank, Scores, SentenceScorer, TextRank};
pub use crate::set::SentenceSet;
pub use crate::tfidf::{Idf, IdfScope, TermModel, Tf, TfIdf};
