//! The `msgraph-docgen` command: a thin front end over the library.

use clap::{Parser, Subcommand, ValueEnum};
use msgraph_docgen::diag::{Diagnostic, Severity};
use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::schema::Schema;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file `generate` writes into its output directory.
const OUTPUT_FILE: &str = "msgraph_types.rs";

/// Generate typed Rust models of Microsoft Graph from its Markdown API reference pages.
///
/// Point it at resource pages (files or directories, any locale): it parses them, builds a
/// schema, reports what the docs got wrong, and writes Rust types.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write Rust types for the pages (or, with --check, verify the checked-in ones).
    Generate {
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
        /// Directory to write `msgraph_types.rs` into.
        #[arg(long, short, default_value = "generated/src")]
        out: PathBuf,
        /// Write nothing; exit 1 naming the stale file if it differs from what the docs produce.
        #[arg(long)]
        check: bool,
        /// Mark generated structs and enums #[non_exhaustive].
        #[arg(long)]
        non_exhaustive: bool,
    },
    /// Print the intermediate schema as JSON (format_version 1; see the README).
    Schema {
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
    },
    /// Report diagnostics only. Exit 0 when there are no errors, 1 when there are.
    Check {
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
        /// Also list info-level diagnostics (skipped pages, repaired JSON).
        #[arg(long)]
        verbose: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare two schema revisions: what changed, and whether it breaks JSON consumers or the
    /// generated Rust API. Each side is a docs tree, a single page, or a saved `schema` JSON file.
    Diff {
        /// The old revision.
        old: PathBuf,
        /// The new revision.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Exit 1 when a change of this severity or worse is found.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Classify Rust API changes as if generated with --non-exhaustive.
        #[arg(long)]
        non_exhaustive: bool,
        /// Also report description-only changes.
        #[arg(long)]
        descriptions: bool,
    },
}

/// A schema from a saved IR JSON file, or from docs pages.
fn load_side(path: &Path) -> Result<Schema, String> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        return serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: expected schema JSON (format_version 1): {e}",
                path.display(),
                e.line(),
                e.column()
            )
        });
    }
    load(&[path.to_path_buf()])
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn load(inputs: &[PathBuf]) -> Result<Schema, String> {
    msgraph_docgen::schema_of(inputs).map_err(|e| e.to_string())
}

fn counts(diags: &[Diagnostic]) -> BTreeMap<Severity, usize> {
    let mut m = BTreeMap::new();
    for d in diags {
        *m.entry(d.severity).or_insert(0) += 1;
    }
    m
}

fn summary_line(schema: &Schema) -> String {
    let c = counts(&schema.diagnostics);
    format!(
        "{} types; {} errors, {} warnings, {} notes",
        schema.types.len(),
        c.get(&Severity::Error).unwrap_or(&0),
        c.get(&Severity::Warning).unwrap_or(&0),
        c.get(&Severity::Info).unwrap_or(&0)
    )
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Schema { input } => {
            let schema = load(&input)?;
            print!("{}", schema.to_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            input,
            verbose,
            format,
        } => {
            let schema = load(&input)?;
            match format {
                Format::Json => {
                    let out = serde_json::json!({
                        "format_version": 1,
                        "types": schema.types.len(),
                        "diagnostics": schema.diagnostics,
                    });
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
                    );
                }
                Format::Text => {
                    for d in schema
                        .diagnostics
                        .iter()
                        .filter(|d| verbose || d.severity > Severity::Info)
                    {
                        println!("{d}");
                    }
                    println!("{}", summary_line(&schema));
                }
            }
            let errors = schema
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error);
            Ok(if errors {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Diff {
            old,
            new,
            format,
            fail_on,
            non_exhaustive,
            descriptions,
        } => {
            use msgraph_docgen::diff;
            use std::io::IsTerminal;
            let (old, new) = (load_side(&old)?, load_side(&new)?);
            let options = diff::DiffOptions {
                non_exhaustive,
                include_descriptions: descriptions,
            };
            let report = diff::diff(&old, &new, &options);
            print!(
                "{}",
                match format {
                    DiffFormat::Text => diff::render_text(&report, std::io::stdout().is_terminal()),
                    DiffFormat::Json => diff::render_json(&report),
                    DiffFormat::Markdown => diff::render_markdown(&report),
                }
            );
            let threshold = fail_on.map(|f| match f {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
            });
            Ok(match threshold {
                Some(t) if report.fails(t) => ExitCode::from(1),
                _ => ExitCode::SUCCESS,
            })
        }
        Command::Generate {
            input,
            out,
            check,
            non_exhaustive,
        } => {
            let schema = load(&input)?;
            let options = EmitOptions {
                non_exhaustive,
                ..EmitOptions::default()
            };
            let code = emit(&schema, &options);
            let target = out.join(OUTPUT_FILE);
            // Errors mean data missing from the output: name them (warnings are for `check`).
            for d in schema
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
            {
                eprintln!("{d}");
            }
            eprintln!("{}", summary_line(&schema));
            if check {
                let current = std::fs::read_to_string(&target).unwrap_or_default();
                if current != code {
                    eprintln!("stale: {} differs from what the docs produce; run `msgraph-docgen generate` and commit the result", target.display());
                    return Ok(ExitCode::from(1));
                }
                eprintln!("up to date: {}", target.display());
                return Ok(ExitCode::SUCCESS);
            }
            msgraph_docgen::output::write_atomically(&out, OUTPUT_FILE, code.as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
            eprintln!("wrote {}", target.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}
