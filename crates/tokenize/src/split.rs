//! Sentence boundaries inside one paragraph.
//!
//! A boundary candidate is a run of terminal punctuation (`.`, `!`, `?`, `…`,
//! spaced dots `. . .`), optionally followed by closing quotes and brackets,
//! followed by white space. Candidates followed by anything else ("U.S",
//! "$100.00", "mean...see", "Jr.'s") are never boundaries, and the end of
//! the paragraph always is one.
//!
//! A candidate is rejected when what follows cannot start a sentence (a
//! lowercase word, a comma, a closing bracket), when a quotation ending in
//! it is followed by its attribution (`“Why?” Trump asked.`), when it is an
//! omission mark (`[...]`, or a spaced `. . .` inside a sentence), or, for a
//! period, when the word before it is an abbreviation that does not end a
//! sentence here: a title (`Mr.`, `Gen.`), an abbreviation before a number
//! (`No. 5`, `p. 55`), an initial (`Jonas E. Smith`), a list marker (`1.`,
//! `a.`), or an abbreviation that may end a sentence (`U.S.`, `Co.`, `etc.`,
//! `a.m.`) followed by a word that rarely starts one.
//!
//! Inline lists are split too: a sentence that opens with a list marker
//! (`1.`, `2)`, `a.`, `•`) ends where the next marker of the same list
//! begins, punctuation or not.
//!
//! Every step looks at a bounded neighbourhood of the candidate, so the
//! splitter is linear in the length of the paragraph.

use std::ops::Range;

/// Titles and other abbreviations that precede what they qualify, so a
/// sentence never ends after them.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "sen", "rep", "gov", "lt",
    "col", "capt", "cpt", "maj", "sgt", "cpl", "pvt", "cmdr", "cdr", "adm", "brig", "pres", "supt",
    "det", "insp", "hon", "rev", "fr", "amb", "atty", "sec", "vs", "v", "e.g", "i.e", "cf", "viz",
    "approx", "ca",
];

/// Abbreviations that precede a number ("No. 5", "p. 55", "Fig. 3"); before
/// anything else the word is an ordinary one ("He said no.").
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "n°", "nº", "p", "pp", "vol", "vols", "fig", "figs", "art", "ch", "para", "pt",
    "op", "ed",
];

/// Abbreviations that may end a sentence: a boundary follows them only
/// before a word that typically starts one (see [`STARTERS`]).
const MAYBE_FINAL: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "bros", "llc", "plc", "jr", "sr", "esq", "st", "mt", "ft",
    "ave", "blvd", "rd", "dept", "univ", "assn", "est", "al", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tues", "thurs",
];

/// Capitalised words that start sentences far more often than they follow
/// an abbreviation inside one: after "U.S.", "Co.", "etc." or an initial,
/// one of these signals a new sentence ("in the U.S. How about you?"),
/// anything else a continuation ("the U.S. Government").
const STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "dr",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "is",
    "it",
    "its",
    "many",
    "meanwhile",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "on",
    "once",
    "one",
    "only",
    "or",
    "our",
    "since",
    "she",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "unlike",
    "until",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Verbs of an attribution after a quotation: `“Why?” Trump asked.`
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "declared",
    "wrote",
    "writes",
    "replied",
    "explained",
    "insisted",
    "warned",
    "continued",
    "recalled",
    "remarked",
    "concluded",
    "tweeted",
    "responded",
    "cautioned",
    "shouted",
];

/// Words that open a sentence with a time phrase: "At 5 a.m. Mr. Smith left."
const TIME_PREPOSITIONS: &[&str] = &[
    "at", "by", "on", "from", "until", "till", "after", "before", "around", "about", "since",
    "shortly", "just",
];

/// Time zone names that continue a time: "at 5 p.m. Eastern".
const TIME_ZONES: &[&str] = &["eastern", "pacific", "central", "mountain", "greenwich"];

/// Bullets that mark list items; `-` and `*` are left out, as inside a line
/// they are far more often dashes and footnote marks.
const BULLETS: &[char] = &[
    '•', '‣', '⁃', '◦', '▪', '▫', '●', '○', '■', '□', '►', '▸', '➢', '✓', '✔',
];

/// How far (in bytes) to look for the next item of an inline list.
const LIST_WINDOW: usize = 1000;

/// How long a word before a period can be and still be examined as an
/// abbreviation or a link; longer ones are ordinary words.
const MAX_TOKEN: usize = 128;

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

fn is_closing(c: char) -> bool {
    is_closing_quote(c) || matches!(c, ')' | ']' | '}')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '(' | '[' | '{'
    )
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The largest char boundary of `text` not after `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn in_list(list: &[&str], word: &str) -> bool {
    word.len() <= 8 && list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn skip_ws(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i)
        && c.is_whitespace()
    {
        i += c.len_utf8();
    }
    i
}

/// Splits `text` (one paragraph) into sentences, appending their byte ranges
/// (trimmed of surrounding white space, in order, never empty) to `out`.
pub(crate) fn split(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut start = skip_ws(text, 0);
    let mut list = List::at(text, start);
    let mut quote = Quote::default();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let c = match b {
            b'.' | b'!' | b'?' | b'"' => b as char,
            0xC2 | 0xE2 | 0xE3 | 0xEF => char_at(text, i).unwrap_or(' '),
            _ => {
                i += 1;
                continue;
            }
        };
        if !is_terminal(c) {
            quote.see(c, i);
            i += c.len_utf8();
            continue;
        }
        let run = Run::scan(text, i);
        let mut end = run.end;
        let mut quoted = false;
        let mut closed = false;
        while let Some(c) = char_at(text, end)
            && is_closing(c)
        {
            quoted |= is_closing_quote(c);
            closed |= quote.close_with(c);
            end += c.len_utf8();
        }
        if !run.full_width && char_at(text, end).is_some_and(|c| !c.is_whitespace()) {
            i = run.end;
            continue;
        }
        while let Some(item) = list.next_item
            && item <= i
        {
            push_trimmed(out, text, start..item);
            start = item;
            list = List::at(text, start);
        }
        i = end;
        if !closed && quote.closes_later(text) {
            // Inside a quotation that closes soon: the quoted sentences and
            // what follows them (an attribution) stay one unit.
            continue;
        }
        if let Some(split) = decide(text, start, &run, end, quoted, &list) {
            push_trimmed(out, text, start..split);
            start = skip_ws(text, split);
            list = List::at(text, start);
        }
    }
    while let Some(item) = list.next_item {
        push_trimmed(out, text, start..item);
        start = item;
        list = List::at(text, start);
    }
    push_trimmed(out, text, start..text.len());
}

/// How long (in bytes) a quotation can be and still be kept in one unit
/// with the text around it.
const QUOTE_WINDOW: usize = 600;

/// The double quotation open at the scan position, if any.
#[derive(Debug, Default)]
struct Quote {
    /// The opening mark and its position.
    open: Option<(char, usize)>,
    /// Where the open quotation closes, once looked up (`Some(None)`: not
    /// within [`QUOTE_WINDOW`]).
    close: Option<Option<usize>>,
}

impl Quote {
    /// Updates the state for a character met outside a terminal run.
    fn see(&mut self, c: char, pos: usize) {
        if !self.close_with(c) && self.open.is_none() && matches!(c, '"' | '“' | '„' | '«') {
            self.open = Some((c, pos));
            self.close = None;
        }
    }

    fn closes(open: char, c: char) -> bool {
        matches!(
            (open, c),
            ('"', '"') | ('“', '”') | ('„', '“' | '”') | ('«', '»')
        )
    }

    /// Closes the open quotation if `c` is its closing mark.
    fn close_with(&mut self, c: char) -> bool {
        let closes = self.open.is_some_and(|(open, _)| Quote::closes(open, c));
        if closes {
            self.open = None;
        }
        closes
    }

    /// Whether the open quotation closes within [`QUOTE_WINDOW`] bytes of
    /// its opening. Looked up once per quotation.
    fn closes_later(&mut self, text: &str) -> bool {
        let Some((open, pos)) = self.open else {
            return false;
        };
        self.close
            .get_or_insert_with(|| {
                let mut to = text.len().min(pos + QUOTE_WINDOW);
                while !text.is_char_boundary(to) {
                    to -= 1;
                }
                let from = pos + open.len_utf8();
                text[from..to]
                    .char_indices()
                    .find(|&(_, c)| Quote::closes(open, c))
                    .map(|(i, _)| from + i)
            })
            .is_some()
    }
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        let start = range.start + lead;
        out.push(start..start + trimmed.len());
    }
}

/// A run of terminal punctuation.
#[derive(Debug)]
struct Run {
    start: usize,
    end: usize,
    /// Dots in the run, `…` counting three.
    dots: usize,
    /// Whether the run has `!`, `?` or a similar mark.
    bang: bool,
    /// Whether the run has a full-width mark (`。`, `！`, `？`), which needs
    /// no white space after it.
    full_width: bool,
    /// Whether dots in the run are separated by spaces (". . .").
    spaced: bool,
    /// Whether the run is a period attached to a word followed by a spaced
    /// ellipsis ("word. . . ."): the sentence ends at that first period.
    period_then_ellipsis: bool,
}

impl Run {
    fn scan(text: &str, start: usize) -> Run {
        let bytes = text.as_bytes();
        let mut run = Run {
            start,
            end: start,
            dots: 0,
            bang: false,
            full_width: false,
            spaced: false,
            period_then_ellipsis: false,
        };
        // A spaced ellipsis may begin before `start` (" . . ."): the dot is
        // then not attached to the word before.
        let attached = char_before(text, start).is_some_and(|c| !c.is_whitespace());
        let mut i = start;
        while let Some(c) = char_at(text, i) {
            if c == '.' {
                run.dots += 1;
            } else if c == '…' {
                run.dots += 3;
            } else if is_terminal(c) {
                run.bang = true;
                run.full_width |= matches!(c, '。' | '！' | '？');
            } else if c == ' ' && bytes.get(i - 1) == Some(&b'.') && bytes.get(i + 1) == Some(&b'.')
            {
                if run.dots == 1 && attached {
                    run.period_then_ellipsis = true;
                }
                run.spaced = true;
            } else {
                break;
            }
            i += c.len_utf8();
        }
        run.end = i;
        run
    }
}

/// Where the sentence ends at a candidate, if it ends there. `start` is the
/// start of the current sentence, `end` the position after the run and its
/// closing quotes and brackets.
fn decide(
    text: &str,
    start: usize,
    run: &Run,
    end: usize,
    quoted: bool,
    list: &List,
) -> Option<usize> {
    let after = skip_ws(text, end);
    let Some(next) = char_at(text, after) else {
        return Some(end);
    };
    if next.is_lowercase() || matches!(next, ',' | ';' | ':' | ')' | ']' | '}' | '—' | '–') {
        return None;
    }
    // An omission mark in brackets: "[...]".
    if run.dots > 0
        && !run.bang
        && matches!(
            (char_before(text, run.start), char_at(text, run.end)),
            (Some('['), Some(']')) | (Some('('), Some(')'))
        )
    {
        return None;
    }
    if quoted && is_attribution(text, after) {
        return None;
    }
    if run.bang {
        return Some(end);
    }
    if run.dots >= 4 {
        // A period and an ellipsis: "word. . . . Next" ends at the period
        // and the ellipsis opens the next sentence; "word.... Next" and
        // "word . . . . Next" end after the run.
        return Some(if run.period_then_ellipsis {
            run.start + 1
        } else {
            end
        });
    }
    if run.dots == 3 {
        // An ellipsis before a capital ends a sentence; a spaced one marks an
        // omission inside it (at the end of a sentence it takes a 4th dot).
        return (!run.spaced).then_some(end);
    }
    if list.marker_dot == Some(run.start) {
        return None;
    }
    period_ends_sentence(text, start, run.start, after).then_some(end)
}

/// Whether a period at `dot`, followed by a word that is not lowercase at
/// `after`, ends the sentence that started at `start`.
fn period_ends_sentence(text: &str, start: usize, dot: usize, after: usize) -> bool {
    let token_start = token_start(text, start, dot);
    let token = &text[token_start..dot];
    if token.is_empty() || token.len() > MAX_TOKEN {
        return true;
    }
    // Links, e-mail addresses, numbers: a period after them is a full stop.
    let lower_www = token
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("www."));
    if token.contains(['@', '/']) || lower_www || token.ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let next = next_word(text, after);
    if in_list(TITLES, token) {
        return false;
    }
    if in_list(BEFORE_NUMBER, token) {
        return !next.starts_with(|c: char| c.is_ascii_digit());
    }
    if token.eq_ignore_ascii_case("a.m") || token.eq_ignore_ascii_case("p.m") {
        return time_ends_sentence(text, start, next);
    }
    // In capitals ("EST", "CO") a word is an acronym, not an abbreviation.
    let capitals = token.len() >= 2 && token.bytes().all(|b| b.is_ascii_uppercase());
    if (in_list(MAYBE_FINAL, token) && !capitals) || is_dotted_abbreviation(token) {
        return in_list(STARTERS, next);
    }
    let mut chars = token.chars();
    if let (Some(letter), None) = (chars.next(), chars.next())
        && letter.is_uppercase()
    {
        // An initial ("Jonas E. Smith"), unless a sentence plainly starts
        // next, or it is the pronoun I ending a clause ("you and I.").
        return in_list(STARTERS, next)
            || (letter == 'I' && previous_word_is_lowercase(text, start, token_start));
    }
    true
}

/// Start of the whitespace-delimited word that ends at `dot`, after any
/// opening quotes or brackets, and not before `start`.
fn token_start(text: &str, start: usize, dot: usize) -> usize {
    let floor = start.max(dot.saturating_sub(MAX_TOKEN + 1));
    let mut i = dot;
    while i > floor
        && let Some(c) = char_before(text, i)
        && !c.is_whitespace()
    {
        i -= c.len_utf8();
    }
    while let Some(c) = char_at(text, i)
        && i < dot
        && is_opening(c)
    {
        i += c.len_utf8();
    }
    i
}

/// Letters separated by single dots, one or two letters each: "U.S",
/// "a.m", "Ph.D", "U.S.A".
fn is_dotted_abbreviation(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// The alphanumeric word at `pos`, after any opening quotes or brackets.
fn next_word(text: &str, pos: usize) -> &str {
    let tail = &text[pos..];
    let tail = tail.trim_start_matches(is_opening);
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

fn previous_word_is_lowercase(text: &str, start: usize, token_start: usize) -> bool {
    let head = text[start..token_start].trim_end();
    head.split_whitespace()
        .next_back()
        .and_then(|w| w.trim_start_matches(is_opening).chars().next())
        .is_some_and(char::is_lowercase)
}

/// After "a.m."/"p.m." and a capitalised word: a boundary, unless the time
/// opens the sentence ("At 5 a.m. Mr. Smith left") or a time zone follows.
fn time_ends_sentence(text: &str, start: usize, next: &str) -> bool {
    let mut words = text[start..].split_whitespace();
    let opens_with_time = words
        .next()
        .is_some_and(|w| in_list(TIME_PREPOSITIONS, w.trim_start_matches(is_opening)))
        && words
            .take(5)
            .any(|w| w.eq_ignore_ascii_case("a.m.") || w.eq_ignore_ascii_case("p.m."));
    let zone = in_list(TIME_ZONES, next)
        || ((2..=4).contains(&next.len())
            && next.chars().all(|c| c.is_ascii_uppercase())
            && next.ends_with('T'));
    !opens_with_time && !zone
}

/// Whether the text at `pos` (after a closing quote) is an attribution
/// ending the sentence: one to four capitalised words, a speech verb, and
/// at most eight more words up to the end of the sentence.
fn is_attribution(text: &str, pos: usize) -> bool {
    let window = &text[pos..floor_boundary(text, pos + 200)];
    let mut words = window.split_whitespace();
    let mut names = 0;
    for word in words.by_ref() {
        let bare = word.trim_end_matches([',', '.', '!', '?']);
        if in_list(SPEECH_VERBS, bare) && names > 0 {
            if word.ends_with(['.', '!', '?']) {
                return true;
            }
            if word.ends_with(',') {
                return false;
            }
            break;
        }
        if names == 4 || !word.starts_with(char::is_uppercase) || bare.len() < word.len() {
            return false;
        }
        names += 1;
    }
    if names == 0 {
        return false;
    }
    for word in words.take(8) {
        if word.eq_ignore_ascii_case("that") {
            return false;
        }
        if word.ends_with(['.', '!', '?']) {
            return true;
        }
    }
    false
}

/// The list item a sentence opens with, if any.
#[derive(Debug, Default)]
struct List {
    /// Position of the marker's period ("1." or "a."), which is no boundary.
    marker_dot: Option<usize>,
    /// Where the next item of the same list starts.
    next_item: Option<usize>,
}

impl List {
    fn at(text: &str, start: usize) -> List {
        let s = &text[start..];
        let mut rest = s;
        let bullet = rest.chars().next().filter(|c| BULLETS.contains(c));
        if let Some(b) = bullet {
            rest = rest[b.len_utf8()..].trim_start();
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (value, label_len) = if (1..=3).contains(&digits) {
            (rest[..digits].parse::<u32>().ok(), digits)
        } else if let Some(&b) = rest.as_bytes().first()
            && b.is_ascii_alphabetic()
            && rest
                .as_bytes()
                .get(1)
                .is_some_and(|&n| n == b'.' || n == b')')
        {
            (Some(u32::from(b)), 1)
        } else {
            (None, 0)
        };
        let after_label = &rest[label_len..];
        let style = [".)", ")", "."]
            .into_iter()
            .find(|p| after_label.starts_with(p))
            .filter(|p| {
                after_label[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_whitespace)
            });
        let label_start = start + (s.len() - rest.len());
        let marker_dot = match (value, style) {
            (Some(_), Some(".") | Some(".)")) => Some(label_start + label_len),
            _ => None,
        };
        let letter = digits == 0;
        let uppercase_letter = letter && rest.starts_with(|c: char| c.is_ascii_uppercase());
        // An uppercase letter and a period is more likely an initial.
        let numbered =
            value.is_some() && style.is_some() && !(uppercase_letter && style == Some("."));
        let window_end = floor_boundary(text, start + LIST_WINDOW);
        let from = start + 1;
        let next_item = if let Some(b) = bullet {
            find_item(text, from, window_end, |s| s.starts_with(b))
        } else if numbered {
            let (Some(value), Some(style)) = (value, style) else {
                return List::default();
            };
            let next_label = if letter {
                char::from_u32(value + 1)
                    .filter(char::is_ascii_alphabetic)
                    .map(String::from)
            } else {
                Some((value + 1).to_string())
            };
            let Some(next_label) = next_label else {
                return List {
                    marker_dot,
                    next_item: None,
                };
            };
            find_item(text, from, window_end, |s| {
                s.strip_prefix(next_label.as_str())
                    .and_then(|s| s.strip_prefix(style))
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_whitespace)
            })
        } else {
            None
        };
        List {
            marker_dot: if numbered { marker_dot } else { None },
            next_item,
        }
    }
}

/// The first position in `from..to` that follows white space and where
/// `is_item` holds.
fn find_item(text: &str, from: usize, to: usize, is_item: impl Fn(&str) -> bool) -> Option<usize> {
    let from = (from..=to).find(|&i| text.is_char_boundary(i))?;
    text[from..to]
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace() && {
                let at = from + i + c.len_utf8();
                !text[at..].starts_with(char::is_whitespace) && is_item(&text[at..])
            }
        })
        .map(|(i, c)| from + i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::split;

    fn check(text: &str, expected: &[&str]) {
        let mut ranges = Vec::new();
        split(text, &mut ranges);
        let got: Vec<&str> = ranges.into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn plain_sentences() {
        check("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]);
        check("  padded.  ", &["padded."]);
        check("", &[]);
        check("   ", &[]);
        check("Stop!! Who goes there?!", &["Stop!!", "Who goes there?!"]);
        check("Really?? Yes.", &["Really??", "Yes."]);
        check(
            "It rose 3%. Then it fell.",
            &["It rose 3%.", "Then it fell."],
        );
    }

    #[test]
    fn titles_and_initials() {
        check(
            "Mr. Smith went to Washington. He left.",
            &["Mr. Smith went to Washington.", "He left."],
        );
        check(
            "Gen. Gerasimov, Sen. Rubio, Gov. Hochul, Rep. Lee and Lt. Cole met.",
            &["Gen. Gerasimov, Sen. Rubio, Gov. Hochul, Rep. Lee and Lt. Cole met."],
        );
        check(
            "Dr. Ruth and Mrs. Doe climbed Mt. Elbrus near St. Moritz.",
            &["Dr. Ruth and Mrs. Doe climbed Mt. Elbrus near St. Moritz."],
        );
        check(
            "Martin Luther King Jr. spoke. Carl Rowe Jr. He came too.",
            &[
                "Martin Luther King Jr. spoke.",
                "Carl Rowe Jr.",
                "He came too.",
            ],
        );
        check(
            "Ask Maria K. Ivanova. She knows.",
            &["Ask Maria K. Ivanova.", "She knows."],
        );
        check(
            "It was him and I. Was it Henry I. Tudor?",
            &["It was him and I.", "Was it Henry I. Tudor?"],
        );
        check(
            "Then came World War I. It was long.",
            &["Then came World War I.", "It was long."],
        );
    }

    #[test]
    fn abbreviations_that_may_end_a_sentence() {
        check(
            "U.S. officials met. They talked.",
            &["U.S. officials met.", "They talked."],
        );
        check(
            "He lives in the U.S. The weather is fine.",
            &["He lives in the U.S.", "The weather is fine."],
        );
        check(
            "Talks with the U.K. Foreign Office and the U.N. Security Council resumed.",
            &["Talks with the U.K. Foreign Office and the U.N. Security Council resumed."],
        );
        check(
            "Exports to the E.U. fell. Sales in the U.S.A. Are rising?",
            &[
                "Exports to the E.U. fell.",
                "Sales in the U.S.A.",
                "Are rising?",
            ],
        );
        check(
            "She moved to the U.S. in 2019.",
            &["She moved to the U.S. in 2019."],
        );
        check(
            "Apples, pears, etc. are fruit. Buy nuts, figs, etc. Then eat.",
            &[
                "Apples, pears, etc. are fruit.",
                "Buy nuts, figs, etc.",
                "Then eat.",
            ],
        );
        check(
            "He sued Acme Co. on Friday. He works for Zenith Corp. It pays well.",
            &[
                "He sued Acme Co. on Friday.",
                "He works for Zenith Corp.",
                "It pays well.",
            ],
        );
        check(
            "Talks began on Jan. 5 and ended Feb. 12.",
            &["Talks began on Jan. 5 and ended Feb. 12."],
        );
        check(
            "Use a map, e.g. a paper one, i.e. not a phone. Also Smith vs. Jones.",
            &[
                "Use a map, e.g. a paper one, i.e. not a phone.",
                "Also Smith vs. Jones.",
            ],
        );
    }

    #[test]
    fn acronyms_are_not_abbreviations() {
        check(
            "It opened at 9:30 a.m. EST. Traders cheered. It was est. 1901 by Acme CO. Staff left.",
            &[
                "It opened at 9:30 a.m. EST.",
                "Traders cheered.",
                "It was est. 1901 by Acme CO.",
                "Staff left.",
            ],
        );
    }

    #[test]
    fn times() {
        check(
            "At 7 a.m. Ms. Cole opened the shop. She shut it at 9 P.M. Ms. Cole then left.",
            &[
                "At 7 a.m. Ms. Cole opened the shop.",
                "She shut it at 9 P.M.",
                "Ms. Cole then left.",
            ],
        );
        check(
            "The vote closes at 8 p.m. Eastern on Tuesday.",
            &["The vote closes at 8 p.m. Eastern on Tuesday."],
        );
        check(
            "The vote closed at 8 p.m. ET yesterday.",
            &["The vote closed at 8 p.m. ET yesterday."],
        );
        check(
            "They met at 10 a.m. and left at noon.",
            &["They met at 10 a.m. and left at noon."],
        );
    }

    #[test]
    fn numbers_before_and_after() {
        check(
            "It costs $250.50 today. Up 2.5% from May.",
            &["It costs $250.50 today.", "Up 2.5% from May."],
        );
        check(
            "He paid €40.00. It was cheap.",
            &["He paid €40.00.", "It was cheap."],
        );
        check("See p. 12 and pp. 30-31.", &["See p. 12 and pp. 30-31."]);
        check("He said no. They left.", &["He said no.", "They left."]);
        check(
            "It was item No. 7 on the list, at Fig. 3.",
            &["It was item No. 7 on the list, at Fig. 3."],
        );
        check(
            "She lives on 7th st. near the park.",
            &["She lives on 7th st. near the park."],
        );
        check(
            "The box is at N°. 12.408.77. Go there.",
            &["The box is at N°. 12.408.77.", "Go there."],
        );
    }

    #[test]
    fn links_and_addresses() {
        check(
            "Photo credit: www.bbc.com and more.",
            &["Photo credit: www.bbc.com and more."],
        );
        check(
            "Mail me at a.b@example.org. Thanks.",
            &["Mail me at a.b@example.org.", "Thanks."],
        );
        check(
            "Read it at https://news.example.net/world/story_1.html. Share it.",
            &[
                "Read it at https://news.example.net/world/story_1.html.",
                "Share it.",
            ],
        );
        check(
            "Go to www.example.org. Look around.",
            &["Go to www.example.org.", "Look around."],
        );
        check(
            "The site example.com. Please visit.",
            &["The site example.com.", "Please visit."],
        );
    }

    #[test]
    fn quotes_and_brackets() {
        check(
            "He said, “It’s true. Let’s wait.” The visit is notable.",
            &["He said, “It’s true. Let’s wait.”", "The visit is notable."],
        );
        check(
            "“We will sign. It is the closest yet,” said Ana Ruiz. Talks go on.",
            &[
                "“We will sign. It is the closest yet,” said Ana Ruiz.",
                "Talks go on.",
            ],
        );
        check(
            "He said: \"Go. Now.\" She went.",
            &["He said: \"Go. Now.\"", "She went."],
        );
        // A quotation running on into the next paragraph does not close here.
        check(
            "He said: “We will go. We will stay there.",
            &["He said: “We will go.", "We will stay there."],
        );
        check(
            "“This is serious,” Trump said. Next.",
            &["“This is serious,” Trump said.", "Next."],
        );
        check(
            "“Why?” he asked. Then silence.",
            &["“Why?” he asked.", "Then silence."],
        );
        check(
            "“Why now?” Ana Ruiz asked on Monday. Then silence.",
            &["“Why now?” Ana Ruiz asked on Monday.", "Then silence."],
        );
        check(
            "“We are ready.” Trump said that the deal was close.",
            &["“We are ready.”", "Trump said that the deal was close."],
        );
        check(
            "He looked up, 'That is odd.' he muttered.",
            &["He looked up, 'That is odd.' he muttered."],
        );
        check(
            "He looked up, \"That is odd.\" Then he left.",
            &["He looked up, \"That is odd.\"", "Then he left."],
        );
        check(
            "It ended (finally.) Then more.",
            &["It ended (finally.)", "Then more."],
        );
        check(
            "She left (she had worked there for years.) after lunch.",
            &["She left (she had worked there for years.) after lunch."],
        );
        check(
            "He wrote “soon.” The talks go on.",
            &["He wrote “soon.”", "The talks go on."],
        );
        check("The Lee Jr.'s car.", &["The Lee Jr.'s car."]);
        check("“Go!” “Now?” Yes.", &["“Go!”", "“Now?”", "Yes."]);
    }

    #[test]
    fn ellipses() {
        check(
            "Wait... what happened? Nothing.",
            &["Wait... what happened?", "Nothing."],
        );
        check(
            "He paused . . . and went on.",
            &["He paused . . . and went on."],
        );
        check(
            "It was over... Then it began.",
            &["It was over...", "Then it began."],
        );
        check(
            "It was over… Then it began.",
            &["It was over…", "Then it began."],
        );
        check(
            "The thing is . . . I forgot it.",
            &["The thing is . . . I forgot it."],
        );
        check(
            "It ended. . . . Then more.",
            &["It ended.", ". . . Then more."],
        );
        check(
            "It ended . . . . Then more.",
            &["It ended . . . .", "Then more."],
        );
        check("It ended.... Then more.", &["It ended....", "Then more."]);
        check(
            "“All [...] were lost [...]” (Ray 12).",
            &["“All [...] were lost [...]” (Ray 12)."],
        );
        check(
            "He wrote: “the end. . . .”",
            &["He wrote: “the end. . . .”"],
        );
    }

    #[test]
    fn inline_lists() {
        check("1) Eggs 2) Milk 3) Tea", &["1) Eggs", "2) Milk", "3) Tea"]);
        check("1. Eggs. 2. Milk.", &["1. Eggs.", "2. Milk."]);
        check("1.) Eggs 2.) Milk", &["1.) Eggs", "2.) Milk"]);
        check("a. Eggs b. Milk c. Tea", &["a. Eggs", "b. Milk", "c. Tea"]);
        check("• 4. Eggs • 5. Milk", &["• 4. Eggs", "• 5. Milk"]);
        check("▪Eggs ▪Milk", &["▪Eggs", "▪Milk"]);
        // Not a list: the number does not open the sentence, or the next
        // number is not the next item.
        check("He had 2 eggs and 3 teas.", &["He had 2 eggs and 3 teas."]);
        check("1. Eggs cost 3. Milk", &["1. Eggs cost 3.", "Milk"]);
    }

    #[test]
    fn other_scripts() {
        check("今日は晴れ。明日は雨？", &["今日は晴れ。", "明日は雨？"]);
        check("Он ушёл. Она осталась.", &["Он ушёл.", "Она осталась."]);
    }

    #[test]
    fn windows_end_on_char_boundaries() {
        let long = format!("A{}", "É".repeat(150));
        check(&format!("“Go.” {long}"), &["“Go.”", &long]);
        let quote = format!("“{}. {}.” Yes.", "é".repeat(350), "é".repeat(10));
        check(&quote, &[&quote[..quote.len() - 5], "Yes."]);
        let e = "é".repeat(400);
        let tail = format!("2) b {e}");
        check(&format!("1) {e} {tail}"), &[&format!("1) {e}"), &tail]);
    }

    #[test]
    fn long_runs_are_linear() {
        // Would take minutes if any step rescanned the paragraph.
        let text = ". ".repeat(200_000) + &"x.y".repeat(100_000) + &"Mr. ".repeat(100_000);
        let mut ranges = Vec::new();
        split(&text, &mut ranges);
        assert!(!ranges.is_empty());
        let list = "1. a ".repeat(100_000);
        ranges.clear();
        split(&list, &mut ranges);
        assert_eq!(ranges.len(), 1);
    }
}
