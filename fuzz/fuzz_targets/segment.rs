//! Bytes → text (lossy UTF-8) → units and tokens: spans on char
//! boundaries, slicing exactly trimmed, non-empty text; units in order,
//! inside their paragraphs, covering every non-white-space byte exactly
//! once; tokens in order inside their units.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use multisum_tokenize::{Token, Tokenizer};

static TOKENIZER: LazyLock<Tokenizer> = LazyLock::new(Tokenizer::default);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tokenizer = &*TOKENIZER;
    let doc = tokenizer.segment(&text);
    let mut covered = 0;
    for (i, unit) in doc.units().iter().enumerate() {
        let slice = text
            .get(unit.span.clone())
            .unwrap_or_else(|| panic!("unit {i}: {:?} is no char range", unit.span));
        assert!(
            !slice.is_empty() && slice.trim() == slice,
            "unit {i}: {slice:?}"
        );
        assert!(
            unit.span.start >= covered,
            "unit {i} overlaps the one before"
        );
        let gap = &text[covered..unit.span.start];
        assert!(
            gap.trim().is_empty(),
            "{gap:?} before unit {i} is in no unit"
        );
        covered = unit.span.end;
        let paragraph = &doc.paragraphs()[unit.paragraph];
        assert!(
            paragraph.start <= unit.span.start && unit.span.end <= paragraph.end,
            "unit {i} outside its paragraph"
        );
        check_tokens(&text, &unit.tokens, unit.span.clone());
        for token in &unit.tokens {
            assert!(!doc.vocabulary().stem(token.term).is_empty());
        }
    }
    assert!(
        text[covered..].trim().is_empty(),
        "text after the last unit"
    );
    let (tokens, _) = tokenizer.tokens(&text);
    check_tokens(&text, &tokens, 0..text.len());
});

fn check_tokens(text: &str, tokens: &[Token], within: std::ops::Range<usize>) {
    let mut after = within.start;
    for token in tokens {
        let word = text
            .get(token.span.clone())
            .unwrap_or_else(|| panic!("token {:?} is no char range", token.span));
        assert!(!word.is_empty(), "empty token");
        assert!(
            token.span.start >= after && token.span.end <= within.end,
            "token {word:?} out of order or place"
        );
        after = token.span.end;
    }
}
