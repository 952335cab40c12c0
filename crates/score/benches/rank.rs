//! Ranking generated sentences at 1k, 10k and 100k: a Zipf(1.0) vocabulary
//! of 50,000 terms, 10-30 tokens a sentence, documents of 30 sentences,
//! from a fixed seed (see `tests/support/zipf.rs`). 1k takes the dense
//! path, 10k and 100k the sparse one.
//!
//! `cargo bench -p multisum-score --bench rank`; CI runs only
//! `cargo bench --no-run`. For peak memory, see `examples/scale.rs`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use multisum_score::{LexRank, SentenceScorer, SentenceSet, TextRank};

#[path = "../tests/support/zipf.rs"]
#[allow(dead_code)]
mod zipf;

fn sentence_set(n: usize) -> SentenceSet {
    let corpus = zipf::corpus(n, 50_000, 42);
    let mut set = SentenceSet::new();
    for (i, (doc, _)) in corpus.sentences.iter().enumerate() {
        set.push(*doc, corpus.words(i));
    }
    set
}

fn rank(c: &mut Criterion) {
    let mut group = c.benchmark_group("textrank");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    for n in [1_000, 10_000, 100_000] {
        let set = sentence_set(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
            b.iter(|| {
                let scores = TextRank::default().score(black_box(set));
                assert_eq!(scores.values().len(), n);
                scores
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("lexrank");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    let n = 10_000;
    let set = sentence_set(n);
    group.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
        b.iter(|| {
            let scores = LexRank::default().score(black_box(set));
            assert_eq!(scores.values().len(), n);
            scores
        })
    });
    group.finish();

    let mut group = c.benchmark_group("sentence_set");
    group.sample_size(10);
    let corpus = zipf::corpus(n, 50_000, 42);
    group.bench_function(BenchmarkId::from_parameter(n), |b| {
        b.iter(|| {
            let mut set = SentenceSet::new();
            for (i, (doc, _)) in corpus.sentences.iter().enumerate() {
                set.push(*doc, corpus.words(i));
            }
            assert_eq!(set.len(), n);
            set
        })
    });
    group.finish();
}

criterion_group!(benches, rank);
criterion_main!(benches);
