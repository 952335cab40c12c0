//! Coverage + diversity (Lin & Bilmes 2011): a monotone submodular objective
//! maximised greedily with cost scaling.
//!
//! `F(S) = L(S) + λ_R · R(S)` where
//!
//! - coverage `L(S) = Σ_i min(C_i(S), α · C_i(V))`, `C_i(S) = Σ_{j∈S} w_ij`:
//!   every sentence of the input is "covered" by the chosen sentences similar
//!   to it, up to a saturation point, so covering one fact ten times earns
//!   little more than covering it once;
//! - diversity `R(S) = Σ_k sqrt(Σ_{j ∈ P_k ∩ S} r_j)` over a partition `P` of
//!   the sentences into clusters of similar content: a second sentence from
//!   an already represented cluster earns less than the first from a new one;
//!   `r_j` is sentence `j`'s centrality from the chosen algorithm, scaled to
//!   the paper's singleton reward `(1/N) Σ_i w_ij` on average.
//!
//! Greedy picks the sentence maximising `ΔF / cost^r` (cost in words or
//! bytes for such budgets, 1 for sentence budgets). The constants
//! (`Tuning::coverage_*`) are the paper's DUC settings (`λ_R = 6`,
//! `K = N/5` clusters, `r = 0.3`) except the saturation, `α = 50/N` instead
//! of the paper's `5/N` (measured: `docs/quality.md`).

use crate::model::{Analysis, Sentence};
use crate::objective::Objective;
use crate::tuning::Tuning;

/// What a sentence costs against the budget.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cost {
    Sentences,
    Words,
    Bytes,
}

impl Cost {
    /// The cost of sentence `s`: 1, or its words or bytes (at least 1).
    pub(crate) fn of(self, s: &Sentence) -> f64 {
        match self {
            Cost::Sentences => 1.0,
            Cost::Words => s.words.max(1) as f64,
            Cost::Bytes => s.span.len().max(1) as f64,
        }
    }
}

pub(crate) struct Coverage<'a> {
    analysis: &'a Analysis,
    /// Sparse similarity rows: `rows[i]` holds `(j, w_ij)` with `w_ij > 0`,
    /// the diagonal included.
    rows: Vec<Vec<(u32, f64)>>,
    /// `α · C_i(V)` per sentence.
    cap: Vec<f64>,
    /// `C_i(S)` per sentence.
    covered: Vec<f64>,
    cluster: Vec<usize>,
    /// `Σ_{j ∈ P_k ∩ S} r_j` per cluster.
    cluster_reward: Vec<f64>,
    reward: Vec<f64>,
    cost: Cost,
    diversity_weight: f64,
    cost_exponent: f64,
}

impl<'a> Coverage<'a> {
    pub(crate) fn new(analysis: &'a Analysis, cost: Cost, tuning: &Tuning) -> Coverage<'a> {
        let n = analysis.sentences.len();
        let rows = similarity_rows(analysis);
        let totals: Vec<f64> = rows
            .iter()
            .map(|r| r.iter().map(|&(_, w)| w).sum())
            .collect();
        let alpha = tuning.coverage_saturation / n.max(1) as f64;
        let cap = totals.iter().map(|t| alpha * t).collect();
        // Singleton rewards: centrality rescaled to the paper's mean degree.
        let mean_degree = totals.iter().sum::<f64>() / (n.max(1) as f64).powi(2);
        let mean_centrality = analysis.centrality.iter().sum::<f64>() / n.max(1) as f64;
        let scale = if mean_centrality > 0.0 {
            mean_degree / mean_centrality
        } else {
            0.0
        };
        let reward = analysis.centrality.iter().map(|c| c * scale).collect();
        let k = n.div_ceil(tuning.coverage_cluster_size.max(1)).max(1);
        let cluster = kmeans(analysis, k, tuning.coverage_kmeans_rounds);
        Coverage {
            analysis,
            rows,
            cap,
            covered: vec![0.0; n],
            cluster,
            cluster_reward: vec![0.0; k],
            reward,
            cost,
            diversity_weight: tuning.coverage_diversity,
            cost_exponent: tuning.coverage_cost_exponent,
        }
    }
}

impl Objective for Coverage<'_> {
    fn value(&self, i: usize) -> f64 {
        let coverage: f64 = self.rows[i]
            .iter()
            .map(|&(j, w)| {
                let j = j as usize;
                let now = self.covered[j].min(self.cap[j]);
                (self.covered[j] + w).min(self.cap[j]) - now
            })
            .sum();
        let before = self.cluster_reward[self.cluster[i]];
        let diversity = (before + self.reward[i]).sqrt() - before.sqrt();
        let gain = coverage + self.diversity_weight * diversity;
        gain / self
            .cost
            .of(&self.analysis.sentences[i])
            .powf(self.cost_exponent)
    }

    fn choose(&mut self, i: usize) {
        for &(j, w) in &self.rows[i] {
            self.covered[j as usize] += w;
        }
        self.cluster_reward[self.cluster[i]] += self.reward[i];
    }
}

/// The non-zero similarities of every sentence with every other (itself
/// included), each row in increasing order of the other sentence.
fn similarity_rows(analysis: &Analysis) -> Vec<Vec<(u32, f64)>> {
    let mut searcher = analysis.index.searcher();
    (0..analysis.sentences.len())
        .map(|i| {
            searcher
                .cosines(analysis.model.vector(i))
                .iter()
                .copied()
                .filter(|&(_, w)| w > 0.0)
                .collect()
        })
        .collect()
}

/// A deterministic k-means partition of the sentences over their TF-IDF
/// vectors (spherical: cosine to unnormalised centroids). Seeds are chosen
/// farthest-first from the most central sentence; ties go to lower indices.
fn kmeans(analysis: &Analysis, k: usize, rounds: usize) -> Vec<usize> {
    let n = analysis.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let model = &analysis.model;
    let k = k.min(n);
    let first = (0..n)
        .max_by(|&a, &b| {
            analysis.centrality[a]
                .total_cmp(&analysis.centrality[b])
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let mut seeds = vec![first];
    let mut nearest: Vec<f64> = (0..n).map(|i| model.cosine(i, first)).collect();
    while seeds.len() < k {
        let next = (0..n)
            .min_by(|&a, &b| nearest[a].total_cmp(&nearest[b]).then(a.cmp(&b)))
            .unwrap_or(0);
        seeds.push(next);
        for (i, m) in nearest.iter_mut().enumerate() {
            *m = m.max(model.cosine(i, next));
        }
    }
    let mut centroids: Vec<Vec<(u32, f64)>> =
        seeds.iter().map(|&s| model.vector(s).to_vec()).collect();
    let mut assignment = vec![0usize; n];
    for _ in 0..rounds {
        let mut changed = false;
        for (i, slot) in assignment.iter_mut().enumerate() {
            let best = (0..centroids.len())
                .map(|c| (c, model.cosine_with(i, &centroids[c])))
                .fold((0, f64::NEG_INFINITY), |b, x| if x.1 > b.1 { x } else { b })
                .0;
            changed |= *slot != best;
            *slot = best;
        }
        if !changed {
            break;
        }
        let mut sums: Vec<std::collections::BTreeMap<u32, f64>> =
            vec![Default::default(); centroids.len()];
        for (i, &c) in assignment.iter().enumerate() {
            for &(t, w) in model.vector(i) {
                *sums[c].entry(t).or_insert(0.0) += w;
            }
        }
        for (c, sum) in sums.into_iter().enumerate() {
            if !sum.is_empty() {
                centroids[c] = sum.into_iter().collect();
            }
        }
    }
    assignment
}
