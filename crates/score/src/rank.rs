//! Ranking sentences: the scorer trait, scores, and the graph rankings
//! TextRank and LexRank.

use crate::graph::{Graph, GraphSpec, Pruning, Similarity, Strategy};
use crate::par;
use crate::set::SentenceSet;
use crate::tfidf::TfIdf;

/// Scores of every sentence of a [`SentenceSet`], aligned with its order.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scores {
    values: Vec<f64>,
    iterations: usize,
    converged: bool,
}

impl Scores {
    /// Scores from plain values, for scorers that do not iterate.
    pub fn new(values: Vec<f64>) -> Scores {
        Scores {
            values,
            iterations: 0,
            converged: true,
        }
    }

    /// One score per sentence, in input order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The scores, in input order, by value.
    pub fn into_values(self) -> Vec<f64> {
        self.values
    }

    /// Iterations used by an iterative method (0 for direct ones).
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// Whether an iterative method reached its tolerance (always true for
    /// direct ones).
    pub fn converged(&self) -> bool {
        self.converged
    }

    /// Sentence indices from best to worst; ties go to the earlier sentence.
    pub fn ranking(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.values.len()).collect();
        order.sort_by(|&a, &b| self.values[b].total_cmp(&self.values[a]).then(a.cmp(&b)));
        order
    }
}

/// Something that scores sentences by importance: higher is better.
///
/// Implement it to plug a scorer of your own in wherever the built-in
/// ones ([`TextRank`], [`LexRank`], [`Centroid`](crate::Centroid),
/// [`TfIdfScorer`](crate::TfIdfScorer)) are accepted. Scoring valid input
/// does not fail: an empty set gets empty scores.
pub trait SentenceScorer {
    /// Scores every sentence of `set`, one value per sentence in input
    /// order.
    fn score(&self, set: &SentenceSet) -> Scores;
}

impl<T: SentenceScorer + ?Sized> SentenceScorer for &T {
    fn score(&self, set: &SentenceSet) -> Scores {
        (**self).score(set)
    }
}

impl<T: SentenceScorer + ?Sized> SentenceScorer for Box<T> {
    fn score(&self, set: &SentenceSet) -> Scores {
        (**self).score(set)
    }
}

/// Power-iteration settings shared by the graph rankings.
#[derive(Clone, Copy, Debug)]
struct Iteration {
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
}

impl Default for Iteration {
    fn default() -> Iteration {
        Iteration {
            damping: 0.85,
            tolerance: 1e-10,
            max_iterations: 200,
        }
    }
}

/// TextRank (Mihalcea & Tarau 2004): weighted PageRank over the graph
/// whose edges are the similarities between distinct sentences.
///
/// The similarity is TF-IDF cosine by default, or the paper's normalised
/// word overlap ([`Similarity::WordOverlap`]). Scores sum to 1. A sentence
/// similar to no other spreads its score evenly over all sentences, as
/// PageRank does for dangling nodes.
///
/// Up to [`DENSE_LIMIT`](crate::DENSE_LIMIT) sentences every pair is
/// compared; above, a sparse graph of the most similar pairs is built
/// (see [`Strategy`] and [`Pruning`]).
#[derive(Clone, Debug, Default)]
pub struct TextRank {
    iteration: Iteration,
    weighting: TfIdf,
    similarity: Similarity,
    strategy: Strategy,
    pruning: Pruning,
}

impl TextRank {
    /// The damping factor `d` (default 0.85, as in PageRank), clamped to
    /// `[0, 1]`.
    pub fn damping(mut self, damping: f64) -> TextRank {
        self.iteration.damping = damping.clamp(0.0, 1.0);
        self
    }

    /// Stop when the L1 change of the scores falls below this (default
    /// 1e-10).
    pub fn tolerance(mut self, tolerance: f64) -> TextRank {
        self.iteration.tolerance = tolerance;
        self
    }

    /// Stop after this many iterations at the most (default 200).
    pub fn max_iterations(mut self, max_iterations: usize) -> TextRank {
        self.iteration.max_iterations = max_iterations;
        self
    }

    /// The TF-IDF weighting of the cosine similarity.
    pub fn weighting(mut self, weighting: TfIdf) -> TextRank {
        self.weighting = weighting;
        self
    }

    /// The similarity between sentences (default [`Similarity::Cosine`]).
    pub fn similarity(mut self, similarity: Similarity) -> TextRank {
        self.similarity = similarity;
        self
    }

    /// Dense or sparse graph (default [`Strategy::Auto`]).
    pub fn strategy(mut self, strategy: Strategy) -> TextRank {
        self.strategy = strategy;
        self
    }

    /// The approximations of the sparse graph.
    pub fn pruning(mut self, pruning: Pruning) -> TextRank {
        self.pruning = pruning;
        self
    }
}

impl SentenceScorer for TextRank {
    fn score(&self, set: &SentenceSet) -> Scores {
        let graph = GraphSpec {
            similarity: self.similarity,
            weighting: self.weighting,
            threshold: 0.0,
            binary: false,
            self_loops: false,
            strategy: self.strategy,
            pruning: self.pruning,
        }
        .build(set);
        pagerank(&graph, self.iteration)
    }
}

/// LexRank (Erkan & Radev 2004): PageRank over the graph of TF-IDF cosine
/// similarities, thresholded or continuous.
///
/// - Thresholded (the default, threshold 0.1): an edge of weight 1 joins
///   sentences whose cosine is above the threshold.
/// - Continuous ([`LexRank::continuous`]): every pair with a positive
///   cosine is joined by an edge weighted by it.
///
/// As in the paper, each sentence is its own neighbour (its cosine with
/// itself is 1), so a sentence with no other neighbour keeps its share
/// rather than spreading it; only a sentence with no weighted term at all
/// is dangling. The paper's `idf-modified-cosine` is the cosine of
/// [`Tf::Raw`](crate::Tf::Raw) vectors; the default weighting here is
/// [`TfIdf::new`]'s, as for the other scorers.
#[derive(Clone, Debug)]
pub struct LexRank {
    iteration: Iteration,
    weighting: TfIdf,
    threshold: Option<f64>,
    strategy: Strategy,
    pruning: Pruning,
}

impl Default for LexRank {
    fn default() -> LexRank {
        LexRank {
            iteration: Iteration::default(),
            weighting: TfIdf::new(),
            threshold: Some(0.1),
            strategy: Strategy::Auto,
            pruning: Pruning::default(),
        }
    }
}

impl LexRank {
    /// Thresholded LexRank: edges of weight 1 where the cosine is strictly
    /// above `threshold` (default: thresholded at 0.1). Undoes
    /// [`LexRank::continuous`].
    pub fn threshold(mut self, threshold: f64) -> LexRank {
        self.threshold = Some(threshold);
        self
    }

    /// Continuous LexRank: edges weighted by the cosine, no threshold.
    /// Undone by [`LexRank::threshold`].
    pub fn continuous(mut self) -> LexRank {
        self.threshold = None;
        self
    }

    /// The damping factor (default 0.85, the paper's jump probability of
    /// 0.15), clamped to `[0, 1]`.
    pub fn damping(mut self, damping: f64) -> LexRank {
        self.iteration.damping = damping.clamp(0.0, 1.0);
        self
    }

    /// Stop when the L1 change of the scores falls below this (default
    /// 1e-10).
    pub fn tolerance(mut self, tolerance: f64) -> LexRank {
        self.iteration.tolerance = tolerance;
        self
    }

    /// Stop after this many iterations at the most (default 200).
    pub fn max_iterations(mut self, max_iterations: usize) -> LexRank {
        self.iteration.max_iterations = max_iterations;
        self
    }

    /// The TF-IDF weighting of the cosine similarity.
    pub fn weighting(mut self, weighting: TfIdf) -> LexRank {
        self.weighting = weighting;
        self
    }

    /// Dense or sparse graph (default [`Strategy::Auto`]).
    pub fn strategy(mut self, strategy: Strategy) -> LexRank {
        self.strategy = strategy;
        self
    }

    /// The approximations of the sparse graph.
    pub fn pruning(mut self, pruning: Pruning) -> LexRank {
        self.pruning = pruning;
        self
    }
}

impl SentenceScorer for LexRank {
    fn score(&self, set: &SentenceSet) -> Scores {
        let graph = GraphSpec {
            similarity: Similarity::Cosine,
            weighting: self.weighting,
            threshold: self.threshold.unwrap_or(0.0),
            binary: self.threshold.is_some(),
            self_loops: true,
            strategy: self.strategy,
            pruning: self.pruning,
        }
        .build(set);
        pagerank(&graph, self.iteration)
    }
}

/// Weighted PageRank by power iteration over a symmetric graph.
///
/// `next[i] = (1 - d) / n + d * (dangling / n + Σ_j w_ij * x[j] / out[j])`,
/// where `dangling` is the score of the nodes without edges: they spread
/// it evenly over all nodes (as networkx does), so scores always sum to 1.
/// The pruned edges of a sparse graph are replaced by a rank-one
/// approximation with the same row sums.
/// Every row is computed on its own, its sum in column order, and the
/// global sums run sequentially: the result is the same for any number of
/// threads.
fn pagerank(graph: &Graph, it: Iteration) -> Scores {
    let n = graph.len();
    if n == 0 {
        return Scores {
            values: Vec::new(),
            iterations: 0,
            converged: true,
        };
    }
    let out: Vec<f64> = (0..n).map(|i| graph.row(i).1.iter().sum()).collect();
    // The pruned edges of a sparse graph, as a rank-one matrix
    // `r r^T / Σr` with the same row sums `r` (the residuals): a node's
    // pruned share goes to every node in proportion to its own pruned
    // weight, as it would, on average, to many weak neighbours.
    let residual: Vec<f64> = (0..n).map(|i| graph.residual(i)).collect();
    let residual_sum: f64 = residual.iter().sum();
    let total: Vec<f64> = out.iter().zip(&residual).map(|(o, r)| o + r).collect();
    let nf = n as f64;
    let d = it.damping;
    let mut scores = vec![1.0 / nf; n];
    let mut share = vec![0.0; n];
    let mut next = vec![0.0; n];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < it.max_iterations {
        iterations += 1;
        let mut dangling = 0.0;
        let mut pruned_flow = 0.0;
        for j in 0..n {
            if total[j] > 0.0 {
                share[j] = scores[j] / total[j];
                pruned_flow += share[j] * residual[j];
            } else {
                share[j] = 0.0;
                dangling += scores[j];
            }
        }
        let per_residual = if residual_sum > 0.0 {
            pruned_flow / residual_sum
        } else {
            0.0
        };
        let base = (1.0 - d) / nf + d * dangling / nf;
        par::fill(&mut next, |i| {
            let (columns, weights) = graph.row(i);
            let mut sum = 0.0;
            for (&j, &w) in columns.iter().zip(weights) {
                sum += w * share[j as usize];
            }
            if residual_sum > 0.0 {
                sum += residual[i] * per_residual;
            }
            base + d * sum
        });
        let delta: f64 = scores.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut scores, &mut next);
        if delta < it.tolerance {
            converged = true;
            break;
        }
    }
    Scores {
        values: scores,
        iterations,
        converged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(sentences: &[&str]) -> SentenceSet {
        let mut set = SentenceSet::new();
        for (i, s) in sentences.iter().enumerate() {
            set.push(i, s.split_whitespace());
        }
        set
    }

    #[test]
    fn empty_and_single() {
        let empty = SentenceSet::new();
        assert!(TextRank::default().score(&empty).values().is_empty());
        assert!(LexRank::default().score(&empty).values().is_empty());
        let mut set = SentenceSet::new();
        set.push(0, ["alone"]);
        for s in [
            TextRank::default().score(&set),
            LexRank::default().score(&set),
        ] {
            assert!((s.values()[0] - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn symmetric_star_ranks_the_hub_first() {
        let s = set(&["a b c", "a x", "b y", "c z"]);
        let scores = TextRank::default().score(&s);
        let total: f64 = scores.values().iter().sum();
        assert!((total - 1.0).abs() < 1e-9);
        // The three leaves are symmetric; ties keep input order.
        assert_eq!(scores.ranking(), [0, 1, 2, 3]);
    }

    #[test]
    fn two_node_pagerank_by_hand() {
        // Two connected sentences and one isolated: the isolated one is
        // dangling. With x = (a, a, c): a = 0.05 + 0.85 (c/3 + a),
        // c = 0.05 + 0.85 c / 3, and 2a + c = 1.
        let s = set(&["p q", "p q", "z"]);
        let scores = TextRank::default().tolerance(1e-15).score(&s);
        let c = 0.05 / (1.0 - 0.85 / 3.0);
        let a = (1.0 - c) / 2.0;
        assert!(scores.converged());
        assert!((scores.values()[0] - a).abs() < 1e-12);
        assert!((scores.values()[2] - c).abs() < 1e-12);
    }

    #[test]
    fn lexrank_threshold_cuts_weak_edges() {
        // 0-1 share rare terms; 2 shares one word with 1 only.
        let s = set(&[
            "ceasefire talks moscow envoys",
            "ceasefire talks moscow today",
            "today markets fell sharply again",
        ]);
        let weighting = TfIdf::new();
        let m = weighting.model(&s);
        assert!(m.cosine(1, 2) > 0.0 && m.cosine(1, 2) < 0.3);
        let low = LexRank::default().threshold(0.0).score(&s);
        let high = LexRank::default().threshold(0.3).score(&s);
        // Above the weak edge, sentence 2 is on its own with its self-loop:
        // it keeps (1 - d) / 3 + d * x, so x = 1/3, like everyone else.
        assert!(high.values().iter().all(|&x| (x - 1.0 / 3.0).abs() < 1e-9));
        assert_eq!(low.ranking()[0], 1);
        let continuous = LexRank::default().continuous().score(&s);
        assert_eq!(continuous.ranking(), [1, 0, 2]);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn scores_round_trip_through_json() {
        let scores = Scores::new(vec![0.25, 0.75]);
        let json = serde_json::to_string(&scores).unwrap();
        assert_eq!(
            json,
            r#"{"values":[0.25,0.75],"iterations":0,"converged":true}"#
        );
        assert_eq!(serde_json::from_str::<Scores>(&json).unwrap(), scores);
    }

    #[test]
    fn non_convergence_is_reported() {
        let s = set(&["a b", "a c", "c d", "d e"]);
        let scores = TextRank::default().max_iterations(2).score(&s);
        assert!(!scores.converged());
        assert_eq!(scores.iterations(), 2);
    }

    #[test]
    fn dense_and_sparse_agree_bitwise_without_pruning() {
        let s = set(&["a b c", "a d", "d e f", "g", "", "b c a", "e e f", "f g"]);
        for similarity in [Similarity::Cosine, Similarity::WordOverlap] {
            let tr = TextRank::default().similarity(similarity);
            let dense = tr.clone().strategy(Strategy::Dense).score(&s);
            let sparse = tr
                .strategy(Strategy::Sparse)
                .pruning(Pruning::none())
                .score(&s);
            assert_eq!(dense, sparse);
        }
        let lr = LexRank::default().continuous();
        let dense = lr.clone().strategy(Strategy::Dense).score(&s);
        let sparse = lr.strategy(Strategy::Sparse).score(&s);
        assert_eq!(dense, sparse);
    }
}
