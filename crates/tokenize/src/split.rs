//! Sentence boundaries inside one paragraph.
//!
//! A boundary candidate is a run of terminal punctuation (`.`, `!`, `?`, `…`),
//! optionally followed by closing quotes and brackets, followed by white space
//! or the end of the paragraph. A candidate is rejected when what precedes it
//! is an abbreviation or an initial, or when what follows cannot start a
//! sentence (a lowercase word, a continuing punctuation mark).

use std::ops::Range;

/// Titles and other abbreviations that are never followed by a boundary:
/// they always precede a name or a number.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "maj",
    "sgt", "cmdr", "adm", "brig", "pres", "supt", "det", "insp", "hon", "rev", "fr", "st", "mt",
    "ft", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "approx", "dept", "fig", "figs", "vol", "vols", "ch", "pp", "p", "para",
    "art", "sec", "e.g", "i.e", "cf", "viz", "al", "est", "ave", "blvd", "rd", "messrs", "mme",
    "mlle", "sr", "jr", "ph.d", "u.s.c",
];

/// Abbreviations that may end a sentence: a boundary follows them only when
/// the next word is one that typically starts a sentence.
const MAYBE_FINAL: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "bros", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a",
    "d.c", "l.a", "n.y", "b.c", "a.d", "esq", "jr", "sr", "ph.d", "m.d", "b.a", "m.a", "llc",
];

/// Capitalised words that start sentences far more often than they continue
/// a name: after an ambiguous abbreviation ("U.S.", "a.m.", "etc."), one of
/// these signals a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "my",
    "no",
    "not",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
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
    "under",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "with",
    "yet",
    "you",
];

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Splits `text` (one paragraph) into sentences: byte ranges into `text`,
/// trimmed of surrounding white space, in order, never empty.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        // The run of terminal punctuation, allowing spaced ellipses ". . .".
        let mut j = i;
        while j < chars.len() {
            if is_terminal(chars[j].1) {
                j += 1;
            } else if chars[j].1 == ' '
                && chars[j - 1].1 == '.'
                && j + 1 < chars.len()
                && chars[j + 1].1 == '.'
            {
                j += 1;
            } else {
                break;
            }
        }
        let run_start = pos;
        let run: String = chars[i..j].iter().map(|&(_, c)| c).collect();
        while j < chars.len() && is_closing(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        let at_end = j >= chars.len();
        if !at_end && !chars[j].1.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        if at_end || is_boundary(text, start, run_start, &run, end) {
            push_trimmed(&mut out, text, start..end);
            start = end;
        }
        i = j.max(i + 1);
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// The word (letters, digits, inner dots) that ends right before `pos`.
fn word_before(text: &str, sentence_start: usize, pos: usize) -> &str {
    let head = &text[sentence_start..pos];
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[from..].trim_start_matches(['.', '-', '\''])
}

/// The next word after `pos`, skipping white space and opening punctuation.
fn word_after(text: &str, pos: usize) -> &str {
    let tail = text[pos..].trim_start();
    let tail = tail.trim_start_matches(['"', '\'', '“', '‘', '(', '[', '«', '—', '–', '-']);
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

fn is_boundary(text: &str, sentence_start: usize, run_start: usize, run: &str, end: usize) -> bool {
    let next = word_after(text, end);
    let next_first = text[end..].trim_start().chars().next();
    // What follows must be able to start a sentence.
    match next_first {
        Some(c) if c.is_lowercase() => return false,
        Some(',' | ';' | ':' | ')' | ']' | '}') => return false,
        _ => {}
    }
    if run != "." {
        // "!", "?", "...", "?!": a boundary unless a lowercase word follows
        // (checked above) — "Wait... what" stays one sentence.
        return true;
    }
    let word = word_before(text, sentence_start, run_start);
    let lower = word.to_lowercase();
    if lower.is_empty() {
        return true;
    }
    if NEVER_FINAL.contains(&lower.as_str()) && !MAYBE_FINAL.contains(&lower.as_str()) {
        return false;
    }
    // A single capital letter is an initial ("Jonas E. Smith").
    let mut letters = word.chars();
    if let (Some(c), None) = (letters.next(), letters.next())
        && c.is_uppercase()
    {
        return false;
    }
    let dotted = lower.contains('.');
    if MAYBE_FINAL.contains(&lower.as_str()) || dotted {
        // "U.S. officials" continues; "the U.S. The next day" ends.
        let next_lower = next.to_lowercase();
        return SENTENCE_STARTERS.contains(&next_lower.as_str());
    }
    if next.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word.ends_with(|c: char| c.is_ascii_digit())
    {
        // "in 2024. 15 people" is rare; numbered lists "1. 2." are not sentences.
        return word.len() > 2;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::sentences;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn plain_sentences() {
        check("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]);
        check("  padded.  ", &["padded."]);
        check("", &[]);
    }

    #[test]
    fn abbreviations_and_initials() {
        check(
            "Mr. Smith went to Washington. He left.",
            &["Mr. Smith went to Washington.", "He left."],
        );
        check(
            "Jonas E. Smith said so. Then he left.",
            &["Jonas E. Smith said so.", "Then he left."],
        );
        check(
            "U.S. officials met. They talked.",
            &["U.S. officials met.", "They talked."],
        );
        check(
            "He lives in the U.S. The weather is fine.",
            &["He lives in the U.S.", "The weather is fine."],
        );
        check("At 5 p.m. Mr. Lee spoke.", &["At 5 p.m. Mr. Lee spoke."]);
        check(
            "Apples, pears, etc. are fruit.",
            &["Apples, pears, etc. are fruit."],
        );
        check(
            "Gen. Gerasimov and Sen. Rubio met on Jan. 5.",
            &["Gen. Gerasimov and Sen. Rubio met on Jan. 5."],
        );
    }

    #[test]
    fn numbers_and_domains() {
        check(
            "It costs $100.00 today. Up 2.5% from May.",
            &["It costs $100.00 today.", "Up 2.5% from May."],
        );
        check(
            "Photo credit: www.bbc.com and more.",
            &["Photo credit: www.bbc.com and more."],
        );
        check(
            "Mail me at a.b@example.com now. Thanks.",
            &["Mail me at a.b@example.com now.", "Thanks."],
        );
    }

    #[test]
    fn quotes() {
        check(
            "He said, “It’s true. Let’s wait.” The visit is notable.",
            &[
                "He said, “It’s true.",
                "Let’s wait.”",
                "The visit is notable.",
            ],
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
            "It ended (finally.) Then more.",
            &["It ended (finally.)", "Then more."],
        );
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
    }
}
