//! Extracts every page of a folder of saved pages (`.html` or `.html.gz`)
//! and prints `{"<name>": {"articleBody": …}}` for the article-extraction
//! benchmark's `score.py`, and the speed on standard error.
//!
//! `cargo run --release -p multisum-extract --example pages -- DIR > predictions.json`

use std::io::Read;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: pages DIR")?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let tuning = multisum_extract::Tuning::default();
    let (mut bytes, mut time) = (0usize, Duration::ZERO);
    let mut out = String::from("{");
    for (i, path) in paths.iter().enumerate() {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(key) = name.strip_suffix(".html.gz").or(name.strip_suffix(".html")) else {
            continue;
        };
        let mut raw = Vec::new();
        let file = std::fs::File::open(path)?;
        if name.ends_with(".gz") {
            flate2::read::GzDecoder::new(file).read_to_end(&mut raw)?;
        } else {
            std::io::BufReader::new(file).read_to_end(&mut raw)?;
        }
        let page = String::from_utf8_lossy(&raw);
        let start = Instant::now();
        let article = multisum_extract::html(&page, &tuning)?;
        time += start.elapsed();
        bytes += page.len();
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "\n{}: {{\"articleBody\": {}}}",
            json(key),
            json(&article.body())
        ));
    }
    out.push_str("\n}");
    println!("{out}");
    eprintln!(
        "{} pages, {:.1} MB in {:.3} s: {:.1} MB/s",
        paths.len(),
        bytes as f64 / 1e6,
        time.as_secs_f64(),
        bytes as f64 / 1e6 / time.as_secs_f64()
    );
    Ok(())
}

fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
