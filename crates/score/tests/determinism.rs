//! The same bits regardless of thread count.

use multisum_score::{LexRank, Pruning, Scores, SentenceScorer, SentenceSet, Strategy, TextRank};

use crate::zipf;

fn in_pool(threads: usize, f: impl FnOnce() -> Scores + Send) -> Scores {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

fn bits(s: &Scores) -> Vec<u64> {
    s.values().iter().map(|x| x.to_bits()).collect()
}

#[test]
fn sparse_scores_are_bitwise_equal_on_1_and_4_threads() {
    let corpus = zipf::corpus(2_500, 5_000, 3);
    let mut set = SentenceSet::new();
    for (i, (doc, _)) in corpus.sentences.iter().enumerate() {
        set.push(*doc, corpus.words(i));
    }
    // Every approximation of the sparse path in play: common terms,
    // shortlists, top-k.
    let pruning = Pruning::new().max_postings(300);
    let scorers: [Box<dyn SentenceScorer + Sync>; 2] = [
        Box::new(
            TextRank::default()
                .strategy(Strategy::Sparse)
                .pruning(pruning),
        ),
        Box::new(
            LexRank::default()
                .continuous()
                .strategy(Strategy::Sparse)
                .pruning(pruning),
        ),
    ];
    for scorer in &scorers {
        let one = in_pool(1, || scorer.score(&set));
        let four = in_pool(4, || scorer.score(&set));
        assert_eq!(one.values().len(), 2_500);
        assert!(one.converged());
        assert_eq!(bits(&one), bits(&four));
        assert_eq!(one.iterations(), four.iterations());
    }
}
