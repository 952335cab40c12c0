//! Extraction rules, one small page or file each: every case fails when
//! its rule is removed.

use multisum_extract::{Tuning, html, markdown};

/// A page: `<title>`, then `body` inside `<article>` after a paragraph of
/// article text long enough for Readability to take it as the article.
fn page(body: &str) -> String {
    format!(
        "<html><head><title>Talks resume | Daily Courier</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>\
         <p>Negotiators from both sides met in Geneva on Monday to resume talks on a ceasefire, \
         officials said, after a week in which the fighting had spread to two more provinces \
         and the mediators had warned that time was running out for an agreement.</p>\
         {body}</article><footer>Daily Courier</footer></body></html>"
    )
}

/// Paragraphs of the page's article after the first.
fn rest(body: &str) -> Vec<String> {
    let article = html(&page(body), &Tuning::default()).expect("a page");
    article.paragraphs()[1..].to_vec()
}

#[test]
fn html_rules() {
    let kept = "The talks are expected to last three days, according to the mediators.";
    let cases: &[(&str, String, &[&str])] = &[
        ("a paragraph is kept", format!("<p>{kept}</p>"), &[kept]),
        (
            "figures and captions are not the article",
            format!(
                "<figure><img src=a.jpg><figcaption>Delegates arrive.</figcaption></figure><p>{kept}</p>"
            ),
            &[kept],
        ),
        (
            "a list of links is other stories",
            format!(
                "<p>{kept}</p><ul><li><a href=/a>Earlier talks collapsed</a></li><li><a href=/b>Who are the mediators</a></li></ul>"
            ),
            &[kept],
        ),
        (
            "one link alone is the article's",
            format!("<p>{kept}</p><p><a href=/deal>Get it on Amazon for $39.99</a></p>"),
            &[kept, "Get it on Amazon for $39.99"],
        ),
        (
            "furniture named by class",
            format!(
                "<p>{kept}</p><div class=\"share-bar\"><p>Share this story with your friends and family today</p></div>"
            ),
            &[kept],
        ),
        (
            "a short prompt to the reader",
            format!("<p>{kept}</p><p>Sign up to our newsletter for exclusive updates</p>"),
            &[kept],
        ),
        (
            "a site notice anywhere in a short paragraph",
            format!(
                "<p>{kept}</p><p>This website uses cookies to give you the best experience.</p>"
            ),
            &[kept],
        ),
        (
            "line breaks and inline elements join",
            "<p>Talks <b>will</b> resume<br>on Monday.</p>".to_string(),
            &["Talks will resume on Monday."],
        ),
    ];
    for (name, body, expected) in cases {
        assert_eq!(rest(body), *expected, "{name}");
    }
}

#[test]
fn html_metadata() {
    let page = "<html lang=\"en-GB\"><head><title>Talks resume | Daily Courier</title>\
        <meta property=\"og:title\" content=\"Talks resume\">\
        <meta property=\"article:published_time\" content=\"2025-03-13T09:30:00Z\">\
        <meta name=\"author\" content=\"By Jane Doe\"></head><body><article><h1>Talks resume</h1>\
        <p>Negotiators from both sides met in Geneva on Monday to resume talks on a ceasefire, \
        officials said, after a week in which the fighting had spread to two more provinces.</p>\
        </article></body></html>";
    let article = html(page, &Tuning::default()).expect("a page");
    assert_eq!(article.title(), Some("Talks resume"));
    assert_eq!(article.date(), Some("2025-03-13T09:30:00Z"));
    assert_eq!(article.author(), Some("Jane Doe"));
    assert_eq!(article.language(), Some("en-GB"));
    // The headline is the title, not the first paragraph.
    assert_eq!(article.paragraphs().len(), 1);
    assert!(article.text().starts_with("Talks resume\n\nNegotiators"));
}

#[test]
fn html_limits() {
    // How deep pages nest, as the parser would build them: refused over
    // the limit (2,000), read under it.
    let deep = |n: usize, open: &str, close: &str| {
        format!(
            "<html><body>{}<p>Deep.</p>{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        )
    };
    let cases: &[(&str, String, Option<&str>)] = &[
        (
            "nested elements",
            deep(3_000, "<div>", "</div>"),
            Some("nests tags 3003 deep"),
        ),
        (
            "a slash does not close an HTML element",
            deep(3_000, "<div/>", ""),
            Some("3003 deep"),
        ),
        (
            "stray end tags close nothing",
            deep(3_000, "<div></x>", ""),
            Some("3003 deep"),
        ),
        (
            "a nested list's item is not its parent's sibling",
            deep(1_500, "<ul><li>", ""),
            Some("3003 deep"),
        ),
        (
            "a paragraph closes the one before",
            deep(3_000, "<p>Text.", ""),
            None,
        ),
        (
            "list items close their siblings",
            format!("<ul>{}</ul>", "<li>Item.".repeat(3_000)),
            None,
        ),
        (
            "void elements open nothing",
            deep(3_000, "<br><img src=x><hr>", ""),
            None,
        ),
        ("end tags close", deep(3_000, "<b>bold</b>", ""), None),
        (
            "a script's text is not tags",
            format!(
                "<script>{}</script><p>Text.</p>",
                "if (i<n) {}".repeat(3_000)
            ),
            None,
        ),
        (
            "self-closed SVG elements",
            format!("<svg>{}</svg><p>Text.</p>", "<path d=x/>".repeat(3_000)),
            None,
        ),
        (
            "comments",
            format!("<p>Text.</p>{}", "<!-- <div> -->".repeat(3_000)),
            None,
        ),
    ];
    for (name, page, refused) in cases {
        match (html(page, &Tuning::default()), refused) {
            (Err(err), Some(why)) => assert!(err.to_string().contains(why), "{name}: {err}"),
            (Ok(_), None) => {}
            (got, _) => panic!("{name}: {got:?}"),
        }
    }
    let mut small = Tuning::default();
    small.max_html_bytes = 10;
    let err = html("<p>Eleven bytes</p>", &small).expect_err("too large");
    assert!(err.to_string().contains("more than the 10 read"), "{err}");
    // No article: no paragraphs, not an error.
    let login = "<html><head><title>Sign in</title></head><body><form><input name=e>\
        <button>Sign in</button></form></body></html>";
    let article = html(login, &Tuning::default()).expect("read");
    assert!(article.paragraphs().is_empty());
}

/// The text of `file` without its blanked bytes, white space collapsed.
fn read(file: &str) -> String {
    let md = markdown(file);
    assert_eq!(md.text().len(), file.len(), "the file's length");
    let mut out = String::new();
    let mut at = 0;
    for r in md.blanked() {
        out.push_str(&md.text()[at..r.start]);
        at = r.end;
    }
    out.push_str(&md.text()[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn markdown_rules() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "a heading's marks",
            "# Talks resume\n\nText.",
            "Talks resume Text.",
        ),
        (
            "a setext underline",
            "Talks resume\n===\n\nText.",
            "Talks resume Text.",
        ),
        (
            "emphasis",
            "They met in **Geneva** on _Monday_.",
            "They met in Geneva on Monday.",
        ),
        (
            "a link keeps its text",
            "As [officials said](https://x.org/a).",
            "As officials said.",
        ),
        ("an image is not text", "Met. ![a photo](p.jpg)", "Met."),
        (
            "inline code keeps its text",
            "Run `multisum` now.",
            "Run multisum now.",
        ),
        (
            "a code block is not prose",
            "Text.\n\n```\nlet x = 1;\n```\n",
            "Text.",
        ),
        (
            "an indented code block",
            "Text.\n\n    let x = 1;\n",
            "Text.",
        ),
        (
            "raw HTML is not prose",
            "Text.\n\n<div class=\"ad\">Buy</div>\n",
            "Text.",
        ),
        (
            "list markers",
            "- One.\n- Two.\n\n1. Three.",
            "One. Two. Three.",
        ),
        ("a quotation's marks", "> Said.", "Said."),
        ("front matter", "---\ntitle: T\n---\n\nText.", "Text."),
    ];
    for (name, file, expected) in cases {
        assert_eq!(read(file), *expected, "{name}");
    }
    let md = markdown("+++\ntitle = \"Talks\"\ndate = \"2025-03-13\"\n+++\n\nText.");
    assert_eq!((md.title(), md.date()), (Some("Talks"), Some("2025-03-13")));
    let md = markdown("---\ntitle: 'Envoys: the talks'\n---\n\nText.");
    assert_eq!(md.title(), Some("Envoys: the talks"));
}
