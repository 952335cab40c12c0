//! Throughput of `Tokenizer::segment` (paragraphs, sentence splitting,
//! classification, tokenizing, stemming) on a few MB of news-like text.
//!
//! The text is built from the paragraphs of the repository's own corpus
//! (`corpus/ceasefire-talks`, see its `manifest.toml`), shuffled and repeated
//! into documents of 20–40 paragraphs with blank lines between them, some
//! joined into long lines. Run with `cargo bench -p multisum-tokenize`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use multisum_tokenize::Tokenizer;

/// Size of the generated text, in bytes.
const SIZE: usize = 4 << 20;

/// A small deterministic generator (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn corpus_paragraphs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/ceasefire-talks");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    let mut paragraphs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("corpus file");
        paragraphs.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    paragraphs
}

/// News-like text of about `size` bytes: documents of shuffled corpus
/// paragraphs.
fn news_text(size: usize) -> String {
    let paragraphs = corpus_paragraphs();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(size + 4096);
    while text.len() < size {
        for _ in 0..20 + rng.below(20) {
            text.push_str(&paragraphs[rng.below(paragraphs.len())]);
            // Mostly separate paragraphs; sometimes one long line.
            text.push_str(if rng.below(8) == 0 { " " } else { "\n\n" });
        }
        text.push_str("\n\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = news_text(SIZE);
    let tokenizer = Tokenizer::default();
    let doc = tokenizer.segment(&text);
    let body = doc.body().count();
    let tokens: usize = doc.units().iter().map(|u| u.tokens.len()).sum();
    assert!(
        body > 10_000 && tokens > 500_000,
        "{body} body units, {tokens} tokens"
    );

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("segment", |b| {
        b.iter(|| {
            let doc = tokenizer.segment(black_box(&text));
            assert_eq!(doc.body().count(), body);
            doc
        })
    });
    group.bench_function("tokens", |b| {
        b.iter(|| tokenizer.tokens(black_box(&text)).0.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
