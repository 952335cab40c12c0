//! The input: sentences as bags of term ids, with their documents.

use std::collections::HashMap;

/// Sentences given as token lists, each belonging to a document.
///
/// Tokens are interned into term ids in order of first appearance, so the
/// same input always gives the same ids. Callers with their own vocabulary
/// can give term ids directly with [`SentenceSet::push_ids`].
///
/// The set does no normalisation: tokens are compared byte for byte, so
/// lowercase, stem or drop stopwords before pushing if that is wanted.
#[derive(Clone, Debug, Default)]
pub struct SentenceSet {
    vocabulary: HashMap<String, u32>,
    /// Indexed by term id; `None` for ids only ever given as numbers.
    terms: Vec<Option<Box<str>>>,
    /// Per sentence: (term id, count), sorted by term id.
    sentences: Vec<Vec<(u32, u32)>>,
    documents: Vec<usize>,
    token_counts: Vec<usize>,
}

impl SentenceSet {
    /// An empty set.
    pub fn new() -> SentenceSet {
        SentenceSet::default()
    }

    /// Adds a sentence of document `document`, and returns its index.
    /// Documents are any numbers; they only need to be equal for sentences
    /// of one document. A sentence may have no tokens.
    ///
    /// A new token gets the smallest id not yet used by any sentence.
    pub fn push<I>(&mut self, document: usize, tokens: I) -> usize
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut ids = Vec::new();
        for token in tokens {
            let token = token.as_ref();
            let id = match self.vocabulary.get(token) {
                Some(&id) => id,
                None => {
                    let id =
                        u32::try_from(self.terms.len()).expect("more than u32::MAX distinct terms");
                    self.vocabulary.insert(token.to_string(), id);
                    self.terms.push(Some(token.into()));
                    id
                }
            };
            ids.push(id);
        }
        self.push_bag(document, ids)
    }

    /// Adds a sentence given as term ids, and returns its index.
    ///
    /// Use this with a vocabulary of your own. Ids index per-term tables,
    /// so keep them dense: the vocabulary grows to the largest id plus
    /// one. Ids and tokens may be mixed: an id given here that is also
    /// the id of a token pushed with [`SentenceSet::push`] is that token.
    pub fn push_ids<I>(&mut self, document: usize, ids: I) -> usize
    where
        I: IntoIterator<Item = u32>,
    {
        let ids: Vec<u32> = ids.into_iter().collect();
        if let Some(&max) = ids.iter().max() {
            let len = max as usize + 1;
            if len > self.terms.len() {
                self.terms.resize(len, None);
            }
        }
        self.push_bag(document, ids)
    }

    fn push_bag(&mut self, document: usize, mut ids: Vec<u32>) -> usize {
        let tokens = ids.len();
        ids.sort_unstable();
        let mut bag: Vec<(u32, u32)> = Vec::new();
        for id in ids {
            match bag.last_mut() {
                Some((last, count)) if *last == id => *count += 1,
                _ => bag.push((id, 1)),
            }
        }
        bag.shrink_to_fit();
        self.sentences.push(bag);
        self.documents.push(document);
        self.token_counts.push(tokens);
        self.sentences.len() - 1
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The number of term ids in use: one more than the largest id.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The token with id `id`, or `None` for an unknown id or one only
    /// given as a number to [`SentenceSet::push_ids`].
    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize)?.as_deref()
    }

    /// The document of sentence `i`.
    ///
    /// # Panics
    ///
    /// If `i >= self.len()`, as for the other per-sentence accessors.
    pub fn document(&self, i: usize) -> usize {
        self.documents[i]
    }

    /// Sentence `i` as (term id, count) pairs sorted by term id.
    pub fn bag(&self, i: usize) -> &[(u32, u32)] {
        &self.sentences[i]
    }

    /// The number of tokens of sentence `i`, repeats included.
    pub fn token_count(&self, i: usize) -> usize {
        self.token_counts[i]
    }

    pub(crate) fn documents(&self) -> &[usize] {
        &self.documents
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_interned_in_order_of_first_appearance() {
        let mut set = SentenceSet::new();
        assert_eq!(set.push(3, ["b", "a", "b"]), 0);
        assert_eq!(set.push(3, ["c", "a"]), 1);
        assert_eq!(set.bag(0), [(0, 2), (1, 1)]);
        assert_eq!(set.bag(1), [(1, 1), (2, 1)]);
        assert_eq!(set.term(0), Some("b"));
        assert_eq!(set.term(2), Some("c"));
        assert_eq!(set.term(3), None);
        assert_eq!(set.token_count(0), 3);
        assert_eq!(set.document(1), 3);
        assert_eq!(set.vocabulary_len(), 3);
    }

    #[test]
    fn ids_and_tokens_share_one_id_space() {
        let mut set = SentenceSet::new();
        set.push_ids(0, [4, 1, 4]);
        assert_eq!(set.vocabulary_len(), 5);
        assert_eq!(set.bag(0), [(1, 1), (4, 2)]);
        assert_eq!(set.term(4), None);
        // A new token takes the next free id, after the numeric ones.
        set.push(0, ["x"]);
        assert_eq!(set.bag(1), [(5, 1)]);
        assert_eq!(set.term(5), Some("x"));
        set.push_ids(1, []);
        assert!(set.bag(2).is_empty());
        assert_eq!(set.len(), 3);
    }
}
