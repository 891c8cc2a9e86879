//! The `msgraph-docgen` command: a thin front end over the library.

use clap::{Parser, Subcommand, ValueEnum};
use msgraph_docgen::config::{Config, FailOn, CONFIG_FILE};
use msgraph_docgen::diag::{Diagnostic, Severity};
use msgraph_docgen::input;
use msgraph_docgen::parse::Page;
use msgraph_docgen::report;
use msgraph_docgen::schema::Schema;
use msgraph_docgen::{Builder, Error};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    ///
    /// Settings come from `docgen.toml` in the current directory (or --config) when present;
    /// flags override them.
    Generate {
        /// Docs pages or directories of pages (repeatable; default: the config's, else `docs-input`).
        #[arg(long, short)]
        input: Vec<PathBuf>,
        /// Directory to write into (default: the config's, else `generated/src`).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Settings file (default: `docgen.toml` when it exists).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Generate only this type and what it needs (repeatable; qualified name).
        #[arg(long = "root", value_name = "TYPE")]
        roots: Vec<String>,
        /// With --root, also generate the types derived from the roots.
        #[arg(long)]
        subtypes: bool,
        /// With --root, leave navigation properties untyped instead of following them.
        #[arg(long)]
        skip_navigation: bool,
        /// Map a primitive to a Rust type (repeatable), e.g. `DateTimeOffset=String`.
        #[arg(long = "map", value_name = "PRIMITIVE=TYPE")]
        maps: Vec<String>,
        /// Name of the generated file (default `msgraph_types.rs`).
        #[arg(long)]
        file_name: Option<String>,
        /// Write nothing; exit 1 naming the stale file if it differs from what the docs produce.
        #[arg(long)]
        check: bool,
        /// Mark generated structs and enums #[non_exhaustive].
        #[arg(long)]
        non_exhaustive: bool,
        /// Fail (exit 1, write nothing) when a diagnostic of this severity or worse is found.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
    },
    /// Print the inheritance tree of a type: its ancestors, then every type derived from it.
    Tree {
        /// The type (qualified name; `microsoft.graph.` may be left out).
        #[arg(value_name = "TYPE")]
        root: String,
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TreeFormat::Text)]
        format: TreeFormat,
    },
    /// Print the intermediate schema as JSON (format_version 1; see the README).
    Schema {
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
    },
    /// Summarise the pages, types and diagnostics (grouped by code, with examples).
    /// Exit 0 when there are no errors, 1 when there are.
    Check {
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
        /// List every diagnostic under its code (default: the first few of each code).
        #[arg(long)]
        verbose: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare two schema revisions: what changed, and whether it breaks JSON consumers or the
    /// generated Rust API. Each side is a docs tree, a single page, or a saved `schema` JSON file;
    /// with --git-repo, each side is a revision of a git repository, read without a checkout.
    Diff {
        /// The old revision: a path, or with --git-repo a git revision (commit, tag, branch).
        old: PathBuf,
        /// The new revision: a path, or with --git-repo a git revision.
        new: PathBuf,
        /// With --git-repo: only the `*.md` pages under this path of the repository (default:
        /// the whole tree).
        #[arg(requires = "git_repo")]
        path: Option<String>,
        /// Read OLD and NEW as revisions of the git repository at DIR.
        #[arg(long, value_name = "DIR")]
        git_repo: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Exit 1 when a change of this severity or worse is found.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Classify Rust API changes as if generated with --non-exhaustive.
        #[arg(long)]
        non_exhaustive: bool,
        /// Also report description-only changes (as infos).
        #[arg(long)]
        descriptions: bool,
    },
}

/// A revision of a git repository, given on the command line.
fn load_revision(repo: &Path, rev: &Path, path: Option<&str>) -> Result<Schema, String> {
    let rev = rev
        .to_str()
        .ok_or_else(|| format!("{}: a git revision must be UTF-8", rev.display()))?;
    msgraph_docgen::git::schema_at(repo, rev, path.unwrap_or("")).map_err(|e| e.to_string())
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum TreeFormat {
    Text,
    Mermaid,
    Dot,
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

/// Reads and parses the pages with a progress bar on a terminal (nothing when stderr is not
/// one), then builds the schema.
fn load_with_progress(inputs: &[PathBuf]) -> Result<(Vec<Page>, Schema), String> {
    use indicatif::{ProgressBar, ProgressStyle};
    use std::io::IsTerminal;
    let (files, _) = input::list_pages(inputs).map_err(|e| e.to_string())?;
    let bar = if std::io::stderr().is_terminal() && files.len() >= 64 {
        ProgressBar::new(files.len() as u64).with_style(
            ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} pages")
                .expect("valid template")
                .progress_chars("=> "),
        )
    } else {
        ProgressBar::hidden()
    };
    bar.set_message("parsing");
    let pages = input::parse_files_with_progress(&files, &|| bar.inc(1));
    bar.set_message("building the schema");
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    let schema = msgraph_docgen::schema::build(&pages);
    bar.finish_and_clear();
    Ok((pages, schema))
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
            let (pages, schema) = load_with_progress(&input)?;
            let examples = if verbose {
                None
            } else {
                Some(report::DEFAULT_EXAMPLES)
            };
            let report = report::CheckReport::new(&pages, &schema, examples);
            print!(
                "{}",
                match format {
                    Format::Json => report.to_json(),
                    Format::Text => report.render_text(),
                }
            );
            Ok(if report.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Diff {
            old,
            new,
            path,
            git_repo,
            format,
            fail_on,
            non_exhaustive,
            descriptions,
        } => {
            use msgraph_docgen::diff;
            let (old, new) = match &git_repo {
                Some(repo) => (
                    load_revision(repo, &old, path.as_deref())?,
                    load_revision(repo, &new, path.as_deref())?,
                ),
                None => (load_side(&old)?, load_side(&new)?),
            };
            // Pages that could not be read would show up as removed types: say so.
            for d in old.diagnostics.iter().chain(&new.diagnostics) {
                if d.severity == Severity::Error {
                    eprintln!("{d}");
                }
            }
            let options = diff::DiffOptions {
                non_exhaustive,
                include_descriptions: descriptions,
            };
            let report = diff::diff(&old, &new, &options);
            let text = match format {
                // Styled; anstream strips the styles unless stdout is a terminal (or
                // CLICOLOR_FORCE is set), and always when NO_COLOR is set.
                DiffFormat::Text => diff::render_text(&report, true),
                DiffFormat::Json => diff::render_json(&report),
                DiffFormat::Markdown => diff::render_markdown(&report),
            };
            write_stdout(&text, format == DiffFormat::Text)?;
            let threshold = fail_on.map(FailOn::severity);
            Ok(match threshold {
                Some(t) if report.fails(t) => ExitCode::from(1),
                _ => ExitCode::SUCCESS,
            })
        }
        Command::Tree {
            root,
            input,
            format,
        } => {
            use msgraph_docgen::tree::{render, TreeFormat as F};
            let schema = load(&input)?;
            let format = match format {
                TreeFormat::Text => F::Text,
                TreeFormat::Mermaid => F::Mermaid,
                TreeFormat::Dot => F::Dot,
            };
            print!(
                "{}",
                render(&schema, &root, format).map_err(|e| e.to_string())?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Generate {
            input,
            out,
            config,
            roots,
            subtypes,
            skip_navigation,
            maps,
            file_name,
            check,
            non_exhaustive,
            fail_on,
        } => {
            let config_path = config.or_else(|| {
                Path::new(CONFIG_FILE)
                    .is_file()
                    .then(|| PathBuf::from(CONFIG_FILE))
            });
            let mut config = match &config_path {
                Some(path) => Config::load(path).map_err(|e| e.to_string())?,
                None => Config::default(),
            };
            // Flags override the file.
            if !input.is_empty() {
                config.input = input;
            } else if config.input.is_empty() {
                config.input = vec![PathBuf::from("docs-input")];
            }
            config.out = out.or(config.out);
            config.roots.extend(roots);
            config.subtypes |= subtypes;
            config.skip_navigation |= skip_navigation;
            config.non_exhaustive |= non_exhaustive;
            config.file_name = file_name.or(config.file_name);
            for map in &maps {
                let (primitive, rust) = map.split_once('=').ok_or_else(|| {
                    format!("--map {map}: expected PRIMITIVE=TYPE, e.g. DateTimeOffset=String")
                })?;
                config
                    .type_mapping
                    .insert(primitive.trim().to_owned(), rust.trim().to_owned());
            }
            config.fail_on = fail_on.or(config.fail_on);
            let builder = Builder::from_config(&config);
            let generated = match builder.generate_code() {
                Ok(g) => g,
                Err(Error::Diagnostics(list)) => {
                    for d in &list {
                        eprintln!("{d}");
                    }
                    eprintln!(
                        "{} diagnostics at or above --fail-on; nothing written",
                        list.len()
                    );
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e.to_string()),
            };
            let out = config.out.unwrap_or_else(|| PathBuf::from("generated/src"));
            let target = out.join(builder.output_file_name());
            // Errors mean data missing from the output: name them (warnings are for `check`).
            for d in generated
                .schema
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
            {
                eprintln!("{d}");
            }
            eprintln!("{}", summary_line(&generated.schema));
            if check {
                let current = std::fs::read_to_string(&target).unwrap_or_default();
                if current != generated.code {
                    eprintln!("stale: {} differs from what the docs produce; run `msgraph-docgen generate` and commit the result", target.display());
                    return Ok(ExitCode::from(1));
                }
                eprintln!("up to date: {}", target.display());
                return Ok(ExitCode::SUCCESS);
            }
            msgraph_docgen::output::write_atomically(
                &out,
                builder.output_file_name(),
                generated.code.as_bytes(),
            )
            .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
            eprintln!("wrote {}", target.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes to standard output; `styled` text goes through `anstream`, which keeps its colours
/// only on a terminal (or with `CLICOLOR_FORCE`), never with `NO_COLOR`. A closed pipe
/// (`| head`) is not an error.
fn write_stdout(text: &str, styled: bool) -> Result<(), String> {
    use std::io::Write;
    let result = if styled {
        let mut out = anstream::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    };
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {e}"))
        }
        _ => Ok(()),
    }
}
