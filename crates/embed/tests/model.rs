//! The model against an independent implementation, and its edge cases.
//! Needs the model: `scripts/fetch-model.sh` (run here when it is missing).

use std::path::PathBuf;
use std::sync::OnceLock;

use multisum_embed::{MAX_TOKENS, Model};

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let status = std::process::Command::new("bash")
            .arg(root.join("scripts/fetch-model.sh"))
            .status()
            .expect("bash runs");
        assert!(status.success(), "scripts/fetch-model.sh failed");
        Model::load(root.join("models/all-MiniLM-L6-v2")).expect("the model loads")
    })
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Cosines computed by a NumPy forward pass of the same weights (float64,
/// written from the BERT paper's equations, mean pooling over all pieces).
#[test]
fn cosines_match_an_independent_forward_pass() {
    let cases: &[(&str, &str, f32)] = &[
        (
            "The Kremlin is studying the proposal.",
            "Moscow would be examining the terms of the agreement.",
            0.4970,
        ),
        (
            "The Kremlin is studying the proposal.",
            "Putin visited troops in Kursk.",
            0.3916,
        ),
        (
            "Moscow would be examining the terms of the agreement.",
            "Putin visited troops in Kursk.",
            0.3851,
        ),
    ];
    for (a, b, expected) in cases {
        let v = model().encode(&[a, b]).expect("encoded");
        let got = cosine(&v[0], &v[1]);
        assert!(
            (got - expected).abs() < 1e-3,
            "{a} / {b}: {got} vs {expected}"
        );
    }
}

#[test]
fn vectors_are_unit_length_and_independent_of_the_batch() {
    let m = model();
    let sentences = [
        "US officials are traveling to Moscow to discuss a potential ceasefire in Ukraine.",
        "",
        "   ",
        "\u{1F600} \u{0301}\u{200B} x",
        "Ночью над Киевом сбили дроны.",
    ];
    let together = m.encode(&sentences).expect("encoded");
    assert_eq!(together.len(), sentences.len());
    for (s, v) in sentences.iter().zip(&together) {
        assert_eq!(v.len(), m.dimension());
        let norm = cosine(v, v).sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{s:?}: norm {norm}");
        let alone = m.encode(&[s]).expect("encoded");
        assert_eq!(&alone[0], v, "{s:?}: same bits alone and in a batch");
    }
}

/// Past [`MAX_TOKENS`] word pieces the rest is ignored, as
/// sentence-transformers does: a very long sentence costs no more than that.
#[test]
fn long_sentences_are_cut_at_max_tokens() {
    let m = model();
    let head = "ceasefire ".repeat(MAX_TOKENS - 2);
    let longer = format!("{head}{}", "troops ".repeat(5_000));
    let v = m.encode(&[&head, &longer]).expect("encoded");
    assert_eq!(v[0], v[1]);
}

/// Sentences whose vectors `vectors_are_the_same_bits_with_any_thread_count`
/// compares: lengths from 3 to 60 word pieces.
const PROBES: &[&str] = &[
    "Peace.",
    "US officials are traveling to Moscow to discuss a potential ceasefire in Ukraine.",
    "For its part, the Kremlin has not publicly said whether it supports a ceasefire or not, \
     with Peskov saying on Wednesday that Moscow would be examining the terms of the \
     agreement in the next few days.",
];

/// Prints the bits of the probes' vectors; run by the test below in a child
/// process with a given RAYON_NUM_THREADS (the matrix products' threads).
#[test]
#[ignore = "a helper of vectors_are_the_same_bits_with_any_thread_count"]
fn print_probe_bits() {
    for v in model().encode(PROBES).expect("encoded") {
        let bits: Vec<String> = v.iter().map(|x| format!("{:08x}", x.to_bits())).collect();
        println!("{}", bits.join(""));
    }
}

/// Output is the same bytes with any number of threads: the vectors are.
#[test]
fn vectors_are_the_same_bits_with_any_thread_count() {
    model(); // fetch before the children start
    let bits = |threads: &str| {
        let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args(["--ignored", "--exact", "print_probe_bits", "--nocapture"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("the child runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let lines: Vec<String> = text
            .lines()
            .filter(|l| l.len() == 8 * 384)
            .map(String::from)
            .collect();
        assert_eq!(lines.len(), PROBES.len(), "{text}");
        lines
    };
    let one = bits("1");
    for threads in ["2", "3", "8"] {
        assert!(bits(threads) == one, "{threads} threads differ from 1");
    }
}
