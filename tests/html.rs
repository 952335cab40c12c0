//! The HTML report (issue 9): its structure, escaping, and links, without a
//! browser. The browser test is `tests/browser/run.sh`.

mod common;

use common::{CORPUS, root, run, stdout};
use multisum_assemble::{Budget, Config, Source, Summarizer, render};

macro_rules! assert_snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

fn multisum(args: &[&str], stdin: &[u8]) -> String {
    stdout(&run(args, stdin))
}

fn corpus_report() -> String {
    multisum(&["summarize", "--format", "html", CORPUS], b"")
}

/// The page between `<body>` and its `<script>`: what differs between
/// summaries (the head holds only the title and the fixed CSS).
fn body(html: &str) -> &str {
    let start = html.find("<body>").expect("a body") + "<body>".len();
    let end = html.rfind("<script>").expect("our script");
    &html[start..end]
}

/// An outline of the page's elements: one line per element (name, id,
/// class, links, data and aria attributes) or run of text (its first
/// words), indented by depth.
fn outline(html: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut rest = body(html);
    while !rest.is_empty() {
        let (text, tag) = match rest.find('<') {
            Some(at) => (&rest[..at], Some(&rest[at..])),
            None => (rest, None),
        };
        let words: Vec<&str> = text.split_whitespace().collect();
        if !words.is_empty() {
            let mut line = words.join(" ");
            if let Some((cut, _)) = line.char_indices().nth(48) {
                line.truncate(cut);
                line.push('…');
            }
            out.push_str(&format!("{}{line:?}\n", "  ".repeat(depth)));
        }
        let Some(tag) = tag else { break };
        let end = tag.find('>').expect("tags close");
        let inner = &tag[1..end];
        rest = &tag[end + 1..];
        if let Some(_closing) = inner.strip_prefix('/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name = inner.split_whitespace().next().unwrap_or_default();
        let mut line = name.to_string();
        for attr in [
            "id",
            "class",
            "href",
            "data-cites",
            "data-by",
            "aria-label",
            "aria-labelledby",
        ] {
            let key = format!(" {attr}=\"");
            if let Some(at) = inner.find(&key) {
                let value = &inner[at + key.len()..];
                let value = &value[..value.find('"').expect("quoted")];
                line.push_str(&format!(" {attr}={value:?}"));
            }
        }
        out.push_str(&format!("{}<{line}>\n", "  ".repeat(depth)));
        depth += 1;
    }
    assert_eq!(depth, 0, "every element closes");
    out
}

#[test]
fn corpus_report_outline() {
    assert_snapshot!("corpus_outline", outline(&corpus_report()));
}

#[test]
fn small_report_body() {
    let sources = [
        Source::new(
            "wire",
            "Talks in Moscow\n\nEnvoys flew to Moscow for ceasefire talks on Tuesday. \
             The weather in Moscow was cold.\nRead more: www.example.com",
        )
        .with_path("wire.txt"),
        Source::new(
            "daily",
            "On Tuesday envoys flew to Moscow for talks on a ceasefire. Markets & shares \
             rose sharply in Asia.",
        )
        .with_title("Daily <News>"),
    ];
    let summary = Summarizer::new(Config::new().budget(Budget::Sentences(1)))
        .summarize(&sources)
        .expect("summarizes");
    assert_snapshot!("small_body", body(&render::html(&summary, &sources)));
}

/// Issue 9: a report containing `<script>` renders it as text.
#[test]
fn issue_9_markup_in_a_report_is_text() {
    let report = "Envoys flew to Moscow for ceasefire talks <script>alert(1)</script> on \
                  Tuesday, officials said.\n<img src=x onerror=alert(2)> Markets rose.\n";
    let html = multisum(&["summarize", "--format", "html", "-"], report.as_bytes());
    assert_eq!(html.matches("<script").count(), 1, "only ours:\n{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "{html}"
    );
}

/// Every in-page link has a target, and nothing is loaded from elsewhere.
#[test]
fn links_resolve_and_nothing_is_fetched() {
    let html = corpus_report();
    let mut links = 0;
    for part in html.split("href=\"").skip(1) {
        let href = &part[..part.find('"').unwrap()];
        let id = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external link {href}"));
        assert!(html.contains(&format!(" id=\"{id}\"")), "no element #{id}");
        links += 1;
    }
    assert!(links > 20, "{links} links");
    for needle in [
        " src=", "<link", "url(", "@import", "http:", "https:", "fetch(",
    ] {
        assert!(!html.contains(needle), "{needle} in the page");
    }
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none';"));
}

/// Each citation of the JSON output is a sentence of the page, with the
/// cited report's exact text, linking back to the sentence citing it.
#[test]
fn cited_sentences_are_the_cited_spans() {
    let json: serde_json::Value =
        serde_json::from_str(&multisum(&["summarize", "--format", "json", CORPUS], b""))
            .expect("JSON");
    let html = corpus_report();
    let paths: Vec<&str> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    for (k, s) in json["sentences"].as_array().unwrap().iter().enumerate() {
        for c in s["citations"].as_array().unwrap() {
            let source = c["source"].as_u64().unwrap() as usize;
            let [start, end] = [0, 1].map(|i| c["span"][i].as_u64().unwrap() as usize);
            let text = std::fs::read_to_string(root().join(paths[source])).unwrap();
            let id = format!("s{}-{start}", source + 1);
            let at = html
                .find(&format!("id=\"{id}\""))
                .unwrap_or_else(|| panic!("#{id}"));
            let element = &html[at..at + html[at..].find("</span></span>").unwrap()];
            let shown = text[start..end].replace('&', "&amp;").replace('<', "&lt;");
            assert!(element.contains(&shown), "{element}");
            assert!(
                element.contains(&format!("href=\"#sum-{}\"", k + 1)),
                "{element}"
            );
            assert!(
                html.contains(&format!("href=\"#{id}\"")),
                "no marker for #{id}"
            );
        }
    }
}
