//! News text to paragraphs, sentences and word tokens, every one of them with
//! its byte span in the original text, and headlines and page furniture
//! told apart from reporting.
//!
//! # Brief overview
//!
//! - [`Tokenizer`] is the entry point, built from a [`Config`] (the
//!   [`Language`] to stem and filter stopwords for).
//! - [`Tokenizer::segment`] turns one document's text into a [`Document`]:
//!   its paragraphs (lines, soft wraps joined) and a list of [`Unit`]s, each
//!   of a [`UnitKind`]: a body sentence, a headline, a subheading or a
//!   boilerplate line, with its [`Token`]s.
//! - [`mark_repeated_boilerplate`] marks lines that recur across the
//!   documents of one set (navigation, footers) as boilerplate.
//! - [`detect_language`] guesses a document's [`Language`] (feature
//!   `detect`).
//!
//! What the units are:
//!
//! - **Sentences.** Body paragraphs are split into sentences by rules that
//!   hold on news text: abbreviations and initials ("Mr.", "Gen.",
//!   "Jonas E. Smith", "No. 5", "U.S." decided by the word after it,
//!   "a.m."), numbers, links and e-mail addresses, quotations (a sentence
//!   ending inside a closing quote ends after it; a quotation followed by
//!   its attribution, "“…,” Trump said.", stays one unit, and so does a
//!   short multi-sentence quotation), ellipses, and inline lists
//!   ("1) … 2) …"). `examples/golden_rules.rs` scores them on the
//!   "golden rules" cases.
//! - **Headlines and subheadings.** A one-sentence line without terminal
//!   punctuation is title-like: a headline before the first body
//!   paragraph, a subheading after one, never fused with the next
//!   sentence.
//! - **Boilerplate.** Scraping residue ("in , , ,"), link-only lines,
//!   lines opened by cue words (read-time notes, photo credits, "See also"
//!   teasers, "Source" lines, share/subscribe prompts), reader prompts
//!   ("What do you think?"), bylines, and a title-like line after the last
//!   body paragraph (a teaser for another article).
//! - **Tokens.** UAX #29 words, lowercased, apostrophes straightened,
//!   English possessive "'s" dropped, hyphenated compounds split into their
//!   parts, numbers kept whole, Snowball stems, stopwords from NLTK's
//!   lists. See [`Token`] for the details. A token refers to its
//!   [`Term`]: its normal form and stem, kept once per document in the
//!   document's [`Vocabulary`].
//!
//! Spans are byte ranges into the text given to `segment`, and
//! `&text[unit.span.clone()]` is exactly the unit's text. Nothing is
//! dropped: boilerplate and headlines stay in the document with their
//! spans, and every non-white-space byte of the text is in exactly one
//! unit. Segmentation never fails and is linear in the length of the text.
//!
//! # Example
//!
//! ```
//! use multisum_tokenize::{Config, Language, Tokenizer, UnitKind};
//!
//! let text = "Envoys Head to Moscow\n\nRead Time: 2 Minute\n\n\
//!             U.S. officials left on Tuesday. Mr. Witkoff leads them.\n\
//!             Kremlin responds\n\
//!             “We are ready,” Peskov said.";
//! let tokenizer = Tokenizer::new(Config::new().language(Language::English));
//! let doc = tokenizer.segment(text);
//!
//! let units: Vec<(UnitKind, &str)> =
//!     doc.units().iter().map(|u| (u.kind, &text[u.span.clone()])).collect();
//! assert_eq!(
//!     units,
//!     [
//!         (UnitKind::Headline, "Envoys Head to Moscow"),
//!         (UnitKind::Boilerplate, "Read Time: 2 Minute"),
//!         (UnitKind::Body, "U.S. officials left on Tuesday."),
//!         (UnitKind::Body, "Mr. Witkoff leads them."),
//!         (UnitKind::Subheading, "Kremlin responds"),
//!         (UnitKind::Body, "“We are ready,” Peskov said."),
//!     ]
//! );
//!
//! let vocabulary = doc.vocabulary();
//! let stems: Vec<&str> = doc.units()[2].tokens.iter().map(|t| vocabulary.stem(t.term)).collect();
//! assert_eq!(stems, ["us", "offici", "left", "on", "tuesday"]);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `detect` (default): [`detect_language`], through the `whatlang`
//!   crate.
//!
//! Stemming (`rust-stemmers`, every Snowball language it has) and stopword
//! lists (NLTK's, through the `stop-words` crate) are always built in;
//! neither crate's types appear in this API.

#![deny(missing_docs)]

mod classify;
mod language;
mod repeat;
mod split;
mod token;

use std::fmt;
use std::ops::Range;

#[cfg(feature = "detect")]
pub use crate::language::detect_language;
pub use crate::language::{Language, UnknownLanguage};
pub use crate::repeat::mark_repeated_boilerplate;

/// How a [`Tokenizer`] treats text.
#[derive(Clone, Debug, Default)]
pub struct Config {
    language: Language,
}

impl Config {
    /// The default configuration: English.
    pub fn new() -> Config {
        Config::default()
    }

    /// The language used for stemming and stopwords.
    pub fn language(mut self, language: Language) -> Config {
        self.language = language;
        self
    }
}

/// What a unit of a document is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// The document's title: a title-like line before any body text.
    Headline,
    /// A title-like line between body paragraphs.
    Subheading,
    /// A sentence of the report itself: the only kind that is summarised.
    Body,
    /// Page furniture: bylines, read-time notes, photo credits, related
    /// links, reader prompts, scraping residue.
    Boilerplate,
}

impl UnitKind {
    /// A lowercase name: `"headline"`, `"subheading"`, `"body"`, `"boilerplate"`.
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Headline => "headline",
            UnitKind::Subheading => "subheading",
            UnitKind::Body => "body",
            UnitKind::Boilerplate => "boilerplate",
        }
    }
}

/// A word of the text.
///
/// Its normal form ("norm") and Snowball stem are those of its [`Term`]:
/// `vocabulary.norm(token.term)` and `vocabulary.stem(token.term)`, with the
/// [`Vocabulary`] of the [`Document`] (or of [`Tokenizer::tokens`]).
///
/// Words are UAX #29 words (Unicode word segmentation) with a letter or a
/// digit. Deliberate choices:
///
/// - curly and straight apostrophes are alike ("don’t" and "don't" are
///   both `don't`);
/// - in English a possessive "'s" is dropped ("Russia’s" → `russia`); in
///   French and Italian an elided article is ("l’accord" → `accord`);
/// - dotted abbreviations lose their dots ("U.S." → `us`, as "US");
/// - hyphenated compounds are split into their parts, as UAX #29 does
///   ("cross-border" → `cross`, `border`; "30-day" → `30`, `day`): the
///   parts are what the spelling without a hyphen gives, and what the
///   stemmers know;
/// - numbers are kept whole, separators included ("2.5", "1,000"), without
///   currency or percent signs, and are not stemmed;
/// - a word in capitals inside mixed-case text ("IT staff", "WHO") is a
///   name, never a stopword.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range into the document text: the word as written, without a
    /// dropped possessive or elision.
    pub span: Range<usize>,
    /// The word lowercased and normalised as described above, as a term of
    /// the document's vocabulary.
    pub term: Term,
    /// Whether the norm is in the language's stopword list (NLTK's), and
    /// the word not a name in capitals.
    pub stopword: bool,
}

/// A distinct normal form of a word in one document: tokens with the same
/// norm have the same term. Look up its norm and stem in the document's
/// [`Vocabulary`]; a term of one document means nothing in another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term(u32);

impl Term {
    /// The term's number: terms are numbered from 0 in order of first
    /// occurrence, up to `vocabulary.len()`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The terms of a document: the norm and the stem of each [`Term`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// The norms and stems, one after another.
    text: String,
    /// Byte ranges in `text` of each term's norm and stem.
    terms: Vec<[usize; 4]>,
}

impl Vocabulary {
    /// The word lowercased and normalised as described for [`Token`].
    ///
    /// Panics if `term` is not of this vocabulary.
    pub fn norm(&self, term: Term) -> &str {
        let [start, end, ..] = self.terms[term.index()];
        &self.text[start..end]
    }

    /// The Snowball stem of the norm (the norm itself for numbers).
    ///
    /// Panics if `term` is not of this vocabulary.
    pub fn stem(&self, term: Term) -> &str {
        let [.., start, end] = self.terms[term.index()];
        &self.text[start..end]
    }

    /// The number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no terms (no tokens).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Adds a term: its norm, and its stem if that is not the norm.
    fn push(&mut self, norm: &str, stem: Option<&str>) -> Term {
        let term = Term(u32::try_from(self.terms.len()).expect("fewer than 2^32 terms"));
        let start = self.text.len();
        self.text.push_str(norm);
        let end = self.text.len();
        let stem = match stem {
            // Stems are mostly a prefix of the norm: "aides" → "aid".
            Some(stem) if !norm.starts_with(stem) => {
                self.text.push_str(stem);
                [end, self.text.len()]
            }
            stem => [start, start + stem.map_or(norm.len(), str::len)],
        };
        self.terms.push([start, end, stem[0], stem[1]]);
        term
    }
}

/// A sentence, headline, subheading or boilerplate line.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// What the unit is.
    pub kind: UnitKind,
    /// Byte range into the document text; the text there is the unit.
    pub span: Range<usize>,
    /// Index of the paragraph (a line, or lines joined by soft wraps).
    pub paragraph: usize,
    /// The unit's words in order.
    pub tokens: Vec<Token>,
}

impl Unit {
    /// A unit without its tokens yet.
    fn new(kind: UnitKind, span: Range<usize>, paragraph: usize) -> Unit {
        Unit {
            kind,
            span,
            paragraph,
            tokens: Vec::new(),
        }
    }
}

/// One document cut into units.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    units: Vec<Unit>,
    paragraphs: Vec<Range<usize>>,
    vocabulary: Vocabulary,
}

impl Document {
    /// All units in text order, boilerplate and headlines included.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The body units (sentences of the report) in order.
    pub fn body(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|u| u.kind == UnitKind::Body)
    }

    /// The paragraphs' byte ranges, in order.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// The norms and stems of the terms of the units' tokens.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The first headline, if the document has one.
    pub fn headline(&self) -> Option<&Unit> {
        self.units.iter().find(|u| u.kind == UnitKind::Headline)
    }
}

/// Cuts documents into units and tokens. Cheap to share across threads.
pub struct Tokenizer {
    words: token::Words,
}

impl fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tokenizer")
            .field("language", &self.language())
            .finish_non_exhaustive()
    }
}

impl Default for Tokenizer {
    fn default() -> Tokenizer {
        Tokenizer::new(Config::default())
    }
}

impl Tokenizer {
    /// A tokenizer for the configured language.
    pub fn new(config: Config) -> Tokenizer {
        Tokenizer {
            words: token::Words::new(config.language),
        }
    }

    /// The language this tokenizer stems for.
    pub fn language(&self) -> Language {
        self.words.language()
    }

    /// Cuts one document into paragraphs, units and tokens.
    ///
    /// Never fails, for any text; linear in its length.
    pub fn segment(&self, text: &str) -> Document {
        let paragraphs = paragraphs(text);
        let mut units = Vec::with_capacity(paragraphs.len() * 2);
        let mut sentences = Vec::new();
        let mut seen_body = false;
        for (index, range) in paragraphs.iter().enumerate() {
            let para = &text[range.clone()];
            // A wire-service dateline ("MOSCOW (AP) --") is a unit of its
            // own: metadata, not the first sentence's subject.
            let dateline = classify::dateline(para);
            let body_start = dateline.map_or(0, |n| para.len() - para[n..].trim_start().len());
            sentences.clear();
            split::split(&para[body_start..], &mut sentences);
            let kind = if dateline.is_some() && !sentences.is_empty() {
                UnitKind::Body
            } else if classify::is_boilerplate(para)
                || (sentences.len() == 1 && classify::is_reader_prompt(para))
            {
                UnitKind::Boilerplate
            } else if sentences.len() == 1 && classify::is_title_like(para) {
                if seen_body {
                    UnitKind::Subheading
                } else {
                    UnitKind::Headline
                }
            } else {
                UnitKind::Body
            };
            if kind == UnitKind::Body {
                seen_body = true;
                if let Some(n) = dateline {
                    units.push(Unit::new(
                        UnitKind::Boilerplate,
                        range.start..range.start + n,
                        index,
                    ));
                }
                let start = range.start + body_start;
                for sentence in &sentences {
                    let span = start + sentence.start..start + sentence.end;
                    // "Read more: …" closing a paragraph of reporting.
                    let kind = if sentences.len() > 1 && classify::has_cue(&text[span.clone()]) {
                        UnitKind::Boilerplate
                    } else {
                        UnitKind::Body
                    };
                    units.push(Unit::new(kind, span, index));
                }
            } else {
                units.push(Unit::new(kind, range.clone(), index));
            }
        }
        // A title-like line after the last body paragraph is a teaser for
        // another article, not a subheading of this one.
        if let Some(last_body) = units.iter().rposition(|u| u.kind == UnitKind::Body) {
            for unit in &mut units[last_body + 1..] {
                if unit.kind == UnitKind::Subheading {
                    unit.kind = UnitKind::Boilerplate;
                }
            }
        }
        let ((), vocabulary) = self.words.document(|terms| {
            for unit in &mut units {
                terms.tokens(text, unit.span.clone(), &mut unit.tokens);
            }
        });
        Document {
            units,
            paragraphs,
            vocabulary,
        }
    }

    /// The word tokens of `text`, with spans into `text`, as [`segment`]
    /// gives them for a unit, and the vocabulary of their terms.
    ///
    /// [`segment`]: Tokenizer::segment
    pub fn tokens(&self, text: &str) -> (Vec<Token>, Vocabulary) {
        self.words.document(|terms| {
            let mut tokens = Vec::new();
            terms.tokens(text, 0..text.len(), &mut tokens);
            tokens
        })
    }
}

/// Paragraph ranges: non-blank lines, with soft-wrapped lines (a line that
/// does not end a sentence, followed by one starting in lowercase) joined,
/// unless either line is boilerplate on its own ("Source" above a link).
/// Ranges are trimmed of surrounding white space.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut joinable = false;
    let mut prev_line = 0..0;
    let mut pos = 0;
    for line in lines(text) {
        let start = pos;
        pos += line.len();
        // The "\n" of a "\r\n" ends the line before it: it is no blank line.
        if line == "\n" && text[..start].ends_with('\r') {
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            joinable = false;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = start + lead..start + lead + trimmed.len();
        let starts_lower = trimmed.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last)
                if joinable
                    && starts_lower
                    && !classify::is_boilerplate(&text[prev_line.clone()])
                    && !classify::is_boilerplate(trimmed) =>
            {
                last.end = range.end;
            }
            _ => out.push(range.clone()),
        }
        joinable = !classify::has_terminal_punctuation(trimmed) && !trimmed.ends_with(':');
        prev_line = range;
    }
    out
}

/// The lines of `text`, each with its line end ('\n' or '\r'): what
/// `text.split_inclusive(['\n', '\r'])` gives, by a byte search.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .bytes()
            .position(|b| b == b'\n' || b == b'\r')
            .map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_text(text: &str) -> Vec<(UnitKind, &str)> {
        Tokenizer::default()
            .segment(text)
            .units()
            .iter()
            .map(|u| (u.kind, &text[u.span.clone()]))
            .collect()
    }

    #[test]
    fn a_dateline_is_a_unit_of_its_own() {
        use UnitKind::*;
        assert_eq!(
            kinds_and_text(
                "PINE RIDGE, S.D. (AP) -- President Clinton arrived. He spoke.\n\nMore text."
            ),
            [
                (Boilerplate, "PINE RIDGE, S.D. (AP) --"),
                (Body, "President Clinton arrived."),
                (Body, "He spoke."),
                (Body, "More text."),
            ]
        );
    }

    #[test]
    fn headline_body_subheading_and_teaser() {
        let text = "in , , ,\n\nBig Title Here\n\nFirst sentence. Second one.\nA subhead\n\
                    Third sentence.\nWhat do you think?\nAnother Article Teaser";
        use UnitKind::*;
        assert_eq!(
            kinds_and_text(text),
            [
                (Boilerplate, "in , , ,"),
                (Headline, "Big Title Here"),
                (Body, "First sentence."),
                (Body, "Second one."),
                (Subheading, "A subhead"),
                (Body, "Third sentence."),
                (Boilerplate, "What do you think?"),
                (Boilerplate, "Another Article Teaser"),
            ]
        );
    }

    #[test]
    fn cue_sentences_in_body_paragraphs() {
        let text = "The talks ended. Read more: https://example.com/talks.\n\
                    Photos show the damage. Officials said so.";
        use UnitKind::*;
        assert_eq!(
            kinds_and_text(text),
            [
                (Body, "The talks ended."),
                (Boilerplate, "Read more: https://example.com/talks."),
                (Body, "Photos show the damage."),
                (Body, "Officials said so."),
            ]
        );
    }

    #[test]
    fn soft_wrapped_lines_join() {
        let text = "The talks went on\nfor hours. Then\nthey ended.\r\n\r\nNext paragraph.";
        let doc = Tokenizer::default().segment(text);
        assert_eq!(doc.paragraphs().len(), 2);
        let units: Vec<&str> = doc.units().iter().map(|u| &text[u.span.clone()]).collect();
        assert_eq!(
            units,
            [
                "The talks went on\nfor hours.",
                "Then\nthey ended.",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn lines_as_split_inclusive() {
        for text in [
            "",
            "a",
            "a\n",
            "\n\n",
            "a\r\nb\rc\n\nd",
            "é\u{2028}x\ny",
            "\r",
        ] {
            let expected: Vec<&str> = text.split_inclusive(['\n', '\r']).collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn tokens_keep_spans() {
        let text = "Russia’s “devastating” 30-day truce, Zelenskyy's aides.";
        let (tokens, vocabulary) = Tokenizer::default().tokens(text);
        let got: Vec<(&str, &str, &str, bool)> = tokens
            .iter()
            .map(|t| {
                (
                    &text[t.span.clone()],
                    vocabulary.norm(t.term),
                    vocabulary.stem(t.term),
                    t.stopword,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Russia", "russia", "russia", false),
                ("devastating", "devastating", "devast", false),
                ("30", "30", "30", false),
                ("day", "day", "day", false),
                ("truce", "truce", "truce", false),
                ("Zelenskyy", "zelenskyy", "zelenskyy", false),
                ("aides", "aides", "aid", false),
            ]
        );
    }

    #[test]
    fn stopwords_marked() {
        let (tokens, _) = Tokenizer::default().tokens("The ball is in their court");
        let stop: Vec<bool> = tokens.iter().map(|t| t.stopword).collect();
        assert_eq!(stop, [true, false, true, true, true, false]);
    }

    /// CRLF and lone CR line ends segment as LF does, with exact spans.
    #[test]
    fn issue_8_crlf_and_cr_segment_like_lf() {
        let lf = "Talks Begin\n\nEnvoys arrived on Tuesday.\nThe talks were\nlong and hard.\n";
        let expected = kinds_and_text(lf);
        for eol in ["\r\n", "\r"] {
            let text = lf.replace('\n', eol);
            let got: Vec<(UnitKind, String)> = kinds_and_text(&text)
                .into_iter()
                .map(|(kind, unit)| (kind, unit.replace(eol, "\n")))
                .collect();
            let want: Vec<(UnitKind, String)> =
                expected.iter().map(|&(k, u)| (k, u.to_string())).collect();
            assert_eq!(got, want, "{eol:?}");
        }
    }
}
