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
}

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
        for (k, token) in unit.tokens.iter().enumerate() {
            let norm = vocabulary.norm(token.term);
            let between = text.get(previous_end..token.span.start).unwrap_or("");
            previous_end = token.span.end;
            // Dashes too: "--", " - ", and the wire services' " _ ".
            let punctuated = k > 0
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
            let name = capital;
            terms.push(Term {
                text: folded.into(),
                id: 0,
                span: token.span.clone(),
                number,
                name,
                negated: negate,
            });
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
            terms,
            claims,
            bag: Vec::new(),
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
                }
            })
            .collect();
        Claims {
            claims: std::iter::once(0..terms.len())
                .filter(|all| !all.is_empty())
                .collect(),
            terms,
            bag: Vec::new(),
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
                "The Kursk sank to the bottom of the Barents Sea.",
                &["Kursk sank bottom Barents Sea"],
            ),
            (
                "the attribution is not a claim",
                "Russian Deputy Prime Minister Ilya Klebanov said Thursday that a collision \
                 with a big object caused the Kursk to sink.",
                &["collision big object caused Kursk sink"],
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
                "Russian officials said the Kursk was not carrying nuclear weapons.",
                &["Kursk carrying nuclear weapons"],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(claims_of(text), *expected, "{name}");
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
