//! Small text helpers shared by analysis and rendering.

/// Whether the text ends with terminal punctuation, maybe inside closing
/// quotes or brackets.
pub(crate) fn ends_like_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// The text with every run of white space (newlines included) as one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
