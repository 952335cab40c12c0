//! End-to-end tests of `multisum batch` (issue 7).

mod common;

use std::path::Path;
use std::process::Output;

use common::{CORPUS, corpus_reports, run, stdout};

use serde_json::{Value, json};

fn multisum(args: &[&str], stdin: &[u8]) -> Output {
    run(args, stdin)
}

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

/// The corpus reports as batch documents, `take` of them from `skip`.
fn documents(skip: usize, take: usize) -> Vec<Value> {
    corpus_reports()
        .into_iter()
        .skip(skip)
        .take(take)
        .map(|(id, text)| json!({ "id": id, "text": text }))
        .collect()
}

/// Good clusters and bad ones, mixed: invalid JSON, no documents, a
/// document without text, a blank line (skipped), an invalid ratio.
fn mixed_input() -> String {
    let mut input = String::new();
    for i in 0..12 {
        let cluster = json!({
            "id": format!("c{i}"),
            "documents": documents(i % 3, 2 + i % 4),
        });
        input.push_str(&cluster.to_string());
        input.push('\n');
        match i {
            2 => input.push_str("{\"id\": \"broken\", \"documents\": [\n"),
            5 => input.push_str("{\"id\": \"empty\", \"documents\": []}\n"),
            7 => input.push_str("{\"id\": 7, \"documents\": [{\"id\": \"x\"}]}\n"),
            9 => input.push_str("   \n"),
            _ => {}
        }
    }
    input
}

#[test]
fn output_is_the_same_bytes_for_any_thread_count() {
    let input = mixed_input();
    let outputs: Vec<String> = ["1", "2", "8"]
        .iter()
        .map(|n| {
            stdout(&multisum(
                &["batch", "--threads", n, "--words", "80"],
                input.as_bytes(),
            ))
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    assert_eq!(lines(&outputs[0]).len(), 15);
}

#[test]
fn a_bad_cluster_gives_an_error_line_and_the_batch_goes_on() {
    let out = stdout(&multisum(&["batch", "--quiet"], mixed_input().as_bytes()));
    let got: Vec<(Value, String)> = lines(&out)
        .into_iter()
        .map(|v| {
            let what = match (&v["summary"], &v["error"]) {
                (Value::Object(_), Value::Null) => "summary".to_string(),
                (Value::Null, Value::String(e)) => format!("error: {e}"),
                _ => panic!("neither summary nor error: {v}"),
            };
            (v["id"].clone(), what)
        })
        .collect();
    let check = |id: Value, starts: &str| {
        let (_, what) = got
            .iter()
            .find(|(i, _)| *i == id)
            .unwrap_or_else(|| panic!("no line for {id}"));
        assert!(what.starts_with(starts), "{id}: {what}");
    };
    check(json!("c0"), "summary");
    check(json!("c11"), "summary");
    check(Value::Null, "error: line 4: invalid JSON");
    check(json!("empty"), "error: line 8: no documents");
    check(
        json!(7),
        "error: line 11: not a cluster: missing field `text`",
    );
    // Input order, blank line skipped.
    let ids: Vec<&Value> = got.iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids[..4],
        [&json!("c0"), &json!("c1"), &json!("c2"), &Value::Null]
    );
}

#[test]
fn a_summary_line_is_what_summarize_prints() {
    let cluster = json!({"id": "all", "documents": documents(0, 5)});
    let out = stdout(&multisum(&["batch"], format!("{cluster}\n").as_bytes()));
    let line = &lines(&out)[0];
    let paths: Vec<String> = documents(0, 5)
        .iter()
        .map(|d| format!("{CORPUS}/{}.txt", d["id"].as_str().unwrap()))
        .collect();
    let mut args = vec!["summarize", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let summarize = multisum(&args, b"");
    let mut expected: Value = serde_json::from_slice(&summarize.stdout).expect("JSON");
    // Batch documents have no path.
    for source in expected["sources"].as_array_mut().unwrap() {
        source["path"] = Value::Null;
    }
    assert_eq!(line["id"], "all");
    assert_eq!(line["summary"], expected);
}

#[test]
fn dirs_makes_a_cluster_of_each_subfolder() {
    let dir = std::env::temp_dir().join(format!("multisum-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let copy = |cluster: &Path, files: &[Value]| {
        std::fs::create_dir_all(cluster).unwrap();
        for d in files {
            let id = d["id"].as_str().unwrap();
            std::fs::write(
                cluster.join(format!("{id}.txt")),
                d["text"].as_str().unwrap(),
            )
            .unwrap();
        }
    };
    copy(&dir.join("b-plain"), &documents(0, 3));
    copy(&dir.join("a-duc").join("docs"), &documents(2, 3));
    std::fs::create_dir_all(dir.join("c-empty")).unwrap();
    std::fs::write(dir.join("README.txt"), "not a cluster").unwrap();
    let root_arg = dir.display().to_string();
    let out = stdout(&multisum(
        &["batch", "--dirs", &root_arg, "--threads", "2"],
        b"",
    ));
    let got = lines(&out);
    let ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a-duc", "b-plain", "c-empty"]);
    assert_eq!(got[0]["summary"]["sources"].as_array().unwrap().len(), 3);
    assert!(
        got[0]["summary"]["sources"][0]["path"]
            .as_str()
            .unwrap()
            .contains("docs")
    );
    assert!(got[1]["summary"]["sentences"].as_array().unwrap().len() > 1);
    assert!(
        got[2]["error"]
            .as_str()
            .unwrap()
            .contains("no .txt, .md or .html files")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_file_and_quiet() {
    let dir = std::env::temp_dir().join(format!("multisum-batch-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.jsonl");
    let output = dir.join("out.jsonl");
    let cluster = json!({"id": "x", "documents": documents(0, 2)});
    std::fs::write(&input, format!("{cluster}\n{{}}\n")).unwrap();
    let run = multisum(
        &[
            "batch",
            "--input",
            input.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
            "--quiet",
        ],
        b"",
    );
    assert!(run.status.success());
    assert!(run.stdout.is_empty());
    // Quiet: not even the count of failed clusters.
    assert!(
        run.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read_to_string(&output).unwrap();
    let got = lines(&written);
    assert_eq!(got[0]["id"], "x");
    assert_eq!(
        got[1]["error"],
        "line 2: not a cluster: missing field `id` at line 1 column 2"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The first sentence of each line's summary.
fn first_sentences(out: &str) -> Vec<String> {
    lines(out)
        .iter()
        .map(|v| {
            v["summary"]["sentences"][0]["text"]
                .as_str()
                .expect("a sentence")
                .to_string()
        })
        .collect()
}

/// Issue 19: a cluster's "query" (or `--query-from-topic` with `--dirs`)
/// steers its summary, as `summarize --query` does; clusters without one
/// are summarized as before.
#[test]
fn each_cluster_answers_its_own_query() {
    let query = "Putin's visit to the Kursk region and the troops there";
    let plain = json!({ "id": "plain", "documents": documents(0, 5) });
    let asked = json!({ "id": "asked", "query": query, "documents": documents(0, 5) });
    let input = format!("{plain}\n{asked}\n");
    let out = stdout(&multisum(&["batch", "-n", "1"], input.as_bytes()));
    let firsts = first_sentences(&out);
    let alone = stdout(&run(
        &[
            "summarize",
            "-n",
            "1",
            "-f",
            "json",
            "--query",
            query,
            CORPUS,
        ],
        b"",
    ));
    let alone: Value = serde_json::from_str(&alone).expect("JSON");
    assert_eq!(firsts[1], alone["sentences"][0]["text"].as_str().unwrap());
    assert_ne!(firsts[0], firsts[1], "the query changes the summary");
    assert!(firsts[1].contains("Kursk"), "{}", firsts[1]);

    let dir = std::env::temp_dir().join(format!("multisum-batch-topic-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, topic) in [
        ("a-asked", Some(query)),
        ("b-plain", None),
        ("c-flat", Some(query)),
    ] {
        // c-flat keeps its reports beside its topic, without docs/.
        let docs = if name == "c-flat" {
            dir.join(name)
        } else {
            dir.join(name).join("docs")
        };
        std::fs::create_dir_all(&docs).unwrap();
        for (id, text) in corpus_reports() {
            std::fs::write(docs.join(format!("{id}.txt")), text).unwrap();
        }
        if let Some(topic) = topic {
            std::fs::write(dir.join(name).join("topic.txt"), topic).unwrap();
        }
    }
    let root = dir.display().to_string();
    let with_topics = stdout(&multisum(
        &["batch", "-n", "1", "--dirs", &root, "--query-from-topic"],
        b"",
    ));
    let without = stdout(&multisum(&["batch", "-n", "1", "--dirs", &root], b""));
    let flat = &lines(&with_topics)[2]["summary"]["sources"];
    assert_eq!(
        flat.as_array().unwrap().len(),
        5,
        "the topic is not a report"
    );
    let (with_topics, without) = (first_sentences(&with_topics), first_sentences(&without));
    assert_eq!(with_topics[0], firsts[1]);
    assert_eq!(with_topics[2], firsts[1]);
    assert_eq!(with_topics[1], without[1]);
    assert_eq!(without[0], without[1]);
    let _ = std::fs::remove_dir_all(&dir);
}
