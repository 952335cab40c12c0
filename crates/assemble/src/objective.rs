//! What greedy selection maximises: the objective trait and MMR.

use crate::model::Analysis;

/// What greedy selection maximises, one sentence at a time.
pub(crate) trait Objective {
    /// The value of adding sentence `i` to what is chosen now.
    fn value(&self, i: usize) -> f64;
    /// Records that sentence `i` was chosen.
    fn choose(&mut self, i: usize);
}

/// Maximal Marginal Relevance (Carbonell & Goldstein 1998): the value of a
/// sentence is `λ·centrality − (1−λ)·(its highest similarity to the chosen)`.
pub(crate) struct Mmr<'a> {
    analysis: &'a Analysis,
    lambda: f64,
    /// The highest similarity of each sentence to anything chosen so far.
    max_sim: Vec<f64>,
}

impl<'a> Mmr<'a> {
    pub(crate) fn new(analysis: &'a Analysis, lambda: f64) -> Mmr<'a> {
        Mmr {
            analysis,
            lambda,
            max_sim: vec![0.0; analysis.sentences.len()],
        }
    }
}

impl Objective for Mmr<'_> {
    fn value(&self, i: usize) -> f64 {
        self.lambda * self.analysis.centrality[i] - (1.0 - self.lambda) * self.max_sim[i]
    }

    fn choose(&mut self, i: usize) {
        for (j, m) in self.max_sim.iter_mut().enumerate() {
            *m = m.max(self.analysis.similarity(i, j));
        }
    }
}
