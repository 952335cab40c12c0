//! Languages: Snowball stemmers and stopword lists behind one type of ours.

use std::fmt;
use std::str::FromStr;

/// A language whose text multisum can stem and filter for stopwords.
///
/// Every language with a Snowball stemmer in `rust-stemmers` is here; the
/// stopword lists are NLTK's (through the `stop-words` crate). The type is
/// ours so that the stemming crate never shows in this crate's API.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// Arabic.
    Arabic,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// English (the default).
    #[default]
    English,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Greek.
    Greek,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Norwegian.
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Tamil.
    Tamil,
    /// Turkish.
    Turkish,
}

impl Language {
    /// All supported languages, in alphabetical order.
    pub const ALL: &'static [Language] = &[
        Language::Arabic,
        Language::Danish,
        Language::Dutch,
        Language::English,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Greek,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
        Language::Tamil,
        Language::Turkish,
    ];

    /// The lowercase English name, as accepted by [`FromStr`]: `"english"`.
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "arabic",
            Language::Danish => "danish",
            Language::Dutch => "dutch",
            Language::English => "english",
            Language::Finnish => "finnish",
            Language::French => "french",
            Language::German => "german",
            Language::Greek => "greek",
            Language::Hungarian => "hungarian",
            Language::Italian => "italian",
            Language::Norwegian => "norwegian",
            Language::Portuguese => "portuguese",
            Language::Romanian => "romanian",
            Language::Russian => "russian",
            Language::Spanish => "spanish",
            Language::Swedish => "swedish",
            Language::Tamil => "tamil",
            Language::Turkish => "turkish",
        }
    }

    /// The ISO 639-1 code: `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Danish => "da",
            Language::Dutch => "nl",
            Language::English => "en",
            Language::Finnish => "fi",
            Language::French => "fr",
            Language::German => "de",
            Language::Greek => "el",
            Language::Hungarian => "hu",
            Language::Italian => "it",
            Language::Norwegian => "no",
            Language::Portuguese => "pt",
            Language::Romanian => "ro",
            Language::Russian => "ru",
            Language::Spanish => "es",
            Language::Swedish => "sv",
            Language::Tamil => "ta",
            Language::Turkish => "tr",
        }
    }

    pub(crate) fn algorithm(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm as A;
        match self {
            Language::Arabic => A::Arabic,
            Language::Danish => A::Danish,
            Language::Dutch => A::Dutch,
            Language::English => A::English,
            Language::Finnish => A::Finnish,
            Language::French => A::French,
            Language::German => A::German,
            Language::Greek => A::Greek,
            Language::Hungarian => A::Hungarian,
            Language::Italian => A::Italian,
            Language::Norwegian => A::Norwegian,
            Language::Portuguese => A::Portuguese,
            Language::Romanian => A::Romanian,
            Language::Russian => A::Russian,
            Language::Spanish => A::Spanish,
            Language::Swedish => A::Swedish,
            Language::Tamil => A::Tamil,
            Language::Turkish => A::Turkish,
        }
    }

    /// The stopword list (NLTK's), lowercase.
    pub fn stopwords(self) -> &'static [&'static str] {
        stop_words::lookup(self.code()).unwrap_or(&[])
    }
}

/// Least whatlang confidence (0 to 1) taken for a detection. whatlang's own
/// "reliable" mark (above 0.9) rejects plain news sentences in Russian that
/// it detects right with 0.6; wrong guesses on short text score near 0.
#[cfg(feature = "detect")]
const MIN_CONFIDENCE: f64 = 0.5;

/// The language of `text`, if it is one of [`Language::ALL`] and it can be
/// told with some confidence.
///
/// Detection is statistical (whatlang's trigram models): a paragraph or more
/// of running text is usually enough, a headline alone often is not. Text
/// in a language multisum cannot stem (Ukrainian, Chinese…) gives `None`,
/// not the nearest supported language.
///
/// ```
/// use multisum_tokenize::{detect_language, Language};
///
/// let text = "Les négociateurs américains sont arrivés à Moscou mercredi pour \
///             discuter d'un cessez-le-feu de trente jours en Ukraine.";
/// assert_eq!(detect_language(text), Some(Language::French));
/// assert_eq!(detect_language("12345"), None);
/// ```
#[cfg(feature = "detect")]
pub fn detect_language(text: &str) -> Option<Language> {
    use whatlang::Lang;
    let info = whatlang::detect(text).filter(|info| info.confidence() >= MIN_CONFIDENCE)?;
    Some(match info.lang() {
        Lang::Ara => Language::Arabic,
        Lang::Dan => Language::Danish,
        Lang::Nld => Language::Dutch,
        Lang::Eng => Language::English,
        Lang::Fin => Language::Finnish,
        Lang::Fra => Language::French,
        Lang::Deu => Language::German,
        Lang::Ell => Language::Greek,
        Lang::Hun => Language::Hungarian,
        Lang::Ita => Language::Italian,
        Lang::Nob => Language::Norwegian,
        Lang::Por => Language::Portuguese,
        Lang::Ron => Language::Romanian,
        Lang::Rus => Language::Russian,
        Lang::Spa => Language::Spanish,
        Lang::Swe => Language::Swedish,
        Lang::Tam => Language::Tamil,
        Lang::Tur => Language::Turkish,
        _ => return None,
    })
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`Language`] from a name or code it does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLanguage {
    given: String,
}

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language '{}' (expected one of: ", self.given)?;
        for (i, lang) in Language::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(lang.name())?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Accepts the English name or the ISO 639-1 code, in any case.
    fn from_str(s: &str) -> Result<Language, UnknownLanguage> {
        let lower = s.trim().to_lowercase();
        Language::ALL
            .iter()
            .copied()
            .find(|l| l.name() == lower || l.code() == lower)
            .ok_or(UnknownLanguage {
                given: s.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip() {
        for &lang in Language::ALL {
            assert_eq!(lang.name().parse::<Language>(), Ok(lang));
            assert_eq!(lang.code().parse::<Language>(), Ok(lang));
            assert!(!lang.stopwords().is_empty(), "{lang} has no stopwords");
        }
        assert!("klingon".parse::<Language>().is_err());
    }

    #[cfg(feature = "detect")]
    #[test]
    fn detects_languages() {
        let cases = [
            (
                "US officials are on their way to Moscow to discuss a ceasefire in Ukraine, \
                 the president said on Wednesday.",
                Some(Language::English),
            ),
            (
                "Die amerikanischen Unterhändler sind am Mittwoch nach Moskau gereist, um über \
                 eine Waffenruhe in der Ukraine zu sprechen.",
                Some(Language::German),
            ),
            (
                "Los negociadores estadounidenses viajaron el miércoles a Moscú para hablar de \
                 un alto el fuego en Ucrania.",
                Some(Language::Spanish),
            ),
            (
                "Американские переговорщики в среду прибыли в Москву, чтобы обсудить \
                 прекращение огня на Украине.",
                Some(Language::Russian),
            ),
            ("美国谈判代表周三抵达莫斯科，讨论乌克兰停火问题。", None),
            ("Envoys Head to Moscow", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(detect_language(text), expected, "{text:?}");
        }
    }
}
