//! The ceasefire-talks corpus (in the repository at `corpus/`) segmented
//! right: noise lines are boilerplate, headlines and subheadings are units
//! of their own, body sentences split where they should, spans are exact.

use std::path::PathBuf;

use multisum_tokenize::{Document, Tokenizer, UnitKind, mark_repeated_boilerplate};

pub(crate) fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/ceasefire-talks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the five reports");
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn segment_all() -> Vec<(String, String, Document)> {
    let tokenizer = Tokenizer::default();
    corpus()
        .into_iter()
        .map(|(name, text)| {
            let doc = tokenizer.segment(&text);
            (name, text, doc)
        })
        .collect()
}

fn units<'a>(text: &'a str, doc: &Document) -> Vec<(UnitKind, &'a str)> {
    doc.units()
        .iter()
        .map(|u| (u.kind, &text[u.span.clone()]))
        .collect()
}

/// Every unit that is not body, per file, in order.
#[test]
fn noise_lines_and_titles() {
    use UnitKind::*;
    let expected: &[&[(UnitKind, &str)]] = &[
        &[
            (Boilerplate, "in , , ,"),
            (
                Headline,
                "US Envoys Head to Moscow as Putin Visits Kursk Troops",
            ),
            (Boilerplate, "Read Time:2 Minute, 9 Second"),
            (
                Boilerplate,
                "See also\u{a0} S&P 500 Forecast: Due to anticipated Fed rate cuts, analysts \
                 predict a 26% increase by 2026.",
            ),
            (Boilerplate, "What do you think?"),
            (
                Boilerplate,
                "UK Poverty Crisis: Parts Worse Off Than Slovenia, Malta",
            ),
        ],
        &[
            (Subheading, "Kremlin acknowledges US discussions"),
            (Subheading, "Calls for US intervention in negotiations"),
        ],
        &[],
        &[(Subheading, "Trump threatens ‘devastating’ things")],
        &[
            (Boilerplate, "Photo credit: www.bbc.com"),
            (
                Headline,
                "US Officials Engage in Ceasefire Discussions with Russia Amid Ongoing Ukraine \
                 Conflict",
            ),
            (Boilerplate, "Source"),
            (Boilerplate, "www.bbc.com"),
        ],
    ];
    let docs = segment_all();
    for ((name, text, doc), expected) in docs.iter().zip(expected) {
        let got: Vec<(UnitKind, &str)> = units(text, doc)
            .into_iter()
            .filter(|&(kind, _)| kind != Body)
            .collect();
        assert_eq!(&got, expected, "{name}");
    }
    let headlines: Vec<Option<&str>> = docs
        .iter()
        .map(|(_, text, doc)| doc.headline().map(|u| &text[u.span.clone()]))
        .collect();
    assert_eq!(
        headlines,
        [
            Some("US Envoys Head to Moscow as Putin Visits Kursk Troops"),
            None,
            None,
            None,
            Some(
                "US Officials Engage in Ceasefire Discussions with Russia Amid Ongoing Ukraine \
                 Conflict"
            ),
        ]
    );
}

/// Sentences whose boundaries naive splitters get wrong, each a unit.
#[test]
fn body_sentences() {
    let docs = segment_all();
    let body = |file: usize| -> Vec<&str> {
        let (_, text, doc) = &docs[file];
        doc.body().map(|u| &text[u.span.clone()]).collect()
    };
    let expect = [
        // "U.S." opening and inside sentences, and before a name.
        (
            4,
            "U.S. officials are set to visit Russia to discuss the possibility of a ceasefire \
             in Ukraine, as indicated by President Donald Trump.",
        ),
        (
            4,
            "Reports suggest that Steve Witkoff, the U.S. envoy to the Middle East, will also \
             be part of the upcoming negotiations in Moscow following discussions in Jeddah.",
        ),
        // A sentence ending inside a quotation ends after the closing quote,
        // and the next one starts without a stray quote.
        (
            1,
            "Kremlin spokesperson Dmitry Peskov confirmed the US negotiators’ journey, stating, \
             “It’s true that [US] negotiators are en route and it’s true that contacts are \
             planned. Let’s not get ahead of ourselves, we’ll tell you about them later.”",
        ),
        (
            1,
            "The timing of this visit is notable, as the Russian military has recently claimed \
             the recapture of Sudzha, a strategic town in the Kursk region that Ukraine seized \
             last year during a surprise offensive.",
        ),
        // A quotation followed by its attribution is one unit.
        (
            1,
            "“We urge the Russians to sign on to this plan. This is the closest we have been \
             to peace in this war,” said Press Secretary Karoline Leavitt.",
        ),
        (3, "“But a positive message means nothing,” Trump said."),
        (3, "“This is a serious situation.”"),
        // A line without blank lines around it is still its own paragraph.
        (
            3,
            "US President Donald Trump said negotiators were on their way to Russia to present \
             a ceasefire proposal backed by Ukraine.",
        ),
    ];
    for (file, sentence) in expect {
        assert!(
            body(file).contains(&sentence),
            "{}: no body unit {sentence:?} in {:#?}",
            docs[file].0,
            body(file)
        );
    }
    for (name, text, doc) in &docs {
        for unit in doc.body() {
            let s = &text[unit.span.clone()];
            assert!(
                !s.starts_with(['”', '’', ')', ',', '.']) && !s.starts_with(char::is_lowercase),
                "{name}: {s:?} starts mid-sentence"
            );
            assert!(!s.ends_with("U.S."), "{name}: {s:?} split after U.S.");
        }
    }
    let count: Vec<usize> = docs.iter().map(|(_, _, doc)| doc.body().count()).collect();
    assert_eq!(count, [17, 22, 16, 20, 21]);
}

/// Spans of units and tokens are exact, and units cover the text.
#[test]
fn spans_are_exact() {
    for (name, text, doc) in segment_all() {
        crate::properties::check_document(&text, &doc).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// Repetition across the five reports finds nothing more to mark: they
/// share no navigation, and no body sentence may be lost.
#[test]
fn repetition_keeps_the_corpus() {
    let docs = segment_all();
    let texts: Vec<&str> = docs.iter().map(|(_, text, _)| text.as_str()).collect();
    let mut marked: Vec<Document> = docs.iter().map(|(_, _, doc)| doc.clone()).collect();
    mark_repeated_boilerplate(&mut marked, &texts);
    for ((name, _, doc), after) in docs.iter().zip(&marked) {
        assert_eq!(doc, after, "{name}");
    }
    // Two copies of a report: their sentences and headline stay.
    let copies = [texts[0], texts[0]];
    let tokenizer = Tokenizer::default();
    let mut twice: Vec<Document> = copies.iter().map(|t| tokenizer.segment(t)).collect();
    mark_repeated_boilerplate(&mut twice, &copies);
    assert_eq!(twice[0], docs[0].2);
}
