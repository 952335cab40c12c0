//! Citations by meaning: with an [`Encoder`], a report that retells the
//! story and says a chosen sentence's content in words of its own is cited,
//! if its closest sentence is close enough and nearer to that chosen
//! sentence than to any other.

use std::sync::Arc;

use multisum_assemble::{Basis, Budget, Config, Encoder, Source, Summarizer, Summary};

/// A stand-in for a sentence-transformer with chosen cosines: the reply
/// `r = (1, 0, 0)`, the visit `v = (0, 1, 0)`, and the sentences below set
/// against them; any other sentence is `(0, 0, 1)`, at 0 from both.
#[derive(Debug)]
struct Table;

const REPLY: &[&str] = &[
    "The Kremlin said it is studying the ceasefire proposal from Washington.",
    "The Kremlin said on Tuesday it is studying the ceasefire proposal from Washington.",
];
const VISIT: &[&str] = &[
    "Putin visited troops in the Kursk region, officials said.",
    "Putin visited troops in the Kursk region on Wednesday.",
    "Putin visited troops in the Kursk region, state television showed.",
    "Putin visited troops in the Kursk region, the ministry said.",
];
/// (sentence, cosine with the reply, cosine with the visit)
const SET: &[(&str, f32, f32)] = &[
    // Just above the bound, twice: the earlier is cited.
    (
        "Moscow will examine the terms of the truce in the coming days.",
        0.66,
        0.0,
    ),
    ("Officials there promised a careful reading.", 0.66, 0.0),
    // As close to both: not strictly nearer to the reply.
    (
        "The president inspected soldiers near the border while aides weighed the offer.",
        0.7,
        0.7,
    ),
    // Closest to the reply, but cited by words for the visit.
    (
        "Putin visited troops in the Kursk region this week.",
        0.8,
        0.6,
    ),
    // Just below the bound.
    (
        "Officials spoke about the proposal at the council meeting as rain fell on the harbour.",
        0.64,
        0.0,
    ),
    // Close, but its report states nothing else of the summary.
    ("A review of the offer is planned, an aide said.", 0.9, 0.0),
];

fn vector(sentence: &str) -> Vec<f32> {
    let sentence = sentence.trim();
    if REPLY.contains(&sentence) {
        return vec![1.0, 0.0, 0.0];
    }
    if VISIT.contains(&sentence) {
        return vec![0.0, 1.0, 0.0];
    }
    match SET.iter().find(|(s, ..)| *s == sentence) {
        Some(&(_, r, v)) => vec![r, v, (1.0 - r * r - v * v).max(0.0).sqrt()],
        None => vec![0.0, 0.0, 1.0],
    }
}

impl Encoder for Table {
    fn encode(
        &self,
        sentences: &[&str],
    ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
        Ok(sentences.iter().map(|s| vector(s)).collect())
    }
}

const REPORTS: [&str; 6] = [
    // The reply in other words (first, so that the citation by meaning must
    // be sorted in before those by words).
    "Moscow will examine the terms of the truce in the coming days. \
     Officials there promised a careful reading. \
     Putin visited troops in the Kursk region, officials said.\n",
    "The Kremlin said it is studying the ceasefire proposal from Washington. \
     Putin visited troops in the Kursk region on Wednesday.\n",
    "The Kremlin said on Tuesday it is studying the ceasefire proposal from Washington. \
     Putin visited troops in the Kursk region, state television showed.\n",
    "The president inspected soldiers near the border while aides weighed the offer. \
     Putin visited troops in the Kursk region this week.\n\n\
     The city council postponed its vote on the new library budget.\n",
    "Officials spoke about the proposal at the council meeting as rain fell on the harbour. \
     Putin visited troops in the Kursk region, the ministry said.\n",
    "A review of the offer is planned, an aide said.\n",
];

fn summarize(encoder: Option<Arc<dyn Encoder>>) -> Result<Summary, multisum_assemble::Error> {
    let sources: Vec<Source> = REPORTS
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(format!("r{}", i + 1), *t))
        .collect();
    let mut summarizer = Summarizer::new(Config::new().budget(Budget::Sentences(2)));
    if let Some(encoder) = encoder {
        summarizer = summarizer.with_encoder(encoder);
    }
    summarizer.summarize(&sources)
}

/// For the summary sentence containing `needle`: each cited report
/// (1-based), the start of the cited sentence, and what the citation rests on.
fn citations(summary: &Summary, needle: &str) -> Vec<(usize, String, Basis)> {
    let sentence = summary
        .sentences()
        .iter()
        .find(|s| s.text().contains(needle))
        .unwrap_or_else(|| panic!("no summary sentence with {needle:?}"));
    sentence
        .citations()
        .iter()
        .map(|c| {
            let text = &REPORTS[c.source()][c.span()];
            (c.source() + 1, text.chars().take(20).collect(), c.basis())
        })
        .collect()
}

/// A summary sentence (by a phrase of it), the reports it cites without an
/// encoder, and its citations with one: report, start of the cited
/// sentence, basis.
type Case = (
    &'static str,
    &'static [usize],
    &'static [(usize, &'static str, Basis)],
);

#[test]
fn reports_are_cited_by_meaning_only_where_all_three_rules_hold() {
    let with = summarize(Some(Arc::new(Table))).expect("a summary");
    let without = summarize(None).expect("a summary");
    let cases: &[Case] = &[
        (
            "studying the ceasefire proposal",
            &[2, 3],
            &[
                // Report 1 at 0.66, its earlier sentence of two. Not report 4
                // (its closest sentence is cited by words for the visit, the
                // next is as close to the visit), nor 5 (0.64), nor 6 (it
                // states nothing else of the summary).
                (1, "Moscow will examine ", Basis::Meaning),
                (2, "The Kremlin said it ", Basis::Words),
                (3, "The Kremlin said on ", Basis::Words),
            ],
        ),
        (
            "visited troops in the Kursk region",
            &[1, 2, 3, 4, 5],
            &[
                (1, "Putin visited troops", Basis::Words),
                (2, "Putin visited troops", Basis::Words),
                (3, "Putin visited troops", Basis::Words),
                (4, "Putin visited troops", Basis::Words),
                (5, "Putin visited troops", Basis::Words),
            ],
        ),
    ];
    let texts: Vec<&str> = without.sentences().iter().map(|s| s.text()).collect();
    assert!(texts.iter().any(|t| t.contains("studying")), "{texts:?}");
    assert_eq!(with.sentences().len(), 2, "{texts:?}");
    for (needle, words, meaning) in cases {
        let plain: Vec<usize> = citations(&without, needle).iter().map(|c| c.0).collect();
        assert_eq!(&plain, words, "{needle}, no encoder");
        let got = citations(&with, needle);
        let got: Vec<(usize, &str, Basis)> =
            got.iter().map(|(r, t, b)| (*r, t.as_str(), *b)).collect();
        assert_eq!(&got, meaning, "{needle}");
    }
}

/// An encoder that breaks its contract is an error, not a panic.
#[test]
fn a_misbehaving_encoder_is_an_error() {
    #[derive(Debug)]
    struct Broken(usize);
    impl Encoder for Broken {
        fn encode(
            &self,
            sentences: &[&str],
        ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
            match self.0 {
                0 => Ok(vec![vec![1.0]; sentences.len().saturating_sub(1)]),
                1 => Ok(vec![vec![f32::NAN, 0.0]; sentences.len()]),
                2 => Ok(sentences
                    .iter()
                    .enumerate()
                    .map(|(i, _)| vec![1.0; i + 1])
                    .collect()),
                _ => Err("out of memory".into()),
            }
        }
    }
    for case in 0..4 {
        let error = summarize(Some(Arc::new(Broken(case)))).expect_err("an error");
        assert!(error.to_string().contains("sentence encoder"), "{error}");
    }
}
