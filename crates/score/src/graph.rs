//! Similarity graphs between sentences: dense (all pairs) or sparse (pairs
//! found through an inverted index), both stored in one compressed-row
//! form for the power iteration.

use crate::par;
use crate::set::SentenceSet;
use crate::tfidf::{TermModel, TfIdf};

/// Sentence counts up to this use the dense graph under
/// [`Strategy::Auto`].
pub const DENSE_LIMIT: usize = 2_000;

/// How sentences are compared when building a similarity graph.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Similarity {
    /// Cosine of the sentences' TF-IDF vectors, in `[0, 1]`. The default.
    #[default]
    Cosine,
    /// The normalised word overlap of the original TextRank paper
    /// (Mihalcea & Tarau 2004): `|Si ∩ Sj| / (ln |Si| + ln |Sj|)`, where
    /// the intersection counts distinct shared terms and `|S|` counts a
    /// sentence's tokens. TF-IDF weighting plays no part. When both
    /// sentences have a single token the denominator is 0; the similarity
    /// is then the overlap itself (1 for the same token, else 0).
    WordOverlap,
}

/// Whether a graph scorer compares all pairs of sentences or only those
/// that share a term.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Strategy {
    /// [`Strategy::Dense`] up to [`DENSE_LIMIT`] sentences, else
    /// [`Strategy::Sparse`]. The default.
    #[default]
    Auto,
    /// Every pair of sentences: exact, `O(n²)` time, `O(n²)` memory.
    Dense,
    /// Pairs found through an inverted index over terms, limited by
    /// [`Pruning`]: near-linear time and memory on natural text.
    Sparse,
}

impl Strategy {
    pub(crate) fn is_dense(self, n: usize) -> bool {
        match self {
            Strategy::Auto => n <= DENSE_LIMIT,
            Strategy::Dense => true,
            Strategy::Sparse => false,
        }
    }
}

/// The approximations of the sparse graph ([`Strategy::Sparse`]).
///
/// The sparse path computes each sentence's row on its own: it walks the
/// postings of the sentence's terms to find the sentences sharing one,
/// computes their exact similarity, and keeps the `top_k` most similar
/// (ties to the lower index). The graph is then made symmetric: it has an
/// edge wherever either end kept the other.
///
/// Terms found in more than `max_postings` sentences (stopword-like
/// terms) do not *find* neighbours, which would cost time quadratic in
/// their frequency, but still count in the similarity of the pairs found
/// through rarer terms. So the only pairs lost to this limit are those
/// sharing nothing but very common terms.
///
/// With no more than `max_postings` sentences and no sentence having more
/// than `top_k` neighbours, the sparse graph equals the dense one bit for
/// bit, and so do the scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pruning {
    top_k: usize,
    max_postings: usize,
}

impl Default for Pruning {
    fn default() -> Pruning {
        Pruning {
            top_k: 32,
            max_postings: 1_000,
        }
    }
}

impl Pruning {
    /// The defaults: 32 neighbours per sentence, terms in more than 1,000
    /// sentences do not generate candidate pairs.
    pub fn new() -> Pruning {
        Pruning::default()
    }

    /// No pruning at all: the sparse graph equals the dense one. Memory
    /// and time may then grow quadratically.
    pub fn none() -> Pruning {
        Pruning {
            top_k: usize::MAX,
            max_postings: usize::MAX,
        }
    }

    /// Keep at most this many neighbours per sentence (default 32).
    pub fn top_k(mut self, top_k: usize) -> Pruning {
        self.top_k = top_k;
        self
    }

    /// Terms in more sentences than this do not generate candidate pairs
    /// (default 1,000).
    pub fn max_postings(mut self, max_postings: usize) -> Pruning {
        self.max_postings = max_postings;
        self
    }
}

/// What a graph scorer asks of the graph builder.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GraphSpec {
    pub(crate) similarity: Similarity,
    pub(crate) weighting: TfIdf,
    /// Edges only where the similarity is strictly above this.
    pub(crate) threshold: f64,
    /// Edge weight 1 instead of the similarity.
    pub(crate) binary: bool,
    /// Whether sentence `i` links to itself (LexRank does, as in the
    /// paper; TextRank does not).
    pub(crate) self_loops: bool,
    pub(crate) strategy: Strategy,
    pub(crate) pruning: Pruning,
}

/// A symmetric weighted graph in compressed-row form: row `i` lists the
/// neighbours of `i` in ascending order with their (positive) weights.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Graph {
    pub(crate) offsets: Vec<usize>,
    pub(crate) columns: Vec<u32>,
    pub(crate) weights: Vec<f64>,
}

impl Graph {
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub(crate) fn row(&self, i: usize) -> (&[u32], &[f64]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.columns[range.clone()], &self.weights[range])
    }

    /// A graph from rows whose columns are sorted.
    fn from_rows(rows: Vec<Vec<(u32, f64)>>) -> Graph {
        let mut offsets = Vec::with_capacity(rows.len() + 1);
        offsets.push(0);
        let total = rows.iter().map(Vec::len).sum();
        let mut columns = Vec::with_capacity(total);
        let mut weights = Vec::with_capacity(total);
        for row in rows {
            for (j, w) in row {
                columns.push(j);
                weights.push(w);
            }
            offsets.push(columns.len());
        }
        Graph {
            offsets,
            columns,
            weights,
        }
    }
}

/// Per-sentence vectors the similarity is a function of, plus what the
/// final similarity needs besides their dot product.
struct Vectors {
    offsets: Vec<usize>,
    terms: Vec<u32>,
    weights: Vec<f64>,
    vocabulary: usize,
    /// For [`Similarity::WordOverlap`]: `ln` of each token count.
    log_lengths: Option<Vec<f64>>,
}

impl Vectors {
    fn new(set: &SentenceSet, spec: &GraphSpec) -> Vectors {
        match spec.similarity {
            Similarity::Cosine => Vectors::from_model(&spec.weighting.model(set)),
            Similarity::WordOverlap => {
                let mut offsets = vec![0];
                let mut terms = Vec::new();
                for i in 0..set.len() {
                    terms.extend(set.bag(i).iter().map(|&(t, _)| t));
                    offsets.push(terms.len());
                }
                let weights = vec![1.0; terms.len()];
                let log_lengths = (0..set.len())
                    .map(|i| (set.token_count(i) as f64).ln())
                    .collect();
                Vectors {
                    offsets,
                    terms,
                    weights,
                    vocabulary: set.vocabulary_len(),
                    log_lengths: Some(log_lengths),
                }
            }
        }
    }

    fn from_model(model: &TermModel) -> Vectors {
        let mut offsets = vec![0];
        let mut terms = Vec::new();
        let mut weights = Vec::new();
        let mut vocabulary = 0;
        for i in 0..model.len() {
            for &(t, w) in model.vector(i) {
                terms.push(t);
                weights.push(w);
                vocabulary = vocabulary.max(t as usize + 1);
            }
            offsets.push(terms.len());
        }
        Vectors {
            offsets,
            terms,
            weights,
            vocabulary,
            log_lengths: None,
        }
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    fn row(&self, i: usize) -> (&[u32], &[f64]) {
        let range = self.offsets[i]..self.offsets[i + 1];
        (&self.terms[range.clone()], &self.weights[range])
    }

    /// The dot product of two rows, shared terms in ascending order: the
    /// same additions in the same order as the sparse path without
    /// pruning.
    fn dot(&self, i: usize, j: usize) -> f64 {
        let (ti, wi) = self.row(i);
        let (tj, wj) = self.row(j);
        let (mut a, mut b, mut sum) = (0, 0, 0.0);
        while a < ti.len() && b < tj.len() {
            match ti[a].cmp(&tj[b]) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    sum += wi[a] * wj[b];
                    a += 1;
                    b += 1;
                }
            }
        }
        sum
    }

    /// The similarity of `i` and `j` from their dot product.
    fn similarity(&self, dot: f64, i: usize, j: usize) -> f64 {
        match &self.log_lengths {
            None => dot.clamp(0.0, 1.0),
            Some(_) if dot <= 0.0 => 0.0,
            Some(log) => {
                let den = log[i] + log[j];
                if den > 0.0 { dot / den } else { dot }
            }
        }
    }
}

impl GraphSpec {
    /// The edge weight for a similarity, or `None` for no edge.
    fn edge(&self, similarity: f64) -> Option<f64> {
        if similarity > self.threshold && similarity > 0.0 {
            Some(if self.binary { 1.0 } else { similarity })
        } else {
            None
        }
    }

    pub(crate) fn build(&self, set: &SentenceSet) -> Graph {
        let vectors = Vectors::new(set, self);
        if self.strategy.is_dense(set.len()) {
            self.dense(&vectors)
        } else {
            self.sparse(&vectors)
        }
    }

    fn dense(&self, v: &Vectors) -> Graph {
        let n = v.len();
        let mut sims = ndarray::Array2::<f64>::zeros((n, n));
        for i in 0..n {
            for j in i..n {
                if i == j && !self.self_loops {
                    continue;
                }
                let s = v.similarity(v.dot(i, j), i, j);
                sims[[i, j]] = s;
                sims[[j, i]] = s;
            }
        }
        let rows = sims
            .rows()
            .into_iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .filter_map(|(j, &s)| Some((j as u32, self.edge(s)?)))
                    .collect()
            })
            .collect();
        Graph::from_rows(rows)
    }

    fn sparse(&self, v: &Vectors) -> Graph {
        let n = v.len();
        let index = Index::new(v, self.pruning.max_postings);
        let rows = par::map_rows(
            n,
            || Scratch::new(n, v.vocabulary),
            |scratch, i| self.sparse_row(v, &index, scratch, i),
        );
        symmetrize(rows)
    }

    /// Row `i` of the sparse graph before symmetrisation: its kept
    /// neighbours sorted by column, and its self-loop if any.
    fn sparse_row(
        &self,
        v: &Vectors,
        index: &Index,
        scratch: &mut Scratch,
        i: usize,
    ) -> Vec<(u32, f64)> {
        scratch.generation = scratch.generation.wrapping_add(1);
        if scratch.generation == 0 {
            scratch.stamp.fill(0);
            scratch.generation = 1;
        }
        let generation = scratch.generation;
        scratch.touched.clear();
        let (terms, weights) = v.row(i);
        let mut has_common = false;
        for (&t, &w) in terms.iter().zip(weights) {
            if index.common[t as usize] {
                scratch.common[t as usize] = w;
                has_common = true;
                continue;
            }
            let (sentences, others) = index.postings(t);
            for (&j, &wj) in sentences.iter().zip(others) {
                let j = j as usize;
                if j == i {
                    continue;
                }
                if scratch.stamp[j] != generation {
                    scratch.stamp[j] = generation;
                    scratch.acc[j] = 0.0;
                    scratch.touched.push(j as u32);
                }
                scratch.acc[j] += w * wj;
            }
        }
        let mut candidates: Vec<(u32, f64)> = Vec::with_capacity(scratch.touched.len());
        for &j in &scratch.touched {
            let mut dot = scratch.acc[j as usize];
            if has_common {
                let (ct, cw) = index.common_row(j as usize);
                for (&t, &w) in ct.iter().zip(cw) {
                    dot += scratch.common[t as usize] * w;
                }
            }
            let s = v.similarity(dot, i, j as usize);
            if self.edge(s).is_some() {
                candidates.push((j, s));
            }
        }
        if has_common {
            for &t in terms {
                scratch.common[t as usize] = 0.0;
            }
        }
        let k = self.pruning.top_k;
        if candidates.len() > k {
            let by_rank = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if k > 0 {
                candidates.select_nth_unstable_by(k - 1, by_rank);
            }
            candidates.truncate(k);
        }
        if self.self_loops {
            let s = v.similarity(v.dot(i, i), i, i);
            if self.edge(s).is_some() {
                candidates.push((i as u32, s));
            }
        }
        candidates.sort_unstable_by_key(|&(j, _)| j);
        for c in &mut candidates {
            c.1 = self.edge(c.1).unwrap_or(0.0);
        }
        candidates.shrink_to_fit();
        candidates
    }
}

/// Per-thread working memory of the sparse path.
struct Scratch {
    acc: Vec<f64>,
    stamp: Vec<u32>,
    generation: u32,
    touched: Vec<u32>,
    /// Row `i`'s weights of common terms, indexed by term; zero elsewhere.
    common: Vec<f64>,
}

impl Scratch {
    fn new(n: usize, vocabulary: usize) -> Scratch {
        Scratch {
            acc: vec![0.0; n],
            stamp: vec![0; n],
            generation: 0,
            touched: Vec::new(),
            common: vec![0.0; vocabulary],
        }
    }
}

/// The inverted index: for each term, the sentences containing it (in
/// ascending order) with the term's weight there; and for each sentence,
/// its entries of common terms.
struct Index {
    offsets: Vec<usize>,
    sentences: Vec<u32>,
    weights: Vec<f64>,
    common: Vec<bool>,
    common_offsets: Vec<usize>,
    common_terms: Vec<u32>,
    common_weights: Vec<f64>,
}

impl Index {
    fn new(v: &Vectors, max_postings: usize) -> Index {
        let mut offsets = vec![0usize; v.vocabulary + 1];
        for &t in &v.terms {
            offsets[t as usize + 1] += 1;
        }
        let common: Vec<bool> = offsets[1..].iter().map(|&df| df > max_postings).collect();
        for t in 0..v.vocabulary {
            offsets[t + 1] += offsets[t];
        }
        let mut fill = offsets.clone();
        let mut sentences = vec![0u32; v.terms.len()];
        let mut weights = vec![0.0; v.terms.len()];
        let mut common_offsets = vec![0];
        let mut common_terms = Vec::new();
        let mut common_weights = Vec::new();
        for i in 0..v.len() {
            let (terms, ws) = v.row(i);
            for (&t, &w) in terms.iter().zip(ws) {
                let slot = &mut fill[t as usize];
                sentences[*slot] = i as u32;
                weights[*slot] = w;
                *slot += 1;
                if common[t as usize] {
                    common_terms.push(t);
                    common_weights.push(w);
                }
            }
            common_offsets.push(common_terms.len());
        }
        Index {
            offsets,
            sentences,
            weights,
            common,
            common_offsets,
            common_terms,
            common_weights,
        }
    }

    fn postings(&self, t: u32) -> (&[u32], &[f64]) {
        let range = self.offsets[t as usize]..self.offsets[t as usize + 1];
        (&self.sentences[range.clone()], &self.weights[range])
    }

    fn common_row(&self, i: usize) -> (&[u32], &[f64]) {
        let range = self.common_offsets[i]..self.common_offsets[i + 1];
        (
            &self.common_terms[range.clone()],
            &self.common_weights[range],
        )
    }
}

/// The union of the rows and their transpose: an edge wherever either end
/// kept it. Both ends compute the same weight bit for bit (the same
/// products added in the same order), so no conflict can arise.
fn symmetrize(rows: Vec<Vec<(u32, f64)>>) -> Graph {
    let n = rows.len();
    let mut degree = vec![0usize; n + 1];
    for (i, row) in rows.iter().enumerate() {
        for &(j, _) in row {
            degree[i + 1] += 1;
            if j as usize != i {
                degree[j as usize + 1] += 1;
            }
        }
    }
    for i in 0..n {
        degree[i + 1] += degree[i];
    }
    let mut fill = degree.clone();
    let total = degree[n];
    let mut columns = vec![0u32; total];
    let mut weights = vec![0.0; total];
    for (i, row) in rows.iter().enumerate() {
        for &(j, w) in row {
            columns[fill[i]] = j;
            weights[fill[i]] = w;
            fill[i] += 1;
            if j as usize != i {
                let j = j as usize;
                columns[fill[j]] = i as u32;
                weights[fill[j]] = w;
                fill[j] += 1;
            }
        }
    }
    drop(rows);
    // Sort each row by column and drop the second copy of edges both ends
    // kept.
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut out = 0;
    let mut row: Vec<(u32, f64)> = Vec::new();
    for i in 0..n {
        row.clear();
        row.extend(
            columns[degree[i]..degree[i + 1]]
                .iter()
                .copied()
                .zip(weights[degree[i]..degree[i + 1]].iter().copied()),
        );
        row.sort_unstable_by_key(|&(j, _)| j);
        row.dedup_by_key(|&mut (j, _)| j);
        for &(j, w) in &row {
            columns[out] = j;
            weights[out] = w;
            out += 1;
        }
        offsets.push(out);
    }
    columns.truncate(out);
    weights.truncate(out);
    columns.shrink_to_fit();
    weights.shrink_to_fit();
    Graph {
        offsets,
        columns,
        weights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(strategy: Strategy, pruning: Pruning) -> GraphSpec {
        GraphSpec {
            similarity: Similarity::Cosine,
            weighting: TfIdf::new(),
            threshold: 0.0,
            binary: false,
            self_loops: false,
            strategy,
            pruning,
        }
    }

    fn set(sentences: &[&str]) -> SentenceSet {
        let mut set = SentenceSet::new();
        for (i, s) in sentences.iter().enumerate() {
            set.push(i, s.split_whitespace());
        }
        set
    }

    #[test]
    fn sparse_without_pruning_equals_dense() {
        let s = set(&["a b c", "a d", "d e f", "g", "", "b c a", "e e f"]);
        for self_loops in [false, true] {
            let mut dense = spec(Strategy::Dense, Pruning::none());
            dense.self_loops = self_loops;
            let sparse = GraphSpec {
                strategy: Strategy::Sparse,
                ..dense
            };
            assert_eq!(dense.build(&s), sparse.build(&s));
        }
    }

    #[test]
    fn dense_graph_by_hand() {
        // Boolean TF, standard IDF: "a" in 2 of 3 sentences, "b" in 1.
        let s = set(&["a", "a b", "c"]);
        let mut g = spec(Strategy::Dense, Pruning::none());
        g.weighting = TfIdf::new()
            .tf(crate::Tf::Boolean)
            .idf(crate::Idf::Standard);
        let graph = g.build(&s);
        let (a, b) = (1.5f64.ln(), 3f64.ln());
        let cos = a / (a * a + b * b).sqrt();
        assert_eq!(graph.offsets, [0, 1, 2, 2]);
        assert_eq!(graph.columns, [1, 0]);
        assert!((graph.weights[0] - cos).abs() < 1e-15);
        assert_eq!(graph.weights[0], graph.weights[1]);
    }

    #[test]
    fn common_terms_find_no_neighbours_but_still_count() {
        // "x" is in all four sentences: with max_postings 2 it finds no
        // pairs, so 0-3 (sharing only "x") lose their edge, while 0-1
        // keep theirs at the exact cosine.
        let s = set(&["x a", "x a", "x b", "x c"]);
        let dense = spec(Strategy::Dense, Pruning::none()).build(&s);
        let sparse = spec(Strategy::Sparse, Pruning::none().max_postings(2)).build(&s);
        assert_eq!(dense.row(0).0, [1, 2, 3]);
        assert_eq!(sparse.row(0).0, [1]);
        assert_eq!(sparse.row(0).1[0], dense.row(0).1[0]);
        assert_eq!(sparse.row(3).0, [] as [u32; 0]);
    }

    #[test]
    fn top_k_keeps_the_most_similar_then_symmetrises() {
        // Row 0 has neighbours 1 (two shared terms) and 2 (one): with
        // k = 1 it keeps 1 only. Row 2's only neighbour is 0, so the union
        // brings 2 back into row 0.
        let s = set(&["a b c", "a b", "c z", "q"]);
        let exact = spec(Strategy::Dense, Pruning::none()).build(&s);
        assert!(exact.row(0).1[0] > exact.row(0).1[1]);
        let g = spec(Strategy::Sparse, Pruning::none().top_k(1)).build(&s);
        assert_eq!(g, exact);
        // Now 3 shares "c" too and is closer to 2 than 0 is: row 2 keeps
        // 3, row 0 keeps 1, and the edge 0-2 is gone.
        let s = set(&["a b c", "a b", "c z", "c z y", "q"]);
        let g = spec(Strategy::Sparse, Pruning::none().top_k(1)).build(&s);
        assert_eq!(g.row(0).0, [1]);
        assert_eq!(g.row(2).0, [3]);
        assert_eq!(g.row(3).0, [2]);
        assert_eq!(g.row(4).0, [] as [u32; 0]);
    }

    #[test]
    fn threshold_binary_and_self_loops() {
        let s = set(&["a b", "a b", "c d", ""]);
        let mut g = spec(Strategy::Dense, Pruning::none());
        g.binary = true;
        g.self_loops = true;
        g.threshold = 0.5;
        for strategy in [Strategy::Dense, Strategy::Sparse] {
            let graph = GraphSpec { strategy, ..g }.build(&s);
            assert_eq!(graph.offsets, [0, 2, 4, 5, 5]);
            assert_eq!(graph.columns, [0, 1, 0, 1, 2]);
            assert!(graph.weights.iter().all(|&w| w == 1.0));
        }
    }

    #[test]
    fn word_overlap_by_hand() {
        // |{a, b}| / (ln 3 + ln 2); single tokens: the overlap itself.
        let s = set(&["a b c", "b a", "z", "z"]);
        let mut g = spec(Strategy::Dense, Pruning::none());
        g.similarity = Similarity::WordOverlap;
        let graph = g.build(&s);
        assert_eq!(graph.row(0).0, [1]);
        assert!((graph.row(0).1[0] - 2.0 / (3f64.ln() + 2f64.ln())).abs() < 1e-15);
        assert_eq!(graph.row(2), (&[3u32][..], &[1.0][..]));
        let sparse = GraphSpec {
            strategy: Strategy::Sparse,
            ..g
        };
        assert_eq!(sparse.build(&s), graph);
    }
}
