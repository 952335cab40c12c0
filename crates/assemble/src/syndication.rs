//! Syndicated copies: reports that are the same article published twice.
//!
//! Two reports are copies when at least a share (`Tuning::copy_share`) of the body
//! sentences of each appear in the other with the same content words (the
//! same sequence of content stems: punctuation, case, stopwords and
//! whitespace may differ). Hashing the stem sequences makes this linear in
//! the input. A copy counts once: its sentences are neither scored nor
//! selected (they would only inflate their twins' centrality), it still is
//! cited, but corroboration counts each group of copies once.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use crate::model::Sentence;

/// For every report, the earliest report it is a copy of (itself if none):
/// at least `share` of the body sentences of each reappear in the other.
pub(crate) fn originals(
    sentences: &[Sentence],
    by_source: &[Vec<usize>],
    share: f64,
) -> Vec<usize> {
    let fingerprint = |i: usize| {
        let mut h = DefaultHasher::new();
        sentences[i].stems.hash(&mut h);
        h.finish()
    };
    let sets: Vec<HashSet<u64>> = by_source
        .iter()
        .map(|ids| {
            ids.iter()
                .filter(|&&i| !sentences[i].stems.is_empty())
                .map(|&i| fingerprint(i))
                .collect()
        })
        .collect();
    // Candidate pairs: reports sharing at least one sentence fingerprint.
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for (doc, set) in sets.iter().enumerate() {
        for &f in set {
            holders.entry(f).or_default().push(doc);
        }
    }
    let mut original: Vec<usize> = (0..by_source.len()).collect();
    // A report with the same fingerprints as an earlier one is a copy of
    // what that one is a copy of, as the scan below would find; skipping
    // the scan keeps many identical reports from taking quadratic time.
    let mut first_with: HashMap<Vec<u64>, usize> = HashMap::new();
    for b in 0..sets.len() {
        if sets[b].is_empty() {
            continue;
        }
        let mut key: Vec<u64> = sets[b].iter().copied().collect();
        key.sort_unstable();
        if let Some(&first) = first_with.get(&key) {
            original[b] = original[first];
            continue;
        }
        first_with.insert(key, b);
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for f in &sets[b] {
            for &a in &holders[f] {
                if a < b {
                    *shared.entry(a).or_insert(0) += 1;
                }
            }
        }
        let mut candidates: Vec<(usize, usize)> = shared.into_iter().collect();
        candidates.sort_unstable();
        for (a, count) in candidates {
            let share_b = count as f64 / sets[b].len() as f64;
            let share_a = count as f64 / sets[a].len() as f64;
            if share_a >= share && share_b >= share {
                original[b] = original[a];
                break;
            }
        }
    }
    original
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::build::sentence;

    fn check(reports: &[&[&str]], expected: &[usize]) {
        let mut sentences = Vec::new();
        let mut by_source = Vec::new();
        for (source, report) in reports.iter().enumerate() {
            let mut ids = Vec::new();
            for (position, s) in report.iter().enumerate() {
                ids.push(sentences.len());
                sentences.push(sentence(source, position, s));
            }
            by_source.push(ids);
        }
        assert_eq!(
            originals(&sentences, &by_source, 0.8),
            expected,
            "{reports:?}"
        );
    }

    #[test]
    fn copies_are_found_both_ways() {
        let a: &[&str] = &[
            "envoy fly moscow",
            "putin visit kursk",
            "trump threat",
            "kremlin repli",
            "rubio ball court",
        ];
        let copy: &[&str] = &[
            "envoy fly moscow",
            "putin visit kursk",
            "trump threat",
            "kremlin repli",
            "rubio ball court",
            "extra line",
        ];
        let other: &[&str] = &["envoy fly moscow", "market rise", "weather cold"];
        let subset: &[&str] = &["envoy fly moscow", "putin visit kursk"];
        check(&[a, copy, other], &[0, 0, 2]);
        // A report half made of another's sentences is not a copy of it.
        check(&[a, subset], &[0, 1]);
        // Copies of copies point at the earliest.
        check(&[other, a, copy, a], &[0, 1, 1, 1]);
        // Empty reports are nobody's copy.
        check(&[&[], &[]], &[0, 1]);
    }

    /// Thousands of identical reports: each is a copy of the first (found
    /// without comparing every pair; `scripts/bench.sh` measures the cost).
    #[test]
    fn issue_8_many_identical_reports() {
        let report: &[&str] = &["envoy fly moscow", "putin visit kursk"];
        let other: &[&str] = &["market rise", "weather cold"];
        let mut reports = vec![other];
        reports.extend(std::iter::repeat_n(report, 10_000));
        let mut expected = vec![0, 1];
        expected.extend(std::iter::repeat_n(1, 9_999));
        check(&reports, &expected);
    }
}
