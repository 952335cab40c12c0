//! Writing a [`Summary`] as text, Markdown or JSON.
//!
//! Rendering is kept apart from selection: every function here reads a
//! finished [`Summary`] and writes a `String`.

use std::fmt::Write;

use serde::Serialize;

use crate::source::Source;
use crate::summary::{Citation, Disagreement, Summary, SummarySentence, Verdict};
use crate::text::collapse_whitespace;

pub use crate::html::html;

/// Plain text: one sentence per line with its citation markers (`[1][3]`),
/// under it one indented line per value other reports give for its claim
/// (`    differs: 116 aboard [4][9]`, `    earlier: Sunday [2]`), then a
/// blank line and the numbered `Sources:` list.
pub fn text(summary: &Summary) -> String {
    let mut out = String::new();
    for s in summary.sentences() {
        out.push_str(&collapse_whitespace(s.text()));
        out.push(' ');
        for c in s.citations() {
            let _ = write!(out, "[{}]", c.source() + 1);
        }
        out.push('\n');
        for (relation, phrase, reports) in s.differing() {
            let _ = write!(out, "    {relation}: {phrase} ");
            for r in reports {
                let _ = write!(out, "[{}]", r + 1);
            }
            out.push('\n');
        }
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
        if src.language_detected() {
            let _ = write!(out, ", in {} (detected)", src.language().name());
        }
        for note in src.reading() {
            let _ = write!(out, ", {note}");
        }
        out.push('\n');
    }
    out
}

/// Markdown: a numbered list whose items carry footnote citations
/// (`[^1]`), each with a nested list of the values other reports give for
/// its claim (`- earlier: 116 sailors[^1]`), then a `Sources` section
/// defining each footnote.
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
        for (relation, phrase, reports) in s.differing() {
            let _ = write!(out, "    - {relation}: {}", escape_markdown(phrase));
            for r in reports {
                let _ = write!(out, "[^{}]", r + 1);
            }
            out.push('\n');
        }
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
        if src.language_detected() {
            let _ = write!(out, ", in {} (detected)", src.language().name());
        }
        for note in src.reading() {
            let _ = write!(out, ", {note}");
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
    language: &'static str,
    language_detected: bool,
    format: &'static str,
    encoding: Option<&'a str>,
    spans: &'static str,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    text: &'a str,
    source: usize,
    span: [usize; 2],
    score: f64,
    corroboration: usize,
    components: JsonComponents,
    citations: Vec<JsonCitation<'a>>,
    disagreements: Vec<JsonDisagreement<'a>>,
}

#[derive(Serialize)]
struct JsonDisagreement<'a> {
    source: usize,
    span: [usize; 2],
    kind: &'static str,
    value: &'a str,
    ours: &'a str,
    relation: &'static str,
    value_span: [usize; 2],
    ours_span: [usize; 2],
    claim: [usize; 2],
    coverage: f64,
    words: &'a [String],
}

#[derive(Serialize)]
struct JsonComponents {
    centrality: f64,
    gain: f64,
    redundancy: f64,
}

#[derive(Serialize)]
struct JsonCitation<'a> {
    source: usize,
    span: [usize; 2],
    basis: &'static str,
    evidence: Option<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    claim: [usize; 2],
    coverage: f64,
    words: &'a [String],
    numbers: &'a [String],
    names: &'a [String],
    negated: bool,
}

/// Six decimals: enough to compare, and stable across platforms' last bits.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// JSON, as documented in the README: `sources` (id, title, path) and
/// `sentences` (text, source, span, score, corroboration, citations,
/// disagreements).
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
    let doc = json_summary(summary);
    let out = if pretty {
        serde_json::to_string_pretty(&doc)
    } else {
        serde_json::to_string(&doc)
    };
    out.unwrap_or_default()
}

fn json_summary(summary: &Summary) -> JsonSummary<'_> {
    JsonSummary {
        sources: summary
            .sources()
            .iter()
            .map(|s| JsonSource {
                id: s.id(),
                title: s.title(),
                path: s.path(),
                copy_of: s.copy_of(),
                language: s.language().name(),
                language_detected: s.language_detected(),
                format: s.format().name(),
                encoding: s.encoding(),
                spans: s.spans().name(),
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
                        evidence: c.evidence().map(|e| JsonEvidence {
                            claim: [e.claim().start, e.claim().end],
                            coverage: round6(e.coverage()),
                            words: e.words(),
                            numbers: e.numbers(),
                            names: e.names(),
                            negated: e.negated(),
                        }),
                    })
                    .collect(),
                disagreements: s
                    .disagreements()
                    .iter()
                    .map(|d| JsonDisagreement {
                        source: d.source(),
                        span: [d.span().start, d.span().end],
                        kind: d.kind().name(),
                        value: d.value(),
                        ours: d.ours(),
                        relation: d.relation().name(),
                        value_span: [d.value_span().start, d.value_span().end],
                        ours_span: [d.ours_span().start, d.ours_span().end],
                        claim: [d.claim().start, d.claim().end],
                        coverage: round6(d.coverage()),
                        words: d.words(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A report on citations and selection: each summary sentence's citations
/// of other reports with what the cited sentence matched (the claim it
/// states, coverage, words, numbers, names, polarity); every body sentence,
/// best-scored first, with its centrality and why it was chosen or left
/// out; then the units that were never candidates (headings, boilerplate).
/// `sources` are the reports the summary was made from, for the units' text.
pub fn explain(summary: &Summary, sources: &[Source]) -> String {
    let explained = Explained::new(summary, sources);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Citations, with what each cited sentence matched, and other values:"
    );
    for (k, s) in summary.sentences().iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. [{}] {}",
            k + 1,
            s.source() + 1,
            shorten(s.text())
        );
        for c in s.citations().iter().filter(|c| c.source() != s.source()) {
            let _ = writeln!(
                out,
                "       [{}] {}",
                c.source() + 1,
                shorten(&sources[c.source()].read(c.span()))
            );
            let _ = writeln!(out, "           {}", evidence_line(c, s, sources));
        }
        for d in s.disagreements() {
            let _ = writeln!(
                out,
                "       {} [{}] {}",
                d.relation().name(),
                d.source() + 1,
                shorten(&sources[d.source()].read(d.span()))
            );
            let _ = writeln!(out, "           {}", disagreement_line(d, s, sources));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Body sentences ({}), most central first; chosen by {}:",
        explained.body.len(),
        summary.selector().name()
    );
    for &i in &explained.body {
        let c = &explained.candidates[i];
        let _ = writeln!(
            out,
            "  [{}] {:.3}  {}",
            c.source() + 1,
            c.centrality(),
            explained.short(i)
        );
        let _ = writeln!(out, "        → {}", explained.why(i));
        if let Some((with, sim)) = explained.closest(i) {
            let _ = writeln!(
                out,
                "          closest chosen ({sim:.2}): [{}] {}",
                explained.candidates[with].source() + 1,
                explained.short(with)
            );
        }
    }
    let _ = writeln!(out, "\nNot candidates:");
    for i in explained.others() {
        let c = &explained.candidates[i];
        let _ = writeln!(
            out,
            "  [{}] {:<11}  {}",
            c.source() + 1,
            c.verdict().name(),
            explained.short(i)
        );
    }
    out
}

/// The first 90 characters of `text`, white space collapsed.
fn shorten(text: &str) -> String {
    let mut text = collapse_whitespace(text);
    if let Some((cut, _)) = text.char_indices().nth(90) {
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// What a citation rests on, in one line: the claim it states and what
/// matched.
fn evidence_line(c: &Citation, s: &SummarySentence, sources: &[Source]) -> String {
    let Some(e) = c.evidence() else {
        return format!("by {}", c.basis().name());
    };
    let claim = sources[s.source()].read(e.claim());
    let mut line = format!(
        "states “{}” (coverage {:.2}; words: {}",
        shorten(&claim),
        e.coverage(),
        e.words().join(", ")
    );
    if !e.numbers().is_empty() {
        let _ = write!(line, "; numbers: {}", e.numbers().join(", "));
    }
    if !e.names().is_empty() {
        let _ = write!(line, "; names: {}", e.names().join(", "));
    }
    if e.negated() {
        line.push_str("; negated in both");
    }
    line.push(')');
    line
}

/// Why a disagreement counts, in one line: the values compared and what
/// makes the two the same claim.
fn disagreement_line(d: &Disagreement, s: &SummarySentence, sources: &[Source]) -> String {
    let claim = sources[s.source()].read(d.claim());
    format!(
        "{} “{}” for “{}” in “{}” (the same claim but the value: coverage {:.2} without values; words: {})",
        d.kind().name(),
        d.value(),
        d.ours(),
        shorten(&claim),
        d.coverage(),
        d.words().join(", ")
    )
}

/// [`explain`] as Markdown: each summary sentence's citations with their
/// evidence; the body sentences as a list, best first, each with why it was
/// chosen or left out; then the units that were never candidates.
pub fn explain_markdown(summary: &Summary, sources: &[Source]) -> String {
    let explained = Explained::new(summary, sources);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Citations, with what each cited sentence matched, and other values\n"
    );
    for (k, s) in summary.sentences().iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **[{}]** {}",
            k + 1,
            s.source() + 1,
            escape_markdown(&shorten(s.text()))
        );
        for c in s.citations().iter().filter(|c| c.source() != s.source()) {
            let _ = writeln!(
                out,
                "   - **[{}]** {}  \n     *{}*",
                c.source() + 1,
                escape_markdown(&shorten(&sources[c.source()].read(c.span()))),
                escape_markdown(&evidence_line(c, s, sources))
            );
        }
        for d in s.disagreements() {
            let _ = writeln!(
                out,
                "   - {} **[{}]** {}  \n     *{}*",
                d.relation().name(),
                d.source() + 1,
                escape_markdown(&shorten(&sources[d.source()].read(d.span()))),
                escape_markdown(&disagreement_line(d, s, sources))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n## Body sentences ({}), most central first; chosen by {}\n",
        explained.body.len(),
        summary.selector().name()
    );
    for &i in &explained.body {
        let c = &explained.candidates[i];
        let _ = writeln!(
            out,
            "- **[{}]** {:.3} {}  \n  → {}",
            c.source() + 1,
            c.centrality(),
            escape_markdown(&explained.short(i)),
            escape_markdown(&explained.why(i))
        );
        if let Some((with, sim)) = explained.closest(i) {
            let _ = writeln!(
                out,
                "  *closest chosen ({sim:.2}): [{}] {}*",
                explained.candidates[with].source() + 1,
                escape_markdown(&explained.short(with))
            );
        }
    }
    let _ = writeln!(out, "\n## Not candidates\n");
    for i in explained.others() {
        let c = &explained.candidates[i];
        let _ = writeln!(
            out,
            "- **[{}]** {}: {}",
            c.source() + 1,
            c.verdict().name(),
            escape_markdown(&explained.short(i))
        );
    }
    out
}

/// [`explain`] as JSON: `{"summary": …, "candidates": […]}`, where
/// `summary` is what [`json`] gives and `candidates` lists every unit of
/// every report, by report and text order, as `{"source", "span", "text",
/// "centrality", "verdict"}` (a [`Verdict::name`]) plus, by verdict, `rank`
/// (chosen, 0 first), `with` (the index in `candidates` of the chosen
/// sentence it repeats, which may since have been updated; for `updated`,
/// the newer sentence that took its place) with `similarity` (redundant)
/// or `coverage` (restates: the share of a claim of one that the other
/// contains), and `closest` (`{"with", "similarity"}`, the most similar
/// chosen sentence) for body sentences not chosen.
pub fn explain_json(summary: &Summary, sources: &[Source]) -> String {
    let explained = Explained::new(summary, sources);
    let candidates = explained
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (rank, with, similarity, coverage) = match *c.verdict() {
                Verdict::Chosen { rank } => (Some(rank), None, None, None),
                Verdict::Redundant { with, similarity } => {
                    (None, Some(with), Some(round6(similarity)), None)
                }
                Verdict::Restates { with, coverage } => {
                    (None, Some(with), None, Some(round6(coverage)))
                }
                Verdict::Updated { with } => (None, Some(with), None, None),
                _ => (None, None, None, None),
            };
            JsonCandidate {
                source: c.source(),
                span: [c.span().start, c.span().end],
                text: explained.text(i),
                centrality: round6(c.centrality()),
                verdict: c.verdict().name(),
                rank,
                with,
                similarity,
                coverage,
                closest: explained.closest(i).map(|(with, similarity)| JsonClosest {
                    with,
                    similarity: round6(similarity),
                }),
            }
        })
        .collect();
    let doc = JsonExplanation {
        summary: json_summary(summary),
        selector: summary.selector().name(),
        candidates,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonExplanation<'a> {
    summary: JsonSummary<'a>,
    /// The objective that chose the sentences (never "auto").
    selector: &'static str,
    candidates: Vec<JsonCandidate<'a>>,
}

#[derive(Serialize)]
struct JsonCandidate<'a> {
    source: usize,
    span: [usize; 2],
    text: std::borrow::Cow<'a, str>,
    centrality: f64,
    verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    with: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closest: Option<JsonClosest>,
}

#[derive(Serialize)]
struct JsonClosest {
    with: usize,
    similarity: f64,
}

/// What every explanation shows, whatever its format.
struct Explained<'a> {
    candidates: &'a [crate::summary::Candidate],
    sources: &'a [Source],
    /// Body sentences, best-scored first.
    body: Vec<usize>,
}

impl<'a> Explained<'a> {
    fn new(summary: &'a Summary, sources: &'a [Source]) -> Explained<'a> {
        let candidates = summary.candidates();
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
        Explained {
            candidates,
            sources,
            body,
        }
    }

    /// Units that were never candidates (headings, boilerplate), in order.
    fn others(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.candidates.len()).filter(|&i| {
            matches!(
                self.candidates[i].verdict(),
                Verdict::Boilerplate | Verdict::Heading
            )
        })
    }

    /// Candidate `i`'s text as a reader of its report sees it.
    fn text(&self, i: usize) -> std::borrow::Cow<'a, str> {
        let c = &self.candidates[i];
        self.sources
            .get(c.source())
            .map_or(std::borrow::Cow::Borrowed(""), |s| s.read(c.span()))
    }

    /// Candidate `i`'s text on one line, cut at 90 characters.
    fn short(&self, i: usize) -> String {
        shorten(&self.text(i))
    }

    /// Why body sentence `i` was chosen or left out, in words.
    fn why(&self, i: usize) -> String {
        let candidates = self.candidates;
        match candidates[i].verdict() {
            Verdict::Chosen { rank } => format!("chosen #{}", rank + 1),
            Verdict::Redundant { with, similarity } => format!(
                "redundant ({similarity:.2}) with [{}] {}",
                candidates[*with].source() + 1,
                self.short(*with)
            ),
            Verdict::Restates { with, coverage } => format!(
                "restates a claim of [{}] {} (coverage {coverage:.2})",
                candidates[*with].source() + 1,
                self.short(*with)
            ),
            Verdict::Updated { with } => format!(
                "chosen, then updated by [{}] {} (a newer report, another value)",
                candidates[*with].source() + 1,
                self.short(*with)
            ),
            Verdict::OverBudget => "over budget".to_string(),
            Verdict::Dangling => "dangling opener, predecessor not chosen".to_string(),
            Verdict::TooShort => "fragment: too short or unfinished".to_string(),
            Verdict::Copy => "in a syndicated copy of another report".to_string(),
            Verdict::NotReached => "not chosen: lower score when the budget filled".to_string(),
            Verdict::Boilerplate => "boilerplate".to_string(),
            Verdict::Heading => "heading".to_string(),
        }
    }

    /// For a body sentence not chosen and not redundant: the most similar
    /// chosen sentence and their similarity, when above zero.
    fn closest(&self, i: usize) -> Option<(usize, f64)> {
        let c = &self.candidates[i];
        c.closest_chosen()
            .filter(|&(_, sim)| sim > 0.0 && !matches!(c.verdict(), Verdict::Redundant { .. }))
    }
}
