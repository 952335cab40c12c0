//! Parity with an independent implementation: every file under
//! `tests/fixtures/` holds sentences and the scores that
//! `scripts/gen_fixtures.py` computed with numpy and networkx. Each case
//! runs on the dense graph, the sparse graph without pruning, and the
//! sparse graph with default pruning (which prunes nothing at this size).

use std::path::Path;

use multisum_score::{
    Aggregate, Centroid, Idf, IdfScope, LexRank, Pruning, SentenceScorer, SentenceSet, Similarity,
    Strategy, TextRank, Tf, TfIdf, TfIdfScorer,
};
use serde_json::Value;

const TOLERANCE: f64 = 1e-6;

fn weighting(case: &Value) -> TfIdf {
    let tf = match case["tf"].as_str() {
        Some("raw") => Tf::Raw,
        Some("log") => Tf::Log,
        Some("boolean") => Tf::Boolean,
        other => panic!("unknown tf {other:?}"),
    };
    let idf = match case["idf"].as_str() {
        Some("standard") => Idf::Standard,
        Some("smooth") => Idf::Smooth,
        other => panic!("unknown idf {other:?}"),
    };
    let scope = match case["scope"].as_str() {
        Some("sentences") => IdfScope::Sentences,
        Some("documents") => IdfScope::Documents,
        other => panic!("unknown scope {other:?}"),
    };
    TfIdf::new().tf(tf).idf(idf).scope(scope)
}

/// The scorers a case describes: one per graph strategy for graph
/// rankings, one for direct scorers.
fn scorers(case: &Value) -> Vec<(&'static str, Box<dyn SentenceScorer>)> {
    let w = weighting(case);
    let strategies = [
        ("dense", Strategy::Dense, Pruning::none()),
        ("sparse", Strategy::Sparse, Pruning::none()),
        ("sparse-pruned", Strategy::Sparse, Pruning::new()),
    ];
    match case["scorer"].as_str() {
        Some("textrank") => {
            let similarity = match case["similarity"].as_str() {
                Some("cosine") => Similarity::Cosine,
                Some("word_overlap") => Similarity::WordOverlap,
                other => panic!("unknown similarity {other:?}"),
            };
            let base = TextRank::default()
                .weighting(w)
                .similarity(similarity)
                .damping(case["damping"].as_f64().unwrap())
                .tolerance(1e-14)
                .max_iterations(100_000);
            strategies
                .into_iter()
                .map(|(name, s, p)| {
                    let scorer: Box<dyn SentenceScorer> =
                        Box::new(base.clone().strategy(s).pruning(p));
                    (name, scorer)
                })
                .collect()
        }
        Some("lexrank") => {
            let mut base = LexRank::default()
                .weighting(w)
                .damping(case["damping"].as_f64().unwrap())
                .tolerance(1e-14)
                .max_iterations(100_000);
            base = match case["threshold"].as_f64() {
                Some(t) => base.threshold(t),
                None => base.continuous(),
            };
            strategies
                .into_iter()
                .map(|(name, s, p)| {
                    let scorer: Box<dyn SentenceScorer> =
                        Box::new(base.clone().strategy(s).pruning(p));
                    (name, scorer)
                })
                .collect()
        }
        Some("centroid") => {
            let mut c = Centroid::default().weighting(w);
            if let Some(k) = case["top_terms"].as_u64() {
                c = c.top_terms(k as usize);
            }
            vec![("direct", Box::new(c))]
        }
        Some("tfidf") => {
            let aggregate = match case["aggregate"].as_str() {
                Some("sum") => Aggregate::Sum,
                Some("mean") => Aggregate::Mean,
                other => panic!("unknown aggregate {other:?}"),
            };
            let s = TfIdfScorer::default().weighting(w).aggregate(aggregate);
            vec![("direct", Box::new(s))]
        }
        other => panic!("unknown scorer {other:?}"),
    }
}

fn sentence_set(fixture: &Value) -> SentenceSet {
    let mut set = SentenceSet::new();
    for s in fixture["sentences"].as_array().unwrap() {
        let doc = s["document"].as_u64().unwrap() as usize;
        let tokens = s["tokens"].as_array().unwrap();
        set.push(doc, tokens.iter().map(|t| t.as_str().unwrap()));
    }
    set
}

/// Runs every case of one fixture; returns the failures, the number of
/// score vectors compared and the worst difference seen.
fn check(path: &Path) -> (Vec<String>, usize, f64) {
    let text = std::fs::read_to_string(path).unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    let set = sentence_set(&fixture);
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut worst_seen: f64 = 0.0;
    for (k, case) in fixture["cases"].as_array().unwrap().iter().enumerate() {
        let expected: Vec<f64> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        for (strategy, scorer) in scorers(case) {
            let scores = scorer.score(&set);
            compared += 1;
            let got = scores.values();
            let worst = got
                .iter()
                .zip(&expected)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            worst_seen = worst_seen.max(worst);
            if got.len() != expected.len() || worst > TOLERANCE || !scores.converged() {
                failures.push(format!(
                    "{}: case {k} ({strategy}) {case}\n  got      {got:?}\n  \
                     converged {}, worst difference {worst:e}",
                    path.display(),
                    scores.converged(),
                ));
            }
        }
    }
    (failures, compared, worst_seen)
}

#[test]
fn fixtures_match_networkx() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "fixtures missing in {}", dir.display());
    let mut failures = Vec::new();
    let mut compared = 0;
    let mut worst: f64 = 0.0;
    for path in &paths {
        let (f, c, w) = check(path);
        failures.extend(f);
        compared += c;
        worst = worst.max(w);
    }
    println!("{compared} score vectors compared, worst difference {worst:e}");
    assert!(compared > 200, "only {compared} comparisons");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
