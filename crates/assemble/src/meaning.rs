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
//! 0. the report retells the story: it is cited by words for at least half
//!    of the chosen sentences (so a one-sentence summary gets no citation by
//!    meaning, and a two-sentence one only from reports that state the other
//!    sentence);
//! 1. `cos(s, c) ≥` [`MEANING_COSINE`]; and
//! 2. `c` is strictly closer to `s` than to every other chosen sentence.
//!
//! With the exclusion above, each sentence of a report is evidence for at
//! most one fact of the summary: the one it is cited for by words, else the
//! one it is nearest to.
//!
//! Why all three, measured with all-MiniLM-L6-v2. Sentence vectors measure
//! topic as much as fact: on three DUC 2006 clusters (25 articles on one
//! topic each, written over months; 250-word summaries), rules 1 (at 0.60)
//! and 2 alone added 12, 9 and 16 citations by meaning, nearly all of them
//! merely on the topic
//! ("Of the 500,000 Indians whose tribes operate casinos, …" for "Native-
//! American tribes … are beginning to build entire leisure industries").
//! Rule 0 keeps the pass to reports that retell the summary's story — what
//! several reports of one event do — and left 30 such citations over the 50
//! clusters, 13 of them right when judged by reading each pair.
//! Cosine did not separate those (right ones 0.61–0.83, wrong ones
//! 0.60–0.77), but at 0.65 and above 12 of 19 were right, below it 1 of 11:
//! hence 0.65. On `corpus/ceasefire-talks` every citation by meaning at 6,
//! 10 and 15 sentences (2, 5 and 3) states the chosen sentence's fact: the
//! Kremlin's reply in reports 1 and 4 (0.705 and 0.672), Witkoff's part,
//! Peskov's claim on Kursk, the 30-day ceasefire, Trump's "positive
//! messages". Rule 2 matters there: sentences on the story's other facts
//! often come closer to a chosen sentence than a true restatement does
//! (report 5's "In the Oval Office, Trump articulated that a ceasefire might
//! be beneficial for Russia …" scores 0.673 against Trump's threat) and are
//! kept out only because they are nearer still to another chosen sentence.
//!
//! The pass runs after selection and adds citations only: it never changes
//! which sentences are chosen, and without an encoder nothing here runs.
//! Citations it adds say so ([`Basis::Meaning`]): they are less certain than
//! those by words.

use std::sync::Arc;

use crate::cite::Match;
use crate::summarize::Analysis;
use crate::{Basis, Error};

/// The least cosine between a chosen sentence and a report's sentence for
/// the report to be cited by meaning (see [`Basis::Meaning`]). Chosen by
/// reading, with all-MiniLM-L6-v2: of 30 citations by meaning on DUC 2006
/// at 0.60, those scoring 0.65 or more stated the summary sentence's fact 12
/// times in 19, those below 1 time in 11; on `corpus/ceasefire-talks` the
/// Kremlin's reply scores 0.705 and 0.672 in the two reports that say it in
/// their own words. (Excluding sentences cited by words for another summary
/// sentence, added after, leaves 17 of those 19, 11 right.)
pub const MEANING_COSINE: f32 = 0.65;

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
    text: impl Fn(usize) -> &'t str,
    chosen: &[usize],
    citations: &mut [Vec<Match>],
    encoder: &dyn Encoder,
) -> Result<(), Error> {
    let reports = analysis.by_source.len();
    // Rule 0: only reports that retell the story: cited by words for at
    // least half of the chosen sentences.
    let mut stated = vec![0usize; reports];
    for cites in citations.iter() {
        cites.iter().for_each(|m| stated[m.source] += 1);
    }
    let retells = |r: usize| 2 * stated[r] >= chosen.len();
    // (An empty report is never cited, so rule 0 leaves it out.)
    let missing: Vec<Vec<usize>> = citations
        .iter()
        .map(|cites| {
            let mut cited = vec![false; reports];
            cites.iter().for_each(|m| cited[m.source] = true);
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
    let texts: Vec<&str> = order.iter().map(|&i| text(i)).collect();
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
            if best >= MEANING_COSINE && nearest_to_s {
                citations[k].push(Match {
                    source: r,
                    sentence: c,
                    strength: f64::from(best),
                    basis: Basis::Meaning,
                });
            }
        }
        citations[k].sort_by_key(|m| m.source);
    }
    Ok(())
}
