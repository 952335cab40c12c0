//! Integration tests of multisum-tokenize: one binary (see `Cargo.toml`).

mod corpus;
mod properties;
