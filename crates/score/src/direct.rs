//! Scorers that need no graph: centroid similarity and plain TF-IDF mass.

use crate::rank::{Scores, SentenceScorer};
use crate::set::SentenceSet;
use crate::tfidf::TfIdf;

/// Centroid scoring (Radev et al. 2004, MEAD): the cosine of each sentence
/// with the centroid of all sentences.
///
/// The centroid is the mean of the sentences' L2-normalised TF-IDF vectors
/// ([`TermModel::centroid`](crate::TermModel::centroid)), so every
/// sentence counts equally. With [`Centroid::top_terms`] only the
/// centroid's heaviest terms are kept (ties to the lower term id), as MEAD
/// keeps only the words above a weight threshold. Scores are in `[0, 1]`.
#[derive(Clone, Debug, Default)]
pub struct Centroid {
    weighting: TfIdf,
    top_terms: Option<usize>,
}

impl Centroid {
    /// The TF-IDF weighting of sentences and centroid.
    pub fn weighting(mut self, weighting: TfIdf) -> Centroid {
        self.weighting = weighting;
        self
    }

    /// Keep only the centroid's `k` heaviest terms (default: all).
    pub fn top_terms(mut self, k: usize) -> Centroid {
        self.top_terms = Some(k);
        self
    }
}

impl SentenceScorer for Centroid {
    fn score(&self, set: &SentenceSet) -> Scores {
        let model = self.weighting.model(set);
        let mut centroid = model.centroid();
        if let Some(k) = self.top_terms
            && centroid.len() > k
        {
            centroid.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            centroid.truncate(k);
            centroid.sort_by_key(|&(t, _)| t);
        }
        Scores::new(
            (0..set.len())
                .map(|i| model.cosine_with(i, &centroid))
                .collect(),
        )
    }
}

/// How [`TfIdfScorer`] combines the weights of a sentence's terms.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Aggregate {
    /// The sum: favours long sentences.
    Sum,
    /// The mean over the sentence's distinct terms: favours sentences
    /// dense in rare terms, whatever their length. The default.
    #[default]
    Mean,
}

/// The plainest scorer: a sentence weighs the TF-IDF weights (not
/// normalised) of its terms, summed or averaged. No similarity at all; a
/// baseline, and fast on any input.
#[derive(Clone, Debug, Default)]
pub struct TfIdfScorer {
    weighting: TfIdf,
    aggregate: Aggregate,
}

impl TfIdfScorer {
    /// The TF-IDF weighting.
    pub fn weighting(mut self, weighting: TfIdf) -> TfIdfScorer {
        self.weighting = weighting;
        self
    }

    /// How term weights combine (default [`Aggregate::Mean`]).
    pub fn aggregate(mut self, aggregate: Aggregate) -> TfIdfScorer {
        self.aggregate = aggregate;
        self
    }
}

impl SentenceScorer for TfIdfScorer {
    fn score(&self, set: &SentenceSet) -> Scores {
        let idf = self.weighting.idf_table(set);
        Scores::new(
            (0..set.len())
                .map(|i| {
                    let bag = set.bag(i);
                    let sum: f64 = bag
                        .iter()
                        .map(|&(t, c)| self.weighting.weight(c, idf[t as usize]))
                        .sum();
                    match self.aggregate {
                        Aggregate::Sum => sum,
                        Aggregate::Mean if bag.is_empty() => 0.0,
                        Aggregate::Mean => sum / bag.len() as f64,
                    }
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Idf, Tf};

    fn set(sentences: &[&str]) -> SentenceSet {
        let mut set = SentenceSet::new();
        for (i, s) in sentences.iter().enumerate() {
            set.push(i, s.split_whitespace());
        }
        set
    }

    #[test]
    fn centroid_by_hand() {
        // Boolean TF, standard IDF over 3 sentences: a = ln 1.5, b = ln 3.
        // Vectors: s0 = (1, 0), s1 = (a, b) / |(a, b)|, s2 = (0, 0).
        let s = set(&["a", "a b", ""]);
        let w = TfIdf::new().tf(Tf::Boolean).idf(Idf::Standard);
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let norm = (a * a + b * b).sqrt();
        let (ca, cb) = ((1.0 + a / norm) / 3.0, b / norm / 3.0);
        let cn = (ca * ca + cb * cb).sqrt();
        let scores = Centroid::default().weighting(w).score(&s);
        let expected = [ca / cn, (a * ca + b * cb) / norm / cn];
        assert!((scores.values()[0] - expected[0]).abs() < 1e-12);
        assert!((scores.values()[1] - expected[1]).abs() < 1e-12);
        assert_eq!(scores.values()[2], 0.0);
        let top1 = Centroid::default().weighting(w).top_terms(1).score(&s);
        // Centroid keeps "a" only (ca > cb): s0 scores 1.
        assert!(ca > cb);
        assert!((top1.values()[0] - 1.0).abs() < 1e-12);
        assert!((top1.values()[1] - a / norm).abs() < 1e-12);
    }

    #[test]
    fn tfidf_sum_and_mean() {
        // Raw TF, smooth IDF over 3 sentences (the empty one counts): x in
        // two, y in one.
        let s = set(&["x y y", "x", ""]);
        let w = TfIdf::new().tf(Tf::Raw);
        let y = (4f64 / 2.0).ln() + 1.0;
        let x = (4f64 / 3.0).ln() + 1.0;
        let sum = TfIdfScorer::default()
            .weighting(w)
            .aggregate(Aggregate::Sum)
            .score(&s);
        assert!((sum.values()[0] - (x + 2.0 * y)).abs() < 1e-12);
        assert!((sum.values()[1] - x).abs() < 1e-12);
        assert_eq!(sum.values()[2], 0.0);
        let mean = TfIdfScorer::default().weighting(w).score(&s);
        assert!((mean.values()[0] - (x + 2.0 * y) / 2.0).abs() < 1e-12);
        assert_eq!(mean.values()[2], 0.0);
    }
}
