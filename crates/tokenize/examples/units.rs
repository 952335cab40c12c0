//! Prints the units of each file: kind, byte span and text, one per line.
//!
//! ```text
//! cargo run -p multisum-tokenize --example units -- FILE...
//! ```

use std::error::Error;

use multisum_tokenize::Tokenizer;

fn main() -> Result<(), Box<dyn Error>> {
    let tokenizer = Tokenizer::default();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        println!("== {path}");
        for unit in tokenizer.segment(&text).units() {
            let span = &unit.span;
            println!(
                "{:<11} {:>5}..{:<5} p{:<3} {:?}",
                unit.kind.name(),
                span.start,
                span.end,
                unit.paragraph,
                &text[span.clone()]
            );
        }
    }
    Ok(())
}
