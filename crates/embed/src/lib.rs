//! Sentence vectors from a sentence-transformers model, computed on the CPU.
//!
//! multisum cites a report when one of its sentences states a summary
//! sentence's content. Shared words find most such sentences; this crate
//! finds the rest, those that say the same thing in other words ("is
//! studying the proposal" / "would be examining the terms"), by comparing
//! sentence vectors.
//!
//! The model is `sentence-transformers/all-MiniLM-L6-v2` (a 6-layer BERT,
//! 384-dimensional output, Apache-2.0): `scripts/fetch-model.sh` in the
//! multisum repository installs it into a folder with `config.json`,
//! `tokenizer.json` and `model.safetensors`. Any BERT sentence-transformer
//! with mean pooling in the same layout loads too.
//!
//! A sentence's vector is the mean of the model's last hidden states over
//! its word pieces (at most [`MAX_TOKENS`]), scaled to length 1, as
//! sentence-transformers computes it; the cosine of two sentences is the dot
//! product of their vectors. Each sentence is encoded on its own, so a
//! vector does not depend on which other sentences share the call.
//!
//! # Example
//!
//! ```no_run
//! use multisum_embed::Model;
//!
//! let model = Model::load("models/all-MiniLM-L6-v2")?;
//! let v = model.encode(&[
//!     "The Kremlin is studying the proposal.",
//!     "Moscow would be examining the terms of the agreement.",
//! ])?;
//! let cosine: f32 = v[0].iter().zip(&v[1]).map(|(a, b)| a * b).sum();
//! assert!(cosine > 0.4);
//! # Ok::<(), multisum_embed::Error>(())
//! ```
//!
//! `cargo run -p multisum-embed --example similar -- models/all-MiniLM-L6-v2`
//! runs a longer example.

#![deny(missing_docs)]

use std::fmt;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::Tokenizer;

/// Word pieces of a sentence that the model reads (the special tokens
/// included); the rest is cut off, as sentence-transformers does with this
/// model's `max_seq_length`.
pub const MAX_TOKENS: usize = 256;

/// A loaded sentence-embedding model.
pub struct Model {
    bert: BertModel,
    tokenizer: Tokenizer,
    dimension: usize,
    /// [`MAX_TOKENS`], or fewer if the model has fewer positions.
    max_tokens: usize,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("dimension", &self.dimension)
            .finish_non_exhaustive()
    }
}

impl Model {
    /// Loads the model in `dir` (`config.json`, `tokenizer.json`,
    /// `model.safetensors`).
    pub fn load(dir: impl AsRef<Path>) -> Result<Model, Error> {
        let dir = dir.as_ref();
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|e| Error::io(path, e))
        };
        let config: Config = serde_json::from_slice(&read("config.json")?)
            .map_err(|e| Error::model(dir, e.to_string()))?;
        check(&config).map_err(|m| Error::model(dir, m.to_string()))?;
        let dimension = config.hidden_size;
        let max_tokens = MAX_TOKENS.min(config.max_position_embeddings);
        let mut tokenizer = Tokenizer::from_bytes(read("tokenizer.json")?)
            .map_err(|e| Error::model(dir, e.to_string()))?;
        // tokenizer.json pads every input to 128 pieces; sentences are
        // encoded one at a time, so padding would only cost time (and,
        // without an attention mask, change the vectors).
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(|e| Error::model(dir, e.to_string()))?;
        let vb = VarBuilder::from_buffered_safetensors(
            read("model.safetensors")?,
            DType::F32,
            &Device::Cpu,
        )
        .map_err(|e| Error::model(dir, e.to_string()))?;
        // candle validates tensor shapes with errors, but a few
        // inconsistencies (beyond what `check` rules out) end in a panic
        // inside it; this library does not panic, so one becomes an error.
        let bert = std::panic::catch_unwind(AssertUnwindSafe(|| BertModel::load(vb, &config)))
            .map_err(|_| Error::model(dir, "the model's weights do not fit its config".into()))?
            .map_err(|e| Error::model(dir, e.to_string()))?;
        Ok(Model {
            bert,
            tokenizer,
            dimension,
            max_tokens,
        })
    }

    /// The length of every vector [`Model::encode`] returns.
    pub fn dimension(&self) -> usize {
        self.dimension
    }

    /// One unit-length vector per sentence, in order, computed on rayon's
    /// thread pool (each sentence alone). An empty sentence (or
    /// one the tokenizer makes nothing of) gets the vector of the special
    /// tokens alone, like any other input.
    pub fn encode(&self, sentences: &[&str]) -> Result<Vec<Vec<f32>>, Error> {
        use rayon::prelude::*;
        sentences.par_iter().map(|s| self.encode_one(s)).collect()
    }

    fn encode_one(&self, sentence: &str) -> Result<Vec<f32>, Error> {
        let encoding = self
            .tokenizer
            .encode(sentence, true)
            .map_err(|e| Error::inference(e.to_string()))?;
        let mut ids = encoding.get_ids().to_vec();
        if ids.len() > self.max_tokens {
            // Keep the closing [SEP], as truncation by the tokenizer would.
            let last = ids[ids.len() - 1];
            ids.truncate(self.max_tokens);
            ids[self.max_tokens - 1] = last;
        }
        let run = || -> candle_core::Result<Vec<f32>> {
            let input = Tensor::new(ids.as_slice(), &Device::Cpu)?.unsqueeze(0)?;
            let types = input.zeros_like()?;
            let hidden = self.bert.forward(&input, &types, None)?;
            hidden.mean(1)?.squeeze(0)?.to_vec1::<f32>()
        };
        let mut v = std::panic::catch_unwind(AssertUnwindSafe(run))
            .map_err(|_| Error::inference("the forward pass panicked".into()))?
            .map_err(|e| Error::inference(e.to_string()))?;
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 && norm.is_finite() {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        Ok(v)
    }
}

/// What the forward pass needs of a config: no zero sizes (candle divides by
/// some), heads that split the width evenly, and room for the special
/// tokens.
fn check(config: &Config) -> Result<(), &'static str> {
    if config.vocab_size == 0
        || config.hidden_size == 0
        || config.num_hidden_layers == 0
        || config.intermediate_size == 0
        || config.type_vocab_size == 0
    {
        return Err("a size in config.json is zero");
    }
    if config.num_attention_heads == 0
        || !config
            .hidden_size
            .is_multiple_of(config.num_attention_heads)
    {
        return Err("num_attention_heads does not divide hidden_size");
    }
    if config.max_position_embeddings < 2 {
        return Err("max_position_embeddings is below 2");
    }
    Ok(())
}

/// Why a model could not be loaded or run. Opaque: read its message.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    Io(PathBuf, std::io::Error),
    Model(PathBuf, String),
    Inference(String),
}

impl Error {
    fn io(path: PathBuf, error: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io(path, error),
        }
    }

    fn model(dir: &Path, message: String) -> Error {
        Error {
            kind: ErrorKind::Model(dir.to_path_buf(), message),
        }
    }

    fn inference(message: String) -> Error {
        Error {
            kind: ErrorKind::Inference(message),
        }
    }

    /// Whether a model file could not be read (missing, unreadable).
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(..))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io(path, e) => write!(f, "{}: {e}", path.display()),
            ErrorKind::Model(dir, m) => write!(f, "{}: not a usable model: {m}", dir.display()),
            ErrorKind::Inference(m) => write!(f, "the model failed on a sentence: {m}"),
        }
    }
}

// The message already says what the I/O error says; no `source()`, so that
// a chain printer does not say it twice.
impl std::error::Error for Error {}
