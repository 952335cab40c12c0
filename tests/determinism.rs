//! Determinism (issue 8): the same input gives byte-identical output on
//! every run, and `batch` gives the same bytes with any number of threads.

mod common;

use std::path::Path;

use common::{CORPUS, corpus_reports, model, run};

use serde_json::json;

fn multisum(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let output = run(args, stdin);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn summarize_is_byte_identical_across_20_runs() {
    for options in [
        &["--format", "json"][..],
        &["--explain"],
        &[
            "--format",
            "html",
            "--algorithm",
            "lexrank",
            "--order",
            "score",
        ],
        &[
            "--format",
            "markdown",
            "--selector",
            "coverage",
            "--words",
            "120",
        ],
        &[
            "--explain",
            "--format",
            "json",
            "--selector",
            "concepts",
            "--query",
            "What did Russia say about the ceasefire?",
            "--words",
            "150",
        ],
    ] {
        let args: Vec<&str> = ["summarize"]
            .into_iter()
            .chain(options.iter().copied())
            .chain([CORPUS])
            .collect();
        let first = multisum(&args, b"");
        assert!(!first.is_empty());
        for run in 1..20 {
            assert!(
                multisum(&args, b"") == first,
                "{options:?}: run {run} differs from the first"
            );
        }
    }
}

/// With the embedding model too (its matrix products run on several
/// threads; `crates/embed/tests/model.rs` checks the vectors' bits).
#[test]
fn summarize_with_the_model_is_byte_identical_across_runs() {
    let args = [
        "summarize",
        "--format",
        "json",
        "--sentences",
        "15",
        "--model",
        model(),
        CORPUS,
    ];
    let first = multisum(&args, b"");
    assert!(String::from_utf8_lossy(&first).contains("\"meaning\""));
    for run in 1..5 {
        assert!(
            multisum(&args, b"") == first,
            "run {run} differs from the first"
        );
    }
}

/// A folder of cluster folders, each a different subset of the corpus.
fn cluster_folders(root: &Path) {
    let _ = std::fs::remove_dir_all(root);
    let reports = corpus_reports();
    for c in 0..6 {
        let dir = root.join(format!("cluster-{c}"));
        std::fs::create_dir_all(&dir).expect("folder");
        for (id, text) in reports.iter().skip(c % 3).take(2 + c % 4) {
            std::fs::write(dir.join(format!("{id}.txt")), text).expect("report");
        }
    }
}

#[test]
fn batch_is_byte_identical_for_1_2_and_8_threads() {
    let reports = corpus_reports();
    let mut lines = String::new();
    for c in 0..12 {
        let documents: Vec<_> = reports
            .iter()
            .cycle()
            .skip(c % 5)
            .take(1 + c % 5)
            .map(|(id, text)| json!({ "id": id, "text": text }))
            .collect();
        lines.push_str(&json!({ "id": format!("c{c}"), "documents": documents }).to_string());
        lines.push('\n');
    }
    let folders = std::env::temp_dir().join(format!("multisum-determinism-{}", std::process::id()));
    cluster_folders(&folders);
    let folders = folders.to_str().expect("a UTF-8 path").to_string();

    for (source, stdin) in [
        (vec!["--input", "-"], lines.as_bytes()),
        (vec!["--dirs", folders.as_str()], b"".as_slice()),
    ] {
        let outputs: Vec<Vec<u8>> = ["1", "2", "8"]
            .iter()
            .map(|threads| {
                let mut args = vec!["batch", "--quiet", "--threads", threads];
                args.extend(&source);
                multisum(&args, stdin)
            })
            .collect();
        assert!(!outputs[0].is_empty());
        assert!(
            outputs[1] == outputs[0],
            "{source:?}: 2 threads differ from 1"
        );
        assert!(
            outputs[2] == outputs[0],
            "{source:?}: 8 threads differ from 1"
        );
    }
    let _ = std::fs::remove_dir_all(&folders);
}
