//! Properties of every document, over arbitrary strings and mutated news:
//! unit and token spans slice the text exactly, on char boundaries; units
//! are in order, do not overlap, and cover every non-white-space byte;
//! tokens lie inside their units and are their original words, one term
//! per distinct norm; nothing panics.

use multisum_tokenize::{Document, Token, Tokenizer, Vocabulary};
use proptest::prelude::*;

/// The checks, as an error message naming the first one that fails.
pub(crate) fn check_document(text: &str, doc: &Document) -> Result<(), String> {
    let mut covered = 0;
    for (i, unit) in doc.units().iter().enumerate() {
        let span = unit.span.clone();
        let Some(slice) = text.get(span.clone()) else {
            return Err(format!(
                "unit {i}: {span:?} is not a char range of the text"
            ));
        };
        if slice.is_empty() || slice.trim() != slice {
            return Err(format!("unit {i}: {slice:?} is empty or not trimmed"));
        }
        if span.start < covered {
            return Err(format!(
                "unit {i}: {span:?} overlaps or precedes the one before"
            ));
        }
        let gap = &text[covered..span.start];
        if !gap.trim().is_empty() {
            return Err(format!("text {gap:?} before unit {i} is in no unit"));
        }
        covered = span.end;
        let Some(paragraph) = doc.paragraphs().get(unit.paragraph) else {
            return Err(format!("unit {i}: no paragraph {}", unit.paragraph));
        };
        if span.start < paragraph.start || span.end > paragraph.end {
            return Err(format!(
                "unit {i}: {span:?} outside its paragraph {paragraph:?}"
            ));
        }
        check_tokens(text, &unit.tokens, doc.vocabulary(), span)
            .map_err(|e| format!("unit {i}: {e}"))?;
    }
    if !text[covered..].trim().is_empty() {
        return Err(format!(
            "text {:?} after the last unit is in no unit",
            &text[covered..]
        ));
    }
    check_terms(doc.units().iter().flat_map(|u| &u.tokens), doc.vocabulary())
}

/// One term per distinct norm, numbered in order of first occurrence, and
/// no term without a token.
fn check_terms<'a>(
    tokens: impl IntoIterator<Item = &'a Token>,
    vocabulary: &Vocabulary,
) -> Result<(), String> {
    let mut terms = std::collections::HashMap::new();
    for token in tokens {
        let norm = vocabulary.norm(token.term);
        let next = terms.len();
        let term = *terms.entry(norm).or_insert(token.term);
        if term != token.term {
            return Err(format!(
                "norm {norm:?} is two terms, {term:?} and {:?}",
                token.term
            ));
        }
        if next < terms.len() && term.index() != next {
            return Err(format!("new norm {norm:?} is term {term:?}, not {next}"));
        }
    }
    if terms.len() != vocabulary.len() {
        return Err(format!(
            "{} terms in the vocabulary, {} used",
            vocabulary.len(),
            terms.len()
        ));
    }
    Ok(())
}

/// Tokens in order, inside `within`, each slicing its original word.
fn check_tokens(
    text: &str,
    tokens: &[Token],
    vocabulary: &Vocabulary,
    within: std::ops::Range<usize>,
) -> Result<(), String> {
    let mut after = within.start;
    for token in tokens {
        let span = token.span.clone();
        let Some(original) = text.get(span.clone()) else {
            return Err(format!("token {span:?} is not a char range of the text"));
        };
        if span.start < after || span.end > within.end || original.is_empty() {
            return Err(format!(
                "token {original:?} at {span:?} out of order or place"
            ));
        }
        after = span.end;
        // The norm is the original lowercased, apostrophes straightened,
        // and the dots of an abbreviation dropped.
        let lower: String = original
            .to_lowercase()
            .chars()
            .map(|c| {
                if matches!(c, '’' | '‘' | 'ʼ') {
                    '\''
                } else {
                    c
                }
            })
            .collect();
        let undotted: String = lower.chars().filter(|&c| c != '.').collect();
        let norm = vocabulary.norm(token.term);
        if norm != lower && norm != undotted {
            return Err(format!("token {original:?} has norm {norm:?}"));
        }
        if vocabulary.stem(token.term).is_empty() {
            return Err(format!("token {original:?} has an empty stem"));
        }
    }
    Ok(())
}

fn check_text(text: &str) -> Result<(), TestCaseError> {
    let tokenizer = Tokenizer::default();
    let doc = tokenizer.segment(text);
    check_document(text, &doc).map_err(TestCaseError::fail)?;
    let (tokens, vocabulary) = tokenizer.tokens(text);
    check_tokens(text, &tokens, &vocabulary, 0..text.len())
        .and_then(|()| check_terms(&tokens, &vocabulary))
        .map_err(TestCaseError::fail)
}

/// Characters that matter to the splitter and tokenizer, with letters.
const TRICKY: &str = "[a-zA-Z0-9 .!?…\"'“”‘’()\\[\\]\n\r\t,;:$%•⁃_@/-]|[éÉßΣς日本。？Ⅻ\u{301}\u{200d}\u{a0}\u{2028}]";

fn tricky_text() -> impl Strategy<Value = String> {
    let piece = proptest::string::string_regex(TRICKY).expect("a valid regex");
    proptest::collection::vec(piece, 0..300).prop_map(|parts| parts.concat())
}

/// Corpus text, with lines shuffled and repeated and bits of tricky text
/// spliced in.
fn mutated_news() -> impl Strategy<Value = String> {
    let lines: Vec<String> = crate::corpus::corpus()
        .iter()
        .flat_map(|(_, text)| {
            text.split_inclusive('\n')
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    let count = lines.len();
    (
        proptest::collection::vec(0..count, 1..20),
        proptest::collection::vec((any::<prop::sample::Index>(), tricky_text()), 0..6),
    )
        .prop_map(move |(picks, splices)| {
            let mut text: String = picks.iter().map(|&i| lines[i].as_str()).collect();
            for (at, piece) in splices {
                let mut pos = at.index(text.len() + 1);
                while !text.is_char_boundary(pos) {
                    pos -= 1;
                }
                text.insert_str(pos, &piece);
            }
            text
        })
}

proptest! {
    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_text(&text)?;
    }

    #[test]
    fn tricky_strings(text in tricky_text()) {
        check_text(&text)?;
    }

    #[test]
    fn mutated_corpus(text in mutated_news()) {
        check_text(&text)?;
    }
}

/// The checks themselves catch what they should.
#[test]
fn checks_fail_on_bad_documents() {
    let text = "One. Two.";
    let mut doc = Tokenizer::default().segment(text);
    assert!(check_document(text, &doc).is_ok());
    // A document that drops its second sentence leaves text uncovered.
    let short = Tokenizer::default().segment("One.");
    assert!(check_document(text, &short).is_err());
    // Spans into another text are caught.
    doc = Tokenizer::default().segment("Uno. Dos.");
    assert!(check_document(text, &doc).is_err());
}
