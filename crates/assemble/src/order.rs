//! Ordering the chosen sentences.

use crate::Order;
use crate::cite::Match;
use crate::summarize::Analysis;

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
            let mut votes = vec![vec![0i64; k]; k];
            for a in 0..k {
                for b in 0..k {
                    for ma in &citations[a] {
                        if let Some(mb) = citations[b].iter().find(|m| m.source == ma.source)
                            && position(ma) < position(mb)
                        {
                            votes[a][b] += 1;
                        }
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
            let mut remaining: Vec<usize> = (0..k).collect();
            let mut out = Vec::with_capacity(k);
            while !remaining.is_empty() {
                let margin = |v: usize| -> i64 {
                    remaining.iter().map(|&u| votes[v][u] - votes[u][v]).sum()
                };
                let (at, _) = remaining
                    .iter()
                    .enumerate()
                    .min_by(|&(_, &a), &(_, &b)| {
                        margin(b)
                            .cmp(&margin(a))
                            .then(mean_position[a].total_cmp(&mean_position[b]))
                            .then(a.cmp(&b))
                    })
                    .expect("remaining is not empty");
                out.push(remaining.remove(at));
            }
            out
        }
    }
}
