//! Ordering the chosen sentences.

use crate::cite::Match;
use crate::config::Order;
use crate::model::Analysis;

/// The output order, as indices into `chosen` (which is in order of choice).
///
/// `Order::Source` is majority ordering (Barzilay, Elhadad & McKeown 2002):
/// each report that carries two chosen facts votes for the order it gives
/// them; the order is built greedily (Cohen, Schapire & Singer 1999), always
/// taking next the fact with the largest margin of votes for preceding the
/// rest. Ties go to the fact that appears earlier on average (as a fraction
/// of its reports' length), then to the better-scored one.
///
/// `Order::Date` orders facts by the earliest date among the reports that
/// carry them (reports without a date count as later than any dated one);
/// facts of the same date keep their source order.
pub(crate) fn arrange(
    analysis: &Analysis,
    chosen: &[usize],
    citations: &[Vec<Match>],
    order: Order,
    dates: &[Option<&str>],
) -> Vec<usize> {
    let k = chosen.len();
    match order {
        Order::Score => (0..k).collect(),
        Order::Date => {
            let mut out = arrange(analysis, chosen, citations, Order::Source, dates);
            let earliest = |i: usize| -> (bool, Option<&str>) {
                let first = citations[i].iter().filter_map(|m| dates[m.source]).min();
                (first.is_none(), first)
            };
            out.sort_by_key(|&i| earliest(i));
            out
        }
        Order::Source => {
            let position = |m: &Match| analysis.sentences[m.sentence].position;
            // The facts each report carries, with their positions there. A
            // fact's margin is the votes for it preceding the facts not yet
            // placed, less the votes against; it is kept up to date as facts
            // are placed, so memory stays linear and time quadratic in `k`
            // (a k × k vote table took O(k²) memory and O(k³) time).
            let mut carried: Vec<Vec<(usize, usize)>> = vec![Vec::new(); analysis.by_source.len()];
            for (a, ms) in citations.iter().enumerate() {
                for m in ms {
                    carried[m.source].push((a, position(m)));
                }
            }
            let vote = |pa: usize, pb: usize| i64::from(pa < pb) - i64::from(pb < pa);
            let mut margin = vec![0i64; k];
            for facts in &carried {
                for &(a, pa) in facts {
                    for &(_, pb) in facts {
                        margin[a] += vote(pa, pb);
                    }
                }
            }
            let mean_position: Vec<f64> = citations
                .iter()
                .map(|ms| {
                    let sum: f64 = ms
                        .iter()
                        .map(|m| {
                            let len = analysis.by_source[m.source].len().max(1);
                            position(m) as f64 / len as f64
                        })
                        .sum();
                    sum / ms.len().max(1) as f64
                })
                .collect();
            let mut placed = vec![false; k];
            let mut out = Vec::with_capacity(k);
            while let Some(next) = (0..k).filter(|&v| !placed[v]).min_by(|&a, &b| {
                margin[b]
                    .cmp(&margin[a])
                    .then(mean_position[a].total_cmp(&mean_position[b]))
                    .then(a.cmp(&b))
            }) {
                placed[next] = true;
                out.push(next);
                for m in &citations[next] {
                    let pw = position(m);
                    for &(v, pv) in &carried[m.source] {
                        if !placed[v] {
                            margin[v] -= vote(pv, pw);
                        }
                    }
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::cited_by_words;
    use crate::model::build;

    struct Case {
        name: &'static str,
        reports: &'static [&'static [&'static str]],
        /// Per chosen sentence (in order of choice), the sentences cited.
        cited: &'static [&'static [usize]],
        order: Order,
        dates: &'static [Option<&'static str>],
        /// Positions in the chosen list, in output order.
        expected: &'static [usize],
    }

    fn check(case: &Case) {
        let analysis = build::analysis(case.reports);
        let citations: Vec<Vec<Match>> = case
            .cited
            .iter()
            .map(|sentences| cited_by_words(&analysis, sentences))
            .collect();
        let chosen: Vec<usize> = case.cited.iter().map(|c| c[0]).collect();
        let got = arrange(&analysis, &chosen, &citations, case.order, case.dates);
        assert_eq!(got, case.expected, "{}", case.name);
    }

    // Fact A is sentences 0, 14, 16; fact B is 8, 13, 15. Report 0 puts A
    // first, far apart; reports 1 and 2 put B first.
    const VOTES: &[&[&str]] = &[
        &["a", "x", "x", "x", "x", "x", "x", "x", "b"],
        &["x", "x", "x", "x", "b", "a"],
        &["b", "a"],
    ];
    const A: &[usize] = &[0, 14, 16];
    const B: &[usize] = &[8, 13, 15];

    #[test]
    fn ordering_rules() {
        let cases = [
            Case {
                name: "the reports that carry both facts vote on their order",
                reports: VOTES,
                cited: &[A, B],
                order: Order::Source,
                dates: &[None, None, None],
                expected: &[1, 0],
            },
            Case {
                name: "without votes, the fact earlier in its reports comes first",
                reports: &[&["x", "x", "x", "a"], &["b", "x"]],
                cited: &[&[3], &[4]],
                order: Order::Source,
                dates: &[None, None],
                expected: &[1, 0],
            },
            Case {
                name: "by score: the order of choice",
                reports: VOTES,
                cited: &[A, B],
                order: Order::Score,
                dates: &[None, None, None],
                expected: &[0, 1],
            },
            Case {
                name: "by date: the earliest report carrying each fact",
                reports: &[&["a"], &["b"]],
                cited: &[&[0], &[1]],
                order: Order::Date,
                dates: &[Some("2025-03-12"), Some("2025-03-10")],
                expected: &[1, 0],
            },
            Case {
                name: "by date: undated facts after dated ones",
                reports: &[&["a"], &["b"]],
                cited: &[&[0], &[1]],
                order: Order::Date,
                dates: &[None, Some("2025-03-10")],
                expected: &[1, 0],
            },
        ];
        for case in &cases {
            check(case);
        }
    }
}
