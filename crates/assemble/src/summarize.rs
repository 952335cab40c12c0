//! The pipeline: segment → analyse → select → cite → order, then the
//! [`Summary`]. This module only runs the stages in turn and hands each
//! the results of the last; none of them imports it.

use std::collections::BTreeSet;
use std::sync::Arc;

use multisum_tokenize::{Document, Tokenizer, UnitKind};

use crate::analyse;
use crate::cite::{Citer, Support};
use crate::config::{Budget, Config};
use crate::error::Error;
use crate::meaning::{self, Encoder};
use crate::model::{Analysis, Sentence};
use crate::order;
use crate::select::{self, Selection};
use crate::source::Source;
use crate::summary::{
    Candidate, Citation, Evidence, SourceInfo, Summary, SummarySentence, Verdict,
};
use crate::text::collapse_whitespace;

/// Makes consolidated summaries. Cheap to build; reusable across inputs.
#[derive(Debug)]
pub struct Summarizer {
    config: Config,
    tokenizer: Tokenizer,
    encoder: Option<meaning::Shared>,
}

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
    /// invalid, a [`Tuning`](crate::Tuning) value is not finite, or the
    /// encoder (see [`Summarizer::with_encoder`]) fails; reports with no
    /// body text give an empty summary.
    pub fn summarize(&self, sources: &[Source]) -> Result<Summary, Error> {
        self.run(sources, &self.config)
    }

    /// Summarizes the reports to answer `query`, in place of the
    /// configured [`Config::query`](crate::Config::query): for many
    /// clusters, each with its own question, with one summarizer.
    /// An empty or blank `query` leaves the configured one.
    pub fn summarize_answering(&self, sources: &[Source], query: &str) -> Result<Summary, Error> {
        if query.trim().is_empty() {
            return self.run(sources, &self.config);
        }
        self.run(sources, &self.config.clone().query(query))
    }

    fn run(&self, sources: &[Source], config: &Config) -> Result<Summary, Error> {
        if sources.is_empty() {
            return Err(Error::no_sources());
        }
        if let Budget::Ratio(r) = config.budget
            && !(r.is_finite() && (0.0..=1.0).contains(&r))
        {
            return Err(Error::invalid_ratio(r));
        }
        let tuning = &config.tuning;
        if let Some(field) = tuning.non_finite() {
            return Err(Error::invalid_tuning(field));
        }
        let (docs, read_in) = analyse::segment(sources, &self.tokenizer, config);
        let analysis = analyse::analyse(sources, &docs, &read_in, config);

        let mut citer = Citer::new(&analysis, tuning);
        let selection = select::select(
            &analysis,
            config.budget,
            config.selector,
            tuning,
            &mut citer,
        );
        let chosen = &selection.chosen;
        let mut citations = citer.cite(chosen);
        if let Some(encoder) = &self.encoder {
            let text = |i: usize| {
                let s = &analysis.sentences[i];
                sources[s.source].read(s.span.clone())
            };
            meaning::cite(&analysis, tuning, text, chosen, &mut citations, &*encoder.0)?;
        }
        let dates: Vec<Option<&str>> = sources.iter().map(Source::date).collect();
        let ordered = order::arrange(&analysis, chosen, &citations, config.order, &dates);

        let sentences = ordered
            .into_iter()
            .map(|k| {
                let s = &analysis.sentences[chosen[k]];
                let cites: Vec<Citation> = citations[k]
                    .iter()
                    .map(|m| Citation {
                        source: m.source,
                        span: analysis.sentences[m.sentence].span.clone(),
                        basis: m.basis,
                        evidence: m.support.map(|support| {
                            evidence(sources, s, &analysis.sentences[m.sentence], support)
                        }),
                    })
                    .collect();
                SummarySentence {
                    text: sources[s.source].read(s.span.clone()).into_owned(),
                    source: s.source,
                    span: s.span.clone(),
                    components: selection.components[k],
                    corroboration: cites
                        .iter()
                        .map(|c| analysis.original[c.source])
                        .collect::<BTreeSet<_>>()
                        .len(),
                    citations: cites,
                }
            })
            .collect();
        Ok(Summary {
            sources: source_infos(sources, &docs, &read_in, &analysis),
            sentences,
            candidates: candidates(&docs, &analysis, &selection),
        })
    }
}

/// What the summary says about each report: id, title (given, else its
/// headline), path, the report it is a copy of, and its language.
fn source_infos(
    sources: &[Source],
    docs: &[Document],
    read_in: &[analyse::ReadIn],
    analysis: &Analysis,
) -> Vec<SourceInfo> {
    sources
        .iter()
        .zip(docs)
        .zip(read_in)
        .enumerate()
        .map(|(i, ((s, doc), &(language, detected)))| SourceInfo {
            id: s.id().to_string(),
            title: s.title().map(str::to_string).or_else(|| {
                doc.headline()
                    .map(|h| collapse_whitespace(&s.read(h.span.clone())))
            }),
            path: s.path().map(str::to_string),
            copy_of: (analysis.original[i] != i).then_some(analysis.original[i]),
            language,
            detected,
            format: s.format(),
            encoding: s.encoding().map(str::to_string),
            spans: s.spans(),
        })
        .collect()
}

/// Every unit of every report with its verdict, by report and text order.
fn candidates(docs: &[Document], analysis: &Analysis, selection: &Selection) -> Vec<Candidate> {
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
    let mut chosen = selection.chosen.clone();
    chosen.sort_unstable();
    let mut out = Vec::with_capacity(n);
    let mut body = 0;
    for (source, doc) in docs.iter().enumerate() {
        for unit in doc.units() {
            let (centrality, verdict, closest) = if unit.kind == UnitKind::Body {
                let i = body;
                body += 1;
                let verdict = selection.verdicts[i].clone().renumbered(|s| index_of[s]);
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

/// What sentence `cited` matched of sentence `s`'s claim, in `s`'s own
/// words (each word once).
fn evidence(sources: &[Source], s: &Sentence, cited: &Sentence, support: Support) -> Evidence {
    let claims = &s.claims;
    let claim = claims.claims.get(support.claim).cloned().unwrap_or(0..0);
    let terms = &claims.terms[claim];
    let span = match (terms.first(), terms.last()) {
        (Some(a), Some(b)) => a.span.start..b.span.end,
        _ => s.span.clone(),
    };
    let mut matched: Vec<&crate::claim::Term> = Vec::new();
    for t in terms.iter().filter(|t| cited.claims.has(t.id)) {
        if !matched.iter().any(|m| m.id == t.id) {
            matched.push(t);
        }
    }
    let text = |t: &&crate::claim::Term| sources[s.source].read(t.span.clone()).into_owned();
    Evidence {
        claim: span,
        coverage: support.coverage,
        words: matched.iter().map(text).collect(),
        numbers: matched.iter().filter(|t| t.number).map(text).collect(),
        names: matched.iter().filter(|t| t.name).map(text).collect(),
        negated: matched.iter().any(|t| t.negated),
    }
}
