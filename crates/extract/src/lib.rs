//! What multisum reads from the files people save: the article of a news
//! page, and Markdown as the text it renders to.
//!
//! - [`html`] extracts a page's article: its paragraphs, headline,
//!   publication date, author and language, leaving out navigation,
//!   menus, cookie banners, ads, comments, captions and related-link
//!   lists. [`Article::text`] is the text a summarizer reads; spans into a
//!   summary of it index that text, not the page.
//! - [`markdown`] reads CommonMark: headings, paragraphs and list items
//!   keep their words, while marks, link targets, code blocks and raw HTML
//!   are blanked to spaces, so the text has the file's length and spans
//!   index the file byte for byte.
//!
//! No I/O and no panics, for any input: a page past [`Tuning`]'s limits is
//! an [`Error`], a page with no article an [`Article`] without paragraphs.
//!
//! ```
//! let page = r#"<html><head><title>Talks resume | Daily Courier</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Talks resume</h1>
//!     <p>Negotiators met in Geneva on Monday to resume talks on a ceasefire, officials said.</p>
//!     <p>The talks are expected to last three days, according to the mediators.</p>
//!   </article>
//!   <footer>&copy; 2025 Daily Courier</footer></body></html>"#;
//! let article = multisum_extract::html(page, &multisum_extract::Tuning::default())?;
//! assert_eq!(article.paragraphs().len(), 2);
//! assert!(article.text().contains("Negotiators met in Geneva"));
//! assert!(!article.body().contains("Daily Courier"));
//!
//! let file = "# Talks resume\n\nThey met in **Geneva**.\n";
//! let md = multisum_extract::markdown(file);
//! assert_eq!(md.text(), "  Talks resume\n\nThey met in   Geneva  .\n");
//! assert_eq!(md.blanked(), [0..2, 28..30, 36..38]);
//! # Ok::<(), multisum_extract::Error>(())
//! ```

#![deny(missing_docs)]

use std::fmt;
use std::ops::Range;

mod html;
mod markdown;

/// Limits and thresholds of extraction, in one place.
#[non_exhaustive]
#[derive(Clone, Debug)]
pub struct Tuning {
    /// The largest page read, in bytes (default 64 MiB, the CLI's limit
    /// for any report).
    pub max_html_bytes: usize,
    /// The most elements a page may have (default 500,000; 0 for no
    /// limit). Pages of news have a few thousand.
    pub max_elements: usize,
    /// The deepest nesting of tags read (default 2,000; news pages nest a
    /// few dozen deep). Deeper pages are refused before parsing.
    pub max_depth: usize,
    /// A paragraph whose text is more than this share link text is a list
    /// of other pages, not the article (default 0.5: measured on the
    /// article-extraction pages, `docs/extraction.md`).
    pub max_link_share: f64,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            max_html_bytes: 64 << 20,
            max_elements: 500_000,
            max_depth: 2_000,
            max_link_share: 0.5,
        }
    }
}

/// The article of a page, as [`html`] reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    language: Option<String>,
    paragraphs: Vec<String>,
}

impl Article {
    /// The headline: `og:title`, JSON-LD or `<title>` (without the site's
    /// name), else the first `<h1>`.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The publication date as the page gives it (`article:published_time`,
    /// JSON-LD `datePublished`), unparsed.
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The author (byline), where the page names one.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// The page's declared language (`<html lang>`), unparsed.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The article's paragraphs, white space collapsed; empty when the page
    /// has no article (a login form, an error page).
    pub fn paragraphs(&self) -> &[String] {
        &self.paragraphs
    }

    /// The article's body: its paragraphs, separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The text a summarizer reads: the headline, a blank line, then the
    /// body.
    pub fn text(&self) -> String {
        match &self.title {
            Some(title) if !self.paragraphs.is_empty() => format!("{title}\n\n{}\n", self.body()),
            Some(title) => format!("{title}\n"),
            None if self.paragraphs.is_empty() => String::new(),
            None => format!("{}\n", self.body()),
        }
    }
}

/// Markdown as [`markdown`] reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markdown {
    text: String,
    blanked: Vec<Range<usize>>,
    title: Option<String>,
    date: Option<String>,
}

impl Markdown {
    /// The file's text with its markup blanked to spaces: the same length,
    /// every word where it was.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte ranges of markup that were blanked, in order, none across
    /// a line end.
    pub fn blanked(&self) -> &[Range<usize>] {
        &self.blanked
    }

    /// `title` of the front matter (YAML `---` or TOML `+++`).
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// `date` of the front matter, unparsed.
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }
}

/// The article of an HTML page (see the crate docs).
///
/// # Errors
/// A page larger than [`Tuning::max_html_bytes`] or with more elements
/// than [`Tuning::max_elements`]. A page with no article is not an error:
/// its [`Article`] has no paragraphs.
pub fn html(page: &str, tuning: &Tuning) -> Result<Article, Error> {
    html::extract(page, tuning)
}

/// Markdown read as CommonMark (see the crate docs). Never fails.
pub fn markdown(text: &str) -> Markdown {
    markdown::read(text)
}

/// Why a page could not be read.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    TooLarge { bytes: usize, limit: usize },
    TooManyElements { limit: usize, found: usize },
    TooDeep { depth: usize, limit: usize },
    Html(String),
}

impl Error {
    fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::TooLarge { bytes, limit } => {
                write!(f, "the page has {bytes} bytes, more than the {limit} read")
            }
            ErrorKind::TooManyElements { limit, found } => write!(
                f,
                "the page has {found} elements, more than the {limit} read"
            ),
            ErrorKind::TooDeep { depth, limit } => write!(
                f,
                "the page nests tags {depth} deep, more than the {limit} read"
            ),
            ErrorKind::Html(why) => write!(f, "cannot read the page: {why}"),
        }
    }
}

impl std::error::Error for Error {}
