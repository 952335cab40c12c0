//! What a sentence claims, in a form the support test can compare: its
//! content terms in order, cut into claims (clauses), with its numbers,
//! names and negations marked.
//!
//! A sentence's *claims* are its clauses with at least
//! `MIN_CLAIM_TERMS` content terms, cut where punctuation (comma,
//! semicolon, colon, dash, bracket) or a word that opens a clause ("that",
//! "which", "but", "after"…) stands; shorter pieces join the piece before
//! them. A piece that carries a reporting verb ("said", "told",
//! "according") in a sentence of several pieces is the attribution, not a
//! claim ("Klebanov said Thursday | that a collision sank the Kursk").
//!
//! Terms are the content stems with what Snowball leaves apart folded
//! together: irregular verb forms ("sank", "sunk" → "sink"), month
//! abbreviations ("Aug." → "august"), number words ("two" → "2") and
//! numbers without their thousands separators ("6,076" → "6076").

use std::ops::Range;

use multisum_tokenize::{Language, Unit, Vocabulary};

use crate::summary::ValueKind;

/// Claims with fewer content terms join the piece before them.
pub(crate) const MIN_CLAIM_TERMS: usize = 3;

/// Words that open a clause (norms): a claim ends before them.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "but", "because",
    "although", "though", "after", "before", "since", "until", "whether", "if", "as", "so", "and",
];

/// Reporting verbs, as written (norms; forms that are also nouns, such as
/// "reports" or "states", are left out): who said a thing is not the thing
/// said.
const REPORTING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "added",
    "adding",
    "reported",
    "reporting",
    "announced",
    "announcing",
    "stated",
    "stating",
    "claimed",
    "claiming",
    "insisted",
    "insisting",
    "noted",
    "noting",
    "confirmed",
    "confirming",
    "quoted",
    "quoting",
    "cited",
    "citing",
    "explained",
    "explaining",
    "recalled",
    "stressed",
    "stressing",
    "warned",
    "warning",
    "described",
    "indicated",
    "indicating",
    "suggested",
    "suggesting",
    "asserted",
    "asserting",
    "declared",
    "declaring",
    "remarked",
    "emphasized",
    "emphasizing",
    "emphasised",
    "emphasising",
    "spoke",
    "speaking",
    "according",
];

/// Norms that make a sentence a forecast, poll or projection.
const HEDGES: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "predict",
    "projected",
    "projection",
    "projections",
    "expected",
    "expects",
    "expect",
];

/// Norms that negate what follows them.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "cannot",
];

/// Irregular forms Snowball leaves apart from their verb, and spellings of
/// one word: (stem as Snowball gives it, the term it stands for).
const FOLDS: &[(&str, &str)] = &[
    ("sank", "sink"),
    ("sunk", "sink"),
    ("sunken", "sink"),
    ("went", "go"),
    ("gone", "go"),
    ("flew", "fli"),
    ("flown", "fli"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("took", "take"),
    ("taken", "take"),
    ("began", "begin"),
    ("begun", "begin"),
    ("broke", "break"),
    ("broken", "break"),
    ("caught", "catch"),
    ("found", "find"),
    ("held", "hold"),
    ("kept", "keep"),
    ("left", "leav"),
    ("lost", "lose"),
    ("made", "make"),
    ("met", "meet"),
    ("paid", "pay"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("spoken", "speak"),
    ("thought", "think"),
    ("won", "win"),
    ("wrote", "write"),
    ("written", "write"),
    ("jan", "januari"),
    ("feb", "februari"),
    ("mar", "march"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "juli"),
    ("aug", "august"),
    ("sep", "septemb"),
    ("sept", "septemb"),
    ("oct", "octob"),
    ("nov", "novemb"),
    ("dec", "decemb"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelv", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("twenti", "20"),
    ("thirti", "30"),
    ("forti", "40"),
    ("fifti", "50"),
];

/// One content term of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Term {
    /// The folded stem.
    pub(crate) text: Box<str>,
    /// The stem's number among the input's terms ([`intern`]).
    pub(crate) id: u32,
    /// Byte range of the word in the report's text.
    pub(crate) span: Range<usize>,
    /// A number (its value, written without separators).
    pub(crate) number: bool,
    /// Capitalised inside the sentence: a name.
    pub(crate) name: bool,
    /// Follows a negation in its piece (up to the next break).
    pub(crate) negated: bool,
    /// For a number, how it is written: exact, approximate, a bound, or
    /// the second half of a time or a range.
    pub(crate) written: Written,
    /// For a number followed by "a.m." (false) or "p.m." (true): a time.
    pub(crate) meridiem: Option<bool>,
    /// A number written in words ("two").
    pub(crate) spelled: bool,
    /// Joined to the word before by a hyphen ("116-man", "18-year-old").
    pub(crate) hyphened: bool,
    /// The token before it is the term before it: no word left out
    /// between them ("U.S. Embassy", not "Embassy in Tanzania").
    pub(crate) adjacent: bool,
}

/// How a number is written, as the words and marks before it show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Written {
    /// As it stands ("118 crew").
    #[default]
    Plain,
    /// An estimate ("about 30 minutes"): close values agree.
    About,
    /// A bound ("more than 100", "up to 7", "nearly 120"): never compared.
    Bound,
    /// The minutes of a time ("1:50"), after a number and a colon.
    Clock,
    /// The end of a range ("10-12", "10 to 12"): never compared.
    Range,
}

/// A value a claim gives: a number, a date, a day or a time, which another
/// report may give differently (see `crate::differ`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Value {
    pub(crate) kind: ValueKind,
    /// The value in one notation: "118", "august 12", "sunday", "1:50".
    pub(crate) key: Box<str>,
    /// The terms it is written with (a range of `Claims::terms`).
    pub(crate) terms: Range<usize>,
    /// An estimate ("about 30"): values within
    /// `Tuning::estimate_tolerance` of it agree.
    pub(crate) approximate: bool,
}

/// Words before a number that make it a bound, not a value (norms; "than"
/// stands for "more than", "fewer than"…).
const BOUNDS: &[&str] = &[
    "than",
    "over",
    "under",
    "least",
    "most",
    "nearly",
    "almost",
    "exceeding",
    "below",
    "above",
];

/// Words before a number that make it an estimate (norms).
const ESTIMATES: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "estimated",
    "approx",
];

/// What joins the words of a compound ("116-man", "forty-four").
const HYPHENS: &[&str] = &["-", "\u{2010}", "\u{2011}"];

/// What joins the two ends of a range of numbers ("10-12", "10–12",
/// "10/12").
const RANGE_MARKS: &[&str] = &["-", "\u{2013}", "\u{2014}", "/"];

/// The marks of a time of day, as normalised.
const MERIDIEMS: &[&str] = &["am", "pm", "a.m", "p.m", "a.m.", "p.m."];

/// Month terms (as folded) and the last day of each, February's in a leap
/// year: "31 Feb" is no date.
const MONTHS: &[(&str, u8)] = &[
    ("januari", 31),
    ("februari", 29),
    ("march", 31),
    ("april", 30),
    ("may", 31),
    ("june", 30),
    ("juli", 31),
    ("august", 31),
    ("septemb", 30),
    ("octob", 31),
    ("novemb", 30),
    ("decemb", 31),
];

/// Day names, as stemmed.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Quotation marks: straight, curly (not ’, the apostrophe), low and
/// guillemets; the wire services' doubled backquote is matched apart.
const QUOTATION_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‘'];

/// A sentence's terms and claims.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Claims {
    /// Content terms in order, reporting verbs left out.
    pub(crate) terms: Vec<Term>,
    /// The claims: ranges of `terms`.
    pub(crate) claims: Vec<Range<usize>>,
    /// The distinct term ids, sorted, once [`intern`] has numbered them:
    /// what the sentence states, for lookups.
    pub(crate) bag: Vec<u32>,
    /// The values it gives, in order.
    pub(crate) values: Vec<Value>,
    /// It reports a forecast, a poll or a projection ("polls say", "is
    /// expected to"), not an outcome: its values are of another kind.
    pub(crate) hedged: bool,
    /// It reports speech: a quotation mark, or (in English) a reporting
    /// verb ("said", "told").
    pub(crate) reported: bool,
}

impl Claims {
    /// The claims of a tokenized unit of `text`, read in `language` (claims
    /// are cut at punctuation in every language; clause openers, reporting
    /// verbs and negations are English words, used for English only).
    pub(crate) fn of_unit(
        unit: &Unit,
        vocabulary: &Vocabulary,
        text: &str,
        language: Language,
    ) -> Claims {
        let english = language == Language::English;
        let mut terms = Vec::new();
        // Pieces between breaks: where they start, and whether a reporting
        // verb stands in them.
        let mut pieces: Vec<(usize, bool)> = vec![(0, false)];
        // Pieces that a reporting verb opens.
        let mut after_break: Vec<usize> = Vec::new();
        let mut negate = false;
        let mut previous_end = unit.span.start;
        // The norms of the three tokens before this one, the nearest last.
        let mut recent: [&str; 3] = ["", "", ""];
        let mut hedged = false;
        let mut reported = text
            .get(unit.span.clone())
            .is_some_and(|t| t.contains(QUOTATION_MARKS) || t.contains("``"));
        // The token that gave the last term.
        let mut last_term_token: Option<usize> = None;
        for (k, token) in unit.tokens.iter().enumerate() {
            let norm = vocabulary.norm(token.term);
            let between = text.get(previous_end..token.span.start).unwrap_or("");
            // Not in a compound ("stronger-than-expected").
            hedged |= english && HEDGES.contains(&norm) && !between.ends_with('-');
            // Where the token before this one ends.
            let previous_token_end = previous_end;
            previous_end = token.span.end;
            let before = recent;
            recent = [recent[1], recent[2], norm];
            // Dashes too: "--", " - ", and the wire services' " _ ".
            // Not the colon of a time ("1:50").
            let clock = between == ":"
                && recent[1].starts_with(|c: char| c.is_ascii_digit())
                && norm.starts_with(|c: char| c.is_ascii_digit());
            let punctuated = k > 0
                && !clock
                && (between.contains([',', ';', ':', '(', ')', '—', '–', '_'])
                    || between.contains("--")
                    || between.contains(" - "));
            let opener = english && CLAUSE_OPENERS.contains(&norm);
            if punctuated || opener {
                if pieces.last().is_some_and(|&(start, _)| start < terms.len()) {
                    pieces.push((terms.len(), false));
                }
                negate = false;
            }
            // "a.m." and "p.m." right after an hour (1 to 12, or the minutes
            // of a time) mark a time of day; "am" and "pm" without points
            // only in English ("1998 am Montag" is no time).
            let hour = |t: &Term| {
                t.written == Written::Clock
                    || t.text.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))
            };
            if MERIDIEMS.contains(&norm)
                && (english || norm.contains('.'))
                && let Some(last) = terms.last_mut().filter(|t: &&mut Term| {
                    t.number && hour(t) && last_term_token == Some(k.wrapping_sub(1))
                })
            {
                last.meridiem = Some(norm.starts_with('p'));
                // Written with the number: "2:00 p.m".
                last.span.end = token.span.end;
                continue;
            }
            if english && (NEGATIONS.contains(&norm) || norm.ends_with("n't")) {
                negate = true;
                continue;
            }
            if token.stopword {
                continue;
            }
            let stem = vocabulary.stem(token.term);
            let word = text.get(token.span.clone()).unwrap_or("");
            let capital = k > 0 && word.chars().next().is_some_and(char::is_uppercase);
            if english && !capital && REPORTING.contains(&norm) {
                reported = true;
                let n = terms.len();
                let open = pieces.last().is_some_and(|p| p.0 < n);
                match pieces.last_mut() {
                    // "according to X": the speaker follows, to the next break.
                    Some(last) if norm == "according" => {
                        if open {
                            pieces.push((n, true));
                        } else {
                            last.1 = true;
                        }
                    }
                    // Inside a piece, the words before a reporting verb name
                    // the speaker ("officials said | the Kursk …").
                    Some(last) if open => {
                        last.1 = true;
                        pieces.push((n, false));
                    }
                    // A participle ("…, emphasizing that") goes with the
                    // sentence's own speaker: nobody new.
                    _ if norm.ends_with("ing") => {}
                    // Right after a break, who the speaker is depends on
                    // what follows.
                    _ => after_break.push(pieces.len() - 1),
                }
                continue;
            }
            let (folded, number) = fold(stem);
            // "forty-four": the tens and the units are one number.
            let spelled = |span: &Range<usize>| {
                text.get(span.clone())
                    .is_some_and(|w| w.starts_with(char::is_alphabetic))
            };
            if number
                && HYPHENS.contains(&between)
                && spelled(&token.span)
                && let Some(tens) = terms.last_mut().filter(|t: &&mut Term| {
                    t.number
                        && t.span.end == previous_token_end
                        && t.text.len() == 2
                        && t.text.ends_with('0')
                        && spelled(&t.span)
                })
                && let Ok(units @ 1..=9) = folded.parse::<u32>()
                && let Ok(tens_value) = tens.text.parse::<u32>()
            {
                tens.text = (tens_value + units).to_string().into();
                tens.span.end = token.span.end;
                last_term_token = Some(k);
                continue;
            }
            let name = capital;
            terms.push(Term {
                text: folded.into(),
                id: 0,
                span: token.span.clone(),
                number,
                name,
                negated: negate,
                written: if number {
                    written(before, between, english)
                } else {
                    Written::Plain
                },
                meridiem: None,
                spelled: number && word.starts_with(char::is_alphabetic),
                hyphened: k > 0 && HYPHENS.contains(&between),
                adjacent: k > 0 && last_term_token == Some(k - 1),
            });
            last_term_token = Some(k);
        }
        // A reporting verb that opens a piece: the speaker follows it when
        // that piece is short or only names (", said Peskov", "as indicated
        // by President Trump"); else the piece before it was the speaker
        // ("Syrsky, head of Ukraine's military, indicated a withdrawal").
        for &k in &after_break {
            let start = pieces[k].0;
            let end = pieces.get(k + 1).map_or(terms.len(), |p| p.0);
            let follows = &terms[start..end];
            if follows.len() < MIN_CLAIM_TERMS || follows.iter().all(|t| t.name) {
                pieces[k].1 = true;
            } else if let Some(before) = pieces[..k].iter_mut().rev().find(|p| p.0 < start) {
                before.1 = true;
            }
        }
        let capital_first = terms.first().is_some_and(|t: &Term| {
            text.get(t.span.clone())
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        });
        let claims = claims(&terms, &pieces, capital_first);
        Claims {
            values: values(&terms),
            terms,
            claims,
            bag: Vec::new(),
            hedged,
            reported,
        }
    }

    /// Claims of bare stems (one claim of them all), for the unit tests of
    /// the stages that read them: a stem in capitals is a name, a leading
    /// `!` negates a stem (the `!` is not part of it).
    #[cfg(test)]
    pub(crate) fn of_stems(stems: &[String]) -> Claims {
        let terms: Vec<Term> = stems
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let negated = s.starts_with('!');
                let s = s.trim_start_matches('!');
                let (folded, number) = fold(s);
                Term {
                    text: folded.into(),
                    id: 0,
                    span: k..k + 1,
                    number,
                    name: s.starts_with(|c: char| c.is_uppercase()),
                    negated,
                    written: Written::Plain,
                    meridiem: None,
                    spelled: false,
                    hyphened: false,
                    adjacent: k > 0,
                }
            })
            .collect();
        let reported = terms.iter().any(|t| REPORTING.contains(&&*t.text));
        Claims {
            claims: std::iter::once(0..terms.len())
                .filter(|all| !all.is_empty())
                .collect(),
            values: values(&terms),
            terms,
            bag: Vec::new(),
            hedged: false,
            reported,
        }
    }

    /// Whether the sentence has the term (by id).
    pub(crate) fn has(&self, id: u32) -> bool {
        self.bag.binary_search(&id).is_ok()
    }
}

/// Numbers the terms of all `claims` (one input's sentences) from 0, the
/// same text the same number, fills each one's `bag`, and returns how many
/// terms there are: the support test then compares numbers, not strings.
pub(crate) fn intern<'a>(claims: impl Iterator<Item = &'a mut Claims>) -> usize {
    let mut ids: std::collections::HashMap<Box<str>, u32> = std::collections::HashMap::new();
    for c in claims {
        for t in &mut c.terms {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            t.id = *ids.entry(t.text.clone()).or_insert(next);
        }
        c.bag = c.terms.iter().map(|t| t.id).collect();
        c.bag.sort_unstable();
        c.bag.dedup();
    }
    ids.len()
}

/// How a number is written, from the norms of the three tokens before it
/// (the nearest last) and the text between it and the one before; the
/// words that make bounds, estimates and ranges are English ones.
fn written(before: [&str; 3], between: &str, english: bool) -> Written {
    let digits = |norm: &str| norm.starts_with(|c: char| c.is_ascii_digit());
    let [farther, far, near] = before;
    if digits(near) && between == ":" {
        Written::Clock
    } else if digits(near) && RANGE_MARKS.contains(&between) {
        Written::Range
    } else if !english {
        Written::Plain
    } else if matches!(near, "to" | "and" | "or") && digits(far) || near == "to" && digits(farther)
    {
        Written::Range
    } else if BOUNDS.contains(&near) || (near == "to" && far == "up") {
        Written::Bound
    } else if ESTIMATES.contains(&near) {
        Written::About
    } else {
        Written::Plain
    }
}

/// The values among a sentence's terms: days ("Sunday"), dates ("Aug. 12",
/// "12 August"), times ("1:50", "2 p.m."), and numbers that are neither
/// bounds nor ranges.
fn values(terms: &[Term]) -> Vec<Value> {
    // "May" capitalised: "20 may have died" is no date.
    let month = |t: &Term| {
        MONTHS
            .iter()
            .find(|m| *t.text == *m.0 && (t.name || m.0 != "may"))
            .map(|m| m.1)
    };
    // A number that could be a day of a month ("31"), and is one of a
    // month of `last` days.
    // Written in digits: "April two gunmen" is no date.
    let day_number = |t: &Term| {
        t.number
            && !t.spelled
            && t.written == Written::Plain
            && t.text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let day_of =
        |t: &Term, last: u8| day_number(t) && t.text.parse::<u8>().is_ok_and(|d| d <= last);
    // A range's first number ("10 percent to 30 percent"): the last number
    // within two terms before its end.
    let starts_range = |i: usize| {
        (i + 1..terms.len().min(i + 3))
            .find(|&j| terms[j].number)
            .is_some_and(|j| terms[j].written == Written::Range)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let t = &terms[i];
        let next = terms.get(i + 1);
        // What stands at `i`: a value of `len` terms, or nothing to compare
        // over `len` terms.
        let (value, len): (Option<(ValueKind, String)>, usize) = if t.number && starts_range(i) {
            (None, 1)
        } else if DAYS.contains(&&*t.text) {
            (Some((ValueKind::Day, t.text.to_string())), 1)
        } else if let Some(last) = month(t) {
            match next {
                Some(d) if day_of(d, last) => {
                    (Some((ValueKind::Date, format!("{} {}", t.text, d.text))), 2)
                }
                // A month and a day it does not have ("Feb 31"): neither
                // is compared.
                Some(d) if day_number(d) => (None, 2),
                _ => (None, 1),
            }
        } else if !t.number {
            (None, 1)
        } else if let Some(n) = next.filter(|n| n.number && n.written == Written::Clock) {
            (
                Some((ValueKind::Time, clock(&t.text, &n.text, n.meridiem))),
                2,
            )
        } else if let Some(last) = next.and_then(month).filter(|_| day_number(t)) {
            if day_of(t, last) {
                let month = next.map_or("", |n| &*n.text);
                (Some((ValueKind::Date, format!("{month} {}", t.text))), 2)
            } else {
                (None, 2)
            }
        } else if t.meridiem.is_some() && t.written == Written::Plain {
            (Some((ValueKind::Time, clock(&t.text, "00", t.meridiem))), 1)
        } else if matches!(t.written, Written::Plain | Written::About) {
            (Some((ValueKind::Number, t.text.to_string())), 1)
        } else {
            (None, 1)
        };
        if let Some((kind, key)) = value {
            out.push(Value {
                kind,
                key: key.into(),
                terms: i..i + len,
                approximate: t.written == Written::About,
            });
        }
        i += len;
    }
    out
}

/// A time in one notation: `14:05` (24 hours) with a.m. or p.m., `2:05?`
/// without (either half of the day).
fn clock(hour: &str, minutes: &str, meridiem: Option<bool>) -> String {
    let Ok(h) = hour.parse::<u32>() else {
        return format!("{hour}:{minutes}");
    };
    match meridiem {
        Some(pm) => format!("{}:{minutes}", h % 12 + if pm { 12 } else { 0 }),
        // "2:00" may be either half of the day; "14:00" or "0:30" only one.
        None if (1..=12).contains(&h) => format!("{h}:{minutes}?"),
        None => format!("{h}:{minutes}"),
    }
}

/// A stem folded to the term it stands for, and whether it is a number.
fn fold(stem: &str) -> (String, bool) {
    if let Some(&(_, to)) = FOLDS.iter().find(|(from, _)| *from == stem) {
        return (to.to_string(), to.starts_with(|c: char| c.is_ascii_digit()));
    }
    let digits = stem.replace(',', "");
    let number = !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    if number {
        (digits, true)
    } else {
        (stem.to_string(), false)
    }
}

/// The claims among `pieces` (start, names a speaker) of `terms`: an
/// attribution piece takes a short piece of names after it ("said |
/// Thursday | that…") and a short piece of names before it ("Syrsky, | head
/// of the army, said"), and is never joined to a claim; other pieces of fewer than [`MIN_CLAIM_TERMS`] join the one
/// before them (the first joins the next); the attributions are left out
/// when a claim remains.
fn claims(terms: &[Term], pieces: &[(usize, bool)], capital_first: bool) -> Vec<Range<usize>> {
    let n = terms.len();
    // Names, the sentence's first word counted as one when capitalised.
    let names = |r: Range<usize>| {
        terms[r.clone()]
            .iter()
            .enumerate()
            .all(|(k, t)| t.name || (r.start + k == 0 && capital_first))
    };
    let mut joined: Vec<(Range<usize>, bool)> = Vec::new();
    for (k, &(start, speaker)) in pieces.iter().enumerate() {
        let end = pieces.get(k + 1).map_or(n, |p| p.0);
        if end <= start {
            continue;
        }
        let short = end - start < MIN_CLAIM_TERMS;
        match joined.last_mut() {
            Some((last, true)) if short && !speaker && names(start..end) => last.end = end,
            Some((last, attribution))
                if speaker && last.len() < MIN_CLAIM_TERMS && names(last.clone()) =>
            {
                last.end = end;
                *attribution = true;
            }
            Some((_, true)) | None => joined.push((start..end, speaker)),
            Some(_) if speaker => joined.push((start..end, speaker)),
            Some((last, _)) if short || last.len() < MIN_CLAIM_TERMS => last.end = end,
            Some(_) => joined.push((start..end, speaker)),
        }
    }
    if joined.iter().any(|(_, speaker)| !speaker) {
        joined.retain(|(_, speaker)| !speaker);
    }
    joined.into_iter().map(|(piece, _)| piece).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use multisum_tokenize::{Config, Tokenizer};

    /// The claims of the first body sentence of `text`, as the words of
    /// each claim's terms joined by spaces.
    fn claims_of(text: &str) -> Vec<String> {
        let tokenizer = Tokenizer::new(Config::new());
        let doc = tokenizer.segment(text);
        let unit = doc.body().next().expect("a sentence");
        let claims = Claims::of_unit(unit, doc.vocabulary(), text, Language::English);
        claims
            .claims
            .iter()
            .map(|c| {
                claims.terms[c.clone()]
                    .iter()
                    .map(|t| &text[t.span.clone()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn claim_rules() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a sentence of one clause is one claim",
                "The ferry Nordlys sank to the bottom of the Baltic Sea.",
                &["ferry Nordlys sank bottom Baltic Sea"],
            ),
            (
                "the attribution is not a claim",
                "Norwegian Transport Minister Ola Berg said Thursday that a collision with a \
                 large rock caused the Nordlys to sink.",
                &["collision large rock caused Nordlys sink"],
            ),
            (
                "clauses cut at commas and openers are claims of their own",
                "British rescuers arrived in the area where a Russian submarine with 118 crew \
                 went down, but officials say chances of survival are very slim.",
                &[
                    "British rescuers arrived area",
                    "Russian submarine 118 crew went",
                    "chances survival slim",
                ],
            ),
            (
                "an attribution takes the names after it",
                "Air France grounded all its Concordes, officials said Tuesday.",
                &["Air France grounded Concordes"],
            ),
            (
                "an apposition before a reporting verb is the speaker's",
                "Oleksandr Syrsky, head of Ukraine’s military, indicated a potential \
                 withdrawal of some troops from Kursk.",
                &["potential withdrawal troops Kursk"],
            ),
            (
                "a reporting verb after a break, then the speaker",
                "U.S. officials are set to visit Russia to discuss a ceasefire, as \
                 indicated by President Donald Trump.",
                &["U.S officials set visit Russia discuss ceasefire"],
            ),
            (
                "a participle after a break names nobody",
                "Rubio said the ball is truly in Russia’s court, emphasizing that peace \
                 negotiations are the only viable solution.",
                &[
                    "ball truly Russia court",
                    "peace negotiations viable solution",
                ],
            ),
            (
                "a short clause joins the one before it",
                "The Kursk sank to the bottom of the sea, killing 118.",
                &["Kursk sank bottom sea killing 118"],
            ),
            (
                "according to: the speaker follows",
                "The Kursk sank on Saturday, according to Russian navy officials.",
                &["Kursk sank Saturday"],
            ),
            (
                "dashes cut like commas",
                "The Kursk sank -- officials said -- after a torpedo exploded in the bow.",
                &["Kursk sank", "torpedo exploded bow"],
            ),
            (
                "a noun is not a reporting verb",
                "Reporters saw the damaged submarine near the coast.",
                &["Reporters saw damaged submarine near coast"],
            ),
            (
                "the speaker before a reporting verb is not part of the claim",
                "Norwegian officials said the Nordlys was not carrying dangerous cargo.",
                &["Nordlys carrying dangerous cargo"],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(claims_of(text), *expected, "{name}");
        }
    }

    #[test]
    fn reported_speech() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "a reporting verb",
                "The ministry said the bridge would reopen in May.",
                true,
            ),
            (
                "a quotation",
                "The mayor called the plan \"a disaster\" for the town.",
                true,
            ),
            (
                "the wire services' quotation marks",
                "``We will rebuild,'' the mayor promised.",
                true,
            ),
            (
                "neither",
                "The bridge reopened in May after repairs.",
                false,
            ),
            (
                "a backquote for an apostrophe is no quotation",
                "The bridge didn`t reopen in May.",
                false,
            ),
            (
                "a name spelled like a reporting verb",
                "The bridge was built by Edward Said and his brother.",
                false,
            ),
        ];
        for &(name, text, reported) in cases {
            let tokenizer = Tokenizer::new(Config::new());
            let doc = tokenizer.segment(text);
            let unit = doc.body().next().expect("a sentence");
            let claims = Claims::of_unit(unit, doc.vocabulary(), text, Language::English);
            assert_eq!(claims.reported, reported, "{name}");
        }
    }

    #[test]
    fn folds_numbers_months_and_irregular_verbs() {
        let cases: &[(&str, &str, bool)] = &[
            ("6,076", "6076", true),
            ("two", "2", true),
            ("aug", "august", false),
            ("sank", "sink", false),
            ("2.5", "2.5", true),
            ("kursk", "kursk", false),
            ("1e308", "1e308", false),
        ];
        for &(stem, folded, number) in cases {
            assert_eq!(fold(stem), (folded.to_string(), number), "{stem}");
        }
    }
}
