//! Python bindings of multisum: `multisum.summarize(reports, ...)` returns
//! a `Summary` whose renderings are byte for byte what the `multisum` CLI
//! prints for the same reports and options. Types and docs for Python
//! users are in `multisum.pyi`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use multisum_assemble::{
    Algorithm, Budget, Config, Language, Order, Selector, Source, Summarizer, render,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// A citation: the cited report (index into `Summary.sources`), the byte
/// span of the sentence there, what it rests on ("words" or "meaning"), and
/// for a citation by words of another report, its evidence.
#[pyclass(frozen, module = "multisum")]
struct Citation {
    #[pyo3(get)]
    source: usize,
    #[pyo3(get)]
    span: (usize, usize),
    #[pyo3(get)]
    basis: &'static str,
    #[pyo3(get)]
    evidence: Option<Py<Evidence>>,
}

/// What a citation by words matched: the claim of the summary sentence it
/// states (byte span in the summary sentence's report), the share of the
/// claim's words it holds (weighted by rarity), those words, the claim's
/// numbers, the matched names, and whether the claim is negated.
#[pyclass(frozen, module = "multisum")]
struct Evidence {
    #[pyo3(get)]
    claim: (usize, usize),
    #[pyo3(get)]
    coverage: f64,
    #[pyo3(get)]
    words: Vec<String>,
    #[pyo3(get)]
    numbers: Vec<String>,
    #[pyo3(get)]
    names: Vec<String>,
    #[pyo3(get)]
    negated: bool,
}

#[pymethods]
impl Evidence {
    fn __repr__(&self) -> String {
        format!(
            "Evidence(claim=({}, {}), coverage={:.2}, words={:?})",
            self.claim.0, self.claim.1, self.coverage, self.words
        )
    }
}

#[pymethods]
impl Citation {
    fn __repr__(&self) -> String {
        format!(
            "Citation(source={}, span=({}, {}), basis={:?})",
            self.source, self.span.0, self.span.1, self.basis
        )
    }
}

/// A report that gives another value for the sentence's claim: the report
/// (index into `Summary.sources`), the byte span of its sentence, the kind
/// of value, theirs and ours as written (with their spans), "differs" or
/// "earlier", the claim both state, and the words that make it the same.
#[pyclass(frozen, module = "multisum")]
struct Disagreement {
    #[pyo3(get)]
    source: usize,
    #[pyo3(get)]
    span: (usize, usize),
    #[pyo3(get)]
    kind: &'static str,
    #[pyo3(get)]
    value: String,
    #[pyo3(get)]
    ours: String,
    #[pyo3(get)]
    relation: &'static str,
    #[pyo3(get)]
    claim: (usize, usize),
    #[pyo3(get)]
    coverage: f64,
    #[pyo3(get)]
    value_span: (usize, usize),
    #[pyo3(get)]
    ours_span: (usize, usize),
    #[pyo3(get)]
    phrase: String,
    #[pyo3(get)]
    words: Vec<String>,
}

#[pymethods]
impl Disagreement {
    fn __repr__(&self) -> String {
        format!(
            "Disagreement(source={}, kind={:?}, value={:?}, ours={:?}, relation={:?})",
            self.source, self.kind, self.value, self.ours, self.relation
        )
    }
}

/// A sentence of the summary, copied verbatim from a report.
#[pyclass(frozen, module = "multisum")]
struct Sentence {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    source: usize,
    #[pyo3(get)]
    span: (usize, usize),
    #[pyo3(get)]
    score: f64,
    #[pyo3(get)]
    corroboration: usize,
    #[pyo3(get)]
    citations: Vec<Py<Citation>>,
    #[pyo3(get)]
    disagreements: Vec<Py<Disagreement>>,
}

#[pymethods]
impl Sentence {
    fn __repr__(&self) -> String {
        format!(
            "Sentence(text={:?}, source={}, citations={})",
            self.text,
            self.source,
            self.citations.len()
        )
    }
}

/// What the summary says about one input report.
#[pyclass(frozen, module = "multisum")]
struct SourceInfo {
    #[pyo3(get)]
    id: String,
    #[pyo3(get)]
    title: Option<String>,
    #[pyo3(get)]
    path: Option<String>,
    #[pyo3(get)]
    copy_of: Option<usize>,
    #[pyo3(get)]
    language: &'static str,
}

#[pymethods]
impl SourceInfo {
    fn __repr__(&self) -> String {
        format!("SourceInfo(id={:?}, title={:?})", self.id, self.title)
    }
}

/// A consolidated summary.
#[pyclass(frozen, module = "multisum")]
struct Summary {
    summary: multisum_assemble::Summary,
    sources: Vec<Source>,
}

#[pymethods]
impl Summary {
    /// The summary's sentences, in output order.
    #[getter]
    fn sentences(&self, py: Python<'_>) -> PyResult<Vec<Py<Sentence>>> {
        self.summary
            .sentences()
            .iter()
            .map(|s| {
                let citations = s
                    .citations()
                    .iter()
                    .map(|c| {
                        let evidence = c
                            .evidence()
                            .map(|e| {
                                Py::new(
                                    py,
                                    Evidence {
                                        claim: (e.claim().start, e.claim().end),
                                        coverage: e.coverage(),
                                        words: e.words().to_vec(),
                                        numbers: e.numbers().to_vec(),
                                        names: e.names().to_vec(),
                                        negated: e.negated(),
                                    },
                                )
                            })
                            .transpose()?;
                        Py::new(
                            py,
                            Citation {
                                source: c.source(),
                                span: (c.span().start, c.span().end),
                                basis: c.basis().name(),
                                evidence,
                            },
                        )
                    })
                    .collect::<PyResult<_>>()?;
                let disagreements = s
                    .disagreements()
                    .iter()
                    .map(|d| {
                        Py::new(
                            py,
                            Disagreement {
                                source: d.source(),
                                span: (d.span().start, d.span().end),
                                kind: d.kind().name(),
                                value: d.value().to_string(),
                                ours: d.ours().to_string(),
                                relation: d.relation().name(),
                                claim: (d.claim().start, d.claim().end),
                                coverage: d.coverage(),
                                value_span: (d.value_span().start, d.value_span().end),
                                ours_span: (d.ours_span().start, d.ours_span().end),
                                phrase: d.phrase().to_string(),
                                words: d.words().to_vec(),
                            },
                        )
                    })
                    .collect::<PyResult<_>>()?;
                Py::new(
                    py,
                    Sentence {
                        text: s.text().to_string(),
                        source: s.source(),
                        span: (s.span().start, s.span().end),
                        score: s.score(),
                        corroboration: s.corroboration(),
                        citations,
                        disagreements,
                    },
                )
            })
            .collect()
    }

    /// The objective that chose the sentences: "mmr", "coverage" or
    /// "concepts" (what "auto" resolved to).
    #[getter]
    fn selector(&self) -> &'static str {
        self.summary.selector().name()
    }

    /// The input reports, in input order.
    #[getter]
    fn sources(&self, py: Python<'_>) -> PyResult<Vec<Py<SourceInfo>>> {
        self.summary
            .sources()
            .iter()
            .map(|s| {
                Py::new(
                    py,
                    SourceInfo {
                        id: s.id().to_string(),
                        title: s.title().map(str::to_string),
                        path: s.path().map(str::to_string),
                        copy_of: s.copy_of(),
                        language: s.language().name(),
                    },
                )
            })
            .collect()
    }

    /// The JSON the CLI prints with `--format json`.
    fn to_json(&self) -> String {
        render::json(&self.summary)
    }

    /// The Markdown the CLI prints with `--format markdown`.
    fn to_markdown(&self) -> String {
        render::markdown(&self.summary)
    }

    /// The self-contained HTML report the CLI prints with `--format html`.
    fn to_html(&self) -> String {
        render::html(&self.summary, &self.sources)
    }

    /// Why each sentence was chosen or left out, as the CLI's `--explain`
    /// prints it: `format` is "text", "markdown" or "json".
    #[pyo3(signature = (format = "text"))]
    fn explain(&self, format: &str) -> PyResult<String> {
        match format {
            "text" => Ok(render::explain(&self.summary, &self.sources)),
            "markdown" => Ok(render::explain_markdown(&self.summary, &self.sources)),
            "json" => Ok(render::explain_json(&self.summary, &self.sources)),
            other => Err(PyValueError::new_err(format!(
                "format {other:?}: expected \"text\", \"markdown\" or \"json\""
            ))),
        }
    }

    /// The text the CLI prints by default.
    fn __str__(&self) -> String {
        render::text(&self.summary)
    }

    fn __repr__(&self) -> String {
        format!(
            "Summary({} sentences from {} reports)",
            self.summary.sentences().len(),
            self.summary.sources().len()
        )
    }
}

/// Summarizes `reports` (strings, or dicts with "text" and optionally "id",
/// "title", "date", "path") into one summary in which every sentence cites
/// every report that states it. See `multisum.pyi` for the options.
#[pyfunction]
#[pyo3(signature = (
    reports, *, sentences = None, words = None, bytes = None, ratio = None,
    algorithm = "textrank", order = "source", language = "english",
    selector = "auto", model = None, query = None
))]
#[allow(clippy::too_many_arguments)]
fn summarize(
    py: Python<'_>,
    reports: &Bound<'_, PyList>,
    sentences: Option<usize>,
    words: Option<usize>,
    bytes: Option<usize>,
    ratio: Option<f64>,
    algorithm: &str,
    order: &str,
    language: &str,
    selector: &str,
    model: Option<PathBuf>,
    query: Option<String>,
) -> PyResult<Summary> {
    let sources = read_reports(reports)?;
    let budget = match (sentences, words, bytes, ratio) {
        (None, None, None, None) => Budget::default(),
        (Some(n), None, None, None) => Budget::Sentences(n),
        (None, Some(n), None, None) => Budget::Words(n),
        (None, None, Some(n), None) => Budget::Bytes(n),
        (None, None, None, Some(r)) if (0.0..=1.0).contains(&r) => Budget::Ratio(r),
        (None, None, None, Some(_)) => {
            return Err(PyValueError::new_err("ratio: not a number between 0 and 1"));
        }
        _ => {
            return Err(PyValueError::new_err(
                "sentences, words, bytes and ratio cannot be used together",
            ));
        }
    };
    let algorithm = match algorithm {
        "textrank" => Algorithm::TextRank,
        "lexrank" => Algorithm::LexRank,
        "centroid" => Algorithm::Centroid,
        "tfidf" => Algorithm::TfIdf,
        other => {
            return Err(choice(
                "algorithm",
                other,
                "textrank, lexrank, centroid, tfidf",
            ));
        }
    };
    let order = match order {
        "source" => Order::Source,
        "score" => Order::Score,
        "date" => Order::Date,
        other => return Err(choice("order", other, "source, score, date")),
    };
    let selector = match selector {
        "auto" => Selector::Auto,
        "mmr" => Selector::Mmr,
        "coverage" => Selector::Coverage,
        "concepts" => Selector::Concepts,
        other => return Err(choice("selector", other, "auto, mmr, coverage, concepts")),
    };
    let (language, detect) = if language.eq_ignore_ascii_case("auto") {
        (Language::English, true)
    } else {
        let language = language
            .parse::<Language>()
            .map_err(|e| PyValueError::new_err(format!("language: {e}, or auto")))?;
        (language, false)
    };
    let mut config = Config::new()
        .budget(budget)
        .algorithm(algorithm)
        .order(order)
        .selector(selector)
        .language(language)
        .detect_language(detect);
    if let Some(query) = query {
        config = config.query(query);
    }
    let mut summarizer = Summarizer::new(config);
    if let Some(dir) = model {
        summarizer = with_model(summarizer, dir)?;
    }
    let summary = py
        .detach(|| summarizer.summarize(&sources))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(Summary { summary, sources })
}

fn choice(what: &str, got: &str, expected: &str) -> PyErr {
    PyValueError::new_err(format!("{what} {got:?}: expected one of {expected}"))
}

/// The reports as sources: a string is a report's text (its id its 1-based
/// position), a dict gives "text" and optionally "id", "title", "date" and
/// "path".
fn read_reports(reports: &Bound<'_, PyList>) -> PyResult<Vec<Source>> {
    let mut sources = Vec::with_capacity(reports.len());
    for (i, item) in reports.iter().enumerate() {
        let position = (i + 1).to_string();
        if let Ok(text) = item.cast::<PyString>() {
            sources.push(Source::new(position, text.to_cow()?.into_owned()));
            continue;
        }
        let Ok(dict) = item.cast::<PyDict>() else {
            return Err(PyTypeError::new_err(format!(
                "reports[{i}]: expected a str or a dict, got {}",
                item.get_type().name()?
            )));
        };
        let field = |key: &str| -> PyResult<Option<String>> {
            match dict.get_item(key)? {
                None => Ok(None),
                Some(v) if v.is_none() => Ok(None),
                Some(v) => v.extract::<String>().map(Some).map_err(|_| {
                    PyTypeError::new_err(format!("reports[{i}][{key:?}]: expected a str"))
                }),
            }
        };
        for key in dict.keys() {
            let key: String = key.extract()?;
            if !matches!(key.as_str(), "id" | "text" | "title" | "date" | "path") {
                return Err(PyValueError::new_err(format!(
                    "reports[{i}]: unknown key {key:?} (expected id, text, title, date, path)"
                )));
            }
        }
        let text = field("text")?
            .ok_or_else(|| PyValueError::new_err(format!("reports[{i}]: no \"text\"")))?;
        let mut source = Source::new(field("id")?.unwrap_or(position), text);
        if let Some(title) = field("title")? {
            source = source.with_title(title);
        }
        if let Some(date) = field("date")? {
            source = source.with_date(date);
        }
        if let Some(path) = field("path")? {
            source = source.with_path(path);
        }
        sources.push(source);
    }
    Ok(sources)
}

/// The summarizer citing by meaning with the model in `dir`, loaded once
/// per folder and process.
#[cfg(feature = "model")]
fn with_model(summarizer: Summarizer, dir: PathBuf) -> PyResult<Summarizer> {
    struct Encoder(Arc<multisum_embed::Model>);
    impl multisum_assemble::Encoder for Encoder {
        fn encode(
            &self,
            sentences: &[&str],
        ) -> Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
            Ok(self.0.encode(sentences)?)
        }
    }
    static MODELS: Mutex<Option<HashMap<PathBuf, Arc<multisum_embed::Model>>>> = Mutex::new(None);
    // One key per folder, however it is spelled or wherever the process is.
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let mut models = MODELS.lock().unwrap_or_else(|e| e.into_inner());
    let models = models.get_or_insert_with(HashMap::new);
    let model = match models.get(&dir) {
        Some(model) => Arc::clone(model),
        None => {
            if !dir.exists() {
                return Err(PyValueError::new_err(format!(
                    "cannot load the model in {}: no such folder (scripts/fetch-model.sh, in \
                     the multisum repository, installs all-MiniLM-L6-v2)",
                    dir.display()
                )));
            }
            let model = multisum_embed::Model::load(&dir).map_err(|e| {
                PyValueError::new_err(format!("cannot load the model in {}: {e}", dir.display()))
            })?;
            let model = Arc::new(model);
            models.insert(dir, Arc::clone(&model));
            model
        }
    };
    Ok(summarizer.with_encoder(Arc::new(Encoder(model))))
}

#[cfg(not(feature = "model"))]
fn with_model(_: Summarizer, dir: PathBuf) -> PyResult<Summarizer> {
    Err(PyValueError::new_err(format!(
        "cannot use the model in {}: this build of multisum has no model support",
        dir.display()
    )))
}

/// Consolidated extractive summaries of several news reports, in which every
/// sentence cites every report that states it.
#[pymodule]
fn multisum(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_class::<Summary>()?;
    m.add_class::<Sentence>()?;
    m.add_class::<Citation>()?;
    m.add_class::<Evidence>()?;
    m.add_class::<Disagreement>()?;
    m.add_class::<SourceInfo>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
