//! The article of a saved news page.
//!
//! [dom_smoothie] (a port of Mozilla's Readability, on html5ever) finds the
//! element that holds the article and reads the page's metadata; this
//! module then walks that element into paragraphs, leaving out what
//! Readability keeps but a reader does not count as the article: figure
//! captions and credits, link lists (related stories, breadcrumbs, tags),
//! bylines and time stamps, share and newsletter prompts.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use crate::{Article, Error, ErrorKind, Tuning};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "figure",
    "figcaption",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "iframe",
    "svg",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "header",
    "menu",
    "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "hr",
    "center",
    "details",
    "summary",
];

/// `class`/`id` words of page furniture that Readability leaves in.
const FURNITURE: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "paywall",
    "popup",
    "modal",
    "caption",
    "credit",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "published",
    "breadcrumb",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "signup",
    "promo",
    "advert",
    "sponsor",
    "tags",
    "comments",
    "copyright",
    "recommend",
    "outbrain",
    "taboola",
];

/// The article of one HTML page (see the module docs).
pub(crate) fn extract(html: &str, tuning: &Tuning) -> Result<Article, Error> {
    if html.len() > tuning.max_html_bytes {
        return Err(Error::new(ErrorKind::TooLarge {
            bytes: html.len(),
            limit: tuning.max_html_bytes,
        }));
    }
    let depth = nesting(html);
    if depth > tuning.max_depth {
        return Err(Error::new(ErrorKind::TooDeep {
            depth,
            limit: tuning.max_depth,
        }));
    }
    let config = Config {
        keep_classes: true,
        max_elements_to_parse: tuning.max_elements,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config))
        .map_err(|e| Error::new(ErrorKind::Html(e.to_string())))?;
    let parsed = match readability.parse() {
        Ok(article) => article,
        Err(dom_smoothie::ReadabilityError::TooManyElements(n, _)) => {
            return Err(Error::new(ErrorKind::TooManyElements {
                limit: tuning.max_elements,
                found: n,
            }));
        }
        Err(_) => {
            return Ok(Article {
                title: title_of(html),
                ..Article::default()
            });
        }
    };
    let content = Document::fragment(parsed.content.as_ref());
    let mut walker = Walker {
        paragraphs: Vec::new(),
        current: String::new(),
        link_chars: 0,
        links: 0,
        in_list: 0,
        tuning,
    };
    walker.walk(content.root());
    walker.flush();
    let title = clean(&parsed.title);
    let mut paragraphs = walker.paragraphs;
    // Readability keeps the headline in the content when it is there; it
    // is the title, not a paragraph of the body.
    if paragraphs
        .first()
        .is_some_and(|p| !title.is_empty() && *p == title)
    {
        paragraphs.remove(0);
    }
    Ok(Article {
        title: (!title.is_empty()).then_some(title),
        date: parsed
            .published_time
            .map(|d| clean(&d))
            .filter(|d| !d.is_empty()),
        author: parsed.byline.map(|a| byline(&a)).filter(|a| !a.is_empty()),
        language: parsed.lang.map(|l| clean(&l)).filter(|l| !l.is_empty()),
        paragraphs,
    })
}

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is text up to their end tag, never tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements that a start tag of the same name closes when one is open
/// (`<p>a<p>b`, `<li>a<li>b`), as the HTML parser does.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "tbody", "thead", "tfoot",
];

/// Elements past which such a sibling is not looked for (a `<li>` in a
/// nested list does not close the outer list's item).
const SCOPES: &[&str] = &[
    "ul", "ol", "dl", "table", "td", "th", "caption", "button", "object", "marquee", "applet",
    "html", "template", "svg", "math", "select",
];

/// How far down the stack of open elements an end tag or a sibling is
/// looked for: mismatched tags in real pages are near the top, and the
/// bound keeps the scan linear however deep the page.
const LOOKBACK: usize = 64;

/// How deep the page's elements nest, by a scan of its bytes that follows
/// the HTML parser's main rules: start tags open elements (void elements
/// and, inside SVG or MathML, self-closed ones do not), end tags close the
/// nearest open element of their name (stray ones are ignored), `<p>`,
/// `<li>`, `<td>` and their like close an open sibling, and the text of
/// `<script>`, `<style>` and their like is skipped. Linear, before any
/// parsing: a parser checks scopes along the stack of open elements at
/// every tag, so 100,000 nested tags would take hours.
fn nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    let is = |name: &str, list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
    let foreign_root =
        |name: &str| name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math");
    // Names as written (their bytes are ASCII, so slicing is safe).
    let mut open: Vec<&str> = Vec::new();
    let mut foreign = 0usize;
    let mut deepest = 0usize;
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += rest
                .windows(3)
                .position(|w| w == b"-->")
                .map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - start);
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[start..start + name_len];
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        i = end;
        if closing {
            let found = open
                .iter()
                .rev()
                .take(LOOKBACK)
                .position(|n| n.eq_ignore_ascii_case(name));
            if let Some(k) = found {
                for closed in open.drain(open.len() - k - 1..) {
                    foreign -= usize::from(foreign_root(closed));
                }
            }
            continue;
        }
        if is(name, VOID) {
            continue;
        }
        if is(name, RAW_TEXT) {
            // Its text runs to its end tag, whatever it holds.
            let close = format!("</{}", name.to_ascii_lowercase());
            i = find_ascii_case_insensitive(&bytes[i..], close.as_bytes())
                .map_or(bytes.len(), |e| i + e);
            continue;
        }
        let self_closed = end > start && bytes[end - 1] == b'/';
        if self_closed && foreign > 0 {
            continue;
        }
        if is(name, SELF_CLOSING_SIBLINGS) {
            let sibling = open
                .iter()
                .rev()
                .take(LOOKBACK)
                .take_while(|n| n.eq_ignore_ascii_case(name) || !is(n, SCOPES))
                .position(|n| n.eq_ignore_ascii_case(name));
            if let Some(k) = sibling {
                open.truncate(open.len() - k - 1);
            }
        }
        foreign += usize::from(foreign_root(name));
        open.push(name);
        deepest = deepest.max(open.len());
    }
    deepest
}

/// Where `needle` (lowercase ASCII) starts in `haystack`, ignoring ASCII
/// case.
fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The `<title>` of a page whose article could not be found.
fn title_of(html: &str) -> Option<String> {
    let doc = Document::from(html);
    let title = clean(&doc.select("title").text());
    (!title.is_empty()).then_some(title)
}

struct Walker<'t> {
    paragraphs: Vec<String>,
    /// The paragraph being read, and how much of it is link text.
    current: String,
    link_chars: usize,
    links: usize,
    /// List items open around the paragraph being read.
    in_list: usize,
    tuning: &'t Tuning,
}

impl Walker<'_> {
    /// Depth-first over `root`'s descendants, without recursion (a page may
    /// nest elements 100,000 deep).
    fn walk(&mut self, root: NodeRef<'_>) {
        // (node, whether it is being left); links count their text.
        let mut stack = vec![(root, false)];
        let mut in_link = 0usize;
        while let Some((node, leaving)) = stack.pop() {
            let name = node.node_name();
            let name = name.as_deref().unwrap_or("");
            if leaving {
                if name == "a" {
                    in_link -= 1;
                }
                if BLOCKS.contains(&name) {
                    self.flush();
                }
                if name == "li" {
                    self.in_list -= 1;
                }
                continue;
            }
            if node.is_text() {
                let text = node.text();
                if in_link > 0 {
                    self.link_chars += text.trim().chars().count();
                }
                self.current.push_str(&text);
                continue;
            }
            if !node.is_element() && node.id != root.id {
                continue;
            }
            if SKIPPED.contains(&name) || is_furniture(&node) {
                continue;
            }
            if name == "br" {
                self.current.push('\n');
                continue;
            }
            if BLOCKS.contains(&name) {
                self.flush();
            }
            if name == "a" {
                in_link += 1;
                self.links += 1;
            }
            if name == "li" {
                self.in_list += 1;
            }
            stack.push((node, true));
            let children: Vec<_> = node.children_it(true).collect();
            stack.extend(children.into_iter().map(|c| (c, false)));
        }
    }

    /// Ends the paragraph being read: kept unless it is mostly link text
    /// in a list or among several links (other stories: one link alone is
    /// the article's, "Get it on Amazon"), or a prompt to the reader.
    fn flush(&mut self) {
        let text = clean(&self.current);
        let total = text.chars().count();
        let link_chars = std::mem::take(&mut self.link_chars);
        let links = std::mem::take(&mut self.links);
        self.current.clear();
        if text.is_empty() {
            return;
        }
        if link_chars as f64 > self.tuning.max_link_share * total as f64
            && (links >= 2 || self.in_list > 0)
        {
            return;
        }
        if is_prompt(&text) {
            return;
        }
        self.paragraphs.push(text);
    }
}

/// Whether an element's `class` or `id` names page furniture.
fn is_furniture(node: &NodeRef<'_>) -> bool {
    let mut names = String::new();
    if let Some(class) = node.class() {
        names.push_str(&class);
    }
    names.push(' ');
    if let Some(id) = node.id_attr() {
        names.push_str(&id);
    }
    names.make_ascii_lowercase();
    names
        .split(|c: char| c.is_whitespace() || c == '_')
        .any(|word| {
            FURNITURE.iter().any(|f| {
                word == *f
                    || word.starts_with(&format!("{f}-"))
                    || word.ends_with(&format!("-{f}"))
                    || word.contains(&format!("-{f}-"))
            })
        })
}

/// A short line that asks the reader to do something, or names a list of
/// other stories, rather than reporting.
fn is_prompt(text: &str) -> bool {
    const PROMPTS: &[&str] = &[
        "you may also like",
        "more from",
        "related",
        "read more",
        "subscribe",
        "sign up",
        "advertisement",
        "share this",
        "follow us",
        "loading",
        "posted:",
        "updated:",
        "published",
        "image:",
        "photo:",
        "credit:",
        "copyright",
    ];
    /// Notices of the site, wherever they stand in a short paragraph.
    const NOTICES: &[&str] = &[
        "all rights reserved",
        "use cookies",
        "uses cookies",
        "cookie policy",
        "privacy policy",
        "terms of use",
        "terms of service",
    ];
    if text.split_whitespace().nth(25).is_some() {
        return false;
    }
    let lower = text.to_lowercase();
    NOTICES.iter().any(|n| lower.contains(n))
        || (text.split_whitespace().nth(12).is_none()
            && PROMPTS.iter().any(|p| lower.starts_with(p)))
}

/// A byline without its "By".
fn byline(text: &str) -> String {
    let text = clean(text);
    match text.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => text[3..].trim_start().to_string(),
        _ => text,
    }
}

/// White space collapsed to single spaces, ends trimmed.
pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
