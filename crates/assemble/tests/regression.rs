//! Regression tests, named after their issues.

use std::time::{Duration, Instant};

use multisum_assemble::{Budget, Config, Order, Source, Summarizer};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A budget far larger than the input chooses thousands of sentences;
/// ordering them took O(k³) time and O(k²) memory (10,000 one-sentence
/// reports did not finish in minutes), citing them built two hash sets per
/// pair of sentences. Now both are quadratic at worst and fast here.
#[test]
fn issue_8_huge_budget_on_many_sentences() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let word = |rng: &mut Rng| format!("w{}", rng.below(20_000));
    let sources: Vec<Source> = (0..5)
        .map(|r| {
            let text: Vec<String> = (0..500)
                .map(|_| {
                    let words: Vec<String> = (0..6).map(|_| word(&mut rng)).collect();
                    format!("The {} met {}.", words[..3].join(" "), words[3..].join(" "))
                })
                .collect();
            Source::new(format!("r{r}"), text.join("\n"))
        })
        .collect();
    let started = Instant::now();
    let summary = Summarizer::new(Config::new().budget(Budget::Words(usize::MAX)))
        .summarize(&sources)
        .expect("a valid budget");
    let took = started.elapsed();
    assert!(
        summary.sentences().len() > 2_000,
        "{}",
        summary.sentences().len()
    );
    assert!(took < Duration::from_secs(60), "took {took:?}");
}

/// The faster ordering still follows the majority of the reports.
#[test]
fn issue_8_source_order_is_the_majority_order() {
    let a = [
        "Envoys from Washington arrived in Moscow on Tuesday for ceasefire talks.",
        "On Tuesday envoys from Washington arrived in Moscow for the ceasefire talks.",
        "Envoys from Washington reached Moscow on Tuesday for ceasefire talks.",
    ];
    let b = [
        "The Kremlin said President Putin would meet the envoys privately.",
        "President Putin would meet the envoys privately, the Kremlin said.",
        "The Kremlin said that President Putin would meet the envoys in private.",
    ];
    let c = [
        "Markets in Europe rallied strongly after the meeting ended.",
        "European markets rallied strongly after the meeting ended.",
        "Markets across Europe rallied strongly once the meeting ended.",
    ];
    let sources = [
        Source::new("r1", [a[0], b[0], c[0]].join(" ")),
        Source::new("r2", [a[1], b[1], c[1]].join(" ")),
        Source::new("r3", [c[2], b[2], a[2]].join(" ")),
    ];
    let summary = Summarizer::new(
        Config::new()
            .budget(Budget::Sentences(3))
            .order(Order::Source),
    )
    .summarize(&sources)
    .expect("valid");
    let order: Vec<char> = summary
        .sentences()
        .iter()
        .map(|s| {
            let text = s.text();
            if a.contains(&text) {
                'a'
            } else if b.contains(&text) {
                'b'
            } else {
                'c'
            }
        })
        .collect();
    assert_eq!(order, ['a', 'b', 'c'], "{:?}", summary.sentences());
}
