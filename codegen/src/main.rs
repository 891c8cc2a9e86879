//! The `msgraph-docgen` command: a thin front end over the library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use msgraph_docgen::config::{Config, ConfigOverrides, FailOn, DEFAULT_OUT};
use msgraph_docgen::diag::Severity;
use msgraph_docgen::diff::DiffOptions;
use msgraph_docgen::parse::Page;
use msgraph_docgen::report::{self, DiagnosticsBySeverity};
use msgraph_docgen::schema::Schema;
use msgraph_docgen::tree::TreeFormat;
use msgraph_docgen::{input, load, Builder, Error};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Any error a command stops on; `main` prints it after `error: ` and exits 2.
type Failure = Box<dyn std::error::Error>;

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
    Generate(GenerateArgs),
    /// Print the inheritance tree of a type: its ancestors, then every type derived from it.
    Tree(TreeArgs),
    /// Print the intermediate schema as JSON (format_version 1; see the README).
    Schema {
        /// Docs pages or directories of pages (repeatable).
        #[arg(long, short, default_value = "docs-input")]
        input: Vec<PathBuf>,
    },
    /// Summarise the pages, types and diagnostics (grouped by code, with examples).
    /// Exit 0 when there are no errors, 1 when there are.
    Check(CheckArgs),
    /// Compare two schema revisions: what changed, and whether it breaks JSON consumers or the
    /// generated Rust API. Each side is a docs tree, a single page, or a saved `schema` JSON file;
    /// with --git-repo, each side is a revision of a git repository, read without a checkout.
    Diff(DiffArgs),
}

#[derive(Args)]
struct GenerateArgs {
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
}

#[derive(Args)]
struct TreeArgs {
    /// The type (qualified name; `microsoft.graph.` may be left out).
    #[arg(value_name = "TYPE")]
    root: String,
    /// Docs pages or directories of pages (repeatable).
    #[arg(long, short, default_value = "docs-input")]
    input: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TreeFormat::Text)]
    format: TreeFormat,
}

#[derive(Args)]
struct CheckArgs {
    /// Docs pages or directories of pages (repeatable).
    #[arg(long, short, default_value = "docs-input")]
    input: Vec<PathBuf>,
    /// List every diagnostic under its code (default: the first few of each code).
    #[arg(long)]
    verbose: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args)]
struct DiffArgs {
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

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Generate(args) => generate(args),
        Command::Tree(args) => tree(args),
        Command::Schema { input } => schema(&input),
        Command::Check(args) => check(args),
        Command::Diff(args) => diff(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}

/// The `schema` command.
fn schema(input: &[PathBuf]) -> Result<ExitCode, Failure> {
    print!("{}", msgraph_docgen::schema_of(input)?.to_json());
    Ok(ExitCode::SUCCESS)
}

/// The `tree` command.
fn tree(args: TreeArgs) -> Result<ExitCode, Failure> {
    let schema = msgraph_docgen::schema_of(&args.input)?;
    let text = msgraph_docgen::tree::render(&schema, &args.root, args.format)?;
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// The `check` command: the report of the pages, exit 1 when it has errors.
fn check(args: CheckArgs) -> Result<ExitCode, Failure> {
    let (pages, schema) = load_with_progress(&args.input)?;
    let examples = (!args.verbose).then_some(report::DEFAULT_EXAMPLES);
    let report = report::CheckReport::new(&pages, &schema, examples);
    print!(
        "{}",
        match args.format {
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

/// Reads and parses the pages with a progress bar on a terminal (nothing when stderr is not
/// one), then builds the schema.
fn load_with_progress(inputs: &[PathBuf]) -> Result<(Vec<Page>, Schema), Failure> {
    use indicatif::{ProgressBar, ProgressStyle};
    use std::io::IsTerminal;
    let (files, _) = input::list_pages(inputs)?;
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

/// The `diff` command: prints the report, exit 1 when a change reaches `--fail-on`.
fn diff(args: DiffArgs) -> Result<ExitCode, Failure> {
    use msgraph_docgen::diff;
    let (old, new) = match &args.git_repo {
        Some(repo) => {
            let path = args.path.as_deref().unwrap_or("");
            (
                load::schema_at_revision(repo, args.old.as_os_str(), path)?,
                load::schema_at_revision(repo, args.new.as_os_str(), path)?,
            )
        }
        None => (
            load::schema_from_path(&args.old)?,
            load::schema_from_path(&args.new)?,
        ),
    };
    // Pages that could not be read would show up as removed types: say so.
    for d in old.diagnostics.iter().chain(&new.diagnostics) {
        if d.severity == Severity::Error {
            eprintln!("{d}");
        }
    }
    let options = DiffOptions {
        non_exhaustive: args.non_exhaustive,
        include_descriptions: args.descriptions,
    };
    let report = diff::diff(&old, &new, &options);
    let text = match args.format {
        // Styled; anstream strips the styles unless stdout is a terminal (or
        // CLICOLOR_FORCE is set), and always when NO_COLOR is set.
        DiffFormat::Text => diff::render_text(&report, true),
        DiffFormat::Json => diff::render_json(&report),
        DiffFormat::Markdown => diff::render_markdown(&report),
    };
    write_stdout(&text, args.format == DiffFormat::Text)?;
    Ok(match args.fail_on {
        Some(level) if report.fails(level.severity()) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// The `generate` command: writes the file, or with `--check` compares it.
fn generate(args: GenerateArgs) -> Result<ExitCode, Failure> {
    let flags = ConfigOverrides {
        input: args.input,
        out: args.out,
        file_name: args.file_name,
        roots: args.roots,
        subtypes: args.subtypes,
        skip_navigation: args.skip_navigation,
        non_exhaustive: args.non_exhaustive,
        fail_on: args.fail_on,
        type_mapping: args.maps,
    };
    let config = Config::for_generate(args.config.as_deref(), flags)?;
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
        Err(e) => return Err(e.into()),
    };
    let schema = &generated.schema;
    // Errors mean data missing from the output: name them (warnings are for `check`).
    for d in schema
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        eprintln!("{d}");
    }
    let counts = DiagnosticsBySeverity::of(&schema.diagnostics);
    eprintln!("{}", report::summary_line(schema.types().len(), &counts));
    let out = config.out.as_deref().unwrap_or(Path::new(DEFAULT_OUT));
    let target = out.join(builder.output_file_name());
    if args.check {
        let current = std::fs::read_to_string(&target).unwrap_or_default();
        if current != generated.code {
            eprintln!("stale: {} differs from what the docs produce; run `msgraph-docgen generate` and commit the result", target.display());
            return Ok(ExitCode::from(1));
        }
        eprintln!("up to date: {}", target.display());
        return Ok(ExitCode::SUCCESS);
    }
    let file_name = builder.output_file_name();
    msgraph_docgen::output::write_atomically(out, file_name, generated.code.as_bytes()).map_err(
        |error| Error::Write {
            path: target.clone(),
            error,
        },
    )?;
    eprintln!("wrote {}", target.display());
    Ok(ExitCode::SUCCESS)
}

/// Standard output could not be written (other than a closed pipe).
#[derive(Debug)]
struct StdoutError(std::io::Error);

impl std::fmt::Display for StdoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write to standard output: {}", self.0)
    }
}

impl std::error::Error for StdoutError {}

/// Writes to standard output; `styled` text goes through `anstream`, which keeps its colours
/// only on a terminal (or with `CLICOLOR_FORCE`), never with `NO_COLOR`. A closed pipe
/// (`| head`) is not an error.
fn write_stdout(text: &str, styled: bool) -> Result<(), StdoutError> {
    use std::io::Write;
    let result = if styled {
        let mut out = anstream::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    };
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(StdoutError(e)),
        _ => Ok(()),
    }
}
