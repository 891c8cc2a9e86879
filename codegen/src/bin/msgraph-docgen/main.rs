//! The `msgraph-docgen` command: a thin front end over the library.

use clap::Parser;
use msgraph_docgen::config::{Config, ConfigOverrides, DEFAULT_OUT};
use msgraph_docgen::diag::Severity;
use msgraph_docgen::diff::DiffOptions;
use msgraph_docgen::parse::Page;
use msgraph_docgen::report::{self, DiagnosticsBySeverity};
use msgraph_docgen::schema::Schema;
use msgraph_docgen::{input, load, Builder, Error};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Any error a command stops on; `main` prints it after `error: ` and exits 2.
type Failure = Box<dyn std::error::Error>;

mod allocator;
mod args;

use args::{
    CheckArgs, Cli, Command, DiffArgs, DiffFormat, Format, GenerateArgs, TreeArgs, ValidateArgs,
};

/// mimalloc (see [`allocator`]). Build scripts and programs that use the library keep their
/// own allocator.
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

fn main() -> ExitCode {
    allocator::keep_freed_memory();
    let result = match Cli::parse().command {
        Command::Generate(args) => generate(args),
        Command::Tree(args) => tree(args),
        Command::Schema { input, reference } => schema(&input, reference.as_deref()),
        Command::Check(args) => check(args),
        Command::Diff(args) => diff(args),
        Command::Validate(args) => validate(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}

/// The `schema` command (with `--reference`, corrected by the English tree).
fn schema(input: &[PathBuf], reference: Option<&Path>) -> Result<ExitCode, Failure> {
    let schema = load::with_reference(msgraph_docgen::schema_of(input)?, reference)?;
    print!("{}", schema.to_json());
    Ok(ExitCode::SUCCESS)
}

/// The `tree` command.
fn tree(args: TreeArgs) -> Result<ExitCode, Failure> {
    let schema = msgraph_docgen::schema_of(&args.input)?;
    let text = msgraph_docgen::tree::render(&schema, &args.root, args.format)?;
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// The `check` command: the report of the pages (with `--reference`, of their schema corrected
/// by the English tree; with `--metadata`, measured against the service metadata), exit 1 when
/// it has errors.
fn check(args: CheckArgs) -> Result<ExitCode, Failure> {
    use msgraph_docgen::metadata::{compare, Metadata};
    // Read the metadata and the reference first: a bad file fails before the slow part.
    let metadata = match &args.metadata {
        Some(path) => Some((path, Metadata::read(path)?)),
        None => None,
    };
    let english = args.reference.as_deref().map(load::reference_schema);
    let english = english.transpose()?;
    let (pages, schema) = load_with_progress(&args.input)?;
    let schema = match &english {
        Some(english) => msgraph_docgen::schema::apply_reference(schema, english),
        None => schema,
    };
    let examples = (!args.verbose).then_some(report::DEFAULT_EXAMPLES);
    let report = match &metadata {
        Some((path, metadata)) => report::CheckReport::with_metadata(
            &pages,
            &schema,
            &path.display().to_string(),
            &compare(&schema, metadata),
            examples,
        ),
        None => report::CheckReport::new(&pages, &schema, examples),
    };
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

/// The `validate` command: the report of the examples; exit 1 when a finding reaches
/// `--fail-on`.
fn validate(args: ValidateArgs) -> Result<ExitCode, Failure> {
    use msgraph_docgen::validate::{self, ValidateReport};
    let input = if args.input.is_empty() {
        vec![default_resources(&args.api[0])?]
    } else {
        args.input
    };
    let (resources, schema) = load_with_progress(&input)?;
    let pages = validate::read_api_pages(&args.api)?;
    let validation = validate::validate(&pages, &schema, &resources);
    let examples = (!args.verbose).then_some(report::DEFAULT_EXAMPLES);
    let report = ValidateReport::new(&validation, examples);
    let text = match args.format {
        Format::Json => report.to_json(),
        Format::Text => report.render_text(),
    };
    write_stdout(&text, false)?;
    Ok(match args.fail_on {
        Some(level) if report.fails(level.severity()) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// `resources` beside the API directory `api` (`DIR/../resources`), when it exists.
fn default_resources(api: &Path) -> Result<PathBuf, Failure> {
    let dir = api.join("..").join("resources");
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!(
            "no --input given and {} does not exist: name the resource pages with --input",
            dir.display()
        )
        .into())
    }
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
    let (old, new) = match args.reference.as_deref().map(load::reference_schema) {
        Some(english) => {
            let english = english?;
            let correct = |s| msgraph_docgen::schema::apply_reference(s, &english);
            (correct(old), correct(new))
        }
        None => (old, new),
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
        typed_navigation: args.typed_navigation,
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
        split_above: args.split_above,
        roots: args.roots,
        subtypes: args.subtypes,
        skip_navigation: args.skip_navigation,
        non_exhaustive: args.non_exhaustive,
        area_features: args.area_features,
        typed_navigation: args.typed_navigation,
        fail_on: args.fail_on,
        type_mapping: args.maps,
        reference: args.reference,
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
        let stale = msgraph_docgen::output::stale_files(out, &generated.files);
        if stale.is_empty() {
            eprintln!("up to date: {}", target.display());
            return Ok(ExitCode::SUCCESS);
        }
        for path in &stale {
            eprintln!(
                "stale: {} differs from what the docs produce",
                path.display()
            );
        }
        eprintln!("run `msgraph-docgen generate` and commit the result");
        return Ok(ExitCode::from(1));
    }
    msgraph_docgen::output::write_files(out, &generated.files)
        .map_err(|(path, error)| Error::Write { path, error })?;
    if generated.files.len() > 1 {
        eprintln!(
            "wrote {} and {} parts",
            target.display(),
            generated.files.len() - 1
        );
        return Ok(ExitCode::SUCCESS);
    }
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
