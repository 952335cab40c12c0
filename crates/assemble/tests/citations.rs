//! Which reports a summary sentence cites: those stating one of its claims
//! with the same numbers and polarity, each with the claim as evidence.
//! (Restatements are pinned by the unit table of `cite.rs` and, on the
//! corpus, by `tests/cli.rs`.)

use multisum_assemble::{Budget, Config, Source, Summarizer, Summary};

fn summary(reports: &[&str], budget: Budget) -> Summary {
    let sources: Vec<Source> = reports
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(format!("r{}", i + 1), *t))
        .collect();
    Summarizer::new(Config::new().budget(budget))
        .summarize(&sources)
        .expect("a summary")
}

/// Summarizes `reports` within `budget`; for each summary sentence, its
/// origin and the reports it cites (1-based), and its text.
fn cited(reports: &[&str], budget: Budget) -> Vec<(usize, Vec<usize>, String)> {
    summary(reports, budget)
        .sentences()
        .iter()
        .map(|s| {
            let reports = s.citations().iter().map(|c| c.source() + 1).collect();
            (s.source() + 1, reports, s.text().to_string())
        })
        .collect()
}

const FILLER: [&str; 3] = [
    "Rain is expected across the northern coast later in the week.",
    "The city council postponed its vote on the new library budget.",
    "A local bakery won a national award for its sourdough bread.",
];

fn report(lines: &[&str], filler: usize) -> String {
    let mut text = lines.join(" ");
    text.push_str("\n\n");
    text.push_str(FILLER[filler % FILLER.len()]);
    text.push('\n');
    text
}

#[test]
fn a_report_giving_another_number_or_the_opposite_is_not_cited() {
    let reports = [
        report(
            &["The submarine sank in the Barents Sea with 118 sailors aboard, the navy said."],
            0,
        ),
        report(
            &["The submarine sank in the Barents Sea with all 118 sailors aboard."],
            1,
        ),
        report(
            &["The submarine sank in the Barents Sea with 116 sailors aboard."],
            2,
        ),
        report(
            &["The submarine did not sink in the Barents Sea with 118 sailors aboard."],
            0,
        ),
    ];
    let reports: Vec<&str> = reports.iter().map(String::as_str).collect();
    let summary = cited(&reports, Budget::Sentences(1));
    let (origin, cites, text) = &summary[0];
    assert!(text.contains("118"), "{text}");
    // The origin and the report that gives the same number, affirmed.
    assert!(*origin <= 2, "{text}");
    assert_eq!(cites, &[1, 2], "{text}");
}

#[test]
fn a_report_stating_one_claim_is_cited_with_that_claim() {
    // The summary sentence makes two claims; report 2 states the first,
    // report 3 the second, report 4 neither (the same places, another fact).
    let first =
        "The storm destroyed the harbour bridge, and the river flooded the fish market on Sunday.";
    let reports = [
        report(&[first], 0),
        report(
            &["On Sunday the storm destroyed the old harbour bridge."],
            1,
        ),
        report(
            &["The swollen river flooded the fish market on Sunday morning."],
            2,
        ),
        report(
            &["The fish market reopened beside the harbour bridge in May."],
            0,
        ),
    ];
    let reports: Vec<&str> = reports.iter().map(String::as_str).collect();
    let summary = summary(&reports, Budget::Words(first.split_whitespace().count()));
    let sentence = &summary.sentences()[0];
    assert_eq!(sentence.text(), first);
    let claims: Vec<(usize, String)> = sentence
        .citations()
        .iter()
        .filter_map(|c| {
            let e = c.evidence()?;
            Some((c.source() + 1, first[e.claim()].to_string()))
        })
        .collect();
    assert_eq!(
        claims,
        [
            (2, "storm destroyed the harbour bridge".to_string()),
            (3, "river flooded the fish market on Sunday".to_string()),
        ],
        "{sentence:#?}"
    );
}
