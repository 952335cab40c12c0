//! The first stages: segment each report into units, then analyse the
//! body sentences into the [`Analysis`] every later stage reads (copies,
//! term model, centrality with the heading prior).

use std::collections::BTreeMap;

use multisum_score::{
    Centroid, LexRank, SentenceScorer, SentenceSet, SimilarityIndex, TermModel, TextRank,
    TfIdfScorer,
};
use multisum_tokenize::{Document, Language, Tokenizer, Unit, UnitKind};

use crate::claim::Claims;
use crate::config::{Algorithm, Config};
use crate::model::{self, Analysis, Sentence};
use crate::source::Source;
use crate::syndication;
use crate::text::ends_like_a_sentence;

/// Words that make a sentence lean on the one before it when they open it.
const DANGLING_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "this",
    "these",
    "those",
    "that",
    "however",
    "but",
    "also",
    "additionally",
    "moreover",
    "furthermore",
    "such",
    "there",
];

/// Words of a question's form rather than its subject ("Discuss the
/// causes…", "What were the effects…"): left out of a query.
const QUERY_INSTRUCTIONS: &[&str] = &[
    "discuss",
    "describe",
    "include",
    "including",
    "identify",
    "explain",
    "give",
    "provide",
    "specify",
    "list",
    "tell",
    "report",
    "summarize",
    "summarise",
    "information",
    "details",
    "detail",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "any",
    "also",
    "known",
    "various",
    "kinds",
    "kind",
    "type",
    "types",
    "aspects",
    "aspect",
    "etc",
];

/// The language a report was read in, and whether it was detected rather
/// than configured.
pub(crate) type ReadIn = (Language, bool);

/// Segments every report into paragraphs, units and tokens: with `config`'s
/// language, or with language detection on, each report's own (falling
/// back to `config`'s when detection is unsure).
pub(crate) fn segment(
    sources: &[Source],
    tokenizer: &Tokenizer,
    config: &Config,
) -> (Vec<Document>, Vec<ReadIn>) {
    let mut others: BTreeMap<Language, Tokenizer> = BTreeMap::new();
    sources
        .iter()
        .map(|s| {
            let text = s.text();
            if !config.detect_language {
                return (tokenizer.segment(text), (config.language, false));
            }
            let detected = multisum_tokenize::detect_language(text);
            let language = detected.unwrap_or(config.language);
            let doc = if language == config.language {
                tokenizer.segment(text)
            } else {
                others
                    .entry(language)
                    .or_insert_with(|| {
                        Tokenizer::new(multisum_tokenize::Config::new().language(language))
                    })
                    .segment(text)
            };
            (doc, (language, detected.is_some()))
        })
        .unzip()
}

/// The analysis of the segmented reports: their body sentences, which
/// reports are copies, the term model, and each sentence's centrality.
pub(crate) fn analyse(
    sources: &[Source],
    docs: &[Document],
    read_in: &[ReadIn],
    config: &Config,
) -> Analysis {
    let tuning = &config.tuning;
    let mut sentences = Vec::new();
    for (source, (doc, src)) in docs.iter().zip(sources).enumerate() {
        let language = read_in.get(source).map_or(config.language, |r| r.0);
        for (position, unit) in doc.body().enumerate() {
            sentences.push(sentence(source, position, unit, doc, src.text(), language));
        }
    }
    let original = syndication::originals(
        &sentences,
        &model::by_source(docs.len(), &sentences),
        tuning.copy_share,
    );
    // Headlines and subheadings of the originals join the term model (after
    // the body sentences, so sentence indices are unchanged): they are the
    // editors' own statement of what matters.
    let headings: Vec<(usize, Vec<String>)> = docs
        .iter()
        .enumerate()
        .filter(|&(d, _)| original[d] == d)
        .flat_map(|(d, doc)| {
            doc.units()
                .iter()
                .filter(|u| matches!(u.kind, UnitKind::Headline | UnitKind::Subheading))
                .filter(move |u| !sources[d].text()[u.span.clone()].trim_end().ends_with(':'))
                .map(move |u| (d, content_stems(u, doc)))
        })
        .filter(|(_, stems)| stems.len() >= tuning.min_heading_words)
        .collect();
    let query = config
        .query
        .as_deref()
        .map(|q| query_stems(q, config.language))
        .filter(|stems| !stems.is_empty());
    // The query joins the term model after the headings.
    let mut rows = headings;
    let headings = rows.len();
    if let Some(stems) = &query {
        rows.push((0, stems.clone()));
    }
    let analysis = Analysis::new(docs.len(), sentences, original, &rows);
    let n = analysis.sentences.len();
    let query_sim = query.is_some().then(|| {
        relative(max_cosine_to(
            &analysis.model,
            n,
            n + headings..n + headings + 1,
        ))
    });
    let centrality = centrality(&analysis, config, headings, query_sim.as_deref());
    analysis
        .with_centrality(centrality)
        .with_query(query_sim.unwrap_or_default())
}

/// The values divided by the largest (unchanged when none is above 0).
fn relative(mut values: Vec<f64>) -> Vec<f64> {
    let top = values.iter().copied().fold(0.0, f64::max);
    if top > 0.0 {
        values.iter_mut().for_each(|v| *v /= top);
    }
    values
}

/// The content stems of a query, without stopwords and instruction words.
fn query_stems(query: &str, language: Language) -> Vec<String> {
    let tokenizer = Tokenizer::new(multisum_tokenize::Config::new().language(language));
    let (tokens, vocabulary) = tokenizer.tokens(query);
    tokens
        .iter()
        .filter(|t| !t.stopword && !QUERY_INSTRUCTIONS.contains(&vocabulary.norm(t.term)))
        .map(|t| vocabulary.stem(t.term).to_string())
        .collect()
}

/// Each sentence's centrality by the configured algorithm, over the
/// originals' sentences only (a copy would double its twins' centrality),
/// blended with the heading prior, then with the similarity to the query
/// (relative to the best) when there is one, and normalised so the best is
/// 1.
fn centrality(
    analysis: &Analysis,
    config: &Config,
    headings: usize,
    query: Option<&[f64]>,
) -> Vec<f64> {
    let mut scored = SentenceSet::new();
    let mut scored_ids = Vec::new();
    for (i, s) in analysis.sentences.iter().enumerate() {
        if !analysis.in_copy(i) {
            scored.push(s.source, &s.stems);
            scored_ids.push(i);
        }
    }
    let raw = match config.algorithm {
        Algorithm::TextRank => TextRank::default().score(&scored),
        Algorithm::LexRank => LexRank::default().continuous().score(&scored),
        Algorithm::Centroid => Centroid::default().score(&scored),
        Algorithm::TfIdf => TfIdfScorer::default().score(&scored),
    };
    let n = analysis.sentences.len();
    let max = raw.values().iter().copied().fold(0.0, f64::max);
    let mut centrality = vec![0.0; n];
    for (&i, &v) in scored_ids.iter().zip(raw.values()) {
        centrality[i] = if max > 0.0 { v / max } else { 0.0 };
    }
    if headings > 0 {
        let heading_sim = max_cosine_to(&analysis.model, n, n..n + headings);
        blend(&mut centrality, &heading_sim, config.tuning.heading_weight);
    }
    if let Some(query_sim) = query {
        blend(&mut centrality, query_sim, config.tuning.query_weight);
    }
    centrality
}

/// `(1 − weight)·score + weight·prior/best prior` for every scored
/// sentence (score above 0), normalised so the best is 1; unchanged when
/// no sentence has a prior.
fn blend(centrality: &mut [f64], prior: &[f64], weight: f64) {
    let top = prior.iter().copied().fold(0.0, f64::max);
    if top <= 0.0 {
        return;
    }
    for (c, p) in centrality.iter_mut().zip(prior) {
        if *c > 0.0 {
            *c = (1.0 - weight) * *c + weight * p / top;
        }
    }
    let max = centrality.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        centrality.iter_mut().for_each(|c| *c /= max);
    }
}

/// For each of the first `n` rows of the model, its highest cosine with any
/// of the rows `targets` (0 when it shares no term with them).
fn max_cosine_to(model: &TermModel, n: usize, targets: std::ops::Range<usize>) -> Vec<f64> {
    let index = SimilarityIndex::of_rows(model, targets);
    let mut searcher = index.searcher();
    (0..n)
        .map(|i| {
            searcher
                .cosines(model.vector(i))
                .iter()
                .map(|&(_, c)| c)
                .fold(0.0, f64::max)
        })
        .collect()
}

/// The stems of a unit's content words (stopwords left out), in order.
fn content_stems(unit: &Unit, doc: &Document) -> Vec<String> {
    let vocabulary = doc.vocabulary();
    unit.tokens
        .iter()
        .filter(|t| !t.stopword)
        .map(|t| vocabulary.stem(t.term).to_string())
        .collect()
}

fn sentence(
    source: usize,
    position: usize,
    unit: &Unit,
    doc: &Document,
    text: &str,
    language: Language,
) -> Sentence {
    let stems = content_stems(unit, doc);
    let dangling = unit
        .tokens
        .first()
        .is_some_and(|t| DANGLING_OPENERS.contains(&doc.vocabulary().norm(t.term)));
    Sentence {
        source,
        span: unit.span.clone(),
        position,
        stems,
        words: text[unit.span.clone()].split_whitespace().count(),
        dangling,
        finished: ends_like_a_sentence(&text[unit.span.clone()]),
        claims: Claims::of_unit(unit, doc.vocabulary(), text, language),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each sentence's similarity to the query is kept, relative to the
    /// best, from the query's row of the model (after the headings'): a
    /// sentence sharing only a heading's words is not near the query.
    #[test]
    fn query_similarity_per_sentence() {
        let sources = [Source::new(
            "a",
            "# Harbour bridge closed for repairs after storm\n\n\
             The harbour bridge closed for repairs after the storm. \
             Volunteers planted oak trees along the river valley.\n",
        )
        .with_format(crate::source::Format::Markdown)];
        let config = Config::new().query("Where were oak trees planted by volunteers?");
        let tokenizer = Tokenizer::new(multisum_tokenize::Config::new());
        let (docs, read_in) = segment(&sources, &tokenizer, &config);
        let analysis = analyse(&sources, &docs, &read_in, &config);
        assert_eq!(analysis.query.len(), analysis.sentences.len());
        assert_eq!(analysis.query, [0.0, 1.0]);
        let without = analyse(&sources, &docs, &read_in, &Config::new());
        assert!(without.query.is_empty());
    }

    /// A query's subject words are kept, its instruction words and
    /// stopwords are not.
    #[test]
    fn query_keeps_its_subject() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Discuss the causes of the Kursk disaster. Include the rescue efforts.",
                &["caus", "kursk", "disast", "rescu", "effort"],
            ),
            (
                "What were the effects of the ceasefire?",
                &["effect", "ceasefir"],
            ),
            ("Describe. Identify!", &[]),
        ];
        for (query, expected) in cases {
            assert_eq!(query_stems(query, Language::English), *expected, "{query}");
        }
    }
}
