//! Finding every report that states a chosen sentence's content.
//!
//! Two sentences *agree* when their TF-IDF cosine reaches
//! `Tuning::cite_cosine` and at least `Tuning::cite_overlap` of the shorter
//! one's distinct content stems are in the other. A report is cited for a
//! chosen sentence when one of its sentences
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
//! Selection asks this stage whether a candidate *restates* a chosen
//! sentence ([`Citer`] implements [`Restatement`]): it does when their
//! citations land on the same sentence in at least `Tuning::restate_reports`
//! reports and in at least `Tuning::restate_share` of the reports the one
//! with fewer citations cites.
//!
//! How the thresholds were measured, and what the hop costs, is in
//! `docs/quality.md`.

use std::collections::HashSet;

use multisum_score::Searcher;

use crate::model::Analysis;
use crate::select::Restatement;
use crate::summary::Basis;
use crate::tuning::Tuning;

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

/// A statement's sentences with their similarities to every sentence that
/// shares a term with them (sorted by sentence), so that comparing the
/// statement with any other sentence is a lookup.
struct Probe {
    members: Vec<(usize, Vec<(u32, f64)>)>,
}

impl Probe {
    fn new(
        analysis: &Analysis,
        searcher: &mut Searcher<'_>,
        statement: [Option<usize>; 2],
    ) -> Probe {
        let members = statement
            .into_iter()
            .flatten()
            .map(|a| (a, searcher.cosines(analysis.model.vector(a)).to_vec()))
            .collect();
        Probe { members }
    }

    /// How strongly sentence `j`'s statement agrees with this one, if it
    /// does: the strongest agreeing pair decides. Two sentences agree when
    /// both bounds hold; their strength is the cosine.
    fn agree(&self, analysis: &Analysis, tuning: &Tuning, j: usize) -> Option<f64> {
        let mut best: Option<f64> = None;
        for b in statement(analysis, j).into_iter().flatten() {
            for (a, similar) in &self.members {
                let cos = similar
                    .binary_search_by_key(&(b as u32), |&(s, _)| s)
                    .map_or(0.0, |k| similar[k].1);
                // The overlap (two hash sets) only where the cosine passes.
                if cos >= tuning.cite_cosine
                    && best.is_none_or(|s| cos > s)
                    && overlap(analysis, *a, b) >= tuning.cite_overlap
                {
                    best = Some(cos);
                }
            }
        }
        best
    }
}

/// The citation stage: which sentence of each report states a chosen
/// sentence's content. Remembers what it found, so that selection's
/// questions and the final citations cost one search per sentence.
pub(crate) struct Citer<'a> {
    analysis: &'a Analysis,
    tuning: &'a Tuning,
    searcher: Searcher<'a>,
    found: Vec<Option<Vec<Match>>>,
}

impl<'a> Citer<'a> {
    pub(crate) fn new(analysis: &'a Analysis, tuning: &'a Tuning) -> Citer<'a> {
        Citer {
            analysis,
            tuning,
            searcher: analysis.index.searcher(),
            found: vec![None; analysis.sentences.len()],
        }
    }

    /// What sentence `i` cites: every report's best-matching sentence,
    /// the origin included, ordered by report.
    pub(crate) fn matches(&mut self, i: usize) -> &[Match] {
        if self.found[i].is_none() {
            let found = matches(self.analysis, self.tuning, &mut self.searcher, i);
            self.found[i] = Some(found);
        }
        self.found[i].as_deref().unwrap_or_default()
    }

    /// The citations of each chosen sentence, in the order given.
    pub(crate) fn cite(&mut self, chosen: &[usize]) -> Vec<Vec<Match>> {
        chosen.iter().map(|&i| self.matches(i).to_vec()).collect()
    }
}

impl Restatement for Citer<'_> {
    fn restates(&mut self, i: usize, chosen: &[usize]) -> Option<(usize, usize)> {
        let ours = self.matches(i).to_vec();
        for (k, &c) in chosen.iter().enumerate() {
            let theirs = self.matches(c);
            let shared = shared_citations(&ours, theirs);
            let smaller = ours.len().min(theirs.len());
            if shared >= self.tuning.restate_reports
                && shared as f64 >= self.tuning.restate_share * smaller as f64
            {
                return Some((k, shared));
            }
        }
        None
    }
}

/// In how many reports two citation lists (ordered by report, one
/// citation per report) cite the same sentence.
fn shared_citations(a: &[Match], b: &[Match]) -> usize {
    let (mut x, mut y, mut shared) = (0, 0, 0);
    while x < a.len() && y < b.len() {
        match a[x].source.cmp(&b[y].source) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                shared += usize::from(a[x].sentence == b[y].sentence);
                x += 1;
                y += 1;
            }
        }
    }
    shared
}

/// Every report's best-matching sentence for `chosen`, the origin itself
/// included, ordered by report. Sentences match when their statements do
/// (see [`statement`]): the strongest pair decides.
fn matches(
    analysis: &Analysis,
    tuning: &Tuning,
    searcher: &mut Searcher<'_>,
    chosen: usize,
) -> Vec<Match> {
    let origin = analysis.sentences[chosen].source;
    let ours = Probe::new(analysis, searcher, statement(analysis, chosen));
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
        out.extend(strongest(source, sentences, |j| {
            ours.agree(analysis, tuning, j)
        }));
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
    hubs.truncate(tuning.hop_from);
    let probes: Vec<(f64, Probe)> = hubs
        .iter()
        .map(|m| {
            (
                m.strength,
                Probe::new(analysis, searcher, statement(analysis, m.sentence)),
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
                .filter_map(|(strength, probe)| {
                    probe.agree(analysis, tuning, j).map(|s| s.min(*strength))
                })
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

/// Citations by words of the given sentences, strongest possible, for the
/// unit tests of the stages that read citations.
#[cfg(test)]
pub(crate) fn cited_by_words(analysis: &Analysis, sentences: &[usize]) -> Vec<Match> {
    sentences
        .iter()
        .map(|&sentence| Match {
            source: analysis.sentences[sentence].source,
            sentence,
            strength: 1.0,
            basis: Basis::Words,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::build;

    struct Case {
        name: &'static str,
        reports: &'static [&'static [&'static str]],
        chosen: usize,
        /// (report, sentence) of every citation, ordered by report.
        cited: &'static [(usize, usize)],
    }

    fn check(case: &Case) {
        let analysis = build::analysis(case.reports);
        let tuning = Tuning::default();
        let mut citer = Citer::new(&analysis, &tuning);
        let cited: Vec<(usize, usize)> = citer
            .matches(case.chosen)
            .iter()
            .map(|m| (m.source, m.sentence))
            .collect();
        assert_eq!(cited, case.cited, "{}", case.name);
    }

    #[test]
    fn citation_rules() {
        let cases = [
            Case {
                name: "a sentence agreeing in cosine and overlap is cited; others are not",
                reports: &[&["a b c d e"], &["a b c d x"], &["p q r s t"]],
                chosen: 0,
                cited: &[(0, 0), (1, 1)],
            },
            Case {
                name: "contained in a long sentence, but the cosine is too low",
                reports: &[
                    &["a b c d"],
                    &[
                        "a b c d e1 e2 e3 e4 e5 e6 e7 e8 e9 f1 f2 f3 f4 f5 f6 f7 f8 f9 \
                       g1 g2 g3 g4 g5 g6 g7 g8 g9 h1 h2 h3 h4 h5 h6 h7 h8 h9 \
                       i1 i2 i3 i4 i5 i6 i7 i8 i9 j1 j2 j3 j4 j5 j6 j7 j8 j9",
                    ],
                ],
                chosen: 0,
                cited: &[(0, 0)],
            },
            Case {
                name: "one heavy shared word: cosine passes, overlap does not",
                reports: &[
                    &["a a a a a a a a b c d e f"],
                    &["a a a a a a a a g h i j k"],
                ],
                chosen: 0,
                cited: &[(0, 0)],
            },
            Case {
                name: "the quotation that follows a sentence is part of its statement",
                reports: &[&["a b c d", ">q r s t"], &["q r s t u"]],
                chosen: 0,
                cited: &[(0, 0), (1, 2)],
            },
            Case {
                name: "one hop: what a cited sentence states in a third report",
                reports: &[&["a b c d e f"], &["a b c d g h i j"], &["g h i j k l"]],
                chosen: 0,
                cited: &[(0, 0), (1, 1), (2, 2)],
            },
            Case {
                name: "a report's most similar agreeing sentence is cited, once",
                reports: &[&["a b c d e"], &["a b c x y", "a b c d y"]],
                chosen: 0,
                cited: &[(0, 0), (1, 2)],
            },
        ];
        for case in &cases {
            check(case);
        }
    }

    struct Restates {
        name: &'static str,
        reports: &'static [&'static [&'static str]],
        tune: fn(&mut Tuning),
        candidate: usize,
        chosen: &'static [usize],
        /// The chosen sentence (position in `chosen`) and the shared reports.
        expected: Option<(usize, usize)>,
    }

    #[test]
    fn restatement_rules() {
        // Sentences 0 and 1 both agree with report 1's and report 2's
        // sentences but not with each other (they cite each other's
        // report's sentence through neither bound).
        const TWO: &[&[&str]] = &[
            &["a b c d e f g h", "e f g h i j k l"],
            &["a b c d i j k l"],
            &["a b c d i j k l m"],
        ];
        let cases = [
            Restates {
                name: "the same sentence cited in two reports",
                reports: TWO,
                tune: |_| {},
                candidate: 1,
                chosen: &[0],
                expected: Some((0, 2)),
            },
            Restates {
                name: "fewer shared reports than required",
                reports: TWO,
                tune: |t| t.restate_reports = 3,
                candidate: 1,
                chosen: &[0],
                expected: None,
            },
            Restates {
                name: "too small a share of the citations",
                reports: TWO,
                tune: |t| t.restate_share = 1.0,
                candidate: 1,
                chosen: &[0],
                expected: None,
            },
            Restates {
                name: "nothing shared",
                reports: &[&["a b c d", "w x y z"], &["a b c d e"], &["w x y z v"]],
                tune: |_| {},
                candidate: 1,
                chosen: &[0],
                expected: None,
            },
        ];
        for case in &cases {
            let analysis = build::analysis(case.reports);
            let mut tuning = Tuning::default();
            (case.tune)(&mut tuning);
            let mut citer = Citer::new(&analysis, &tuning);
            assert_eq!(
                citer.restates(case.candidate, case.chosen),
                case.expected,
                "{}",
                case.name
            );
        }
    }
}
