//! Citing reports that state a chosen sentence in other words.
//!
//! The lexical rules of [`crate::cite`] need shared words; a report may
//! carry a fact in words of its own ("The Kremlin has acknowledged that it
//! is studying the proposal" / "the Kremlin has not publicly said whether it
//! supports a ceasefire …, with Peskov saying … Moscow would be examining
//! the terms"). With an [`Encoder`] (sentence vectors whose dot product
//! measures closeness of meaning), a report that no lexical rule cites for a
//! chosen sentence `s` is cited with its sentence `c` closest to `s`
//! (among those not cited by words for another chosen sentence; ties to the
//! earlier) when
//! 0. the report retells the story: it is cited by words for at least
//!    `Tuning::meaning_share` of the chosen sentences (half by default; so
//!    a one-sentence summary gets no citation by meaning, and a
//!    two-sentence one only from reports that state the other sentence);
//! 1. `cos(s, c) ≥ Tuning::meaning_cosine`; and
//! 2. `c` is strictly closer to `s` than to every other chosen sentence.
//!
//! With the exclusion above, each sentence of a report is evidence for at
//! most one fact of the summary: the one it is cited for by words, else the
//! one it is nearest to. Sentence vectors measure topic as much as fact:
//! why all three rules are needed, and how the cosine was chosen, is
//! measured in `docs/quality.md`.
//!
//! The pass runs after selection and adds citations only: it never changes
//! which sentences are chosen, and without an encoder nothing here runs.
//! Citations it adds say so ([`Basis::Meaning`]): they are less certain than
//! those by words.

use std::sync::Arc;

use crate::cite::Match;
use crate::error::Error;
use crate::model::Analysis;
use crate::summary::Basis;
use crate::tuning::Tuning;

/// Turns sentences into vectors whose dot product measures how close their
/// meanings are: unit length, all of one dimension (a sentence-transformer
/// such as `multisum_embed::Model` in the multisum repository).
pub trait Encoder: Send + Sync {
    /// One vector per sentence, in order.
    fn encode(
        &self,
        sentences: &[&str],
    ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>>;
}

/// An [`Encoder`] as the summarizer holds it.
pub(crate) struct Shared(pub(crate) Arc<dyn Encoder>);

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Encoder")
    }
}

/// Adds to `citations[k]` (sorted by report) the reports that state
/// `chosen[k]` in other words. `text(i)` is sentence `i`'s text.
pub(crate) fn cite<'t>(
    analysis: &Analysis,
    tuning: &Tuning,
    text: impl Fn(usize) -> std::borrow::Cow<'t, str>,
    chosen: &[usize],
    citations: &mut [Vec<Match>],
    differing: &[Vec<usize>],
    encoder: &dyn Encoder,
) -> Result<(), Error> {
    let reports = analysis.by_source.len();
    // Rule 0: only reports that retell the story: cited by words for at
    // least a share of the chosen sentences.
    let mut stated = vec![0usize; reports];
    for cites in citations.iter() {
        cites.iter().for_each(|m| stated[m.source] += 1);
    }
    let retells = |r: usize| stated[r] as f64 >= tuning.meaning_share * chosen.len() as f64;
    // (An empty report is never cited, so rule 0 leaves it out.)
    // A report that gives another value for a chosen sentence's claim
    // (`differing`, by chosen sentence) is not cited for it: close in
    // meaning, it says something else.
    let missing: Vec<Vec<usize>> = citations
        .iter()
        .zip(differing)
        .map(|(cites, differing)| {
            let mut cited = vec![false; reports];
            cites.iter().for_each(|m| cited[m.source] = true);
            differing.iter().for_each(|&r| cited[r] = true);
            (0..reports).filter(|&r| !cited[r] && retells(r)).collect()
        })
        .collect();
    let mut needed = vec![false; reports];
    missing.iter().flatten().for_each(|&r| needed[r] = true);
    if !needed.contains(&true) {
        return Ok(());
    }
    // Encode the chosen sentences and every sentence of a report that some
    // chosen sentence may cite by meaning; nothing else.
    let mut slot = vec![usize::MAX; analysis.sentences.len()];
    let mut order = Vec::new();
    for &i in chosen.iter().chain(
        (0..reports)
            .filter(|&r| needed[r])
            .flat_map(|r| analysis.by_source[r].iter()),
    ) {
        if slot[i] == usize::MAX {
            slot[i] = order.len();
            order.push(i);
        }
    }
    let owned: Vec<std::borrow::Cow<'t, str>> = order.iter().map(|&i| text(i)).collect();
    let texts: Vec<&str> = owned.iter().map(|t| t.as_ref()).collect();
    let vectors = encoder
        .encode(&texts)
        .map_err(|e| Error::encoder(e.to_string()))?;
    let dimension = vectors.first().map_or(0, Vec::len);
    if vectors.len() != texts.len()
        || dimension == 0
        || vectors
            .iter()
            .any(|v| v.len() != dimension || v.iter().any(|x| !x.is_finite()))
    {
        let got = if vectors.len() != texts.len() {
            format!("{} vectors", vectors.len())
        } else {
            "vectors of different lengths, empty, or not finite".to_string()
        };
        return Err(Error::encoder(format!(
            "expected {} finite vectors of one dimension, got {got}",
            texts.len(),
        )));
    }
    let cos = |a: usize, b: usize| -> f32 {
        let (a, b) = (&vectors[slot[a]], &vectors[slot[b]]);
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    };
    // Sentences cited by words, and for which chosen sentence.
    let mut cited_for = vec![usize::MAX; analysis.sentences.len()];
    for (k, cites) in citations.iter().enumerate() {
        cites.iter().for_each(|m| cited_for[m.sentence] = k);
    }
    for (k, &s) in chosen.iter().enumerate() {
        for &r in &missing[k] {
            // The report's closest sentence (ties to the earlier) that is
            // not cited by words for another chosen sentence.
            let Some((c, best)) = analysis.by_source[r]
                .iter()
                .filter(|&&j| cited_for[j] == usize::MAX || cited_for[j] == k)
                .map(|&j| (j, cos(s, j)))
                .reduce(|a, b| if b.1 > a.1 { b } else { a })
            else {
                continue;
            };
            let nearest_to_s = chosen
                .iter()
                .enumerate()
                .all(|(other, &o)| other == k || cos(o, c) < best);
            if best >= tuning.meaning_cosine && nearest_to_s {
                citations[k].push(Match {
                    source: r,
                    sentence: c,
                    strength: f64::from(best),
                    basis: Basis::Meaning,
                    support: None,
                });
            }
        }
        citations[k].sort_by_key(|m| m.source);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::cited_by_words;
    use crate::model::build;

    /// Sentence `i`'s text is its index; its vector comes from the table.
    struct Table(Vec<Vec<f32>>);

    impl Encoder for Table {
        fn encode(
            &self,
            sentences: &[&str],
        ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
            Ok(sentences
                .iter()
                .map(|s| self.0[s.parse::<usize>().unwrap_or(0)].clone())
                .collect())
        }
    }

    struct Case {
        name: &'static str,
        /// Per chosen sentence (in order), the sentences cited by words.
        words: &'static [&'static [usize]],
        /// A vector per sentence of [`REPORTS`].
        vectors: [[f32; 2]; 6],
        /// Per chosen sentence, the reports that give another value for
        /// its claim.
        differing: &'static [&'static [usize]],
        /// (chosen position, report, sentence) of each citation by meaning.
        expected: &'static [(usize, usize, usize)],
    }

    /// Report 0 gives the two chosen sentences (0 and 1); reports 1 and 2
    /// have two sentences each.
    const REPORTS: &[&[&str]] = &[&["a b", "c d"], &["e f", "g h"], &["i j", "k l"]];

    // Chosen sentence 0 points along x, chosen sentence 1 along y.
    const X: [f32; 2] = [1.0, 0.0];
    const Y: [f32; 2] = [0.0, 1.0];
    const FAR: [f32; 2] = [-1.0, 0.0];

    fn check(case: &Case) {
        let analysis = build::analysis(REPORTS);
        let tuning = Tuning::default();
        let mut citations: Vec<Vec<Match>> = case
            .words
            .iter()
            .map(|sentences| cited_by_words(&analysis, sentences))
            .collect();
        let texts: Vec<String> = (0..analysis.sentences.len())
            .map(|i| i.to_string())
            .collect();
        let encoder = Table(case.vectors.iter().map(|v| v.to_vec()).collect());
        let chosen = [0, 1];
        let text = |i: usize| std::borrow::Cow::Borrowed(texts[i].as_str());
        let differing: Vec<Vec<usize>> = case.differing.iter().map(|d| d.to_vec()).collect();
        cite(
            &analysis,
            &tuning,
            text,
            &chosen,
            &mut citations,
            &differing,
            &encoder,
        )
        .unwrap();
        let got: Vec<(usize, usize, usize)> = citations
            .iter()
            .enumerate()
            .flat_map(|(k, ms)| {
                ms.iter()
                    .filter(|m| m.basis == Basis::Meaning)
                    .map(move |m| (k, m.source, m.sentence))
            })
            .collect();
        assert_eq!(got, case.expected, "{}", case.name);
    }

    #[test]
    fn meaning_rules() {
        let cases = [
            Case {
                name: "a report that retells the story, closest to one chosen sentence",
                words: &[&[0, 2], &[1]],
                vectors: [X, Y, X, [0.3, 0.8], FAR, FAR],
                differing: &[&[], &[]],
                expected: &[(1, 1, 3)],
            },
            Case {
                name: "below the least cosine",
                words: &[&[0, 2], &[1]],
                vectors: [X, Y, X, [0.0, 0.6], FAR, FAR],
                differing: &[&[], &[]],
                expected: &[],
            },
            Case {
                name: "nearer to another chosen sentence",
                words: &[&[0, 2], &[1]],
                vectors: [X, Y, FAR, [0.9, 0.7], FAR, FAR],
                differing: &[&[], &[]],
                expected: &[],
            },
            Case {
                name: "a report cited by words for too few chosen sentences",
                words: &[&[0], &[1]],
                vectors: [X, Y, FAR, [0.3, 0.8], FAR, FAR],
                differing: &[&[], &[]],
                expected: &[],
            },
            Case {
                name: "a report that gives another value for the claim is not cited by meaning",
                words: &[&[0, 2], &[1]],
                vectors: [X, Y, X, [0.3, 0.8], FAR, FAR],
                differing: &[&[], &[1]],
                expected: &[],
            },
            Case {
                name: "a sentence cited by words for another chosen sentence is not a candidate",
                words: &[&[0, 2], &[1]],
                vectors: [X, Y, [0.3, 0.8], [0.1, 0.7], FAR, FAR],
                differing: &[&[], &[]],
                expected: &[(1, 1, 3)],
            },
        ];
        for case in &cases {
            check(case);
        }
    }
}
