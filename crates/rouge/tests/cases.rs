//! Small hand-checked cases (each also checked against ROUGE-1.5.5.pl).
//!
//! A case: configuration, peer sentences, model summaries (sentences split
//! by `|`), metric, and the expected recall and precision as fractions.

use multisum_rouge::{Config, Limit, Metric, Models, Rouge, Summary};

const SU4: Metric = Metric::ROUGE_SU4;

fn summary(text: &str) -> Summary {
    Summary::new(text.split('|'))
}

#[track_caller]
fn check(config: Config, peer: &str, models: &[&str], metric: Metric, recall: f64, precision: f64) {
    let config = config.metrics([metric]);
    let rouge = Rouge::new(config.clone()).unwrap();
    let models: Vec<Summary> = models.iter().map(|m| summary(m)).collect();
    let got = rouge
        .score(&summary(peer), &models)
        .unwrap()
        .get(metric)
        .unwrap();
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert!(
        close(got.recall(), recall) && close(got.precision(), precision),
        "{metric} {config:?}\n peer {peer:?} models {models:?}\n got R {} P {}, want R {recall} P {precision}",
        got.recall(),
        got.precision(),
    );
    let f = if recall + precision > 0.0 {
        2.0 * recall * precision / (recall + precision)
    } else {
        0.0
    };
    assert!(close(got.f(), f), "{metric} F {} want {f}", got.f());
}

#[test]
fn single_model() {
    let c = Config::new;
    let (p, m) = ("The cat sat on the mat.", ["The cat lay on the mat."]);
    check(c(), p, &m, Metric::ROUGE_1, 5.0 / 6.0, 5.0 / 6.0);
    check(c(), p, &m, Metric::ROUGE_2, 3.0 / 5.0, 3.0 / 5.0);
    check(c(), p, &m, Metric::ROUGE_L, 5.0 / 6.0, 5.0 / 6.0);
    // 15 pairs + 5 unigrams (not the last token) each; 10 + 4 match.
    check(c(), p, &m, SU4, 14.0 / 20.0, 14.0 / 20.0);
    check(c(), p, &m, Metric::N(3), 1.0 / 4.0, 1.0 / 4.0);
    // Pairs at most one word apart: 9 each, 5 match.
    let s1 = Metric::Skip {
        max_gap: Some(1),
        unigrams: false,
    };
    check(c(), p, &m, s1, 5.0 / 9.0, 5.0 / 9.0);
    // Clipping: "the the the" matches "the" once.
    check(
        c(),
        "the the the",
        &["the cat"],
        Metric::ROUGE_1,
        1.0 / 2.0,
        1.0 / 3.0,
    );
    // Punctuation, case and hyphens split words; non-ASCII letters too.
    check(
        c(),
        "U.S.-led café",
        &["us led caf"],
        Metric::ROUGE_1,
        2.0 / 3.0,
        2.0 / 4.0,
    );
    check(c(), "", &["a b"], Metric::ROUGE_1, 0.0, 0.0);
}

#[test]
fn summary_level_lcs() {
    // Lin (2004), section 3.2: union LCS of w1 w2 w3 w5 with r = w1..w5.
    let m = ["w1 w2 w3 w4 w5"];
    let p = "w1 w2 w6 w7 w8|w1 w3 w8 w9 w5";
    check(Config::new(), p, &m, Metric::ROUGE_L, 4.0 / 5.0, 4.0 / 10.0);
    // Sentence order in the peer does not matter, in the model it does.
    check(
        Config::new(),
        "c d|a b",
        &["a b c d"],
        Metric::ROUGE_L,
        1.0,
        1.0,
    );
    check(
        Config::new(),
        "a b c d",
        &["c d|a b"],
        Metric::ROUGE_L,
        1.0,
        1.0,
    );
    check(
        Config::new(),
        "d c b a",
        &["a b c d"],
        Metric::ROUGE_L,
        1.0 / 4.0,
        1.0 / 4.0,
    );
}

#[test]
fn several_models() {
    let (p, m) = ("a b", ["a b c d", "a"]);
    // Model average: (2 + 1) / (4 + 1); precision 3 / (2 + 2).
    check(Config::new(), p, &m, Metric::ROUGE_1, 3.0 / 5.0, 3.0 / 4.0);
    // Best model: the one with the best recall.
    let best = Config::new().models(Models::Best);
    check(best, p, &m, Metric::ROUGE_1, 1.0, 1.0 / 2.0);
    // Jackknife: mean of (1 / 1, 1 / 2) and of (2 / 4, 2 / 2).
    let jk = Config::new().jackknife(true);
    let rouge = Rouge::new(jk.clone()).unwrap();
    let s = rouge
        .score(&summary(p), &[summary(m[0]), summary(m[1])])
        .unwrap();
    let r1 = s.get(Metric::ROUGE_1).unwrap();
    assert_eq!((r1.recall(), r1.precision()), (0.75, 0.75));
    assert!((r1.f() - (2.0 / 3.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
    // One model: jackknifing changes nothing.
    check(jk, p, &m[..1], Metric::ROUGE_1, 2.0 / 4.0, 2.0 / 2.0);
}

#[test]
fn stemming_and_stopwords() {
    let (p, m) = ("The ponies were running", ["A pony ran"]);
    check(Config::new(), p, &m, Metric::ROUGE_1, 0.0, 0.0);
    // poni = poni; "ran" has three letters, so it is not stemmed to "run".
    check(
        Config::new().stem(true),
        p,
        &m,
        Metric::ROUGE_1,
        1.0 / 3.0,
        1.0 / 4.0,
    );
    let (p, m) = ("The cat is on the mat", ["A cat was on a mat"]);
    check(Config::new(), p, &m, Metric::ROUGE_1, 3.0 / 6.0, 3.0 / 6.0);
    check(
        Config::new().remove_stopwords(true),
        p,
        &m,
        Metric::ROUGE_1,
        1.0,
        1.0,
    );
}

#[test]
fn length_limits() {
    // Peer and models are both cut; words are counted before tokenising.
    let words = Config::new().limit(Limit::Words(3));
    check(
        words.clone(),
        "one two three four",
        &["x y four"],
        Metric::ROUGE_1,
        0.0,
        0.0,
    );
    check(
        words.clone(),
        "a-b c d e",
        &["a b c d e"],
        Metric::ROUGE_1,
        3.0 / 3.0,
        3.0 / 4.0,
    );
    check(
        words,
        "a b|c d",
        &["a b c d"],
        Metric::ROUGE_1,
        3.0 / 3.0,
        3.0 / 3.0,
    );
    // Bytes: 6 of "abc de" then nothing of the next sentence ("fg").
    let bytes = Config::new().limit(Limit::Bytes(6));
    check(
        bytes.clone(),
        "abc de|fg",
        &["abc de fg"],
        Metric::ROUGE_1,
        2.0 / 2.0,
        2.0 / 2.0,
    );
    // 3 bytes of "abc", then 3 of "defg hi": "def".
    check(
        bytes,
        "abc de fg",
        &["abc|defg hi"],
        Metric::ROUGE_1,
        1.0 / 2.0,
        1.0 / 2.0,
    );
}

#[test]
fn errors() {
    assert!(Rouge::new(Config::new().alpha(1.5)).is_err());
    assert!(Rouge::new(Config::new().metrics([Metric::N(0)])).is_err());
    let rouge = Rouge::new(Config::new()).unwrap();
    let err = rouge.score(&summary("a"), &[]).unwrap_err();
    assert_eq!(err.to_string(), "no reference summaries to score against");
}

#[test]
fn from_lines_cleans_like_rouge_wrappers() {
    let s = Summary::from_lines("  First\u{a0}line.  \n\n\tSecond   line.\r\n  \n");
    assert_eq!(s.sentences(), ["First line.", "Second line."]);
}
