//! Choosing sentences: Maximal Marginal Relevance under a budget.

use crate::Budget;
use crate::cite;
use crate::summarize::Analysis;

/// Two sentences whose citations land on the same sentence (one of the two
/// included) in at least this many reports, and in at least a third of the
/// reports the one with fewer citations cites, restate one fact however
/// differently they are worded: "US officials are set to visit Russia to
/// discuss … a ceasefire" and "US officials are en route to Moscow for
/// crucial ceasefire talks …, coinciding with Putin's surprise visit"
/// (cosine 0.22) cite the same sentence of reports 2 and 3 of
/// `corpus/ceasefire-talks`, out of the 4 the second cites; at 10 sentences
/// "US officials are en route to Moscow to engage in discussions regarding
/// a potential ceasefire" (cosine 0.28) is cited by the first and shares
/// its citation in report 3 (2 of 5). On DUC 2006 (250 words, R-1/R-2/SU4
/// recall): 41.06/8.95/14.64 without the rule, 40.97/8.92/14.62 with it,
/// 41.04/8.97/14.65 with "half" for "a third" (which lets the second
/// example through), 40.83/8.88/14.56 with no proportion at all (among 25
/// reports two long sentences share two matches by chance).
pub(crate) const SHARED_CITATIONS: usize = 2;

/// Two sentences more similar than this (TF-IDF cosine over content stems)
/// say the same thing. Measured on `corpus/ceasefire-talks`: the reports'
/// restatements of the envoys' trip score 0.30–0.59 against each other,
/// while sentences on distinct facts of the same story mostly stay below
/// 0.30 (the highest seen, 0.35, is a sentence restating part of another).
/// On the DUC 2006 development set 0.30 and 0.35 give the same ROUGE.
pub(crate) const REDUNDANCY_THRESHOLD: f64 = 0.30;

/// What happened to a sentence during selection.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Decision {
    /// Chosen; `rank` is the order of choice (0 first); `max_sim` its
    /// highest similarity to what was chosen before it; `value` the
    /// objective's value when it was chosen.
    Selected {
        rank: usize,
        max_sim: f64,
        value: f64,
    },
    /// Left out: says what an already chosen sentence says.
    Redundant { with: usize, similarity: f64 },
    /// Left out: says what an already chosen sentence says in other words;
    /// both cite the same sentence in `reports` reports.
    Restates { with: usize, reports: usize },
    /// Left out: did not fit in what was left of the budget.
    OverBudget,
    /// Left out: opens with a reference to a sentence that was not chosen.
    Dangling,
    /// Left out: too short to carry a fact.
    TooShort,
    /// Left out: in a syndicated copy of another report.
    Copy,
    /// Not reached: the budget was full first.
    NotReached,
}

/// A budget resolved against the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limit {
    sentences: usize,
    words: usize,
    bytes: usize,
}

impl Limit {
    pub(crate) fn new(budget: Budget, body_sentences: usize) -> Limit {
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

/// What greedy selection maximises, one sentence at a time.
pub(crate) trait Objective {
    /// The value of adding sentence `i` to what is chosen now.
    fn value(&self, i: usize) -> f64;
    /// Records that sentence `i` was chosen.
    fn choose(&mut self, i: usize);
}

/// Maximal Marginal Relevance (Carbonell & Goldstein 1998): the value of a
/// sentence is `λ·centrality − (1−λ)·(its highest similarity to the chosen)`.
pub(crate) struct Mmr<'a> {
    analysis: &'a Analysis,
    lambda: f64,
    /// The highest similarity of each sentence to anything chosen so far.
    max_sim: Vec<f64>,
}

impl<'a> Mmr<'a> {
    pub(crate) fn new(analysis: &'a Analysis, lambda: f64) -> Mmr<'a> {
        Mmr {
            analysis,
            lambda,
            max_sim: vec![0.0; analysis.sentences.len()],
        }
    }
}

impl Objective for Mmr<'_> {
    fn value(&self, i: usize) -> f64 {
        self.lambda * self.analysis.centrality[i] - (1.0 - self.lambda) * self.max_sim[i]
    }

    fn choose(&mut self, i: usize) {
        for (j, m) in self.max_sim.iter_mut().enumerate() {
            *m = m.max(self.analysis.similarity(i, j));
        }
    }
}

/// Greedy selection: repeatedly take the candidate of highest value, never
/// one above the redundancy threshold with a chosen sentence, nor one that
/// restates a chosen sentence in other words (their citations coincide, see
/// [`SHARED_CITATIONS`]), never one that opens with a back-reference unless
/// its predecessor is chosen, skipping what does not fit the budget. `excluded` holds the decisions made before
/// selection (too short, in a copy), `None` for candidates. Returns one
/// decision per sentence, and what each chosen sentence cites, in the order
/// of choice.
pub(crate) fn greedy(
    analysis: &Analysis,
    excluded: Vec<Option<Decision>>,
    limit: Limit,
    threshold: f64,
    objective: &mut dyn Objective,
) -> (Vec<Decision>, Vec<Vec<cite::Match>>) {
    let mut decisions = excluded;
    let mut chosen: Vec<usize> = Vec::new();
    // What each chosen sentence cites, computed when it is chosen.
    let mut cited: Vec<Vec<cite::Match>> = Vec::new();
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
                decisions[i] = Some(Decision::Redundant { with, similarity });
                continue;
            }
            let s = &analysis.sentences[i];
            if words.saturating_add(s.words) > limit.words
                || bytes.saturating_add(s.span.len()) > limit.bytes
            {
                decisions[i] = Some(Decision::OverBudget);
                continue;
            }
            // Last, as it is the dearest test: a restatement in other words.
            let cites = cite::matches(analysis, i);
            if let Some((k, reports)) = restates(&cites, &cited) {
                decisions[i] = Some(Decision::Restates {
                    with: chosen[k],
                    reports,
                });
                continue;
            }
            next = Some((i, value, closest, cites));
            break;
        }
        let Some((i, value, closest, cites)) = next else {
            break;
        };
        let s = &analysis.sentences[i];
        let len = s.span.len();
        words += s.words;
        bytes += len;
        let max_sim = closest.map_or(0.0, |(_, sim)| sim);
        decisions[i] = Some(Decision::Selected {
            rank: chosen.len(),
            max_sim,
            value,
        });
        chosen.push(i);
        cited.push(cites);
        objective.choose(i);
    }
    // What the loop never reached is still redundant if it says what a
    // chosen sentence says.
    let decisions = decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.unwrap_or_else(|| match most_similar(analysis, i, &chosen) {
                Some((with, similarity)) if similarity > threshold => {
                    Decision::Redundant { with, similarity }
                }
                _ if analysis.sentences[i].dangling => Decision::Dangling,
                _ => Decision::NotReached,
            })
        })
        .collect();
    (decisions, cited)
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

/// The first chosen sentence (index into `chosen`) that a candidate citing
/// `cites` restates, and in how many reports the two cite the same
/// sentence (a citation of the other sentence itself included).
fn restates(cites: &[cite::Match], cited: &[Vec<cite::Match>]) -> Option<(usize, usize)> {
    cited.iter().enumerate().find_map(|(k, theirs)| {
        // Both are ordered by report, one citation per report: a merge.
        let (mut a, mut b, mut shared) = (0, 0, 0);
        while a < cites.len() && b < theirs.len() {
            match cites[a].source.cmp(&theirs[b].source) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    shared += usize::from(cites[a].sentence == theirs[b].sentence);
                    a += 1;
                    b += 1;
                }
            }
        }
        let smaller = cites.len().min(theirs.len());
        (shared >= SHARED_CITATIONS && 3 * shared >= smaller).then_some((k, shared))
    })
}

/// Whether the sentence right before `i` in its report is chosen.
fn predecessor_chosen(analysis: &Analysis, i: usize, chosen: &[usize]) -> bool {
    let s = &analysis.sentences[i];
    s.position > 0 && chosen.contains(&analysis.by_source[s.source][s.position - 1])
}
