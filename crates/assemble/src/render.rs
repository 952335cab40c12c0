//! Writing a [`Summary`] as text, Markdown or JSON.
//!
//! Rendering is kept apart from selection: every function here reads a
//! finished [`Summary`] and writes a `String`.

use std::fmt::Write;

use serde::Serialize;

use crate::Summary;
use crate::summarize::collapse_whitespace;

/// Plain text: one sentence per line with its citation markers (`[1][3]`),
/// then a blank line and the numbered `Sources:` list.
pub fn text(summary: &Summary) -> String {
    let mut out = String::new();
    for s in summary.sentences() {
        out.push_str(&collapse_whitespace(s.text()));
        out.push(' ');
        for c in s.citations() {
            let _ = write!(out, "[{}]", c.source() + 1);
        }
        out.push('\n');
    }
    out.push_str("\nSources:\n");
    for (i, src) in summary.sources().iter().enumerate() {
        let _ = write!(out, "[{}] {}", i + 1, src.id());
        if let Some(title) = src.title() {
            let _ = write!(out, " — {title}");
        }
        if let Some(path) = src.path() {
            let _ = write!(out, " ({path})");
        }
        out.push('\n');
    }
    out
}

/// Markdown: a numbered list whose items carry footnote citations
/// (`[^1]`), then a `Sources` section defining each footnote.
pub fn markdown(summary: &Summary) -> String {
    let mut out = String::from("## Summary\n\n");
    for (n, s) in summary.sentences().iter().enumerate() {
        let _ = write!(
            out,
            "{}. {}",
            n + 1,
            escape_markdown(&collapse_whitespace(s.text()))
        );
        for c in s.citations() {
            let _ = write!(out, "[^{}]", c.source() + 1);
        }
        let _ = writeln!(
            out,
            " *({} of {} reports)*",
            s.corroboration(),
            summary.sources().len()
        );
    }
    out.push_str("\n## Sources\n\n");
    for (i, src) in summary.sources().iter().enumerate() {
        let _ = write!(out, "[^{}]: `{}`", i + 1, src.id());
        if let Some(title) = src.title() {
            let _ = write!(out, " — {}", escape_markdown(title));
        }
        if let Some(path) = src.path() {
            let _ = write!(out, " ({path})");
        }
        out.push('\n');
    }
    out
}

/// Characters that Markdown would read as markup inside a list item.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    sources: Vec<JsonSource<'a>>,
    sentences: Vec<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    title: Option<&'a str>,
    path: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    text: &'a str,
    source: usize,
    span: [usize; 2],
    score: f64,
    corroboration: usize,
    citations: Vec<JsonCitation>,
}

#[derive(Serialize)]
struct JsonCitation {
    source: usize,
    span: [usize; 2],
}

/// JSON, as documented in the README: `sources` (id, title, path) and
/// `sentences` (text, source, span, score, corroboration, citations).
/// Spans are `[start, end]` byte offsets into the source's text.
pub fn json(summary: &Summary) -> String {
    let doc = JsonSummary {
        sources: summary
            .sources()
            .iter()
            .map(|s| JsonSource {
                id: s.id(),
                title: s.title(),
                path: s.path(),
            })
            .collect(),
        sentences: summary
            .sentences()
            .iter()
            .map(|s| JsonSentence {
                text: s.text(),
                source: s.source(),
                span: [s.span().start, s.span().end],
                score: (s.score() * 1e6).round() / 1e6,
                corroboration: s.corroboration(),
                citations: s
                    .citations()
                    .iter()
                    .map(|c| JsonCitation {
                        source: c.source(),
                        span: [c.span().start, c.span().end],
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
