//! Reading reports from files, folders, manifests and standard input, and
//! saying on standard error what in them could not be summarised.
//!
//! What is read and what is refused is the table "Input and errors" in the
//! README; `tests/bad_input.rs` checks every row of it. In short:
//!
//! - UTF-8 text is read as is. A UTF-8 byte-order mark is kept out of every
//!   unit (its 3 bytes become spaces), so spans still index the file byte
//!   for byte.
//! - UTF-16 with a byte-order mark is decoded; its spans then index the
//!   UTF-8 text, and a warning says so.
//! - Invalid UTF-8 and NUL bytes (binary files, UTF-16 without a mark) are
//!   errors naming the file and the byte offset, unless `--lossy`: invalid
//!   sequences are then replaced by U+FFFD (spans index the repaired text),
//!   and NUL bytes are read as text.
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
//!   naming it.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use multisum_assemble::{Source, Summary, Verdict};
use serde::Deserialize;

/// The name of a folder's optional manifest.
const MANIFEST: &str = "manifest.toml";

/// The largest report read, in bytes (64 MiB). Summarising takes about 30
/// bytes of memory per byte of text, so this keeps a run within 2 GB.
pub const MAX_INPUT: u64 = 64 << 20;

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How inputs are read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Replace invalid UTF-8 (and unpaired UTF-16 surrogates) with U+FFFD,
    /// and read files with NUL bytes as text, instead of refusing them.
    pub lossy: bool,
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
/// their manifest or else their `.txt`/`.md` files in name order, `-` as
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

/// One report: a file, or `-` for standard input.
pub fn load_one(input: &str, options: Options) -> Result<Source> {
    let mut loader = Loader {
        options,
        seen: BTreeSet::new(),
        stdin_read: false,
    };
    if input == "-" {
        return loader.stdin();
    }
    loader.file(Path::new(input), None)
}

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
        let bytes = read_limited(std::io::stdin().lock()).context("standard input")?;
        let text = decode(bytes, self.options, "standard input").context("standard input")?;
        Ok(Source::new("stdin", text))
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
            let text_like = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
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
                    "{shown}: folder has no .txt or .md files, only subfolders (they are not \
                     searched; `multisum batch --dirs {shown}` summarizes each as a cluster)"
                );
            }
            if others > 0 {
                let files = if others == 1 { "file" } else { "files" };
                bail!("{shown}: folder has no .txt or .md files ({others} other {files})");
            }
            bail!("{shown}: folder has no .txt or .md files (it is empty)");
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
                let mut source = self
                    .file(&path, Some(r.id))
                    .with_context(|| format!("named in {}", manifest.display()))?;
                if let Some(title) = r.title {
                    source = source.with_title(title);
                }
                if let Some(date) = r.date.and_then(|d| checked_date(d, &place)) {
                    source = source.with_date(date);
                }
                Ok(source)
            })
            .collect()
    }

    fn file(&mut self, path: &Path, id: Option<String>) -> Result<Source> {
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
        let text = decode(bytes, self.options, &shown).with_context(|| shown.clone())?;
        let id = id.unwrap_or_else(|| {
            path.file_stem()
                .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned())
        });
        Ok(Source::new(id, text).with_path(shown))
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
fn read_limited(reader: impl Read) -> Result<Vec<u8>> {
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

/// The text of a report's bytes (see the module docs); warnings name the
/// report as `name`.
fn decode(mut bytes: Vec<u8>, options: Options, name: &str) -> Result<String> {
    if let Some(big_endian) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(false),
        Some([0xFE, 0xFF]) => Some(true),
        _ => None,
    } {
        let text = decode_utf16(&bytes[2..], big_endian, options)?;
        warn(&format!(
            "{name}: read as UTF-16{}; spans index its UTF-8 text, not the file",
            if big_endian { "BE" } else { "LE" }
        ));
        return Ok(text);
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
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if !options.lossy => bail!(
            "invalid UTF-8 at byte offset {} (--lossy replaces invalid bytes)",
            e.utf8_error().valid_up_to()
        ),
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
            Ok(String::from_utf8_lossy(&bytes).into_owned())
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
        let got = decode(bytes.to_vec(), Options { lossy }, "t").map_err(|e| format!("{e:#}"));
        match (got, expected) {
            (Ok(text), Ok(want)) => assert_eq!(text, want, "{bytes:?}"),
            (Err(err), Err(want)) => assert!(err.contains(want), "{bytes:?}: {err}"),
            (got, _) => panic!("{bytes:?}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn issue_8_decoding() {
        check(b"Plain.", false, Ok("Plain."));
        check(b"\xEF\xBB\xBFMarked.", false, Ok("   Marked."));
        check(
            b"ok \xFF then",
            false,
            Err("invalid UTF-8 at byte offset 3"),
        );
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
}
