//! The output: a consolidated summary as plain data.

use std::ops::Range;

use multisum_tokenize::Language;

use crate::config::Selector;
use crate::source::{Format, Spans};

/// A report cited by a summary sentence: it contains a sentence, at `span`,
/// stating the summary sentence's claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub(crate) source: usize,
    pub(crate) span: Range<usize>,
    pub(crate) basis: Basis,
    pub(crate) evidence: Option<Evidence>,
}

/// Why a citation by words holds: the claim of the summary sentence that
/// the cited sentence states, and what of it the cited sentence contains.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub(crate) claim: Range<usize>,
    pub(crate) coverage: f64,
    pub(crate) words: Vec<String>,
    pub(crate) numbers: Vec<String>,
    pub(crate) names: Vec<String>,
    pub(crate) negated: bool,
}

impl Evidence {
    /// Byte range of the claim (a clause of the summary sentence) in the
    /// summary sentence's report.
    pub fn claim(&self) -> Range<usize> {
        self.claim.clone()
    }

    /// The share of the claim's content words the cited sentence contains,
    /// each weighted by its rarity in the input (0 to 1).
    pub fn coverage(&self) -> f64 {
        self.coverage
    }

    /// The claim's content words found in the cited sentence, as written
    /// in the summary sentence (numbers and names included).
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The claim's numbers, all of which the cited sentence has.
    pub fn numbers(&self) -> &[String] {
        &self.numbers
    }

    /// The claim's names (capitalised words) the cited sentence has.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether the claim is negated ("was not carrying"), as the matched
    /// words of the cited sentence are.
    pub fn negated(&self) -> bool {
        self.negated
    }
}

/// A report that gives another value for a summary sentence's claim: its
/// sentence states the same claim (the support test, with the claim's
/// values left out of it) with one value different ("116 aboard" where the
/// summary says "118 crew").
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub(crate) source: usize,
    pub(crate) span: Range<usize>,
    pub(crate) kind: ValueKind,
    pub(crate) value: String,
    pub(crate) value_span: Range<usize>,
    pub(crate) phrase: String,
    pub(crate) ours: String,
    pub(crate) ours_span: Range<usize>,
    pub(crate) relation: Relation,
    pub(crate) claim: Range<usize>,
    pub(crate) coverage: f64,
    pub(crate) words: Vec<String>,
}

impl Disagreement {
    /// Index of the report in [`Summary::sources`].
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range of the report's sentence that gives the other value.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// What kind of value differs.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// The report's value, as written there ("116", "Sunday").
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Byte range of [`Self::value`] in the report's text.
    pub fn value_span(&self) -> Range<usize> {
        self.value_span.clone()
    }

    /// The report's value with the word it counts, as written there
    /// ("116 aboard"); the value alone when nothing follows it in the claim.
    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// The summary sentence's value, as written there ("118").
    pub fn ours(&self) -> &str {
        &self.ours
    }

    /// Byte range of [`Self::ours`] in the summary sentence's report.
    pub fn ours_span(&self) -> Range<usize> {
        self.ours_span.clone()
    }

    /// Whether the report's value is an earlier figure or simply differs.
    pub fn relation(&self) -> Relation {
        self.relation
    }

    /// Byte range of the claim (a clause of the summary sentence) in the
    /// summary sentence's report.
    pub fn claim(&self) -> Range<usize> {
        self.claim.clone()
    }

    /// The share of the claim's words other than its values the report's
    /// sentence contains, each weighted by its rarity (0 to 1).
    pub fn coverage(&self) -> f64 {
        self.coverage
    }

    /// The claim's words (other than values) found in the report's
    /// sentence, as written in the summary sentence.
    pub fn words(&self) -> &[String] {
        &self.words
    }
}

/// What kind of value a [`Disagreement`] is about.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A count, amount, percentage, age or distance ("118", "2.6").
    Number,
    /// A day of a month ("Aug. 12").
    Date,
    /// A day of the week ("Sunday").
    Day,
    /// A time of day ("1:50", "2 p.m.").
    Time,
    /// A person or place in the same role of one event ("took off from
    /// Newark airport" / "from Boston airport" on the same date).
    Name,
}

impl ValueKind {
    /// The name used in JSON output: `number`, `date`, `day`, `time` or
    /// `name`.
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Number => "number",
            ValueKind::Date => "date",
            ValueKind::Day => "day",
            ValueKind::Time => "time",
            ValueKind::Name => "name",
        }
    }
}

/// How a report's other value stands to the summary sentence's.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The reports disagree: the report is not older than the summary
    /// sentence's, or one of them has no date.
    Differs,
    /// An earlier figure: the report is dated before the summary sentence's
    /// report, which updates it.
    Earlier,
}

impl Relation {
    /// The name used in output: `differs` or `earlier`.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Differs => "differs",
            Relation::Earlier => "earlier",
        }
    }
}

/// What a [`Citation`] rests on.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Words: the cited sentence states one of the summary sentence's
    /// claims, by the support test (most of the claim's content words,
    /// weighted by rarity, every number, the same polarity); its
    /// [`Evidence`] says what matched.
    Words,
    /// Meaning (only with an [`Encoder`](crate::Encoder)): no sentence of the report shares
    /// enough words, but the report retells the story (it is cited by words
    /// for at least [`Tuning::meaning_share`](crate::Tuning::meaning_share) of the summary's sentences), and its sentence
    /// closest by the encoder's vectors, among those not cited by words for
    /// another summary sentence, has a cosine of at least [`Tuning::meaning_cosine`](crate::Tuning::meaning_cosine)
    /// and is strictly closer to this summary sentence than to any other.
    /// Less certain than [`Basis::Words`]: sentence vectors measure topic as
    /// much as fact.
    Meaning,
}

impl Basis {
    /// The name used in JSON output: `words` or `meaning`.
    pub fn name(self) -> &'static str {
        match self {
            Basis::Words => "words",
            Basis::Meaning => "meaning",
        }
    }
}

impl Citation {
    /// Index of the cited report in [`Summary::sources`].
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range of the matching sentence in the cited report's text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// What the citation rests on.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// For a citation by words of another sentence, what it matched.
    pub fn evidence(&self) -> Option<&Evidence> {
        self.evidence.as_ref()
    }
}

/// How a chosen sentence scored when it was chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Components {
    /// Centrality from the scoring algorithm, normalised so the best
    /// sentence is 1.
    pub centrality: f64,
    /// The selector's value of the sentence when it was chosen: for MMR
    /// `λ·centrality − (1−λ)·redundancy`, for coverage the gain in coverage
    /// and diversity per unit of cost, for concepts the weight of concepts
    /// not yet covered plus weighted relevance, per unit of cost.
    pub gain: f64,
    /// Its highest similarity to a sentence chosen before it.
    pub redundancy: f64,
}

/// Why a unit of a report was, or was not, chosen.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Chosen; `rank` is the order of choice, 0 first.
    Chosen {
        /// Order of choice.
        rank: usize,
    },
    /// Says what a chosen sentence says.
    Redundant {
        /// Index into [`Summary::candidates`] of the chosen sentence.
        with: usize,
        /// Their similarity, above the redundancy threshold.
        similarity: f64,
    },
    /// States a claim of a chosen sentence, or the chosen sentence states
    /// one of its claims, in other words or in passing (the support test
    /// without its bound on the cosine): no claim is said twice.
    Restates {
        /// Index into [`Summary::candidates`] of the chosen sentence.
        with: usize,
        /// The share of the claim (IDF-weighted content words) the other
        /// sentence contains.
        coverage: f64,
    },
    /// Chosen, then given up for a newer report's sentence that states its
    /// claim with another value (an update); the summary shows its value
    /// as an earlier figure under that sentence. Other verdicts' `with`
    /// may name it: it was what they repeat.
    Updated {
        /// Index into [`Summary::candidates`] of the newer sentence.
        with: usize,
    },
    /// Did not fit in what was left of the budget.
    OverBudget,
    /// Opens with a reference ("He", "This", "However") to a sentence that
    /// was not chosen.
    Dangling,
    /// A fragment: too few content words to carry a fact on its own, or no
    /// sentence end (a tag line left at the end of a paragraph).
    TooShort,
    /// In a report that is a syndicated copy of another: the twin in the
    /// original stands for it.
    Copy,
    /// Not chosen: when the budget filled, its score by the selector's
    /// objective (MMR: centrality less the similarity to what was chosen;
    /// concepts: the weight of concepts not yet covered) was lower than the
    /// chosen ones'.
    NotReached,
    /// Not a sentence of the report: boilerplate.
    Boilerplate,
    /// Not a sentence of the report: a headline or subheading.
    Heading,
}

impl Verdict {
    /// The name used in `--explain` JSON: `chosen`, `redundant`,
    /// `restates`, `updated`, `over_budget`, `dangling`, `too_short`, `copy`,
    /// `not_reached`, `boilerplate` or `heading`.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Chosen { .. } => "chosen",
            Verdict::Redundant { .. } => "redundant",
            Verdict::Restates { .. } => "restates",
            Verdict::Updated { .. } => "updated",
            Verdict::OverBudget => "over_budget",
            Verdict::Dangling => "dangling",
            Verdict::TooShort => "too_short",
            Verdict::Copy => "copy",
            Verdict::NotReached => "not_reached",
            Verdict::Boilerplate => "boilerplate",
            Verdict::Heading => "heading",
        }
    }

    /// The same verdict with the chosen sentence it names (if any)
    /// renumbered by `f`: selection names sentences, a [`Summary`] its
    /// candidates.
    pub(crate) fn renumbered(self, f: impl Fn(usize) -> usize) -> Verdict {
        match self {
            Verdict::Redundant { with, similarity } => Verdict::Redundant {
                with: f(with),
                similarity,
            },
            Verdict::Restates { with, coverage } => Verdict::Restates {
                with: f(with),
                coverage,
            },
            Verdict::Updated { with } => Verdict::Updated { with: f(with) },
            other => other,
        }
    }
}

/// A unit of some report, as selection saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub(crate) source: usize,
    pub(crate) span: Range<usize>,
    pub(crate) centrality: f64,
    pub(crate) verdict: Verdict,
    pub(crate) closest: Option<(usize, f64)>,
}

impl Candidate {
    /// Index of the report.
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range in the report's text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Normalised centrality (0 for units that are not body sentences).
    pub fn centrality(&self) -> f64 {
        self.centrality
    }

    /// What selection decided.
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// For a body sentence that was not chosen: the most similar chosen
    /// sentence (an index into [`Summary::candidates`]) and their
    /// similarity, which MMR subtracted from its score.
    pub fn closest_chosen(&self) -> Option<(usize, f64)> {
        self.closest
    }
}

/// A sentence of the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SummarySentence {
    pub(crate) text: String,
    pub(crate) source: usize,
    pub(crate) span: Range<usize>,
    pub(crate) components: Components,
    pub(crate) citations: Vec<Citation>,
    pub(crate) disagreements: Vec<Disagreement>,
    pub(crate) corroboration: usize,
}

impl SummarySentence {
    /// The sentence, exactly as it stands in its source at [`Self::span`].
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Index of the report the text was taken from.
    pub fn source(&self) -> usize {
        self.source
    }

    /// Byte range of the text in its source.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The sentence's importance, normalised so the best candidate is 1.
    pub fn score(&self) -> f64 {
        self.components.centrality
    }

    /// How it scored when it was chosen.
    pub fn components(&self) -> Components {
        self.components
    }

    /// Every report stating this sentence's content, the origin included,
    /// ordered by source index, each report once.
    pub fn citations(&self) -> &[Citation] {
        &self.citations
    }

    /// Reports that give another value for its claim, ordered by source
    /// index, each report once; never a cited report.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.disagreements
    }

    /// Its disagreements as the renderings show them: one line per
    /// relation and value (as written, with what it counts), with the
    /// reports that give it, the values that differ before earlier figures.
    pub(crate) fn differing(&self) -> Vec<(&'static str, &str, Vec<usize>)> {
        let mut lines: Vec<(&'static str, &str, Vec<usize>)> = Vec::new();
        for relation in [Relation::Differs, Relation::Earlier] {
            for d in self.disagreements.iter().filter(|d| d.relation == relation) {
                match lines
                    .iter_mut()
                    .find(|(r, phrase, _)| *r == relation.name() && *phrase == d.phrase)
                {
                    Some((_, _, reports)) => reports.push(d.source),
                    None => lines.push((relation.name(), &d.phrase, vec![d.source])),
                }
            }
        }
        lines
    }

    /// How many independent reports carry it: the cited reports, with
    /// syndicated copies of one article counted once.
    pub fn corroboration(&self) -> usize {
        self.corroboration
    }
}

/// What a summary says about one input report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) path: Option<String>,
    pub(crate) copy_of: Option<usize>,
    pub(crate) language: Language,
    pub(crate) detected: bool,
    pub(crate) format: Format,
    pub(crate) encoding: Option<String>,
    pub(crate) spans: Spans,
}

impl SourceInfo {
    /// The report's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title: the one given, else the report's headline.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The path it was read from, if given.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// If this report is a syndicated copy of an earlier one (nearly all of
    /// the sentences of each appear in the other), that report's index. A
    /// copy is cited, but counts once with its original for corroboration
    /// and is not scored or selected from.
    pub fn copy_of(&self) -> Option<usize> {
        self.copy_of
    }

    /// The language the report was read in: the configured one, or with
    /// [`Config::detect_language`](crate::Config::detect_language) its own.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether [`SourceInfo::language`] was detected from the text (with
    /// detection on, and sure of itself) rather than configured.
    pub fn language_detected(&self) -> bool {
        self.detected
    }

    /// The kind of file the report was read from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The encoding its text was decoded from, if it was (see
    /// [`Source::with_encoding`](crate::Source::with_encoding)).
    pub fn encoding(&self) -> Option<&str> {
        self.encoding.as_deref()
    }

    /// What spans into this report index: the file, or the text decoded
    /// or extracted from it.
    pub fn spans(&self) -> Spans {
        self.spans
    }

    /// How the report was read, when its spans do not index the file byte
    /// for byte, as notes for the renderings: `article extracted from
    /// HTML`, `decoded from windows-1252`.
    pub(crate) fn reading(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.format == Format::Html {
            notes.push("article extracted from HTML".to_string());
        }
        if let Some(encoding) = &self.encoding {
            notes.push(format!("decoded from {encoding}"));
        }
        notes
    }
}

/// A consolidated summary: plain data, rendered by [`render`](crate::render).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub(crate) sources: Vec<SourceInfo>,
    pub(crate) sentences: Vec<SummarySentence>,
    pub(crate) candidates: Vec<Candidate>,
    pub(crate) selector: Selector,
}

impl Summary {
    /// The objective that chose the sentences: what [`Selector::Auto`]
    /// resolved to, and MMR where coverage was asked of an input above
    /// [`Tuning::coverage_limit`](crate::Tuning::coverage_limit). Never
    /// `Auto`.
    pub fn selector(&self) -> Selector {
        self.selector
    }

    /// The input reports, in input order.
    pub fn sources(&self) -> &[SourceInfo] {
        &self.sources
    }

    /// The summary's sentences, in output order.
    pub fn sentences(&self) -> &[SummarySentence] {
        &self.sentences
    }

    /// Every unit of every report (body sentences, headings, boilerplate),
    /// by report and then in text order, with the verdict of selection.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }
}
