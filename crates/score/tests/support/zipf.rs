//! A seeded generator of news-like sentences with a Zipf vocabulary, for
//! tests, benches and examples. Shared by `#[path]`; not part of the
//! library.

/// SplitMix64: a tiny, good-enough, seedable PRNG.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }
}

/// Sentences of `10..=30` term ids drawn from a Zipf(1.0) distribution
/// over `vocabulary` terms (id = frequency rank), grouped into documents
/// of 30 sentences.
pub struct Corpus {
    pub vocabulary: usize,
    pub sentences: Vec<(usize, Vec<u32>)>,
}

pub fn corpus(n: usize, vocabulary: usize, seed: u64) -> Corpus {
    let mut cdf = Vec::with_capacity(vocabulary);
    let mut total = 0.0;
    for rank in 1..=vocabulary {
        total += 1.0 / rank as f64;
        cdf.push(total);
    }
    let mut rng = Rng::new(seed);
    let sentences = (0..n)
        .map(|i| {
            let len = rng.range(10, 30);
            let ids = (0..len)
                .map(|_| {
                    let u = rng.unit() * total;
                    cdf.partition_point(|&c| c < u).min(vocabulary - 1) as u32
                })
                .collect();
            (i / 30, ids)
        })
        .collect();
    Corpus {
        vocabulary,
        sentences,
    }
}

impl Corpus {
    /// The sentences as words `w<rank>`, the way a tokenizer gives them.
    pub fn words(&self, i: usize) -> impl Iterator<Item = String> + '_ {
        self.sentences[i].1.iter().map(|id| format!("w{id}"))
    }
}
