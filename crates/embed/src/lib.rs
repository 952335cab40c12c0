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
        let dimension = config.hidden_size;
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
        let bert = BertModel::load(vb, &config).map_err(|e| Error::model(dir, e.to_string()))?;
        Ok(Model {
            bert,
            tokenizer,
            dimension,
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
        if ids.len() > MAX_TOKENS {
            // Keep the closing [SEP], as truncation by the tokenizer would.
            let last = ids[ids.len() - 1];
            ids.truncate(MAX_TOKENS);
            ids[MAX_TOKENS - 1] = last;
        }
        let run = || -> candle_core::Result<Vec<f32>> {
            let input = Tensor::new(ids.as_slice(), &Device::Cpu)?.unsqueeze(0)?;
            let types = input.zeros_like()?;
            let hidden = self.bert.forward(&input, &types, None)?;
            hidden.mean(1)?.squeeze(0)?.to_vec1::<f32>()
        };
        let mut v = run().map_err(|e| Error::inference(e.to_string()))?;
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 && norm.is_finite() {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        Ok(v)
    }
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

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(_, e) => Some(e),
            _ => None,
        }
    }
}
