//! What kind of unit a paragraph is: headline, subheading, body or boilerplate.
//!
//! The rules are general ones about news pages, not string matches on any
//! one corpus:
//!
//! - scraping residue: a line that is mostly separators ("in , , ,");
//! - link-only lines ("www.example.com", "https://…");
//! - cue words opening a short line: read-time notes, photo credits,
//!   "See also"/"Read more" teasers, "Source" lines, share/subscribe
//!   prompts, copyright lines;
//! - reader prompts: a short question to the reader ("What do you think?");
//! - bylines ("By Jane Doe");
//! - position: a title-like line after the last body paragraph is a teaser
//!   for another article (applied in `segment`);
//! - repetition across documents (see `mark_repeated_boilerplate`).
//!
//! Every check looks at the line once or only at its first and last
//! characters, so classification is linear in the text.

/// Lowercase phrases that open lines of page furniture, not reporting. A
/// phrase matches at a word boundary and only on a short line.
const CUES: &[&str] = &[
    "read time",
    "reading time",
    "photo credit",
    "photo credits",
    "photo",
    "photos",
    "photograph",
    "image",
    "image credit",
    "picture",
    "credit",
    "credits",
    "see also",
    "related",
    "related articles",
    "related stories",
    "related news",
    "read more",
    "read also",
    "also read",
    "more",
    "source",
    "sources",
    "share this",
    "share on",
    "share",
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
    "updated",
    "published",
    "posted",
    "watch",
    "recommended",
    "trending",
];

/// Cues that need a colon after them to mark furniture ("Photo: Reuters",
/// "Source: BBC"); a bare "Photo" or "Source" line also counts (it is a
/// label with nothing after it), but "Photos show…" or "Sources say…" is
/// reporting.
const COLON_CUES: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "picture",
    "credit",
    "credits",
    "related",
    "more",
    "source",
    "sources",
    "share",
    "subscribe",
    "updated",
    "published",
    "posted",
    "watch",
    "recommended",
    "trending",
];

/// Longest line, in words, that a cue can make boilerplate.
const MAX_CUE_WORDS: usize = 40;

/// Longest question, in words, taken for a reader prompt.
const MAX_PROMPT_WORDS: usize = 10;

/// Whether the paragraph ends like a sentence (terminal punctuation, maybe
/// inside closing quotes or brackets).
pub(crate) fn has_terminal_punctuation(text: &str) -> bool {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// How much of a line (in bytes) the counts look at. Furniture, residue
/// and titles are short; a longer line is reporting, judged by its start.
const COUNTED: usize = 256;

/// Counts of the characters and words of a line's first [`COUNTED`] bytes.
#[derive(Debug, Default)]
struct Counts {
    /// Whether the line is longer than what was counted.
    truncated: bool,
    /// Characters that are not white space.
    non_space: usize,
    /// Letters and digits.
    alphanumeric: usize,
    /// White-space separated words with a letter.
    letter_words: usize,
    /// White-space separated words.
    words: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        const SPACE: u8 = 1;
        const ALNUM: u8 = 2;
        const ALPHA: u8 = 4;
        /// Flags of ASCII bytes.
        const ASCII: [u8; 128] = {
            let mut table = [0; 128];
            let mut b = 0;
            while b < 128 {
                let c = b as u8;
                table[b] = if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                    SPACE
                } else if c.is_ascii_alphabetic() {
                    ALNUM | ALPHA
                } else if c.is_ascii_digit() {
                    ALNUM
                } else {
                    0
                };
                b += 1;
            }
            table
        };
        let mut end = text.len().min(COUNTED);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let counted = &text[..end];
        let bytes = counted.as_bytes();
        // Counters in locals, not fields: they stay in registers.
        let (mut non_space, mut alphanumeric, mut letter_words, mut words) = (0, 0, 0, 0);
        let mut in_word = false;
        let mut word_has_letter = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let flags = if b < 0x80 {
                i += 1;
                ASCII[usize::from(b)]
            } else {
                let c = counted[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                if is_common_punctuation(c) {
                    0
                } else if c.is_whitespace() {
                    SPACE
                } else if c.is_alphabetic() {
                    ALNUM | ALPHA
                } else if c.is_alphanumeric() {
                    ALNUM
                } else {
                    0
                }
            };
            if flags & SPACE != 0 {
                letter_words += usize::from(in_word && word_has_letter);
                in_word = false;
                continue;
            }
            words += usize::from(!in_word);
            word_has_letter &= in_word;
            in_word = true;
            non_space += 1;
            alphanumeric += usize::from(flags & ALNUM != 0);
            word_has_letter |= flags & ALPHA != 0;
        }
        letter_words += usize::from(in_word && word_has_letter);
        Counts {
            truncated: end < text.len(),
            non_space,
            alphanumeric,
            letter_words,
            words,
        }
    }
}

/// Dashes, quotation marks, bullets and ellipses (U+2010 to U+2027): no
/// white space, letter or digit among them, and no need to look them up.
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}')
}

/// The first `n` characters of `text`, lowercase.
fn lower_head(text: &str, n: usize) -> String {
    let mut head = String::with_capacity(n + 8);
    for c in text.chars().take(n) {
        if c.is_ascii() {
            head.push(c.to_ascii_lowercase());
        } else {
            head.extend(c.to_lowercase());
        }
    }
    head
}

fn is_link_only(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return false;
    }
    let lower = lower_head(t, 8);
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (t.contains('.')
            && !t.ends_with('.')
            && t.rsplit('.').next().is_some_and(|tld| {
                (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
            }))
}

/// Scraping residue: a line that is mostly separators ("in , , ,", "| | |"),
/// judged by its start.
fn is_residue(counts: &Counts) -> bool {
    counts.non_space > 0
        && (counts.alphanumeric * 2 < counts.non_space
            || (counts.letter_words <= 1 && counts.alphanumeric < counts.non_space))
}

/// Whether `text` starts with `cue` followed by a word boundary, returning
/// what follows.
fn after_cue<'a>(lower: &'a str, cue: &str) -> Option<&'a str> {
    // Most lines differ from most cues at once.
    if lower.as_bytes().first() != cue.as_bytes().first() {
        return None;
    }
    let rest = lower.strip_prefix(cue)?;
    (!rest.starts_with(char::is_alphanumeric)).then_some(rest)
}

/// Whether the lowercase head of a line starts with a cue; `whole_line`
/// tells whether the head is all of the line.
fn starts_with_cue(lower: &str, whole_line: impl Fn() -> bool) -> bool {
    CUES.iter().any(|cue| {
        after_cue(lower, cue).is_some_and(|rest| {
            !COLON_CUES.contains(cue) || {
                let rest = rest.trim_start();
                rest.starts_with(':')
                    || (whole_line() && rest.trim_end_matches(['.', '!']).is_empty())
            }
        })
    })
}

/// Whether `text` (as written) may start with a cue: whether its first two
/// characters, lowercased, start one. Cheaper than lowercasing its head.
fn may_start_with_cue(text: &str) -> bool {
    let mut lower = text.chars().flat_map(char::to_lowercase);
    let Some(first) = lower.next() else {
        return false;
    };
    let second = lower.next();
    CUES.iter().any(|cue| {
        let mut chars = cue.chars();
        chars.next() == Some(first)
            && second.is_none_or(|second| chars.next().is_none_or(|c| c == second))
    })
}

/// The lowercase head of `text` that cues are looked for in, if it may
/// start with one.
fn cue_head(text: &str) -> Option<String> {
    may_start_with_cue(text).then(|| lower_head(text, 40))
}

fn is_byline(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
    else {
        return false;
    };
    let mut words = 0;
    let mut capitalised = 0;
    for word in rest.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        capitalised += usize::from(first.is_uppercase());
    }
    !has_terminal_punctuation(text) && (1..=8).contains(&words) && capitalised * 2 >= words
}

/// Whether a one-sentence paragraph is a short question to the reader
/// standing alone: "Have you been affected?"
pub(crate) fn is_reader_prompt(text: &str) -> bool {
    let text = text.trim();
    text.ends_with('?')
        && text.split_whitespace().nth(MAX_PROMPT_WORDS).is_none()
        && !text.starts_with(['"', '“', '«', '‘', '\''])
        && text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.eq_ignore_ascii_case("you") || w.eq_ignore_ascii_case("your")
        })
}

/// Whether a short line or sentence opens with a furniture cue ("Read more:
/// …", "See also …", "Photo: …").
pub(crate) fn has_cue(text: &str) -> bool {
    let t = text.trim();
    cue_head(t).is_some_and(|head| {
        starts_with_cue(&head, || head.chars().count() == t.chars().count())
            && t.split_whitespace().nth(MAX_CUE_WORDS).is_none()
    })
}

/// Whether a paragraph is boilerplate by its own text alone (a one-sentence
/// paragraph may also be a reader prompt, see [`is_reader_prompt`]).
pub(crate) fn is_boilerplate(text: &str) -> bool {
    let t = text.trim();
    let counts = Counts::of(t);
    if !counts.truncated && counts.words <= MAX_CUE_WORDS {
        if cue_head(t).is_some_and(|head| {
            starts_with_cue(&head, || head.chars().count() == t.chars().count())
        }) {
            return true;
        }
        // Only ASCII letters lowercase to "read".
        if t.len() >= 4 && t.as_bytes()[t.len() - 4..].eq_ignore_ascii_case(b"read") {
            let tail_start = t.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
            let tail = t[tail_start..].to_lowercase();
            if tail.ends_with("min read") || tail.ends_with("minute read") {
                return true;
            }
        }
    }
    is_link_only(t) || is_residue(&counts) || is_byline(t)
}

/// Whether the paragraph looks like a title: no terminal punctuation and short.
pub(crate) fn is_title_like(text: &str) -> bool {
    !has_terminal_punctuation(text) && {
        let counts = Counts::of(text);
        !counts.truncated && (1..=25).contains(&counts.letter_words)
    }
}

/// Separators that end a wire-service dateline.
const DATELINE_SEPARATORS: &[&str] = &[" -- ", " _ ", " — ", " – "];

/// The length in bytes of a wire-service dateline opening a paragraph
/// ("MOSCOW (AP) --", "NAIROBI, January 24 (Xinhua) --", "PINE RIDGE, S.D.
/// (AP) _"), its separator included, or `None`. A dateline is a place in
/// capitals, then optionally comma-separated qualifiers (a region, a date)
/// and an agency in parentheses, within the paragraph's first 100 bytes.
pub(crate) fn dateline(para: &str) -> Option<usize> {
    let mut end = para.len().min(100);
    while !para.is_char_boundary(end) {
        end -= 1;
    }
    let head = &para[..end];
    let (pos, sep) = DATELINE_SEPARATORS
        .iter()
        .filter_map(|sep| head.find(sep).map(|pos| (pos, sep)))
        .min()?;
    is_dateline(&para[..pos]).then_some(pos + sep.trim_end().len())
}

fn is_dateline(prefix: &str) -> bool {
    let (before_agency, agency) = match prefix.find('(') {
        Some(open) => {
            let rest = &prefix[open..];
            if !rest.ends_with(')') || rest[1..rest.len() - 1].contains(['(', ')']) {
                return false;
            }
            (&prefix[..open], Some(&rest[1..rest.len() - 1]))
        }
        None => (prefix, None),
    };
    if agency.is_some_and(|a| a.split_whitespace().count() > 4 || a.trim().is_empty()) {
        return false;
    }
    let mut parts = before_agency.split(',');
    let place = parts.next().unwrap_or("").trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let place_ok = letters >= 2
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
        && place.split_whitespace().count() <= 4;
    // Qualifiers: a region ("Calif.", "S.D.", "Netherlands") or a date
    // ("January 24"), each a few capitalised words or numbers.
    let qualifiers_ok = parts.all(|q| {
        let words: Vec<&str> = q.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
    });
    place_ok && qualifiers_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        for line in [
            // Residue and links.
            "in , , ,",
            "| | |",
            &"| ".repeat(400),
            "www.bbc.com",
            "https://example.com/a/b",
            "HTTPS://EXAMPLE.COM",
            "example.org",
            // Cues.
            "Read Time:2 Minute, 9 Second",
            "Reading time: 4 minutes",
            "See also\u{a0} S&P 500 Forecast: analysts predict a 26% increase by 2026.",
            "Read more: Why the talks stalled",
            "Related: Envoys land in Riyadh",
            "Photo credit: www.bbc.com",
            "Photo: Getty Images",
            "Source",
            "Source: Reuters",
            "Sources:",
            "Share this article",
            "Share",
            "Subscribe: get our newsletter",
            "Sign up for our daily briefing",
            "Follow us on social media",
            "Click here to watch",
            "© 2025 Example Media. All rights reserved.",
            "Copyright 2025 Example Media",
            "Advertisement",
            "Updated: 12 March 2025",
            "5 min read",
            "Listen to this article",
            // Prompts and bylines.
            "What do you think?",
            "Tell us what you think in the comments.",
            "By Jane Doe and John Roe",
            "By Jane Doe, Example News",
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
            "Sources say the deal is close.",
            "Photos show the damage in Odesa.",
            "Subscribers to the scheme get a discount.",
            "Copyrighted material was removed.",
            "Sharing intelligence resumed on Tuesday.",
            "More than 100 towns were captured.",
            "Watchdogs warned of the risk.",
            "US officials are en route to Moscow.",
            "“Do you think we can win?” he asked.",
            "Why did the talks fail, and what would it take for you and your allies to try again?",
            "Source of the leak remains unknown, the Kremlin says, and it will not comment on it further, \
             officials told reporters on Tuesday in a long statement that went on and on about it.",
        ] {
            assert!(!is_boilerplate(line), "{line:?} should not be boilerplate");
        }
    }

    #[test]
    fn reader_prompts() {
        assert!(is_reader_prompt("Have you been affected by the strikes?"));
        assert!(is_reader_prompt("Do you agree?"));
        assert!(!is_reader_prompt("You said no."));
        assert!(!is_reader_prompt("“Do you think we can win?”"));
        assert!(!is_reader_prompt("What happens next?"));
        assert!(!is_reader_prompt(
            "Why did the talks fail, and what would it take for you and your allies to try again?"
        ));
    }

    #[test]
    fn common_punctuation_is_neither_space_nor_alphanumeric() {
        for c in ('\0'..=char::MAX).filter(|&c| is_common_punctuation(c)) {
            assert!(!c.is_whitespace() && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(is_common_punctuation('“') && is_common_punctuation('…'));
    }

    #[test]
    fn titles() {
        assert!(is_title_like(
            "US Envoys Head to Moscow as Putin Visits Kursk Troops"
        ));
        assert!(is_title_like("Calls for US intervention in negotiations"));
        assert!(!is_title_like("US officials are en route to Moscow."));
        assert!(!is_title_like("“This is a serious situation.”"));
        assert!(!is_title_like(", , ,"));
    }

    #[test]
    fn datelines() {
        for (para, expected) in [
            (
                "MOSCOW (AP) -- Russia's government will boost pensions.",
                Some("MOSCOW (AP) --"),
            ),
            (
                "PINE RIDGE, S.D. (AP) -- President Clinton turned.",
                Some("PINE RIDGE, S.D. (AP) --"),
            ),
            (
                "NAIROBI, January 24 (Xinhua) -- The following are.",
                Some("NAIROBI, January 24 (Xinhua) --"),
            ),
            (
                "ULAN BATOR, Mongolia, January 13 (Xinhua) -- Mongolia has.",
                Some("ULAN BATOR, Mongolia, January 13 (Xinhua) --"),
            ),
            (
                "BEIJING (AP) _ Several hundred residents staged protests.",
                Some("BEIJING (AP) _"),
            ),
            (
                "WASHINGTON — Officials said on Tuesday.",
                Some("WASHINGTON —"),
            ),
            ("IN the care of chronic back pain -- the first step.", None),
            ("US officials are en route -- or so they say.", None),
            ("A list of the 12 vetoes overridden by the Congress:", None),
            (
                "WASHINGTON, D.C. 20003 Tel: 202-547-4512 Fax: 202-546-4194",
                None,
            ),
            ("NATO (the alliance) said so -- again.", None),
            ("", None),
        ] {
            assert_eq!(dateline(para).map(|n| &para[..n]), expected, "{para:?}");
        }
    }
}
