//! Concept coverage (Gillick & Favre 2009, ICSISumm): the summary should
//! cover as much weight of distinct concepts as its budget allows, a
//! concept being a bigram of consecutive content stems and its weight the
//! number of reports that contain it. Maximised greedily, per unit of cost
//! (`gain / cost^r`), as an approximation of their integer program.
//!
//! With a query, a concept weighs more the closer the sentences stating it
//! are to the query. Short sentences earn nothing (as in ICSISumm, which
//! left out sentences under ten words), and reported speech earns less:
//! human summaries state what happened, not who said what.

use std::collections::{BTreeMap, BTreeSet};

use crate::coverage::Cost;
use crate::model::Analysis;
use crate::objective::Objective;
use crate::tuning::Tuning;

pub(crate) struct Concepts<'a> {
    analysis: &'a Analysis,
    /// Each sentence's concepts (ids), without repeats.
    concepts: Vec<Vec<u32>>,
    weight: Vec<f64>,
    covered: Vec<bool>,
    cost: Cost,
    cost_exponent: f64,
    centrality_weight: f64,
    min_words: usize,
    reported: f64,
}

impl<'a> Concepts<'a> {
    pub(crate) fn new(analysis: &'a Analysis, cost: Cost, tuning: &Tuning) -> Concepts<'a> {
        // Bigram → the reports (originals) that contain it, and the sum of
        // the query similarity of the sentences stating it, and their number.
        let mut found: BTreeMap<(&str, &str), (BTreeSet<usize>, f64, usize)> = BTreeMap::new();
        for (i, s) in analysis.sentences.iter().enumerate() {
            if analysis.in_copy(i) {
                continue;
            }
            let query = analysis.query.get(i).copied().unwrap_or(0.0);
            for pair in s.stems.windows(2) {
                let (reports, similarity, sentences) = found
                    .entry((pair[0].as_str(), pair[1].as_str()))
                    .or_default();
                reports.insert(s.source);
                *similarity += query;
                *sentences += 1;
            }
        }
        let min = tuning.concept_min_reports.max(1);
        let mut ids: BTreeMap<(&str, &str), u32> = BTreeMap::new();
        let mut weight = Vec::new();
        for (bigram, (reports, similarity, sentences)) in &found {
            if reports.len() >= min {
                ids.insert(*bigram, weight.len() as u32);
                let query = similarity / *sentences as f64;
                weight.push(reports.len() as f64 * (1.0 + tuning.concept_query * query));
            }
        }
        let concepts = analysis
            .sentences
            .iter()
            .map(|s| {
                let mut c: Vec<u32> = s
                    .stems
                    .windows(2)
                    .filter_map(|p| ids.get(&(p[0].as_str(), p[1].as_str())).copied())
                    .collect();
                c.sort_unstable();
                c.dedup();
                c
            })
            .collect();
        Concepts {
            analysis,
            concepts,
            covered: vec![false; weight.len()],
            weight,
            cost,
            cost_exponent: tuning.concept_cost_exponent,
            centrality_weight: tuning.concept_centrality,
            min_words: tuning.concept_min_words,
            reported: tuning.concept_reported,
        }
    }
}

impl Objective for Concepts<'_> {
    fn value(&self, i: usize) -> f64 {
        let sentence = &self.analysis.sentences[i];
        if sentence.words < self.min_words {
            return 0.0;
        }
        let gain: f64 = self.concepts[i]
            .iter()
            .filter(|&&c| !self.covered[c as usize])
            .map(|&c| self.weight[c as usize])
            .sum();
        let speech = if sentence.claims.reported {
            self.reported
        } else {
            1.0
        };
        let cost = self.cost.of(sentence);
        speech * (gain + self.centrality_weight * self.analysis.centrality[i])
            / cost.powf(self.cost_exponent)
    }

    fn choose(&mut self, i: usize) {
        for &c in &self.concepts[i] {
            self.covered[c as usize] = true;
        }
    }
}
