//! Similarity graphs between sentences: dense (all pairs) or sparse (pairs
//! found through an inverted index), both stored in one compressed-row
//! form for the power iteration.

use crate::index::SimilarityIndex;
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
/// computes their similarity, and keeps the `top_k` most similar (ties to
/// the lower index). The graph is then made symmetric: it has an edge
/// wherever either end kept the other.
///
/// Terms found in more than `max_postings` sentences (stopword-like
/// terms) do not *find* neighbours, which would cost time quadratic in
/// their frequency. They still count in the similarity of pairs found
/// through rarer terms, with three approximations:
///
/// - pairs sharing nothing but such common terms get no edge;
/// - candidates are first ranked by their similarity through rarer terms
///   alone, and only the best `4 × top_k` get their exact similarity and
///   compete for the `top_k` places;
/// - the common terms' part of a similarity uses weights rounded to `f32`.
///
/// A sentence that lost edges keeps their weight as a *residual*: the
/// power iteration replaces the lost edges by a rank-one matrix with the
/// same row sums (`r rᵀ / Σ r`), so scores keep the mass of many weak
/// edges. For edges weighted by the similarity itself (TextRank, with
/// either similarity, and continuous LexRank) the row sums are exact,
/// computed without visiting pairs, and scores stay within a fraction of
/// a percent of the dense ones even with small `top_k`. For thresholded
/// LexRank the row sums are estimated from the candidates found.
///
/// With no more than `max_postings` sentences no term is common, and with
/// no sentence having more than `top_k` neighbours the sparse graph
/// equals the dense one bit for bit, and so do the scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pruning {
    top_k: usize,
    max_postings: usize,
}

impl Default for Pruning {
    fn default() -> Pruning {
        Pruning {
            top_k: 64,
            max_postings: 500,
        }
    }
}

impl Pruning {
    /// The defaults: 64 neighbours per sentence, terms in more than 500
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

    /// Keep at most this many neighbours per sentence (default 64).
    pub fn top_k(mut self, top_k: usize) -> Pruning {
        self.top_k = top_k;
        self
    }

    /// Terms in more sentences than this do not generate candidate pairs
    /// (default 500).
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
    /// Per node, weight of pruned edges to spread evenly; empty if none.
    pub(crate) residual: Vec<f64>,
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
    #[cfg(test)]
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
            residual: Vec::new(),
        }
    }

    /// The symmetric graph whose row `i` has the columns `j ≥ i` of
    /// `upper[i]` (sorted), the lower triangle mirroring them. Row `i` is
    /// its lower part (the rows `k < i` listing `i`, in ascending order of
    /// `k`) followed by `upper[i]`, so no merge is needed.
    fn from_upper(upper: &[Vec<(u32, f64)>]) -> Graph {
        let n = upper.len();
        // lower[i]: how many rows k < i list i.
        let mut lower = vec![0usize; n];
        for (k, row) in upper.iter().enumerate() {
            for &(j, _) in row {
                if j as usize != k {
                    lower[j as usize] += 1;
                }
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        for (row, &below) in upper.iter().zip(&lower) {
            offsets.push(offsets[offsets.len() - 1] + below + row.len());
        }
        let total = offsets[n];
        let mut columns = vec![0u32; total];
        let mut weights = vec![0.0; total];
        // Next free slot of each row's lower part.
        let mut fill = offsets[..n].to_vec();
        for (k, row) in upper.iter().enumerate() {
            let start = offsets[k] + lower[k];
            for (slot, &(j, w)) in row.iter().enumerate() {
                columns[start + slot] = j;
                weights[start + slot] = w;
                let j = j as usize;
                if j != k {
                    columns[fill[j]] = k as u32;
                    weights[fill[j]] = w;
                    fill[j] += 1;
                }
            }
        }
        Graph {
            offsets,
            columns,
            weights,
            residual: Vec::new(),
        }
    }

    /// The weight of pruned edges of node `i`, spread evenly.
    pub(crate) fn residual(&self, i: usize) -> f64 {
        self.residual.get(i).copied().unwrap_or(0.0)
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
    /// For [`Similarity::WordOverlap`]: each token count.
    token_counts: Option<Vec<u32>>,
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
                let token_counts = (0..set.len())
                    .map(|i| u32::try_from(set.token_count(i)).unwrap_or(u32::MAX))
                    .collect();
                Vectors {
                    offsets,
                    terms,
                    weights,
                    vocabulary: set.vocabulary_len(),
                    log_lengths: Some(log_lengths),
                    token_counts: Some(token_counts),
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
            token_counts: None,
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

    /// Every pair of sentences, one row at a time through the inverted
    /// index: row `i` accumulates, for each of its terms in ascending
    /// order, `w_i × w_j` into the slot of every later sentence `j`
    /// holding the term. Each pair thus gets the same products (a product
    /// of two `f64` does not depend on the order of its operands) added
    /// in the same order, from the same `0.0`, as a merge of the two rows
    /// over ascending term ids ([`Vectors::dot`]), so the graph is bit for
    /// bit that of the all-pairs loop; pairs sharing no term keep `0.0`,
    /// their exact dot product. Rows hold their upper triangle (`j ≥ i`)
    /// and [`Graph::from_upper`] adds the lower one; rows are independent, so
    /// they run in parallel with the same result for any thread count.
    fn dense(&self, v: &Vectors) -> Graph {
        let n = v.len();
        let index = Index::new(v, usize::MAX);
        let rows = par::map_rows_chunked(
            n,
            16,
            || vec![0.0; n],
            |acc, i| self.dense_row(v, &index, acc, i),
        );
        Graph::from_upper(&rows)
    }

    /// Row `i` of the dense graph, columns `i..n` only.
    fn dense_row(&self, v: &Vectors, index: &Index, acc: &mut [f64], i: usize) -> Vec<(u32, f64)> {
        let acc = &mut acc[i..];
        upper_dots(v, index, i, acc);
        let skip = usize::from(!self.self_loops);
        acc.iter()
            .enumerate()
            .skip(skip)
            .filter_map(|(d, &dot)| {
                let j = i + d;
                let w = self.edge(v.similarity(dot, i, j))?;
                Some((j as u32, w))
            })
            .collect()
    }

    /// The dense graph by the all-pairs loop over [`Vectors::dot`], the
    /// reference [`GraphSpec::dense`] must match bit for bit.
    #[cfg(test)]
    fn dense_reference(&self, v: &Vectors) -> Graph {
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
        let mut rows = par::map_rows(
            n,
            || Scratch::new(n, index.common_len),
            |scratch, i| self.sparse_row(v, &index, scratch, i),
        );
        if !self.binary && self.threshold <= 0.0 {
            let totals = Totals::new(v, &index);
            let exact = par::map_rows(
                n,
                || (),
                |_, i| {
                    rows[i].total.map(|_| {
                        let mut total = totals.total(v, i);
                        if !self.self_loops {
                            total -= v.similarity(v.dot(i, i), i, i);
                        }
                        total.max(0.0)
                    })
                },
            );
            for (row, total) in rows.iter_mut().zip(exact) {
                row.total = total;
            }
        }
        symmetrize(rows)
    }

    /// Row `i` of the sparse graph before symmetrisation.
    fn sparse_row(&self, v: &Vectors, index: &Index, scratch: &mut Scratch, i: usize) -> SparseRow {
        scratch.generation = scratch.generation.wrapping_add(1);
        if scratch.generation == 0 {
            scratch.acc.fill((0, 0.0));
            scratch.generation = 1;
        }
        let generation = scratch.generation;
        scratch.touched.clear();
        let (terms, weights) = v.row(i);
        let mut has_common = false;
        for (&t, &w) in terms.iter().zip(weights) {
            let c = index.common[t as usize];
            if c != NOT_COMMON {
                scratch.common[c as usize] = f64::from(w as f32);
                has_common = true;
                continue;
            }
            let (sentences, others) = index.postings(t);
            for (&j, &wj) in sentences.iter().zip(others) {
                let j = j as usize;
                if j == i {
                    continue;
                }
                let slot = &mut scratch.acc[j];
                if slot.0 != generation {
                    *slot = (generation, 0.0);
                    scratch.touched.push(j as u32);
                }
                slot.1 += w * wj;
            }
        }
        let k = self.pruning.top_k;
        // The weight of every candidate edge, for the mass the pruned ones
        // leave behind.
        let mut total = 0.0;
        let mut pruned = false;
        // With common terms in play, the candidates are ranked by their
        // similarity through the rarer terms alone, and only the best
        // `EXACT_FACTOR * k` get their exact similarity, which is what
        // costs (a pass over each candidate's common entries).
        let shortlist = k.saturating_mul(EXACT_FACTOR);
        if has_common && scratch.touched.len() > shortlist {
            scratch.ranked.clear();
            scratch.ranked.extend(scratch.touched.iter().map(|&j| {
                let partial = v.similarity(scratch.acc[j as usize].1, i, j as usize);
                (partial, j)
            }));
            scratch
                .ranked
                .select_nth_unstable_by(shortlist - 1, |a, b| {
                    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
                });
            scratch.touched.clear();
            scratch
                .touched
                .extend(scratch.ranked[..shortlist].iter().map(|&(_, j)| j));
            total += scratch.ranked[shortlist..]
                .iter()
                .filter_map(|&(s, _)| self.edge(s))
                .sum::<f64>();
            pruned = true;
        }
        let mut candidates: Vec<(u32, f64)> = Vec::with_capacity(scratch.touched.len());
        for &j in &scratch.touched {
            let mut dot = scratch.acc[j as usize].1;
            if has_common {
                for &(c, w) in index.common_row(j as usize) {
                    dot += scratch.common[c as usize] * f64::from(w);
                }
            }
            let s = v.similarity(dot, i, j as usize);
            if self.edge(s).is_some() {
                candidates.push((j, s));
            }
        }
        if has_common {
            for &t in terms {
                let c = index.common[t as usize];
                if c != NOT_COMMON {
                    scratch.common[c as usize] = 0.0;
                }
            }
        }
        if pruned || candidates.len() > k {
            let exact: f64 = candidates
                .iter()
                .map(|&(_, s)| self.edge(s).unwrap_or(0.0))
                .sum();
            total += exact;
            pruned = true;
        }
        if candidates.len() > k {
            let by_rank = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if k > 0 {
                candidates.select_nth_unstable_by(k - 1, by_rank);
            }
            candidates.truncate(k);
        }
        if self.self_loops {
            let s = v.similarity(v.dot(i, i), i, i);
            if let Some(w) = self.edge(s) {
                candidates.push((i as u32, s));
                total += w;
            }
        }
        candidates.sort_unstable_by_key(|&(j, _)| j);
        for c in &mut candidates {
            c.1 = self.edge(c.1).unwrap_or(0.0);
        }
        candidates.shrink_to_fit();
        SparseRow {
            edges: candidates,
            // Pairs sharing only common terms are missing too.
            total: (pruned || has_common).then_some(total),
        }
    }
}

/// Sets `acc[d]` to the dot product of rows `i` and `i + d` for every `d`,
/// bit for bit [`Vectors::dot`]`(i, i + d)`: for each term of row `i` in
/// ascending order, each later row holding it adds `w_i × w_j`.
fn upper_dots(v: &Vectors, index: &Index, i: usize, acc: &mut [f64]) {
    acc.fill(0.0);
    let (terms, weights) = v.row(i);
    for (&t, &w) in terms.iter().zip(weights) {
        let (sentences, others) = index.postings(t);
        // Postings are in ascending order of sentence.
        let from = sentences.partition_point(|&j| (j as usize) < i);
        for (&j, &wj) in sentences[from..].iter().zip(&others[from..]) {
            acc[j as usize - i] += w * wj;
        }
    }
}

/// The exact total edge weight of every sentence, for edges weighted by
/// the similarity itself with no threshold, computed without visiting
/// pairs.
enum Totals {
    /// Cosine: a sentence's total is its dot product with the sum of all
    /// vectors.
    Cosine { sum: Vec<f64> },
    /// Word overlap: per term, how many sentences of each token count hold
    /// it; a sentence's total sums, over its terms and those counts,
    /// `count / (ln |Si| + ln length)`.
    Overlap {
        offsets: Vec<usize>,
        /// (token count, number of sentences).
        lengths: Vec<(u32, u32)>,
        /// `ln` of every token count.
        ln: Vec<f64>,
    },
}

impl Totals {
    fn new(v: &Vectors, index: &Index) -> Totals {
        match &v.token_counts {
            None => {
                let mut sum = vec![0.0; v.vocabulary];
                for (&t, &w) in v.terms.iter().zip(&v.weights) {
                    sum[t as usize] += w;
                }
                Totals::Cosine { sum }
            }
            Some(counts) => {
                let longest = counts.iter().copied().max().unwrap_or(0) as usize;
                let ln = (0..=longest).map(|l| (l as f64).ln()).collect();
                let mut offsets = vec![0];
                let mut lengths = Vec::new();
                let mut of_term = Vec::new();
                for t in 0..v.vocabulary {
                    of_term.clear();
                    of_term.extend(
                        index
                            .postings(t as u32)
                            .0
                            .iter()
                            .map(|&j| counts[j as usize]),
                    );
                    of_term.sort_unstable();
                    let start = lengths.len();
                    for &l in &of_term {
                        match lengths[start..].last_mut() {
                            Some((last, c)) if *last == l => *c += 1,
                            _ => lengths.push((l, 1)),
                        }
                    }
                    offsets.push(lengths.len());
                }
                Totals::Overlap {
                    offsets,
                    lengths,
                    ln,
                }
            }
        }
    }

    /// The sum of sentence `i`'s similarities with every sentence,
    /// itself included.
    fn total(&self, v: &Vectors, i: usize) -> f64 {
        let (terms, weights) = v.row(i);
        match self {
            Totals::Cosine { sum } => terms
                .iter()
                .zip(weights)
                .map(|(&t, &w)| w * sum[t as usize])
                .sum(),
            Totals::Overlap {
                offsets,
                lengths,
                ln,
            } => {
                let own = v.token_counts.as_ref().map_or(0, |c| c[i]) as usize;
                let mut total = 0.0;
                for &t in terms {
                    let t = t as usize;
                    for &(l, c) in &lengths[offsets[t]..offsets[t + 1]] {
                        let den = ln[own] + ln[l as usize];
                        total += if den > 0.0 {
                            f64::from(c) / den
                        } else {
                            f64::from(c)
                        };
                    }
                }
                total
            }
        }
    }
}

/// A row of the sparse graph before symmetrisation.
struct SparseRow {
    /// Kept neighbours sorted by column, and the self-loop if any.
    edges: Vec<(u32, f64)>,
    /// If pruning dropped edges: the weight of all candidate edges (exact
    /// or estimated), self-loop included.
    total: Option<f64>,
}

/// Per-thread working memory of the sparse path.
struct Scratch {
    /// Per sentence: (generation of its last write, partial dot product).
    /// Together, so that a candidate costs one cache miss, not two.
    acc: Vec<(u32, f64)>,
    generation: u32,
    /// Candidates ranked by partial similarity.
    ranked: Vec<(f64, u32)>,
    touched: Vec<u32>,
    /// Row `i`'s weights of common terms, by common index; zero elsewhere.
    common: Vec<f64>,
}

impl Scratch {
    fn new(n: usize, common: usize) -> Scratch {
        Scratch {
            acc: vec![(0, 0.0); n],
            generation: 0,
            ranked: Vec::new(),
            touched: Vec::new(),
            common: vec![0.0; common],
        }
    }
}

/// The inverted index ([`SimilarityIndex`]: for each term, the sentences
/// containing it in ascending order, with the term's weight there) and,
/// for each sentence, its entries of common terms.
struct Index {
    postings: SimilarityIndex,
    /// Per term: its index among the common terms, or [`NOT_COMMON`].
    common: Vec<u32>,
    common_len: usize,
    common_offsets: Vec<usize>,
    /// Per sentence: (common index, weight). Weights are rounded to `f32`
    /// on both sides of a product, which keeps the weights symmetric and
    /// halves the memory traffic of this, the hottest loop.
    common_entries: Vec<(u32, f32)>,
}

const NOT_COMMON: u32 = u32::MAX;

/// How many candidates per kept neighbour get their exact similarity when
/// common terms are pruned.
const EXACT_FACTOR: usize = 4;

impl Index {
    fn new(v: &Vectors, max_postings: usize) -> Index {
        let postings = SimilarityIndex::from_fn(v.len(), |i| {
            let (terms, weights) = v.row(i);
            terms.iter().copied().zip(weights.iter().copied())
        });
        let mut common_len = 0;
        let common: Vec<u32> = (0..v.vocabulary)
            .map(|t| {
                if postings.postings(t as u32).0.len() > max_postings {
                    common_len += 1;
                    common_len as u32 - 1
                } else {
                    NOT_COMMON
                }
            })
            .collect();
        let mut common_offsets = vec![0];
        let mut common_entries = Vec::new();
        for i in 0..v.len() {
            let (terms, ws) = v.row(i);
            for (&t, &w) in terms.iter().zip(ws) {
                if common[t as usize] != NOT_COMMON {
                    common_entries.push((common[t as usize], w as f32));
                }
            }
            common_offsets.push(common_entries.len());
        }

        Index {
            postings,
            common,
            common_len,
            common_offsets,
            common_entries,
        }
    }

    fn postings(&self, t: u32) -> (&[u32], &[f64]) {
        self.postings.postings(t)
    }

    fn common_row(&self, i: usize) -> &[(u32, f32)] {
        &self.common_entries[self.common_offsets[i]..self.common_offsets[i + 1]]
    }
}

/// The union of the rows and their transpose: an edge wherever either end
/// kept it. Both ends compute the same weight bit for bit (the same
/// products added in the same order), so no conflict can arise.
///
/// A row that lost edges to pruning gets a residual: the weight of all
/// its edges (exact or estimated) minus that of the edges it has. The
/// power iteration approximates the lost edges from the residuals.
fn symmetrize(rows: Vec<SparseRow>) -> Graph {
    let n = rows.len();
    // The transpose, by counting sort: row j lists the i that kept j, in
    // ascending order of i.
    let mut offsets = vec![0usize; n + 1];
    for row in &rows {
        for &(j, _) in &row.edges {
            offsets[j as usize + 1] += 1;
        }
    }
    for j in 0..n {
        offsets[j + 1] += offsets[j];
    }
    let mut fill = offsets.clone();
    let mut transposed = vec![(0u32, 0.0); offsets[n]];
    for (i, row) in rows.iter().enumerate() {
        for &(j, w) in &row.edges {
            transposed[fill[j as usize]] = (i as u32, w);
            fill[j as usize] += 1;
        }
    }
    drop(fill);
    // Each row is the merge of two sorted lists.
    let mut graph = Graph {
        offsets: Vec::with_capacity(n + 1),
        columns: Vec::with_capacity(offsets[n] * 2),
        weights: Vec::with_capacity(offsets[n] * 2),
        residual: Vec::new(),
    };
    graph.offsets.push(0);
    let mut residual = vec![0.0; n];
    let mut any_residual = false;
    for (i, row) in rows.iter().enumerate() {
        let own = &row.edges;
        let other = &transposed[offsets[i]..offsets[i + 1]];
        let (mut a, mut b) = (0, 0);
        while a < own.len() || b < other.len() {
            let next = match (own.get(a), other.get(b)) {
                (Some(&x), Some(&y)) if x.0 == y.0 => {
                    a += 1;
                    b += 1;
                    x
                }
                (Some(&x), Some(&y)) if x.0 < y.0 => {
                    a += 1;
                    x
                }
                (_, Some(&y)) => {
                    b += 1;
                    y
                }
                (Some(&x), None) => {
                    a += 1;
                    x
                }
                (None, None) => unreachable!(),
            };
            graph.columns.push(next.0);
            graph.weights.push(next.1);
        }
        if let Some(total) = row.total {
            let kept: f64 = graph.weights[graph.offsets[i]..].iter().sum();
            residual[i] = (total - kept).max(0.0);
            any_residual |= residual[i] > 0.0;
        }
        graph.offsets.push(graph.columns.len());
    }
    if any_residual {
        graph.residual = residual;
    }
    graph.columns.shrink_to_fit();
    graph.weights.shrink_to_fit();
    graph
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

    /// A seeded xorshift generator.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        /// In `[0, 1)`.
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    /// Random rows over a Zipf-ish vocabulary with weights of wildly
    /// different magnitudes, so that the order of additions shows.
    fn random_vectors(rng: &mut Rng, n: usize, vocabulary: u32, overlap: bool) -> Vectors {
        let mut offsets = vec![0];
        let mut terms = Vec::new();
        let mut weights = Vec::new();
        let mut log_lengths = Vec::new();
        let mut token_counts = Vec::new();
        for _ in 0..n {
            let len = rng.below(25) as usize;
            let mut row: Vec<u32> = (0..len)
                .map(|_| {
                    // Squaring favours small ids: frequent terms.
                    let u = rng.unit();
                    (u * u * f64::from(vocabulary)) as u32
                })
                .collect();
            row.sort_unstable();
            row.dedup();
            for &t in &row {
                terms.push(t);
                weights.push(if overlap {
                    1.0
                } else {
                    rng.unit() * 10f64.powi(rng.below(9) as i32 - 4)
                });
            }
            offsets.push(terms.len());
            let tokens = row.len() + rng.below(3) as usize;
            log_lengths.push((tokens as f64).ln());
            token_counts.push(tokens as u32);
        }
        Vectors {
            offsets,
            terms,
            weights,
            vocabulary: vocabulary as usize,
            log_lengths: overlap.then_some(log_lengths),
            token_counts: overlap.then_some(token_counts),
        }
    }

    /// The graph as a full matrix, zeros where there is no edge.
    fn matrix(g: &Graph) -> Vec<Vec<u64>> {
        let n = g.len();
        (0..n)
            .map(|i| {
                let mut row = vec![0.0f64.to_bits(); n];
                let (columns, weights) = g.row(i);
                for (&j, &w) in columns.iter().zip(weights) {
                    row[j as usize] = w.to_bits();
                }
                row
            })
            .collect()
    }

    #[test]
    fn indexed_dots_equal_merged_dots_bitwise() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..40 {
            let n = 1 + rng.below(120) as usize;
            let vocabulary = 1 + rng.below(200) as u32;
            let v = random_vectors(&mut rng, n, vocabulary, round % 4 == 3);
            let index = Index::new(&v, usize::MAX);
            let mut acc = vec![f64::NAN; n];
            for i in 0..n {
                upper_dots(&v, &index, i, &mut acc[i..]);
                for (j, dot) in acc.iter().enumerate().skip(i) {
                    let got = dot.to_bits();
                    assert_eq!(got, v.dot(i, j).to_bits(), "dot({i}, {j})");
                    assert_eq!(got, v.dot(j, i).to_bits(), "dot({j}, {i})");
                }
            }
        }
    }

    #[test]
    fn dense_equals_all_pairs_reference_bitwise() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for round in 0..60 {
            let n = 1 + rng.below(150) as usize;
            let overlap = round % 3 == 2;
            let vocabulary = 1 + rng.below(300) as u32;
            let v = random_vectors(&mut rng, n, vocabulary, overlap);
            let mut g = spec(Strategy::Dense, Pruning::none());
            g.self_loops = round % 2 == 1;
            g.binary = round % 5 == 4;
            g.threshold = [0.0, 0.0, 0.1, -1.0][round % 4];
            let fast = g.dense(&v);
            let reference = g.dense_reference(&v);
            assert_eq!(matrix(&fast), matrix(&reference), "round {round}");
            assert_eq!(fast.offsets, reference.offsets);
            assert_eq!(fast.columns, reference.columns);
            assert!(fast.residual.is_empty());
        }
        // And through the public path, on real TF-IDF vectors.
        let s = set(&["a b c", "a d", "d e f", "g", "", "b c a", "e e f", "a a"]);
        for similarity in [Similarity::Cosine, Similarity::WordOverlap] {
            for self_loops in [false, true] {
                let mut g = spec(Strategy::Dense, Pruning::none());
                g.similarity = similarity;
                g.self_loops = self_loops;
                let v = Vectors::new(&s, &g);
                assert_eq!(matrix(&g.build(&s)), matrix(&g.dense_reference(&v)));
            }
        }
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
        // Exact up to the f32 rounding of the common part.
        assert!((sparse.row(0).1[0] - dense.row(0).1[0]).abs() < 1e-7);
        // Sentences 0 and 1 are identical: the common "x" counted.
        assert!((sparse.row(0).1[0] - 1.0).abs() < 1e-7);
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
