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
//!   carrying each selected sentence, and [`Order`] the result. Every
//!   threshold and weight of these stages is a field of [`Tuning`].
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

mod analyse;
mod cite;
mod claim;
mod concepts;
mod config;
mod coverage;
mod differ;
mod error;
mod html;
mod meaning;
mod model;
mod objective;
mod order;
pub mod render;
mod select;
mod source;
mod summarize;
mod summary;
mod syndication;
mod text;
mod tuning;

pub use crate::config::{Algorithm, Budget, Config, Order, Selector};
pub use crate::error::Error;
pub use crate::meaning::Encoder;
pub use crate::source::{Format, Source, Spans};
pub use crate::summarize::Summarizer;
pub use crate::summary::{
    Basis, Candidate, Citation, Components, Disagreement, Evidence, Relation, SourceInfo, Summary,
    SummarySentence, ValueKind, Verdict,
};
pub use crate::tuning::Tuning;
pub use multisum_tokenize::Language;
