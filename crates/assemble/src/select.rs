//! Choosing sentences: greedy selection of an objective (MMR, coverage and
//! diversity, or concepts; `Selector::Auto` picks concepts or MMR by the
//! number of reports) under a budget, never repeating what is chosen.
//!
//! Selection reads the [`Analysis`] and returns a [`Selection`]. Whether a
//! candidate restates a chosen sentence in other words is the citation
//! stage's call: selection asks it through [`Restatement`] and knows
//! nothing of how citations are decided.

use crate::concepts::Concepts;
use crate::config::{Budget, Selector};
use crate::coverage::{self, Coverage};
use crate::model::Analysis;
use crate::objective::{Mmr, Objective};
use crate::summary::{Components, Verdict};
use crate::tuning::Tuning;

/// What selection asks of the citation stage.
pub(crate) trait Restatement {
    /// Whether candidate `i` and a sentence of `chosen` share a claim (one
    /// states a claim of the other): the first such (its position in
    /// `chosen`) and the evidence, the share of the claim the other
    /// contains.
    fn restates(&mut self, i: usize, chosen: &[usize]) -> Option<(usize, f64)>;
}

/// What selection decided.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Selection {
    /// One verdict per sentence of the analysis; `with` in
    /// [`Verdict::Redundant`], [`Verdict::Restates`] and
    /// [`Verdict::Updated`] is a sentence index.
    pub(crate) verdicts: Vec<Verdict>,
    /// The chosen sentences, in order of choice.
    pub(crate) chosen: Vec<usize>,
    /// How each chosen sentence scored when it was chosen.
    pub(crate) components: Vec<Components>,
    /// The objective that chose them (never `Auto`).
    pub(crate) selector: Selector,
}

impl Selection {
    /// Puts sentence `j` in place of the `k`th chosen sentence, which
    /// becomes [`Verdict::Updated`] by it, when `j` is an open candidate
    /// (not a fragment, a copy or a dangling opener), is not redundant with
    /// another chosen sentence, fits `budget` in its place, and no chosen
    /// sentence opens with a reference to the one it replaces; says whether
    /// it did. Verdicts that named the old sentence still do (it was what
    /// they repeat, and its verdict names `j`); the components keep the old
    /// one's gain and take `j`'s centrality and redundancy.
    pub(crate) fn replace(
        &mut self,
        analysis: &Analysis,
        budget: Budget,
        tuning: &Tuning,
        k: usize,
        j: usize,
    ) -> bool {
        let Some(&old) = self.chosen.get(k) else {
            return false;
        };
        let open = matches!(
            self.verdicts[j],
            Verdict::Redundant { .. }
                | Verdict::Restates { .. }
                | Verdict::OverBudget
                | Verdict::NotReached
        );
        let others: Vec<usize> = self.chosen.iter().copied().filter(|&c| c != old).collect();
        let redundant =
            most_similar(analysis, j, &others).is_some_and(|(_, sim)| sim > tuning.redundancy);
        let leans_on_old = others.iter().any(|&c| {
            let s = &analysis.sentences[c];
            s.dangling && s.position > 0 && analysis.by_source[s.source][s.position - 1] == old
        });
        let limit = Limit::new(budget, analysis.sentences.len());
        let (words, bytes) = others
            .iter()
            .chain([&j])
            .map(|&i| &analysis.sentences[i])
            .fold((0usize, 0usize), |(w, b), s| {
                (w.saturating_add(s.words), b.saturating_add(s.span.len()))
            });
        if !open
            || redundant
            || leans_on_old
            || analysis.sentences[j].dangling
            || words > limit.words
            || bytes > limit.bytes
        {
            return false;
        }
        self.verdicts[j] = self.verdicts[old].clone();
        self.verdicts[old] = Verdict::Updated { with: j };
        self.chosen[k] = j;
        let component = &mut self.components[k];
        component.centrality = analysis.centrality[j];
        component.redundancy =
            most_similar(analysis, j, &self.chosen[..k]).map_or(0.0, |(_, sim)| sim);
        true
    }
}

/// Chooses sentences under `budget` with `selector`'s objective. Fragments
/// (fewer than `tuning.min_content_words` content words, or no sentence
/// end) and sentences of syndicated copies are never candidates.
pub(crate) fn select(
    analysis: &Analysis,
    budget: Budget,
    selector: Selector,
    tuning: &Tuning,
    restatement: &mut dyn Restatement,
) -> Selection {
    let excluded: Vec<Option<Verdict>> = (0..analysis.sentences.len())
        .map(|i| {
            let s = &analysis.sentences[i];
            if analysis.in_copy(i) {
                Some(Verdict::Copy)
            } else if s.stems.len() < tuning.min_content_words || !s.finished {
                Some(Verdict::TooShort)
            } else {
                None
            }
        })
        .collect();
    let limit = Limit::new(budget, analysis.sentences.len());
    let cost = match budget {
        Budget::Words(_) => coverage::Cost::Words,
        Budget::Bytes(_) => coverage::Cost::Bytes,
        _ => coverage::Cost::Sentences,
    };
    let selector = match selector {
        Selector::Auto => {
            let originals = (0..analysis.by_source.len())
                .filter(|&r| analysis.original[r] == r && !analysis.by_source[r].is_empty())
                .count();
            if originals >= tuning.concept_auto_reports {
                Selector::Concepts
            } else {
                Selector::Mmr
            }
        }
        Selector::Coverage if analysis.sentences.len() > tuning.coverage_limit => Selector::Mmr,
        other => other,
    };
    let mut objective: Box<dyn Objective> = match selector {
        Selector::Coverage => Box::new(Coverage::new(analysis, cost, tuning)),
        Selector::Concepts => Box::new(Concepts::new(analysis, cost, tuning)),
        _ => Box::new(Mmr::new(analysis, tuning.lambda)),
    };
    greedy(
        analysis,
        excluded,
        limit,
        tuning.redundancy,
        (selector, objective.as_mut()),
        restatement,
    )
}

/// A budget resolved against the input.
#[derive(Clone, Copy, Debug)]
struct Limit {
    sentences: usize,
    words: usize,
    bytes: usize,
}

impl Limit {
    fn new(budget: Budget, body_sentences: usize) -> Limit {
        let none = Limit {
            sentences: usize::MAX,
            words: usize::MAX,
            bytes: usize::MAX,
        };
        match budget {
            Budget::Sentences(n) => Limit {
                sentences: n,
                ..none
            },
            Budget::Words(n) => Limit { words: n, ..none },
            Budget::Bytes(n) => Limit { bytes: n, ..none },
            Budget::Ratio(r) => {
                let n = (r * body_sentences as f64).ceil() as usize;
                Limit {
                    sentences: n.max(1),
                    ..none
                }
            }
        }
    }
}

/// Greedy selection: repeatedly take the candidate of highest value, never
/// one above the redundancy threshold with a chosen sentence, nor one that
/// restates a chosen sentence in other words (as `restatement` judges),
/// never one that opens with a back-reference unless its predecessor is
/// chosen, skipping what does not fit the budget. `excluded` holds the
/// verdicts reached before selection (too short, in a copy), `None` for
/// candidates; `selector` names the objective, recorded in the selection.
fn greedy(
    analysis: &Analysis,
    excluded: Vec<Option<Verdict>>,
    limit: Limit,
    threshold: f64,
    (selector, objective): (Selector, &mut dyn Objective),
    restatement: &mut dyn Restatement,
) -> Selection {
    let mut decisions = excluded;
    let mut chosen: Vec<usize> = Vec::new();
    let mut components: Vec<Components> = Vec::new();
    let (mut words, mut bytes) = (0usize, 0usize);
    while chosen.len() < limit.sentences {
        // The open candidates, best first (ties to the earlier sentence).
        // Turning one down (redundant, over budget) changes neither the
        // objective nor what is chosen, so the next best is the next in
        // this order: one scan per chosen sentence, not one per decision
        // (a huge input turns down thousands near the end of the budget).
        let mut ranked: Vec<(usize, f64)> = decisions
            .iter()
            .enumerate()
            .filter(|&(i, decided)| {
                decided.is_none()
                    && (!analysis.sentences[i].dangling || predecessor_chosen(analysis, i, &chosen))
            })
            .map(|(i, _)| (i, objective.value(i)))
            .collect();
        ranked.sort_by(|a, b| rank_key(b.1).total_cmp(&rank_key(a.1)).then(a.0.cmp(&b.0)));
        let mut next = None;
        for (i, value) in ranked {
            let closest = most_similar(analysis, i, &chosen);
            if let Some((with, similarity)) = closest
                && similarity > threshold
            {
                decisions[i] = Some(Verdict::Redundant { with, similarity });
                continue;
            }
            let s = &analysis.sentences[i];
            if words.saturating_add(s.words) > limit.words
                || bytes.saturating_add(s.span.len()) > limit.bytes
            {
                decisions[i] = Some(Verdict::OverBudget);
                continue;
            }
            // Last, as it is the dearest test: a restatement in other words.
            if let Some((k, coverage)) = restatement.restates(i, &chosen) {
                decisions[i] = Some(Verdict::Restates {
                    with: chosen[k],
                    coverage,
                });
                continue;
            }
            next = Some((i, value, closest));
            break;
        }
        let Some((i, value, closest)) = next else {
            break;
        };
        let s = &analysis.sentences[i];
        let len = s.span.len();
        words += s.words;
        bytes += len;
        decisions[i] = Some(Verdict::Chosen { rank: chosen.len() });
        components.push(Components {
            centrality: analysis.centrality[i],
            gain: value,
            redundancy: closest.map_or(0.0, |(_, sim)| sim),
        });
        chosen.push(i);
        objective.choose(i);
    }
    // What the loop never reached is still redundant if it says what a
    // chosen sentence says.
    let verdicts = decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.unwrap_or_else(|| match most_similar(analysis, i, &chosen) {
                Some((with, similarity)) if similarity > threshold => {
                    Verdict::Redundant { with, similarity }
                }
                _ if analysis.sentences[i].dangling => Verdict::Dangling,
                _ => Verdict::NotReached,
            })
        })
        .collect();
    Selection {
        verdicts,
        chosen,
        components,
        selector,
    }
}

/// A value as ranked: `-0.0` equal to `0.0` as `>` has it, NaN last.
fn rank_key(value: f64) -> f64 {
    if value.is_nan() {
        f64::NEG_INFINITY
    } else {
        value + 0.0
    }
}

/// The chosen sentence most similar to `i`, and their similarity; ties go to
/// the earlier chosen.
fn most_similar(analysis: &Analysis, i: usize, chosen: &[usize]) -> Option<(usize, f64)> {
    chosen
        .iter()
        .map(|&c| (c, analysis.similarity(i, c)))
        .fold(None, |best, (c, sim)| match best {
            Some((_, b)) if b >= sim => best,
            _ => Some((c, sim)),
        })
}

/// Whether the sentence right before `i` in its report is chosen.
fn predecessor_chosen(analysis: &Analysis, i: usize, chosen: &[usize]) -> bool {
    let s = &analysis.sentences[i];
    s.position > 0 && chosen.contains(&analysis.by_source[s.source][s.position - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::build;

    /// Restatements as a table: (candidate, chosen sentence) pairs.
    struct Table(&'static [(usize, usize)]);

    impl Restatement for Table {
        fn restates(&mut self, i: usize, chosen: &[usize]) -> Option<(usize, f64)> {
            chosen
                .iter()
                .position(|&c| self.0.contains(&(i, c)))
                .map(|k| (k, 1.0))
        }
    }

    struct Case {
        name: &'static str,
        reports: &'static [&'static [&'static str]],
        /// Centrality per sentence; empty for the builder's (earlier first).
        centrality: &'static [f64],
        /// Similarity to the query per sentence; empty for none.
        query: &'static [f64],
        /// (report, the report it is a copy of).
        copies: &'static [(usize, usize)],
        budget: Budget,
        selector: Selector,
        tune: fn(&mut Tuning),
        restates: &'static [(usize, usize)],
        /// The chosen sentences in order of choice.
        chosen: &'static [usize],
        /// The objective that ran, when the case is about it.
        ran: Option<Selector>,
        /// (sentence, the name of its verdict).
        verdicts: &'static [(usize, &'static str)],
    }

    const CASE: Case = Case {
        name: "",
        reports: &[],
        centrality: &[],
        query: &[],
        copies: &[],
        budget: Budget::Sentences(1),
        selector: Selector::Mmr,
        tune: |_| {},
        restates: &[],
        chosen: &[],
        ran: None,
        verdicts: &[],
    };

    fn check(case: &Case) {
        let mut analysis = build::analysis(case.reports);
        if !case.centrality.is_empty() {
            analysis.centrality = case.centrality.to_vec();
        }
        analysis.query = case.query.to_vec();
        for &(copy, of) in case.copies {
            analysis.original[copy] = of;
        }
        let mut tuning = Tuning::default();
        (case.tune)(&mut tuning);
        let selection = select(
            &analysis,
            case.budget,
            case.selector,
            &tuning,
            &mut Table(case.restates),
        );
        assert_eq!(selection.chosen, case.chosen, "{}: chosen", case.name);
        if let Some(ran) = case.ran {
            assert_eq!(selection.selector, ran, "{}: selector", case.name);
        }
        for &(i, name) in case.verdicts {
            let verdict = format!("{:?}", selection.verdicts[i]);
            assert!(
                verdict.starts_with(name),
                "{}: sentence {i} is {verdict}, not {name}",
                case.name
            );
        }
    }

    #[test]
    fn selection_rules() {
        let cases = [
            Case {
                name: "fewer content words than the minimum: a fragment",
                reports: &[&["a b c", "d e f g", "h i j k"]],
                chosen: &[1],
                verdicts: &[(0, "TooShort")],
                ..CASE
            },
            Case {
                name: "no sentence end: a fragment",
                reports: &[&["~a b c d", "e f g h"]],
                chosen: &[1],
                verdicts: &[(0, "TooShort")],
                ..CASE
            },
            Case {
                name: "a copy's sentences are never chosen",
                reports: &[&["a b c d"], &["a b c d e"]],
                centrality: &[0.5, 1.0],
                copies: &[(1, 0)],
                chosen: &[0],
                verdicts: &[(1, "Copy")],
                ..CASE
            },
            Case {
                name: "above the redundancy threshold with a chosen sentence",
                reports: &[&["a b c d", "a b c e", "w x y z"]],
                budget: Budget::Sentences(2),
                tune: |t| t.lambda = 1.0,
                chosen: &[0, 2],
                verdicts: &[(1, "Redundant")],
                ..CASE
            },
            Case {
                name: "MMR: novelty outweighs a little more centrality",
                reports: &[&["a b c d", "a b e f", "g h i j"]],
                centrality: &[1.0, 0.95, 0.6],
                budget: Budget::Sentences(2),
                tune: |t| t.redundancy = 0.9,
                chosen: &[0, 2],
                verdicts: &[(1, "NotReached")],
                ..CASE
            },
            Case {
                name: "what does not fit the word budget is skipped",
                reports: &[&["a b c d e f", "g h i j k", "l m n o"]],
                budget: Budget::Words(10),
                chosen: &[0, 2],
                verdicts: &[(1, "OverBudget")],
                ..CASE
            },
            Case {
                name: "a restatement of a chosen sentence is left out",
                reports: &[&["a b c d", "e f g h", "i j k l"]],
                budget: Budget::Sentences(2),
                restates: &[(1, 0)],
                chosen: &[0, 2],
                verdicts: &[(1, "Restates")],
                ..CASE
            },
            Case {
                name: "a dangling opener without its predecessor is left out",
                reports: &[&["a b c d", "^e f g h", "i j k l"]],
                centrality: &[0.1, 1.0, 0.9],
                chosen: &[2],
                verdicts: &[(1, "Dangling")],
                ..CASE
            },
            Case {
                name: "a dangling opener follows its chosen predecessor",
                reports: &[&["a b c d", "^e f g h", "i j k l"]],
                centrality: &[1.0, 0.9, 0.5],
                budget: Budget::Sentences(2),
                tune: |t| t.lambda = 1.0,
                chosen: &[0, 1],
                ..CASE
            },
            Case {
                name: "concepts: a bigram in three reports outweighs centrality",
                reports: &[&["w x y z", "a b c d"], &["a b e f"], &["a b g h"]],
                selector: Selector::Concepts,
                tune: |t| {
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 0;
                },
                chosen: &[1],
                ..CASE
            },
            Case {
                name: "auto: concepts from enough reports",
                reports: &[&["w x y z", "a b c d"], &["a b e f"], &["a b g h"]],
                selector: Selector::Auto,
                tune: |t| {
                    t.concept_auto_reports = 3;
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 0;
                },
                chosen: &[1],
                ran: Some(Selector::Concepts),
                ..CASE
            },
            Case {
                name: "auto: MMR for fewer reports (a copy does not count)",
                reports: &[
                    &["w x y z", "a b c d"],
                    &["a b e f"],
                    &["a b g h"],
                    &["a b g h"],
                ],
                copies: &[(3, 2)],
                selector: Selector::Auto,
                tune: |t| {
                    t.concept_auto_reports = 4;
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 0;
                },
                chosen: &[0],
                ran: Some(Selector::Mmr),
                ..CASE
            },
            Case {
                name: "auto: a report without body sentences does not count",
                reports: &[&["w x y z", "a b c d"], &["a b e f"], &["a b g h"], &[]],
                selector: Selector::Auto,
                tune: |t| {
                    t.concept_auto_reports = 4;
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 0;
                },
                chosen: &[0],
                ran: Some(Selector::Mmr),
                ..CASE
            },
            Case {
                name: "concepts: centrality counts with its weight",
                reports: &[&["w x y z", "a b c d"], &["a b e f"], &["a b g h"]],
                selector: Selector::Concepts,
                tune: |t| t.concept_min_words = 0,
                chosen: &[0],
                ..CASE
            },
            Case {
                name: "concepts: a sentence of too few words earns nothing",
                reports: &[&["a b c d", "a b w x y"], &["a b e f"], &["a b g h"]],
                selector: Selector::Concepts,
                tune: |t| {
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 5;
                },
                chosen: &[1],
                ..CASE
            },
            Case {
                name: "concepts: reported speech earns less",
                reports: &[&["w x y z", "a b c said"], &["a b e f"], &["a b g h"]],
                selector: Selector::Concepts,
                tune: |t| {
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 0;
                },
                chosen: &[2],
                ..CASE
            },
            Case {
                name: "concepts: with a query, the concepts of sentences near it weigh more",
                reports: &[
                    &["a b c d", "e f g h"],
                    &["a b x y", "e f z w"],
                    &["a b k l", "e f m n"],
                ],
                query: &[0.0, 1.0, 0.0, 1.0, 0.0, 1.0],
                selector: Selector::Concepts,
                tune: |t| {
                    t.concept_centrality = 0.0;
                    t.concept_min_words = 0;
                },
                chosen: &[1],
                ..CASE
            },
            Case {
                name: "concepts: a covered concept earns nothing again",
                reports: &[
                    &["a b c d", "k l m n"],
                    &["a b e f", "k l o p"],
                    &["a b g h"],
                ],
                budget: Budget::Sentences(2),
                selector: Selector::Concepts,
                tune: |t| {
                    t.concept_centrality = 0.0;
                    t.concept_min_reports = 2;
                    t.concept_min_words = 0;
                    t.redundancy = 1.0;
                },
                chosen: &[0, 1],
                ..CASE
            },
            Case {
                name: "coverage above its limit runs MMR",
                reports: &[&["a b c d", "e f g h", "i j k l"]],
                selector: Selector::Coverage,
                tune: |t| t.coverage_limit = 2,
                chosen: &[0],
                ran: Some(Selector::Mmr),
                ..CASE
            },
            Case {
                name: "coverage within its limit runs",
                reports: &[&["a b c d", "e f g h", "i j k l"]],
                selector: Selector::Coverage,
                tune: |t| t.coverage_limit = 3,
                chosen: &[0],
                ran: Some(Selector::Coverage),
                ..CASE
            },
            Case {
                name: "a ratio of the body sentences, rounded up",
                reports: &[&["a b c d", "e f g h", "i j k l"]],
                budget: Budget::Ratio(0.5),
                chosen: &[0, 1],
                ..CASE
            },
        ];
        for case in &cases {
            check(case);
        }
    }

    /// (rule, reports, budget, the sentence to put in place of the first
    /// chosen, whether it may).
    type Replace = (
        &'static str,
        &'static [&'static [&'static str]],
        Budget,
        usize,
        bool,
    );

    #[test]
    fn replace_rules() {
        let cases: &[Replace] = &[
            (
                "an open candidate that fits",
                &[&["a b c d e", "p q r s t"], &["a b c d x"]],
                Budget::Sentences(2),
                2,
                true,
            ),
            (
                "a fragment is never chosen",
                &[&["a b c d e", "p q r s t"], &["~a b c d x"]],
                Budget::Sentences(2),
                2,
                false,
            ),
            (
                "too long for the budget in its place",
                &[&["a b c d e", "p q r s t"], &["a b c d x y z w v u"]],
                Budget::Words(10),
                2,
                false,
            ),
            (
                "a chosen sentence leans on the one it would replace",
                &[&["a b c d e", "^p q r s t"], &["a b c d x"]],
                Budget::Sentences(2),
                2,
                false,
            ),
        ];
        for &(name, reports, budget, j, expected) in cases {
            let analysis = build::analysis(reports);
            let tuning = Tuning::default();
            let mut selection = select(&analysis, budget, Selector::Mmr, &tuning, &mut Table(&[]));
            assert_eq!(
                selection.chosen[0], 0,
                "{name}: the first sentence is chosen first"
            );
            let replaced = selection.replace(&analysis, budget, &tuning, 0, j);
            assert_eq!(replaced, expected, "{name}");
            if replaced {
                assert_eq!(selection.chosen[0], j, "{name}");
                assert_eq!(
                    selection.verdicts[0],
                    Verdict::Updated { with: j },
                    "{name}"
                );
                assert!(
                    matches!(selection.verdicts[j], Verdict::Chosen { rank: 0 }),
                    "{name}"
                );
            }
        }
    }
}
