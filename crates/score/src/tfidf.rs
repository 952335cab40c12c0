//! Term weighting and cosine similarity.

use std::collections::HashSet;

use crate::set::SentenceSet;

/// How a term's count in a sentence becomes its term frequency.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Tf {
    /// The count itself.
    Raw,
    /// `1 + ln(count)`: a repeated word counts, but less than linearly.
    /// The default: sentences rarely repeat a word, and when they do it
    /// should not dominate the sentence's vector.
    #[default]
    Log,
    /// 1 for any count.
    Boolean,
}

/// How a term's rarity becomes its inverse document frequency.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Idf {
    /// `ln(N / df)`: a term in every unit weighs 0.
    Standard,
    /// `ln((1 + N) / (1 + df)) + 1`: every term keeps some weight, which
    /// matters for small inputs where key terms appear in every report.
    /// The default.
    #[default]
    Smooth,
}

/// What counts as a "document" for document frequencies.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum IdfScope {
    /// The documents the sentences belong to.
    Documents,
    /// Every sentence is its own document. The default: with a handful of
    /// reports of one event, document frequencies are nearly all equal,
    /// while sentence frequencies still separate key terms from filler.
    #[default]
    Sentences,
}

/// TF-IDF weighting settings. Build a [`TermModel`] with [`TfIdf::model`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TfIdf {
    tf: Tf,
    idf: Idf,
    scope: IdfScope,
}

impl TfIdf {
    /// The default weighting: log TF, smooth IDF over sentences.
    pub fn new() -> TfIdf {
        TfIdf::default()
    }

    /// The term-frequency variant.
    pub fn tf(mut self, tf: Tf) -> TfIdf {
        self.tf = tf;
        self
    }

    /// The inverse-document-frequency variant.
    pub fn idf(mut self, idf: Idf) -> TfIdf {
        self.idf = idf;
        self
    }

    /// What document frequencies count.
    pub fn scope(mut self, scope: IdfScope) -> TfIdf {
        self.scope = scope;
        self
    }

    /// The weight of a term seen `count` times in a sentence, before
    /// normalisation.
    pub(crate) fn weight(&self, count: u32, idf: f64) -> f64 {
        let c = f64::from(count);
        let tf = match self.tf {
            Tf::Raw => c,
            Tf::Log => 1.0 + c.ln(),
            Tf::Boolean => 1.0,
        };
        tf * idf
    }

    /// The inverse document frequency of every term of `set`.
    pub(crate) fn idf_table(&self, set: &SentenceSet) -> Vec<f64> {
        let v = set.vocabulary_len();
        let mut df = vec![0u32; v];
        let units = match self.scope {
            IdfScope::Sentences => {
                for i in 0..set.len() {
                    for &(t, _) in set.bag(i) {
                        df[t as usize] += 1;
                    }
                }
                set.len()
            }
            IdfScope::Documents => {
                let mut seen: HashSet<(usize, u32)> = HashSet::new();
                for i in 0..set.len() {
                    for &(t, _) in set.bag(i) {
                        if seen.insert((set.document(i), t)) {
                            df[t as usize] += 1;
                        }
                    }
                }
                set.documents().iter().collect::<HashSet<_>>().len()
            }
        };
        let n = units as f64;
        df.iter()
            .map(|&d| {
                let d = f64::from(d);
                match self.idf {
                    Idf::Standard if d > 0.0 => (n / d).ln(),
                    Idf::Standard => 0.0,
                    Idf::Smooth => ((1.0 + n) / (1.0 + d)).ln() + 1.0,
                }
            })
            .collect()
    }

    /// Weighs every sentence of `set`.
    pub fn model(&self, set: &SentenceSet) -> TermModel {
        let idf = self.idf_table(set);
        let mut offsets = Vec::with_capacity(set.len() + 1);
        offsets.push(0);
        let total: usize = (0..set.len()).map(|i| set.bag(i).len()).sum();
        let mut entries = Vec::with_capacity(total);
        for i in 0..set.len() {
            let start = entries.len();
            entries.extend(
                set.bag(i)
                    .iter()
                    .map(|&(t, c)| (t, self.weight(c, idf[t as usize])))
                    .filter(|&(_, w)| w > 0.0),
            );
            let vec = &mut entries[start..];
            let norm = vec.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in vec.iter_mut() {
                    *w /= norm;
                }
            }
            offsets.push(entries.len());
        }
        TermModel {
            offsets,
            entries,
            idf,
        }
    }
}

/// One L2-normalised TF-IDF vector per sentence.
#[derive(Clone, Debug)]
pub struct TermModel {
    /// Sentence `i` is `entries[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<usize>,
    entries: Vec<(u32, f64)>,
    idf: Vec<f64>,
}

impl TermModel {
    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sentence `i`'s vector: (term id, weight) sorted by term id, unit
    /// length (or empty, for a sentence with no weighted terms).
    pub fn vector(&self, i: usize) -> &[(u32, f64)] {
        &self.entries[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The inverse document frequency of term `id`.
    pub fn idf(&self, id: u32) -> f64 {
        self.idf.get(id as usize).copied().unwrap_or(0.0)
    }

    /// The cosine similarity of sentences `i` and `j`, in `[0, 1]`.
    pub fn cosine(&self, i: usize, j: usize) -> f64 {
        sparse_dot(self.vector(i), self.vector(j)).clamp(0.0, 1.0)
    }

    /// The cosine similarity of sentence `i` and an arbitrary sparse vector
    /// sorted by term id (for example a centroid).
    pub fn cosine_with(&self, i: usize, other: &[(u32, f64)]) -> f64 {
        let norm = other.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
        if norm == 0.0 {
            return 0.0;
        }
        (sparse_dot(self.vector(i), other) / norm).clamp(0.0, 1.0)
    }

    /// The mean of all sentence vectors, (term id, weight) sorted by term
    /// id, zero weights left out; not normalised. Each sentence counts
    /// equally, however long it is.
    pub fn centroid(&self) -> Vec<(u32, f64)> {
        let mut sum = vec![0.0; self.idf.len()];
        for &(t, w) in &self.entries {
            sum[t as usize] += w;
        }
        let n = self.len() as f64;
        sum.iter()
            .enumerate()
            .filter(|&(_, &w)| w > 0.0)
            .map(|(t, &w)| (t as u32, w / n))
            .collect()
    }

    /// The dense matrix of cosine similarities of all pairs of sentences,
    /// ones on the diagonal for sentences with a non-empty vector.
    ///
    /// This takes `n × n` memory: for large inputs use the sparse graph of
    /// the ranking scorers instead.
    pub fn cosine_matrix(&self) -> ndarray::Array2<f64> {
        let n = self.len();
        let mut m = ndarray::Array2::zeros((n, n));
        for i in 0..n {
            for j in i..n {
                let w = self.cosine(i, j);
                m[[i, j]] = w;
                m[[j, i]] = w;
            }
        }
        m
    }
}

/// The dot product of two sparse vectors sorted by term id.
pub(crate) fn sparse_dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(sentences: &[(usize, &str)]) -> SentenceSet {
        let mut set = SentenceSet::new();
        for &(doc, s) in sentences {
            set.push(doc, s.split_whitespace());
        }
        set
    }

    #[test]
    fn identical_sentences_have_cosine_one() {
        let s = set(&[(0, "a b c"), (1, "a b c"), (1, "x y")]);
        let m = TfIdf::new().model(&s);
        assert!((m.cosine(0, 1) - 1.0).abs() < 1e-12);
        assert_eq!(m.cosine(0, 2), 0.0);
    }

    #[test]
    fn standard_idf_zeroes_ubiquitous_terms() {
        let s = set(&[(0, "the cat"), (0, "the dog")]);
        let m = TfIdf::new().idf(Idf::Standard).model(&s);
        assert_eq!(m.cosine(0, 1), 0.0);
        let m = TfIdf::new().model(&s);
        assert!(m.cosine(0, 1) > 0.0);
    }

    #[test]
    fn document_scope_counts_documents() {
        // "a" is in 1 of 2 documents but in 2 of 3 sentences.
        let s = set(&[(0, "a"), (0, "a b"), (1, "b c")]);
        let docs = TfIdf::new()
            .idf(Idf::Standard)
            .scope(IdfScope::Documents)
            .model(&s);
        let sents = TfIdf::new().idf(Idf::Standard).model(&s);
        assert!((docs.idf(0) - 2f64.ln()).abs() < 1e-12);
        assert!((sents.idf(0) - 1.5f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn vectors_have_unit_length() {
        let s = set(&[(0, "a a b"), (0, "c"), (1, "")]);
        let m = TfIdf::new().tf(Tf::Raw).model(&s);
        for i in 0..2 {
            let n: f64 = m.vector(i).iter().map(|&(_, w)| w * w).sum();
            assert!((n - 1.0).abs() < 1e-12);
        }
        assert!(m.vector(2).is_empty());
    }

    #[test]
    fn centroid_and_cosine_matrix() {
        let s = set(&[(0, "a"), (0, "b"), (1, "")]);
        let m = TfIdf::new().model(&s);
        // Two orthogonal unit vectors and an empty one: the mean is 1/3
        // on each term.
        assert_eq!(m.centroid(), [(0, 1.0 / 3.0), (1, 1.0 / 3.0)]);
        assert!((m.cosine_with(0, &m.centroid()) - 0.5f64.sqrt()).abs() < 1e-12);
        let c = m.cosine_matrix();
        assert_eq!(c.shape(), [3, 3]);
        assert_eq!(c.diag().to_vec(), [1.0, 1.0, 0.0]);
        assert_eq!(c[[0, 1]], 0.0);
    }
}
