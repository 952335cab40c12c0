//! Averages over evaluation units (clusters), with ROUGE-1.5.5's bootstrap
//! confidence intervals.

use crate::{Metric, Scores};

/// Perl's `rand` since 5.20: FreeBSD's `drand48`, seeded by `srand`.
#[derive(Debug)]
struct Drand48(u64);

impl Drand48 {
    fn seed(seed: u32) -> Self {
        Drand48((u64::from(seed) << 16) | 0x330e)
    }

    fn next(&mut self) -> f64 {
        const MASK: u64 = (1 << 48) - 1;
        self.0 = (self.0.wrapping_mul(0x5_deec_e66d).wrapping_add(0xb)) & MASK;
        // Exact: a 48-bit integer times 2^-48.
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// `sprintf("%7.5f", x)` read back as a number, as ROUGE stores scores.
fn five_places(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

/// An average over evaluation units with its confidence interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    mean: f64,
    rouge_mean: f64,
    low: f64,
    high: f64,
}

impl Estimate {
    /// The arithmetic mean of the units' values.
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// The average ROUGE-1.5.5 prints (`Average_R` etc.): the mean of the
    /// bootstrap resamples' means, over values rounded to five places,
    /// itself rounded to five places. It differs from [`mean`](Self::mean)
    /// by a few 1e-5.
    pub fn rouge_mean(&self) -> f64 {
        self.rouge_mean
    }

    /// The lower end of the bootstrap confidence interval.
    pub fn low(&self) -> f64 {
        self.low
    }

    /// The upper end of the bootstrap confidence interval.
    pub fn high(&self) -> f64 {
        self.high
    }
}

/// Recall, precision and F averaged over evaluation units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AverageScore {
    /// Average recall.
    pub recall: Estimate,
    /// Average precision.
    pub precision: Estimate,
    /// Average F-measure.
    pub f: Estimate,
}

/// Averages with bootstrap confidence intervals, computed the way
/// ROUGE-1.5.5 computes them (`-r samples -c confidence`, same
/// pseudo-random sequence), so that its printed averages and intervals are
/// reproduced when the units are given in ROUGE's order (sorted by
/// evaluation id).
#[derive(Clone, Copy, Debug)]
pub struct Bootstrap {
    samples: u32,
    confidence: f64,
}

impl Default for Bootstrap {
    fn default() -> Self {
        Bootstrap {
            samples: 1000,
            confidence: 95.0,
        }
    }
}

impl Bootstrap {
    /// 1,000 resamples, 95% intervals (ROUGE-1.5.5's defaults).
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of resamples (`-r`); at least 1.
    pub fn samples(mut self, samples: u32) -> Self {
        self.samples = samples.max(1);
        self
    }

    /// Confidence level in percent (`-c`), clamped to 0..=100.
    pub fn confidence(mut self, percent: f64) -> Self {
        self.confidence = if percent.is_nan() {
            95.0
        } else {
            percent.clamp(0.0, 100.0)
        };
        self
    }

    /// The estimate for one series of per-unit values.
    pub fn estimate(&self, values: &[f64]) -> Estimate {
        let n = values.len();
        let mean = if n == 0 {
            0.0
        } else {
            values.iter().sum::<f64>() / n as f64
        };
        let rounded: Vec<f64> = values.iter().map(|&v| five_places(v)).collect();
        let mut means: Vec<f64> = (0..self.samples)
            .map(|seed| {
                if n == 0 {
                    return 0.0;
                }
                let mut rng = Drand48::seed(seed);
                let mut sum = 0.0;
                for _ in 0..n {
                    // Perl's `int(rand($n))`.
                    let k = (rng.next() * n as f64) as usize;
                    sum += rounded[k.min(n - 1)];
                }
                sum / n as f64
            })
            .collect();
        means.sort_by(f64::total_cmp);
        let total: f64 = means.iter().sum();
        let s = f64::from(self.samples);
        let delta = s * ((100.0 - self.confidence) / 2.0) / 100.0;
        let upper_a = (s - delta - 1.0).max(0.0) as usize;
        let lower_a = delta as usize;
        let ratio = s - delta - 1.0 - upper_a as f64;
        let at = |i: usize| means.get(i).copied().unwrap_or(0.0);
        let between = |i: usize| five_places(at(i) + (at(i + 1) - at(i)) * ratio);
        Estimate {
            mean,
            rouge_mean: five_places(total / s),
            low: between(lower_a),
            high: between(upper_a),
        }
    }

    /// Average each metric of `units` (one [`Scores`] per evaluation unit,
    /// all computed with the same metrics). Metrics missing from a unit
    /// count as zero.
    pub fn average(&self, units: &[Scores]) -> Vec<(Metric, AverageScore)> {
        let Some(first) = units.first() else {
            return Vec::new();
        };
        first
            .iter()
            .map(|(metric, _)| {
                let series = |f: fn(&crate::Score) -> f64| -> Vec<f64> {
                    units
                        .iter()
                        .map(|u| u.get(metric).as_ref().map_or(0.0, f))
                        .collect()
                };
                let avg = AverageScore {
                    recall: self.estimate(&series(crate::Score::recall)),
                    precision: self.estimate(&series(crate::Score::precision)),
                    f: self.estimate(&series(crate::Score::f)),
                };
                (metric, avg)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_rand_sequence() {
        // perl -e 'srand(0); print join(",", map { int(rand(50)) } 1..8)'
        let mut rng = Drand48::seed(0);
        let got: Vec<usize> = (0..8).map(|_| (rng.next() * 50.0) as usize).collect();
        assert_eq!(got, [8, 37, 4, 43, 28, 39, 34, 18]);
        // perl -e 'srand(1); printf("%.17g", rand())'
        assert_eq!(Drand48::seed(1).next(), 0.041630344771878214);
    }

    #[test]
    fn constant_series() {
        let e = Bootstrap::new().estimate(&[0.25; 7]);
        assert_eq!(
            (e.mean(), e.rouge_mean(), e.low(), e.high()),
            (0.25, 0.25, 0.25, 0.25)
        );
        let e = Bootstrap::new().estimate(&[]);
        assert_eq!(e.rouge_mean(), 0.0);
    }
}
