//! Writing a [`Summary`] as text, Markdown or JSON.
//!
//! Rendering is kept apart from selection: every function here reads a
//! finished [`Summary`] and writes a `String`.

use std::fmt::Write;

use serde::Serialize;

use crate::source::Source;
use crate::summary::{Summary, Verdict};
use crate::text::collapse_whitespace;

pub use crate::html::html;

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
        if let Some(original) = src.copy_of() {
            let _ = write!(out, ", a syndicated copy of [{}]", original + 1);
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
        if let Some(original) = src.copy_of() {
            let _ = write!(out, ", a syndicated copy of [^{}]", original + 1);
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
    copy_of: Option<usize>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    text: &'a str,
    source: usize,
    span: [usize; 2],
    score: f64,
    corroboration: usize,
    components: JsonComponents,
    citations: Vec<JsonCitation>,
}

#[derive(Serialize)]
struct JsonComponents {
    centrality: f64,
    gain: f64,
    redundancy: f64,
}

#[derive(Serialize)]
struct JsonCitation {
    source: usize,
    span: [usize; 2],
    basis: &'static str,
}

/// Six decimals: enough to compare, and stable across platforms' last bits.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// JSON, as documented in the README: `sources` (id, title, path) and
/// `sentences` (text, source, span, score, corroboration, citations).
/// Spans are `[start, end]` byte offsets into the source's text.
pub fn json(summary: &Summary) -> String {
    let mut out = json_with(summary, true);
    out.push('\n');
    out
}

/// The same JSON object as [`json`], on one line and without a final
/// newline: for JSON Lines, one summary per line.
pub fn json_line(summary: &Summary) -> String {
    json_with(summary, false)
}

fn json_with(summary: &Summary, pretty: bool) -> String {
    let doc = JsonSummary {
        sources: summary
            .sources()
            .iter()
            .map(|s| JsonSource {
                id: s.id(),
                title: s.title(),
                path: s.path(),
                copy_of: s.copy_of(),
            })
            .collect(),
        sentences: summary
            .sentences()
            .iter()
            .map(|s| JsonSentence {
                text: s.text(),
                source: s.source(),
                span: [s.span().start, s.span().end],
                score: round6(s.score()),
                corroboration: s.corroboration(),
                components: JsonComponents {
                    centrality: round6(s.components().centrality),
                    gain: round6(s.components().gain),
                    redundancy: round6(s.components().redundancy),
                },
                citations: s
                    .citations()
                    .iter()
                    .map(|c| JsonCitation {
                        source: c.source(),
                        span: [c.span().start, c.span().end],
                        basis: c.basis().name(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let out = if pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    };
    out.unwrap_or_default()
}

/// A report on selection: every body sentence, best-scored first, with its
/// centrality and why it was chosen or left out; then the units that were
/// never candidates (headings, boilerplate). `sources` are the reports the
/// summary was made from, for the units' text.
pub fn explain(summary: &Summary, sources: &[Source]) -> String {
    let candidates = summary.candidates();
    let text_of = |i: usize| -> String {
        let c = &candidates[i];
        let text = sources
            .get(c.source())
            .and_then(|s| s.text().get(c.span()))
            .unwrap_or("");
        let mut text = collapse_whitespace(text);
        if let Some((cut, _)) = text.char_indices().nth(90) {
            text.truncate(cut);
            text.push('…');
        }
        text
    };
    let mut body: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            !matches!(
                candidates[i].verdict(),
                Verdict::Boilerplate | Verdict::Heading
            )
        })
        .collect();
    body.sort_by(|&a, &b| {
        candidates[b]
            .centrality()
            .total_cmp(&candidates[a].centrality())
            .then(a.cmp(&b))
    });
    let mut out = String::new();
    let _ = writeln!(out, "Body sentences ({}), best first:", body.len());
    for &i in &body {
        let c = &candidates[i];
        let why = match c.verdict() {
            Verdict::Chosen { rank } => format!("chosen #{}", rank + 1),
            Verdict::Redundant { with, similarity } => {
                format!(
                    "redundant ({similarity:.2}) with [{}] {}",
                    candidates[*with].source() + 1,
                    text_of(*with)
                )
            }
            Verdict::Restates { with, reports } => {
                format!(
                    "restates [{}] {} (both cite the same sentence in {reports} reports)",
                    candidates[*with].source() + 1,
                    text_of(*with)
                )
            }
            Verdict::OverBudget => "over budget".to_string(),
            Verdict::Dangling => "dangling opener, predecessor not chosen".to_string(),
            Verdict::TooShort => "fragment: too short or unfinished".to_string(),
            Verdict::Copy => "in a syndicated copy of another report".to_string(),
            Verdict::NotReached => "not chosen: lower MMR score when the budget filled".to_string(),
            Verdict::Boilerplate | Verdict::Heading => unreachable!("filtered out above"),
        };
        let _ = writeln!(
            out,
            "  [{}] {:.3}  {}",
            c.source() + 1,
            c.centrality(),
            text_of(i)
        );
        let _ = writeln!(out, "        → {why}");
        if let Some((with, sim)) = c.closest_chosen()
            && sim > 0.0
            && !matches!(c.verdict(), Verdict::Redundant { .. })
        {
            let _ = writeln!(
                out,
                "          closest chosen ({sim:.2}): [{}] {}",
                candidates[with].source() + 1,
                text_of(with)
            );
        }
    }
    let _ = writeln!(out, "\nNot candidates:");
    for (i, c) in candidates.iter().enumerate() {
        let kind = match c.verdict() {
            Verdict::Boilerplate => "boilerplate",
            Verdict::Heading => "heading",
            _ => continue,
        };
        let _ = writeln!(out, "  [{}] {kind:<11}  {}", c.source() + 1, text_of(i));
    }
    out
}
