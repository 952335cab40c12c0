//! Regression tests, named after issues.

use multisum_score::{
    LexRank, Pruning, SentenceScorer, SentenceSet, Similarity, Strategy, TextRank,
};

use crate::zipf;

/// Issue 4: the sparse path, with its default pruning, stays close to the
/// exact dense ranking on a Zipf corpus large enough for pruning to act.
#[test]
fn issue_4_sparse_pruning_stays_close_to_dense() {
    let corpus = zipf::corpus(1_500, 5_000, 7);
    let mut set = SentenceSet::new();
    for (doc, ids) in &corpus.sentences {
        set.push_ids(*doc, ids.iter().copied());
    }
    let pruning = Pruning::new().max_postings(300).top_k(32);
    let dense = TextRank::default().strategy(Strategy::Dense).score(&set);
    let sparse = TextRank::default()
        .strategy(Strategy::Sparse)
        .pruning(pruning)
        .score(&set);
    assert!(dense.converged() && sparse.converged());
    // The top of the ranking is what summaries use: most of the dense
    // top 50 stays in the sparse top 50.
    let top = |r: Vec<usize>| r.into_iter().take(50).collect::<Vec<_>>();
    let (d, s) = (top(dense.ranking()), top(sparse.ranking()));
    let shared = d.iter().filter(|i| s.contains(i)).count();
    assert!(shared >= 35, "only {shared} of the top 50 shared");
    let sum: f64 = sparse.values().iter().sum();
    assert!((sum - 1.0).abs() < 1e-9);
}

/// Issue 4: without pruning, sparse and dense give the same bits, for
/// every graph ranking, on an input with empty, single-token and
/// duplicate sentences.
#[test]
fn issue_4_sparse_without_pruning_is_exact() {
    let corpus = zipf::corpus(300, 400, 11);
    let mut set = SentenceSet::new();
    for (doc, ids) in &corpus.sentences {
        set.push_ids(*doc, ids.iter().copied().take(doc % 4));
    }
    let dense_and_sparse = |s: &dyn Fn(Strategy) -> Box<dyn SentenceScorer>| {
        (
            s(Strategy::Dense).score(&set),
            s(Strategy::Sparse).score(&set),
        )
    };
    let cases: [&dyn Fn(Strategy) -> Box<dyn SentenceScorer>; 4] = [
        &|st| Box::new(TextRank::default().strategy(st).pruning(Pruning::none())),
        &|st| {
            Box::new(
                TextRank::default()
                    .similarity(Similarity::WordOverlap)
                    .strategy(st)
                    .pruning(Pruning::none()),
            )
        },
        &|st| Box::new(LexRank::default().strategy(st).pruning(Pruning::none())),
        &|st| {
            Box::new(
                LexRank::default()
                    .continuous()
                    .strategy(st)
                    .pruning(Pruning::none()),
            )
        },
    ];
    for make in cases {
        let (dense, sparse) = dense_and_sparse(make);
        assert_eq!(dense, sparse);
    }
}
