//! `docgen.toml`: the generation settings both front ends read (the CLI and [`crate::Builder`]).
//!
//! ```toml
//! input = ["docs-input"]            # pages or directories, relative to this file
//! out = "generated/src"             # CLI only; build scripts write to OUT_DIR
//! file_name = "msgraph_types.rs"
//! roots = ["microsoft.graph.resetPasscodeActionResult"]   # empty: every type
//! subtypes = true                   # also keep types derived from the roots
//! skip_navigation = false           # navigation properties stay untyped JSON when true
//! non_exhaustive = false
//! fail_on = "error"                 # "error" or "warning": such diagnostics fail generation
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

/// A configuration file that cannot be used.
#[derive(Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, with line and column when the TOML parser gives them.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads a configuration file. Relative `input` and `out` paths are taken relative to the
    /// file's directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            message: format!("cannot read: {e}"),
        })?;
        let mut config = Config::parse(&text).map_err(|message| ConfigError {
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
        Ok(config)
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
fail_on = "warning"
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
        assert_eq!(config.type_mapping["DateTimeOffset"], "String");
        assert_eq!(config.type_attributes["*"], ["#[derive(Hash)]"]);
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let err = Config::parse("input = [\"docs\"]\nroot = [\"x\"]\n").unwrap_err();
        assert!(err.starts_with("2:1: "), "{err}");
        assert!(err.contains("unknown field `root`"), "{err}");
    }
}
