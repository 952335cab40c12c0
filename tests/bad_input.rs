//! Bad input, end to end (issue 8): every row of the README table "Input
//! and errors" is a case here, run against the binary. No case may panic
//! or hang, and none may lose a readable report without a word.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Longer than any case takes in a debug build: past it, a case hangs.
const HANG: Duration = Duration::from_secs(300);

fn corpus_report(n: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ceasefire-talks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    std::fs::read_to_string(&files[n]).expect("report")
}

/// A report opening with its headline.
fn titled_report() -> String {
    format!("Envoys Head to Moscow\n\n{}", corpus_report(1))
}

/// A fresh, empty folder for one case.
fn scratch(name: &str) -> PathBuf {
    let slug: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let dir =
        std::env::temp_dir().join(format!("multisum-bad-input-{}-{slug}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// Runs the binary in `dir` with `stdin`, killing it if it hangs.
fn run(dir: &Path, args: &[String], stdin: &[u8]) -> Output {
    let mut child = common::spawn(dir, args);
    let mut input = child.stdin.take().expect("piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // The binary may refuse its input before reading it all.
        let _ = input.write_all(&stdin);
    });
    let id = child.id();
    let (done, finished) = std::sync::mpsc::channel();
    let watchdog = std::thread::spawn(move || {
        if finished.recv_timeout(HANG).is_err() {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
        }
    });
    let output = child.wait_with_output().expect("the binary finishes");
    let _ = done.send(());
    watchdog.join().expect("watchdog");
    writer.join().expect("writer");
    output
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, bytes).expect("file written");
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn sentences(out: &Output) -> Vec<Value> {
    json(out)["sentences"]
        .as_array()
        .expect("sentences")
        .clone()
}

/// Every sentence and citation of a JSON summary slices the text that
/// `decode` makes of its source's file exactly, and is trimmed.
fn spans_slice(dir: &Path, out: &Output, decode: fn(Vec<u8>) -> String) {
    let summary = json(out);
    let texts: Vec<String> = summary["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| decode(std::fs::read(dir.join(s["path"].as_str().expect("path"))).expect("file")))
        .collect();
    let at = |source: &Value, span: &Value| -> String {
        let text = &texts[source.as_u64().expect("index") as usize];
        let (s, e) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
        text.get(s as usize..e as usize)
            .expect("a char range")
            .to_string()
    };
    for sentence in summary["sentences"].as_array().expect("sentences") {
        let text = sentence["text"].as_str().expect("text");
        assert_eq!(at(&sentence["source"], &sentence["span"]), text);
        assert_eq!(text.trim(), text, "untrimmed: {text:?}");
        assert!(!text.contains('\u{feff}'), "a byte-order mark in {text:?}");
        for citation in sentence["citations"].as_array().expect("citations") {
            let cited = at(&citation["source"], &citation["span"]);
            assert!(!cited.trim().is_empty());
        }
    }
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

fn lossy(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).into_owned()
}

fn windows_1252(bytes: Vec<u8>) -> String {
    encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned()
}

fn span(value: &Value) -> (usize, usize) {
    (
        value[0].as_u64().expect("start") as usize,
        value[1].as_u64().expect("end") as usize,
    )
}

/// A saved news page around `report` (headline, then paragraphs): a cookie
/// banner, navigation, a figure, related links, a footer.
fn page(report: &str) -> String {
    let mut paragraphs = report.lines().map(str::trim).filter(|p| !p.is_empty());
    paragraphs.next();
    let body: String = paragraphs.map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Envoys head to Moscow | Daily Courier</title>\
         <meta property=\"og:title\" content=\"Envoys head to Moscow\">\
         <script>var x = '<p>not text</p>';</script><style>p {{ color: red }}</style></head><body>\
         <div class=\"cookie-banner\">We use cookies to improve your experience.</div>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>\
         <article><h1>Envoys head to Moscow</h1>{body}\
         <figure><img src=\"a.jpg\"><figcaption>Envoys arrive. (Photo: AP)</figcaption></figure>\
         <div class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Earlier talks collapsed</a></li>\
         <li><a href=\"/b\">Who are the envoys?</a></li></ul></div></article>\
         <footer><p>&copy; 2025 Daily Courier. All rights reserved.</p></footer></body></html>"
    )
}

fn utf16(bytes: Vec<u8>) -> String {
    let big_endian = bytes.starts_with(&[0xFE, 0xFF]);
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|p| {
            if big_endian {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).expect("UTF-16")
}

/// The summary sentences of a JSON output, white space collapsed.
fn normalised(out: &Output) -> Vec<String> {
    sentences(out)
        .iter()
        .map(|s| {
            let text = s["text"].as_str().expect("text");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The same summary as `text` gives, read as UTF-8 with LF line ends.
fn same_as_plain(dir: &Path, out: &Output, text: &str) {
    write(dir, "plain/plain.txt", text);
    let plain = run(dir, &args(&["summarize", "--format", "json", "plain"]), b"");
    assert!(plain.status.success());
    assert_eq!(normalised(out), normalised(&plain));
}

fn source_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip_while(|l| *l != "Sources:")
        .skip(1)
        .map(str::to_string)
        .collect()
}

/// One case: files written into a fresh folder, the arguments and standard
/// input, the exit code, a fragment of standard error (`None`: it must be
/// empty), and a check of the output.
struct Case {
    name: &'static str,
    setup: fn(&Path) -> Vec<String>,
    stdin: &'static [u8],
    code: i32,
    stderr: Option<&'static str>,
    check: fn(&Path, &Output),
}

fn no_check(_: &Path, _: &Output) {}

/// A symbolic link at `at` to `target`.
fn link(target: &Path, at: &Path) {
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, at).expect("symlink");
    #[cfg(windows)]
    std::os::windows::fs::symlink_file(target, at).expect("symlink");
}

fn empty_summary(_: &Path, out: &Output) {
    assert!(sentences(out).is_empty());
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "empty file",
            setup: |d| {
                write(d, "a.txt", "");
                args(&["summarize", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("warning: a.txt: empty; nothing in it to summarize"),
            check: |_, out| assert_eq!(source_lines(out), ["[1] a (a.txt)"]),
        },
        Case {
            name: "whitespace only",
            setup: |d| {
                write(d, "a.txt", " \n\t\r\n  \u{a0}\n");
                args(&["summarize", "--format", "json", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("a.txt: blank (white space only); nothing in it to summarize"),
            check: empty_summary,
        },
        Case {
            name: "empty file beside a report",
            setup: |d| {
                write(d, "empty.txt", "");
                write(d, "report.txt", corpus_report(0));
                args(&["summarize", "--format", "json", "empty.txt", "report.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("empty.txt: empty"),
            check: |d, out| {
                assert!(!sentences(out).is_empty());
                spans_slice(d, out, utf8);
            },
        },
        Case {
            name: "binary file",
            setup: |d| {
                write(d, "data.txt", b"PK\x03\x04\0\0\x14\0binary");
                args(&["summarize", "data.txt"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("data.txt: not text: a NUL byte at byte offset 4"),
            check: no_check,
        },
        Case {
            name: "binary file, --lossy",
            setup: |d| {
                write(d, "data.txt", b"PK\x03\x04\0\0\x14\0binary \xff");
                args(&["summarize", "--lossy", "data.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("data.txt: 1 invalid UTF-8 sequence replaced by U+FFFD"),
            check: no_check,
        },
        Case {
            name: "a saved news page",
            setup: |d| {
                write(d, "pages/a.html", page(&corpus_report(0)));
                write(d, "pages/b.htm", page(&corpus_report(1)));
                args(&["summarize", "--format", "json", "pages"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                let summary = json(out);
                for (i, name) in ["pages/a.html", "pages/b.htm"].iter().enumerate() {
                    let source = &summary["sources"][i];
                    assert_eq!(source["format"], "html");
                    assert_eq!(source["spans"], "extracted text");
                    assert_eq!(source["title"], "Envoys head to Moscow");
                    // Spans index the text `multisum extract` prints.
                    let extracted = run(d, &args(&["extract", name]), b"");
                    let text = String::from_utf8(extracted.stdout).expect("UTF-8");
                    assert!(!text.contains("cookies") && !text.contains("Daily Courier"));
                    for sentence in sentences(out) {
                        if sentence["source"] == i {
                            let (s, e) = span(&sentence["span"]);
                            assert_eq!(&text[s..e], sentence["text"].as_str().expect("text"));
                        }
                    }
                }
                let all = String::from_utf8_lossy(&out.stdout);
                for furniture in ["cookies", "Daily Courier", "Related", "Photo", "<"] {
                    assert!(!all.contains(furniture), "{furniture} in the summary");
                }
                // The HTML report says what its text of the page is.
                let report = run(d, &args(&["summarize", "-f", "html", "pages"]), b"");
                let report = String::from_utf8(report.stdout).expect("UTF-8");
                assert!(report.contains("<span class=\"reading\">article extracted from HTML</span>"));
                assert!(!report.contains("cookies"));
            },
        },
        Case {
            name: "malformed HTML",
            setup: |d| {
                let body = corpus_report(2);
                let broken = format!(
                    "<html><body><p>{}<div><p>unclosed <b>bold <table><td>cell</p></span></i>",
                    body.replace("\n\n", "<p>")
                );
                write(d, "broken.html", broken);
                args(&["summarize", "broken.html"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |_, out| assert!(!out.stdout.is_empty()),
        },
        Case {
            name: "a page with no article (a login form)",
            setup: |d| {
                write(
                    d,
                    "login.html",
                    "<html><head><title>Sign in</title></head><body><form><label>Email</label>\
                     <input name=e><label>Password</label><input type=password>\
                     <button>Sign in</button></form></body></html>",
                );
                args(&["summarize", "login.html"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("login.html: no article found in the page"),
            check: no_check,
        },
        Case {
            name: "a 50 MB page",
            setup: |d| {
                let image = format!("<img src=\"data:image/png;base64,{}\">\n", "A".repeat(1 << 20));
                let mut html = page(&corpus_report(3));
                html.insert_str(html.find("</article>").expect("article"), &image.repeat(48));
                write(d, "big.html", html);
                args(&["summarize", "big.html"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |_, out| assert!(source_lines(out).len() == 1 && out.stdout.len() > 200),
        },
        Case {
            name: "100,000 nested tags",
            setup: |d| {
                let html = format!(
                    "<html><body>{}<p>{}</p>{}</body></html>",
                    "<div>".repeat(100_000),
                    corpus_report(0),
                    "</div>".repeat(100_000)
                );
                write(d, "deep.html", html);
                args(&["summarize", "deep.html"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("deep.html: the page nests tags 100003 deep, more than the 2000 read"),
            check: no_check,
        },
        Case {
            name: "an .html file that is an image",
            setup: |d| {
                write(d, "photo.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
                args(&["summarize", "photo.html"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("photo.html: not text: a NUL byte at byte offset 8"),
            check: no_check,
        },
        Case {
            name: "a Markdown file of only code",
            setup: |d| {
                write(d, "code.md", "```\nfn main() { println!(\"Talks began.\"); }\n```\n\n    indented = code;\n");
                args(&["summarize", "code.md"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("code.md: only code blocks and markup, no text; nothing in it to summarize"),
            check: no_check,
        },
        Case {
            name: "Markdown: markup out of sentences, spans into the file",
            setup: |d| {
                let mut md = String::from("---\ntitle: \"Envoys: the talks\"\ndate: 2025-03-13\n---\n\n# Envoys head to Moscow\n\n");
                let report = corpus_report(1);
                let paragraphs = report.lines().map(str::trim).filter(|p| p.len() > 80);
                for (i, para) in paragraphs.enumerate() {
                    md.push_str(&match i % 3 {
                        0 => {
                            let (first, rest) = para.split_once(' ').expect("words");
                            let (word, rest) = rest.split_once(' ').expect("words");
                            format!("{first} **{word}** {rest}")
                        }
                        1 => format!("- {para}"),
                        _ => format!("{para} [More](https://example.com/more)."),
                    });
                    md.push_str("\n\n```\nlet code = 1;\n```\n\n");
                }
                write(d, "notes.md", md);
                args(&["summarize", "--format", "json", "notes.md"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                let file = std::fs::read_to_string(d.join("notes.md")).expect("file");
                let summary = json(out);
                assert_eq!(summary["sources"][0]["title"], "Envoys: the talks");
                assert_eq!(summary["sources"][0]["spans"], "file");
                let words = |t: &str| -> Vec<String> {
                    t.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect()
                };
                for sentence in sentences(out) {
                    let text = sentence["text"].as_str().expect("text");
                    for mark in ["**", "](", "```", "let code", "https"] {
                        assert!(!text.contains(mark), "{mark:?} in {text:?}");
                    }
                    assert!(!text.starts_with("- "), "a list marker in {text:?}");
                    // The span is the sentence in the file, marks and all.
                    let (s, e) = span(&sentence["span"]);
                    let there = words(&file[s..e]);
                    let mut read = words(text).into_iter().peekable();
                    assert_eq!(there.first(), read.peek(), "{text:?}");
                    for w in &there {
                        if read.peek() == Some(w) {
                            read.next();
                        }
                    }
                    assert!(read.next().is_none(), "{text:?} is not in {:?}", &file[s..e]);
                }
            },
        },
        Case {
            name: "Windows-1252 text (curly quotes)",
            setup: |d| {
                let text = corpus_report(0).replace('"', "\u{201C}");
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
                write(d, "cp.txt", bytes);
                args(&["summarize", "--format", "json", "cp.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("cp.txt: not UTF-8 (the first invalid byte at offset"),
            check: |d, out| {
                assert!(
                    String::from_utf8_lossy(&out.stderr).contains("read as windows-1252"),
                    "names the encoding"
                );
                spans_slice(d, out, windows_1252);
                let source = &json(out)["sources"][0];
                assert_eq!(source["encoding"], "windows-1252");
                assert_eq!(source["spans"], "decoded text");
                assert!(!out.stdout.contains(&0xEF), "no U+FFFD");
            },
        },
        Case {
            name: "invalid UTF-8, --encoding utf-8",
            setup: |d| {
                write(d, "bad.txt", b"Valid start \xff\xfe then junk.");
                args(&["summarize", "--encoding", "utf-8", "bad.txt"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("bad.txt: invalid UTF-8 at byte offset 12 (--lossy replaces"),
            check: no_check,
        },
        Case {
            name: "--encoding forces a legacy encoding",
            setup: |d| {
                let report = corpus_report(3);
                let (bytes, _, _) = encoding_rs::ISO_8859_2.encode(&report);
                write(d, "latin2.txt", bytes);
                args(&["summarize", "--encoding", "latin2", "--format", "json", "latin2.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("latin2.txt: read as ISO-8859-2 (--encoding); spans index the decoded text"),
            check: |_, out| assert_eq!(json(out)["sources"][0]["encoding"], "ISO-8859-2"),
        },
        Case {
            name: "an unknown --encoding",
            setup: |_| args(&["summarize", "--encoding", "klingon", "a.txt"]),
            stdin: b"",
            code: 2,
            stderr: Some("invalid value 'klingon' for '--encoding <NAME>': not an encoding label"),
            check: no_check,
        },
        Case {
            name: "invalid UTF-8, --lossy",
            setup: |d| {
                let mut bytes = corpus_report(0).into_bytes();
                bytes.insert(400, 0xFF);
                bytes.insert(900, 0xC3);
                write(d, "bad.txt", bytes);
                args(&["summarize", "--lossy", "--format", "json", "bad.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some(
                "bad.txt: 2 invalid UTF-8 sequences replaced by U+FFFD, the first at byte \
                 offset 400; spans index the repaired text",
            ),
            check: |d, out| {
                assert!(!sentences(out).is_empty());
                spans_slice(d, out, lossy);
                // The repaired text is not the file: the JSON says so.
                assert_eq!(json(out)["sources"][0]["spans"], "decoded text");
            },
        },
        Case {
            name: "UTF-8 byte-order mark",
            setup: |d| {
                write(d, "bom.txt", format!("\u{feff}{}", titled_report()));
                args(&["summarize", "--format", "json", "bom.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                // Spans index the file, mark included, byte for byte.
                spans_slice(d, out, utf8);
                assert_eq!(json(out)["sources"][0]["title"], "Envoys Head to Moscow");
                same_as_plain(d, out, &titled_report());
            },
        },
        Case {
            name: "UTF-16LE with byte-order mark",
            setup: |d| {
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(corpus_report(1).encode_utf16().flat_map(u16::to_le_bytes));
                write(d, "wide.txt", bytes);
                args(&["summarize", "--format", "json", "wide.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("wide.txt: read as UTF-16LE; spans index its UTF-8 text, not the file"),
            check: |d, out| {
                spans_slice(d, out, utf16);
                same_as_plain(d, out, &corpus_report(1));
            },
        },
        Case {
            name: "UTF-16BE with byte-order mark",
            setup: |d| {
                let mut bytes = vec![0xFE, 0xFF];
                bytes.extend(corpus_report(2).encode_utf16().flat_map(u16::to_be_bytes));
                write(d, "wide.txt", bytes);
                args(&["summarize", "--format", "json", "wide.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("wide.txt: read as UTF-16BE"),
            check: |d, out| {
                spans_slice(d, out, utf16);
                same_as_plain(d, out, &corpus_report(2));
            },
        },
        Case {
            name: "UTF-16 without byte-order mark",
            setup: |d| {
                let bytes: Vec<u8> = "Talks began."
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect();
                write(d, "wide.txt", bytes);
                args(&["summarize", "wide.txt"])
            },
            stdin: b"",
            code: 1,
            stderr: Some(
                "wide.txt: not text: a NUL byte at byte offset 1 (a binary file, or UTF-16",
            ),
            check: no_check,
        },
        Case {
            name: "CRLF line ends",
            setup: |d| {
                write(d, "crlf.txt", corpus_report(3).replace('\n', "\r\n"));
                args(&["summarize", "--format", "json", "crlf.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                spans_slice(d, out, utf8);
                same_as_plain(d, out, &corpus_report(3));
            },
        },
        Case {
            name: "lone CR line ends",
            setup: |d| {
                write(d, "cr.txt", corpus_report(4).replace('\n', "\r"));
                args(&["summarize", "--format", "json", "cr.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                spans_slice(d, out, utf8);
                same_as_plain(d, out, &corpus_report(4));
            },
        },
        Case {
            name: "20 MB on one line without punctuation",
            setup: |d| {
                let words = ["envoys", "talks", "moscow", "ceasefire", "troops", "kursk"];
                let mut text = String::with_capacity(21 << 20);
                let mut i = 0usize;
                while text.len() < 20 << 20 {
                    text.push_str(words[i % words.len()]);
                    text.push_str(if i.is_multiple_of(7) { "  " } else { " " });
                    i = i.wrapping_mul(31).wrapping_add(17) % 1_000_003;
                }
                write(d, "long.txt", text);
                args(&["summarize", "--format", "json", "long.txt"])
            },
            stdin: b"",
            code: 0,
            // A line without an end is a fragment, never chosen: the summary is
            // empty, and says why.
            stderr: Some(
                "the summary is empty: every sentence is a fragment (too short, or without an \
                 end)",
            ),
            check: empty_summary,
        },
        Case {
            name: "a 1 MB sentence",
            setup: |d| {
                let mut text = corpus_report(0);
                text.push_str("\n\nThe envoys");
                for i in 0..150_000 {
                    text.push_str(&format!(" w{}", i % 997));
                }
                text.push_str(".\n");
                write(d, "long.txt", text);
                args(&["summarize", "--format", "json", "long.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| spans_slice(d, out, utf8),
        },
        Case {
            name: "10,000 tiny documents",
            setup: |d| {
                let places = ["Moscow", "Kyiv", "Riyadh", "Jeddah", "Kursk", "Geneva"];
                for i in 0..10_000 {
                    let text = format!(
                        "Envoys met officials in {} on day {} to discuss a ceasefire.\n",
                        places[i % places.len()],
                        i % 97
                    );
                    write(d, &format!("docs/{i:05}.txt"), text);
                }
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |_, out| {
                let sources = source_lines(out);
                assert_eq!(sources.len(), 10_000);
                assert!(sources[9_999].starts_with("[10000] 09999 (docs/09999.txt)"));
                assert!(!String::from_utf8_lossy(&out.stdout).starts_with('\n'));
            },
        },
        Case {
            name: "the same file twice",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "a.txt", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("a.txt: given more than once; its copies count as one report"),
            check: |_, out| {
                assert!(source_lines(out)[1].ends_with("a syndicated copy of [1]"));
            },
        },
        Case {
            name: "the same text in two files",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                write(d, "b.txt", corpus_report(0));
                args(&["summarize", "a.txt", "b.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |_, out| {
                assert_eq!(
                    source_lines(out)[1],
                    "[2] b — US Envoys Head to Moscow as Putin Visits Kursk Troops (b.txt), \
                     a syndicated copy of [1]"
                );
                let text = String::from_utf8_lossy(&out.stdout);
                assert!(text.lines().next().is_some_and(|l| l.ends_with("[1][2]")));
            },
        },
        Case {
            name: "reports in different languages",
            setup: |d| {
                write(d, "en.txt", corpus_report(0));
                write(
                    d,
                    "fr.txt",
                    "Des émissaires américains sont arrivés à Moscou mardi pour des \
                     pourparlers. Le Kremlin a déclaré que le président examinait la \
                     proposition de cessez-le-feu. Les combats continuent dans la région \
                     de Koursk, selon les autorités locales.",
                );
                write(
                    d,
                    "de.txt",
                    "Amerikanische Gesandte sind am Dienstag zu Gesprächen in Moskau \
                     eingetroffen. Der Kreml erklärte, der Präsident prüfe den Vorschlag \
                     einer Waffenruhe. Die Kämpfe in der Region Kursk dauern an.",
                );
                write(
                    d,
                    "ja.txt",
                    "米国の特使が火曜日にモスクワに到着した。停戦案について協議する。",
                );
                args(&[
                    "summarize",
                    "--format",
                    "json",
                    "en.txt",
                    "fr.txt",
                    "de.txt",
                    "ja.txt",
                ])
            },
            stdin: b"",
            code: 0,
            // Without spaces between words, the Japanese report looks like
            // scraping residue: a warning names it.
            stderr: Some(
                "ja.txt: no sentence of body text: its one unit is a headline or \
                 boilerplate",
            ),
            check: |d, out| {
                assert!(!sentences(out).is_empty());
                spans_slice(d, out, utf8);
            },
        },
        Case {
            name: "zero documents: an empty folder",
            setup: |d| {
                std::fs::create_dir_all(d.join("docs")).expect("folder");
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("docs: folder has no .txt, .md or .html files (it is empty)"),
            check: no_check,
        },
        Case {
            name: "a folder with no .txt, .md or .html files",
            setup: |d| {
                write(d, "docs/a.json", "{}");
                write(d, "docs/b.pdf", "%PDF-1.4");
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some(
                "docs: folder has no .txt, .md or .html files (2 other files; name a file to \
                 read it as text)",
            ),
            check: no_check,
        },
        Case {
            name: "hidden files in a folder are skipped",
            setup: |d| {
                write(d, "docs/._a.txt", b"\0\x05\x16\x07Mac OS X\0\0");
                write(d, "docs/.notes.md", "Private notes.");
                write(d, "docs/a.txt", corpus_report(0));
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |_, out| assert_eq!(source_lines(out).len(), 1),
        },
        Case {
            name: "a missing path",
            setup: |_| args(&["summarize", "gone.txt"]),
            stdin: b"",
            code: 1,
            stderr: Some("gone.txt: cannot read: No such file or directory"),
            check: no_check,
        },
        Case {
            name: "a folder of folders",
            setup: |d| {
                write(d, "clusters/one/a.txt", corpus_report(0));
                write(d, "clusters/two/b.txt", corpus_report(1));
                args(&["summarize", "clusters"])
            },
            stdin: b"",
            code: 1,
            stderr: Some(
                "clusters: folder has no .txt, .md or .html files, only subfolders (they are not \
                 searched; `multisum batch --dirs clusters` summarizes each as a cluster)",
            ),
            check: no_check,
        },
        Case {
            name: "a budget of 0 sentences",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--format", "json", "--sentences", "0", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("warning: the summary is empty: no sentence fits the budget"),
            check: empty_summary,
        },
        Case {
            name: "a budget of 0 words",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--format", "json", "--words", "0", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("the summary is empty: no sentence fits the budget"),
            check: empty_summary,
        },
        Case {
            name: "a budget of 0 bytes",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--format", "json", "--bytes", "0", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("the summary is empty: no sentence fits the budget"),
            check: empty_summary,
        },
        Case {
            name: "a ratio of 0 (at least one sentence)",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--format", "json", "--ratio", "0", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |_, out| assert_eq!(sentences(out).len(), 1),
        },
        Case {
            name: "a budget larger than the input",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&[
                    "summarize",
                    "--format",
                    "json",
                    "--sentences",
                    "1000",
                    "a.txt",
                ])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                let n = sentences(out).len();
                assert!((7..100).contains(&n), "{n} sentences");
                spans_slice(d, out, utf8);
            },
        },
        Case {
            name: "--words 18446744073709551615",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                write(d, "b.txt", corpus_report(1));
                args(&[
                    "summarize",
                    "--format",
                    "json",
                    "--words",
                    "18446744073709551615",
                    "a.txt",
                    "b.txt",
                ])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: |d, out| {
                assert!(sentences(out).len() > 6);
                spans_slice(d, out, utf8);
            },
        },
        Case {
            name: "--bytes 18446744073709551615",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--bytes", "18446744073709551615", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: no_check,
        },
        Case {
            name: "--sentences 18446744073709551615",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--sentences", "18446744073709551615", "a.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: None,
            check: no_check,
        },
        Case {
            name: "--words 18446744073709551616 (beyond 64 bits)",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--words", "18446744073709551616", "a.txt"])
            },
            stdin: b"",
            code: 2,
            stderr: Some("invalid value '18446744073709551616' for '--words <N>'"),
            check: no_check,
        },
        Case {
            name: "a ratio above 1",
            setup: |d| {
                write(d, "a.txt", corpus_report(0));
                args(&["summarize", "--ratio", "1.5", "a.txt"])
            },
            stdin: b"",
            code: 2,
            stderr: Some("invalid value '1.5' for '--ratio <R>': not a number between 0 and 1"),
            check: no_check,
        },
        Case {
            name: "every line boilerplate",
            setup: |d| {
                write(
                    d,
                    "noise.txt",
                    "in , , ,\nRead Time: 2 Minute, 9 Second\nPhoto credit: www.bbc.com\n\
                     What do you think?\n",
                );
                args(&["summarize", "--format", "json", "noise.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some(
                "noise.txt: no sentence of body text: its 4 units are all headlines or \
                 boilerplate; nothing in it to summarize",
            ),
            check: empty_summary,
        },
        Case {
            name: "a manifest naming a missing file",
            setup: |d| {
                write(
                    d,
                    "docs/manifest.toml",
                    "[[report]]\nid = \"x\"\nfile = \"gone.txt\"\n",
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("named in docs/manifest.toml: docs/gone.txt: cannot read"),
            check: no_check,
        },
        Case {
            name: "a malformed manifest",
            setup: |d| {
                write(d, "docs/a.txt", corpus_report(0));
                write(
                    d,
                    "docs/manifest.toml",
                    "[[report]]\nid = x\nfile = \"a.txt\"\n",
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("docs/manifest.toml: malformed manifest (line 2)"),
            check: no_check,
        },
        Case {
            name: "a manifest without a report's file",
            setup: |d| {
                write(d, "docs/manifest.toml", "[[report]]\nid = \"x\"\n");
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("malformed manifest (line 1): missing field `file`"),
            check: no_check,
        },
        Case {
            name: "a manifest listing no reports",
            setup: |d| {
                write(d, "docs/a.txt", corpus_report(0));
                write(d, "docs/manifest.toml", "# nothing yet\n");
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("docs/manifest.toml: the manifest lists no [[report]]"),
            check: no_check,
        },
        Case {
            name: "a manifest naming a file outside its folder (..)",
            setup: |d| {
                write(d, "secret.txt", corpus_report(0));
                write(
                    d,
                    "docs/manifest.toml",
                    "[[report]]\nid = \"x\"\nfile = \"../secret.txt\"\n",
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some(
                "docs/manifest.toml: report \"x\": file \"../secret.txt\" leads out of the \
                 folder (`..`); a manifest names files in its own folder",
            ),
            check: no_check,
        },
        Case {
            name: "a manifest naming an absolute path",
            setup: |d| {
                write(d, "secret.txt", corpus_report(0));
                let secret = d.join("secret.txt");
                write(
                    d,
                    "docs/manifest.toml",
                    format!("[[report]]\nid = \"x\"\nfile = {:?}\n", secret.display().to_string()),
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("is an absolute path; a manifest names files in its own folder"),
            check: no_check,
        },
        Case {
            name: "a manifest naming a link that leads outside its folder",
            setup: |d| {
                write(d, "secret.txt", corpus_report(0));
                std::fs::create_dir_all(d.join("docs")).expect("folder");
                link(&d.join("secret.txt"), &d.join("docs/inner.txt"));
                write(
                    d,
                    "docs/manifest.toml",
                    "[[report]]\nid = \"x\"\nfile = \"inner.txt\"\n",
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("file \"inner.txt\" is a link that leads out of the folder"),
            check: no_check,
        },
        Case {
            name: "a folder's link that leads outside it is not followed",
            setup: |d| {
                write(d, "secret.txt", corpus_report(0));
                write(d, "docs/a.txt", corpus_report(1));
                link(&d.join("secret.txt"), &d.join("docs/b.txt"));
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("docs/b.txt: a link that leads outside docs; not followed"),
            check: |_, out| assert_eq!(source_lines(out).len(), 1),
        },
        Case {
            name: "a manifest date that is not ISO 8601",
            setup: |d| {
                write(d, "docs/a.txt", corpus_report(0));
                write(
                    d,
                    "docs/manifest.toml",
                    "[[report]]\nid = \"x\"\nfile = \"a.txt\"\ndate = \"yesterday\"\n",
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 0,
            stderr: Some(
                "docs/manifest.toml: report \"x\": date \"yesterday\" is not an ISO 8601 date",
            ),
            check: no_check,
        },
        Case {
            name: "a batch date that is not ISO 8601",
            setup: |_| args(&["batch"]),
            stdin: b"{\"id\": \"c\", \"documents\": [{\"text\": \"Envoys flew to Moscow for talks on Tuesday.\", \"date\": \"13/03/2025\"}]}\n",
            code: 0,
            stderr: Some("cluster \"c\": document 1: date \"13/03/2025\" is not an ISO 8601 date"),
            check: no_check,
        },
        Case {
            name: "a manifest naming a folder",
            setup: |d| {
                write(d, "docs/sub/a.txt", corpus_report(0));
                write(
                    d,
                    "docs/manifest.toml",
                    "[[report]]\nid = \"x\"\nfile = \"sub\"\n",
                );
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("docs/sub: cannot read: is a folder"),
            check: no_check,
        },
        Case {
            name: "an unreadable file",
            setup: |d| {
                write(d, "docs/a.txt", corpus_report(0));
                write(d, "docs/secret.txt", corpus_report(1));
                set_mode(&d.join("docs/secret.txt"), 0o000);
                args(&["summarize", "docs"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("docs/secret.txt: cannot read: Permission denied"),
            check: no_check,
        },
        Case {
            name: "endless input",
            setup: |_| args(&["summarize", "/dev/zero"]),
            stdin: b"",
            code: 1,
            stderr: Some("/dev/zero: cannot read: larger than 64 MiB, the most one report may be"),
            check: no_check,
        },
        Case {
            name: "empty standard input",
            setup: |_| args(&["summarize", "-"]),
            stdin: b"",
            code: 0,
            stderr: Some("stdin: empty; nothing in it to summarize"),
            check: no_check,
        },
        Case {
            name: "standard input twice",
            setup: |_| args(&["summarize", "-", "-"]),
            stdin: b"Talks began in Moscow on Tuesday with envoys.",
            code: 1,
            stderr: Some("`-` (standard input) is given more than once"),
            check: no_check,
        },
        Case {
            name: "invalid UTF-8 on standard input, --encoding utf-8",
            setup: |_| args(&["split", "--encoding", "utf-8", "-"]),
            stdin: b"Talks \xc3\x28 began.",
            code: 1,
            stderr: Some("standard input: invalid UTF-8 at byte offset 6"),
            check: no_check,
        },
        Case {
            name: "Windows-1252 on standard input",
            setup: |_| args(&["extract", "-"]),
            stdin: b"Talks \x93began\x94 in Moscow.",
            code: 0,
            stderr: Some("standard input: not UTF-8"),
            check: |_, out| {
                assert_eq!(
                    String::from_utf8_lossy(&out.stdout),
                    "Talks \u{201C}began\u{201D} in Moscow."
                )
            },
        },
        Case {
            name: "split of a binary file",
            setup: |d| {
                write(d, "data.bin", b"\x7fELF\x02\x01\x01\0\0\0");
                args(&["split", "data.bin"])
            },
            stdin: b"",
            code: 1,
            stderr: Some("data.bin: not text: a NUL byte at byte offset 7"),
            check: no_check,
        },
        Case {
            name: "split --lossy",
            setup: |d| {
                write(d, "bad.txt", b"One \xff sentence. Another \xfe one.");
                args(&["split", "--lossy", "--format", "json", "bad.txt"])
            },
            stdin: b"",
            code: 0,
            stderr: Some("bad.txt: 2 invalid UTF-8 sequences replaced by U+FFFD"),
            check: |d, out| {
                let text = lossy(std::fs::read(d.join("bad.txt")).expect("file"));
                let units: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
                assert_eq!(units.len(), 2);
                for unit in units {
                    let (s, e) = (
                        unit["span"][0].as_u64().unwrap(),
                        unit["span"][1].as_u64().unwrap(),
                    );
                    assert_eq!(text[s as usize..e as usize], unit["text"]);
                }
            },
        },
    ]
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

#[test]
fn bad_input_table() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = scratch(case.name);
        let args = (case.setup)(&dir);
        if case.name == "an unreadable file" && std::fs::read(dir.join("docs/secret.txt")).is_ok() {
            // Running as root, or on a system without Unix permissions:
            // nothing here is unreadable.
            eprintln!("skipped {:?}: permissions do not apply", case.name);
            continue;
        }
        if case.name == "endless input" && !Path::new("/dev/zero").exists() {
            continue;
        }
        let started = Instant::now();
        let out = run(&dir, &args, case.stdin);
        let took = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let result = std::panic::catch_unwind(|| {
            assert!(took < HANG, "took {took:?}: a hang");
            assert!(!stderr.contains("panicked"), "a panic");
            assert_eq!(out.status.code(), Some(case.code), "exit code");
            match case.stderr {
                None => assert!(stderr.is_empty(), "unexpected message"),
                Some(fragment) => assert!(stderr.contains(fragment), "lacks {fragment:?}"),
            }
            if case.code == 1 {
                // An input error is one line, naming what went wrong.
                assert_eq!(stderr.lines().count(), 1, "not one line");
            }
            if case.code != 0 {
                assert!(out.stdout.is_empty(), "output despite the error");
            }
            (case.check)(&dir, &out);
        });
        if result.is_err() {
            failures.push(format!("{}: {args:?}\n  stderr: {stderr}", case.name));
        } else {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
}

/// Inputs built to make a splitter or tokenizer quadratic: long runs of
/// terminal punctuation and quotes, a megabyte without white space, many
/// tiny lines, and patterns that make the splitter look around (initials,
/// ellipses, list markers, times, brackets). Each is split and summarised
/// well within a generous bound, with exact spans.
#[test]
fn adversarial_inputs_take_bounded_time() {
    const MB: usize = 1 << 20;
    let repeat = |piece: &str| piece.repeat(MB / piece.len());
    let inputs: Vec<(&str, String)> = vec![
        ("dots", repeat(".")),
        ("bangs", repeat("!")),
        ("question-bangs", repeat("?!")),
        ("spaced dots", repeat(". ")),
        ("ellipses", repeat("…")),
        ("straight quotes", repeat("\"")),
        ("curly quotes", repeat("“")),
        ("quoted questions", repeat("“Why?” ")),
        ("no white space", repeat("a")),
        ("no white space, dotted", repeat("ab.")),
        ("opening brackets", repeat("(")),
        ("tiny lines", "A b.\n".repeat(100_000)),
        ("lowercase lines", repeat("the talks\n")),
        ("initials and quotes", repeat("Mr. A. “B. ")),
        ("period and ellipsis", repeat("word. . . . ")),
        ("list markers", repeat("1. a ")),
        ("times", repeat("At 5 a.m. Xy ")),
        ("bullets", repeat("• x ")),
    ];
    let dir = scratch("adversarial");
    let bound = Duration::from_secs(120);
    for (name, text) in &inputs {
        let file = format!("{}.txt", name.replace([' ', ','], "-"));
        write(&dir, &file, text);
        for command in [
            args(&["split", "--format", "json", &file]),
            args(&["summarize", "--format", "json", &file]),
        ] {
            let started = Instant::now();
            let out = run(&dir, &command, b"");
            let took = started.elapsed();
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(took < bound, "{name}: {command:?} took {took:?}");
            if command[0] == "split" {
                let units: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
                for unit in units {
                    let (s, e) = (
                        unit["span"][0].as_u64().unwrap(),
                        unit["span"][1].as_u64().unwrap(),
                    );
                    assert_eq!(text[s as usize..e as usize], unit["text"], "{name}");
                }
            } else {
                spans_slice(&dir, &out, utf8);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
