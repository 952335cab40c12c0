//! Ranks sentences read from stdin, one per line, and prints one score per
//! input line, in input order. The tokenizer is plain `split_whitespace`
//! on lowercased text: this crate needs no tokenizer of its own.
//!
//! ```text
//! cargo run -p multisum-score --example rank_stdin < sentences.txt
//! cargo run -p multisum-score --example rank_stdin -- --algorithm lexrank < sentences.txt
//! ```
//!
//! Algorithms: `textrank` (default), `textrank-overlap`, `lexrank`,
//! `lexrank-continuous`, `centroid`, `tfidf`. Every line is a sentence of
//! one document; an empty line is an empty sentence and still gets a
//! score.

use std::error::Error;
use std::io::{BufRead, Write};

use multisum_score::{
    Centroid, LexRank, SentenceScorer, SentenceSet, Similarity, TextRank, TfIdfScorer,
};

fn scorer(name: &str) -> Option<Box<dyn SentenceScorer>> {
    Some(match name {
        "textrank" => Box::new(TextRank::default()),
        "textrank-overlap" => Box::new(TextRank::default().similarity(Similarity::WordOverlap)),
        "lexrank" => Box::new(LexRank::default()),
        "lexrank-continuous" => Box::new(LexRank::default().continuous()),
        "centroid" => Box::new(Centroid::default()),
        "tfidf" => Box::new(TfIdfScorer::default()),
        _ => return None,
    })
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut algorithm = String::from("textrank");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-a" | "--algorithm" => algorithm = args.next().ok_or("--algorithm needs a value")?,
            "-h" | "--help" => {
                println!(
                    "usage: rank_stdin [--algorithm textrank|textrank-overlap|lexrank|\
                     lexrank-continuous|centroid|tfidf] < sentences.txt"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}").into()),
        }
    }
    let scorer = scorer(&algorithm).ok_or_else(|| format!("unknown algorithm {algorithm:?}"))?;

    let mut set = SentenceSet::new();
    for line in std::io::stdin().lock().lines() {
        let line = line?.to_lowercase();
        set.push(0, line.split_whitespace());
    }
    let scores = scorer.score(&set);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for value in scores.values() {
        writeln!(out, "{value}")?;
    }
    out.flush()?;
    Ok(())
}
