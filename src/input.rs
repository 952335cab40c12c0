//! Reading reports from files, folders, manifests and standard input, and
//! saying on standard error what in them could not be summarised.
//!
//! What is read and what is refused is the table "Input and errors" in the
//! README; `tests/bad_input.rs` checks every row of it. In short:
//!
//! - What a file is comes from its extension (`--input-format` for
//!   standard input, or to override): `.html`/`.htm` pages are read for
//!   their article (`multisum-extract`; spans index the extracted text),
//!   `.md`/`.markdown` as CommonMark with the markup blanked (spans index
//!   the file byte for byte), anything else as plain text.
//! - UTF-8 text is read as is. A UTF-8 byte-order mark is kept out of every
//!   unit (its 3 bytes become spaces), so spans still index the file byte
//!   for byte.
//! - UTF-16 with a byte-order mark is decoded; its spans then index the
//!   UTF-8 text, and a warning says so.
//! - Text that is not UTF-8 is decoded from the legacy encoding it is most
//!   likely in, as browsers guess it (chardetng, encoding_rs), with a
//!   warning naming the encoding; `--encoding NAME` forces one. Spans then
//!   index the decoded text.
//! - NUL bytes (binary files, UTF-16 without a mark) are errors naming the
//!   file and the byte offset, unless `--lossy`: they are then read as
//!   text, and invalid UTF-8 is replaced by U+FFFD instead of decoded
//!   (spans index the repaired text).
//! - Reports above [`MAX_INPUT`] bytes are refused, so that a device or an
//!   endless pipe cannot exhaust memory.
//! - An empty or blank report, or one that is all headlines and
//!   boilerplate, is summarised with the others, with a warning naming it.
//! - A manifest names files inside its own folder only: an absolute path,
//!   a `..` or a link that leads out of the folder is an error naming the
//!   manifest and the entry. A folder's links that lead outside it are not
//!   followed (a warning names them), as ripgrep and fd do.
//! - Dates (manifest `date`, batch `date`) are ISO 8601, kept in one form
//!   that sorts as time does; any other value is ignored with a warning
//!   naming it. A plain-text file without one is dated by its dateline, if
//!   it opens with one ([`dateline`]); a batch document by its `date`
//!   only.

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use encoding_rs::Encoding;
use multisum_assemble::{Format, Source, Summary, Verdict};
use serde::Deserialize;

/// The name of a folder's optional manifest.
const MANIFEST: &str = "manifest.toml";

/// The largest report read, in bytes (64 MiB). Summarising takes about 30
/// bytes of memory per byte of text, so this keeps a run within 2 GB.
pub const MAX_INPUT: u64 = 64 << 20;

/// The encoding named for text read with `--lossy`: spans index the
/// repaired text, as for decoded text.
const REPAIRED: &str = "UTF-8, invalid bytes replaced by U+FFFD";

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How inputs are read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Replace invalid UTF-8 (and unpaired UTF-16 surrogates) with U+FFFD,
    /// and read files with NUL bytes as text, instead of refusing them.
    pub lossy: bool,
    /// Decode every input from this encoding instead of guessing.
    pub encoding: Option<&'static Encoding>,
    /// Read every input as this kind of file, whatever its extension
    /// (standard input is text unless given).
    pub format: Option<Format>,
}

/// The extensions of files read from a folder, and what each is.
const KINDS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("html", Format::Html),
    ("htm", Format::Html),
];

/// What a file is, by its extension: text unless named otherwise.
fn format_of(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?;
    KINDS
        .iter()
        .find(|(e, _)| e.eq_ignore_ascii_case(extension))
        .map(|&(_, format)| format)
}

/// What multisum reads from one file: its text and what came with it.
#[derive(Debug)]
pub struct Reading {
    /// The text spans index (see [`Source::spans`]).
    pub text: String,
    pub format: Format,
    /// The encoding the text was decoded from, unless it was UTF-8.
    pub encoding: Option<&'static str>,
    /// Blanked markup (Markdown).
    pub blanked: Vec<std::ops::Range<usize>>,
    pub title: Option<String>,
    /// As the file gives it, unchecked.
    pub date: Option<String>,
    pub author: Option<String>,
    /// As the page declares it (HTML `lang`).
    pub language: Option<String>,
}

impl Reading {
    /// The text as a reader sees it: without blanked markup, and without
    /// the blank lines that markup leaves (at most one between paragraphs).
    pub fn body(&self) -> String {
        if self.blanked.is_empty() {
            return self.text.clone();
        }
        let source = Source::new("", self.text.as_str()).with_blanked(self.blanked.clone());
        let text = source.read(0..self.text.len());
        let mut out = String::with_capacity(text.len());
        let mut blank = 0;
        for line in text.lines().map(str::trim_end) {
            if line.trim().is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() && blank > 0 {
                out.push('\n');
            }
            blank = 0;
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// The report, named `id`, with its date checked (`place` names it in
    /// a warning).
    fn into_source(self, id: String, place: &str) -> Source {
        let mut source = Source::new(id, self.text)
            .with_format(self.format)
            .with_blanked(self.blanked);
        if let Some(encoding) = self.encoding {
            source = source.with_encoding(encoding);
        }
        if let Some(title) = self.title {
            source = source.with_title(title);
        }
        if let Some(date) = self.date.and_then(|d| checked_date(d, place)) {
            source = source.with_date(date);
        }
        source
    }
}

#[derive(Debug, Deserialize)]
struct Manifest {
    #[serde(default)]
    report: Vec<ManifestReport>,
}

#[derive(Debug, Deserialize)]
struct ManifestReport {
    id: String,
    file: String,
    title: Option<String>,
    date: Option<String>,
}

/// Every report named by the inputs, in order: files as given, folders by
/// their manifest or else their `.txt`, `.md` and `.html` files (and their
/// like, as `KINDS` lists) in name order, `-` as
/// one report read from standard input. Strict: see [`Options`].
pub fn load_all(inputs: &[String]) -> Result<Vec<Source>> {
    load_all_with(inputs, Options::default())
}

/// [`load_all`] with the given options.
pub fn load_all_with(inputs: &[String], options: Options) -> Result<Vec<Source>> {
    let mut loader = Loader {
        options,
        seen: BTreeSet::new(),
        stdin_read: false,
    };
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(loader.stdin()?);
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).with_context(|| format!("{input}: cannot read"))?;
        if meta.is_dir() {
            sources.extend(loader.folder(path)?);
        } else {
            sources.push(loader.file(path, None)?);
        }
    }
    if sources.is_empty() {
        bail!("no reports found in {}", inputs.join(", "));
    }
    Ok(sources)
}

/// What multisum reads from one file, or `-` for standard input.
pub fn read_one(input: &str, options: Options) -> Result<Reading> {
    let mut loader = Loader {
        options,
        seen: BTreeSet::new(),
        stdin_read: false,
    };
    if input == "-" {
        return loader.read_stdin();
    }
    loader.read_file(Path::new(input))
}

/// The extensions read from a folder, for messages.
const READ: &str = ".txt, .md or .html";

/// Warns, on standard error, of every report that gave the summary nothing
/// (empty, blank, or only headlines and boilerplate), and of an empty
/// summary, with the reason.
pub fn warn_about(sources: &[Source], summary: &Summary) {
    for warning in warnings(sources, summary) {
        warn(&warning);
    }
}

/// The warnings of [`warn_about`].
fn warnings(sources: &[Source], summary: &Summary) -> Vec<String> {
    let mut units = vec![0usize; sources.len()];
    let mut body = vec![0usize; sources.len()];
    let mut left_out = 0;
    for candidate in summary.candidates() {
        let source = candidate.source();
        units[source] += 1;
        match candidate.verdict() {
            Verdict::Boilerplate | Verdict::Heading => {}
            verdict => {
                body[source] += 1;
                if matches!(
                    verdict,
                    Verdict::TooShort | Verdict::Dangling | Verdict::Copy
                ) {
                    left_out += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        if body[i] > 0 {
            continue;
        }
        let text = source.text();
        let what = if text.is_empty() {
            "empty".to_string()
        } else if units[i] == 0 && source.format() == Format::Markdown {
            "only code blocks and markup, no text".to_string()
        } else if units[i] == 0 {
            "blank (white space only)".to_string()
        } else if units[i] == 1 {
            "no sentence of body text: its one unit is a headline or boilerplate".to_string()
        } else {
            format!(
                "no sentence of body text: its {} units are all headlines or boilerplate",
                units[i]
            )
        };
        out.push(format!(
            "{}: {what}; nothing in it to summarize",
            name(source)
        ));
    }
    let mut languages = std::collections::BTreeMap::new();
    for source in summary.sources() {
        *languages.entry(source.language().name()).or_insert(0usize) += 1;
    }
    if languages.len() > 1 {
        let counts: Vec<String> = languages
            .iter()
            .map(|(language, n)| format!("{n} in {language}"))
            .collect();
        out.push(format!(
            "the reports are in {} languages ({}): a fact that reports in different languages \
             share is not recognised as one, and may be stated once per language",
            languages.len(),
            counts.join(", ")
        ));
    }
    if summary.sentences().is_empty() {
        let total: usize = body.iter().sum();
        out.push(if total == 0 {
            "the summary is empty: no report has a sentence of body text".to_string()
        } else if left_out == total {
            "the summary is empty: every sentence is a fragment (too short, or without an \
             end), or leans on the one before it (see --explain)"
                .to_string()
        } else {
            "the summary is empty: no sentence fits the budget (see --explain)".to_string()
        });
    }
    out
}

/// How a report is named in messages: its path, else its id.
fn name(source: &Source) -> &str {
    source.path().unwrap_or(source.id())
}

pub fn warn(message: &str) {
    eprintln!("multisum: warning: {message}");
}

struct Loader {
    options: Options,
    /// Files read so far (canonical paths), to warn of one given twice.
    seen: BTreeSet<PathBuf>,
    /// Standard input can be read only once.
    stdin_read: bool,
}

impl Loader {
    fn stdin(&mut self) -> Result<Source> {
        if std::mem::replace(&mut self.stdin_read, true) {
            bail!("`-` (standard input) is given more than once");
        }
        let read = self.read_stdin()?;
        Ok(read.into_source("stdin".to_string(), "standard input"))
    }

    fn read_stdin(&mut self) -> Result<Reading> {
        let bytes = read_limited(std::io::stdin().lock()).context("standard input")?;
        let format = self.options.format.unwrap_or(Format::Text);
        read(bytes, format, self.options, "standard input").context("standard input")
    }

    fn folder(&mut self, dir: &Path) -> Result<Vec<Source>> {
        let manifest = dir.join(MANIFEST);
        if manifest.is_file() {
            return self.manifest(dir, &manifest);
        }
        let mut files: Vec<PathBuf> = Vec::new();
        let (mut subfolders, mut others) = (0, 0);
        let listing = std::fs::read_dir(dir)
            .with_context(|| format!("{}: cannot list folder", dir.display()))?;
        for entry in listing {
            let entry = entry.with_context(|| format!("{}: cannot list folder", dir.display()))?;
            let path = entry.path();
            // Hidden files (".DS_Store", macOS "._name.txt" forks) are not
            // reports.
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let text_like = format_of(&path).is_some();
            if text_like && leads_outside(dir, &path) {
                warn(&format!(
                    "{}: a link that leads outside {}; not followed",
                    path.display(),
                    dir.display()
                ));
                others += 1;
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => subfolders += 1,
                // A broken link named like a report is one that cannot be
                // read: reading it gives the error.
                Ok(meta) if text_like && meta.is_file() => files.push(path),
                Err(_) if text_like => files.push(path),
                _ => others += 1,
            }
        }
        files.sort();
        if files.is_empty() {
            let shown = dir.display();
            if subfolders > 0 {
                bail!(
                    "{shown}: folder has no {READ} files, only subfolders (they are not \
                     searched; `multisum batch --dirs {shown}` summarizes each as a cluster)"
                );
            }
            if others > 0 {
                let files = if others == 1 { "file" } else { "files" };
                bail!(
                    "{shown}: folder has no {READ} files ({others} other {files}; name a file \
                     to read it as text)"
                );
            }
            bail!("{shown}: folder has no {READ} files (it is empty)");
        }
        files.iter().map(|p| self.file(p, None)).collect()
    }

    fn manifest(&mut self, dir: &Path, manifest: &Path) -> Result<Vec<Source>> {
        let bytes = read_limited(open(manifest)?)
            .with_context(|| format!("{}: cannot read", manifest.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow!(
                "{}: malformed manifest: invalid UTF-8 at byte offset {}",
                manifest.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        let parsed: Manifest = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| format!(" (line {})", text[..s.start].lines().count().max(1)))
                .unwrap_or_default();
            anyhow!(
                "{}: malformed manifest{line}: {}",
                manifest.display(),
                e.message()
            )
        })?;
        if parsed.report.is_empty() {
            bail!("{}: the manifest lists no [[report]]", manifest.display());
        }
        parsed
            .report
            .into_iter()
            .map(|r| {
                let path = inside(dir, &r.file).map_err(|why| {
                    anyhow!(
                        "{}: report {:?}: file {:?} {why}; a manifest names files in its own folder",
                        manifest.display(),
                        r.id,
                        r.file
                    )
                })?;
                let place = format!("{}: report {:?}", manifest.display(), r.id);
                let mut read = self
                    .read_file(&path)
                    .with_context(|| format!("named in {}", manifest.display()))?;
                // The manifest's title and date come before the file's own;
                // a manifest date that is not ISO 8601 leaves the file's.
                read.title = r.title.or(read.title);
                let shown = path.display().to_string();
                let date = r.date.and_then(|d| checked_date(d, &place));
                if date.is_some() {
                    read.date = None;
                }
                let mut source = read.into_source(r.id, &shown).with_path(shown);
                if let Some(date) = date {
                    source = source.with_date(date);
                }
                Ok(source)
            })
            .collect()
    }

    fn file(&mut self, path: &Path, id: Option<String>) -> Result<Source> {
        let shown = path.display().to_string();
        let read = self.read_file(path)?;
        let id = id.unwrap_or_else(|| {
            path.file_stem()
                .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned())
        });
        Ok(read.into_source(id, &shown).with_path(shown))
    }

    fn read_file(&mut self, path: &Path) -> Result<Reading> {
        let shown = path.display().to_string();
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(canonical) {
            warn(&format!(
                "{shown}: given more than once; its copies count as one report"
            ));
        }
        if path.is_dir() {
            bail!("{shown}: cannot read: is a folder");
        }
        let bytes = read_limited(open(path)?).with_context(|| format!("{shown}: cannot read"))?;
        let format = self
            .options
            .format
            .or_else(|| format_of(path))
            .unwrap_or(Format::Text);
        read(bytes, format, self.options, &shown).with_context(|| shown.clone())
    }
}

/// `dir` joined with `file` when that stays inside `dir`: `file` is
/// relative, has no `..`, and no link on the way leads out of `dir`;
/// otherwise why not.
fn inside(dir: &Path, file: &str) -> std::result::Result<PathBuf, &'static str> {
    use std::path::Component;
    let relative = Path::new(file);
    if relative.is_absolute() || relative.has_root() {
        return Err("is an absolute path");
    }
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err("leads out of the folder (`..`)");
    }
    let path = dir.join(relative);
    if leads_outside(dir, &path) {
        return Err("is a link that leads out of the folder");
    }
    Ok(path)
}

/// Whether `path`, in `dir`, resolves (through links) to a place outside
/// `dir`. A path that does not resolve (missing, a broken link) does not:
/// reading it gives the error.
fn leads_outside(dir: &Path, path: &Path) -> bool {
    match (std::fs::canonicalize(dir), std::fs::canonicalize(path)) {
        (Ok(dir), Ok(path)) => !path.starts_with(dir),
        _ => false,
    }
}

/// `date` in one form that sorts as time does, if it is an ISO 8601 date
/// (`2025-03-13` → itself), date and time (`2025-03-13T09:30` →
/// `2025-03-13T09:30:00`) or instant (`2025-03-14T01:00+05:00` → in UTC,
/// `2025-03-13T20:00:00Z`); otherwise `None`, with a warning naming `place`
/// and the value. `--order date` compares these strings.
pub fn checked_date(date: String, place: &str) -> Option<String> {
    let trimmed = date.trim();
    // A civil date parses the date part of a longer value too: a time makes
    // it a date and time, an offset an instant.
    let normal = if let Ok(t) = trimmed.parse::<jiff::Timestamp>() {
        Some(t.to_string())
    } else if trimmed.contains(['T', 't', ' ']) {
        trimmed
            .parse::<jiff::civil::DateTime>()
            .ok()
            .map(|t| t.to_string())
    } else {
        trimmed
            .parse::<jiff::civil::Date>()
            .ok()
            .map(|d| d.to_string())
    };
    if normal.is_none() {
        warn(&format!(
            "{place}: date {date:?} is not an ISO 8601 date (such as 2025-03-13 or \
             2025-03-13T09:30:00Z); ignored"
        ));
    }
    normal
}

fn open(path: &Path) -> Result<File> {
    File::open(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// All of `reader`, or an error once it passes [`MAX_INPUT`] bytes.
fn read_limited(reader: impl std::io::Read) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT {
        bail!(
            "larger than {} MiB, the most one report may be",
            MAX_INPUT >> 20
        );
    }
    Ok(bytes)
}

/// What multisum reads from a file's bytes, read as `format` (see the
/// module docs); warnings name the file as `name`.
fn read(bytes: Vec<u8>, format: Format, options: Options, name: &str) -> Result<Reading> {
    let (text, encoding) = decode(bytes, options, name)?;
    let mut read = Reading {
        text,
        format,
        encoding,
        blanked: Vec::new(),
        title: None,
        date: None,
        author: None,
        language: None,
    };
    match format {
        Format::Markdown => {
            let markdown = multisum_extract::markdown(&read.text);
            read.title = markdown.title().map(str::to_string);
            read.date = markdown.date().map(str::to_string);
            read.blanked = markdown.blanked().to_vec();
            read.text = markdown.text().to_string();
        }
        Format::Html => {
            let article = multisum_extract::html(&read.text, &multisum_extract::Tuning::default())
                .map_err(|e| anyhow!("{e}"))?;
            if article.paragraphs().is_empty() {
                warn(&format!(
                    "{name}: no article found in the page (a login form, an index, or not a \
                     news page); nothing in it to summarize"
                ));
            }
            read.text = article.text();
            read.title = article.title().map(str::to_string);
            read.date = article.date().map(str::to_string);
            read.author = article.author().map(str::to_string);
            read.language = article.language().map(str::to_string);
        }
        _ => read.date = dateline(&read.text),
    }
    Ok(read)
}

/// A first line this short (in characters) is a date or byline line.
const DATE_LINE: usize = 60;

/// A dateline ("MOSCOW, Aug. 14, 2000 —") is at most this long.
const DATELINE: usize = 80;

/// The date of a plain-text report's dateline, ISO 8601: a full date (day,
/// month and year: "March 13, 2025", "Mar. 13, 2025", "13 March 2025",
/// "2025-03-13") on its first line when that line is short (a date or
/// byline line), or before the dash that ends a dateline ("MOSCOW, Aug. 14,
/// 2000 — The navy …"). A date in the story's sentences is not the report's.
pub fn dateline(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let head = if first.chars().count() <= DATE_LINE {
        first
    } else {
        let dash = [" — ", " – ", " -- ", " - ", " _ "]
            .iter()
            .filter_map(|d| first.find(d))
            .min()?;
        first
            .get(..dash)
            .filter(|h| h.chars().count() <= DATELINE)?
    };
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        let names = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        names
            .iter()
            .position(|m| {
                *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
            })
            .map(|i| i as i8 + 1)
    };
    let number = |w: &str| w.parse::<i16>().ok();
    let date = |y: i16, m: i8, d: i16| {
        let d = i8::try_from(d).ok()?;
        jiff::civil::Date::new(y, m, d).ok().map(|d| d.to_string())
    };
    for (k, w) in words.iter().enumerate() {
        if let Ok(d) = w.parse::<jiff::civil::Date>() {
            return Some(d.to_string());
        }
        let rest = |i: usize| words.get(k + i).copied().unwrap_or("");
        // "March 13, 2025"
        if let (Some(m), Some(d), Some(y)) = (month(w), number(rest(1)), number(rest(2)))
            && rest(2).len() == 4
            && let Some(found) = date(y, m, d)
        {
            return Some(found);
        }
        // "13 March 2025"
        if let (Some(d), Some(m), Some(y)) = (number(w), month(rest(1)), number(rest(2)))
            && rest(2).len() == 4
            && let Some(found) = date(y, m, d)
        {
            return Some(found);
        }
    }
    None
}

/// The text of a report's bytes (see the module docs), and the encoding it
/// was decoded from unless it was UTF-8; warnings name the report as
/// `name`.
fn decode(
    mut bytes: Vec<u8>,
    options: Options,
    name: &str,
) -> Result<(String, Option<&'static str>)> {
    if let Some(encoding) = options.encoding
        && encoding != encoding_rs::UTF_8
    {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
        if had_errors && !options.lossy {
            bail!(
                "not valid {} (--lossy replaces what cannot be decoded)",
                encoding.name()
            );
        }
        warn(&format!(
            "{name}: read as {} (--encoding); spans index the decoded text",
            encoding.name()
        ));
        return Ok((text.into_owned(), Some(encoding.name())));
    }
    if let Some(big_endian) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(false),
        Some([0xFE, 0xFF]) => Some(true),
        _ => None,
    } {
        let text = decode_utf16(&bytes[2..], big_endian, options)?;
        let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        warn(&format!(
            "{name}: read as {encoding}; spans index its UTF-8 text, not the file"
        ));
        return Ok((text, Some(encoding)));
    }
    // The mark is kept out of every unit, and spans still index the file:
    // its 3 bytes become 3 spaces.
    if bytes.starts_with(UTF8_BOM) {
        bytes[..3].copy_from_slice(b"   ");
    }
    if !options.lossy
        && let Some(at) = bytes.iter().position(|&b| b == 0)
    {
        bail!(
            "not text: a NUL byte at byte offset {at} (a binary file, or UTF-16 without a \
             byte-order mark; --lossy reads it anyway)"
        );
    }
    let forced_utf8 = options.encoding.is_some();
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) if forced_utf8 && !options.lossy => bail!(
            "invalid UTF-8 at byte offset {} (--lossy replaces invalid bytes)",
            e.utf8_error().valid_up_to()
        ),
        Err(e) if !options.lossy => {
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(&bytes, true);
            let encoding = detector.guess(None, false);
            let (text, _, _) = encoding.decode(&bytes);
            warn(&format!(
                "{name}: not UTF-8 (the first invalid byte at offset {first}); read as {}, \
                 the likeliest encoding (--encoding NAME to choose another); spans index the \
                 decoded text",
                encoding.name()
            ));
            Ok((text.into_owned(), Some(encoding.name())))
        }
        Err(e) => {
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let replaced = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            warn(&format!(
                "{name}: {replaced} invalid UTF-8 sequence{} replaced by U+FFFD, the first at \
                 byte offset {first}; spans index the repaired text",
                if replaced == 1 { "" } else { "s" }
            ));
            Ok((String::from_utf8_lossy(&bytes).into_owned(), Some(REPAIRED)))
        }
    }
}

/// UTF-16 code units (after the byte-order mark) as a string; an unpaired
/// surrogate or a trailing odd byte is an error, or U+FFFD when lossy.
/// Offsets in messages count from the start of the file.
fn decode_utf16(body: &[u8], big_endian: bool, options: Options) -> Result<String> {
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(body.len());
    // Byte offset in the file of the unit being decoded.
    let mut at = 2;
    for c in char::decode_utf16(units) {
        match c {
            Ok('\0') if !options.lossy => {
                bail!("not text: a NUL character at byte offset {at} (--lossy reads it anyway)")
            }
            Ok(c) => {
                text.push(c);
                at += c.len_utf16() * 2;
            }
            Err(_) if !options.lossy => bail!(
                "invalid UTF-16: an unpaired surrogate at byte offset {at} (--lossy replaces it)"
            ),
            Err(_) => {
                text.push(char::REPLACEMENT_CHARACTER);
                at += 2;
            }
        }
    }
    if body.len() % 2 == 1 {
        if !options.lossy {
            bail!(
                "invalid UTF-16: a lone byte at the end, byte offset {} (--lossy replaces it)",
                body.len() + 1
            );
        }
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], lossy: bool, expected: std::result::Result<&str, &str>) {
        check_with(bytes, None, lossy, expected);
    }

    fn check_with(
        bytes: &[u8],
        encoding: Option<&str>,
        lossy: bool,
        expected: std::result::Result<&str, &str>,
    ) {
        let options = Options {
            lossy,
            encoding: encoding.map(|e| Encoding::for_label(e.as_bytes()).expect("label")),
            format: None,
        };
        let got = decode(bytes.to_vec(), options, "t").map_err(|e| format!("{e:#}"));
        match (got, expected) {
            (Ok((text, _)), Ok(want)) => assert_eq!(text, want, "{bytes:?}"),
            (Err(err), Err(want)) => assert!(err.contains(want), "{bytes:?}: {err}"),
            (got, _) => panic!("{bytes:?}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn issue_8_decoding() {
        check(b"Plain.", false, Ok("Plain."));
        check(b"\xEF\xBB\xBFMarked.", false, Ok("   Marked."));
        check(b"ok \xFF then \xC3", true, Ok("ok \u{FFFD} then \u{FFFD}"));
        check(b"a\0b", false, Err("NUL byte at byte offset 1"));
        check(b"a\0b", true, Ok("a\0b"));
        check(b"\xFF\xFEH\0i\0", false, Ok("Hi"));
        check(b"\xFE\xFF\0H\0i", false, Ok("Hi"));
        check(b"\xFF\xFE=\xD8\0\xDE", false, Ok("\u{1F600}"));
        check(
            b"\xFF\xFEH\0\0\xDC",
            false,
            Err("unpaired surrogate at byte offset 4"),
        );
        check(b"\xFF\xFEH\0\0\xDC", true, Ok("H\u{FFFD}"));
        check(
            b"\xFF\xFEH\0i",
            false,
            Err("lone byte at the end, byte offset 4"),
        );
        check(
            b"\xFF\xFEH\0\0\0",
            false,
            Err("NUL character at byte offset 4"),
        );
    }

    /// Text that is not UTF-8 is decoded from the likeliest legacy
    /// encoding, or from the one forced; forced UTF-8 stays strict.
    #[test]
    fn issue_17_legacy_encodings() {
        let curly = b"He said \x93we are doing everything we can\x94 on Monday.";
        check(
            curly,
            false,
            Ok("He said \u{201C}we are doing everything we can\u{201D} on Monday."),
        );
        check_with(
            "Der Bürgermeister sagte, die Straße sei gesperrt.".as_bytes(),
            Some("utf-8"),
            false,
            Ok("Der Bürgermeister sagte, die Straße sei gesperrt."),
        );
        check_with(
            b"Der B\xFCrgermeister sagte, die Stra\xDFe sei gesperrt.",
            None,
            false,
            Ok("Der Bürgermeister sagte, die Straße sei gesperrt."),
        );
        check_with(b"caf\xE9", Some("latin1"), false, Ok("café"));
        check_with(
            b"\xEF\xF0\xE8\xE2\xE5\xF2",
            Some("windows-1251"),
            false,
            Ok("привет"),
        );
        check_with(
            b"ok \xFF",
            Some("utf-8"),
            false,
            Err("invalid UTF-8 at byte offset 3"),
        );
        check_with(b"ok \xFF", Some("utf-8"), true, Ok("ok \u{FFFD}"));
    }
}

#[cfg(test)]
mod date_tests {
    use super::checked_date;

    /// Accepted dates come out in one form that sorts as time does.
    #[test]
    fn dates_are_checked_and_normalised() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2025-03-13", Some("2025-03-13")),
            (" 2025-03-20 ", Some("2025-03-20")),
            ("20250310", Some("2025-03-10")),
            ("2025-03-13T09:30", Some("2025-03-13T09:30:00")),
            ("2025-03-14T01:00+05:00", Some("2025-03-13T20:00:00Z")),
            ("2025-03-13T23:00Z", Some("2025-03-13T23:00:00Z")),
            ("yesterday", None),
            ("13/03/2025", None),
        ];
        for &(date, expected) in cases {
            assert_eq!(
                checked_date(date.to_string(), "test").as_deref(),
                expected,
                "{date:?}"
            );
        }
    }

    /// A plain-text report's dateline dates it; a date in its story does
    /// not.
    #[test]
    fn datelines() {
        use super::dateline;
        let cases: &[(&str, Option<&str>)] = &[
            (
                "March 13, 2025\n\nUS officials are en route.",
                Some("2025-03-13"),
            ),
            (
                "By Jane Doe | Mar. 13, 2025\nUS officials …",
                Some("2025-03-13"),
            ),
            ("13 March 2025\nUS officials …", Some("2025-03-13")),
            ("Published 2025-03-13\nUS officials …", Some("2025-03-13")),
            ("Sept. 4, 2000\nThe salvage began.", Some("2000-09-04")),
            (
                "OSLO, Aug. 14, 2000 — The coast guard worked through Monday night to reach the \
                 divers trapped in the flooded mine shaft.",
                Some("2000-08-14"),
            ),
            (
                "On March 13, 2025, US officials traveled to Moscow to discuss the ceasefire that \
                 Ukraine had agreed to.",
                None,
            ),
            (
                "OSLO (AP) -- The coast guard worked Monday to reach the divers.",
                None,
            ),
            ("Feb. 31, 2025\nNo such day.", None),
            ("March 13\nNo year.", None),
            ("", None),
        ];
        for &(text, expected) in cases {
            assert_eq!(dateline(text).as_deref(), expected, "{text:?}");
        }
    }
}
