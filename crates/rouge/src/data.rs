//! The two word lists ROUGE-1.5.5 reads from its data directory, embedded
//! (see `data/README.md` for their sources and licences).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// WordNet 2.0's exception lists, in the order that resolves duplicates as
/// ROUGE's `WordNet-2.0.exc.db` does: later files override earlier ones.
const EXCEPTIONS: [&str; 4] = [
    include_str!("../data/wordnet-2.0/adj.exc"),
    include_str!("../data/wordnet-2.0/adv.exc"),
    include_str!("../data/wordnet-2.0/noun.exc"),
    include_str!("../data/wordnet-2.0/verb.exc"),
];

/// ROUGE's `smart_common_words.txt`, one word per line.
const STOPWORDS: &str = include_str!("../data/smart_common_words.txt");

/// Inflected form → base form (the first base form of each line).
pub(crate) fn exceptions() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in EXCEPTIONS.iter().flat_map(|file| file.lines()) {
            let mut fields = line.split_ascii_whitespace();
            if let (Some(word), Some(base)) = (fields.next(), fields.next()) {
                map.insert(word, base);
            }
        }
        map
    })
}

/// The stopword list used with `-s`.
pub(crate) fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.lines().collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_match_rouge_data() {
        // rouge155.py checks its rebuilt WordNet-2.0.exc.db for 5,930 keys.
        assert_eq!(super::exceptions().len(), 5930);
        // 598 lines, "may" and "would" twice.
        assert_eq!(super::stopwords().len(), 596);
    }
}
