//! Choosing sentences: Maximal Marginal Relevance under a budget.

use crate::Budget;
use crate::summarize::Analysis;

/// Two sentences more similar than this (TF-IDF cosine over content stems)
/// say the same thing. Calibrated on `corpus/ceasefire-talks`: paraphrases of
/// one fact across reports score 0.35–0.8 there, while sentences that merely
/// share the story's names ("Trump", "Russia", "ceasefire") stay below 0.3.
pub(crate) const REDUNDANCY_THRESHOLD: f64 = 0.35;

/// What happened to a sentence during selection.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Decision {
    /// Chosen; `rank` is the order of choice (0 first).
    Selected { rank: usize },
    /// Left out: says what an already chosen sentence says.
    Redundant { with: usize, similarity: f64 },
    /// Left out: did not fit in what was left of the budget.
    OverBudget,
    /// Left out: opens with a reference to a sentence that was not chosen.
    Dangling,
    /// Left out: too short to carry a fact.
    TooShort,
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

/// Greedy MMR (Carbonell & Goldstein 1998): repeatedly take the candidate
/// maximising `λ·centrality − (1−λ)·max similarity to the chosen`, never one
/// above the redundancy threshold, skipping what does not fit the budget.
/// Returns one decision per sentence of the analysis.
pub(crate) fn mmr(
    analysis: &Analysis,
    candidates: &[bool],
    limit: Limit,
    lambda: f64,
    threshold: f64,
) -> Vec<Decision> {
    let n = analysis.sentences.len();
    let mut decisions: Vec<Option<Decision>> = (0..n)
        .map(|i| (!candidates[i]).then_some(Decision::TooShort))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let (mut words, mut bytes) = (0usize, 0usize);
    // The highest similarity of each sentence to anything chosen so far.
    let mut max_sim = vec![0.0f64; n];
    loop {
        if chosen.len() >= limit.sentences {
            break;
        }
        let mut best: Option<(usize, f64)> = None;
        for i in 0..n {
            if decisions[i].is_some() {
                continue;
            }
            let s = &analysis.sentences[i];
            if s.dangling && !predecessor_chosen(analysis, i, &chosen) {
                continue;
            }
            let value = lambda * analysis.centrality[i] - (1.0 - lambda) * max_sim[i];
            if best.is_none_or(|(_, b)| value > b) {
                best = Some((i, value));
            }
        }
        let Some((i, _)) = best else { break };
        if let Some(&with) = chosen
            .iter()
            .filter(|&&c| analysis.similarity(i, c) > threshold)
            .max_by(|&&a, &&b| {
                analysis
                    .similarity(i, a)
                    .total_cmp(&analysis.similarity(i, b))
            })
        {
            let similarity = analysis.similarity(i, with);
            decisions[i] = Some(Decision::Redundant { with, similarity });
            continue;
        }
        let s = &analysis.sentences[i];
        let len = s.span.len();
        if words.saturating_add(s.words) > limit.words || bytes.saturating_add(len) > limit.bytes {
            decisions[i] = Some(Decision::OverBudget);
            continue;
        }
        words += s.words;
        bytes += len;
        decisions[i] = Some(Decision::Selected { rank: chosen.len() });
        chosen.push(i);
        for (j, m) in max_sim.iter_mut().enumerate() {
            *m = m.max(analysis.similarity(i, j));
        }
    }
    decisions
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.unwrap_or(if analysis.sentences[i].dangling {
                Decision::Dangling
            } else {
                Decision::NotReached
            })
        })
        .collect()
}

/// Whether the sentence right before `i` in its report is chosen.
fn predecessor_chosen(analysis: &Analysis, i: usize, chosen: &[usize]) -> bool {
    let s = &analysis.sentences[i];
    s.position > 0 && chosen.contains(&analysis.by_source[s.source][s.position - 1])
}
