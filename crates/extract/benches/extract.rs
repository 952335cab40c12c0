//! Extraction speed over saved pages: `MULTISUM_PAGES=DIR cargo bench -p
//! multisum-extract` (a folder of `.html` or `.html.gz` pages, such as
//! `../shared/eval/article-extraction/html`); without it, over pages made
//! from the corpus. Throughput is in bytes of HTML.

use std::io::Read;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn pages() -> Vec<String> {
    if let Ok(dir) = std::env::var("MULTISUM_PAGES") {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("MULTISUM_PAGES is a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        return paths
            .iter()
            .filter_map(|path| {
                let name = path.to_str()?;
                let file = std::fs::File::open(path).ok()?;
                let mut raw = Vec::new();
                if name.ends_with(".html.gz") {
                    flate2::read::GzDecoder::new(file)
                        .read_to_end(&mut raw)
                        .ok()?;
                } else if name.ends_with(".html") {
                    std::io::BufReader::new(file).read_to_end(&mut raw).ok()?;
                } else {
                    return None;
                }
                Some(String::from_utf8_lossy(&raw).into_owned())
            })
            .collect();
    }
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/ceasefire-talks");
    let mut paths: Vec<_> = std::fs::read_dir(corpus)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("report");
            let body: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
            format!(
                "<html><head><title>Report</title></head><body><nav><a href=/>Home</a></nav>\
                 <article>{body}</article><footer>Footer</footer></body></html>"
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let tuning = multisum_extract::Tuning::default();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("html/{}-pages", pages.len()), |b| {
        b.iter(|| {
            for page in &pages {
                let article = multisum_extract::html(page, &tuning).expect("page");
                std::hint::black_box(article);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
