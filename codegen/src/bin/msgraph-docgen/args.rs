//! The command line: subcommands, their flags and help texts (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use msgraph_docgen::config::FailOn;
use msgraph_docgen::tree::TreeFormat;
use std::path::PathBuf;

/// Generate typed Rust models of Microsoft Graph from its Markdown API reference pages.
///
/// Point it at resource pages (files or directories, any locale): it parses them, builds a
/// schema, reports what the docs got wrong, and writes Rust types.
#[derive(Parser)]
#[command(version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        /// An English tree of the same or a nearby date (docs pages, or a saved `schema` JSON)
        /// for a translated INPUT: identifiers come from the English page of the same file name
        /// where the two agree in structure; descriptions stay translated.
        #[arg(long, value_name = "TREE")]
        reference: Option<PathBuf>,
    },
    /// Summarise the pages, types and diagnostics (grouped by code, with examples).
    /// Exit 0 when there are no errors, 1 when there are.
    Check(CheckArgs),
    /// Compare two schema revisions: what changed, and whether it breaks JSON consumers or the
    /// generated Rust API. Each side is a docs tree, a single page, or a saved `schema` JSON file;
    /// with --git-repo, each side is a revision of a git repository, read without a checkout.
    Diff(DiffArgs),
    /// Check the request and response examples of API method pages against the schema of the
    /// resource pages: JSON, property names and kinds, formats, enum values, `@odata.type`.
    /// Exit 0, or 1 when --fail-on is given and a finding reaches it.
    Validate(ValidateArgs),
}

#[derive(Args)]
pub(crate) struct GenerateArgs {
    /// Docs pages or directories of pages (repeatable; default: the config's, else `docs-input`).
    #[arg(long, short)]
    pub(crate) input: Vec<PathBuf>,
    /// Directory to write into (default: the config's, else `generated/src`).
    #[arg(long, short)]
    pub(crate) out: Option<PathBuf>,
    /// Settings file (default: `docgen.toml` when it exists).
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// Generate only this type and what it needs (repeatable; qualified name).
    #[arg(long = "root", value_name = "TYPE")]
    pub(crate) roots: Vec<String>,
    /// With --root, also generate the types derived from the roots.
    #[arg(long)]
    pub(crate) subtypes: bool,
    /// With --root, leave navigation properties untyped instead of following them.
    #[arg(long)]
    pub(crate) skip_navigation: bool,
    /// Map a primitive to a Rust type (repeatable), e.g. `DateTimeOffset=String`.
    #[arg(long = "map", value_name = "PRIMITIVE=TYPE")]
    pub(crate) maps: Vec<String>,
    /// Name of the generated file (default `msgraph_types.rs`).
    #[arg(long)]
    pub(crate) file_name: Option<String>,
    /// Above this many bytes, write the file as an index including parts in a directory
    /// beside it, named after the file (default 1048576; 0 always splits).
    #[arg(long, value_name = "BYTES")]
    pub(crate) split_above: Option<usize>,
    /// Write nothing; exit 1 naming the stale file if it differs from what the docs produce.
    #[arg(long)]
    pub(crate) check: bool,
    /// Mark generated structs and enums #[non_exhaustive].
    #[arg(long)]
    pub(crate) non_exhaustive: bool,
    /// A Cargo feature per docs area (page file name prefix; `core` without one): each type is
    /// compiled only when an area that needs it is enabled. The features to declare are listed
    /// at the top of the generated file.
    #[arg(long)]
    pub(crate) area_features: bool,
    /// Read navigation properties into their types as the JSON is read, instead of keeping
    /// their JSON (`support::Expanded<T>`) until asked; costs a program that reads one entity
    /// the compile time of every type it links to.
    #[arg(long)]
    pub(crate) typed_navigation: bool,
    /// Fail (exit 1, write nothing) when a diagnostic of this severity or worse is found.
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// An English tree of the same or a nearby date (docs pages, or a saved `schema` JSON) for
    /// a translated INPUT: identifiers (type, property and member names, enum values, bases,
    /// kinds, property types) come from the English page of the same file name where the two
    /// agree in structure; descriptions stay translated; `reference-*` diagnostics say what was
    /// taken and where the two disagree (default: the config's `reference`, if any).
    #[arg(long, value_name = "TREE")]
    pub(crate) reference: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct TreeArgs {
    /// The type (qualified name; `microsoft.graph.` may be left out).
    #[arg(value_name = "TYPE")]
    pub(crate) root: String,
    /// Docs pages or directories of pages (repeatable).
    #[arg(long, short, default_value = "docs-input")]
    pub(crate) input: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TreeFormat::Text)]
    pub(crate) format: TreeFormat,
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    /// Docs pages or directories of pages (repeatable).
    #[arg(long, short, default_value = "docs-input")]
    pub(crate) input: Vec<PathBuf>,
    /// List every diagnostic under its code (default: the first few of each code).
    #[arg(long)]
    pub(crate) verbose: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Also compare the docs with the service's own metadata (OData CSDL / EDMX XML): each
    /// disagreement as a `metadata-*` diagnostic, and the agreement figures in a `metadata`
    /// section. The metadata is only compared, never used to fill the schema.
    #[arg(long, value_name = "FILE")]
    pub(crate) metadata: Option<PathBuf>,
    /// An English tree of the same or a nearby date (docs pages, or a saved `schema` JSON) for
    /// a translated INPUT: identifiers (type, property and member names, enum values, bases,
    /// kinds, property types) come from the English page of the same file name where the two
    /// agree in structure; descriptions stay translated; `reference-*` diagnostics say what was
    /// taken and where the two disagree.
    #[arg(long, value_name = "TREE")]
    pub(crate) reference: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct DiffArgs {
    /// The old revision: a path, or with --git-repo a git revision (commit, tag, branch).
    pub(crate) old: PathBuf,
    /// The new revision: a path, or with --git-repo a git revision.
    pub(crate) new: PathBuf,
    /// With --git-repo: only the `*.md` pages under this path of the repository (default:
    /// the whole tree).
    #[arg(requires = "git_repo")]
    pub(crate) path: Option<String>,
    /// Read OLD and NEW as revisions of the git repository at DIR.
    #[arg(long, value_name = "DIR")]
    pub(crate) git_repo: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
    /// Exit 1 when a change of this severity or worse is found.
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Classify Rust API changes as if generated with --non-exhaustive.
    #[arg(long)]
    pub(crate) non_exhaustive: bool,
    /// Classify Rust API changes as if generated with --typed-navigation.
    #[arg(long)]
    pub(crate) typed_navigation: bool,
    /// Also report description-only changes (as infos).
    #[arg(long)]
    pub(crate) descriptions: bool,
    /// An English tree (docs pages, or a saved `schema` JSON) that corrects the identifiers of
    /// both sides when they are translated trees, as `schema --reference` does.
    #[arg(long, value_name = "TREE")]
    pub(crate) reference: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ValidateArgs {
    /// API method pages or directories of them (repeatable).
    #[arg(long, required = true, value_name = "DIR")]
    pub(crate) api: Vec<PathBuf>,
    /// Resource pages or directories giving the schema (repeatable; default: `resources`
    /// beside the first --api directory, `DIR/../resources`).
    #[arg(long, short)]
    pub(crate) input: Vec<PathBuf>,
    /// List every finding under its code (default: the first few of each code).
    #[arg(long)]
    pub(crate) verbose: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Exit 1 when a finding of this severity or worse is made.
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    Text,
    Json,
    Markdown,
}
