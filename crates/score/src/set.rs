//! The input: sentences as bags of term ids, with their documents.

use std::collections::HashMap;

/// Sentences given as token lists, each belonging to a document.
///
/// Tokens are interned into term ids in order of first appearance, so the
/// same input always gives the same ids.
#[derive(Clone, Debug, Default)]
pub struct SentenceSet {
    vocabulary: HashMap<String, u32>,
    terms: Vec<String>,
    /// Per sentence: (term id, count), sorted by term id.
    sentences: Vec<Vec<(u32, u32)>>,
    documents: Vec<usize>,
}

impl SentenceSet {
    /// An empty set.
    pub fn new() -> SentenceSet {
        SentenceSet::default()
    }

    /// Adds a sentence of document `document`, and returns its index.
    /// Documents are any numbers; they only need to be equal for sentences
    /// of one document. A sentence may have no tokens.
    pub fn push<I>(&mut self, document: usize, tokens: I) -> usize
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for token in tokens {
            let token = token.as_ref();
            let id = match self.vocabulary.get(token) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
                    self.vocabulary.insert(token.to_string(), id);
                    self.terms.push(token.to_string());
                    id
                }
            };
            *counts.entry(id).or_insert(0) += 1;
        }
        let mut bag: Vec<(u32, u32)> = counts.into_iter().collect();
        bag.sort_unstable();
        self.sentences.push(bag);
        self.documents.push(document);
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

    /// The number of distinct terms.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The term with id `id`.
    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    /// The document of sentence `i`.
    pub fn document(&self, i: usize) -> usize {
        self.documents[i]
    }

    /// Sentence `i` as (term id, count) pairs sorted by term id.
    pub fn bag(&self, i: usize) -> &[(u32, u32)] {
        &self.sentences[i]
    }

    /// The number of tokens of sentence `i`.
    pub fn token_count(&self, i: usize) -> usize {
        self.sentences[i].iter().map(|&(_, c)| c as usize).sum()
    }

    pub(crate) fn documents(&self) -> &[usize] {
        &self.documents
    }
}
