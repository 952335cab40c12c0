//! Sentence-boundary conformance on the "golden rules" cases.
//!
//! ```text
//! cargo run -p multisum-tokenize --example golden_rules -- [PATH]
//! ```
//!
//! `PATH` defaults to `../shared/eval/sbd/golden-rules-en.json` next to the
//! workspace (the file is development data, never copied into the repo). It
//! holds a JSON array of `{id, rule, text, sentences}`. Each `text` is cut
//! with [`Tokenizer::segment`], exactly as the summarizer cuts a document,
//! and the texts of all its units (whatever their kind) are compared with
//! `sentences`. Prints every failure, then `N/TOTAL`; exits with status 1
//! when a case fails, and 0 with a note when the file is absent.

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

use multisum_tokenize::Tokenizer;
use serde_json::Value;

fn default_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/sbd/golden-rules-en.json")
}

fn field<'a>(case: &'a Value, name: &str) -> Result<&'a Value, Box<dyn Error>> {
    case.get(name)
        .ok_or_else(|| format!("case without {name:?}: {case}").into())
}

fn run() -> Result<bool, Box<dyn Error>> {
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(default_path, PathBuf::from);
    let data = match std::fs::read_to_string(&path) {
        Ok(data) => data,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            println!("{} not found: nothing to check", path.display());
            return Ok(true);
        }
        Err(err) => return Err(format!("reading {}: {err}", path.display()).into()),
    };
    let cases: Vec<Value> = serde_json::from_str(&data)?;
    let tokenizer = Tokenizer::default();
    let mut passed = 0;
    for case in &cases {
        let id = field(case, "id")?;
        let rule = field(case, "rule")?.as_str().unwrap_or_default();
        let text = field(case, "text")?
            .as_str()
            .ok_or("\"text\" is not a string")?;
        let expected: Vec<&str> = field(case, "sentences")?
            .as_array()
            .ok_or("\"sentences\" is not an array")?
            .iter()
            .map(|s| s.as_str().ok_or("a sentence is not a string"))
            .collect::<Result<_, _>>()?;
        let doc = tokenizer.segment(text);
        let got: Vec<&str> = doc.units().iter().map(|u| &text[u.span.clone()]).collect();
        if got == expected {
            passed += 1;
        } else {
            println!("FAIL {id} ({rule})\n  text:     {text:?}");
            println!("  expected: {expected:?}\n  got:      {got:?}");
        }
    }
    println!("{passed}/{}", cases.len());
    Ok(passed == cases.len())
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("golden_rules: {err}");
            ExitCode::from(2)
        }
    }
}
