//! Reading input pages from files and directories, in a deterministic order.

use crate::diag::{Code, Diagnostic, Location};
use crate::parse::{parse_page, Page};
use std::fmt;
use std::path::{Path, PathBuf};

/// An input that cannot be used at all (as opposed to a page with problems, which is a
/// [`Diagnostic`]).
#[derive(Debug)]
pub enum InputError {
    /// A path does not exist or cannot be listed.
    Unreadable {
        /// The path.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The inputs hold no `.md` page.
    NoPages {
        /// The paths given.
        paths: Vec<PathBuf>,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Unreadable { path, error } => {
                write!(f, "{}: cannot read: {error}", path.display())
            }
            InputError::NoPages { paths } => {
                let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                write!(
                    f,
                    "{}: no `.md` pages found (expected Markdown resource pages)",
                    list.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Every `.md` file under the inputs (a file is taken as given), sorted and deduplicated, plus
/// the directories listed (for `cargo:rerun-if-changed`).
pub fn list_pages(inputs: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), InputError> {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|error| InputError::Unreadable {
            path: input.clone(),
            error,
        })?;
        if meta.is_dir() {
            walk(input, &mut files, &mut dirs)?;
        } else {
            files.push(input.clone());
        }
    }
    // One directory walked in name order comes out sorted already: the sorts are for several
    // inputs (comparing paths component by component was a third of reading a tree).
    if !files.is_sorted() {
        files.sort();
    }
    files.dedup();
    if !dirs.is_sorted() {
        dirs.sort();
    }
    dirs.dedup();
    if files.is_empty() {
        return Err(InputError::NoPages {
            paths: inputs.to_vec(),
        });
    }
    Ok((files, dirs))
}

/// Collects the `.md` files and the directories under `dir`, each directory's entries in the
/// order of their names: the order of the paths' components, so that one walk gives `files`
/// and `dirs` sorted.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, dirs: &mut Vec<PathBuf>) -> Result<(), InputError> {
    dirs.push(dir.to_path_buf());
    let entries = std::fs::read_dir(dir).map_err(|error| InputError::Unreadable {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut entries =
        entries
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| InputError::Unreadable {
                path: dir.to_path_buf(),
                error,
            })?;
    entries.sort_by_cached_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type().map_err(|error| InputError::Unreadable {
            path: path.clone(),
            error,
        })?;
        if kind.is_dir() {
            walk(&path, files, dirs)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads and parses one file. Unreadable, non-regular (FIFO, device) or non-UTF-8 files give a
/// page with an error diagnostic and no content (see [`parse_source`]).
pub fn read_page(path: &Path) -> Page {
    let name = path.display().to_string();
    // A FIFO, socket or device would block the read or never end: only regular files are read.
    if let Ok(meta) = std::fs::metadata(path) {
        let kind = meta.file_type();
        if !kind.is_file() && !kind.is_dir() {
            let message = "expected a regular file, found a FIFO, socket or device; page skipped";
            return failed_page(&name, message.to_owned(), 0);
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => parse_source(&name, &bytes),
        Err(e) => failed_page(&name, format!("cannot read: {e}"), 0),
    }
}

/// Parses one page held in memory (read from a file, a git object, ...). `name` is what
/// diagnostics call the file; its file stem is the page's stem (how other pages link to it).
/// Non-UTF-8 content gives a page with an error diagnostic (naming the line of the first bad
/// byte) and no content.
pub fn parse_source(name: &str, bytes: &[u8]) -> Page {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_page(name, text),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            failed_page(
                name,
                format!(
                    "expected UTF-8 text, found an invalid byte at offset {valid}; page skipped"
                ),
                line,
            )
        }
    }
}

/// An empty page carrying one `io` error diagnostic.
fn failed_page(name: &str, message: String, line: u32) -> Page {
    let mut page = parse_page(name, "");
    page.diagnostics.push(Diagnostic::new(
        Code::Io,
        Location {
            file: name.into(),
            line,
            column: 0,
        },
        message,
    ));
    page
}

/// Lists and parses every page of the inputs. Pages are parsed on all cores; the result is in
/// path order whatever the scheduling.
pub fn read_pages(inputs: &[PathBuf]) -> Result<Vec<Page>, InputError> {
    let (files, _) = list_pages(inputs)?;
    Ok(parse_files(&files))
}

/// Parses the given files (in parallel), returning pages in the order of `files`.
pub fn parse_files(files: &[PathBuf]) -> Vec<Page> {
    parse_files_with_progress(files, &|| {})
}

/// [`parse_files`], calling `done` once after each page is parsed (from any thread), so a
/// front end can show progress.
pub fn parse_files_with_progress(files: &[PathBuf], done: &(dyn Fn() + Sync)) -> Vec<Page> {
    crate::parallel::map_in_order(files, 64, |f| {
        let page = read_page(f);
        done();
        page
    })
}

/// Parses in-memory pages given as `(name, content)` (in parallel; see [`parse_source`]),
/// returning pages in the order given.
pub fn parse_sources(sources: &[(String, Vec<u8>)]) -> Vec<Page> {
    crate::parallel::map_in_order(sources, 64, |(name, bytes)| parse_source(name, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_pages_take_their_stem_from_the_name() {
        let page = parse_source(
            "HEAD~1:api-reference/beta/resources/intune-shared-actionstate.md",
            b"# actionState enum type\n",
        );
        assert_eq!(page.stem, "intune-shared-actionstate");
        assert!(page.diagnostics.iter().all(|d| d.code != Code::Io));
    }

    #[test]
    fn invalid_utf8_is_an_io_error_on_its_line() {
        let page = parse_source("rev:x.md", b"# t\nok \xff\n");
        let d = page
            .diagnostics
            .iter()
            .find(|d| d.code == Code::Io)
            .expect("an io diagnostic");
        assert_eq!((&*d.location.file, d.location.line), ("rev:x.md", 2));
        assert!(d.message.contains("offset 7"), "{}", d.message);
    }

    #[test]
    fn a_walked_tree_lists_its_paths_in_path_order() {
        let root = tempfile::tempdir().expect("a temporary directory");
        // `a` sorts before `a.md` and `a-b` as a component, after them as bytes of a path.
        for dir in ["a", "a-b", "a/c", "B"] {
            std::fs::create_dir_all(root.path().join(dir)).expect("a directory");
        }
        for file in [
            "a.md", "a-b.md", "a/x.md", "a/c/y.md", "a-b/z.md", "B/w.MD", "b.md", "a/n.txt",
        ] {
            std::fs::write(root.path().join(file), "# t\n").expect("a page");
        }
        // The walk alone gives path order (the sorts after it are for several inputs).
        let (mut files, mut dirs) = (Vec::new(), Vec::new());
        walk(root.path(), &mut files, &mut dirs).expect("a walk");
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
        assert_eq!(files.len(), 7);
        let mut sorted = dirs.clone();
        sorted.sort();
        assert_eq!(dirs, sorted);
        assert_eq!(dirs.len(), 5);
        // Two inputs, the second before the first and overlapping it: sorted, deduplicated.
        let inputs = [
            root.path().join("b.md"),
            root.path().join("a"),
            root.path().join("a"),
        ];
        let (files, _) = list_pages(&inputs).expect("pages");
        let names: Vec<&Path> = (files.iter())
            .map(|f| f.strip_prefix(root.path()).expect("inside"))
            .collect();
        assert_eq!(
            names,
            [
                Path::new("a/c/y.md"),
                Path::new("a/x.md"),
                Path::new("b.md")
            ]
        );
    }

    #[test]
    fn sources_keep_their_order() {
        let sources: Vec<(String, Vec<u8>)> = (0..100)
            .map(|i| (format!("p{i:03}.md"), b"# x\n".to_vec()))
            .collect();
        let pages = parse_sources(&sources);
        let names: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        let expected: Vec<&str> = sources.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, expected);
    }
}
