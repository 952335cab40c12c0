//! `Tokenizer::segment` on inputs built to make a splitter or tokenizer
//! quadratic (issue 8): a megabyte each of terminal punctuation, quotes,
//! text without white space, tiny lines, and patterns that make the
//! splitter look around a candidate boundary (initials, ellipses, list
//! markers, times). Every one should run at a throughput close to news
//! text's (`benches/segment.rs`); a quadratic step would take minutes.
//! Run with `cargo bench -p multisum-tokenize --bench adversarial`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use multisum_tokenize::Tokenizer;

/// Size of each input, in bytes.
const SIZE: usize = 1 << 20;

fn inputs() -> Vec<(&'static str, String)> {
    let repeat = |piece: &str| piece.repeat(SIZE / piece.len());
    vec![
        ("dots", repeat(".")),
        ("bangs", repeat("!")),
        ("question-bangs", repeat("?!")),
        ("spaced-dots", repeat(". ")),
        ("ellipses", repeat("…")),
        ("straight-quotes", repeat("\"")),
        ("curly-quotes", repeat("“")),
        ("quoted-questions", repeat("“Why?” ")),
        ("no-white-space", repeat("a")),
        ("no-white-space-dotted", repeat("ab.")),
        ("opening-brackets", repeat("(")),
        ("tiny-lines", repeat("A b.\n")),
        ("lowercase-lines", repeat("the talks\n")),
        ("initials-and-quotes", repeat("Mr. A. “B. ")),
        ("period-and-ellipsis", repeat("word. . . . ")),
        ("list-markers", repeat("1. a ")),
        ("times", repeat("At 5 a.m. Xy ")),
        ("bullets", repeat("• x ")),
    ]
}

fn bench(c: &mut Criterion) {
    let tokenizer = Tokenizer::default();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for (name, text) in inputs() {
        // Every non-white-space byte is in some unit.
        let units = tokenizer.segment(&text).units().len();
        assert!(units > 0, "{name}: no units");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = tokenizer.segment(black_box(&text));
                assert_eq!(doc.units().len(), units);
                doc
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
