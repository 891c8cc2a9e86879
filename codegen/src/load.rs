//! Schemas from what a command is pointed at besides docs pages: a saved schema JSON file, or a
//! revision of a git repository (the two sides of `diff`).

use crate::git::GitError;
use crate::input::InputError;
use crate::schema::Schema;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};

/// A schema that cannot be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// Docs pages that cannot be read (see [`crate::schema_of`]).
    Input(InputError),
    /// A revision of a git repository that cannot be read.
    Git(GitError),
    /// A git revision given as a path that is not UTF-8.
    RevisionNotUtf8(OsString),
    /// A schema JSON file that cannot be read.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// A file that is not schema JSON.
    NotSchemaJson {
        /// The file.
        path: PathBuf,
        /// The parser's error, with its line and column.
        error: serde_json::Error,
    },
    /// The English reference (`--reference`) cannot be loaded.
    Reference(Box<LoadError>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Input(e) => e.fmt(f),
            LoadError::Git(e) => e.fmt(f),
            LoadError::RevisionNotUtf8(rev) => write!(
                f,
                "{}: a git revision must be UTF-8",
                Path::new(rev).display()
            ),
            LoadError::Unreadable { path, error } => {
                write!(f, "{}: cannot read: {error}", path.display())
            }
            LoadError::NotSchemaJson { path, error } => write!(
                f,
                "{}:{}:{}: expected schema JSON (format_version 1): {error}",
                path.display(),
                error.line(),
                error.column()
            ),
            LoadError::Reference(e) => write!(f, "the English reference: {e}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<InputError> for LoadError {
    fn from(e: InputError) -> LoadError {
        LoadError::Input(e)
    }
}

impl From<GitError> for LoadError {
    fn from(e: GitError) -> LoadError {
        LoadError::Git(e)
    }
}

/// The schema saved in a `.json` file (the `schema` command's output), or else built from the
/// docs pages at `path` (a page or a directory of pages).
pub fn schema_from_path(path: &Path) -> Result<Schema, LoadError> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Ok(crate::schema_of(&[path.to_path_buf()])?);
    }
    let text = std::fs::read_to_string(path).map_err(|error| LoadError::Unreadable {
        path: path.to_owned(),
        error,
    })?;
    serde_json::from_str(&text).map_err(|error| LoadError::NotSchemaJson {
        path: path.to_owned(),
        error,
    })
}

/// `schema` (of a translated tree) corrected by the English reference at `reference` — docs
/// pages or a saved schema JSON file, read as [`schema_from_path`] reads them — with
/// [`apply_reference`](crate::schema::apply_reference); `schema` itself when there is none.
pub fn with_reference(schema: Schema, reference: Option<&Path>) -> Result<Schema, LoadError> {
    let Some(path) = reference else {
        return Ok(schema);
    };
    Ok(crate::schema::apply_reference(
        schema,
        &reference_schema(path)?,
    ))
}

/// The schema of an English reference (docs pages or a saved schema JSON, read as
/// [`schema_from_path`] reads them), its errors marked [`LoadError::Reference`]: for a front end
/// that reads it once and applies it to several schemas, or before the slow part.
pub fn reference_schema(path: &Path) -> Result<Schema, LoadError> {
    schema_from_path(path).map_err(|e| LoadError::Reference(Box::new(e)))
}

/// The schema of the `*.md` pages under `path` (empty: the whole tree) at revision `rev` of the
/// git repository `repo`. `rev` is taken as given on a command line, and must be UTF-8.
pub fn schema_at_revision(repo: &Path, rev: &OsStr, path: &str) -> Result<Schema, LoadError> {
    let rev = rev
        .to_str()
        .ok_or_else(|| LoadError::RevisionNotUtf8(rev.to_owned()))?;
    Ok(crate::git::schema_at(repo, rev, path)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_schema_reads_back() {
        let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input");
        let schema = schema_from_path(Path::new(pages)).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join("schema.JSON");
        std::fs::write(&saved, schema.to_json()).unwrap();
        assert_eq!(schema_from_path(&saved).unwrap(), schema);
    }

    #[test]
    fn errors_name_the_file_and_where() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{bad").unwrap();
        let err = schema_from_path(&bad).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "{}:1:2: expected schema JSON (format_version 1): key must be a string at line 1 column 2",
                bad.display()
            )
        );
        let missing = dir.path().join("missing.json");
        let err = schema_from_path(&missing).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: cannot read: ", missing.display())),
            "{err}"
        );
        let err = schema_from_path(&dir.path().join("pages")).unwrap_err();
        assert!(matches!(err, LoadError::Input(_)), "{err}");
    }

    #[test]
    fn a_reference_is_applied_when_given_and_named_when_it_fails() {
        let pages = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input"));
        let schema = schema_from_path(pages).unwrap();
        assert_eq!(with_reference(schema.clone(), None).unwrap(), schema);
        // The English tree as its own reference changes nothing.
        assert_eq!(with_reference(schema.clone(), Some(pages)).unwrap(), schema);
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.json");
        let err = with_reference(schema, Some(&missing)).unwrap_err();
        assert!(matches!(err, LoadError::Reference(_)), "{err}");
        assert!(
            err.to_string().starts_with(&format!(
                "the English reference: {}: cannot read: ",
                missing.display()
            )),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_revision_must_be_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let err = schema_at_revision(Path::new("."), OsStr::from_bytes(b"v\xff"), "").unwrap_err();
        assert!(matches!(err, LoadError::RevisionNotUtf8(_)), "{err}");
        assert!(err.to_string().ends_with(": a git revision must be UTF-8"));
    }
}
