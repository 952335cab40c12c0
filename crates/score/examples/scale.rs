//! Times ranking `n` generated sentences (Zipf vocabulary of 50,000
//! terms, 10-30 tokens a sentence, documents of 30 sentences, fixed
//! seed). Run it under `/usr/bin/time -v` for the peak memory:
//!
//! ```text
//! cargo build --release -p multisum-score --example scale
//! /usr/bin/time -v target/release/examples/scale 100000 textrank
//! ```
//!
//! Optional third and fourth arguments: `top_k` and `max_postings` of
//! the sparse path's [`Pruning`].
//!
//! Prints: n, algorithm, seconds to build the sentence set from words,
//! seconds to score, number of iterations, whether it converged.

use std::time::Instant;

use multisum_score::{
    Centroid, LexRank, Pruning, SentenceScorer, SentenceSet, Similarity, TextRank, TfIdfScorer,
};

#[path = "../tests/support/zipf.rs"]
#[allow(dead_code)]
mod zipf;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map(|a| a.replace('_', "").parse().expect("n must be a number"))
        .unwrap_or(10_000);
    let algorithm = args.next().unwrap_or_else(|| "textrank".into());
    let mut pruning = Pruning::new();
    if let Some(k) = args.next() {
        pruning = pruning.top_k(k.parse().expect("top_k must be a number"));
    }
    if let Some(m) = args.next() {
        pruning = pruning.max_postings(m.parse().expect("max_postings must be a number"));
    }
    let scorer: Box<dyn SentenceScorer> = match algorithm.as_str() {
        "textrank" => Box::new(TextRank::default().pruning(pruning)),
        "textrank-overlap" => Box::new(
            TextRank::default()
                .similarity(Similarity::WordOverlap)
                .pruning(pruning),
        ),
        "lexrank" => Box::new(LexRank::default().pruning(pruning)),
        "lexrank-continuous" => Box::new(LexRank::default().continuous().pruning(pruning)),
        "centroid" => Box::new(Centroid::default()),
        "tfidf" => Box::new(TfIdfScorer::default()),
        other => panic!("unknown algorithm {other:?}"),
    };

    let corpus = zipf::corpus(n, 50_000, 42);
    let start = Instant::now();
    let mut set = SentenceSet::new();
    for (i, (doc, _)) in corpus.sentences.iter().enumerate() {
        set.push(*doc, corpus.words(i));
    }
    drop(corpus);
    let build = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let scores = scorer.score(&set);
    let rank = start.elapsed().as_secs_f64();
    assert_eq!(scores.values().len(), n);
    println!(
        "n={n} algorithm={algorithm} build={build:.3}s score={rank:.3}s iterations={} converged={}",
        scores.iterations(),
        scores.converged()
    );
}
