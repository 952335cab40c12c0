//! The pipeline: segment → analyse → select → cite → order, then the
//! [`Summary`]. This module only runs the stages in turn and hands each
//! the results of the last; none of them imports it.

use std::collections::BTreeSet;
use std::sync::Arc;

use multisum_tokenize::{Document, Tokenizer, UnitKind};

use crate::analyse;
use crate::cite::{Citer, Support};
use crate::config::{Budget, Config};
use crate::differ::{self, Differ, Found};
use crate::error::Error;
use crate::meaning::{self, Encoder};
use crate::model::{Analysis, Sentence};
use crate::order;
use crate::select::Restatement;
use crate::select::{self, Selection};
use crate::source::Source;
use crate::summary::{
    Candidate, Citation, Disagreement, Evidence, SourceInfo, Summary, SummarySentence, Verdict,
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
        let mut selection = select::select(
            &analysis,
            config.budget,
            config.selector,
            tuning,
            &mut citer,
        );
        let mut citations = citer.cite(&selection.chosen);
        let dates: Vec<Option<&str>> = sources.iter().map(Source::date).collect();
        let mut differ = Differ::new(&analysis, tuning);
        let mut found: Vec<Vec<Found>> = selection
            .chosen
            .iter()
            .zip(&citations)
            .map(|(&i, cited)| differ.find(i, cited))
            .collect();
        // Updates: a newer report's value for a chosen sentence's claim
        // takes its place, and its own value becomes an earlier figure.
        for k in 0..selection.chosen.len() {
            let old = selection.chosen[k];
            // Newer than every report that states the chosen value.
            let cited: Vec<usize> = citations[k].iter().map(|m| m.source).collect();
            let newer = differ::newest(&found[k], &dates, &cited, |f| differ.replaces(old, f));
            let Some(newer) = newer.map(|f| f.sentence) else {
                continue;
            };
            let others: Vec<usize> = (0..selection.chosen.len())
                .filter(|&m| m != k)
                .map(|m| selection.chosen[m])
                .collect();
            if citer.restates(newer, &others).is_some()
                || !selection.replace(&analysis, config.budget, tuning, k, newer)
            {
                continue;
            }
            citations[k] = citer.cite(&[newer]).remove(0);
            found[k] = differ.find(newer, &citations[k]);
        }
        let chosen = &selection.chosen;
        if let Some(encoder) = &self.encoder {
            let text = |i: usize| {
                let s = &analysis.sentences[i];
                sources[s.source].read(s.span.clone())
            };
            let differing: Vec<Vec<usize>> = found
                .iter()
                .map(|f| f.iter().map(|f| f.source).collect())
                .collect();
            meaning::cite(
                &analysis,
                tuning,
                text,
                chosen,
                &mut citations,
                &differing,
                &*encoder.0,
            )?;
        }
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
                let disagreements = found[k]
                    .iter()
                    .map(|f| disagreement(sources, &analysis, s, f, &dates))
                    .collect();
                SummarySentence {
                    disagreements,
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
            selector: selection.selector,
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

/// The longest value with the word it counts shown ("116 aboard"); past
/// it, the value alone.
const PHRASE_BYTES: usize = 40;

/// A report's other value for sentence `s`'s claim, in both sentences'
/// words.
fn disagreement(
    sources: &[Source],
    analysis: &Analysis,
    s: &Sentence,
    found: &Found,
    dates: &[Option<&str>],
) -> Disagreement {
    let theirs = &analysis.sentences[found.sentence];
    let d = &found.difference;
    let (ours_claims, their_claims) = (&s.claims, &theirs.claims);
    let claim = ours_claims.claims.get(d.claim).cloned().unwrap_or(0..0);
    let bytes = |claims: &crate::claim::Claims, terms: std::ops::Range<usize>| {
        let terms = &claims.terms[terms];
        match (terms.first(), terms.last()) {
            (Some(a), Some(b)) => a.span.start..b.span.end,
            _ => 0..0,
        }
    };
    let ours_span = bytes(ours_claims, d.ours.clone());
    let value_span = bytes(their_claims, d.theirs.clone());
    let ours_text =
        |span: std::ops::Range<usize>| collapse_whitespace(&sources[s.source].read(span));
    let their_text =
        |span: std::ops::Range<usize>| collapse_whitespace(&sources[found.source].read(span));
    // A number with the word it counts ("116 aboard"), if one follows it
    // in its claim.
    let counted = their_claims
        .claims
        .iter()
        .find(|r| r.contains(&d.theirs.start))
        .filter(|r| d.kind == crate::summary::ValueKind::Number && d.theirs.end < r.end)
        .map(|_| their_claims.terms[d.theirs.end].span.end);
    let phrase = match counted {
        Some(end) if end - value_span.start <= PHRASE_BYTES => their_text(value_span.start..end),
        _ => their_text(value_span.clone()),
    };
    // The claim's words besides the values that the report's sentence
    // holds, each once.
    let mut words = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for (t, term) in ours_claims.terms[claim.clone()].iter().enumerate() {
        let t = claim.start + t;
        if term.number
            || d.ours.contains(&t)
            || !their_claims.has(term.id)
            || seen.contains(&term.id)
        {
            continue;
        }
        seen.push(term.id);
        words.push(ours_text(term.span.clone()));
    }
    Disagreement {
        source: found.source,
        span: theirs.span.clone(),
        kind: d.kind,
        value: their_text(value_span.clone()),
        value_span,
        phrase,
        ours: ours_text(ours_span.clone()),
        ours_span,
        relation: differ::relation(dates[s.source], dates[found.source]),
        claim: bytes(ours_claims, claim),
        coverage: d.coverage,
        words,
    }
}
