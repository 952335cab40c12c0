//! Citing reports that state a chosen sentence in other words.
//!
//! The lexical rules of [`crate::cite`] need shared words; a report may
//! carry a fact in words of its own ("The Kremlin has acknowledged that it
//! is studying the proposal" / "the Kremlin has not publicly said whether it
//! supports a ceasefire …, with Peskov saying … Moscow would be examining
//! the terms"). With an [`Encoder`] (sentence vectors whose dot product
//! measures closeness of meaning), a report that no rule cites for a chosen
//! sentence `s` is cited with its sentence `c` closest to `s` when
//! 1. `cos(s, c) ≥` [`MEANING_COSINE`], and
//! 2. `c` is closer to `s` than to every other chosen sentence: each
//!    sentence of a report is evidence for at most one fact of the summary,
//!    the one it is nearest to.
//!
//! Rule 2 does most of the work. Measured with all-MiniLM-L6-v2 on
//! `corpus/ceasefire-talks` (6, 10 and 15 sentences): every report sentence
//! it lets through states the chosen sentence's fact (the Kremlin's reply in
//! reports 1 and 4 at 0.705 and 0.672; Witkoff's part at 0.680 and 0.612;
//! Trump's "positive messages" at 0.794), while sentences on the story's
//! other facts often come closer to a chosen sentence than a true
//! restatement does (report 5's "In the Oval Office, Trump articulated that
//! a ceasefire might be beneficial for Russia …" scores 0.673 against
//! Trump's threat, whose restatement in that report scores below 0.57) and
//! are kept out only because they are nearer still to another chosen
//! sentence. Rule 1 keeps a report's best sentence out when it is merely the
//! least unrelated one.
//!
//! The pass runs after selection and adds citations only: it never changes
//! which sentences are chosen, and without an encoder nothing here runs.

use std::sync::Arc;

use crate::cite::Match;
use crate::summarize::Analysis;
use crate::{Basis, Error};

/// The least cosine between a chosen sentence and a report's sentence for
/// the report to be cited by meaning (rule 1 of the module). On
/// `corpus/ceasefire-talks` the sentences cited under rule 2 score 0.612 and
/// more, the closest that rule 2 rejects 0.530–0.819: rule 2 decides there;
/// this bound keeps a report out when even its closest sentence is far.
pub const MEANING_COSINE: f32 = 0.60;

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
#[derive(Clone)]
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
    let missing: Vec<Vec<usize>> = citations
        .iter()
        .map(|cites| {
            let mut cited = vec![false; reports];
            cites.iter().for_each(|m| cited[m.source] = true);
            (0..reports)
                .filter(|&r| !cited[r] && !analysis.by_source[r].is_empty())
                .collect()
        })
        .collect();
    let mut needed = vec![false; reports];
    missing.iter().flatten().for_each(|&r| needed[r] = true);
    if !needed.contains(&true) {
        return Ok(());
    }
    // Encode the chosen sentences and every sentence of a report that some
    // chosen sentence lacks; nothing else.
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
        return Err(Error::encoder(format!(
            "expected {} finite vectors of one dimension, got {}",
            texts.len(),
            vectors.len()
        )));
    }
    let cos = |a: usize, b: usize| -> f32 {
        let (a, b) = (&vectors[slot[a]], &vectors[slot[b]]);
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    };
    for (k, &s) in chosen.iter().enumerate() {
        for &r in &missing[k] {
            // The report's closest sentence (ties to the earlier).
            let Some((c, best)) = analysis.by_source[r]
                .iter()
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
