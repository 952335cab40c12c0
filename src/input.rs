//! Reading reports from files, folders, manifests and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use multisum_assemble::Source;
use serde::Deserialize;

/// The name of a folder's optional manifest.
const MANIFEST: &str = "manifest.toml";

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
/// one report read from standard input.
pub fn load_all(inputs: &[String]) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source::new("stdin", read_stdin()?));
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).with_context(|| format!("{input}: cannot read"))?;
        if meta.is_dir() {
            sources.extend(load_folder(path)?);
        } else {
            sources.push(load_file(path, None)?);
        }
    }
    if sources.is_empty() {
        bail!("no reports found in {}", inputs.join(", "));
    }
    Ok(sources)
}

/// One report: a file, or `-` for standard input.
pub fn load_one(input: &str) -> Result<Source> {
    if input == "-" {
        return Ok(Source::new("stdin", read_stdin()?));
    }
    load_file(Path::new(input), None)
}

fn load_folder(dir: &Path) -> Result<Vec<Source>> {
    let manifest = dir.join(MANIFEST);
    if manifest.is_file() {
        let text = std::fs::read_to_string(&manifest)
            .with_context(|| format!("{}: cannot read", manifest.display()))?;
        let parsed: Manifest = toml::from_str(&text).map_err(|e| {
            anyhow!(
                "{}: malformed manifest: {}",
                manifest.display(),
                e.message()
            )
        })?;
        if parsed.report.is_empty() {
            bail!("{}: the manifest lists no [[report]]", manifest.display());
        }
        return parsed
            .report
            .into_iter()
            .map(|r| {
                let path = dir.join(&r.file);
                let mut source = load_file(&path, Some(r.id))
                    .with_context(|| format!("named in {}", manifest.display()))?;
                if let Some(title) = r.title {
                    source = source.with_title(title);
                }
                if let Some(date) = r.date {
                    source = source.with_date(date);
                }
                Ok(source)
            })
            .collect();
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list folder", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{}: folder has no .txt or .md files", dir.display());
    }
    files.iter().map(|p| load_file(p, None)).collect()
}

fn load_file(path: &Path, id: Option<String>) -> Result<Source> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let text = decode(bytes).with_context(|| path.display().to_string())?;
    let id = id.unwrap_or_else(|| {
        path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    Ok(Source::new(id, text).with_path(path.display().to_string()))
}

fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("standard input: cannot read")?;
    decode(bytes).context("standard input")
}

/// UTF-8 text, or an error naming the byte offset of the first bad byte.
fn decode(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}
