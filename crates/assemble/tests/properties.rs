//! Property tests of the summarizer's promises, over generated reports and
//! over shuffled real ones.

use multisum_assemble::{Budget, Config, Selector, Source, Summarizer, Verdict};
use multisum_tokenize::Tokenizer;
use proptest::prelude::*;

/// A small vocabulary, so that generated sentences overlap and repeat.
const WORDS: &[&str] = &[
    "ceasefire",
    "talks",
    "moscow",
    "envoys",
    "troops",
    "kursk",
    "president",
    "said",
    "the",
    "on",
    "a",
    "of",
    "visit",
    "proposal",
    "russia",
    "ukraine",
    "peace",
    "economy",
    "threat",
    "Tuesday",
    "U.S.",
    "“quoted”",
    "Kremlin",
    "30-day",
    "he",
    "However,",
    "in",
    "to",
    "and",
    "was",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..14),
        prop::sample::select(&[".", "!", "?", ""][..]),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            s.push_str(end);
            s
        })
}

fn report() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..5), 0..6).prop_map(|paragraphs| {
        paragraphs
            .iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (0usize..12).prop_map(Budget::Sentences),
        (0usize..200).prop_map(Budget::Words),
        (0usize..1500).prop_map(Budget::Bytes),
        (0.0f64..=1.0).prop_map(Budget::Ratio),
    ]
}

fn selector() -> impl Strategy<Value = Selector> {
    prop_oneof![
        Just(Selector::Auto),
        Just(Selector::Mmr),
        Just(Selector::Coverage),
        Just(Selector::Concepts)
    ]
}

/// Checks every promise of a summary of `texts`.
fn check(texts: &[String], budget: Budget, selector: Selector, threshold: f64) {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(format!("r{i}"), t.clone()))
        .collect();
    let config = Config::new()
        .budget(budget)
        .selector(selector)
        .redundancy_threshold(threshold);
    let summary = Summarizer::new(config)
        .summarize(&sources)
        .expect("valid input");
    let tokenizer = Tokenizer::default();
    let body: Vec<Vec<std::ops::Range<usize>>> = texts
        .iter()
        .map(|t| {
            tokenizer
                .segment(t)
                .body()
                .map(|u| u.span.clone())
                .collect()
        })
        .collect();
    let body_count: usize = body.iter().map(Vec::len).sum();

    let sentences = summary.sentences();
    let (mut words, mut bytes) = (0, 0);
    for s in sentences {
        // The text is exactly the origin's bytes at its span.
        assert_eq!(texts[s.source()].get(s.span()), Some(s.text()));
        // No two chosen sentences say the same thing: each one's similarity
        // to every sentence chosen before it is at most the threshold.
        assert!(
            s.components().redundancy <= threshold + 1e-12,
            "{:?}",
            s.components()
        );
        // Citations: the origin included, each report once, in order, and
        // every span a body sentence of the cited report.
        assert!(
            s.citations()
                .iter()
                .any(|c| c.source() == s.source() && c.span() == s.span())
        );
        assert!(
            s.citations()
                .windows(2)
                .all(|w| w[0].source() < w[1].source())
        );
        for c in s.citations() {
            assert!(
                body[c.source()].contains(&c.span()),
                "citation {c:?} is not a body sentence"
            );
        }
        // Corroboration counts the cited reports, a syndicated copy once
        // with its original.
        let originals: std::collections::BTreeSet<usize> = s
            .citations()
            .iter()
            .map(|c| {
                summary.sources()[c.source()]
                    .copy_of()
                    .unwrap_or(c.source())
            })
            .collect();
        assert_eq!(s.corroboration(), originals.len());
        words += s.text().split_whitespace().count();
        bytes += s.text().len();
    }
    // Nor in other words: no two chosen sentences cite the same sentence
    // (one of the two included) of two or more reports, and of a third of
    // the reports the one with fewer citations cites.
    for (a, s) in sentences.iter().enumerate() {
        for t in &sentences[..a] {
            let shared = s
                .citations()
                .iter()
                .filter(|c| t.citations().contains(c))
                .count();
            let smaller = s.citations().len().min(t.citations().len());
            assert!(
                shared < 2 || 3 * shared < smaller,
                "{:?} and {:?} cite {shared} of the same sentences",
                s.text(),
                t.text()
            );
        }
    }
    match budget {
        Budget::Sentences(n) => assert!(sentences.len() <= n),
        Budget::Words(n) => assert!(words <= n, "{words} words > {n}"),
        Budget::Bytes(n) => assert!(bytes <= n, "{bytes} bytes > {n}"),
        Budget::Ratio(r) => {
            assert!(sentences.len() <= ((r * body_count as f64).ceil() as usize).max(1))
        }
        _ => unreachable!("all budgets are generated above"),
    }
    // Every unit of every report is accounted for, chosen ones included.
    let chosen = summary
        .candidates()
        .iter()
        .filter(|c| matches!(c.verdict(), Verdict::Chosen { .. }))
        .count();
    assert_eq!(chosen, sentences.len());
    let units: usize = texts
        .iter()
        .map(|t| tokenizer.segment(t).units().len())
        .sum();
    assert_eq!(summary.candidates().len(), units);
    for c in summary.candidates() {
        let kind_is_body = body[c.source()].contains(&c.span());
        let verdict_is_body = !matches!(c.verdict(), Verdict::Boilerplate | Verdict::Heading);
        assert_eq!(kind_is_body, verdict_is_body);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn generated_reports(
        texts in prop::collection::vec(report(), 1..5),
        budget in budget(),
        selector in selector(),
        threshold in 0.05f64..0.9,
    ) {
        check(&texts, budget, selector, threshold);
    }

    #[test]
    fn shuffled_corpus_lines(
        seed in prop::collection::vec(any::<prop::sample::Index>(), 5..40),
        budget in budget(),
        selector in selector(),
    ) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/ceasefire-talks");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let lines: Vec<String> = files
            .iter()
            .flat_map(|p| std::fs::read_to_string(p).expect("readable").lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| !l.trim().is_empty())
            .collect();
        let picked: Vec<&String> = seed.iter().map(|i| i.get(&lines)).collect();
        let texts: Vec<String> = picked
            .chunks(8)
            .map(|c| c.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"))
            .collect();
        check(&texts, budget, selector, 0.3);
    }
}

#[test]
fn no_sources_is_an_error_and_empty_reports_give_an_empty_summary() {
    let err = Summarizer::new(Config::new()).summarize(&[]).unwrap_err();
    assert!(err.is_no_sources());
    let empty = [Source::new("a", ""), Source::new("b", "   \n\n ")];
    let summary = Summarizer::new(Config::new())
        .summarize(&empty)
        .expect("valid");
    assert!(summary.sentences().is_empty());
    assert_eq!(summary.sources().len(), 2);
}
