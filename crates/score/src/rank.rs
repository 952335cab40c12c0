//! Ranking sentences: the scorer trait and TextRank.

use ndarray::Array2;

use crate::set::SentenceSet;
use crate::tfidf::TfIdf;

/// Scores of every sentence of a [`SentenceSet`], aligned with its order.
#[derive(Clone, Debug, PartialEq)]
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

    /// Iterations used by an iterative method (0 for direct ones).
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// Whether an iterative method reached its tolerance.
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
pub trait SentenceScorer {
    /// Scores every sentence of `set`.
    fn score(&self, set: &SentenceSet) -> Scores;
}

/// TextRank (Mihalcea & Tarau 2004): weighted PageRank over the graph whose
/// edges are the TF-IDF cosine similarities between sentences.
#[derive(Clone, Debug)]
pub struct TextRank {
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
    weighting: TfIdf,
}

impl Default for TextRank {
    fn default() -> TextRank {
        TextRank {
            damping: 0.85,
            tolerance: 1e-10,
            max_iterations: 200,
            weighting: TfIdf::new(),
        }
    }
}

impl TextRank {
    /// The damping factor `d` (default 0.85, as in PageRank).
    pub fn damping(mut self, damping: f64) -> TextRank {
        self.damping = damping.clamp(0.0, 1.0);
        self
    }

    /// Stop when the L1 change of the scores falls below this (default 1e-10).
    pub fn tolerance(mut self, tolerance: f64) -> TextRank {
        self.tolerance = tolerance;
        self
    }

    /// Stop after this many iterations at the most (default 200).
    pub fn max_iterations(mut self, max_iterations: usize) -> TextRank {
        self.max_iterations = max_iterations;
        self
    }

    /// The TF-IDF weighting of the similarity graph.
    pub fn weighting(mut self, weighting: TfIdf) -> TextRank {
        self.weighting = weighting;
        self
    }
}

impl SentenceScorer for TextRank {
    fn score(&self, set: &SentenceSet) -> Scores {
        let n = set.len();
        if n == 0 {
            return Scores::new(Vec::new());
        }
        let model = self.weighting.model(set);
        let mut weights = Array2::<f64>::zeros((n, n));
        for i in 0..n {
            for j in i + 1..n {
                let w = model.cosine(i, j);
                weights[[i, j]] = w;
                weights[[j, i]] = w;
            }
        }
        pagerank(&weights, self.damping, self.tolerance, self.max_iterations)
    }
}

/// Weighted PageRank by power iteration. A node without out-edges spreads
/// its score evenly over all nodes, so scores always sum to 1.
pub(crate) fn pagerank(
    weights: &Array2<f64>,
    damping: f64,
    tolerance: f64,
    max_iter: usize,
) -> Scores {
    let n = weights.nrows();
    let out: Vec<f64> = weights.rows().into_iter().map(|r| r.sum()).collect();
    let nf = n as f64;
    let mut scores = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < max_iter {
        iterations += 1;
        let dangling: f64 = (0..n).filter(|&j| out[j] == 0.0).map(|j| scores[j]).sum();
        for (i, slot) in next.iter_mut().enumerate() {
            let mut sum = dangling / nf;
            for j in 0..n {
                let w = weights[[j, i]];
                if w != 0.0 {
                    sum += w / out[j] * scores[j];
                }
            }
            *slot = (1.0 - damping) / nf + damping * sum;
        }
        let delta: f64 = scores.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut scores, &mut next);
        if delta < tolerance {
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

    #[test]
    fn empty_and_single() {
        assert!(
            TextRank::default()
                .score(&SentenceSet::new())
                .values()
                .is_empty()
        );
        let mut set = SentenceSet::new();
        set.push(0, ["alone"]);
        let s = TextRank::default().score(&set);
        assert!((s.values()[0] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn symmetric_star_ranks_the_hub_first() {
        let mut set = SentenceSet::new();
        set.push(0, ["a", "b", "c"]);
        set.push(0, ["a", "x"]);
        set.push(1, ["b", "y"]);
        set.push(1, ["c", "z"]);
        let s = TextRank::default().score(&set);
        assert_eq!(s.ranking()[0], 0);
        let total: f64 = s.values().iter().sum();
        assert!((total - 1.0).abs() < 1e-9);
        // The three leaves are symmetric; ties keep input order.
        assert_eq!(s.ranking(), [0, 1, 2, 3]);
    }
}
