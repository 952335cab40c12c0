//! Integration tests of multisum-score: one binary, one module per theme.

mod determinism;
mod fixtures;
mod regression;
#[path = "support/zipf.rs"]
#[allow(dead_code)]
mod zipf;
