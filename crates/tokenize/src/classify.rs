//! What kind of unit a paragraph is: headline, subheading, body or boilerplate.
//!
//! The rules are general ones about news pages, not string matches on any
//! one corpus: punctuation residue, link-only lines, cue words that open
//! boilerplate lines (read-time notes, photo credits, related-article
//! teasers, reader prompts, bylines), and position (a title-like line after
//! the last body paragraph is a teaser for another article).

use unicode_segmentation::UnicodeSegmentation;

/// Lowercase openings of lines that are page furniture, not reporting.
const CUES: &[&str] = &[
    "read time",
    "reading time",
    "photo credit",
    "photo:",
    "photos:",
    "photograph:",
    "image:",
    "image credit",
    "picture:",
    "credit:",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "read more",
    "read also",
    "also read",
    "more:",
    "source:",
    "sources:",
    "share this",
    "share on",
    "subscribe",
    "sign up",
    "follow us",
    "click here",
    "advertisement",
    "copyright",
    "©",
    "all rights reserved",
    "what do you think",
    "tell us what you think",
    "let us know",
    "leave a comment",
    "listen to this article",
    "updated:",
    "published:",
    "posted:",
    "watch:",
];

/// Single words that make up a whole line of page furniture.
const LONE_CUES: &[&str] = &[
    "source",
    "sources",
    "advertisement",
    "share",
    "comments",
    "related",
    "subscribe",
    "menu",
    "video",
    "photo",
];

/// Whether the paragraph ends like a sentence (terminal punctuation, maybe
/// inside closing quotes or brackets).
pub(crate) fn has_terminal_punctuation(text: &str) -> bool {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Words of the paragraph that contain at least one letter.
fn letter_words(text: &str) -> usize {
    text.unicode_words()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

fn is_link_only(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && (t.starts_with("http://")
            || t.starts_with("https://")
            || t.starts_with("www.")
            || (t.contains('.')
                && t.rsplit('.').next().is_some_and(|tld| {
                    (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
                })))
}

/// Scraping residue: a line that is mostly separators ("in , , ,", "| | |").
fn is_residue(text: &str) -> bool {
    let non_space = text.chars().filter(|c| !c.is_whitespace()).count();
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    let words = letter_words(text);
    non_space > 0 && (letters * 2 < non_space || (words <= 1 && letters < non_space))
}

fn is_byline(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("by ")) else {
        return false;
    };
    let words: Vec<&str> = rest.unicode_words().collect();
    !has_terminal_punctuation(t)
        && (1..=8).contains(&words.len())
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 2
            >= words.len()
}

/// Whether a paragraph is boilerplate by its own text alone.
pub(crate) fn is_boilerplate(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    if CUES.iter().any(|cue| lower.starts_with(cue)) {
        return true;
    }
    let bare = lower.trim_end_matches([':', '.', '!']);
    if LONE_CUES.contains(&bare) {
        return true;
    }
    if lower.ends_with("min read") || lower.ends_with("minute read") {
        return true;
    }
    is_link_only(t) || is_residue(t) || is_byline(t)
}

/// Whether the paragraph looks like a title: no terminal punctuation and short.
pub(crate) fn is_title_like(text: &str) -> bool {
    !has_terminal_punctuation(text) && (1..=25).contains(&letter_words(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        for line in [
            "in , , ,",
            "Read Time:2 Minute, 9 Second",
            "See also\u{a0} S&P 500 Forecast: analysts predict a 26% increase by 2026.",
            "What do you think?",
            "Photo credit: www.bbc.com",
            "Source",
            "www.bbc.com",
            "https://example.com/a/b",
            "By Jane Doe and John Roe",
            "5 min read",
            "Share this article",
            "| | |",
        ] {
            assert!(is_boilerplate(line), "{line:?} should be boilerplate");
        }
    }

    #[test]
    fn reporting_lines() {
        for line in [
            "Kremlin acknowledges US discussions",
            "Trump threatens ‘devastating’ things",
            "By Tuesday the talks had ended.",
            "Source material was scarce, officials said.",
            "US officials are en route to Moscow.",
            "Sources say the deal is close.",
        ] {
            assert!(!is_boilerplate(line), "{line:?} should not be boilerplate");
        }
    }

    #[test]
    fn titles() {
        assert!(is_title_like(
            "US Envoys Head to Moscow as Putin Visits Kursk Troops"
        ));
        assert!(is_title_like("Calls for US intervention in negotiations"));
        assert!(!is_title_like("US officials are en route to Moscow."));
        assert!(!is_title_like("“This is a serious situation.”"));
    }
}
