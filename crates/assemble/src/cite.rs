//! Finding every report that states a chosen sentence's content.

use std::collections::HashSet;

use crate::summarize::Analysis;

/// A sentence of another report counts as stating the same content when its
/// TF-IDF cosine with the chosen sentence reaches this...
pub(crate) const CITE_COSINE: f64 = 0.30;
/// ...and at least this share of the shorter sentence's content words (as
/// stems) appear in the other. Measured on `corpus/ceasefire-talks`: the
/// restatements cited there (Rubio's "ball in their court", Syrskyi's
/// withdrawal, the envoys' trip) score cosine 0.33–0.79 with overlap
/// 0.46–0.81, while the best-scoring sentence on another fact reaches cosine
/// 0.26 or overlap 0.38. Both bounds are needed: a short sentence made of the
/// story's everyday words ("US officials travel to Moscow for ceasefire
/// talks") is half contained in many long ones. The price is recall: a
/// restatement in other words (Trump's "devastating things" as "a stark
/// warning… devastating economic consequences", cosine 0.22) is not cited.
pub(crate) const CITE_OVERLAP: f64 = 0.40;

/// One cited sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Match {
    pub(crate) source: usize,
    pub(crate) sentence: usize,
    pub(crate) strength: f64,
}

/// The share of the smaller sentence's distinct content stems that the
/// other one contains (the overlap coefficient).
pub(crate) fn overlap(analysis: &Analysis, a: usize, b: usize) -> f64 {
    let sa: HashSet<&str> = analysis.sentences[a]
        .stems
        .iter()
        .map(String::as_str)
        .collect();
    let sb: HashSet<&str> = analysis.sentences[b]
        .stems
        .iter()
        .map(String::as_str)
        .collect();
    let smaller = sa.len().min(sb.len());
    if smaller == 0 {
        return 0.0;
    }
    sa.intersection(&sb).count() as f64 / smaller as f64
}

/// Every report's best-matching sentence for `chosen`, the origin itself
/// included, ordered by report.
pub(crate) fn matches(analysis: &Analysis, chosen: usize) -> Vec<Match> {
    let origin = analysis.sentences[chosen].source;
    let mut out = Vec::new();
    for (source, sentences) in analysis.by_source.iter().enumerate() {
        if source == origin {
            out.push(Match {
                source,
                sentence: chosen,
                strength: 1.0,
            });
            continue;
        }
        // The overlap (two hash sets) only where the cosine passes.
        let best = sentences
            .iter()
            .map(|&j| (j, analysis.similarity(chosen, j)))
            .filter(|&(j, cos)| cos >= CITE_COSINE && overlap(analysis, chosen, j) >= CITE_OVERLAP)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((sentence, strength)) = best {
            out.push(Match {
                source,
                sentence,
                strength,
            });
        }
    }
    out
}
