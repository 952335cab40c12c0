//! An inverted index over sparse vectors: the similarities of one vector
//! with many, paying only for the pairs that share a term.

use crate::tfidf::TermModel;

/// An inverted index over sparse vectors — (term id, weight) pairs sorted
/// by term id, such as the rows of a [`TermModel`] — for finding the dot
/// product of a query vector with every indexed vector it shares a term
/// with. Only postings of the query's terms are visited, so comparing one
/// sentence with a hundred thousand costs what their shared terms cost.
///
/// Dot products are exact and reproducible: each adds the products of the
/// shared terms' weights in ascending term order, starting from `0.0`,
/// exactly as [`TermModel::cosine`] does, so the two give the same bits.
///
/// # Example
///
/// ```
/// use multisum_score::{SentenceSet, SimilarityIndex, TfIdf};
///
/// let mut set = SentenceSet::new();
/// for s in ["envoys fly to moscow", "markets rise in asia", "envoys land in moscow"] {
///     set.push(0, s.split_whitespace());
/// }
/// let model = TfIdf::new().model(&set);
/// let index = SimilarityIndex::of_model(&model);
/// let mut searcher = index.searcher();
/// // Sentence 0 shares terms with itself and sentence 2, not with 1.
/// let near: Vec<u32> = searcher.cosines(model.vector(0)).iter().map(|&(j, _)| j).collect();
/// assert_eq!(near, [0, 2]);
/// assert_eq!(searcher.cosines(model.vector(0))[1].1, model.cosine(0, 2));
/// ```
#[derive(Clone, Debug, Default)]
pub struct SimilarityIndex {
    /// Term ids in ascending order when they are too sparse to index
    /// directly (a term's slot is then its position here); `None` when a
    /// term's slot is its id.
    sparse_terms: Option<Vec<u32>>,
    /// Slot `k`'s postings are `vectors[offsets[k]..offsets[k + 1]]`.
    offsets: Vec<usize>,
    /// Indexed vectors holding each term, in ascending order.
    vectors: Vec<u32>,
    /// The term's weight in each of them.
    weights: Vec<f64>,
    len: usize,
}

impl SimilarityIndex {
    /// Indexes `vectors`, each (term id, weight) pairs sorted by term id;
    /// results name a vector by its position here.
    pub fn new<V: AsRef<[(u32, f64)]>>(vectors: &[V]) -> SimilarityIndex {
        SimilarityIndex::from_fn(vectors.len(), |i| vectors[i].as_ref().iter().copied())
    }

    /// Indexes every sentence vector of `model`; results name a vector by
    /// its sentence index.
    pub fn of_model(model: &TermModel) -> SimilarityIndex {
        SimilarityIndex::of_rows(model, 0..model.len())
    }

    /// Indexes the vectors of the given sentences of `model`; results name
    /// a vector by its position in `rows`, not by its sentence index.
    pub fn of_rows(model: &TermModel, rows: impl IntoIterator<Item = usize>) -> SimilarityIndex {
        let rows: Vec<usize> = rows.into_iter().collect();
        SimilarityIndex::from_fn(rows.len(), |k| model.vector(rows[k]).iter().copied())
    }

    /// Indexes `len` vectors given by `row(i)`, which is called twice per
    /// vector and must give the same pairs both times.
    pub(crate) fn from_fn<I>(len: usize, row: impl Fn(usize) -> I) -> SimilarityIndex
    where
        I: Iterator<Item = (u32, f64)>,
    {
        // Slots by term id, unless the ids are far sparser than the entries
        // (arbitrary ids given to `new`): then by rank among the ids used.
        let mut entries = 0usize;
        let mut largest = 0u32;
        for i in 0..len {
            for (t, _) in row(i) {
                entries += 1;
                largest = largest.max(t);
            }
        }
        let sparse_terms = (largest as usize > 4 * entries + 1024).then(|| {
            let mut terms: Vec<u32> = (0..len).flat_map(|i| row(i).map(|(t, _)| t)).collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        });
        let slot = |t: u32| -> usize {
            match &sparse_terms {
                Some(terms) => terms.binary_search(&t).unwrap_or(0),
                None => t as usize,
            }
        };
        let slots = match &sparse_terms {
            Some(terms) => terms.len(),
            None if entries == 0 => 0,
            None => largest as usize + 1,
        };
        let mut offsets = vec![0usize; slots + 1];
        for i in 0..len {
            for (t, _) in row(i) {
                offsets[slot(t) + 1] += 1;
            }
        }
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        let mut fill = offsets.clone();
        let mut vectors = vec![0u32; entries];
        let mut weights = vec![0.0; entries];
        for i in 0..len {
            for (t, w) in row(i) {
                let at = &mut fill[slot(t)];
                vectors[*at] = i as u32;
                weights[*at] = w;
                *at += 1;
            }
        }
        SimilarityIndex {
            sparse_terms,
            offsets,
            vectors,
            weights,
            len,
        }
    }

    /// The number of indexed vectors.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no vector is indexed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The vectors holding `term`, in ascending order, and the term's
    /// weight in each; empty for a term no vector holds.
    pub fn postings(&self, term: u32) -> (&[u32], &[f64]) {
        let t = match &self.sparse_terms {
            Some(terms) => match terms.binary_search(&term) {
                Ok(k) => k,
                Err(_) => return (&[], &[]),
            },
            None => term as usize,
        };
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&from), Some(&to)) => (&self.vectors[from..to], &self.weights[from..to]),
            _ => (&[], &[]),
        }
    }

    /// A searcher: the working memory for queries, reused across them.
    pub fn searcher(&self) -> Searcher<'_> {
        Searcher {
            index: self,
            dots: vec![0.0; self.len],
            seen: vec![false; self.len],
            found: Vec::new(),
        }
    }
}

/// Runs queries against a [`SimilarityIndex`], reusing its memory; see
/// [`SimilarityIndex::searcher`].
#[derive(Clone, Debug)]
pub struct Searcher<'i> {
    index: &'i SimilarityIndex,
    dots: Vec<f64>,
    seen: Vec<bool>,
    found: Vec<(u32, f64)>,
}

impl Searcher<'_> {
    /// The dot product of `query` ((term id, weight) pairs sorted by term
    /// id) with every indexed vector that shares a term with it, as
    /// (vector, dot product) in ascending order of vector.
    pub fn dots(&mut self, query: &[(u32, f64)]) -> &[(u32, f64)] {
        self.found.clear();
        for &(t, w) in query {
            let (vectors, weights) = self.index.postings(t);
            for (&j, &wj) in vectors.iter().zip(weights) {
                let j = j as usize;
                if !self.seen[j] {
                    self.seen[j] = true;
                    self.found.push((j as u32, 0.0));
                }
                self.dots[j] += w * wj;
            }
        }
        self.found.sort_unstable_by_key(|&(j, _)| j);
        for (j, dot) in &mut self.found {
            let j = *j as usize;
            self.seen[j] = false;
            *dot = std::mem::take(&mut self.dots[j]);
        }
        &self.found
    }

    /// [`Searcher::dots`] clamped to `[0, 1]`: for unit vectors, such as a
    /// [`TermModel`]'s, their cosine similarities, the same bits as
    /// [`TermModel::cosine`] gives.
    pub fn cosines(&mut self, query: &[(u32, f64)]) -> &[(u32, f64)] {
        self.dots(query);
        for (_, dot) in &mut self.found {
            *dot = dot.clamp(0.0, 1.0);
        }
        &self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SentenceSet, TfIdf};

    /// Every pair's cosine through the index is `TermModel::cosine`'s, bit
    /// for bit, and pairs sharing no term are absent.
    #[test]
    fn cosines_are_the_models() {
        let mut set = SentenceSet::new();
        let texts = [
            "a b c d",
            "a a b",
            "x y",
            "c d e f g",
            "",
            "b x e e e",
            "g h i a",
        ];
        for (i, s) in texts.iter().enumerate() {
            set.push(i % 2, s.split_whitespace());
        }
        let model = TfIdf::new().model(&set);
        let index = SimilarityIndex::of_model(&model);
        let mut searcher = index.searcher();
        for i in 0..model.len() {
            let bits = |v: &[(u32, f64)]| -> Vec<(u32, u64)> {
                v.iter().map(|&(j, c)| (j, c.to_bits())).collect()
            };
            let found = bits(searcher.cosines(model.vector(i)));
            let expected: Vec<(u32, f64)> = (0..model.len())
                .filter(|&j| {
                    let (a, b) = (model.vector(i), model.vector(j));
                    a.iter().any(|(t, _)| b.iter().any(|(u, _)| u == t))
                })
                .map(|j| (j as u32, model.cosine(i, j)))
                .collect();
            assert_eq!(found, bits(&expected), "sentence {i}");
        }
    }

    /// A subset of rows is named by position; unknown terms find nothing.
    #[test]
    fn rows_are_named_by_position() {
        let mut set = SentenceSet::new();
        for s in ["a b", "c d", "a c"] {
            set.push(0, s.split_whitespace());
        }
        let model = TfIdf::new().model(&set);
        let index = SimilarityIndex::of_rows(&model, [2, 1]);
        assert_eq!(index.len(), 2);
        let mut searcher = index.searcher();
        let found: Vec<u32> = searcher.dots(model.vector(0)).iter().map(|p| p.0).collect();
        assert_eq!(found, [0]);
        assert!(searcher.dots(&[(999, 1.0)]).is_empty());
        assert_eq!(index.postings(999), (&[][..], &[][..]));
        let empty = SimilarityIndex::new::<Vec<(u32, f64)>>(&[]);
        assert!(empty.is_empty());
        assert!(empty.searcher().dots(model.vector(0)).is_empty());
        // Ids far apart are indexed by rank, not by id (no 4-billion-slot
        // table), with the same results.
        let far = SimilarityIndex::new(&[
            vec![(7, 1.0), (u32::MAX - 1, 2.0)],
            vec![(u32::MAX - 1, 0.5)],
        ]);
        let mut searcher = far.searcher();
        assert_eq!(searcher.dots(&[(u32::MAX - 1, 1.0)]), [(0, 2.0), (1, 0.5)]);
        assert_eq!(searcher.dots(&[(7, 3.0), (8, 1.0)]), [(0, 3.0)]);
        assert_eq!(far.postings(u32::MAX), (&[][..], &[][..]));
    }
}
