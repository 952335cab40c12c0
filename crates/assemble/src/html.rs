//! The HTML report: the summary beside the full text of every report, in
//! which each citation marker links to the cited sentence in its context.
//!
//! The page is one self-contained file: inline CSS and a little plain
//! JavaScript, no network requests (a Content-Security-Policy forbids
//! them). Without JavaScript every link still works and `:target` shows the
//! cited sentence; the script adds highlighting on keyboard focus and of all
//! supporting sentences while the pointer is over a summary sentence.
//!
//! Ids: summary sentences are `sum-1`, `sum-2`, …; reports `report-1`, …;
//! a cited sentence `s{report}-{start}`, its report's number (1-based, as
//! shown on the markers) and the byte offset where it starts; so is a
//! sentence that gives another value for a summary sentence's claim, which
//! the ⚠ mark under that summary sentence links to.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use crate::source::Source;
use crate::summary::{Summary, Verdict};
use crate::text::collapse_whitespace;

/// A self-contained HTML page: the summary, each sentence with its citation
/// markers and corroboration, and the full text of every report with every
/// unit in place (headings as headings, boilerplate dimmed), the cited
/// sentences linked both ways. `sources` are the reports the summary was
/// made from, for their text. All text is HTML-escaped.
pub fn html(summary: &Summary, sources: &[Source]) -> String {
    let page = Page::new(summary, sources);
    let mut out = String::with_capacity(64 * 1024);
    let n = summary.sources().len();
    let title = format!("Summary of {n} report{}", if n == 1 { "" } else { "s" });
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
    );
    let _ = writeln!(out, "<meta name=\"generator\" content=\"multisum\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    out.push_str("<a class=\"skip\" href=\"#reports\">Skip to the reports</a>\n");
    // The header heads the summary's column, which stays put beside the
    // reports on wide screens.
    out.push_str("<main>\n<div class=\"side\">\n");
    let _ = writeln!(out, "<header class=\"top\">\n<h1>{}</h1>", escape(&title));
    out.push_str(
        "<p class=\"lede\">Every sentence of the summary is copied word for word from a \
         report. The numbers after it are the reports that state it: each links to the \
         sentence in its report, highlighted. <span class=\"legend cited\">Cited \
         sentences</span> carry links (↑) back to the summary; <span class=\"legend \
         boilerplate\">boilerplate</span> is dimmed. A ⚠ line under a sentence lists the \
         other values reports give for its claim, each linking to its sentence.</p>\n\
         </header>\n",
    );
    page.summary(&mut out);
    page.reports(&mut out);
    out.push_str("</main>\n");
    let _ = writeln!(out, "<script>{JS}</script>\n</body>\n</html>");
    out
}

/// What a unit of a report is, for rendering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Body,
    Heading,
    Boilerplate,
}

/// A run of a report's text: a heading, or a paragraph of units.
#[derive(Debug, PartialEq, Eq)]
enum Block {
    Heading(Range<usize>),
    Para(Vec<Piece>),
}

#[derive(Debug, PartialEq, Eq)]
enum Piece {
    /// A unit of the report.
    Unit(Range<usize>, Kind),
    /// Text between units that is not white space (not expected, kept).
    Text(Range<usize>),
    /// White space between two pieces of one paragraph.
    Space,
}

struct Page<'a> {
    summary: &'a Summary,
    sources: &'a [Source],
    /// Each report's units, in text order, that can be rendered (their span
    /// slices the text, and they do not overlap).
    units: Vec<Vec<(Range<usize>, Kind)>>,
    /// `(report, start, end)` of a cited sentence → the summary sentences
    /// (0-based) citing it, in order.
    cited_by: BTreeMap<(usize, usize, usize), Vec<usize>>,
    /// The same for sentences that give another value for a summary
    /// sentence's claim.
    differing_for: BTreeMap<(usize, usize, usize), Vec<usize>>,
}

impl<'a> Page<'a> {
    fn new(summary: &'a Summary, sources: &'a [Source]) -> Page<'a> {
        let mut units = vec![Vec::new(); summary.sources().len()];
        for c in summary.candidates() {
            let Some(list) = units.get_mut(c.source()) else {
                continue;
            };
            let span = c.span();
            let fits = sources
                .get(c.source())
                .is_some_and(|s| s.text().get(span.clone()).is_some());
            let after = list
                .last()
                .is_none_or(|(last, _): &(Range<usize>, Kind)| last.end <= span.start);
            if !fits || !after || span.is_empty() {
                continue;
            }
            let kind = match c.verdict() {
                Verdict::Heading => Kind::Heading,
                Verdict::Boilerplate => Kind::Boilerplate,
                _ => Kind::Body,
            };
            list.push((span, kind));
        }
        let mut cited_by: BTreeMap<_, Vec<usize>> = BTreeMap::new();
        for (k, s) in summary.sentences().iter().enumerate() {
            for c in s.citations() {
                let by = cited_by
                    .entry((c.source(), c.span().start, c.span().end))
                    .or_default();
                if by.last() != Some(&k) {
                    by.push(k);
                }
            }
        }
        let mut differing_for: BTreeMap<_, Vec<usize>> = BTreeMap::new();
        for (k, s) in summary.sentences().iter().enumerate() {
            for d in s.disagreements() {
                let of = differing_for
                    .entry((d.source(), d.span().start, d.span().end))
                    .or_default();
                if of.last() != Some(&k) {
                    of.push(k);
                }
            }
        }
        Page {
            summary,
            sources,
            units,
            cited_by,
            differing_for,
        }
    }

    fn text(&self, source: usize) -> &'a str {
        self.sources.get(source).map_or("", |s| s.text())
    }

    /// The element id a citation of `span` in `source` links to: the
    /// sentence if it is rendered as a unit, else the whole report.
    fn target(&self, source: usize, span: &Range<usize>) -> String {
        let rendered = self.units.get(source).is_some_and(|units| {
            units
                .binary_search_by(|(u, _)| u.start.cmp(&span.start))
                .is_ok_and(|i| units[i].0 == *span)
        });
        if rendered {
            format!("s{}-{}", source + 1, span.start)
        } else {
            format!("report-{}", source + 1)
        }
    }

    fn summary(&self, out: &mut String) {
        let infos = self.summary.sources();
        out.push_str(
            "<section id=\"summary\" aria-labelledby=\"summary-h\">\n\
             <h2 id=\"summary-h\">Summary</h2>\n",
        );
        if self.summary.sentences().is_empty() {
            out.push_str("<p>No sentence was selected.</p>\n");
        } else {
            out.push_str("<ol class=\"summary\">\n");
        }
        for (k, s) in self.summary.sentences().iter().enumerate() {
            let targets: Vec<String> = s
                .citations()
                .iter()
                .map(|c| self.target(c.source(), &c.span()))
                .collect();
            let _ = write!(
                out,
                "<li id=\"sum-{}\" data-cites=\"{}\"><span class=\"text\">{}</span> \
                 <span class=\"cites\">",
                k + 1,
                targets.join(" "),
                escape(&collapse_whitespace(s.text()))
            );
            for (c, target) in s.citations().iter().zip(&targets) {
                let n = c.source() + 1;
                let id = infos.get(c.source()).map_or("", |i| i.id());
                let origin = c.source() == s.source() && c.span() == s.span();
                let quoted = self
                    .text(c.source())
                    .get(c.span())
                    .map(|t| preview(&collapse_whitespace(t)))
                    .unwrap_or_default();
                let (class, verb) = if origin {
                    ("cite origin", "quoted from")
                } else {
                    ("cite", "stated in")
                };
                // What the cited sentence states of this one, on hover.
                let states = c
                    .evidence()
                    .and_then(|e| {
                        let claim = self.text(s.source()).get(e.claim())?;
                        Some(format!(
                            " — states “{}” (coverage {:.2})",
                            preview(&collapse_whitespace(claim)),
                            e.coverage()
                        ))
                    })
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<sup><a class=\"{class}\" href=\"#{target}\" aria-label=\"{verb} report \
                     {n}: {}\" title=\"[{n}] {}: “{}”{}\">{n}</a></sup>",
                    escape(id),
                    escape(id),
                    escape(&quoted),
                    escape(&states)
                );
            }
            let _ = write!(
                out,
                "</span> <span class=\"corr\">stated by {} of {} reports</span>",
                s.corroboration(),
                infos.len()
            );
            // Other values for its claim: a mark, each value linking to the
            // sentence that gives it.
            let lines = s.differing();
            if !lines.is_empty() {
                out.push_str(
                    "<span class=\"differs\" role=\"note\"><span aria-hidden=\"true\">⚠</span> ",
                );
                for (n, (relation, phrase, reports)) in lines.iter().enumerate() {
                    if n > 0 {
                        out.push_str("; ");
                    }
                    let _ = write!(out, "{relation}: ");
                    for (m, &r) in reports.iter().enumerate() {
                        let Some(d) = s
                            .disagreements()
                            .iter()
                            .find(|d| d.source() == r && d.phrase() == *phrase)
                        else {
                            continue;
                        };
                        let target = self.target(r, &d.span());
                        let said = self
                            .text(r)
                            .get(d.span())
                            .map(|t| preview(&collapse_whitespace(t)))
                            .unwrap_or_default();
                        let _ = write!(
                            out,
                            "{}<a class=\"differ\" href=\"#{target}\" title=\"[{}] “{}”: {} for “{}”\">{}&nbsp;[{}]</a>",
                            if m > 0 { ", " } else { "" },
                            r + 1,
                            escape(&said),
                            escape(d.value()),
                            escape(d.ours()),
                            escape(phrase),
                            r + 1
                        );
                    }
                }
                out.push_str("</span>");
            }
            out.push_str("</li>\n");
        }
        if !self.summary.sentences().is_empty() {
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");
        out.push_str(
            "<nav aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Reports</h2>\n\
             <ol class=\"sources\">\n",
        );
        for (i, info) in infos.iter().enumerate() {
            let _ = write!(
                out,
                "<li><a href=\"#report-{}\">{}</a>",
                i + 1,
                escape(info.id())
            );
            if let Some(title) = info.title() {
                let _ = write!(out, " — {}", escape(title));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</nav>\n</div>\n");
    }

    fn reports(&self, out: &mut String) {
        out.push_str(
            "<section id=\"reports\" aria-labelledby=\"reports-h\">\n\
             <h2 id=\"reports-h\">The reports in full</h2>\n",
        );
        for (i, info) in self.summary.sources().iter().enumerate() {
            let n = i + 1;
            let text = self.text(i);
            let _ = writeln!(
                out,
                "<article id=\"report-{n}\" aria-labelledby=\"report-{n}-h\">\n\
                 <h3 id=\"report-{n}-h\"><span class=\"num\">{n}</span> {}</h3>",
                escape(info.id())
            );
            let blocks = blocks(text, &self.units[i]);
            // The title, unless it is the report's own headline shown below.
            let title = info.title().filter(|t| {
                !blocks.iter().any(|b| {
                    matches!(b, Block::Heading(span) if collapse_whitespace(&text[span.clone()]) == *t)
                })
            });
            let reading = info.reading().join(", ");
            if title.is_some() || info.path().is_some() || !reading.is_empty() {
                out.push_str("<p class=\"meta\">");
                if let Some(title) = title {
                    let _ = write!(out, "<span class=\"title\">{}</span>", escape(title));
                }
                if let Some(path) = info.path() {
                    if title.is_some() {
                        out.push(' ');
                    }
                    let _ = write!(out, "<span class=\"path\">{}</span>", escape(path));
                }
                // What the text below is, when it is not the file as it is.
                if !reading.is_empty() {
                    let _ = write!(out, " <span class=\"reading\">{}</span>", escape(&reading));
                }
                out.push_str("</p>\n");
            }
            for block in &blocks {
                match block {
                    Block::Heading(span) => {
                        let _ = writeln!(
                            out,
                            "<h4 class=\"heading\">{}</h4>",
                            escape(&text[span.clone()])
                        );
                    }
                    Block::Para(pieces) => self.paragraph(i, text, pieces, out),
                }
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }

    fn paragraph(&self, source: usize, text: &str, pieces: &[Piece], out: &mut String) {
        let only_boilerplate = pieces
            .iter()
            .all(|p| matches!(p, Piece::Unit(_, Kind::Boilerplate) | Piece::Space));
        out.push_str(if only_boilerplate {
            "<p class=\"boilerplate-para\">"
        } else {
            "<p>"
        });
        for piece in pieces {
            match piece {
                Piece::Space => out.push(' '),
                Piece::Text(span) => out.push_str(&escape(&text[span.clone()])),
                Piece::Unit(span, Kind::Boilerplate) => {
                    let _ = write!(
                        out,
                        "<span class=\"boilerplate\"><span class=\"vh\">Boilerplate: \
                         </span>{}</span>",
                        escape(&text[span.clone()])
                    );
                }
                Piece::Unit(span, _) => {
                    let key = (source, span.start, span.end);
                    let Some(by) = self.cited_by.get(&key) else {
                        match self.differing_for.get(&key) {
                            Some(of) => self.differing(source, span, of, text, out),
                            None => out.push_str(&escape(&text[span.clone()])),
                        }
                        continue;
                    };
                    let by_ids: Vec<String> = by.iter().map(|k| format!("sum-{}", k + 1)).collect();
                    let _ = write!(
                        out,
                        "<span class=\"cited\" id=\"s{}-{}\" data-by=\"{}\">{}<span \
                         class=\"backs\">",
                        source + 1,
                        span.start,
                        by_ids.join(" "),
                        escape(&text[span.clone()])
                    );
                    for k in by {
                        let _ = write!(
                            out,
                            " <a class=\"back\" href=\"#sum-{0}\" aria-label=\"back to \
                             summary sentence {0}\">↑{0}</a>",
                            k + 1
                        );
                    }
                    for k in self.differing_for.get(&key).into_iter().flatten() {
                        back_to_differing(*k, out);
                    }
                    out.push_str("</span></span>");
                }
            }
        }
        out.push_str("</p>\n");
    }
}

impl Page<'_> {
    /// A sentence that gives another value for the claims of summary
    /// sentences `of` (0-based): marked, with links back to them.
    fn differing(
        &self,
        source: usize,
        span: &Range<usize>,
        of: &[usize],
        text: &str,
        out: &mut String,
    ) {
        let _ = write!(
            out,
            "<span class=\"differing\" id=\"s{}-{}\"><span class=\"vh\">Gives another \
             value: </span>{}<span class=\"backs\">",
            source + 1,
            span.start,
            escape(&text[span.clone()])
        );
        for &k in of {
            back_to_differing(k, out);
        }
        out.push_str("</span></span>");
    }
}

/// A link back from a sentence that gives another value to summary
/// sentence `k` (0-based).
fn back_to_differing(k: usize, out: &mut String) {
    let _ = write!(
        out,
        " <a class=\"back\" href=\"#sum-{0}\" aria-label=\"back to summary sentence {0}, \
         which gives another value\">↑{0}</a>",
        k + 1
    );
}

/// Cuts a report's text into headings and paragraphs of units. Units of one
/// paragraph are consecutive; a line break between two units (or a blank
/// line) separates paragraphs. Text outside every unit is kept as it is.
fn blocks(text: &str, units: &[(Range<usize>, Kind)]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para = Vec::new();
    let mut cursor = 0;
    for (span, kind) in units {
        gap(text, cursor..span.start, &mut para, &mut blocks);
        if *kind == Kind::Heading {
            end_paragraph(&mut para, &mut blocks);
            blocks.push(Block::Heading(span.clone()));
        } else {
            para.push(Piece::Unit(span.clone(), *kind));
        }
        cursor = span.end;
    }
    gap(text, cursor..text.len(), &mut para, &mut blocks);
    end_paragraph(&mut para, &mut blocks);
    blocks
}

/// The text between two units: line breaks end the paragraph, other white
/// space becomes one space, anything else is kept as text.
fn gap(text: &str, range: Range<usize>, para: &mut Vec<Piece>, blocks: &mut Vec<Block>) {
    let mut start = range.start;
    for (k, line) in text[range].split('\n').enumerate() {
        if k > 0 {
            end_paragraph(para, blocks);
        }
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if body.is_empty() {
            if !line.is_empty() {
                space(para);
            }
        } else {
            if lead > 0 {
                space(para);
            }
            para.push(Piece::Text(start + lead..start + lead + body.len()));
            if line.len() > lead + body.len() {
                space(para);
            }
        }
        start += line.len() + 1;
    }
}

fn space(para: &mut Vec<Piece>) {
    if para.last().is_some_and(|p| *p != Piece::Space) {
        para.push(Piece::Space);
    }
}

fn end_paragraph(para: &mut Vec<Piece>, blocks: &mut Vec<Block>) {
    if para.last() == Some(&Piece::Space) {
        para.pop();
    }
    if !para.is_empty() {
        blocks.push(Block::Para(std::mem::take(para)));
    }
}

/// At most 140 characters of `text`, with an ellipsis if cut.
fn preview(text: &str) -> String {
    match text.char_indices().nth(140) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r##"
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #575757; --link: #0a53be;
  --panel: #f4f6f8; --border: #c5ccd3;
  --cited: #eef2f7; --cited-line: #7d8793;
  --support: #d3e3fd; --support-line: #0a53be;
  --active: #ffe58f; --active-line: #8a5a00;
  --focus: #c2410c; --differs: #9a3412;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14161a; --fg: #e8e8e8; --muted: #a9aeb5; --link: #8ab4f8;
    --panel: #1e2228; --border: #454b54;
    --cited: #1f242b; --cited-line: #7d8793;
    --support: #203a5f; --support-line: #8ab4f8;
    --active: #463700; --active-line: #ffd54f;
    --focus: #ff9e66; --differs: #fdba74;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 96rem; padding: 0 1rem 2rem;
  background: var(--bg); color: var(--fg);
  font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin-top: .5rem; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.top h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .25rem; }
#reports > h2 { margin-top: 1.3rem; }
.lede { margin: 0 0 1rem; color: var(--muted); max-width: 60rem; }
.legend { padding: 0 .2em; }
h2 { font-size: 1.25rem; margin: 1rem 0 .5rem; }
ol.summary { padding-left: 1.6rem; margin: 0; }
ol.summary > li {
  padding: .35rem .5rem; margin: 0 0 .4rem; border-radius: 6px; border: 1px solid transparent;
  scroll-margin: 1.5rem 0;
}
ol.summary > li.is-hover, ol.summary > li.is-citing { background: var(--panel); border-color: var(--border); }
ol.summary > li:target { background: var(--active); border-color: var(--active-line); }
.cites { white-space: nowrap; }
sup { vertical-align: baseline; font-size: inherit; line-height: 0; }
a.cite {
  display: inline-block; min-width: 1.6rem; padding: 0 .3rem; margin: 0 .08rem;
  font-size: .85rem; line-height: 1.5rem; font-weight: 600; text-align: center;
  text-decoration: none; border: 1px solid var(--border); border-radius: .45rem;
  background: var(--panel);
}
a.cite.origin { border-color: var(--link); }
a.cite:hover { text-decoration: underline; }
.corr { font-size: .8rem; color: var(--muted); white-space: nowrap; }
ol.sources { padding-left: 1.6rem; margin: 0; font-size: .9rem; }
ol.sources li { margin-bottom: .25rem; }
article { border-top: 1px solid var(--border); padding: .25rem 0 1rem; }
article h3 {
  font-size: 1.1rem; margin: .75rem 0 .1rem; padding: .25rem 0;
  position: sticky; top: 0; z-index: 1; background: var(--bg);
  border-bottom: 1px solid var(--border);
}
.num {
  display: inline-block; min-width: 1.6rem; padding: 0 .3rem; margin-right: .3rem;
  text-align: center; border-radius: .45rem; background: var(--fg); color: var(--bg);
}
.meta { margin: 0 0 .5rem; font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.meta .title { font-style: italic; }
h4.heading { font-size: 1.15rem; line-height: 1.3; margin: .9rem 0 .4rem; }
article p { margin: 0 0 .75rem; }
.boilerplate { color: var(--muted); font-style: italic; font-size: .9em; }
p.boilerplate-para { border-left: 3px dashed var(--border); padding-left: .6rem; }
.legend.boilerplate { font-size: 1em; }
.cited {
  background: var(--cited); border-bottom: 2px dotted var(--cited-line);
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
  scroll-margin: 30vh 0;
}
.cited.is-support {
  background: var(--support); border-bottom: 2px solid var(--support-line);
  box-shadow: 0 0 0 1px var(--support-line);
}
.cited.is-active, html:not(.js) .cited:target {
  background: var(--active); border-bottom: 2px solid var(--active-line);
  box-shadow: 0 0 0 2px var(--active-line);
}
.differs { display: block; font-size: .85rem; color: var(--differs); margin-top: .15rem; }
.differs a.differ { color: inherit; }
.differing { border-bottom: 2px dashed var(--differs); scroll-margin: 30vh 0; }
.differing:target { background: var(--active); }
a.back { font-size: .8rem; font-weight: 600; text-decoration: none; padding: 0 .15rem; white-space: nowrap; }
a.back:hover { text-decoration: underline; }
@media (min-width: 60em) {
  main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 2.5rem; align-items: start; }
  .side { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-right: .5rem; }
}
@media print {
  .side { position: static; max-height: none; }
  .cited { box-shadow: none; }
}
"##;

const JS: &str = r##"
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var wide = window.matchMedia("(min-width: 60em)");
  function byIds(list) {
    return (list || "").split(" ").map(function (id) {
      return id && document.getElementById(id);
    }).filter(Boolean);
  }
  function targetOf(a) {
    var href = a.getAttribute("href") || "";
    return href.charAt(0) === "#" ? document.getElementById(href.slice(1)) : null;
  }
  var active = null;
  function activate(el, scroll) {
    if (active) active.classList.remove("is-active");
    active = el && el.classList.contains("cited") ? el : null;
    if (!active) return;
    active.classList.add("is-active");
    if (scroll) active.scrollIntoView({ block: "center" });
  }
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    activate(id ? document.getElementById(id) : null, false);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.cite");
    if (a) activate(targetOf(a), false);
  });
  /* Focusing a marker from the keyboard shows its sentence; beside the
     summary (wide screens) it is also scrolled into view, as the summary
     stays put. (Not on a mouse press: the marker would move under it.) */
  document.addEventListener("focusin", function (e) {
    var a = e.target.closest && e.target.closest("a.cite");
    if (a && a.matches(":focus-visible")) activate(targetOf(a), wide.matches);
  });
  function hover(el, attr, cls) {
    el.addEventListener("mouseenter", function () {
      byIds(el.getAttribute(attr)).forEach(function (t) { t.classList.add(cls); });
      if (cls === "is-support") el.classList.add("is-hover");
    });
    el.addEventListener("mouseleave", function () {
      byIds(el.getAttribute(attr)).forEach(function (t) { t.classList.remove(cls); });
      el.classList.remove("is-hover");
    });
  }
  document.querySelectorAll("#summary li[data-cites]").forEach(function (li) {
    hover(li, "data-cites", "is-support");
  });
  document.querySelectorAll(".cited[data-by]").forEach(function (s) {
    hover(s, "data-by", "is-citing");
  });
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Budget, Config, Summarizer};

    fn render(sources: &[Source]) -> String {
        let config = Config::new().budget(Budget::Sentences(2));
        let summary = Summarizer::new(config)
            .summarize(sources)
            .expect("summarizes");
        html(&summary, sources)
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        let check = |input: &str, expected: &str| assert_eq!(escape(input), expected);
        check("plain", "plain");
        check(
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        check("a & b", "a &amp; b");
        check(r#"" onmouseover='x'"#, "&quot; onmouseover=&#39;x&#39;");
        check("“curly” ok", "“curly” ok");
    }

    /// Issue 9: a report containing markup renders as text.
    #[test]
    fn issue_9_script_in_a_report_is_text() {
        let sources = [
            Source::new(
                "a\"><script>alert(2)</script>",
                "Envoys flew to Moscow for ceasefire talks <script>alert(1)</script> on \
                 Tuesday. The weather in Moscow was cold and grey all week long.",
            )
            .with_title("<img src=x onerror=alert(3)>")
            .with_path("<b>path</b>"),
            Source::new(
                "b",
                "On Tuesday envoys flew to Moscow for talks on a ceasefire. Markets rose \
                 sharply in Asia on hopes of a deal.",
            ),
        ];
        let out = render(&sources);
        assert_eq!(out.matches("<script").count(), 1, "only ours:\n{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.contains("a&quot;&gt;&lt;script&gt;alert(2)"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(3)&gt;"), "{out}");
    }

    fn check_blocks(text: &str, units: &[(Range<usize>, Kind)], expected: &[&str]) {
        let shown: Vec<String> = blocks(text, units)
            .iter()
            .map(|b| match b {
                Block::Heading(s) => format!("# {}", &text[s.clone()]),
                Block::Para(pieces) => pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Unit(s, Kind::Boilerplate) => format!("({})", &text[s.clone()]),
                        Piece::Unit(s, _) => format!("[{}]", &text[s.clone()]),
                        Piece::Text(s) => format!("{{{}}}", &text[s.clone()]),
                        Piece::Space => "_".to_string(),
                    })
                    .collect(),
            })
            .collect();
        assert_eq!(shown, expected, "{text:?}");
    }

    #[test]
    fn paragraphs_follow_line_breaks() {
        use Kind::*;
        check_blocks("A. B.", &[(0..2, Body), (3..5, Body)], &["[A.]_[B.]"]);
        check_blocks("A.B.", &[(0..2, Body), (2..4, Body)], &["[A.][B.]"]);
        check_blocks("A.\nB.", &[(0..2, Body), (3..5, Body)], &["[A.]", "[B.]"]);
        check_blocks(
            "Head\n\n  A. B.\n\nx",
            &[
                (0..4, Heading),
                (8..10, Body),
                (11..13, Body),
                (15..16, Boilerplate),
            ],
            &["# Head", "[A.]_[B.]", "(x)"],
        );
        check_blocks(
            "A. stray B.",
            &[(0..2, Body), (9..11, Body)],
            &["[A.]_{stray}_[B.]"],
        );
        check_blocks("no units\nat all\n", &[], &["{no units}", "{at all}"]);
        check_blocks("", &[], &[]);
    }

    #[test]
    fn every_marker_links_to_a_sentence_that_links_back() {
        let sources = [
            Source::new(
                "a",
                "Talks\n\nEnvoys flew to Moscow for ceasefire talks on Tuesday. The weather \
                 in Moscow was cold.\nSee also: other news",
            ),
            Source::new(
                "b",
                "On Tuesday envoys flew to Moscow for talks on a ceasefire. Markets rose \
                 sharply in Asia.",
            ),
        ];
        let out = render(&sources);
        let mut markers = 0;
        for li in out.split("<li id=\"sum-").skip(1) {
            let k = li.split('"').next().unwrap();
            let li = li.split("</li>").next().unwrap();
            for a in li.split("<a class=\"cite").skip(1) {
                markers += 1;
                let target = a
                    .split("href=\"#")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let at = out
                    .find(&format!("id=\"{target}\""))
                    .unwrap_or_else(|| panic!("no #{target}"));
                let sentence = out[at..].split("</span></span>").next().unwrap();
                assert!(
                    sentence.contains(&format!("href=\"#sum-{k}\"")),
                    "{sentence}"
                );
            }
        }
        assert!(markers >= 2, "{out}");
    }
}
