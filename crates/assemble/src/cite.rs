//! Finding every report that states a chosen sentence's content.
//!
//! Two sentences *agree* when both lexical bounds below hold. A report is
//! cited for a chosen sentence when one of its sentences
//! 1. agrees with the chosen sentence's *statement*: the sentence and, in
//!    news style's paraphrase-then-quote pattern, the direct quotation that
//!    follows it ("Trump said the US could do devastating things to Russia's
//!    economy." / "“I can do things financially that would be very bad for
//!    Russia,” Trump said."), compared with the other sentence's own
//!    statement; or, failing that,
//! 2. agrees with (the statement of) a sentence cited under 1 in a third
//!    report: it states in its own words what a restatement states (one
//!    hop, never more).
//!
//! On `corpus/ceasefire-talks`, 1 brings Trump's threat from one report to
//! four (reports 2 and 3 paraphrase the quote, report 1 quotes it), 2 the
//! fifth ("take financial actions to pressure Russia", which agrees with
//! report 3's "financial measures to pressure Russia"). The price of 2: a
//! sentence that shares a template with a restatement can be cited though
//! it reports another fact (report 2's "The timing of this visit is
//! notable, as the Russian military … recapture of Sudzha" for Putin's
//! visit, by way of report 1's "The timing of the US visit is notable, as
//! … Putin visiting troops in Kursk").

use std::collections::HashSet;

use crate::Basis;
use crate::summarize::Analysis;

/// A sentence of another report counts as stating the same content when its
/// TF-IDF cosine with the chosen sentence reaches this...
pub(crate) const CITE_COSINE: f64 = 0.30;
/// ...and at least this share of the shorter sentence's content words (as
/// stems) appear in the other. Measured on `corpus/ceasefire-talks`: the
/// restatements cited there (Rubio's "ball in their court", Syrskyi's
/// withdrawal, the envoys' trip) score cosine 0.33–0.79 with overlap
/// 0.46–0.81, while the best-scoring sentence on another fact reaches cosine
/// 0.26 or overlap 0.38. Both bounds are needed: a short sentence made of the
/// story's everyday words ("US officials travel to Moscow for ceasefire
/// talks") is half contained in many long ones. Lowering them instead of
/// matching statements and restatements (see the module) cites wrong
/// sentences elsewhere before it reaches the paraphrases (an unrelated
/// sentence at cosine 0.21, overlap 0.50).
pub(crate) const CITE_OVERLAP: f64 = 0.40;

/// The second hop starts from at most this many of the strongest direct
/// matches (five reports have at most four; a cluster of hundreds would
/// otherwise cost hundreds of comparisons per sentence).
const HOP_FROM: usize = 8;

/// One cited sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Match {
    pub(crate) source: usize,
    pub(crate) sentence: usize,
    pub(crate) strength: f64,
    pub(crate) basis: Basis,
}

/// The share of the smaller sentence's distinct content stems that the
/// other one contains (the overlap coefficient).
pub(crate) fn overlap(analysis: &Analysis, a: usize, b: usize) -> f64 {
    let sa: HashSet<&str> = analysis.sentences[a]
        .stems
        .iter()
        .map(String::as_str)
        .collect();
    let sb: HashSet<&str> = analysis.sentences[b]
        .stems
        .iter()
        .map(String::as_str)
        .collect();
    let smaller = sa.len().min(sb.len());
    if smaller == 0 {
        return 0.0;
    }
    sa.intersection(&sb).count() as f64 / smaller as f64
}

/// The sentences that make up `i`'s statement: itself and, in news style's
/// paraphrase-then-quote pattern, the direct quotation that follows it (or,
/// for a quotation, the sentence it follows). "Trump said the US could do
/// devastating things to Russia's economy." and "“I can do things
/// financially that would be very bad for Russia,” Trump said." are one
/// statement: a report that carries either carries it.
fn statement(analysis: &Analysis, i: usize) -> [Option<usize>; 2] {
    let s = &analysis.sentences[i];
    let own = &analysis.by_source[s.source];
    let next = own
        .get(s.position + 1)
        .copied()
        .filter(|&n| analysis.sentences[n].quotation);
    let previous = (s.quotation && s.position > 0).then(|| own[s.position - 1]);
    [Some(i), next.or(previous)]
}

/// A statement's sentences with their TF-IDF vectors spread out by term, so
/// that comparing one with any other sentence costs the other's length.
struct Probe {
    members: Vec<(usize, Vec<f64>)>,
}

impl Probe {
    fn new(analysis: &Analysis, statement: [Option<usize>; 2]) -> Probe {
        let members = statement
            .into_iter()
            .flatten()
            .map(|a| {
                let v = analysis.model.vector(a);
                let mut dense = vec![0.0; v.last().map_or(0, |&(t, _)| t as usize + 1)];
                for &(t, w) in v {
                    dense[t as usize] = w;
                }
                (a, dense)
            })
            .collect();
        Probe { members }
    }

    /// How strongly sentence `j`'s statement agrees with this one, if it
    /// does: the strongest agreeing pair decides. Two sentences agree when
    /// both bounds hold; their strength is the cosine.
    fn agree(&self, analysis: &Analysis, j: usize) -> Option<f64> {
        let mut best: Option<f64> = None;
        for b in statement(analysis, j).into_iter().flatten() {
            let v = analysis.model.vector(b);
            for (a, dense) in &self.members {
                // The products of `TermModel::cosine`, added in the same
                // (term) order: the same value; absent terms add zero.
                let mut dot = 0.0;
                for &(t, w) in v {
                    if let Some(&x) = dense.get(t as usize) {
                        dot += x * w;
                    }
                }
                let cos = dot.clamp(0.0, 1.0);
                // The overlap (two hash sets) only where the cosine passes.
                if cos >= CITE_COSINE
                    && best.is_none_or(|s| cos > s)
                    && overlap(analysis, *a, b) >= CITE_OVERLAP
                {
                    best = Some(cos);
                }
            }
        }
        best
    }
}

/// Every report's best-matching sentence for `chosen`, the origin itself
/// included, ordered by report. Sentences match when their statements do
/// (see [`statement`]): the strongest pair decides.
pub(crate) fn matches(analysis: &Analysis, chosen: usize) -> Vec<Match> {
    let origin = analysis.sentences[chosen].source;
    let ours = Probe::new(analysis, statement(analysis, chosen));
    let mut out = Vec::new();
    for (source, sentences) in analysis.by_source.iter().enumerate() {
        if source == origin {
            out.push(Match {
                source,
                sentence: chosen,
                strength: 1.0,
                basis: Basis::Words,
            });
            continue;
        }
        out.extend(strongest(source, sentences, |j| ours.agree(analysis, j)));
    }
    // Second hop: a report none of whose sentences matches the chosen
    // statement may still state what a cited sentence of another report
    // states in its own words. From the strongest few only: the cost is
    // (their number) × (sentences of the reports not yet cited).
    let mut hubs: Vec<Match> = out.iter().copied().filter(|m| m.source != origin).collect();
    hubs.sort_by(|a, b| {
        b.strength
            .total_cmp(&a.strength)
            .then(a.source.cmp(&b.source))
    });
    hubs.truncate(HOP_FROM);
    let probes: Vec<(f64, Probe)> = hubs
        .iter()
        .map(|m| {
            (
                m.strength,
                Probe::new(analysis, statement(analysis, m.sentence)),
            )
        })
        .collect();
    let mut cited = vec![false; analysis.by_source.len()];
    for m in &out {
        cited[m.source] = true;
    }
    for (source, sentences) in analysis.by_source.iter().enumerate() {
        if cited[source] || probes.is_empty() {
            continue;
        }
        out.extend(strongest(source, sentences, |j| {
            probes
                .iter()
                .filter_map(|(strength, probe)| probe.agree(analysis, j).map(|s| s.min(*strength)))
                .max_by(f64::total_cmp)
        }));
    }
    out.sort_by_key(|m| m.source);
    out
}

/// The sentence of report `source` that agrees most strongly (ties to the
/// earlier), if any does.
fn strongest(
    source: usize,
    sentences: &[usize],
    strength: impl Fn(usize) -> Option<f64>,
) -> Option<Match> {
    sentences
        .iter()
        .filter_map(|&j| strength(j).map(|s| (j, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(sentence, strength)| Match {
            source,
            sentence,
            strength,
            basis: Basis::Words,
        })
}
