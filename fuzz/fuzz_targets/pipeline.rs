//! Bytes → several reports → summary → every renderer. The first byte
//! picks the budget, algorithm and order; the input's length the selector
//! (`len / 2 % 4`) and whether citations by meaning run (with a stand-in
//! encoder: byte histograms: odd lengths); the rest, split at 0x1E (record separator) bytes, is
//! up to eight reports (lossy UTF-8).
//! Asserted: a summary is made; every sentence and citation slices its
//! report exactly; citations are ordered by report, each once, the origin
//! included; the budget holds; rendering does not panic and the JSON
//! parses.

#![no_main]

use std::sync::{Arc, LazyLock};

use libfuzzer_sys::fuzz_target;
use multisum_assemble::{
    Algorithm, Budget, Config, Encoder, Order, Selector, Source, Summarizer, Verdict, render,
};

/// The budget and summarizer each value of the first byte picks, made once:
/// without an encoder, then with one.
/// Every selector, picked by the input's length (`len / 2 % 4`), apart from
/// the knobs and from the model (`len % 2`).
const SELECTORS: [Selector; 4] = [
    Selector::Auto,
    Selector::Mmr,
    Selector::Coverage,
    Selector::Concepts,
];

/// Indexed by `knobs + 256 * selector + 1024 * model`.
static SUMMARIZERS: LazyLock<Vec<(Budget, Summarizer)>> = LazyLock::new(|| {
    let mut all = Vec::with_capacity(2048);
    for meaning in [false, true] {
        for selector in SELECTORS {
            for k in 0..=255 {
                let (budget, summarizer) = configure(k, selector);
                let summarizer = if meaning {
                    summarizer.with_encoder(Arc::new(Histogram))
                } else {
                    summarizer
                };
                all.push((budget, summarizer));
            }
        }
    }
    all
});

/// Sentence vectors from byte histograms (17 buckets and a constant):
/// cheap, deterministic, and close for texts of similar letters, so that
/// citations by meaning are made (checked once, by a temporary panic where
/// one is added).
#[derive(Debug)]
struct Histogram;

impl Encoder for Histogram {
    fn encode(
        &self,
        sentences: &[&str],
    ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
        Ok(sentences
            .iter()
            .map(|s| {
                let mut v = [0.0f32; 18];
                v[17] = 1.0;
                s.bytes().for_each(|b| v[usize::from(b) % 17] += 1.0);
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                v.iter().map(|x| x / norm).collect()
            })
            .collect())
    }
}

fn configure(knobs: u8, selector: Selector) -> (Budget, Summarizer) {
    let size = usize::from(knobs >> 5);
    let budget = match knobs & 3 {
        0 => Budget::Sentences(size),
        1 => Budget::Words(if size == 7 { usize::MAX } else { size * 9 }),
        2 => Budget::Bytes(if size == 7 { usize::MAX } else { size * 60 }),
        _ => Budget::Ratio(size as f64 / 7.0),
    };
    let algorithm = [
        Algorithm::TextRank,
        Algorithm::LexRank,
        Algorithm::Centroid,
        Algorithm::TfIdf,
    ][usize::from(knobs >> 2 & 3)];
    let order = if size % 2 == 0 {
        Order::Source
    } else {
        Order::Score
    };
    let config = Config::new()
        .budget(budget)
        .algorithm(algorithm)
        .selector(selector)
        .order(order);
    (budget, Summarizer::new(config))
}

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, rest)) = data.split_first() else {
        return;
    };
    let sources: Vec<Source> = rest
        .split(|&b| b == 0x1E)
        .take(8)
        .enumerate()
        .map(|(i, bytes)| Source::new(format!("r{i}"), String::from_utf8_lossy(bytes)))
        .collect();
    let (budget, summarizer) =
        &SUMMARIZERS[usize::from(knobs) + 256 * (data.len() / 2 % 4) + 1024 * (data.len() % 2)];
    let budget = *budget;
    let summary = summarizer
        .summarize(&sources)
        .expect("a summary of at least one report under a valid budget");

    let text_of = |source: usize, span: std::ops::Range<usize>| -> &str {
        sources[source]
            .text()
            .get(span.clone())
            .unwrap_or_else(|| panic!("{span:?} is no char range of report {source}"))
    };
    let (mut words, mut bytes) = (0, 0);
    for s in summary.sentences() {
        assert_eq!(text_of(s.source(), s.span()), s.text());
        words += s.text().split_whitespace().count();
        bytes += s.text().len();
        let cited: Vec<usize> = s.citations().iter().map(|c| c.source()).collect();
        assert!(cited.windows(2).all(|w| w[0] < w[1]), "citations {cited:?}");
        assert!(cited.contains(&s.source()), "the origin is not cited");
        for c in s.citations() {
            assert!(!text_of(c.source(), c.span()).trim().is_empty());
        }
        let origin = s.citations().iter().find(|c| c.source() == s.source());
        assert_eq!(origin.map(|c| c.span()), Some(s.span()));
    }
    let body = summary
        .candidates()
        .iter()
        .filter(|c| !matches!(c.verdict(), Verdict::Boilerplate | Verdict::Heading))
        .count();
    let n = summary.sentences().len();
    match budget {
        Budget::Sentences(max) => assert!(n <= max),
        Budget::Words(max) => assert!(words <= max),
        Budget::Bytes(max) => assert!(bytes <= max),
        Budget::Ratio(r) => assert!(n <= ((r * body as f64).ceil() as usize).max(1)),
        _ => {}
    }
    assert!(n <= body);
    for c in summary.candidates() {
        text_of(c.source(), c.span());
    }

    let _ = render::text(&summary);
    let _ = render::markdown(&summary);
    let _ = render::html(&summary, &sources);
    let _ = render::explain(&summary, &sources);
    let json = render::json(&summary);
    serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    serde_json::from_str::<serde_json::Value>(&render::json_line(&summary)).expect("valid JSON");
});
