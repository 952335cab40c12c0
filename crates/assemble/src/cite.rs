//! Finding every report that states a chosen sentence's claim.
//!
//! The support test is directional: sentence `c` *supports* sentence `s`
//! when it states one of `s`'s claims (see [`crate::claim`]): it contains
//! at least `Tuning::support_coverage` of the claim's content terms,
//! weighted by their rarity in the input (IDF over sentences), and at least
//! `MIN_CLAIM_TERMS` of them (all, for a shorter claim), `MIN_WHAT` of them
//! not names; it has every number the claim has ("118 crew" is not
//! supported by "116 sailors") and no other number of the same thing ("four
//! on the ground" / "five on the ground"); it agrees in polarity: a negation
//! stands among the shared terms in both or in neither ("was not carrying
//! nuclear weapons" is not supported by "the nuclear reactors shut down");
//! and the two sentences' TF-IDF cosine reaches `Tuning::support_cosine`.
//! Resemblance is not support: a long sentence that shares the story's
//! names but not the claim's own words covers too little of it.
//!
//! A sentence carrying several claims is supported by a sentence that
//! states any one of them (most of its words, as above); the citation's [`Support`] says which
//! claim and what matched, and the output shows it.
//!
//! A report is cited for a chosen sentence when one of its sentences
//! supports it (the one of highest coverage). Selection asks this stage
//! whether a candidate *restates* a chosen sentence ([`Citer`] implements
//! [`Restatement`]): it does when either supports a claim of the other, so
//! that no claim is said twice.
//!
//! How the thresholds were measured is in `docs/quality.md`.

use std::ops::Range;

use multisum_score::Searcher;

use crate::claim::{Claims, MIN_CLAIM_TERMS};
use crate::model::Analysis;
use crate::select::Restatement;
use crate::summary::Basis;
use crate::tuning::Tuning;

/// A supporting sentence matches at least this many of a claim's words
/// that are not names.
const MIN_WHAT: usize = 2;

/// What a supporting sentence matched of a claim.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Support {
    /// Which claim of the supported sentence (an index into its claims).
    pub(crate) claim: usize,
    /// The IDF-weighted share of the claim's terms the supporter contains.
    pub(crate) coverage: f64,
}

/// One cited sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Match {
    pub(crate) source: usize,
    pub(crate) sentence: usize,
    pub(crate) strength: f64,
    pub(crate) basis: Basis,
    /// What it matched, for a citation by words of another sentence.
    pub(crate) support: Option<Support>,
}

/// How rare each term is among the input's sentences: `ln(N / df) + 0.1`,
/// by term id.
pub(crate) struct Rarity {
    idf: Vec<f64>,
}

impl Rarity {
    pub(crate) fn new(analysis: &Analysis) -> Rarity {
        let mut df = vec![0usize; analysis.terms];
        for s in &analysis.sentences {
            for &id in &s.claims.bag {
                if let Some(d) = df.get_mut(id as usize) {
                    *d += 1;
                }
            }
        }
        let n = analysis.sentences.len().max(1) as f64;
        let idf = df
            .into_iter()
            .map(|df| (n / df.max(1) as f64).ln().max(0.0) + 0.1)
            .collect();
        Rarity { idf }
    }

    /// Every term equally rare, for the unit tests of the support test's
    /// users.
    #[cfg(test)]
    pub(crate) fn flat() -> Rarity {
        Rarity { idf: Vec::new() }
    }

    fn of(&self, id: u32) -> f64 {
        self.idf.get(id as usize).copied().unwrap_or(0.1)
    }
}

/// Whether `c` states one of `s`'s claims, and the best-covered one;
/// `coverage_needed` is the least share of the claim it must hold.
pub(crate) fn support(
    rarity: &Rarity,
    s: &Claims,
    c: &Claims,
    coverage_needed: f64,
) -> Option<Support> {
    if conflicting_numbers(s, c) {
        return None;
    }
    let mut best: Option<Support> = None;
    for (k, claim) in s.claims.iter().enumerate() {
        let Some(coverage) = covered(rarity, s, claim.clone(), |id| c.has(id), |_| false) else {
            continue;
        };
        if coverage < coverage_needed || disagree_in_polarity(s, claim.clone(), c) {
            continue;
        }
        if best.is_none_or(|b| coverage > b.coverage) {
            best = Some(Support { claim: k, coverage });
        }
    }
    best
}

/// The IDF-weighted share of `claim` of `s` that another sentence (which
/// `has` a term id or not) contains, if it has enough of it to state it:
/// `MIN_CLAIM_TERMS` of its terms (all of a shorter claim), `MIN_WHAT` of
/// them not names, and every number. Terms for which `left_out` holds (by
/// index into `s.terms`) are not counted.
pub(crate) fn covered(
    rarity: &Rarity,
    s: &Claims,
    claim: Range<usize>,
    has: impl Fn(u32) -> bool,
    left_out: impl Fn(usize) -> bool,
) -> Option<f64> {
    let (mut total, mut got) = (0.0, 0.0);
    let (mut distinct, mut matched_count, mut matched_names) = (0usize, 0usize, 0usize);
    for t in claim.clone() {
        let term = &s.terms[t];
        // Count each distinct term once.
        if left_out(t) || s.terms[claim.start..t].iter().any(|u| u.id == term.id) {
            continue;
        }
        distinct += 1;
        let weight = rarity.of(term.id);
        total += weight;
        if has(term.id) {
            got += weight;
            matched_count += 1;
            matched_names += usize::from(term.name);
        } else if term.number {
            return None;
        }
    }
    // Names ("the National Transportation Safety Board", "New York") are
    // who and where; a claim's other words say what.
    if total <= 0.0
        || matched_count < MIN_CLAIM_TERMS.min(distinct)
        || matched_count - matched_names < MIN_WHAT.min(distinct)
    {
        return None;
    }
    Some(got / total)
}

/// Whether `s` and `c` give different numbers of one thing: a number
/// followed by the same term in both ("four on the ground", "five on the
/// ground"), where `c` never gives `s`'s.
fn conflicting_numbers(s: &Claims, c: &Claims) -> bool {
    let ours = counted(s);
    if ours.is_empty() {
        return false;
    }
    let theirs = counted(c);
    ours.iter().any(|&(n, unit)| {
        theirs.iter().any(|&(m, u)| u == unit && m != n) && !theirs.contains(&(n, unit))
    })
}

/// A sentence's numbers with the term that follows each in the same
/// claim: what is counted.
fn counted(claims: &Claims) -> Vec<(u32, u32)> {
    claims
        .claims
        .iter()
        .flat_map(|claim| claims.terms[claim.clone()].windows(2))
        .filter(|w| w[0].number && !w[1].number)
        .map(|w| (w[0].id, w[1].id))
        .collect()
}

/// Whether a negation stands among the words `claim` of `s` and sentence
/// `c` share in one and not in the other ("was not carrying nuclear
/// weapons" / "the nuclear reactors shut down").
pub(crate) fn disagree_in_polarity(s: &Claims, claim: Range<usize>, c: &Claims) -> bool {
    let ours = &s.terms[claim];
    let negated_in_ours = ours.iter().any(|t| t.negated && c.has(t.id));
    let negated_in_theirs = c
        .terms
        .iter()
        .any(|t| t.negated && ours.iter().any(|u| u.id == t.id));
    negated_in_ours != negated_in_theirs
}

/// The citation stage: which sentence of each report states a chosen
/// sentence's claim; answers selection's questions on restatement.
pub(crate) struct Citer<'a> {
    analysis: &'a Analysis,
    tuning: &'a Tuning,
    rarity: Rarity,
    searcher: Searcher<'a>,
}

impl<'a> Citer<'a> {
    pub(crate) fn new(analysis: &'a Analysis, tuning: &'a Tuning) -> Citer<'a> {
        Citer {
            analysis,
            tuning,
            rarity: Rarity::new(analysis),
            searcher: analysis.index.searcher(),
        }
    }

    /// The citations of each chosen sentence, in the order given.
    pub(crate) fn cite(&mut self, chosen: &[usize]) -> Vec<Vec<Match>> {
        chosen.iter().map(|&i| self.matches(i)).collect()
    }

    /// Whether sentence `c` supports sentence `s`; `cosine` is theirs.
    fn supports(&self, s: usize, c: usize, cosine: f64) -> Option<Support> {
        let analysis = self.analysis;
        if cosine < self.tuning.support_cosine {
            return None;
        }
        support(
            &self.rarity,
            &analysis.sentences[s].claims,
            &analysis.sentences[c].claims,
            self.tuning.support_coverage,
        )
    }

    /// Whether sentence `c` says one of `s`'s claims again: it contains
    /// `Tuning::repeat_coverage` of the claim, whatever the cosine (in
    /// passing too), or `Tuning::support_coverage` of it at a cosine of at
    /// least `Tuning::restate_cosine` (in words of its own).
    fn repeats(&self, s: usize, c: usize, cosine: f64) -> Option<Support> {
        let analysis = self.analysis;
        let (ours, theirs) = (&analysis.sentences[s].claims, &analysis.sentences[c].claims);
        support(&self.rarity, ours, theirs, self.tuning.repeat_coverage).or_else(|| {
            (cosine >= self.tuning.restate_cosine)
                .then(|| support(&self.rarity, ours, theirs, self.tuning.support_coverage))
                .flatten()
        })
    }

    /// What sentence `chosen` cites: every report's best-supporting
    /// sentence, the origin itself included, ordered by report. Only
    /// sentences sharing a stem with it (the similarity index's answer) are
    /// tried.
    fn matches(&mut self, chosen: usize) -> Vec<Match> {
        let analysis = self.analysis;
        let origin = analysis.sentences[chosen].source;
        let mut best: Vec<Option<Match>> = vec![None; analysis.by_source.len()];
        best[origin] = Some(Match {
            source: origin,
            sentence: chosen,
            strength: 1.0,
            basis: Basis::Words,
            support: None,
        });
        let near: Vec<(u32, f64)> = self
            .searcher
            .cosines(analysis.model.vector(chosen))
            .to_vec();
        for (j, cosine) in near {
            let j = j as usize;
            let source = analysis.sentences[j].source;
            if source == origin {
                continue;
            }
            if let Some(support) = self.supports(chosen, j, cosine) {
                // The highest coverage; sentences come in order, so ties
                // stay with the earlier.
                let better = best[source].is_none_or(|m| support.coverage > m.strength);
                if better {
                    best[source] = Some(Match {
                        source,
                        sentence: j,
                        strength: support.coverage,
                        basis: Basis::Words,
                        support: Some(support),
                    });
                }
            }
        }
        best.into_iter().flatten().collect()
    }
}

impl Restatement for Citer<'_> {
    fn restates(&mut self, i: usize, chosen: &[usize]) -> Option<(usize, f64)> {
        // Only sentences that share a term with the candidate can share a
        // claim with it: the index lists them, with their cosines.
        let near = self
            .searcher
            .cosines(self.analysis.model.vector(i))
            .to_vec();
        chosen.iter().enumerate().find_map(|(k, &c)| {
            let at = near.binary_search_by_key(&(c as u32), |&(j, _)| j).ok()?;
            let cosine = near[at].1;
            let support = self
                .repeats(i, c, cosine)
                .or_else(|| self.repeats(c, i, cosine))?;
            Some((k, support.coverage))
        })
    }
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
            support: None,
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

    /// In these reports a stem in capitals is a name, `!` marks a negated
    /// stem, and digits are numbers.
    #[test]
    fn support_rules() {
        let cases = [
            Case {
                name: "a sentence that covers the claim is cited; others are not",
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
                       g1 g2 g3 g4 g5 g6 g7 g8 g9 h1 h2 h3 h4 h5 h6 h7 h8 h9",
                    ],
                ],
                chosen: 0,
                cited: &[(0, 0)],
            },
            Case {
                name: "the cosine passes, but too little of the claim is covered",
                reports: &[
                    &["a b c d e f g h i j k l m n o p q r s t u v w"],
                    &["a b c"],
                    &["d e f g h i j k l m n o p q r s t u v w"],
                    &["d e f g h i j k l m n o p q r s t u v w"],
                ],
                chosen: 0,
                cited: &[(0, 0), (2, 2), (3, 3)],
            },
            Case {
                name: "every number of the claim must be there",
                reports: &[&["a b c d 118"], &["a b c d x"], &["a b c d 118 y"]],
                chosen: 0,
                cited: &[(0, 0), (2, 2)],
            },
            Case {
                name: "another number of the same thing is a conflict",
                reports: &[
                    &["a b c 4 ground"],
                    &["a b c 4 x 5 ground"],
                    &["a b c 4 ground y"],
                ],
                chosen: 0,
                cited: &[(0, 0), (2, 2)],
            },
            Case {
                name: "polarity must agree",
                reports: &[&["a b !c d"], &["a b c d"], &["a b !c d y"]],
                chosen: 0,
                cited: &[(0, 0), (2, 2)],
            },
            Case {
                name: "names alone are who, not what",
                reports: &[&["A B C d e"], &["A B C d x"], &["A B C d e y"]],
                chosen: 0,
                cited: &[(0, 0), (2, 2)],
            },
            Case {
                name: "a report's best-covering sentence is cited, once",
                reports: &[&["a b c d"], &["a b c x", "a b c d"], &["p q r s"]],
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
        candidate: usize,
        chosen: &'static [usize],
        /// The chosen sentence (position in `chosen`) it restates.
        expected: Option<usize>,
    }

    #[test]
    fn restatement_rules() {
        let cases = [
            Restates {
                name: "the candidate states the chosen sentence's claim",
                reports: &[&["a b c d"], &["a b c d e f g h i j k l"]],
                candidate: 1,
                chosen: &[0],
                expected: Some(0),
            },
            Restates {
                name: "the chosen sentence states the candidate's claim",
                reports: &[&["a b c d e f g h i j k l"], &["a b c d"]],
                candidate: 1,
                chosen: &[0],
                expected: Some(0),
            },
            Restates {
                name: "the first chosen sentence that shares a claim",
                reports: &[&["x y z w"], &["a b c d"], &["a b c d e"], &["a b c d f"]],
                candidate: 3,
                chosen: &[0, 1, 2],
                expected: Some(1),
            },
            Restates {
                name: "a claim said in passing: most of it, whatever the cosine",
                reports: &[
                    &["a b c d"],
                    &[
                        "a b c d e1 e2 e3 e4 e5 e6 e7 e8 e9 f1 f2 f3 f4 f5 f6 f7 f8 f9 \
                       g1 g2 g3 g4 g5 g6 g7 g8 g9 h1 h2 h3 h4 h5 h6 h7 h8 h9 \
                       i1 i2 i3 i4 i5 i6 i7 i8 i9 j1 j2 j3 j4 j5 j6 j7 j8 j9 \
                       k1 k2 k3 k4 k5 k6 k7 k8 k9 l1 l2 l3 l4 l5 l6 l7 l8 l9",
                    ],
                    &["a b c d x"],
                ],
                candidate: 1,
                chosen: &[0],
                expected: Some(0),
            },
            Restates {
                name: "too little of either claim in the other",
                reports: &[&["a b c d e f"], &["a b x y z w"]],
                candidate: 1,
                chosen: &[0],
                expected: None,
            },
        ];
        for case in &cases {
            let analysis = build::analysis(case.reports);
            let tuning = Tuning::default();
            let mut citer = Citer::new(&analysis, &tuning);
            let found = citer.restates(case.candidate, case.chosen).map(|(k, _)| k);
            assert_eq!(found, case.expected, "{}", case.name);
        }
    }
}
