//! Boilerplate found by repetition across documents.

use std::collections::HashMap;

use crate::token::FnvBuild;
use crate::{Document, UnitKind, classify};

/// Marks as [`UnitKind::Boilerplate`] the lines that recur verbatim across
/// documents and do not read like reporting: navigation, section labels,
/// footers, newsletter prompts that no cue word gives away.
///
/// `texts[i]` must be the text `docs[i]` was segmented from. A unit is
/// marked when all of these hold:
///
/// - it is a whole paragraph (a line), not one sentence of several;
/// - the same text is a whole paragraph in at least two documents;
/// - it does not read like a sentence: it has no terminal punctuation, or
///   fewer than four words. A sentence that syndicated copies of one report
///   share ("The talks ended on Tuesday.") stays body;
/// - it is not a document's only headline: identical headlines of
///   syndicated copies stay, a repeated line above the real headline goes.
///   (A subheading that copies share is marked: nothing tells it from a
///   repeated section label, and neither is summarised.)
///
/// Spans, tokens and the other units are left as they are.
///
/// Documents and texts are paired in order; `texts[i]` must be the text
/// `docs[i]` was segmented from. Unpaired documents or texts, and units
/// whose span does not fit their text, are left alone (never a panic).
pub fn mark_repeated_boilerplate(docs: &mut [Document], texts: &[&str]) {
    // Text of a whole-paragraph unit -> (documents it is in, last one seen).
    let mut seen: HashMap<&str, (usize, usize), FnvBuild> = HashMap::default();
    for (index, (doc, text)) in docs.iter().zip(texts).enumerate() {
        for unit in doc.units() {
            let Some(line) = text.get(unit.span.clone()) else {
                continue;
            };
            if is_whole_paragraph(doc, unit) && !reads_like_a_sentence(line) {
                let entry = seen.entry(line).or_insert((0, usize::MAX));
                if entry.1 != index {
                    *entry = (entry.0 + 1, index);
                }
            }
        }
    }
    for (doc, text) in docs.iter_mut().zip(texts) {
        let repeated: Vec<bool> = doc
            .units
            .iter()
            .map(|unit| {
                unit.kind != UnitKind::Boilerplate
                    && is_whole_paragraph(doc, unit)
                    && text
                        .get(unit.span.clone())
                        .and_then(|line| seen.get(line))
                        .is_some_and(|&(n, _)| n >= 2)
            })
            .collect();
        let keeps_a_headline = doc
            .units
            .iter()
            .zip(&repeated)
            .any(|(unit, &rep)| unit.kind == UnitKind::Headline && !rep);
        for (unit, rep) in doc.units.iter_mut().zip(repeated) {
            if rep && (unit.kind != UnitKind::Headline || keeps_a_headline) {
                unit.kind = UnitKind::Boilerplate;
            }
        }
    }
}

fn is_whole_paragraph(doc: &Document, unit: &crate::Unit) -> bool {
    doc.paragraphs().get(unit.paragraph) == Some(&unit.span)
}

/// Terminal punctuation and at least four words.
fn reads_like_a_sentence(text: &str) -> bool {
    classify::has_terminal_punctuation(text) && text.split_whitespace().nth(3).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tokenizer;

    #[test]
    fn mismatched_inputs_never_panic() {
        let tokenizer = Tokenizer::default();
        let a =
            "World News Desk\n\nTalks Resume in Geneva\n\nThe talks resumed on Tuesday morning.";
        let b = "World News Desk\n\nMarkets Rally Again Today\n\nShares rose sharply in Asia.";
        let mut docs = vec![tokenizer.segment(a), tokenizer.segment(b)];
        // Fewer texts than documents, texts too short for the spans, more
        // texts than documents: nothing happens, nothing panics.
        mark_repeated_boilerplate(&mut docs, &["World"]);
        mark_repeated_boilerplate(&mut docs, &[]);
        mark_repeated_boilerplate(&mut docs, &["x", "y", "z"]);
        mark_repeated_boilerplate(&mut [], &[a]);
        assert_eq!(docs[0].units()[0].kind, UnitKind::Headline);
        // Paired correctly, the repeated line above the headlines is marked.
        mark_repeated_boilerplate(&mut docs, &[a, b]);
        assert_eq!(docs[0].units()[0].kind, UnitKind::Boilerplate);
        assert_eq!(docs[1].units()[0].kind, UnitKind::Boilerplate);
    }

    /// Kinds of each document's units after marking, with their text.
    fn check(texts: &[&str], expected: &[&[(UnitKind, &str)]]) {
        let tokenizer = Tokenizer::default();
        let mut docs: Vec<Document> = texts.iter().map(|t| tokenizer.segment(t)).collect();
        mark_repeated_boilerplate(&mut docs, texts);
        let got: Vec<Vec<(UnitKind, &str)>> = docs
            .iter()
            .zip(texts)
            .map(|(doc, text)| {
                doc.units()
                    .iter()
                    .map(|u| (u.kind, &text[u.span.clone()]))
                    .collect()
            })
            .collect();
        assert_eq!(got, expected);
    }

    use UnitKind::*;

    #[test]
    fn navigation_and_footers() {
        check(
            &[
                "World | Europe\n\nEnvoys head to Moscow\n\nThe talks began. They ended.\n\
                 Newsletter and alerts\nThanks!",
                "World | Europe\n\nKursk retaken\n\nTroops moved on Monday.\n\
                 Newsletter and alerts\nThanks!",
            ],
            &[
                &[
                    (Boilerplate, "World | Europe"),
                    (Headline, "Envoys head to Moscow"),
                    (Body, "The talks began."),
                    (Body, "They ended."),
                    (Boilerplate, "Newsletter and alerts"),
                    (Boilerplate, "Thanks!"),
                ],
                &[
                    (Boilerplate, "World | Europe"),
                    (Headline, "Kursk retaken"),
                    (Body, "Troops moved on Monday."),
                    (Boilerplate, "Newsletter and alerts"),
                    (Boilerplate, "Thanks!"),
                ],
            ],
        );
    }

    #[test]
    fn syndicated_copies_keep_their_sentences_and_headline() {
        let copy = "Envoys head to Moscow\n\nThe talks began on Tuesday.\n\nKremlin responds\n\n\
                    Officials met on Wednesday in the capital.";
        let expected: &[(UnitKind, &str)] = &[
            (Headline, "Envoys head to Moscow"),
            (Body, "The talks began on Tuesday."),
            (Boilerplate, "Kremlin responds"),
            (Body, "Officials met on Wednesday in the capital."),
        ];
        check(&[copy, copy], &[expected, expected]);
    }

    #[test]
    fn one_document_or_one_occurrence_changes_nothing() {
        let text = "Home\n\nEnvoys head to Moscow\n\nThe talks began.\n\nHome";
        let expected: &[(UnitKind, &str)] = &[
            (Headline, "Home"),
            (Headline, "Envoys head to Moscow"),
            (Body, "The talks began."),
            (Boilerplate, "Home"),
        ];
        check(&[text], &[expected]);
        check(
            &["Home\n\nA story.", "Away\n\nA tale."],
            &[
                &[(Headline, "Home"), (Body, "A story.")],
                &[(Headline, "Away"), (Body, "A tale.")],
            ],
        );
    }
}
