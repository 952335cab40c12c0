//! Reading a summary the way ROUGE-1.5.5 does: lower-casing, the length
//! cut, tokenisation, stopwords and stemming.

use std::collections::HashMap;

use crate::Limit;
use crate::data;
use crate::porter;

/// Perl's `\s` on byte strings: space, tab, newline, carriage return,
/// form feed and vertical tab.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0x0b)
}

/// Perl's `split(/\s+/, $s)`: a leading empty field is kept when `s` starts
/// with white space, trailing empty fields are dropped.
fn perl_split(s: &[u8]) -> Vec<&[u8]> {
    let mut fields: Vec<&[u8]> = s.split(|&b| is_perl_space(b)).collect();
    // `split` on a byte predicate yields empty fields between adjacent
    // spaces; Perl's `\s+` yields none, except the leading one.
    let leading = fields.first().is_some_and(|f| f.is_empty()) && !s.is_empty();
    fields.retain(|f| !f.is_empty());
    if leading && !fields.is_empty() {
        fields.insert(0, &[]);
    }
    fields
}

/// The sentences of one summary after lower-casing (`tr/A-Z/a-z/`), with
/// empty lines dropped.
pub(crate) fn lowercase(sentences: &[String]) -> Vec<Vec<u8>> {
    sentences
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_bytes().to_ascii_lowercase())
        .collect()
}

/// ROUGE's `readText`: the pieces of text that count under `limit`
/// (whole sentences, then a cut one).
pub(crate) fn cut(sentences: &[Vec<u8>], limit: Limit) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut used = 0usize;
    for s in sentences {
        match limit {
            Limit::None => out.push(s.clone()),
            Limit::Words(max) => {
                let words = perl_split(s);
                if used + words.len() < max {
                    used += words.len();
                    out.push(s.clone());
                } else {
                    out.push(words[..max - used].join(&b' '));
                    break;
                }
            }
            Limit::Bytes(max) => {
                if used + s.len() < max {
                    used += s.len();
                    out.push(s.clone());
                } else {
                    out.push(s[..max - used].to_vec());
                    break;
                }
            }
        }
    }
    out
}

/// ROUGE's `readText_LCS`: the sentences that count for ROUGE-L. With a
/// word limit it is [`cut`]; with a byte limit ROUGE-1.5.5 never adds up
/// the bytes it has taken, so each sentence is measured on its own, and the
/// first one of at least `max` bytes is cut to `max` bytes and ends the text.
pub(crate) fn cut_lcs(sentences: &[Vec<u8>], limit: Limit) -> Vec<Vec<u8>> {
    match limit {
        Limit::Bytes(max) => {
            let mut out = Vec::new();
            for s in sentences {
                if s.len() < max {
                    out.push(s.clone());
                } else {
                    out.push(s[..max].to_vec());
                    break;
                }
            }
            out
        }
        _ => cut(sentences, limit),
    }
}

/// Interns token strings so that n-grams are slices of integers.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    fn id(&mut self, token: String) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(token).or_insert(next)
    }
}

/// How tokens are normalised.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Normalize {
    pub(crate) stem: bool,
    pub(crate) remove_stopwords: bool,
}

/// ROUGE's `MorphStem`: the WordNet exception list first, then Porter.
pub(crate) fn morph_stem(token: &str) -> String {
    match data::exceptions().get(token) {
        Some(base) => (*base).to_owned(),
        None => porter::stem(token),
    }
}

/// The tokens of one piece of text, as `createNGram` and
/// `tokenizeText_LCS` see them: `-` is set apart, everything but ASCII
/// letters, digits and `-` becomes a space, stopwords are dropped (when
/// asked), tokens that do not start with a letter or digit are dropped, and
/// tokens longer than three bytes are stemmed (when asked).
pub(crate) fn tokens(piece: &[u8], norm: Normalize, vocab: &mut Vocab) -> Vec<u32> {
    let mut out = Vec::new();
    let words = piece.split(|b| !(b.is_ascii_alphanumeric() || *b == b'-'));
    for word in words.filter(|w| !w.is_empty()) {
        // `s/-/ - /g` makes every hyphen a token of its own.
        for token in word.split(|&b| b == b'-') {
            if token.is_empty() {
                continue;
            }
            // Only ASCII letters and digits remain, already lower-case
            // except for bytes that were never letters.
            let token = String::from_utf8_lossy(token).into_owned();
            if norm.remove_stopwords && data::stopwords().contains(token.as_str()) {
                continue;
            }
            if !token.as_bytes()[0].is_ascii_lowercase() && !token.as_bytes()[0].is_ascii_digit() {
                continue;
            }
            let token = if norm.stem && token.len() > 3 {
                morph_stem(&token)
            } else {
                token
            };
            out.push(vocab.id(token));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(pieces: &[Vec<u8>]) -> String {
        pieces
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect::<Vec<_>>()
            .join("|")
    }

    fn check_cut(limit: Limit, input: &[&str], expected: &str, expected_lcs: &str) {
        let sentences: Vec<String> = input.iter().map(|s| s.to_string()).collect();
        let lower = lowercase(&sentences);
        assert_eq!(show(&cut(&lower, limit)), expected, "{limit:?} {input:?}");
        assert_eq!(
            show(&cut_lcs(&lower, limit)),
            expected_lcs,
            "LCS {limit:?} {input:?}"
        );
    }

    #[test]
    fn cuts() {
        let text = ["The cat sat.", "On the MAT today.", "Gone."];
        check_cut(
            Limit::None,
            &text,
            "the cat sat.|on the mat today.|gone.",
            "the cat sat.|on the mat today.|gone.",
        );
        check_cut(
            Limit::Words(5),
            &text,
            "the cat sat.|on the",
            "the cat sat.|on the",
        );
        check_cut(Limit::Words(3), &text, "the cat sat.", "the cat sat.");
        check_cut(
            Limit::Words(8),
            &text,
            "the cat sat.|on the mat today.|gone.",
            "the cat sat.|on the mat today.|gone.",
        );
        // Perl's split keeps a leading empty field: it counts as a word.
        check_cut(Limit::Words(2), &[" a b c"], " a", " a");
        check_cut(
            Limit::Bytes(15),
            &text,
            "the cat sat.|on ",
            "the cat sat.|on the mat toda",
        );
        check_cut(Limit::Bytes(12), &text, "the cat sat.", "the cat sat.");
        check_cut(
            Limit::Bytes(20),
            &text,
            "the cat sat.|on the m",
            "the cat sat.|on the mat today.|gone.",
        );
    }

    fn check_tokens(norm: Normalize, input: &str, expected: &str) {
        let mut vocab = Vocab::default();
        let ids = tokens(input.to_ascii_lowercase().as_bytes(), norm, &mut vocab);
        let mut names = vec![String::new(); vocab.ids.len()];
        for (k, v) in &vocab.ids {
            names[*v as usize] = k.clone();
        }
        let got: Vec<&str> = ids.iter().map(|&i| names[i as usize].as_str()).collect();
        assert_eq!(got.join(" "), expected, "{input:?}");
    }

    #[test]
    fn tokenisation() {
        let plain = Normalize {
            stem: false,
            remove_stopwords: false,
        };
        let stem = Normalize {
            stem: true,
            remove_stopwords: false,
        };
        let stop = Normalize {
            stem: false,
            remove_stopwords: true,
        };
        check_tokens(
            plain,
            "U.S.-led talks, don't $5,000!",
            "u s led talks don t 5 000",
        );
        check_tokens(plain, "Café naïve -- ok", "caf na ve ok");
        check_tokens(
            stem,
            "The ponies were running quickly",
            "the poni be run quickli",
        );
        // WordNet exceptions come first; short tokens are never stemmed.
        check_tokens(
            stem,
            "Children went; mice ran. Better geese",
            "child go mouse ran well goose",
        );
        check_tokens(stop, "The cat is on the mat", "cat mat");
    }

    #[test]
    fn splits_like_perl() {
        let show = |s: &str| {
            perl_split(s.as_bytes())
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(show("a  b\tc "), ["a", "b", "c"]);
        assert_eq!(show("  a b"), ["", "a", "b"]);
        assert_eq!(show("   "), Vec::<String>::new());
        assert_eq!(show(""), Vec::<String>::new());
    }
}
