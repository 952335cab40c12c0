//! Which reports a summary sentence cites: the same content in other words
//! through a quotation or a third report, and never one fact twice.

use multisum_assemble::{Budget, Config, Source, Summarizer, Summary, Verdict};

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
fn a_report_that_only_carries_the_quotation_is_cited() {
    // Report 3 says in its own words what the governor's quotation in
    // report 1 says, and shares nothing with the paraphrase before it.
    let paraphrase =
        "Officials warned that closing the steel plants would devastate the regional economy.";
    let reports = [
        report(
            &[
                paraphrase,
                "“Thousands of jobs will vanish from these valley towns,” the governor said.",
            ],
            0,
        ),
        report(
            &[
                "Officials warned on Monday that closing the steel plants would devastate the regional economy.",
            ],
            1,
        ),
        report(
            &["The governor said thousands of jobs could vanish from the valley towns."],
            2,
        ),
    ];
    let reports: Vec<&str> = reports.iter().map(String::as_str).collect();
    let summary = cited(&reports, Budget::Sentences(1));
    assert_eq!(summary.len(), 1);
    let (origin, cites, text) = &summary[0];
    assert!(text.contains("devastate the regional economy"), "{text}");
    assert_eq!(cites, &[1, 2, 3], "{text}");
    // Without the quotation report 3 is not cited: it is what links them.
    let without = reports[0].replacen(
        "“Thousands of jobs will vanish from these valley towns,” the governor said.",
        "",
        1,
    );
    let summary = cited(&[&without, reports[1], reports[2]], Budget::Sentences(1));
    assert_eq!(summary[0].0, *origin);
    assert_eq!(summary[0].1, vec![1, 2], "{:?}", summary[0].2);
}

#[test]
fn a_restatement_of_a_restatement_is_cited() {
    // 1 and 2 agree, 2 and 3 agree, 1 and 3 share too little: report 1's
    // sentence, the only one within the budget, cites report 3 through
    // report 2.
    let first = "The storm destroyed the harbour bridge and flooded the fish market on Sunday.";
    let reports = [
        report(&[first], 0),
        report(
            &[
                "On Sunday the storm destroyed the harbour bridge, flooding the market and closing the port to ferries.",
            ],
            1,
        ),
        report(
            &["Ferries could not use the port after the storm closed it and flooded the market."],
            2,
        ),
    ];
    let reports: Vec<&str> = reports.iter().map(String::as_str).collect();
    let budget = Budget::Words(first.split_whitespace().count());
    let summary = cited(&reports, budget);
    assert_eq!(summary[0].0, 1, "{summary:?}");
    assert_eq!(summary[0].1, vec![1, 2, 3], "{:?}", summary[0].2);
    // Alone, 1 and 3 do not agree.
    let pair = cited(&[reports[0], reports[2]], budget);
    assert_eq!(pair[0].1, vec![1], "{pair:?}");
}

#[test]
fn a_fact_said_in_other_words_is_said_once() {
    // Report 1's second sentence repeats the trip in other words and adds
    // the minister's visit; reports 2 and 3 state the trip the way both
    // trip sentences are matched. It must not join the trip in the summary.
    let reports = [
        "Negotiators flew to Geneva for the water treaty talks with the delegation from the south.\n\n\
         In a surprise move, the envoys are travelling to Geneva for crucial treaty talks, as the minister toured the dam.\n",
        "The envoys are travelling to Geneva for the water treaty talks.\n\n\
         The minister toured the dam on Friday, meeting engineers.\n",
        "Negotiators are on their way to Geneva for treaty talks on water.\n\n\
         The minister visited the dam and met the engineers on Friday.\n",
    ];
    let summary = summary(&reports, Budget::Sentences(3));
    let trips = summary
        .sentences()
        .iter()
        .filter(|s| s.text().contains("Geneva"))
        .count();
    assert_eq!(trips, 1, "{:#?}", summary.sentences());
    assert!(
        summary
            .candidates()
            .iter()
            .any(|c| matches!(c.verdict(), Verdict::Restates { .. })),
        "{:#?}",
        summary.candidates()
    );
}
