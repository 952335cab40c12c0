//! Matches between one peer and one model, as ROUGE-1.5.5 counts them.

use std::collections::HashMap;

/// What one model contributes: matched units, units in the model, units in
/// the peer.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Counts {
    pub(crate) hits: f64,
    pub(crate) model: f64,
    pub(crate) peer: f64,
}

/// A bag of units (n-grams, skip-bigrams) with their counts and total.
#[derive(Debug, Default)]
pub(crate) struct Bag<K> {
    counts: HashMap<K, u32>,
    total: u32,
}

impl<K: std::hash::Hash + Eq> Bag<K> {
    fn add(&mut self, key: K) {
        *self.counts.entry(key).or_insert(0) += 1;
        self.total += 1;
    }

    /// Clipped matches of `self` (model) against `peer`, with the totals.
    pub(crate) fn against(&self, peer: &Bag<K>) -> Counts {
        let hits: u32 = self
            .counts
            .iter()
            .filter_map(|(k, &m)| peer.counts.get(k).map(|&p| p.min(m)))
            .sum();
        Counts {
            hits: f64::from(hits),
            model: f64::from(self.total),
            peer: f64::from(peer.total),
        }
    }
}

/// `createNGram`: the n-grams of a token sequence.
pub(crate) fn ngrams(tokens: &[u32], n: usize) -> Bag<&[u32]> {
    let mut bag = Bag::default();
    if n > 0 {
        for gram in tokens.windows(n) {
            bag.add(gram);
        }
    }
    bag
}

/// `createSkipBigram`: ordered pairs at most `max_gap` tokens apart (any
/// distance if `None`), plus, with `unigrams`, every token but the last
/// (ROUGE-1.5.5's loop stops one short).
pub(crate) fn skip_bigrams(
    tokens: &[u32],
    max_gap: Option<usize>,
    unigrams: bool,
) -> Bag<(u32, u32)> {
    const UNIGRAM: u32 = u32::MAX;
    let mut bag = Bag::default();
    let n = tokens.len();
    for i in 0..n.saturating_sub(1) {
        if unigrams {
            bag.add((UNIGRAM, tokens[i]));
        }
        let end = match max_gap {
            Some(gap) => n.min(i + gap + 2),
            None => n,
        };
        for j in i + 1..end {
            bag.add((tokens[i], tokens[j]));
        }
    }
    bag
}

/// Unigram counts, as ROUGE-L uses them to clip its hits.
fn unigram_counts(tokens: &[u32]) -> HashMap<u32, u32> {
    let mut counts = HashMap::new();
    for &t in tokens {
        *counts.entry(t).or_insert(0) += 1;
    }
    counts
}

/// `lcs_inner` and `markLCS`: mark the model positions on one longest
/// common subsequence of `model` and `peer`, with ROUGE's tie-breaking
/// (prefer "up" on equal lengths).
fn mark_lcs(model: &[u32], peer: &[u32], mask: &mut [bool]) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 {
        return;
    }
    const DIAG: u8 = 1;
    const UP: u8 = 2;
    const LEFT: u8 = 3;
    let w = n + 1;
    let mut c = vec![0u32; (m + 1) * w];
    let mut b = vec![0u8; (m + 1) * w];
    for i in 1..=m {
        for j in 1..=n {
            if model[i - 1] == peer[j - 1] {
                c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
                b[i * w + j] = DIAG;
            } else if c[(i - 1) * w + j] >= c[i * w + j - 1] {
                c[i * w + j] = c[(i - 1) * w + j];
                b[i * w + j] = UP;
            } else {
                c[i * w + j] = c[i * w + j - 1];
                b[i * w + j] = LEFT;
            }
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match b[i * w + j] {
            DIAG => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            UP => i -= 1,
            _ => j -= 1,
        }
    }
}

/// `computeLCSScore` for one model: the summary-level union LCS. Each
/// model sentence is compared with every peer sentence; the union of the
/// marked words counts, each word at most as often as it occurs in the
/// model and in the peer (`model_tokens`, `peer_tokens`: the whole texts).
pub(crate) fn union_lcs(
    model_sentences: &[Vec<u32>],
    model_tokens: &[u32],
    peer_sentences: &[Vec<u32>],
    peer_tokens: &[u32],
) -> Counts {
    let mut model_left = unigram_counts(model_tokens);
    let mut peer_left = unigram_counts(peer_tokens);
    let mut hits = 0u32;
    let mut base = 0usize;
    for sentence in model_sentences {
        let mut mask = vec![false; sentence.len()];
        base += sentence.len();
        for peer in peer_sentences {
            mark_lcs(sentence, peer, &mut mask);
        }
        for (token, _) in sentence.iter().zip(&mask).filter(|(_, hit)| **hit) {
            let (Some(m), Some(p)) = (model_left.get_mut(token), peer_left.get_mut(token)) else {
                continue;
            };
            if *m > 0 && *p > 0 {
                hits += 1;
                *m -= 1;
                *p -= 1;
            }
        }
    }
    Counts {
        hits: f64::from(hits),
        model: base as f64,
        peer: peer_tokens.len() as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<u32> {
        s.bytes().map(u32::from).collect()
    }

    #[test]
    fn skip_bigram_counts() {
        // Four tokens, gap 4: all 6 pairs, plus 3 unigrams (not the last).
        let bag = skip_bigrams(&ids("abcd"), Some(4), true);
        assert_eq!(bag.total, 9);
        // Gap 0 is plain bigrams.
        assert_eq!(skip_bigrams(&ids("abcd"), Some(0), false).total, 3);
        assert_eq!(skip_bigrams(&ids("abcdefgh"), Some(1), false).total, 13);
        assert_eq!(skip_bigrams(&ids("a"), None, true).total, 0);
    }

    fn check_lcs(model: &[&str], peer: &[&str], hits: f64, base: f64) {
        let m: Vec<Vec<u32>> = model.iter().map(|s| ids(s)).collect();
        let p: Vec<Vec<u32>> = peer.iter().map(|s| ids(s)).collect();
        let counts = union_lcs(&m, &m.concat(), &p, &p.concat());
        assert_eq!(
            (counts.hits, counts.model),
            (hits, base),
            "{model:?} {peer:?}"
        );
    }

    #[test]
    fn union_lcs_cases() {
        // Lin (2004), section 3.2: r = w1..w5, c1 = w1 w2 w6 w7 w8,
        // c2 = w1 w3 w8 w9 w5: the union LCS is w1 w2 w3 w5, 4 of 5.
        check_lcs(&["12345"], &["12678", "13895"], 4.0, 5.0);
        check_lcs(&["abcd"], &["dcba"], 1.0, 4.0);
        check_lcs(&["abab"], &["ab", "ab"], 2.0, 4.0);
        // The peer's single "a" can only be matched once.
        check_lcs(&["ab", "ab"], &["ab"], 2.0, 4.0);
        check_lcs(&["abc"], &[], 0.0, 3.0);
    }
}
