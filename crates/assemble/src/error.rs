//! The library's error type.

use std::fmt;

/// Why a summary could not be made. Opaque: match on its message (`Display`)
/// or the predicates, never on internals.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
enum ErrorKind {
    NoSources,
    InvalidRatio(f64),
    InvalidTuning(&'static str),
    Encoder(String),
}

impl Error {
    pub(crate) fn no_sources() -> Error {
        Error {
            kind: ErrorKind::NoSources,
        }
    }

    pub(crate) fn invalid_ratio(ratio: f64) -> Error {
        Error {
            kind: ErrorKind::InvalidRatio(ratio),
        }
    }

    pub(crate) fn invalid_tuning(field: &'static str) -> Error {
        Error {
            kind: ErrorKind::InvalidTuning(field),
        }
    }

    pub(crate) fn encoder(message: String) -> Error {
        Error {
            kind: ErrorKind::Encoder(message),
        }
    }

    /// Whether the summarizer was given no reports at all.
    pub fn is_no_sources(&self) -> bool {
        matches!(self.kind, ErrorKind::NoSources)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NoSources => f.write_str("no reports to summarize"),
            ErrorKind::InvalidRatio(r) => {
                write!(f, "ratio {r} is not a number between 0 and 1")
            }
            ErrorKind::InvalidTuning(field) => {
                write!(f, "tuning value {field} is not a finite number")
            }
            ErrorKind::Encoder(m) => write!(f, "the sentence encoder failed: {m}"),
        }
    }
}

impl std::error::Error for Error {}
