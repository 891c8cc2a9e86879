//! `docgen.toml`: the generation settings both front ends read (the CLI and [`crate::Builder`]).
//!
//! ```toml
//! input = ["docs-input"]            # pages or directories, relative to this file
//! out = "generated/src"             # CLI only; build scripts write to OUT_DIR
//! file_name = "msgraph_types.rs"
//! split_above = 1048576             # bytes; larger code is written as that file and its parts
//! roots = ["microsoft.graph.resetPasscodeActionResult"]   # empty: every type
//! subtypes = true                   # also keep types derived from the roots
//! skip_navigation = false           # navigation properties stay untyped JSON when true
//! non_exhaustive = false
//! area_features = false             # a Cargo feature per docs area (page file name prefix)
//! typed_navigation = false          # navigation properties read into their types, not kept as JSON
//! fail_on = "error"                 # "error" or "warning": such diagnostics fail generation
//! reference = "../en-US/resources"  # an English tree correcting a translated input's identifiers
//!
//! [type_mapping]                    # primitive → Rust type
//! DateTimeOffset = "String"
//!
//! [type_attributes]                 # type pattern → attributes
//! "microsoft.graph.actionState" = ['#[doc(alias = "state")]']
//!
//! [field_attributes]                # type pattern . property → attributes
//! "microsoft.graph.resetPasscodeActionResult.passcode" = ['#[doc(alias = "pin")]']
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The conventional name of the configuration file, looked up in the current directory by the CLI.
pub const CONFIG_FILE: &str = "docgen.toml";

/// Generation settings, as read from `docgen.toml`. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Docs pages or directories of pages.
    #[serde(default)]
    pub input: Vec<PathBuf>,
    /// The directory the CLI writes into.
    pub out: Option<PathBuf>,
    /// The name of the generated file (default `msgraph_types.rs`).
    pub file_name: Option<String>,
    /// The size above which the code is split into parts (see [`crate::Builder::split_above`]).
    pub split_above: Option<usize>,
    /// Generate only these types and what they need (qualified names).
    #[serde(default)]
    pub roots: Vec<String>,
    /// With `roots`, also keep the types derived from them.
    #[serde(default)]
    pub subtypes: bool,
    /// With `roots`, do not follow navigation properties.
    #[serde(default)]
    pub skip_navigation: bool,
    /// Mark generated structs and enums `#[non_exhaustive]`.
    #[serde(default)]
    pub non_exhaustive: bool,
    /// A Cargo feature per docs area (see [`crate::Builder::area_features`]).
    #[serde(default)]
    pub area_features: bool,
    /// Navigation properties read into their types (see [`crate::Builder::typed_navigation`]).
    #[serde(default)]
    pub typed_navigation: bool,
    /// Diagnostics of this severity or worse fail generation.
    pub fail_on: Option<FailOn>,
    /// Primitive name → Rust type path.
    #[serde(default)]
    pub type_mapping: BTreeMap<String, String>,
    /// Type pattern → outer attributes.
    #[serde(default)]
    pub type_attributes: BTreeMap<String, Vec<String>>,
    /// Field pattern → outer attributes.
    #[serde(default)]
    pub field_attributes: BTreeMap<String, Vec<String>>,
    /// An English tree (docs pages, or a saved schema JSON) whose identifiers correct a
    /// translated input (see [`crate::Builder::reference`]).
    pub reference: Option<PathBuf>,
}

/// The severity from which diagnostics (or, for `diff`, changes) fail the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Errors fail generation.
    Error,
    /// Warnings and errors fail generation.
    Warning,
}

impl FailOn {
    /// The least severity that fails.
    pub fn severity(self) -> crate::diag::Severity {
        match self {
            FailOn::Error => crate::diag::Severity::Error,
            FailOn::Warning => crate::diag::Severity::Warning,
        }
    }
}

/// Settings that cannot be used: a configuration file, or a flag overriding it.
#[derive(Debug)]
pub enum ConfigError {
    /// The file cannot be read, or does not parse as settings.
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column when the TOML parser gives them.
        message: String,
    },
    /// A `--map` value that is not `PRIMITIVE=TYPE` (the value as given).
    TypeMapping(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::File { path, message } => write!(f, "{}: {message}", path.display()),
            ConfigError::TypeMapping(given) => write!(
                f,
                "--map {given}: expected PRIMITIVE=TYPE, e.g. DateTimeOffset=String"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Settings given as flags of the `generate` command, which override the file's: a value given
/// replaces the file's, roots add to the file's, a switch given turns the setting on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigOverrides {
    /// Replaces the file's inputs when not empty.
    pub input: Vec<PathBuf>,
    /// Replaces the file's output directory.
    pub out: Option<PathBuf>,
    /// Replaces the file's name of the generated file.
    pub file_name: Option<String>,
    /// Replaces the file's `split_above`.
    pub split_above: Option<usize>,
    /// Added to the file's roots.
    pub roots: Vec<String>,
    /// Turns `subtypes` on.
    pub subtypes: bool,
    /// Turns `skip_navigation` on.
    pub skip_navigation: bool,
    /// Turns `non_exhaustive` on.
    pub non_exhaustive: bool,
    /// Turns `area_features` on.
    pub area_features: bool,
    /// Turns `typed_navigation` on.
    pub typed_navigation: bool,
    /// Replaces the file's `fail_on`.
    pub fail_on: Option<FailOn>,
    /// `PRIMITIVE=TYPE` pairs, as given to `--map`; each replaces the file's mapping of that
    /// primitive.
    pub type_mapping: Vec<String>,
    /// Replaces the file's English reference.
    pub reference: Option<PathBuf>,
}

/// The inputs of the `generate` command when neither the file nor a flag gives any.
pub const DEFAULT_INPUT: &str = "docs-input";

/// The directory the `generate` command writes into when neither the file nor a flag gives one.
pub const DEFAULT_OUT: &str = "generated/src";

impl Config {
    /// Reads a configuration file. Relative `input`, `out` and `reference` paths are taken
    /// relative to the file's directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
            path: path.to_owned(),
            message: format!("cannot read: {e}"),
        })?;
        let mut config = Config::parse(&text).map_err(|message| ConfigError::File {
            path: path.to_owned(),
            message,
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        for input in &mut config.input {
            *input = base.join(&*input);
        }
        if let Some(out) = &mut config.out {
            *out = base.join(&*out);
        }
        if let Some(reference) = &mut config.reference {
            *reference = base.join(&*reference);
        }
        Ok(config)
    }

    /// The settings the `generate` command runs with: those of `file`, or when no file is given
    /// of [`CONFIG_FILE`] in the current directory if there is one, overridden by the flags
    /// (see [`Config::with_overrides`]).
    pub fn for_generate(
        file: Option<&Path>,
        overrides: ConfigOverrides,
    ) -> Result<Config, ConfigError> {
        let found = Path::new(CONFIG_FILE)
            .is_file()
            .then_some(Path::new(CONFIG_FILE));
        let config = match file.or(found) {
            Some(path) => Config::load(path)?,
            None => Config::default(),
        };
        config.with_overrides(overrides)
    }

    /// These settings overridden by flags (see [`ConfigOverrides`]), with the command line's
    /// defaults for what is still unset: input [`DEFAULT_INPUT`], output [`DEFAULT_OUT`].
    pub fn with_overrides(mut self, flags: ConfigOverrides) -> Result<Config, ConfigError> {
        if !flags.input.is_empty() {
            self.input = flags.input;
        } else if self.input.is_empty() {
            self.input = vec![PathBuf::from(DEFAULT_INPUT)];
        }
        self.out = Some(flags.out.or(self.out).unwrap_or_else(|| DEFAULT_OUT.into()));
        self.file_name = flags.file_name.or(self.file_name);
        self.split_above = flags.split_above.or(self.split_above);
        self.roots.extend(flags.roots);
        self.subtypes |= flags.subtypes;
        self.skip_navigation |= flags.skip_navigation;
        self.non_exhaustive |= flags.non_exhaustive;
        self.area_features |= flags.area_features;
        self.typed_navigation |= flags.typed_navigation;
        self.fail_on = flags.fail_on.or(self.fail_on);
        self.reference = flags.reference.or(self.reference);
        for given in flags.type_mapping {
            let (primitive, rust) = given
                .split_once('=')
                .ok_or_else(|| ConfigError::TypeMapping(given.clone()))?;
            self.type_mapping
                .insert(primitive.trim().to_owned(), rust.trim().to_owned());
        }
        Ok(self)
    }

    /// Parses configuration text (paths stay as written).
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|span| {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!("{line}:{column}: ")
                })
                .unwrap_or_default();
            format!("{at}{}", e.message())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_read() {
        let config = Config::parse(
            r##"
input = ["docs"]
out = "src/gen"
file_name = "graph.rs"
roots = ["microsoft.graph.user"]
subtypes = true
skip_navigation = true
non_exhaustive = true
area_features = true
typed_navigation = true
fail_on = "warning"
reference = "../en-US"
[type_mapping]
DateTimeOffset = "String"
[type_attributes]
"*" = ["#[derive(Hash)]"]
[field_attributes]
"microsoft.graph.user.id" = ["#[doc(alias = \"key\")]"]
"##,
        )
        .unwrap();
        assert_eq!(config.input, [PathBuf::from("docs")]);
        assert_eq!(config.file_name.as_deref(), Some("graph.rs"));
        assert_eq!(config.fail_on, Some(FailOn::Warning));
        assert!(config.subtypes && config.skip_navigation && config.non_exhaustive);
        assert!(config.area_features && config.typed_navigation);
        assert_eq!(config.type_mapping["DateTimeOffset"], "String");
        assert_eq!(config.type_attributes["*"], ["#[derive(Hash)]"]);
        assert_eq!(config.reference, Some(PathBuf::from("../en-US")));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let err = Config::parse("input = [\"docs\"]\nroot = [\"x\"]\n").unwrap_err();
        assert!(err.starts_with("2:1: "), "{err}");
        assert!(err.contains("unknown field `root`"), "{err}");
    }

    #[test]
    fn flag_values_replace_the_files() {
        let file = Config::parse(
            "input = [\"docs\"]\nout = \"src/gen\"\nfile_name = \"graph.rs\"\nfail_on = \"error\"\nreference = \"en\"\n",
        )
        .unwrap();
        let config = file
            .with_overrides(ConfigOverrides {
                input: vec!["a".into(), "b".into()],
                out: Some("out".into()),
                file_name: Some("types.rs".into()),
                fail_on: Some(FailOn::Warning),
                reference: Some("en-US".into()),
                ..ConfigOverrides::default()
            })
            .unwrap();
        assert_eq!(config.reference, Some(PathBuf::from("en-US")));
        assert_eq!(config.input, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(config.out, Some(PathBuf::from("out")));
        assert_eq!(config.file_name.as_deref(), Some("types.rs"));
        assert_eq!(config.fail_on, Some(FailOn::Warning));
    }

    #[test]
    fn the_files_values_stay_when_no_flag_gives_one() {
        let file = Config::parse(
            "input = [\"docs\"]\nout = \"src/gen\"\nfile_name = \"graph.rs\"\nfail_on = \"error\"\n",
        )
        .unwrap();
        let config = file
            .clone()
            .with_overrides(ConfigOverrides::default())
            .unwrap();
        assert_eq!(config, file);
    }

    #[test]
    fn roots_add_up_and_switches_only_turn_on() {
        let file = Config::parse("roots = [\"user\"]\nsubtypes = true\n").unwrap();
        let config = file
            .with_overrides(ConfigOverrides {
                roots: vec!["group".into()],
                skip_navigation: true,
                non_exhaustive: true,
                typed_navigation: true,
                ..ConfigOverrides::default()
            })
            .unwrap();
        assert_eq!(config.roots, ["user", "group"]);
        assert!(config.subtypes && config.skip_navigation && config.non_exhaustive);
        assert!(config.typed_navigation);
    }

    #[test]
    fn without_file_or_flags_the_command_line_defaults_apply() {
        let config = Config::default()
            .with_overrides(ConfigOverrides::default())
            .unwrap();
        assert_eq!(config.input, [PathBuf::from(DEFAULT_INPUT)]);
        assert_eq!(config.out, Some(PathBuf::from(DEFAULT_OUT)));
        assert_eq!(config.file_name, None);
        assert_eq!(config.fail_on, None);
        assert!(!config.subtypes && !config.skip_navigation && !config.non_exhaustive);
        assert!(!config.typed_navigation);
    }

    #[test]
    fn type_mapping_flags_replace_the_files_entry_and_need_an_equals_sign() {
        let file = Config::parse("[type_mapping]\nGuid = \"String\"\nInt64 = \"i64\"\n").unwrap();
        let config = file
            .clone()
            .with_overrides(ConfigOverrides {
                type_mapping: vec![" Guid = uuid::Uuid ".into()],
                ..ConfigOverrides::default()
            })
            .unwrap();
        assert_eq!(config.type_mapping["Guid"], "uuid::Uuid");
        assert_eq!(config.type_mapping["Int64"], "i64");
        let err = file
            .with_overrides(ConfigOverrides {
                type_mapping: vec!["Guid".into()],
                ..ConfigOverrides::default()
            })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--map Guid: expected PRIMITIVE=TYPE, e.g. DateTimeOffset=String"
        );
    }

    #[test]
    fn a_given_file_is_read_with_paths_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(
            &path,
            "input = [\"docs\"]\nsubtypes = true\nreference = \"en\"\n",
        )
        .unwrap();
        let config = Config::for_generate(Some(&path), ConfigOverrides::default()).unwrap();
        assert_eq!(config.input, [dir.path().join("docs")]);
        assert_eq!(config.reference, Some(dir.path().join("en")));
        assert!(config.subtypes);
        let missing = dir.path().join("missing.toml");
        let err = Config::for_generate(Some(&missing), ConfigOverrides::default()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("{}: cannot read: ", missing.display())),
            "{err}"
        );
    }
}
