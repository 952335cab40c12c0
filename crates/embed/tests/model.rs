//! The model against an independent implementation, and its edge cases.
//! Needs the model: `scripts/fetch-model.sh` (run here when it is missing).

use std::path::PathBuf;
use std::sync::OnceLock;

use multisum_embed::{MAX_TOKENS, Model};

/// The installed model's folder (fetched once per test binary if missing).
fn model_dir() -> PathBuf {
    static FETCHED: OnceLock<PathBuf> = OnceLock::new();
    FETCHED
        .get_or_init(|| {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
            let status = std::process::Command::new("bash")
                .arg(root.join("scripts/fetch-model.sh"))
                .status()
                .expect("bash runs");
            assert!(status.success(), "scripts/fetch-model.sh failed");
            root.join("models/all-MiniLM-L6-v2")
        })
        .clone()
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::load(model_dir()).expect("the model loads"))
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Cosines printed by `scripts/embed-reference.py`, a NumPy forward pass of
/// the same weights (float64, written from the BERT paper's equations, mean
/// pooling over all pieces).
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
/// Up to it, every piece counts.
#[test]
fn long_sentences_are_cut_at_max_tokens() {
    let m = model();
    // "ceasefire" and "troops" are one word piece each; with [CLS] and [SEP]
    // the head is exactly MAX_TOKENS pieces.
    let head = "ceasefire ".repeat(MAX_TOKENS - 2);
    let longer = format!("{head}{}", "troops ".repeat(5_000));
    let last_differs = format!("{}troops", "ceasefire ".repeat(MAX_TOKENS - 3));
    let v = m.encode(&[&head, &longer, &last_differs]).expect("encoded");
    assert_eq!(v[0], v[1], "pieces past MAX_TOKENS are ignored");
    assert_ne!(v[0], v[2], "the last piece within MAX_TOKENS is read");
}

/// A folder that is not a usable model is an error, never a panic.
#[test]
fn bad_model_folders_are_errors() {
    let scratch = std::env::temp_dir().join(format!("multisum-embed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let real = model_dir();
    let config = std::fs::read_to_string(real.join("config.json")).expect("config");
    // (what to change in config.json, or which file to break; a phrase of the error)
    let cases: &[(&str, &str, &str)] = &[
        ("missing", "", "config.json"),
        (
            "\"num_attention_heads\": 12",
            "\"num_attention_heads\": 0",
            "num_attention_heads",
        ),
        (
            "\"num_attention_heads\": 12",
            "\"num_attention_heads\": 7",
            "num_attention_heads",
        ),
        ("\"hidden_size\": 384", "\"hidden_size\": 0", "zero"),
        (
            "\"num_hidden_layers\": 6",
            "\"num_hidden_layers\": 7",
            "not a usable model",
        ),
        (
            "\"hidden_size\": 384",
            "\"hidden_size\": 768",
            "not a usable model",
        ),
        ("weights", "", "not a usable model"),
    ];
    for (i, (from, to, phrase)) in cases.iter().enumerate() {
        let dir = scratch.join(i.to_string());
        std::fs::create_dir_all(&dir).expect("scratch folder");
        if *from != "missing" {
            assert!(config.contains(from) || *from == "weights", "{from}");
            let changed = if *from == "weights" {
                config.clone()
            } else {
                config.replace(from, to)
            };
            std::fs::write(dir.join("config.json"), changed).expect("config");
            std::fs::copy(real.join("tokenizer.json"), dir.join("tokenizer.json"))
                .expect("tokenizer");
            if *from == "weights" {
                std::fs::write(dir.join("model.safetensors"), b"not safetensors").expect("weights");
            } else {
                std::fs::copy(
                    real.join("model.safetensors"),
                    dir.join("model.safetensors"),
                )
                .expect("weights");
            }
        }
        let error = Model::load(&dir).expect_err("an error");
        assert!(error.to_string().contains(phrase), "{from} → {to}: {error}");
        assert_eq!(error.is_io(), *from == "missing", "{error}");
    }
    let _ = std::fs::remove_dir_all(&scratch);
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
