//! Finding the reports that give another value for a chosen sentence's
//! claim: "116 aboard" where the summary says "118 crew", "Sunday" where it
//! says "Saturday".
//!
//! A sentence `c` of another report *differs* from sentence `s` on a claim
//! when it states the claim but for one value: the support test of
//! [`crate::cite`] holds on the claim with its values (numbers, dates, days,
//! times; see [`crate::claim`]) left out, with the same polarity, at the
//! support test's cosine, the claim keeping `MIN_CLAIM_TERMS` words
//! besides its values, every name of the claim there (in some spelling);
//! and of the claim's values, `c` gives every one but one the same or not
//! at all, and that one differently *in the same place*: a number before
//! the same word ("118 crew" / "116 crew"), or, at the claim's end, after
//! the same word; a date, day or time after the same word ("sank Sunday" /
//! "sank Saturday"). A name differs when it is the claim's only difference,
//! another name stands between the same words, a value of the claim agrees
//! (the same event) and `c` holds `Tuning::repeat_coverage` of the rest.
//! Equal values in other notation are equal terms ("two" / "2", "6,076" /
//! "6076", "Aug." / "August"); an estimate ("about 30") agrees with values
//! within `Tuning::estimate_tolerance` of it; bounds ("more than 100") and
//! ranges ("10-12") are never compared. A report cited for the sentence is
//! never listed as differing: it states the sentence's value somewhere.
//!
//! A report dated before the chosen sentence's gives an *earlier* figure.
//! When the newest report that differs is dated after every report cited
//! for the chosen sentence, and its sentence restates the chosen one but
//! for the value, it may take the chosen one's place (see [`newest`] and
//! `Selection::replace`, which holds it to the budget and to what selection
//! allows).

use std::ops::Range;

use multisum_score::Searcher;

use crate::cite::{Match, Rarity, covered, disagree_in_polarity};
use crate::claim::{Claims, MIN_CLAIM_TERMS, Value};
use crate::model::Analysis;
use crate::summary::{Relation, ValueKind};
use crate::tuning::Tuning;

/// A sentence of another report that gives another value for a chosen
/// sentence's claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub(crate) source: usize,
    pub(crate) sentence: usize,
    /// The difference, with indices into both sentences' claims and values.
    pub(crate) difference: Difference,
}

/// Where two sentences differ: the claim of the first (an index into its
/// claims), what kind of value, its value's terms and the other's (ranges
/// of each sentence's terms), and the share of the claim's other words the
/// second contains.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Difference {
    pub(crate) claim: usize,
    pub(crate) kind: ValueKind,
    pub(crate) ours: Range<usize>,
    pub(crate) theirs: Range<usize>,
    pub(crate) coverage: f64,
}

/// Whether a clause of `c` states a claim of `s` with one value
/// different, and the best-covered such claim.
pub(crate) fn difference(
    rarity: &Rarity,
    s: &Claims,
    c: &Claims,
    tuning: &Tuning,
) -> Option<Difference> {
    // A forecast or a poll is another version of a claim than its outcome.
    if s.hedged != c.hedged {
        return None;
    }
    let mut best: Option<Difference> = None;
    for (k, claim) in s.claims.iter().enumerate() {
        if disagree_in_polarity(s, claim.clone(), c) {
            continue;
        }
        let ours: Vec<usize> = (0..s.values.len())
            .filter(|&v| within(&s.values[v].terms, claim))
            .collect();
        // The claim's other words: its numbers (bounds and ranges too) and
        // values are what may differ.
        let is_value =
            |t: usize| s.terms[t].number || ours.iter().any(|&v| s.values[v].terms.contains(&t));
        let our_names = names(s, claim, is_value);
        if ours.is_empty() && our_names.is_empty() {
            continue;
        }
        for clause in &c.claims {
            let theirs: Vec<usize> = (0..c.values.len())
                .filter(|&w| within(&c.values[w].terms, clause))
                .collect();
            let is_their_value = |t: usize| {
                c.terms[t].number || theirs.iter().any(|&w| c.values[w].terms.contains(&t))
            };
            // Each of our values the clause gives the same, gives
            // differently in the same place, or does not give.
            let mut differing = Vec::new();
            let mut far = false;
            // A value of theirs that agrees with one of ours is that one's.
            let agreeing: Vec<usize> = theirs
                .iter()
                .copied()
                .filter(|&w| {
                    ours.iter()
                        .any(|&v| agree(&s.values[v], &c.values[w], tuning))
                })
                .collect();
            for &v in &ours {
                let value = &s.values[v];
                if theirs.iter().any(|&w| agree(value, &c.values[w], tuning)) {
                    continue;
                }
                let here = place(s, claim, value.terms.clone());
                let aligned = theirs.iter().copied().find(|&w| {
                    let other = &c.values[w];
                    !agreeing.contains(&w)
                        && other.kind == value.kind
                        && same_place(value.kind, here, place(c, clause, other.terms.clone()))
                });
                if let Some(w) = aligned {
                    differing.push((value.kind, value.terms.clone(), c.values[w].terms.clone()));
                    // Far apart, the two count different things: another
                    // claim.
                    far |= !comparable(value, &c.values[w], tuning);
                }
            }
            // Who and where must be the same: a name of the claim that the
            // clause does not give (in any spelling) makes it another claim
            // (a toll in one country is not one in another, one airline's crash
            // not the EgyptAir one), unless it is the one value that
            // differs: another name in the same place.
            let in_clause = |id: u32| c.terms[clause.clone()].iter().any(|t| t.id == id);
            let their_names = names(c, clause, is_their_value);
            let spelled = |a: &Range<usize>, b: &Range<usize>| variant(s, a.clone(), c, b.clone());
            let run_of = |t: usize| our_names.iter().find(|run| run.contains(&t));
            let missing: Vec<usize> = claim
                .clone()
                .filter(|&t| {
                    !is_value(t)
                        && s.terms[t].name
                        && !in_clause(s.terms[t].id)
                        && !run_of(t).is_some_and(|run| their_names.iter().any(|o| spelled(run, o)))
                })
                .collect();
            // And the clause names nobody and nowhere the sentence does not
            // ("the film Godzilla made $90 million" against another film's
            // take).
            let foreign: Vec<&Range<usize>> = their_names
                .iter()
                .filter(|other| {
                    (*other).clone().all(|t| !s.has(c.terms[t].id))
                        && !our_names.iter().any(|ours| spelled(ours, other))
                })
                .collect();
            if far {
                continue;
            }
            let difference = match (&differing[..], &missing[..]) {
                ([one], []) if foreign.is_empty() => one.clone(),
                // Another name in place of one of ours, in a clause that
                // gives one of our values the same (the same event) and
                // the rest closely.
                ([], [first, ..]) => {
                    let Some(run) =
                        run_of(*first).filter(|run| missing.iter().copied().eq((*run).clone()))
                    else {
                        continue;
                    };
                    let [other] = foreign[..] else {
                        continue;
                    };
                    if agreeing.is_empty()
                        || !same_place(
                            ValueKind::Name,
                            place(s, claim, run.clone()),
                            place(c, clause, other.clone()),
                        )
                    {
                        continue;
                    }
                    (ValueKind::Name, run.clone(), other.clone())
                }
                _ => continue,
            };
            let difference_kind = difference.0;
            let left_out = |t: usize| is_value(t) || difference.1.contains(&t);
            // Without its values a claim needs words enough to be one:
            // "killed 258 people" / "killed 247 people" may be two places'
            // tolls.
            let mut rest: Vec<u32> = claim
                .clone()
                .filter(|&t| !left_out(t))
                .map(|t| s.terms[t].id)
                .collect();
            rest.sort_unstable();
            rest.dedup();
            if rest.len() < MIN_CLAIM_TERMS {
                continue;
            }
            let Some(coverage) = covered(rarity, s, claim.clone(), in_clause, left_out) else {
                continue;
            };
            let needed = match difference_kind {
                ValueKind::Name => tuning.repeat_coverage,
                _ => tuning.support_coverage,
            };
            if coverage >= needed && best.as_ref().is_none_or(|b| coverage > b.coverage) {
                let (kind, ours, theirs) = difference;
                best = Some(Difference {
                    claim: k,
                    kind,
                    ours,
                    theirs,
                    coverage,
                });
            }
        }
    }
    best
}

/// The runs of names in `claim` of `c` (capitalised terms with no word
/// between them, not values): who and where.
fn names(c: &Claims, claim: &Range<usize>, is_value: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for t in claim.clone() {
        if !c.terms[t].name || is_value(t) {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.end == t && c.terms[t].adjacent => run.end = t + 1,
            _ => runs.push(t..t + 1),
        }
    }
    runs
}

/// Whether two names are one spelled two ways ("Batouti" / "Batouty",
/// "DC10" / "DC-10", "Tanzania" / "Tanzanian"): their stems, joined, one
/// the other with digits or (from four letters) up to two letters more, or
/// within `NAME_SPELLING` of each other (normalised Levenshtein
/// similarity: "Gates" / "Yates" are two names).
fn variant(s: &Claims, a: Range<usize>, c: &Claims, b: Range<usize>) -> bool {
    let joined = |claims: &Claims, run: Range<usize>| {
        claims.terms[run]
            .iter()
            .map(|t| &*t.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (joined(s, a), joined(c, b));
    // "DC10" / "DC" (of "DC-10", whose number is a term of its own),
    // "tanzanian" / "tanzania".
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let extra = long.strip_prefix(short.as_str());
    extra.is_some_and(|extra| {
        extra.chars().all(|c| c.is_ascii_digit()) || (short.len() >= 4 && extra.len() <= 2)
    }) || strsim::normalized_levenshtein(&a, &b) >= NAME_SPELLING
}

/// Names at least this similar (normalised Levenshtein) are one name
/// spelled two ways.
const NAME_SPELLING: f64 = 0.85;

fn within(terms: &Range<usize>, claim: &Range<usize>) -> bool {
    terms.start >= claim.start && terms.end <= claim.end
}

/// Whether two values are the same: equal in one notation, estimates
/// within the tolerance, one figure the other to fewer places, or a time
/// without a.m. or p.m. that either half of the day makes the other.
fn agree(a: &Value, b: &Value, tuning: &Tuning) -> bool {
    if a.kind != b.kind {
        return false;
    }
    if a.key == b.key {
        return true;
    }
    match a.kind {
        ValueKind::Time => {
            // "2:05?" (either half) against "14:05" or "2:05".
            let twelve = |key: &str| {
                let (h, m) = key.trim_end_matches('?').split_once(':')?;
                Some((h.parse::<u32>().ok()? % 12, m.to_string()))
            };
            (a.key.ends_with('?') || b.key.ends_with('?'))
                && twelve(&a.key).is_some_and(|x| twelve(&b.key) == Some(x))
        }
        ValueKind::Number => {
            // Keys are digits with a point or none: they parse, if perhaps
            // to infinity, which agrees with nothing.
            let (Ok(x), Ok(y)) = (a.key.parse::<f64>(), b.key.parse::<f64>()) else {
                return false;
            };
            if !(x.is_finite() && y.is_finite()) {
                return false;
            }
            if x == y {
                // "2.30" / "2.3", "007" / "7".
                return true;
            }
            let tolerance = tuning.estimate_tolerance;
            if a.approximate || b.approximate {
                return (x - y).abs() <= tolerance * x.abs().max(y.abs());
            }
            // The same figure to fewer places: rounded ("2.3 percent" / "2
            // percent"; from 2 up, where rounding is within a quarter), or
            // cut within the tolerance ("29.6" / "29").
            let (whole, exact) = match (a.key.contains('.'), b.key.contains('.')) {
                (false, true) => (x, y),
                (true, false) => (y, x),
                _ => return false,
            };
            (exact.round() == whole && whole >= 2.0)
                || (exact.trunc() == whole && exact - whole <= tolerance * exact)
        }
        _ => false,
    }
}

/// Whether two values can be versions of one figure: numbers within
/// `Tuning::difference_ratio` of each other ("12 students were hurt" and "5
/// students were hurt" at two schools count different things); any two
/// dates, days or times.
fn comparable(a: &Value, b: &Value, tuning: &Tuning) -> bool {
    if a.kind != ValueKind::Number {
        return true;
    }
    let (Ok(x), Ok(y)) = (a.key.parse::<f64>(), b.key.parse::<f64>()) else {
        return false;
    };
    let (low, high) = (x.min(y), x.max(y));
    low > 0.0 && high.is_finite() && high <= tuning.difference_ratio * low
}

/// The terms on either side of a value within its claim (their ids), if
/// they are not numbers. After a compound ("116-man crew", "18-year-old
/// student") it is the word the compound qualifies, or its last word.
fn place(c: &Claims, claim: &Range<usize>, value: Range<usize>) -> (Option<u32>, Option<u32>) {
    let word = |t: usize| {
        let term = &c.terms[t];
        (!term.number).then_some(term.id)
    };
    let before = (value.start > claim.start)
        .then(|| word(value.start - 1))
        .flatten();
    let mut next = value.end;
    if next < claim.end && c.terms[next].hyphened {
        while next + 1 < claim.end && c.terms[next + 1].hyphened {
            next += 1;
        }
        if next + 1 < claim.end {
            next += 1;
        }
    }
    let after = (next < claim.end).then(|| word(next)).flatten();
    (before, after)
}

/// Whether two values stand in the same place: a number counts the word
/// after it (or, at its claim's end, follows the same word); a date, day
/// or time follows the same word ("sank Sunday"; or, at its claim's start,
/// stands before the same word).
fn same_place(
    kind: ValueKind,
    ours: (Option<u32>, Option<u32>),
    theirs: (Option<u32>, Option<u32>),
) -> bool {
    let same = |a: Option<u32>, b: Option<u32>| a.is_some() && a == b;
    match (kind, ours.1) {
        (ValueKind::Number, Some(_)) => same(ours.1, theirs.1),
        (ValueKind::Number, None) => same(ours.0, theirs.0),
        // A name between the same words ("took off from | Newark |
        // airport").
        (ValueKind::Name, _) => same(ours.0, theirs.0) && ours.1 == theirs.1,
        (_, _) if ours.0.is_some() => same(ours.0, theirs.0),
        _ => same(ours.1, theirs.1),
    }
}

/// The disagreement stage: which reports give another value for a chosen
/// sentence's claim.
pub(crate) struct Differ<'a> {
    analysis: &'a Analysis,
    tuning: &'a Tuning,
    rarity: Rarity,
    searcher: Searcher<'a>,
}

impl<'a> Differ<'a> {
    pub(crate) fn new(analysis: &'a Analysis, tuning: &'a Tuning) -> Differ<'a> {
        Differ {
            analysis,
            tuning,
            rarity: Rarity::new(analysis),
            searcher: analysis.index.searcher(),
        }
    }

    /// The reports that give another value for a claim of sentence
    /// `chosen`, each with its best-covering sentence, ordered by report;
    /// reports in `cited` are left out.
    pub(crate) fn find(&mut self, chosen: usize, cited: &[Match]) -> Vec<Found> {
        let analysis = self.analysis;
        let s = &analysis.sentences[chosen].claims;
        if s.values.is_empty() {
            return Vec::new();
        }
        let mut best: Vec<Option<Found>> = vec![None; analysis.by_source.len()];
        let near: Vec<(u32, f64)> = self
            .searcher
            .cosines(analysis.model.vector(chosen))
            .to_vec();
        for (j, cosine) in near {
            let j = j as usize;
            let source = analysis.sentences[j].source;
            if cosine < self.tuning.support_cosine
                || source == analysis.sentences[chosen].source
                || cited.iter().any(|m| m.source == source)
            {
                continue;
            }
            let c = &analysis.sentences[j].claims;
            if let Some(difference) = difference(&self.rarity, s, c, self.tuning) {
                let better = best[source]
                    .as_ref()
                    .is_none_or(|f| difference.coverage > f.difference.coverage);
                if better {
                    best[source] = Some(Found {
                        source,
                        sentence: j,
                        difference,
                    });
                }
            }
        }
        best.into_iter().flatten().collect()
    }
}

impl Differ<'_> {
    /// Whether `found`, a sentence that differs from chosen sentence `old`,
    /// may take its place as an update: it states the differing claim
    /// closely (`Tuning::repeat_coverage` of its other words) and every
    /// other claim of `old` too, so that only the value changes.
    pub(crate) fn replaces(&self, old: usize, found: &Found) -> bool {
        let (ours, theirs) = (
            &self.analysis.sentences[old].claims,
            &self.analysis.sentences[found.sentence].claims,
        );
        found.difference.coverage >= self.tuning.repeat_coverage
            && ours.claims.iter().enumerate().all(|(k, claim)| {
                k == found.difference.claim
                    || covered(
                        &self.rarity,
                        ours,
                        claim.clone(),
                        |id| theirs.has(id),
                        |_| false,
                    )
                    .is_some_and(|c| c >= self.tuning.support_coverage)
            })
    }
}

/// How a report dated `theirs` stands to the chosen sentence's, dated
/// `ours`: earlier when dated before it.
pub(crate) fn relation(ours: Option<&str>, theirs: Option<&str>) -> Relation {
    match (ours, theirs) {
        (Some(a), Some(b)) if before(b, a) => Relation::Earlier,
        _ => Relation::Differs,
    }
}

/// Whether date `a` is before date `b` (ISO 8601 strings, which sort as
/// time does), compared to the precision of the less precise: a day is not
/// before a time of that day.
fn before(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a.get(..n) < b.get(..n)
}

/// Of the reports that differ from a chosen sentence, the newest dated
/// after every report it cites (`cited`: those that state its value; the
/// first of equals), among those `may` accept: its value updates the
/// chosen sentence's.
pub(crate) fn newest<'f>(
    found: &'f [Found],
    dates: &[Option<&str>],
    cited: &[usize],
    may: impl Fn(&Found) -> bool,
) -> Option<&'f Found> {
    let ours: Vec<&str> = cited
        .iter()
        .filter_map(|&r| dates.get(r).copied().flatten())
        .collect();
    if ours.is_empty() {
        return None;
    }
    found
        .iter()
        .filter_map(|f| Some((f, dates.get(f.source).copied().flatten()?)))
        .filter(|&(_, date)| ours.iter().all(|&o| before(o, date)))
        .fold(None, |best: Option<(&Found, &str)>, (f, date)| match best {
            Some((_, b)) if !before(b, date) => best,
            _ => Some((f, date)),
        })
        .map(|(f, _)| f)
        .filter(|f| may(f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::intern;
    use multisum_tokenize::{Config, Language, Tokenizer};

    /// The values on which sentence `theirs` differs from `ours` (as
    /// written), every term weighing the same.
    fn differs(ours: &str, theirs: &str) -> Option<(String, String)> {
        let tokenizer = Tokenizer::new(Config::new());
        let mut claims: Vec<Claims> = [ours, theirs]
            .iter()
            .map(|text| {
                let doc = tokenizer.segment(text);
                let unit = doc.body().next().expect("a sentence");
                Claims::of_unit(unit, doc.vocabulary(), text, Language::English)
            })
            .collect();
        intern(claims.iter_mut());
        let d = difference(&Rarity::flat(), &claims[0], &claims[1], &Tuning::default())?;
        let written = |text: &str, c: &Claims, v: Range<usize>| {
            let terms = &c.terms[v];
            let (first, last) = (terms.first()?, terms.last()?);
            Some(text[first.span.start..last.span.end].to_string())
        };
        Some((
            written(ours, &claims[0], d.ours)?,
            written(theirs, &claims[1], d.theirs)?,
        ))
    }

    /// (rule, our sentence, theirs, the values that differ).
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
    );

    #[test]
    fn difference_rules() {
        let cases: &[Case] = &[
            (
                "a count of the same thing",
                "The submarine sank with 118 crew aboard in the Barents Sea.",
                "The submarine sank with 116 crew aboard in the Barents Sea.",
                Some(("118", "116")),
            ),
            (
                "a count of another thing is not the same claim",
                "The submarine sank with 118 crew aboard in the Barents Sea.",
                "The submarine sank with 116 torpedoes aboard in the Barents Sea.",
                None,
            ),
            (
                "a compound counts the word it qualifies",
                "The rescue of the 116-man crew of the trawler began at dawn.",
                "The rescue of the 118 crew of the trawler began at dawn.",
                Some(("116", "118")),
            ),
            (
                "the same number in words and digits",
                "Rescuers found two bodies inside the flooded hull.",
                "Rescuers found 2 bodies inside the flooded hull.",
                None,
            ),
            (
                "the same number with and without separators",
                "The lake covers 6,076 acres of protected wetland.",
                "The lake covers 6076 acres of protected wetland.",
                None,
            ),
            (
                "the same date abbreviated",
                "The submarine sank on Aug. 12 during naval exercises.",
                "The submarine sank on August 12 during naval exercises.",
                None,
            ),
            (
                "another date",
                "The submarine sank on Aug. 12 during naval exercises.",
                "The submarine sank on Aug. 13 during naval exercises.",
                Some(("Aug. 12", "Aug. 13")),
            ),
            (
                "another day of the week",
                "The submarine sank Saturday during naval exercises.",
                "The submarine sank Sunday during naval exercises.",
                Some(("Saturday", "Sunday")),
            ),
            (
                "another time",
                "The plane left the radar at 1:50 over the Atlantic Ocean.",
                "The plane left the radar at 1:40 over the Atlantic Ocean.",
                Some(("1:50", "1:40")),
            ),
            (
                "a bound is not compared",
                "Rescuers tried to reach more than 100 sailors trapped inside.",
                "Rescuers tried to reach 118 sailors trapped inside.",
                None,
            ),
            (
                "a range is not compared",
                "Officials said 10-12 people died in the warehouse fire.",
                "Officials said 11 people died in the warehouse fire.",
                None,
            ),
            (
                "an estimate agrees with a close value",
                "The plane plunged about 30 minutes after takeoff from New York.",
                "The plane plunged 31 minutes after takeoff from New York.",
                None,
            ),
            (
                "two counts joined by and are not a range",
                "The airliner came down, killing all 87 aboard and five in the houses below.",
                "The airliner came down, killing all 87 aboard and four in the houses below.",
                Some(("five", "four")),
            ),
            (
                "a figure to fewer places is the same figure",
                "Minorities make up only 2.3 percent of the city police force.",
                "Minorities make up only 2 percent of the city police force.",
                None,
            ),
            (
                "a range of amounts is not compared",
                "Surveys show the mayor 20 percent in front of her closest rival for the post.",
                "Surveys show the mayor 10 percent to 30 percent in front of her closest rival for the post.",
                None,
            ),
            (
                "one number written two ways",
                "The shares closed at 2.30 dollars on the exchange in the city.",
                "The shares closed at 2.3 dollars on the exchange in the city.",
                None,
            ),
            (
                "a 24-hour time is one half of the day",
                "The plane left the radar at 14:00 over the Atlantic Ocean.",
                "The plane left the radar at 2 a.m. over the Atlantic Ocean.",
                Some(("14:00", "2 a.m")),
            ),
            (
                "the modal may is no month",
                "As many as 20 may have died in the fire at the chemical plant.",
                "As many as 25 may have died in the fire at the chemical plant.",
                Some(("20", "25")),
            ),
            (
                "a half is not a whole figure",
                "Prices in the capital rose 0.5 percent in the last month.",
                "Prices in the capital rose 1 percent in the last month.",
                Some(("0.5", "1")),
            ),
            (
                "another subject named in their clause",
                "The film made $64 million over the four-day holiday weekend, a record.",
                "The film Godzilla made $90 million over the four-day holiday weekend, a record.",
                None,
            ),
            (
                "counts far apart count different things",
                "In April three gunmen shot 12 students at the school before killing themselves.",
                "In April three gunmen shot 5 students at the school before killing themselves.",
                None,
            ),
            (
                "a number in words after a month is no day",
                "In April two gunmen shot 12 students at the school before killing themselves.",
                "In April three gunmen shot 12 students at the school before killing themselves.",
                Some(("two", "three")),
            ),
            (
                "the same time with and without minutes",
                "The plane left the radar at 2 p.m. over the Atlantic Ocean.",
                "The plane left the radar at 2:00 p.m. over the Atlantic Ocean.",
                None,
            ),
            (
                "the other half of the day",
                "The plane left the radar at 2:00 a.m. over the Atlantic Ocean.",
                "The plane left the radar at 2:00 p.m. over the Atlantic Ocean.",
                Some(("2:00 a.m", "2:00 p.m")),
            ),
            (
                "a time without a.m. or p.m. is either",
                "The plane left the radar at 2:00 over the Atlantic Ocean.",
                "The plane left the radar at 2:00 p.m. over the Atlantic Ocean.",
                None,
            ),
            (
                "a score in digits is not a number word",
                "The council voted 50-4 to close the old harbour on the coast.",
                "The council voted 54 to close the old harbour on the coast.",
                None,
            ),
            (
                "a month before a count",
                "In March 40 people died in floods along the northern coast.",
                "In March 45 people died in floods along the northern coast.",
                Some(("40", "45")),
            ),
            (
                "estimates far apart differ",
                "The plane plunged about 30 minutes after takeoff from New York.",
                "The plane plunged about 40 minutes after takeoff from New York.",
                Some(("30", "40")),
            ),
            (
                "another place is another subject",
                "A bomb at the embassy in Tanzania killed 11 people.",
                "A bomb at the embassy in Kenya killed 14 people.",
                None,
            ),
            (
                "a name of ours missing is another subject",
                "The Nordic Wings accident killed all 141 travellers on the plane.",
                "The accident killed all 139 travellers on the plane.",
                None,
            ),
            (
                "a value that agrees with one of ours is not another's",
                "Twin bombings killed 20 people at two embassies, 11 of them in Tanzania.",
                "Twin bombings killed 11 people at two embassies in Tanzania.",
                None,
            ),
            (
                "number words joined by a hyphen are one number",
                "The squad counts 44 officers of the Belgian federal police.",
                "The squad counts forty-four officers of the Belgian federal police.",
                None,
            ),
            (
                "two values differing is not the same claim",
                "The submarine sank Saturday with 118 crew in the Barents Sea.",
                "The submarine sank Sunday with 116 crew in the Barents Sea.",
                None,
            ),
            (
                "a poll is not the outcome",
                "Opinion polls say Zyuganov will finish second with 20 percent of the vote.",
                "Zyuganov will finish second with a stronger-than-expected 29 percent of the vote.",
                None,
            ),
            (
                "a claim of too few words besides its values",
                "It killed 258 people on Aug. 7.",
                "It killed 247 people on Aug. 7.",
                None,
            ),
            (
                "too little of the claim's other words",
                "The submarine sank with 118 crew aboard in the Barents Sea.",
                "A birthday party for 116 crew was held in a Moscow hall.",
                None,
            ),
            (
                "the opposite polarity",
                "The navy said 118 crew were not rescued from the submarine.",
                "The navy said 116 crew were rescued from the submarine.",
                None,
            ),
            (
                "huge numbers compare as written, without overflow",
                "The debt reached 1,000,000,000,000,000,000,000 dollars last year.",
                "The debt reached 2,000,000,000,000,000,000,000 dollars last year.",
                Some((
                    "1,000,000,000,000,000,000,000",
                    "2,000,000,000,000,000,000,000",
                )),
            ),
            (
                "no day of the month is no date, and not compared",
                "The council voted on 31 Feb to close the old harbour.",
                "The council voted on 30 Feb to close the old harbour.",
                None,
            ),
            (
                "no day of the month is no date, written month first",
                "The council voted on Feb. 31 to close the old harbour.",
                "The council voted on Feb. 30 to close the old harbour.",
                None,
            ),
            (
                "another name in the same place, of the same event",
                "On Oct. 31 the plane took off from Newark airport on its flight to Cairo.",
                "On Oct. 31 the plane took off from Boston airport on its flight to Cairo.",
                Some(("Newark", "Boston")),
            ),
            (
                "another name with nothing else to tie the two to one event",
                "The plane took off from Newark airport on its flight to Cairo.",
                "The plane took off from Boston airport on its flight to Cairo.",
                None,
            ),
            (
                "names alike are not one name",
                "A second blast hurt 11 people, all Austrians, at the consulate in the port.",
                "A second blast hurt 14 people, all Australians, at the consulate in the port.",
                None,
            ),
            (
                "one name spelled two ways",
                "On Oct. 31 the co-pilot Gamil Batouti made 11 calls to the control tower.",
                "On Oct. 31 the co-pilot Gameel Batouty made 12 calls to the control tower.",
                Some(("11", "12")),
            ),
            (
                "another name elsewhere is another claim",
                "On Oct. 31 the plane took off from Newark airport on its flight to Cairo.",
                "On Oct. 31 the plane from Boston took off from the airport on its flight to Cairo.",
                None,
            ),
            (
                "roman numerals and words for amounts are not numbers",
                "Veterans of World War II received a dozen medals at the parade.",
                "Veterans of World War I received 12 medals at the parade.",
                None,
            ),
        ];
        for (name, ours, theirs, expected) in cases {
            let got = differs(ours, theirs);
            let expected = expected.map(|(a, b)| (a.to_string(), b.to_string()));
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn dates_decide_earlier_figures_and_updates() {
        // relation(ours, theirs)
        let relations: &[(Option<&str>, Option<&str>, Relation)] = &[
            (Some("2000-08-16"), Some("2000-08-14"), Relation::Earlier),
            (Some("2000-08-14"), Some("2000-08-16"), Relation::Differs),
            (None, Some("2000-08-14"), Relation::Differs),
            // A day is not before a time of that day.
            (
                Some("2000-08-14T09:00:00"),
                Some("2000-08-14"),
                Relation::Differs,
            ),
        ];
        for &(ours, theirs, expected) in relations {
            assert_eq!(relation(ours, theirs), expected, "{ours:?} {theirs:?}");
        }
        let found = |source: usize| Found {
            source,
            sentence: source,
            difference: Difference {
                claim: 0,
                kind: ValueKind::Number,
                ours: 0..1,
                theirs: 0..1,
                coverage: 1.0,
            },
        };
        let dates = [
            Some("2000-08-14"),
            Some("2000-08-16"),
            Some("2000-08-17"),
            None,
        ];
        // (reports cited, reports that differ, the update)
        let updates: &[(&[usize], &[usize], Option<usize>)] = &[
            (&[0], &[1], Some(1)),
            (&[0], &[1, 2], Some(2)),
            // A cited report newer than the one that differs: no update.
            (&[0, 2], &[1], None),
            (&[3], &[1], None),
        ];
        for &(cited, differing, expected) in updates {
            let differing: Vec<Found> = differing.iter().map(|&r| found(r)).collect();
            let got = newest(&differing, &dates, cited, |_| true).map(|f| f.source);
            assert_eq!(got, expected, "cited {cited:?}");
        }
    }
}
