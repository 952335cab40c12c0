//! The data model every stage reads: the body sentences of the reports,
//! which reports are copies, the term model and the sentences' centrality.
//! [`crate::analyse`] builds it; select, cite, meaning and order read it.

use std::ops::Range;

use multisum_score::{SentenceSet, SimilarityIndex, TermModel, TfIdf};

use crate::claim::Claims;

/// A body sentence of some report, as the pipeline sees it.
#[derive(Clone, Debug)]
pub(crate) struct Sentence {
    pub(crate) source: usize,
    pub(crate) span: Range<usize>,
    /// Position among its report's body sentences.
    pub(crate) position: usize,
    /// Content stems (stopwords removed), in order.
    pub(crate) stems: Vec<String>,
    pub(crate) words: usize,
    /// Opens with a word that refers back ("He", "This", "However").
    pub(crate) dangling: bool,
    /// Ends like a sentence (terminal punctuation, maybe inside closing
    /// quotes or brackets); a tag line left at a paragraph's end does not.
    pub(crate) finished: bool,
    /// What it claims, for the support test.
    pub(crate) claims: Claims,
}

/// Everything known about the input once it is segmented and scored.
pub(crate) struct Analysis {
    pub(crate) sentences: Vec<Sentence>,
    /// How many distinct claim terms the sentences have (their ids run
    /// `0..terms`).
    pub(crate) terms: usize,
    /// Body sentences per report, in order (indices into `sentences`).
    pub(crate) by_source: Vec<Vec<usize>>,
    /// For each report, the report it is a syndicated copy of (itself if
    /// it is an original).
    pub(crate) original: Vec<usize>,
    /// TF-IDF vectors: one per sentence (rows `0..sentences.len()`), then
    /// one per heading that informs the heading prior.
    pub(crate) model: TermModel,
    /// The sentences' rows of `model`, indexed by term.
    pub(crate) index: SimilarityIndex,
    /// Centrality, normalised so the maximum is 1 (0 for sentences that
    /// are not scored: those of copies).
    pub(crate) centrality: Vec<f64>,
    /// Each sentence's similarity to the query, relative to the most
    /// similar sentence's (empty without a query).
    pub(crate) query: Vec<f64>,
}

impl Analysis {
    /// The model of `sentences` (of `reports` reports, in report order)
    /// with the term model over them and then `headings` (report, content
    /// stems); centrality all zero until [`Analysis::with_centrality`].
    pub(crate) fn new(
        reports: usize,
        mut sentences: Vec<Sentence>,
        original: Vec<usize>,
        headings: &[(usize, Vec<String>)],
    ) -> Analysis {
        let terms = crate::claim::intern(sentences.iter_mut().map(|s| &mut s.claims));
        let by_source = by_source(reports, &sentences);
        let mut set = SentenceSet::new();
        for s in &sentences {
            set.push(s.source, &s.stems);
        }
        for (report, stems) in headings {
            set.push(*report, stems);
        }
        let model = TfIdf::new().model(&set);
        let index = SimilarityIndex::of_rows(&model, 0..sentences.len());
        let centrality = vec![0.0; sentences.len()];
        Analysis {
            sentences,
            terms,
            by_source,
            original,
            model,
            index,
            centrality,
            query: Vec::new(),
        }
    }

    /// Sets the centrality of each sentence.
    pub(crate) fn with_centrality(mut self, centrality: Vec<f64>) -> Analysis {
        self.centrality = centrality;
        self
    }

    /// Sets each sentence's similarity to the query.
    pub(crate) fn with_query(mut self, query: Vec<f64>) -> Analysis {
        self.query = query;
        self
    }

    /// How similar two sentences are in content: TF-IDF cosine over stems.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f64 {
        self.model.cosine(a, b)
    }

    /// Whether sentence `i` is in a syndicated copy of another report.
    pub(crate) fn in_copy(&self, i: usize) -> bool {
        let source = self.sentences[i].source;
        self.original[source] != source
    }
}

/// The indices of each report's sentences, in order.
pub(crate) fn by_source(reports: usize, sentences: &[Sentence]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); reports];
    for (i, s) in sentences.iter().enumerate() {
        if let Some(own) = out.get_mut(s.source) {
            own.push(i);
        }
    }
    out
}

/// Analyses built from content stems directly, for the stages' unit tests:
/// no tokenizer, no English.
#[cfg(test)]
pub(crate) mod build {
    use super::*;

    /// A sentence of report `source` at `position` made of the
    /// space-separated `stems`. A leading `^` marks a dangling opener, a
    /// leading `~` a sentence without a sentence end (neither is a stem);
    /// for the claims, a stem in capitals is a name and `!` before a stem
    /// negates it ([`Claims::of_stems`]).
    pub(crate) fn sentence(source: usize, position: usize, stems: &str) -> Sentence {
        let dangling = stems.starts_with('^');
        let finished = !stems.starts_with('~');
        let marked: Vec<String> = stems
            .trim_start_matches(['^', '~'])
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let stems: Vec<String> = marked
            .iter()
            .map(|s| s.trim_start_matches('!').to_string())
            .collect();
        Sentence {
            source,
            span: 0..stems.len(),
            position,
            words: stems.len(),
            claims: Claims::of_stems(&marked),
            stems,
            dangling,
            finished,
        }
    }

    /// The analysis of `reports`, each a list of sentences as in
    /// [`sentence`], no copies, no headings; sentence `i` of `n` has
    /// centrality `1 − i / n`, so earlier sentences are more central.
    pub(crate) fn analysis(reports: &[&[&str]]) -> Analysis {
        let mut sentences = Vec::new();
        for (source, report) in reports.iter().enumerate() {
            for (position, s) in report.iter().enumerate() {
                sentences.push(sentence(source, position, s));
            }
        }
        let n = sentences.len();
        let centrality = (0..n).map(|i| 1.0 - i as f64 / n as f64).collect();
        Analysis::new(reports.len(), sentences, (0..reports.len()).collect(), &[])
            .with_centrality(centrality)
    }
}
