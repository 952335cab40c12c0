//! Prints the cosine of every pair of sentences given on standard input
//! (one per line), most similar pair first.
//!
//! ```sh
//! scripts/fetch-model.sh
//! printf '%s\n' "The Kremlin is studying the proposal." \
//!     "Moscow would be examining the terms of the agreement." \
//!     "Putin visited troops in Kursk." |
//!   cargo run --release -p multisum-embed --example similar -- models/all-MiniLM-L6-v2
//! ```

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: similar MODEL_DIR < sentences")?;
    let model = multisum_embed::Model::load(dir)?;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let lines: Vec<&str> = input.lines().filter(|l| !l.trim().is_empty()).collect();
    let vectors = model.encode(&lines)?;
    let mut pairs = Vec::new();
    for i in 0..lines.len() {
        for j in i + 1..lines.len() {
            let cos: f32 = vectors[i].iter().zip(&vectors[j]).map(|(a, b)| a * b).sum();
            pairs.push((cos, i, j));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (cos, i, j) in pairs {
        println!("{cos:.3}\t{}\t{}", lines[i], lines[j]);
    }
    Ok(())
}
