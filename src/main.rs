//! The `multisum` command line: glue between files, options and the
//! libraries. Exit codes: 0 success, 1 unreadable or unusable input,
//! 2 bad usage.

mod batch;
mod eval;
mod input;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use multisum_assemble::{Algorithm, Budget, Config, Language, Order, Selector, Summarizer, render};

/// Consolidated extractive summaries of several news reports about one
/// event, in which every sentence cites every report that states it.
#[derive(Debug, Parser)]
#[command(name = "multisum", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Summarize reports: files, folders (their .txt, .md and .html files,
    /// and manifest.toml if present), or `-` for standard input.
    Summarize(SummarizeArgs),
    /// Show how a text is cut into units (sentences, headlines, boilerplate).
    Split(SplitArgs),
    /// Print what multisum reads from a file: the article of an HTML page,
    /// Markdown without its markup, decoded text.
    Extract(ExtractArgs),
    /// Score summaries against reference summaries with ROUGE (as
    /// ROUGE-1.5.5 computes it).
    Eval(eval::EvalArgs),
    /// Summarize many clusters in parallel: JSON Lines in, one JSON line
    /// per cluster out, in input order (or `--dirs ROOT`: a cluster per
    /// subfolder).
    Batch(batch::BatchArgs),
    /// Print a shell completion script (e.g. `multisum completions bash >
    /// ~/.local/share/bash-completion/completions/multisum`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; e.g. `multisum man > multisum.1`).
    Man,
}

#[derive(Debug, Args)]
struct SummarizeArgs {
    /// Files or folders of reports, or `-` for one report on standard input
    /// (the default when standard input is not a terminal).
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    options: SummaryOptions,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Print, instead of the summary, what each citation matched and every
    /// sentence's scores and why it was chosen or left out (as text,
    /// Markdown or JSON, by --format).
    #[arg(long)]
    explain: bool,
}

/// A `--ratio`: a number from 0 to 1 (a usage error otherwise, like any
/// malformed option).
fn parse_ratio(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(r) if (0.0..=1.0).contains(&r) => Ok(r),
        _ => Err("not a number between 0 and 1".to_string()),
    }
}

/// A number from 0 to 1 (`--lambda`, `--redundancy`): NaN, infinities and
/// values outside are usage errors.
fn parse_unit(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err("not a number between 0 and 1".to_string()),
    }
}

/// The options that shape a summary, shared by `summarize` and `batch`.
#[derive(Debug, Args)]
struct SummaryOptions {
    /// At most this many sentences [default: 6].
    #[arg(short = 'n', long, value_name = "N", group = "budget")]
    sentences: Option<usize>,
    /// At most this many words in all.
    #[arg(short, long, value_name = "N", group = "budget")]
    words: Option<usize>,
    /// At most this many bytes of sentence text in all.
    #[arg(long, value_name = "N", group = "budget")]
    bytes: Option<usize>,
    /// At most this fraction (0 to 1) of the input's body sentences.
    #[arg(long, value_name = "R", group = "budget", value_parser = parse_ratio)]
    ratio: Option<f64>,
    /// How sentences are scored.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Textrank)]
    algorithm: AlgorithmArg,
    /// Order of the summary's sentences.
    #[arg(long, value_enum, default_value_t = OrderArg::Source)]
    order: OrderArg,
    /// Language of the reports (name or ISO 639-1 code), or `auto` to
    /// detect each report's language (English where detection is unsure).
    #[arg(long, default_value = "english", value_parser = parse_language)]
    language: LanguageArg,
    /// How sentences are chosen once scored.
    #[arg(long, value_enum, default_value_t = SelectorArg::Auto)]
    selector: SelectorArg,
    /// MMR trade-off between importance (1) and novelty (0); MMR only
    /// (`--selector mmr`, or auto with fewer than 7 original reports).
    #[arg(long, value_name = "L", value_parser = parse_unit)]
    lambda: Option<f64>,
    /// Similarity (0 to 1) above which two sentences count as saying the
    /// same thing; no two chosen sentences are more similar.
    #[arg(long, value_name = "T", value_parser = parse_unit)]
    redundancy: Option<f64>,
    /// A sentence-embedding model folder (`scripts/fetch-model.sh` installs
    /// all-MiniLM-L6-v2 in models/all-MiniLM-L6-v2): also cite reports
    /// that state a sentence in other words. Costs about 0.1 s to load and
    /// 13 ms per sentence encoded. Default: $MULTISUM_MODEL when it is set
    /// and not empty.
    #[arg(long, value_name = "DIR")]
    model: Option<std::path::PathBuf>,
    /// A question or topic the summary should answer: relevance to it is
    /// blended with centrality. Citations keep their meaning.
    #[arg(long, value_name = "TEXT", conflicts_with = "query_file")]
    query: Option<String>,
    /// The query, read from FILE (such as a DUC topic).
    #[arg(long, value_name = "FILE")]
    query_file: Option<std::path::PathBuf>,
}

/// The embedding model as the summarizer's encoder.
#[cfg(feature = "model")]
struct ModelEncoder(multisum_embed::Model);

#[cfg(feature = "model")]
impl multisum_assemble::Encoder for ModelEncoder {
    fn encode(
        &self,
        sentences: &[&str],
    ) -> std::result::Result<Vec<Vec<f32>>, Box<dyn std::error::Error + Send + Sync>> {
        Ok(self.0.encode(sentences)?)
    }
}

/// The summarizer citing by meaning with the model in `dir`.
#[cfg(feature = "model")]
fn with_model(summarizer: Summarizer, dir: &std::path::Path) -> Result<Summarizer> {
    if !dir.exists() {
        anyhow::bail!(
            "cannot load the model in {}: no such folder (scripts/fetch-model.sh, in the \
             multisum repository, installs all-MiniLM-L6-v2 in models/all-MiniLM-L6-v2, or \
             in the folder given as its argument)",
            dir.display()
        );
    }
    let model = multisum_embed::Model::load(dir)
        .with_context(|| format!("cannot load the model in {}", dir.display()))?;
    Ok(summarizer.with_encoder(std::sync::Arc::new(ModelEncoder(model))))
}

/// Without the `model` feature there is no model to load.
#[cfg(not(feature = "model"))]
fn with_model(_: Summarizer, dir: &std::path::Path) -> Result<Summarizer> {
    anyhow::bail!(
        "cannot use the model in {}: this build of multisum has no model support \
         (built without the `model` feature; --model and MULTISUM_MODEL need it)",
        dir.display()
    )
}

impl SummaryOptions {
    /// The summarizer these options describe, with the embedding model
    /// loaded when `--model` names one.
    fn summarizer(&self) -> Result<Summarizer> {
        let mut config = self.config();
        if let Some(query) = &self.query {
            config = config.query(query.as_str());
        }
        if let Some(path) = &self.query_file {
            let query = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the query", path.display()))?;
            config = config.query(query);
        }
        let summarizer = Summarizer::new(config);
        let from_env = || {
            std::env::var_os("MULTISUM_MODEL")
                .filter(|v| !v.is_empty())
                .map(std::path::PathBuf::from)
        };
        Ok(match self.model.clone().or_else(from_env) {
            Some(dir) => with_model(summarizer, &dir)?,
            None => summarizer,
        })
    }

    /// The library configuration these options describe.
    fn config(&self) -> Config {
        let budget = match (self.sentences, self.words, self.bytes, self.ratio) {
            (_, Some(n), _, _) => Budget::Words(n),
            (_, _, Some(n), _) => Budget::Bytes(n),
            (_, _, _, Some(r)) => Budget::Ratio(r),
            (n, _, _, _) => n.map_or_else(Budget::default, Budget::Sentences),
        };
        let order = match self.order {
            OrderArg::Source => Order::Source,
            OrderArg::Score => Order::Score,
            OrderArg::Date => Order::Date,
        };
        let algorithm = match self.algorithm {
            AlgorithmArg::Textrank => Algorithm::TextRank,
            AlgorithmArg::Lexrank => Algorithm::LexRank,
            AlgorithmArg::Centroid => Algorithm::Centroid,
            AlgorithmArg::Tfidf => Algorithm::TfIdf,
        };
        let mut config = Config::new()
            .budget(budget)
            .algorithm(algorithm)
            .selector(match self.selector {
                SelectorArg::Auto => Selector::Auto,
                SelectorArg::Mmr => Selector::Mmr,
                SelectorArg::Coverage => Selector::Coverage,
                SelectorArg::Concepts => Selector::Concepts,
            })
            .language(self.language.or_english())
            .detect_language(self.language == LanguageArg::Auto)
            .order(order);
        if let Some(lambda) = self.lambda {
            config = config.lambda(lambda);
        }
        if let Some(threshold) = self.redundancy {
            config = config.redundancy_threshold(threshold);
        }
        config
    }
}

/// How files are read, shared by `summarize`, `split` and `extract`.
#[derive(Debug, Args)]
struct ReadArgs {
    /// Read text that is not UTF-8 as UTF-8, replacing invalid bytes with
    /// U+FFFD (spans then index the repaired text), and read files with NUL
    /// bytes, instead of decoding or refusing them.
    #[arg(long)]
    lossy: bool,
    /// Decode inputs from this encoding (a WHATWG label: windows-1252,
    /// latin1, shift_jis, utf-8…) instead of guessing it when they are not
    /// UTF-8.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Read inputs as this kind of file, whatever their extension
    /// (standard input is text unless given).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
}

impl ReadArgs {
    fn options(&self) -> input::Options {
        input::Options {
            lossy: self.lossy,
            encoding: self.encoding,
            format: self.input_format.map(|f| match f {
                InputFormat::Text => multisum_assemble::Format::Text,
                InputFormat::Markdown => multisum_assemble::Format::Markdown,
                InputFormat::Html => multisum_assemble::Format::Html,
            }),
        }
    }
}

/// An `--encoding` label, as browsers know them.
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        "not an encoding label (e.g. utf-8, windows-1252, iso-8859-2, shift_jis, gb18030)"
            .to_string()
    })
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum InputFormat {
    Text,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// A file, or `-` (the default) for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    input: String,
    #[command(flatten)]
    read: ReadArgs,
    /// Output format: the text read, or JSON with title, date, author,
    /// language and body.
    #[arg(short, long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
struct SplitArgs {
    /// A file, or `-` (the default) for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    input: String,
    #[command(flatten)]
    read: ReadArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = SplitFormat::Text)]
    format: SplitFormat,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Language of the text (name or ISO 639-1 code).
    #[arg(long, default_value = "english", value_parser = parse_language)]
    language: LanguageArg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SplitFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum AlgorithmArg {
    /// PageRank over the sentence-similarity graph (Mihalcea & Tarau 2004).
    Textrank,
    /// Continuous LexRank (Erkan & Radev 2004).
    Lexrank,
    /// Similarity to the TF-IDF centroid (Radev et al. 2004).
    Centroid,
    /// Mean TF-IDF weight of the sentence's terms.
    Tfidf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SelectorArg {
    /// Concepts from 7 original reports, MMR for fewer.
    Auto,
    /// Maximal Marginal Relevance (Carbonell & Goldstein 1998).
    Mmr,
    /// Coverage + diversity (Lin & Bilmes 2011).
    Coverage,
    /// Concept coverage (Gillick & Favre 2009): distinct bigrams weighted
    /// by the reports that contain them.
    Concepts,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OrderArg {
    /// The order facts appear in the reports (majority vote).
    Source,
    /// Best-scored first.
    Score,
    /// By the earliest date of the reports carrying each fact (manifest
    /// `date`, ISO 8601), then source order.
    Date,
}

/// `--language`: a language, or `auto`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LanguageArg {
    Auto,
    Fixed(Language),
}

impl LanguageArg {
    /// The language itself, or English (the fallback of detection).
    fn or_english(self) -> Language {
        match self {
            LanguageArg::Fixed(language) => language,
            LanguageArg::Auto => Language::English,
        }
    }
}

fn parse_language(s: &str) -> Result<LanguageArg, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(LanguageArg::Auto);
    }
    s.parse::<Language>()
        .map(LanguageArg::Fixed)
        .map_err(|e| format!("{e}, or auto"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(args) => summarize(args),
        Command::Split(args) => split(args),
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "multisum", &mut out);
            write_output(&String::from_utf8_lossy(&out), None)
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => write_output(&String::from_utf8_lossy(&out), None),
                Err(err) => Err(err.into()),
            }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`multisum ... | head`) is not an error.
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("multisum: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn summarize(mut args: SummarizeArgs) -> Result<()> {
    if args.inputs.is_empty() {
        if std::io::stdin().is_terminal() {
            usage_error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "no INPUT given, and standard input is a terminal: name files or folders of \
                 reports, or pipe one report in",
            );
        }
        args.inputs.push("-".to_string());
    }
    if args.explain && matches!(args.format, Format::Html) {
        usage_error(
            clap::error::ErrorKind::ArgumentConflict,
            "--explain is written as text, markdown or json, not html (the HTML report \
             already marks why each sentence was chosen or left out)",
        );
    }
    let sources = input::load_all_with(&args.inputs, args.read.options())?;
    let summary = args.options.summarizer()?.summarize(&sources)?;
    input::warn_about(&sources, &summary);
    let out = match args.format {
        Format::Text if args.explain => render::explain(&summary, &sources),
        Format::Markdown if args.explain => render::explain_markdown(&summary, &sources),
        Format::Json if args.explain => render::explain_json(&summary, &sources),
        Format::Text => render::text(&summary),
        Format::Markdown => render::markdown(&summary),
        Format::Json => render::json(&summary),
        Format::Html => render::html(&summary, &sources),
    };
    write_output(&out, args.output.as_deref())
}

/// Exits with clap's usage error for `summarize` (exit code 2) saying
/// `message`.
fn usage_error(kind: clap::error::ErrorKind, message: &str) -> ! {
    let mut cli = Cli::command();
    cli.build();
    match cli.find_subcommand_mut("summarize") {
        Some(summarize) => summarize.error(kind, message).exit(),
        None => cli.error(kind, message).exit(),
    }
}

/// `multisum extract`: what multisum reads from one file.
fn extract(args: ExtractArgs) -> Result<()> {
    let read = input::read_one(&args.input, args.read.options())?;
    let out = match args.format {
        ExtractFormat::Text => read.body(),
        ExtractFormat::Json => {
            let body = read.body();
            // The page's declared language when multisum knows it, else
            // the one the text is in.
            let language = read
                .language
                .as_deref()
                .and_then(|l| l.split(['-', '_']).next()?.parse::<Language>().ok())
                .or_else(|| multisum_tokenize::detect_language(&body));
            let date = read
                .date
                .clone()
                .and_then(|d| input::checked_date(d, &format!("{}: the page's date", args.input)));
            let doc = serde_json::json!({
                "title": read.title,
                "date": date,
                "author": read.author,
                "language": language.map(Language::name),
                "format": read.format.name(),
                "encoding": read.encoding,
                "body": body,
            });
            let mut out = serde_json::to_string_pretty(&doc)?;
            out.push('\n');
            out
        }
    };
    write_output(&out, args.output.as_deref())
}

fn split(args: SplitArgs) -> Result<()> {
    let read = input::read_one(&args.input, args.read.options())?;
    let text = read.text.as_str();
    let tokenizer = multisum_tokenize::Tokenizer::new(multisum_tokenize::Config::new().language(
        match args.language {
            LanguageArg::Fixed(language) => language,
            LanguageArg::Auto => multisum_tokenize::detect_language(text).unwrap_or_default(),
        },
    ));
    let doc = tokenizer.segment(text);
    let mut out = String::new();
    match args.format {
        SplitFormat::Text => {
            for unit in doc.units() {
                let line = text[unit.span.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>();
                out.push_str(&line.join(" "));
                out.push('\n');
            }
        }
        SplitFormat::Json => {
            #[derive(serde::Serialize)]
            struct JsonUnit<'a> {
                kind: &'a str,
                span: [usize; 2],
                text: &'a str,
            }
            let units: Vec<JsonUnit> = doc
                .units()
                .iter()
                .map(|u| JsonUnit {
                    kind: u.kind.name(),
                    span: [u.span.start, u.span.end],
                    text: &text[u.span.clone()],
                })
                .collect();
            out = serde_json::to_string_pretty(&units).context("writing JSON")?;
            out.push('\n');
        }
    }
    write_output(&out, args.output.as_deref())
}

/// Writes `text` to the file `output`, or to standard output.
fn write_output(text: &str, output: Option<&std::path::Path>) -> Result<()> {
    if let Some(path) = output {
        return std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write", path.display()));
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
