//! Ordering by date, per-report language detection, tuning values.

use multisum_assemble::{Budget, Config, Order, Source, Summarizer, Tuning, Verdict};

fn texts(summary: &multisum_assemble::Summary) -> Vec<&str> {
    summary.sentences().iter().map(|s| s.text()).collect()
}

#[test]
fn date_order_puts_the_earliest_reported_fact_first() {
    // In source order the strike comes first (report a opens with it); the
    // talks were reported on an earlier date.
    let sources = [
        Source::new(
            "a",
            "Missiles struck the port of Odesa overnight, local officials reported. \
             Negotiators met in Jeddah to discuss a thirty day truce proposal.",
        )
        .with_date("2025-03-12"),
        Source::new(
            "b",
            "Negotiators gathered in Jeddah to discuss the thirty day truce proposal. \
             Farmers in the region expect a record harvest this autumn season.",
        )
        .with_date("2025-03-11"),
        Source::new(
            "c",
            "Missiles struck the port city of Odesa overnight, officials reported.",
        ),
    ];
    let run = |order| {
        let config = Config::new()
            .budget(Budget::Sentences(2))
            .order(order)
            .lambda(0.9);
        Summarizer::new(config)
            .summarize(&sources)
            .expect("valid input")
    };
    let by_source = run(Order::Source);
    assert!(
        texts(&by_source)[0].starts_with("Missiles struck the port of Odesa"),
        "{by_source:?}"
    );
    let by_date = run(Order::Date);
    let got = texts(&by_date);
    assert_eq!(got.len(), 2);
    assert!(got[0].contains("Jeddah"), "{got:?}");
    assert!(got[1].contains("Odesa"), "{got:?}");
}

#[test]
fn detected_languages_use_each_report_s_own_stopwords() {
    // The last French sentence is made only of French stopwords: a
    // fragment with no content, unless it is read with English stopwords.
    let french = "Les négociateurs américains se rendent à Moscou pour discuter du cessez-le-feu. \
                  Les discussions portent sur une trêve de trente jours en Ukraine. \
                  Il est à nous, et ce sont les leurs aussi.";
    let english = "American negotiators travel to Moscow to discuss the ceasefire. \
                   The talks concern a thirty day truce in Ukraine.";
    let sources = [Source::new("fr", french), Source::new("en", english)];
    let fragment = french.find("Il est").expect("present");
    let verdict = |config: Config| {
        let summary = Summarizer::new(config)
            .summarize(&sources)
            .expect("valid input");
        summary
            .candidates()
            .iter()
            .find(|c| c.source() == 0 && c.span().start == fragment)
            .map(|c| c.verdict().clone())
            .expect("the fragment is a unit")
    };
    assert_ne!(verdict(Config::new()), Verdict::TooShort);
    assert_eq!(
        verdict(Config::new().detect_language(true)),
        Verdict::TooShort
    );
}

/// A weight or threshold that is not a finite number is an error naming
/// it, not a summary of NaN scores.
#[test]
fn non_finite_tuning_is_an_error() {
    let sources = [Source::new(
        "a",
        "Envoys flew to Moscow for ceasefire talks on Tuesday morning.",
    )];
    for (name, set) in [
        (
            "lambda",
            (|t: &mut Tuning| t.lambda = f64::NAN) as fn(&mut Tuning),
        ),
        ("heading_weight", |t| t.heading_weight = f64::INFINITY),
        ("meaning_cosine", |t| t.meaning_cosine = f32::NAN),
    ] {
        let mut tuning = Tuning::default();
        set(&mut tuning);
        let err = Summarizer::new(Config::new().tuning(tuning))
            .summarize(&sources)
            .unwrap_err();
        assert!(err.to_string().contains(name), "{err}");
    }
}
