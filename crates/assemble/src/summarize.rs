//! The pipeline: segment, score, select, cite, order.

use std::ops::Range;
use std::sync::Arc;

use multisum_score::{
    Centroid, LexRank, SentenceScorer, SentenceSet, TermModel, TextRank, TfIdf, TfIdfScorer,
};
use multisum_tokenize::{Document, Tokenizer, Unit, UnitKind};

use crate::select::{self, Decision};
use crate::{
    Algorithm, Budget, COVERAGE_LIMIT, Candidate, Citation, Components, Config, Error, Language,
    Selector, Source, SourceInfo, Summary, Verdict,
};
use crate::{Encoder, SummarySentence, coverage, meaning, order, syndication};

/// Makes consolidated summaries. Cheap to build; reusable across inputs.
#[derive(Debug)]
pub struct Summarizer {
    config: Config,
    tokenizer: Tokenizer,
    encoder: Option<meaning::Shared>,
}

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
    /// Opens with a quotation mark: a direct quotation.
    pub(crate) quotation: bool,
}

/// The reports segmented and scored, before selection.
pub(crate) struct Prepared {
    pub(crate) docs: Vec<Document>,
    /// For each report, the report it is a copy of (itself if original).
    pub(crate) original: Vec<usize>,
    pub(crate) infos: Vec<SourceInfo>,
    pub(crate) analysis: Analysis,
}

/// Everything known about the input once it is segmented and scored.
pub(crate) struct Analysis {
    pub(crate) sentences: Vec<Sentence>,
    /// Body sentences per report, in order (indices into `sentences`).
    pub(crate) by_source: Vec<Vec<usize>>,
    pub(crate) model: TermModel,
    /// Centrality, normalised so the maximum is 1.
    pub(crate) centrality: Vec<f64>,
}

impl Analysis {
    /// How similar two sentences are in content: TF-IDF cosine over stems.
    pub(crate) fn similarity(&self, a: usize, b: usize) -> f64 {
        self.model.cosine(a, b)
    }
}

/// Words that make a sentence lean on the one before it when they open it.
const DANGLING_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "this",
    "these",
    "those",
    "that",
    "however",
    "but",
    "also",
    "additionally",
    "moreover",
    "furthermore",
    "such",
    "there",
];

/// Sentences with fewer content words than this are never selected: they
/// are fragments ("Trump said.") that carry no fact on their own.
const MIN_CONTENT_WORDS: usize = 4;

/// The weight of the heading prior (Edmundson 1969's title method): a
/// sentence's relevance is `(1 − β)·centrality + β·(its highest similarity
/// to a headline or subheading of any report, relative to the best)`.
/// Measured at 250 words on DUC 2006 (R-1/R-2/SU4 recall): β = 0 gives
/// 40.77/8.74/14.41, 0.1 gives 40.74/8.83/14.44, 0.2 gives 40.75/8.80/14.42;
/// on `corpus/ceasefire-talks` 0.2 brings in the Kremlin's reply, which two
/// reports' subheadings name, while 0.3 lets a second account of the
/// envoys' trip in.
const HEADING_WEIGHT: f64 = 0.2;

/// Headings with fewer content words than this are not titles but markup
/// or labels ("nn", "The numbers") and do not inform the heading prior.
const MIN_HEADING_WORDS: usize = 3;

impl Summarizer {
    /// A summarizer with the given settings.
    pub fn new(config: Config) -> Summarizer {
        let tokenizer = Tokenizer::new(multisum_tokenize::Config::new().language(config.language));
        Summarizer {
            config,
            tokenizer,
            encoder: None,
        }
    }

    /// Also cites reports that state a chosen sentence in other words, as
    /// measured by `encoder`'s sentence vectors (the rules are under
    /// [`crate::Basis::Meaning`]). Selection is unchanged; the order (which
    /// the reports carrying each fact vote on) and the corroboration counts
    /// may change. The encoder sees the chosen sentences and the sentences
    /// of the reports that may be cited by meaning.
    pub fn with_encoder(mut self, encoder: Arc<dyn Encoder>) -> Summarizer {
        self.encoder = Some(meaning::Shared(encoder));
        self
    }

    /// Summarizes the reports. Fails only when there are none, the budget is
    /// invalid, or the encoder (see [`Summarizer::with_encoder`]) fails;
    /// reports with no body text give an empty summary.
    pub fn summarize(&self, sources: &[Source]) -> Result<Summary, Error> {
        if sources.is_empty() {
            return Err(Error::no_sources());
        }
        if let Budget::Ratio(r) = self.config.budget
            && !(r.is_finite() && (0.0..=1.0).contains(&r))
        {
            return Err(Error::invalid_ratio(r));
        }
        let Prepared {
            docs,
            original,
            infos,
            analysis,
        } = self.prepare(sources);

        let excluded: Vec<Option<Decision>> = analysis
            .sentences
            .iter()
            .map(|s| {
                if original[s.source] != s.source {
                    Some(Decision::Copy)
                } else if s.stems.len() < MIN_CONTENT_WORDS || !s.finished {
                    Some(Decision::TooShort)
                } else {
                    None
                }
            })
            .collect();
        let limit = select::Limit::new(self.config.budget, analysis.sentences.len());
        let mut objective: Box<dyn select::Objective> = match self.config.selector {
            Selector::Coverage if analysis.sentences.len() <= COVERAGE_LIMIT => {
                let cost = match self.config.budget {
                    Budget::Words(_) => coverage::Cost::Words,
                    Budget::Bytes(_) => coverage::Cost::Bytes,
                    _ => coverage::Cost::Sentences,
                };
                Box::new(coverage::Coverage::new(&analysis, cost))
            }
            _ => Box::new(select::Mmr::new(&analysis, self.config.lambda)),
        };
        let (decisions, mut citations) = select::greedy(
            &analysis,
            excluded,
            limit,
            self.config.redundancy,
            objective.as_mut(),
        );
        drop(objective);
        let mut chosen: Vec<(usize, usize, Components)> = decisions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| match *d {
                Decision::Selected {
                    rank,
                    max_sim,
                    value,
                } => Some((
                    rank,
                    i,
                    Components {
                        centrality: analysis.centrality[i],
                        gain: value,
                        redundancy: max_sim,
                    },
                )),
                _ => None,
            })
            .collect();
        chosen.sort_by_key(|&(rank, ..)| rank);
        let components: Vec<Components> = chosen.iter().map(|&(.., c)| c).collect();
        let chosen: Vec<usize> = chosen.into_iter().map(|(_, i, _)| i).collect();
        if let Some(encoder) = &self.encoder {
            let text = |i: usize| {
                let s = &analysis.sentences[i];
                &sources[s.source].text()[s.span.clone()]
            };
            meaning::cite(&analysis, text, &chosen, &mut citations, &*encoder.0)?;
        }
        let dates: Vec<Option<&str>> = sources.iter().map(Source::date).collect();
        let ordered = order::arrange(&analysis, &chosen, &citations, self.config.order, &dates);

        let out = ordered
            .into_iter()
            .map(|k| {
                let i = chosen[k];
                let s = &analysis.sentences[i];
                let cites: Vec<Citation> = citations[k]
                    .iter()
                    .map(|m| Citation {
                        source: m.source,
                        span: analysis.sentences[m.sentence].span.clone(),
                        basis: m.basis,
                    })
                    .collect();
                SummarySentence {
                    text: sources[s.source].text()[s.span.clone()].to_string(),
                    source: s.source,
                    span: s.span.clone(),
                    components: components[k],
                    corroboration: cites
                        .iter()
                        .map(|c| original[c.source])
                        .collect::<std::collections::BTreeSet<_>>()
                        .len(),
                    citations: cites,
                }
            })
            .collect();
        Ok(Summary {
            sources: infos,
            sentences: out,
            candidates: candidates_of(&docs, &analysis, &decisions),
        })
    }
}

impl Summarizer {
    /// Segments and scores the reports: everything selection needs.
    pub(crate) fn prepare(&self, sources: &[Source]) -> Prepared {
        let mut tokenizers = std::collections::BTreeMap::new();
        let docs: Vec<_> = sources
            .iter()
            .map(|s| {
                self.tokenizer_for(s.text(), &mut tokenizers)
                    .segment(s.text())
            })
            .collect();
        let mut sentences = Vec::new();
        let mut by_source = vec![Vec::new(); sources.len()];
        for (source, (doc, src)) in docs.iter().zip(sources).enumerate() {
            for (position, unit) in doc.body().enumerate() {
                by_source[source].push(sentences.len());
                sentences.push(sentence(source, position, unit, doc, src.text()));
            }
        }
        let original = syndication::originals(&sentences, &by_source);
        let infos = sources
            .iter()
            .zip(&docs)
            .enumerate()
            .map(|(i, (s, d))| SourceInfo {
                id: s.id().to_string(),
                title: s.title().map(str::to_string).or_else(|| {
                    d.headline()
                        .map(|h| collapse_whitespace(&s.text()[h.span.clone()]))
                }),
                path: s.path().map(str::to_string),
                copy_of: (original[i] != i).then_some(original[i]),
            })
            .collect();

        // Every sentence is in the term model (copies are cited too), but
        // only the originals' sentences are scored: a copy would double its
        // twins' centrality.
        let mut set = SentenceSet::new();
        let mut scored = SentenceSet::new();
        let mut scored_ids = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            set.push(s.source, &s.stems);
            if original[s.source] == s.source {
                scored.push(s.source, &s.stems);
                scored_ids.push(i);
            }
        }
        let raw = match self.config.algorithm {
            Algorithm::TextRank => TextRank::default().score(&scored),
            Algorithm::LexRank => LexRank::default().continuous().score(&scored),
            Algorithm::Centroid => Centroid::default().score(&scored),
            Algorithm::TfIdf => TfIdfScorer::default().score(&scored),
        };
        // Headlines and subheadings join the term model (after the body
        // sentences, so sentence indices are unchanged): they are the
        // editors' own statement of what matters.
        let headings: Vec<usize> = docs
            .iter()
            .enumerate()
            .filter(|&(d, _)| original[d] == d)
            .flat_map(|(d, doc)| {
                doc.units()
                    .iter()
                    .filter(|u| matches!(u.kind, UnitKind::Headline | UnitKind::Subheading))
                    .filter(move |u| !sources[d].text()[u.span.clone()].trim_end().ends_with(':'))
                    .map(move |u| (d, content_stems(u, doc)))
            })
            .filter(|(_, stems)| stems.len() >= MIN_HEADING_WORDS)
            .map(|(d, stems)| set.push(d, stems))
            .collect();
        let model = TfIdf::new().model(&set);
        let max = raw.values().iter().copied().fold(0.0, f64::max);
        let mut centrality = vec![0.0; sentences.len()];
        for (&i, &v) in scored_ids.iter().zip(raw.values()) {
            centrality[i] = if max > 0.0 { v / max } else { 0.0 };
        }
        if !headings.is_empty() {
            let beta = HEADING_WEIGHT;
            let heading_sim = max_cosine_to(&model, sentences.len(), &headings);
            let top = heading_sim.iter().copied().fold(0.0, f64::max);
            if top > 0.0 {
                for (c, h) in centrality.iter_mut().zip(&heading_sim) {
                    if *c > 0.0 {
                        *c = (1.0 - beta) * *c + beta * h / top;
                    }
                }
                let max = centrality.iter().copied().fold(0.0, f64::max);
                centrality.iter_mut().for_each(|c| *c /= max);
            }
        }
        Prepared {
            docs,
            original,
            infos,
            analysis: Analysis {
                sentences,
                by_source,
                model,
                centrality,
            },
        }
    }
}

/// Every unit of every report with its verdict, by report and text order.
fn candidates_of(docs: &[Document], analysis: &Analysis, decisions: &[Decision]) -> Vec<Candidate> {
    // Where each body sentence lands in the candidate list.
    let mut index_of = Vec::with_capacity(analysis.sentences.len());
    let mut n = 0;
    for doc in docs {
        for unit in doc.units() {
            if unit.kind == UnitKind::Body {
                index_of.push(n);
            }
            n += 1;
        }
    }
    let chosen: Vec<usize> = (0..decisions.len())
        .filter(|&i| matches!(decisions[i], Decision::Selected { .. }))
        .collect();
    let mut out = Vec::with_capacity(n);
    let mut body = 0;
    for (source, doc) in docs.iter().enumerate() {
        for unit in doc.units() {
            let (centrality, verdict, closest) = if unit.kind == UnitKind::Body {
                let i = body;
                body += 1;
                let verdict = match decisions[i] {
                    Decision::Selected { rank, .. } => Verdict::Chosen { rank },
                    Decision::Redundant { with, similarity } => Verdict::Redundant {
                        with: index_of[with],
                        similarity,
                    },
                    Decision::Restates { with, reports } => Verdict::Restates {
                        with: index_of[with],
                        reports,
                    },
                    Decision::OverBudget => Verdict::OverBudget,
                    Decision::Dangling => Verdict::Dangling,
                    Decision::TooShort => Verdict::TooShort,
                    Decision::Copy => Verdict::Copy,
                    Decision::NotReached => Verdict::NotReached,
                };
                let closest = if matches!(verdict, Verdict::Chosen { .. }) {
                    None
                } else {
                    chosen
                        .iter()
                        .map(|&c| (c, analysis.similarity(i, c)))
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                        .map(|(c, sim)| (index_of[c], sim))
                };
                (analysis.centrality[i], verdict, closest)
            } else if unit.kind == UnitKind::Boilerplate {
                (0.0, Verdict::Boilerplate, None)
            } else {
                (0.0, Verdict::Heading, None)
            };
            out.push(Candidate {
                source,
                span: unit.span.clone(),
                centrality,
                verdict,
                closest,
            });
        }
    }
    out
}

impl Summarizer {
    /// The configured tokenizer, or with language detection on, one for the
    /// text's language (made once per language and call).
    fn tokenizer_for<'a>(
        &'a self,
        text: &str,
        cache: &'a mut std::collections::BTreeMap<Language, Tokenizer>,
    ) -> &'a Tokenizer {
        if !self.config.detect_language {
            return &self.tokenizer;
        }
        let language = multisum_tokenize::detect_language(text).unwrap_or(self.config.language);
        if language == self.config.language {
            return &self.tokenizer;
        }
        cache
            .entry(language)
            .or_insert_with(|| Tokenizer::new(multisum_tokenize::Config::new().language(language)))
    }
}

/// For each of the first `n` rows of the model, its highest cosine with any
/// of `targets` (0 when it shares no term with them). Through an inverted
/// index of the targets, so only pairs that share a term cost anything
/// (the 1,250-report DUC cluster pairs 34,970 sentences with up to 390
/// headings);
/// each dot product adds the same products in the same (term) order as
/// [`TermModel::cosine`], so the values are identical to it.
fn max_cosine_to(model: &TermModel, n: usize, targets: &[usize]) -> Vec<f64> {
    let mut postings: std::collections::HashMap<u32, Vec<(usize, f64)>> =
        std::collections::HashMap::new();
    for (k, &t) in targets.iter().enumerate() {
        for &(term, w) in model.vector(t) {
            postings.entry(term).or_default().push((k, w));
        }
    }
    let mut dot = vec![0.0f64; targets.len()];
    let mut seen = vec![false; targets.len()];
    let mut touched: Vec<usize> = Vec::new();
    (0..n)
        .map(|i| {
            for &(term, w) in model.vector(i) {
                for &(k, wt) in postings.get(&term).map_or(&[][..], Vec::as_slice) {
                    if !seen[k] {
                        seen[k] = true;
                        touched.push(k);
                    }
                    dot[k] += w * wt;
                }
            }
            touched
                .drain(..)
                .map(|k| {
                    seen[k] = false;
                    std::mem::take(&mut dot[k]).clamp(0.0, 1.0)
                })
                .fold(0.0, f64::max)
        })
        .collect()
}

/// The stems of a unit's content words (stopwords left out), in order.
fn content_stems(unit: &Unit, doc: &Document) -> Vec<String> {
    let vocabulary = doc.vocabulary();
    unit.tokens
        .iter()
        .filter(|t| !t.stopword)
        .map(|t| vocabulary.stem(t.term).to_string())
        .collect()
}

fn sentence(source: usize, position: usize, unit: &Unit, doc: &Document, text: &str) -> Sentence {
    let stems = content_stems(unit, doc);
    let dangling = unit
        .tokens
        .first()
        .is_some_and(|t| DANGLING_OPENERS.contains(&doc.vocabulary().norm(t.term)));
    Sentence {
        source,
        span: unit.span.clone(),
        position,
        stems,
        words: text[unit.span.clone()].split_whitespace().count(),
        dangling,
        finished: ends_like_a_sentence(&text[unit.span.clone()]),
        quotation: text[unit.span.clone()].starts_with(['"', '“', '„', '«', '‘']),
    }
}

/// Whether the text ends with terminal punctuation, maybe inside closing
/// quotes or brackets.
fn ends_like_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// The text with every run of white space (newlines included) as one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
