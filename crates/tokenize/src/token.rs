//! Words: Unicode word segmentation, normalisation, stems and stopwords.
//!
//! Words are UAX #29 words (`unicode-segmentation`) that contain a letter or
//! a digit. Each is normalised:
//!
//! - lowercased, with curly apostrophes (`’`, `‘`, `ʼ`) made straight;
//! - in English, a possessive `'s` is dropped ("Russia’s" → "russia"), and
//!   the span ends before it;
//! - in French and Italian, an elided article or preposition is dropped
//!   ("l’accord" → "accord"), and the span starts after it;
//! - dotted abbreviations lose their dots ("U.S." → "us", "a.m." → "am"),
//!   so that "U.S." and "US" are one term.
//!
//! Hyphenated compounds are split into their parts, as UAX #29 does
//! ("cross-border" → "cross", "border"; "30-day" → "30", "day"): the parts
//! are what the other spelling ("cross border") gives too, and what the
//! Snowball stemmers know. Numbers are kept whole as UAX #29 finds them
//! ("2.5", "1,000", "100.00"), without currency or percent signs, and are
//! not stemmed.
//!
//! A word written in capitals ("US", "WHO") inside text that has lowercase
//! letters is a name, not a stopword, even if its lowercase form is one.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::{Language, Term, Token, Vocabulary};

/// FNV-1a: fast on the short keys (words) hashed here.
#[derive(Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

/// French and Italian elisions: an article, pronoun or preposition fused to
/// the next word by an apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "un",
    "dell", "all", "dall", "nell", "sull", "coll", "quest", "quell", "po",
];

/// Stems already computed, per language, per thread. Stemming is the
/// costliest step and news vocabulary repeats a lot. The cache also
/// interns norms into the terms of the document being tokenized, so that a
/// token costs one hash lookup and no allocation.
struct StemCache {
    maps: Vec<(Language, Stems)>,
    /// Documents begun on this thread: the number of the current one.
    documents: u64,
}

/// What is known of a normalised word.
struct Cached {
    /// The stem, or `None` if it is the norm itself.
    stem: Option<Box<str>>,
    stopword: bool,
    /// The document (see [`StemCache::documents`]) in which the norm was
    /// last seen, and its term there.
    document: u64,
    term: Term,
}

type Stems = HashMap<Box<str>, Cached, FnvBuild>;

/// Entries kept per language: beyond this the cache starts over at the
/// next document (never within one, where a norm keeps its term).
const CACHE_LIMIT: usize = 100_000;

thread_local! {
    static STEMS: RefCell<StemCache> =
        const { RefCell::new(StemCache { maps: Vec::new(), documents: 0 }) };
}

/// What turns text into [`Token`]s for one language.
pub(crate) struct Words {
    language: Language,
    stemmer: rust_stemmers::Stemmer,
    stopwords: HashSet<&'static str, FnvBuild>,
}

/// Tokens of one document in the making, and their vocabulary.
pub(crate) struct Terms<'a> {
    words: &'a Words,
    stems: &'a mut Stems,
    document: u64,
    vocabulary: Vocabulary,
    /// Buffer for the norm of the current word.
    norm: String,
}

impl Words {
    pub(crate) fn new(language: Language) -> Words {
        Words {
            language,
            stemmer: rust_stemmers::Stemmer::create(language.algorithm()),
            stopwords: language.stopwords().iter().copied().collect(),
        }
    }

    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Runs `f` with a fresh document's [`Terms`], and returns the
    /// vocabulary of the tokens it made.
    pub(crate) fn document<R>(&self, f: impl FnOnce(&mut Terms<'_>) -> R) -> (R, Vocabulary) {
        STEMS.with_borrow_mut(|cache| {
            cache.documents += 1;
            let document = cache.documents;
            let stems = cache.for_language(self.language);
            if stems.len() >= CACHE_LIMIT {
                stems.clear();
            }
            let mut terms = Terms {
                words: self,
                stems,
                document,
                vocabulary: Vocabulary::default(),
                norm: String::new(),
            };
            let result = f(&mut terms);
            (result, terms.vocabulary)
        })
    }
}

impl Terms<'_> {
    /// Appends the tokens of `text[span]` to `out`, with spans into `text`.
    pub(crate) fn tokens(&mut self, text: &str, span: Range<usize>, out: &mut Vec<Token>) {
        let Terms {
            words: this,
            stems,
            document,
            vocabulary,
            norm,
        } = self;
        let piece = &text[span.clone()];
        // News averages a word every six bytes or so.
        out.reserve(piece.len() / 5 + 1);
        // Whether the piece has lowercase letters: looked up at the first
        // word in capitals.
        let mut mixed_case: Option<bool> = None;
        words(piece, |offset, word| {
            let Some((norm, cut)) = this.normalize(word, norm) else {
                return;
            };
            let (term, stopword) = match stems.get_mut(norm) {
                Some(cached) => {
                    if cached.document != *document {
                        cached.document = *document;
                        cached.term = vocabulary.push(norm, cached.stem.as_deref());
                    }
                    (cached.term, cached.stopword)
                }
                None => {
                    let (stem, stopword) = if is_stemmable(norm) {
                        let stem = this.stemmer.stem(norm);
                        let stem = (*stem != *norm).then(|| Box::from(&*stem));
                        (stem, this.stopwords.contains(norm))
                    } else {
                        // Numbers and mixtures ("2.5", "covid19"): not
                        // words Snowball knows.
                        (None, false)
                    };
                    let term = vocabulary.push(norm, stem.as_deref());
                    let cached = Cached {
                        stem,
                        stopword,
                        document: *document,
                        term,
                    };
                    stems.insert(norm.into(), cached);
                    (term, stopword)
                }
            };
            let stopword = stopword
                && !(is_capitals(&word[cut.clone()])
                    && *mixed_case.get_or_insert_with(|| piece.chars().any(char::is_lowercase)));
            let start = span.start + offset;
            out.push(Token {
                span: start + cut.start..start + cut.end,
                term,
                stopword,
            });
        });
    }
}

impl Words {
    /// The normal form of `word` (`word` itself, or written into `buffer`)
    /// and the part of `word` the token covers, or `None` if nothing is
    /// left.
    fn normalize<'a>(
        &self,
        word: &'a str,
        buffer: &'a mut String,
    ) -> Option<(&'a str, Range<usize>)> {
        // Most words are normal already: lowercase ASCII, without dots or
        // apostrophes.
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'.' && b != b'\'')
        {
            return Some((word, 0..word.len()));
        }
        let cut = self.normalize_into(word, buffer)?;
        Some((buffer, cut))
    }

    /// Writes the normal form of `word` into `norm`; returns the part of
    /// `word` the token covers, or `None` if nothing is left.
    fn normalize_into(&self, word: &str, norm: &mut String) -> Option<Range<usize>> {
        norm.clear();
        // A final sigma depends on context: leave it to `str`.
        let sigma = !word.is_ascii() && word.contains('Σ');
        if word.is_ascii() {
            norm.push_str(word);
            norm.make_ascii_lowercase();
        } else if sigma {
            lowercase_with_sigma(word, norm);
        } else {
            for c in word.chars() {
                if c.is_ascii() {
                    norm.push(c.to_ascii_lowercase());
                } else if is_apostrophe(c) {
                    norm.push('\'');
                } else {
                    norm.extend(c.to_lowercase());
                }
            }
        }
        let mut cut = 0..word.len();
        if self.language == Language::English && norm.len() > 2 && norm.ends_with("'s") {
            norm.truncate(norm.len() - 2);
            // The apostrophe may be curly (3 bytes) in the original.
            let apostrophe = word[..word.len() - 1]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
            cut.end -= 1 + apostrophe;
        }
        if matches!(self.language, Language::French | Language::Italian)
            && let Some((prefix, rest)) = norm.split_once('\'')
            && !rest.is_empty()
            && ELISIONS.contains(&prefix)
        {
            let chars = prefix.chars().count() + 1;
            cut.start = word
                .char_indices()
                .nth(chars)
                .map_or(word.len(), |(i, _)| i);
            norm.replace_range(..prefix.len() + 1, "");
        }
        if sigma && cut != (0..word.len()) {
            // Where the word now ends decides the sigma: "ΑΣ'S" → "ας".
            lowercase_with_sigma(&word[cut.clone()], norm);
        }
        if norm.contains('.') && is_dotted_abbreviation(norm) {
            norm.retain(|c| c != '.');
        }
        (!norm.is_empty()).then_some(cut)
    }
}

impl StemCache {
    fn for_language(&mut self, language: Language) -> &mut Stems {
        let index = match self.maps.iter().position(|(l, _)| *l == language) {
            Some(index) => index,
            None => {
                self.maps.push((language, HashMap::default()));
                self.maps.len() - 1
            }
        };
        &mut self.maps[index].1
    }
}

/// Whether `b` is ASCII white space; no UAX #29 rule joins words across it.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The UAX #29 words of `text` (segments with a letter or digit), with
/// their byte offsets: what `unicode_word_indices` gives, faster.
///
/// No UAX #29 rule joins characters across ASCII white space, so the text
/// is cut there into stretches. A stretch of ASCII and common news
/// punctuation (curly quotes and apostrophes, dashes, ellipsis, guillemets)
/// is segmented here by the UAX #29 rules restricted to those characters;
/// any other goes through `unicode-segmentation`, with the white space
/// before it as context.
pub(crate) fn words<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_ascii_space(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut simple = true;
        while i < bytes.len() && !is_ascii_space(bytes[i]) {
            if bytes[i].is_ascii() {
                i += 1;
            } else {
                let (class, len) = class_at(bytes, i);
                simple &= class != Class::Unknown;
                i += len.max(1);
            }
        }
        if simple {
            simple_words(text, start, i, &mut f);
        } else {
            let from = start.saturating_sub(1);
            for (offset, word) in text[from..i].unicode_word_indices() {
                f(from + offset, word);
            }
        }
    }
}

/// UAX #29 word-break classes of the characters [`simple_words`] handles.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter: ASCII letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// MidLetter: `:`.
    MidLetter,
    /// MidNumLet and Single_Quote: `.` `'` `‘` `’`.
    MidNumLet,
    /// MidNum: `,` `;`.
    MidNum,
    /// ExtendNumLet: `_`.
    Connector,
    /// Other ASCII, `“` `”` `–` `—` `…` `«` `»`.
    Other,
    /// A character left to `unicode-segmentation`.
    Unknown,
}

/// The class and UTF-8 length of the character at `bytes[i]`.
fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let class = match bytes[i] {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b':' => Class::MidLetter,
        b'.' | b'\'' => Class::MidNumLet,
        b',' | b';' => Class::MidNum,
        b'_' => Class::Connector,
        0..0x80 => Class::Other,
        0xE2 => {
            return match (bytes.get(i + 1), bytes.get(i + 2)) {
                // ‘ ’
                (Some(0x80), Some(0x98 | 0x99)) => (Class::MidNumLet, 3),
                // – — “ ” …
                (Some(0x80), Some(0x93 | 0x94 | 0x9C | 0x9D | 0xA6)) => (Class::Other, 3),
                _ => (Class::Unknown, 1),
            };
        }
        // « »
        0xC2 if matches!(bytes.get(i + 1), Some(0xAB | 0xBB)) => return (Class::Other, 2),
        _ => return (Class::Unknown, 1),
    };
    (class, 1)
}

/// UAX #29 words of `text[start..end]`, free of white space and of
/// characters of class [`Class::Unknown`].
fn simple_words<'t>(text: &'t str, start: usize, end: usize, f: &mut impl FnMut(usize, &'t str)) {
    use Class::*;
    let bytes = &text.as_bytes()[..end];
    let mut i = start;
    while i < end {
        let (mut cur, len) = class_at(bytes, i);
        if !matches!(cur, Letter | Digit | Connector) {
            i += len;
            continue;
        }
        let word_start = i;
        let mut alphanumeric = cur != Connector;
        i += 1;
        while i < end {
            let (next, len) = class_at(bytes, i);
            match next {
                // WB5, WB8, WB9, WB10, WB13a, WB13b.
                Letter | Digit | Connector => {
                    alphanumeric |= next != Connector;
                    cur = next;
                    i += 1;
                }
                // WB6, WB7, WB11, WB12.
                MidLetter | MidNumLet | MidNum if i + len < end => {
                    let (after, _) = class_at(bytes, i + len);
                    let joins = (cur == Letter
                        && after == Letter
                        && matches!(next, MidLetter | MidNumLet))
                        || (cur == Digit && after == Digit && matches!(next, MidNum | MidNumLet));
                    if !joins {
                        break;
                    }
                    cur = after;
                    i += len + 1;
                }
                _ => break,
            }
        }
        if alphanumeric {
            f(word_start, &text[word_start..i]);
        }
    }
}

/// Writes `word` lowercased, apostrophes straightened, into `norm`, final
/// sigmas decided by `str::to_lowercase`.
fn lowercase_with_sigma(word: &str, norm: &mut String) {
    norm.clear();
    for c in word.to_lowercase().chars() {
        norm.push(if is_apostrophe(c) { '\'' } else { c });
    }
}

/// Letters and apostrophes only: a word for Snowball.
fn is_stemmable(norm: &str) -> bool {
    if norm.is_ascii() {
        norm.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'')
    } else {
        norm.chars().all(|c| c.is_alphabetic() || c == '\'')
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '’' | '‘' | 'ʼ')
}

/// Letters separated by single dots, one or two letters each: "u.s",
/// "a.m", "ph.d".
fn is_dotted_abbreviation(word: &str) -> bool {
    word.split('.').all(|part| {
        let n = part.chars().count();
        (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
    })
}

/// Two or more letters, all capitals: "US", "U.S", "NATO".
fn is_capitals(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (original text at the span, norm, stem, stopword) of each token.
    fn check(language: Language, text: &str, expected: &[(&str, &str, &str, bool)]) {
        let mut tokens = Vec::new();
        let ((), vocabulary) =
            Words::new(language).document(|terms| terms.tokens(text, 0..text.len(), &mut tokens));
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
        assert_eq!(got, expected, "tokens of {text:?}");
    }

    #[test]
    fn apostrophes_and_possessives() {
        use Language::English as En;
        check(
            En,
            "Russia’s Putin's",
            &[
                ("Russia", "russia", "russia", false),
                ("Putin", "putin", "putin", false),
            ],
        );
        check(
            En,
            "don’t don't",
            &[
                ("don’t", "don't", "don't", true),
                ("don't", "don't", "don't", true),
            ],
        );
        // A plural possessive's apostrophe is not part of the word.
        check(
            En,
            "partners’ aid",
            &[
                ("partners", "partners", "partner", false),
                ("aid", "aid", "aid", false),
            ],
        );
        check(En, "'s", &[("s", "s", "s", true)]);
    }

    #[test]
    fn compounds_numbers_and_abbreviations() {
        use Language::English as En;
        check(
            En,
            "cross-border 30-day",
            &[
                ("cross", "cross", "cross", false),
                ("border", "border", "border", false),
                ("30", "30", "30", false),
                ("day", "day", "day", false),
            ],
        );
        check(
            En,
            "$100.00, 2.5% and 1,000",
            &[
                ("100.00", "100.00", "100.00", false),
                ("2.5", "2.5", "2.5", false),
                ("and", "and", "and", true),
                ("1,000", "1,000", "1,000", false),
            ],
        );
        check(
            En,
            "U.S. and US, 5 a.m.",
            &[
                ("U.S", "us", "us", false),
                ("and", "and", "and", true),
                ("US", "us", "us", false),
                ("5", "5", "5", false),
                ("a.m", "am", "am", true),
            ],
        );
        // Capitals in mixed-case text are a name ("IT" staff), not the
        // stopword; in all-capitals text there is no telling.
        check(
            En,
            "IT staff said it",
            &[
                ("IT", "it", "it", false),
                ("staff", "staff", "staff", false),
                ("said", "said", "said", false),
                ("it", "it", "it", true),
            ],
        );
        check(
            En,
            "IT IS",
            &[("IT", "it", "it", true), ("IS", "is", "is", true)],
        );
    }

    #[test]
    fn words_match_unicode_segmentation() {
        for text in [
            "U.S. a.m. 2.5 1,000 1;2 a:b 1:30 don't a' 'a a.5 5.a a_b _a a_ __ ___1 x__.y",
            "Russia’s “right now” café naïve 30-day e-mail a\u{301}b \u{301}ab",
            "’tis o’clock a’’b 1’5 1‘5 a’1 “a” –a— a…b «a»b a’ ’a",
            "tab\there\r\nnew\x0Bline\x0C end_",
            " leading and trailing  ",
            "日本語のテキスト。Ünïcödé—dash…",
        ] {
            let mut got = Vec::new();
            words(text, |offset, word| got.push((offset, word)));
            let expected: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(got, expected, "words of {text:?}");
        }
    }

    fn same_words(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut got = Vec::new();
        words(text, |offset, word| got.push((offset, word)));
        let expected: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        proptest::prop_assert_eq!(got, expected, "words of {:?}", text);
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn fast_words_are_uax29_words(text in "([a-zA-Z0-9 .,;:'_\n\t-]|[’‘“”–—…«»é\u{301}\u{200d}日ـ])*") {
            same_words(&text)?;
        }

        #[test]
        fn fast_words_on_any_string(text in proptest::prelude::any::<String>()) {
            same_words(&text)?;
        }
    }

    #[test]
    fn other_languages() {
        check(
            Language::French,
            "L’accord d'Ukraine",
            &[
                ("accord", "accord", "accord", false),
                ("Ukraine", "ukraine", "ukrain", false),
            ],
        );
        check(
            Language::German,
            "Die Verhandlungen",
            &[
                ("Die", "die", "die", true),
                ("Verhandlungen", "verhandlungen", "verhandl", false),
            ],
        );
        check(Language::Greek, "ΟΔΟΣ", &[("ΟΔΟΣ", "οδος", "οδ", false)]);
        // The sigma is final where the token ends, after a dropped "'s".
        check(
            Language::English,
            "ΟΔΟΣ'S",
            &[("ΟΔΟΣ", "οδος", "οδος", false)],
        );
    }
}
