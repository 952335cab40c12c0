//! `multisum eval`: ROUGE scores of summaries against reference summaries,
//! as the ROUGE-1.5.5 Perl script computes them (see `multisum-rouge`).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use multisum_rouge::{Bootstrap, Config, Limit, Models, Rouge, Scores, Summary};
use serde_json::{Value, json};

/// Words read from each summary when no limit is given (DUC 2005–2007).
const DEFAULT_WORDS: usize = 250;

#[derive(Debug, Args)]
#[command(after_help = "\
Summaries and references have one sentence per line. The defaults are \
the DUC setup (ROUGE-1.5.5 -m -l 250 -f A -p 0.5, stopwords kept).

With a SUMMARY folder, --refs is the dataset root: each <cluster>/refs/*.txt \
is scored against SUMMARY/<cluster>.txt (a missing summary is an error, or \
with --allow-missing scores 0), and \
averages over clusters are printed as ROUGE-1.5.5 prints them (mean of \
1,000 bootstrap resamples, with 95% confidence intervals).")]
pub struct EvalArgs {
    /// Reference summaries: files, folders of .txt files (or with a
    /// `refs/` folder), or with a SUMMARY folder the dataset root.
    /// Repeat the option or separate with commas.
    #[arg(long, required = true, value_name = "DIR|FILE", value_delimiter = ',')]
    refs: Vec<PathBuf>,
    /// A system summary, or a folder of CLUSTER.txt summaries.
    #[arg(value_name = "SUMMARY|DIR")]
    summary: PathBuf,
    /// Read only the first N words of each summary (ROUGE's -l) [default: 250].
    #[arg(short = 'l', long = "words", value_name = "N", group = "limit")]
    words: Option<usize>,
    /// Read only the first N bytes of each summary (ROUGE's -b).
    #[arg(short = 'b', long = "bytes", value_name = "N", group = "limit")]
    bytes: Option<usize>,
    /// Read whole summaries.
    #[arg(long, group = "limit")]
    no_limit: bool,
    /// Do not stem (ROUGE's -m is on by default).
    #[arg(long)]
    no_stem: bool,
    /// Remove stopwords (ROUGE's -s).
    #[arg(short = 's', long)]
    remove_stopwords: bool,
    /// Weight of precision in F, 0 to 1 (ROUGE's -p).
    #[arg(long, value_name = "A", default_value_t = 0.5, value_parser = parse_alpha)]
    alpha: f64,
    /// Score against the best-matching reference instead of all (ROUGE's -f B).
    #[arg(long)]
    best_ref: bool,
    /// Jackknife over references: average the scores against each set of
    /// all references but one (DUC's official figures).
    #[arg(long)]
    jackknife: bool,
    /// Also print each cluster's scores.
    #[arg(long)]
    per_cluster: bool,
    /// With a SUMMARY folder: score a cluster without a summary 0 (with a
    /// warning) instead of refusing to score.
    #[arg(long)]
    allow_missing: bool,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = EvalFormat::Text)]
    format: EvalFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum EvalFormat {
    Text,
    Json,
}

fn parse_alpha(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(a) if (0.0..=1.0).contains(&a) => Ok(a),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}

/// One evaluation unit: a name, the system summary (if any) and its
/// references.
struct Unit {
    name: String,
    summary: Option<Summary>,
    refs: Vec<Summary>,
}

pub fn run(args: EvalArgs) -> Result<()> {
    let limit = match (args.words, args.bytes, args.no_limit) {
        (Some(n), _, _) => Limit::Words(n),
        (_, Some(n), _) => Limit::Bytes(n),
        (_, _, true) => Limit::None,
        _ => Limit::Words(DEFAULT_WORDS),
    };
    let config = Config::new()
        .stem(!args.no_stem)
        .remove_stopwords(args.remove_stopwords)
        .limit(limit)
        .alpha(args.alpha)
        .models(if args.best_ref {
            Models::Best
        } else {
            Models::Average
        })
        .jackknife(args.jackknife);
    let rouge = Rouge::new(config).context("bad ROUGE settings")?;

    let directory_mode = args.summary.is_dir();
    let units = if directory_mode {
        dataset_units(&args.refs, &args.summary)?
    } else {
        vec![Unit {
            name: args.summary.display().to_string(),
            summary: Some(read_summary(&args.summary)?),
            refs: reference_files(&args.refs)?,
        }]
    };

    let mut scores = Vec::with_capacity(units.len());
    for unit in &units {
        let empty = Summary::default();
        let summary = unit.summary.as_ref().unwrap_or(&empty);
        let s = rouge
            .score(summary, &unit.refs)
            .with_context(|| unit.name.clone())?;
        scores.push(s);
    }
    let missing: Vec<&str> = units
        .iter()
        .filter(|u| u.summary.is_none())
        .map(|u| u.name.as_str())
        .collect();
    if !missing.is_empty() {
        let more = if missing.len() > 10 { ", ..." } else { "" };
        let message = format!(
            "{} of {} clusters have no summary{}: {}{more}",
            missing.len(),
            units.len(),
            if args.allow_missing {
                " (scored 0)"
            } else {
                ""
            },
            missing[..missing.len().min(10)].join(", ")
        );
        if !args.allow_missing {
            bail!("{message} (--allow-missing scores them 0)");
        }
        eprintln!("multisum eval: warning: {message}");
    }

    let settings = settings_line(&args, limit);
    let out = match args.format {
        EvalFormat::Text => {
            text_report(&settings, &units, &scores, directory_mode, args.per_cluster)
        }
        EvalFormat::Json => {
            let mut s = serde_json::to_string_pretty(&json_report(
                &settings,
                &units,
                &scores,
                directory_mode,
                args.per_cluster,
            ))
            .context("writing JSON")?;
            s.push('\n');
            s
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// The ROUGE-1.5.5 options these settings correspond to.
fn settings_line(args: &EvalArgs, limit: Limit) -> String {
    let mut flags = vec!["-n 2 -2 4 -u".to_owned()];
    if !args.no_stem {
        flags.push("-m".into());
    }
    if args.remove_stopwords {
        flags.push("-s".into());
    }
    match limit {
        Limit::Words(n) => flags.push(format!("-l {n}")),
        Limit::Bytes(n) => flags.push(format!("-b {n}")),
        _ => {}
    }
    flags.push(format!("-f {}", if args.best_ref { "B" } else { "A" }));
    flags.push(format!("-p {}", args.alpha));
    let mut line = flags.join(" ");
    if args.jackknife {
        line.push_str(", jackknifed over references");
    }
    line
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_summary(path: &Path) -> Result<Summary> {
    Ok(Summary::from_lines(&read_text(path)?))
}

/// The `.txt` files of a folder, in name order.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot read", dir.display()))?
    {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// References for one summary: files as given, folders by their `.txt`
/// files (those of `refs/` if there is one).
fn reference_files(refs: &[PathBuf]) -> Result<Vec<Summary>> {
    let mut out = Vec::new();
    for path in refs {
        if path.is_dir() {
            let dir = if path.join("refs").is_dir() {
                path.join("refs")
            } else {
                path.clone()
            };
            let files = txt_files(&dir)?;
            if files.is_empty() {
                bail!("{}: no .txt reference summaries", dir.display());
            }
            for f in files {
                out.push(read_summary(&f)?);
            }
        } else {
            out.push(read_summary(path)?);
        }
    }
    Ok(out)
}

/// Directory mode: every `<root>/<cluster>/refs/` with
/// `<summaries>/<cluster>.txt`, clusters in name order.
fn dataset_units(refs: &[PathBuf], summaries: &Path) -> Result<Vec<Unit>> {
    let [root] = refs else {
        bail!(
            "with a folder of summaries, --refs must be one dataset folder (<cluster>/refs/*.txt)"
        );
    };
    let mut clusters = Vec::new();
    for entry in
        std::fs::read_dir(root).with_context(|| format!("{}: cannot read", root.display()))?
    {
        let path = entry?.path();
        if path.join("refs").is_dir() {
            clusters.push(path);
        }
    }
    if clusters.is_empty() {
        bail!("{}: no <cluster>/refs/ folders", root.display());
    }
    clusters.sort();
    let mut units = Vec::new();
    for dir in clusters {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let files = txt_files(&dir.join("refs"))?;
        if files.is_empty() {
            bail!(
                "{}: no .txt reference summaries",
                dir.join("refs").display()
            );
        }
        let refs = files
            .iter()
            .map(|f| read_summary(f))
            .collect::<Result<Vec<_>>>()?;
        let path = summaries.join(format!("{name}.txt"));
        let summary = if path.is_file() {
            Some(read_summary(&path)?)
        } else {
            None
        };
        units.push(Unit {
            name,
            summary,
            refs,
        });
    }
    Ok(units)
}

fn text_report(
    settings: &str,
    units: &[Unit],
    scores: &[Scores],
    directory_mode: bool,
    per_cluster: bool,
) -> String {
    let mut out = String::new();
    let n_refs: Vec<usize> = units.iter().map(|u| u.refs.len()).collect();
    let refs = match (n_refs.iter().min(), n_refs.iter().max()) {
        (Some(a), Some(b)) if a == b => format!("{a}"),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => "0".into(),
    };
    if directory_mode {
        let _ = writeln!(
            out,
            "ROUGE-1.5.5 {settings}; {} clusters, {refs} references each",
            units.len()
        );
        let _ = writeln!(
            out,
            "{:<10} {:>8} {:>19} {:>9} {:>8}",
            "", "Recall", "95% CI", "Precision", "F"
        );
        for (metric, avg) in Bootstrap::new().average(scores) {
            let r = avg.recall;
            let _ = writeln!(
                out,
                "{:<10} {:>8.5} {:>19} {:>9.5} {:>8.5}",
                metric.to_string(),
                r.rouge_mean(),
                format!("{:.5} - {:.5}", r.low(), r.high()),
                avg.precision.rouge_mean(),
                avg.f.rouge_mean()
            );
        }
        if per_cluster {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{:<12} {:<10} {:>8} {:>9} {:>8}",
                "cluster", "", "Recall", "Precision", "F"
            );
            for (unit, s) in units.iter().zip(scores) {
                for (metric, score) in s.iter() {
                    let _ = writeln!(
                        out,
                        "{:<12} {:<10} {:>8.5} {:>9.5} {:>8.5}",
                        unit.name,
                        metric.to_string(),
                        score.recall(),
                        score.precision(),
                        score.f()
                    );
                }
            }
        }
    } else {
        let _ = writeln!(out, "ROUGE-1.5.5 {settings}; {refs} references");
        let _ = writeln!(
            out,
            "{:<10} {:>8} {:>9} {:>8}",
            "", "Recall", "Precision", "F"
        );
        for (metric, score) in scores.iter().flat_map(Scores::iter) {
            let _ = writeln!(
                out,
                "{:<10} {:>8.5} {:>9.5} {:>8.5}",
                metric.to_string(),
                score.recall(),
                score.precision(),
                score.f()
            );
        }
    }
    out
}

fn score_json(s: &Scores) -> Value {
    let mut map = serde_json::Map::new();
    for (metric, score) in s.iter() {
        map.insert(
            metric.to_string(),
            json!({"recall": score.recall(), "precision": score.precision(), "f": score.f()}),
        );
    }
    Value::Object(map)
}

fn json_report(
    settings: &str,
    units: &[Unit],
    scores: &[Scores],
    directory_mode: bool,
    per_cluster: bool,
) -> Value {
    if !directory_mode {
        return json!({
            "settings": settings,
            "references": units.first().map_or(0, |u| u.refs.len()),
            "scores": scores.first().map(score_json),
        });
    }
    let mut average = serde_json::Map::new();
    for (metric, avg) in Bootstrap::new().average(scores) {
        let est = |e: multisum_rouge::Estimate| json!({"rouge": e.rouge_mean(), "mean": e.mean(), "ci95": [e.low(), e.high()]});
        average.insert(
            metric.to_string(),
            json!({"recall": est(avg.recall), "precision": est(avg.precision), "f": est(avg.f)}),
        );
    }
    let mut report = json!({
        "settings": settings,
        "clusters": units.len(),
        "missing": units.iter().filter(|u| u.summary.is_none()).map(|u| u.name.clone()).collect::<Vec<_>>(),
        "average": average,
    });
    if per_cluster {
        report["per_cluster"] = units
            .iter()
            .zip(scores)
            .map(|(u, s)| json!({"cluster": u.name, "references": u.refs.len(), "scores": score_json(s)}))
            .collect();
    }
    report
}
