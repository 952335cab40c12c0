//! TF-IDF, sentence similarity and graph ranking (TextRank) for sentences
//! given as token lists.
//!
//! This crate knows nothing of tokenizing, files or output: give it sentences
//! as lists of tokens (any `AsRef<str>`), each tagged with the document it
//! comes from, and it scores them. Use it with any tokenizer.
//!
//! # Brief overview
//!
//! - [`SentenceSet`] holds the sentences: term ids, counts and documents.
//! - [`TfIdf`] configures weighting ([`Tf`], [`Idf`], [`IdfScope`]) and
//!   builds a [`TermModel`]: one L2-normalised sparse vector per sentence,
//!   with [`TermModel::cosine`] between any two.
//! - [`SentenceScorer`] is the trait every ranking implements; [`TextRank`]
//!   is the built-in graph ranking. Results are [`Scores`], aligned with the
//!   input order.
//!
//! # Example
//!
//! ```
//! use multisum_score::{SentenceScorer, SentenceSet, TextRank};
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
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! None yet. The only dependency is `ndarray`, for the dense similarity
//! matrix.

#![deny(missing_docs)]

mod rank;
mod set;
mod tfidf;

pub use crate::rank::{Scores, SentenceScorer, TextRank};
pub use crate::set::SentenceSet;
pub use crate::tfidf::{Idf, IdfScope, TermModel, Tf, TfIdf};
