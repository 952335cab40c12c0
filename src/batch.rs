//! `multisum batch`: many clusters, summarized in parallel.
//!
//! Input is JSON Lines, one cluster per line, or a folder whose subfolders
//! are the clusters. Output is one JSON line per cluster, in input order:
//! `{"id":…,"summary":{…}}` or `{"id":…,"error":"…"}`.
//!
//! Clusters run on a rayon pool of `--threads` threads. The reader stays
//! at most [`IN_FLIGHT_PER_THREAD`] clusters per thread ahead of the
//! writer, so memory is bounded by the clusters in flight, never by the
//! size of the input. Each output line depends only on its input line and
//! the options, and lines are written in input order, so the output is the
//! same bytes for any number of threads (and for any sharding of the input).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use multisum_assemble::{Source, Summarizer, render};
use serde::Deserialize;
use serde_json::Value;

use crate::{SummaryOptions, input};

/// How many clusters per thread may be read but not yet written.
const IN_FLIGHT_PER_THREAD: usize = 4;

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSON Lines, one cluster per line: {"id": "…", "query": "…",
    /// "documents": [{"id": "…", "title": "…", "date": "…", "text": "…"}]}
    /// ("query" optional: the question that cluster's summary answers); `-`
    /// for standard input.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "-",
        conflicts_with = "dirs"
    )]
    input: String,
    /// Instead of JSON Lines: every subfolder of ROOT is a cluster (its
    /// `docs/` subfolder if it has one, as in DUC's `<cluster>/docs/*.txt`).
    #[arg(long, value_name = "ROOT")]
    dirs: Option<PathBuf>,
    /// With --dirs: each cluster's summary answers the question in its
    /// `topic.txt` (as in DUC), when it has one.
    #[arg(long, requires = "dirs")]
    query_from_topic: bool,
    /// Where the JSON lines go; `-` for standard output.
    #[arg(short, long, value_name = "FILE", default_value = "-")]
    output: String,
    /// Worker threads [default: all cores]. The output does not depend on it.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// No progress bar (it is only drawn when standard error is a terminal).
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    options: SummaryOptions,
}

/// One cluster as read, before any parsing (parsing runs on the pool).
enum Job {
    /// A line of JSON Lines input: its 1-based line number and bytes.
    Line { number: usize, bytes: Vec<u8> },
    /// A cluster folder: its name (the id), where its reports are, and its
    /// topic file when the summary answers it.
    Folder {
        id: String,
        path: PathBuf,
        topic: Option<PathBuf>,
    },
}

/// The clusters to summarize, each with its weight on the progress bar.
type Jobs = Box<dyn Iterator<Item = Result<(Job, u64)>>>;

/// A cluster on an input line.
#[derive(Deserialize)]
struct ClusterIn {
    id: Value,
    query: Option<String>,
    documents: Vec<DocumentIn>,
}

/// A report of a cluster on an input line.
#[derive(Deserialize)]
struct DocumentIn {
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    text: String,
}

/// A cluster ready to summarize: its id, reports and question.
type Cluster = (Value, Vec<Source>, Option<String>);

/// A finished cluster: its output line (newline included) and whether it
/// failed.
struct Done {
    line: String,
    failed: bool,
}

pub fn run(args: BatchArgs) -> Result<()> {
    let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("multisum-{i}"));
    if let Some(n) = args.threads {
        builder = builder.num_threads(n);
    }
    let pool = builder.build().context("cannot start worker threads")?;
    let summarizer = Arc::new(args.options.summarizer()?);

    let mut out: BufWriter<Box<dyn Write>> = BufWriter::new(if args.output == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(
            File::create(&args.output)
                .with_context(|| format!("{}: cannot create", args.output))?,
        )
    });

    let show = !args.quiet && std::io::stderr().is_terminal();
    let (jobs, progress): (Jobs, Progress) = match &args.dirs {
        Some(root) => {
            let folders = cluster_folders(root, args.query_from_topic)?;
            let progress = Progress::new(show, Unit::Clusters(folders.len() as u64));
            (Box::new(folders.into_iter().map(|j| Ok((j, 1)))), progress)
        }
        None => {
            let (reader, size): (Box<dyn Read>, Option<u64>) = if args.input == "-" {
                (Box::new(std::io::stdin().lock()), None)
            } else {
                let file = File::open(&args.input)
                    .with_context(|| format!("{}: cannot read", args.input))?;
                let size = file.metadata().ok().map(|m| m.len());
                (Box::new(file), size)
            };
            let unit = size.map_or(Unit::Unknown, Unit::Bytes);
            let lines = Lines::new(BufReader::with_capacity(1 << 16, reader), &args.input);
            (Box::new(lines), Progress::new(show, unit))
        }
    };

    let limit = pool.current_num_threads().max(1) * IN_FLIGHT_PER_THREAD;
    let (tx, rx) = mpsc::channel::<(usize, Done, u64)>();
    let mut writer = Ordered::default();
    let mut read = 0;
    for job in jobs {
        let (job, weight) = job?;
        while read - writer.next >= limit {
            out.flush()?;
            let done = rx.recv().expect("workers outlive the batch");
            writer.accept(done, &mut out, &progress)?;
        }
        let tx = tx.clone();
        let summarizer = Arc::clone(&summarizer);
        let index = read;
        pool.spawn(move || {
            let done =
                catch_unwind(AssertUnwindSafe(|| process(job, &summarizer))).unwrap_or_else(|_| {
                    Done {
                        line: error_line(&Value::Null, "internal error (see standard error)"),
                        failed: true,
                    }
                });
            // The receiver is gone only if the batch already failed.
            let _ = tx.send((index, done, weight));
        });
        read += 1;
    }
    drop(tx);
    while writer.next < read {
        out.flush()?;
        let done = rx.recv().expect("workers outlive the batch");
        writer.accept(done, &mut out, &progress)?;
    }
    out.flush()?;
    progress.finish();
    if writer.failed > 0 && !args.quiet {
        eprintln!(
            "multisum: {} of {read} clusters failed (see their \"error\" lines)",
            writer.failed
        );
    }
    Ok(())
}

/// Puts finished clusters back in input order and writes them.
#[derive(Default)]
struct Ordered {
    /// The index of the next cluster to write.
    next: usize,
    /// Finished clusters waiting for an earlier one.
    waiting: BTreeMap<usize, (Done, u64)>,
    failed: usize,
}

impl Ordered {
    fn accept(
        &mut self,
        (index, done, weight): (usize, Done, u64),
        out: &mut impl Write,
        progress: &Progress,
    ) -> Result<()> {
        self.waiting.insert(index, (done, weight));
        while let Some((done, weight)) = self.waiting.remove(&self.next) {
            out.write_all(done.line.as_bytes())?;
            self.failed += usize::from(done.failed);
            self.next += 1;
            progress.advance(weight);
        }
        Ok(())
    }
}

/// Summarizes one cluster into its output line.
fn process(job: Job, summarizer: &Summarizer) -> Done {
    let (id, sources, query) = match job {
        Job::Line { number, bytes } => match parse_line(&bytes) {
            Ok(cluster) => cluster,
            Err((id, message)) => {
                return Done {
                    line: error_line(&id, &format!("line {number}: {message}")),
                    failed: true,
                };
            }
        },
        Job::Folder { id, path, topic } => {
            let id = Value::String(id);
            let query = match topic.map(|t| {
                std::fs::read_to_string(&t)
                    .with_context(|| format!("{}: cannot read the topic", t.display()))
            }) {
                Some(Ok(query)) => Some(query),
                Some(Err(err)) => {
                    return Done {
                        line: error_line(&id, &format!("{err:#}")),
                        failed: true,
                    };
                }
                None => None,
            };
            match input::load_all(&[path.display().to_string()]) {
                // A topic beside the reports (no `docs/`) is the question,
                // not a report.
                Ok(sources) if query.is_some() => {
                    let topic = path.join("topic.txt").display().to_string();
                    let sources = sources
                        .into_iter()
                        .filter(|s| s.path() != Some(topic.as_str()))
                        .collect();
                    (id, sources, query)
                }
                Ok(sources) => (id, sources, query),
                Err(err) => {
                    return Done {
                        line: error_line(&id, &format!("{err:#}")),
                        failed: true,
                    };
                }
            }
        }
    };
    let summary = match &query {
        Some(query) => summarizer.summarize_answering(&sources, query),
        None => summarizer.summarize(&sources),
    };
    match summary {
        Ok(summary) => Done {
            line: format!(
                "{{\"id\":{},\"summary\":{}}}\n",
                json_string(&id),
                render::json_line(&summary)
            ),
            failed: false,
        },
        Err(err) => Done {
            line: error_line(&id, &err.to_string()),
            failed: true,
        },
    }
}

/// The cluster on one input line, or its id (null if unknown) and what is
/// wrong with it.
fn parse_line(bytes: &[u8]) -> std::result::Result<Cluster, (Value, String)> {
    let cluster: ClusterIn = match serde_json::from_slice(bytes) {
        Ok(cluster) => cluster,
        Err(err) => {
            // Say which cluster failed when its id can still be read.
            let id = serde_json::from_slice::<Value>(bytes)
                .ok()
                .and_then(|mut v| v.get_mut("id").map(Value::take))
                .unwrap_or(Value::Null);
            let what = if err.is_syntax() || err.is_eof() {
                "invalid JSON"
            } else {
                "not a cluster"
            };
            return Err((id, format!("{what}: {err}")));
        }
    };
    if cluster.documents.is_empty() {
        return Err((cluster.id, "no documents".to_string()));
    }
    let cluster_name = json_string(&cluster.id);
    let sources = cluster
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let mut source = Source::new(d.id.unwrap_or_else(|| (i + 1).to_string()), d.text);
            if let Some(title) = d.title {
                source = source.with_title(title);
            }
            let place = || format!("cluster {cluster_name}: document {}", i + 1);
            if let Some(date) = d.date.and_then(|d| input::checked_date(d, &place())) {
                source = source.with_date(date);
            }
            source
        })
        .collect();
    Ok((cluster.id, sources, cluster.query))
}

fn error_line(id: &Value, message: &str) -> String {
    format!(
        "{{\"id\":{},\"error\":{}}}\n",
        json_string(id),
        json_string(&Value::String(message.to_string()))
    )
}

fn json_string(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

/// The subfolders of `root`, by name (hidden ones skipped), each as a
/// cluster: its `docs/` subfolder if present, else the folder itself; with
/// `topics`, its `topic.txt` if present.
fn cluster_folders(root: &Path, topics: bool) -> Result<Vec<Job>> {
    let mut folders: Vec<(String, PathBuf)> = std::fs::read_dir(root)
        .with_context(|| format!("{}: cannot list folder", root.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    folders.sort();
    if folders.is_empty() {
        anyhow::bail!("{}: no cluster subfolders", root.display());
    }
    Ok(folders
        .into_iter()
        .map(|(id, path)| {
            let docs = path.join("docs");
            let topic = Some(path.join("topic.txt")).filter(|t| topics && t.is_file());
            let path = if docs.is_dir() { docs } else { path };
            Job::Folder { id, path, topic }
        })
        .collect())
}

/// The non-blank lines of JSON Lines input, with their line numbers and
/// byte lengths (for the progress bar).
struct Lines<R> {
    reader: R,
    name: String,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    fn new(reader: R, name: &str) -> Lines<R> {
        let name = if name == "-" {
            "standard input".to_string()
        } else {
            name.to_string()
        };
        Lines {
            reader,
            name,
            number: 0,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<(Job, u64)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(n) => {
                    self.number += 1;
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                        bytes.pop();
                    }
                    let job = Job::Line {
                        number: self.number,
                        bytes,
                    };
                    return Some(Ok((job, n as u64)));
                }
                Err(err) => {
                    return Some(Err(anyhow::Error::new(err).context(format!(
                        "{}: cannot read line {}",
                        self.name,
                        self.number + 1
                    ))));
                }
            }
        }
    }
}

/// What the progress bar counts.
enum Unit {
    /// Clusters, of a known total.
    Clusters(u64),
    /// Bytes of input, of a known total (a file).
    Bytes(u64),
    /// Clusters, total unknown (standard input).
    Unknown,
}

/// The progress bar on standard error, or nothing.
struct Progress {
    bar: Option<ProgressBar>,
    /// The bar counts bytes; clusters are shown in its message.
    bytes: bool,
    clusters: std::cell::Cell<u64>,
}

impl Progress {
    fn new(show: bool, unit: Unit) -> Progress {
        let bytes = matches!(unit, Unit::Bytes(_));
        let bar = show.then(|| {
            let (bar, template) = match unit {
                Unit::Clusters(n) => (
                    ProgressBar::new(n),
                    "{elapsed_precise} {wide_bar} {pos}/{len} clusters, {per_sec}, ETA {eta}",
                ),
                Unit::Bytes(n) => (
                    ProgressBar::new(n),
                    "{elapsed_precise} {wide_bar} {percent}% {msg}, ETA {eta}",
                ),
                Unit::Unknown => (
                    ProgressBar::no_length(),
                    "{spinner} {elapsed_precise} {pos} clusters, {per_sec}",
                ),
            };
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            bytes,
            clusters: std::cell::Cell::new(0),
        }
    }

    /// One more cluster written, which took `weight` bytes of the input.
    fn advance(&self, weight: u64) {
        let Some(bar) = &self.bar else { return };
        if !self.bytes {
            bar.inc(1);
            return;
        }
        bar.inc(weight);
        let n = self.clusters.get() + 1;
        self.clusters.set(n);
        let secs = bar.elapsed().as_secs_f64();
        let rate = if secs > 0.0 { n as f64 / secs } else { 0.0 };
        bar.set_message(format!("{n} clusters, {rate:.1}/s"));
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
