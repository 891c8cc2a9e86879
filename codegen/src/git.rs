//! Reading docs pages from a revision of a git repository, without a checkout.
//!
//! Runs the `git` command (it must be on `PATH`): `rev-parse` resolves the revision to a tree,
//! `ls-tree -r -z` lists the `*.md` files under a path, and a single `cat-file --batch` reads
//! them all. The pages then go through the same parser as files on disk
//! ([`input::parse_sources`]). Each page is named `REV:path` (the revision as given, the path
//! from the repository root), the form `git show` accepts, so diagnostics point at
//! `HEAD~3:api-reference/beta/resources/user.md:12:1`.

use crate::diag::{Code, Diagnostic, Location};
use crate::input;
use crate::parse::{parse_page, Page};
use crate::schema::{self, Schema};
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a revision could not be read at all (as opposed to a page with problems, which is a
/// [`Diagnostic`]).
#[derive(Debug)]
pub enum GitError {
    /// The `git` command could not be started.
    GitMissing {
        /// The OS error.
        error: std::io::Error,
    },
    /// The directory is not (inside) a git repository, or cannot be entered.
    NotARepository {
        /// The directory given.
        dir: PathBuf,
        /// What git said.
        message: String,
    },
    /// The revision does not name a commit or tree of the repository.
    UnknownRevision {
        /// The directory given.
        dir: PathBuf,
        /// The revision given.
        rev: String,
    },
    /// The revision holds no `.md` file under the path.
    NoPages {
        /// The revision given.
        rev: String,
        /// The path given (empty for the root).
        path: String,
    },
    /// A git command failed, or its output was not what it documents.
    Failed {
        /// The command line, for the message.
        command: String,
        /// What went wrong (git's own message when it gave one).
        message: String,
    },
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::GitMissing { error } => {
                write!(
                    f,
                    "cannot run `git` (is it installed and on PATH?): {error}"
                )
            }
            GitError::NotARepository { dir, message } if message.is_empty() => {
                write!(f, "{}: not a git repository", dir.display())
            }
            GitError::NotARepository { dir, message } => write!(f, "{}: {message}", dir.display()),
            GitError::UnknownRevision { dir, rev } => write!(
                f,
                "{rev}: unknown revision in the git repository {} (expected a commit, tag, \
                 branch or tree)",
                dir.display()
            ),
            GitError::NoPages { rev, path } => write!(
                f,
                "{rev}:{path}: no `.md` pages found (expected Markdown resource pages)"
            ),
            GitError::Failed { command, message } => write!(f, "`{command}` failed: {message}"),
        }
    }
}

impl std::error::Error for GitError {}

/// A git repository, read through the `git` command.
#[derive(Debug, Clone)]
pub struct Repo {
    dir: PathBuf,
}

/// One `*.md` file of a tree, as `ls-tree` lists it.
struct Entry {
    /// The path from the repository root.
    path: String,
    /// The blob id.
    oid: String,
    /// False for a symbolic link (its blob is the link target, not a page).
    regular: bool,
}

impl Repo {
    /// Opens the repository containing `dir` (a work tree, a subdirectory of one, or a bare
    /// repository), checking that git runs and recognises it.
    pub fn open(dir: &Path) -> Result<Repo, GitError> {
        let repo = Repo {
            dir: dir.to_path_buf(),
        };
        let out = repo.run(&["rev-parse", "--git-dir"], None)?;
        if !out.status.success() {
            return Err(GitError::NotARepository {
                dir: repo.dir,
                message: stderr_text(&out.stderr),
            });
        }
        Ok(repo)
    }

    /// Reads the raw content of every `*.md` file under `path` (from the repository root; empty
    /// for the whole tree) at revision `rev`, as `(REV:path, bytes)` sorted by path. Symbolic
    /// links are not followed: they are returned with no content and listed by
    /// [`Repo::read_pages`] as `io` errors.
    pub fn read_sources(&self, rev: &str, path: &str) -> Result<Vec<(String, Vec<u8>)>, GitError> {
        let (entries, contents) = self.read_entries(rev, path)?;
        Ok(entries
            .into_iter()
            .zip(contents)
            .map(|(e, bytes)| (format!("{rev}:{}", e.path), bytes))
            .collect())
    }

    /// Parses every `*.md` page under `path` at revision `rev` (see [`Repo::read_sources`]),
    /// in path order.
    pub fn read_pages(&self, rev: &str, path: &str) -> Result<Vec<Page>, GitError> {
        let (entries, contents) = self.read_entries(rev, path)?;
        let mut sources = Vec::with_capacity(entries.len());
        let mut links = Vec::new();
        for (i, (e, bytes)) in entries.iter().zip(contents).enumerate() {
            if e.regular {
                sources.push((format!("{rev}:{}", e.path), bytes));
            } else {
                links.push((i, format!("{rev}:{}", e.path)));
            }
        }
        let mut pages = input::parse_sources(&sources);
        for (i, name) in links {
            let mut page = parse_page(&name, "");
            page.diagnostics.push(Diagnostic::new(
                Code::Io,
                Location::file(&name),
                "a symbolic link in git; not followed, page skipped",
            ));
            pages.insert(i, page);
        }
        Ok(pages)
    }

    /// Lists the `*.md` entries under `path` at `rev` and reads their blobs.
    fn read_entries(&self, rev: &str, path: &str) -> Result<(Vec<Entry>, Vec<Vec<u8>>), GitError> {
        let tree = self.resolve_tree(rev)?;
        let path = normalize(path);
        let entries = self.list(&tree, path)?;
        if entries.is_empty() {
            return Err(GitError::NoPages {
                rev: rev.to_owned(),
                path: path.to_owned(),
            });
        }
        let oids: Vec<&str> = entries
            .iter()
            .filter(|e| e.regular)
            .map(|e| e.oid.as_str())
            .collect();
        let mut blobs = self.cat_blobs(&oids)?.into_iter();
        let contents = entries
            .iter()
            .map(|e| {
                if e.regular {
                    blobs.next().unwrap_or_default()
                } else {
                    Vec::new()
                }
            })
            .collect();
        Ok((entries, contents))
    }

    /// The tree id of `rev`.
    fn resolve_tree(&self, rev: &str) -> Result<String, GitError> {
        let unknown = || GitError::UnknownRevision {
            dir: self.dir.clone(),
            rev: rev.to_owned(),
        };
        // A leading dash would be read as an option.
        if rev.is_empty() || rev.starts_with('-') {
            return Err(unknown());
        }
        let spec = format!("{rev}^{{tree}}");
        let out = self.run(&["rev-parse", "--verify", "--quiet", &spec], None)?;
        if !out.status.success() {
            return Err(unknown());
        }
        let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.failed(&["rev-parse", &spec], format!("unexpected output {id:?}")));
        }
        Ok(id)
    }

    /// The `*.md` files (case-insensitive extension) of `tree` under `path`, sorted by path.
    /// Submodules are not entered.
    fn list(&self, tree: &str, path: &str) -> Result<Vec<Entry>, GitError> {
        let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", tree];
        if !path.is_empty() {
            args.extend(["--", path]);
        }
        let out = self.run(&args, None)?;
        if !out.status.success() {
            return Err(self.failed(&args, stderr_text(&out.stderr)));
        }
        let mut entries = Vec::new();
        for record in out.stdout.split(|&b| b == 0).filter(|r| !r.is_empty()) {
            let record = String::from_utf8_lossy(record);
            // `<mode> SP <type> SP <object> TAB <file>`
            let parsed = record.split_once('\t').and_then(|(meta, file)| {
                let mut meta = meta.split(' ');
                Some((meta.next()?, meta.next()?, meta.next()?, file))
            });
            let Some((mode, kind, oid, file)) = parsed else {
                return Err(self.failed(&args, format!("unexpected entry {record:?}")));
            };
            let is_md = Path::new(file)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"));
            if kind != "blob" || !is_md {
                continue;
            }
            entries.push(Entry {
                path: file.to_owned(),
                oid: oid.to_owned(),
                regular: mode != "120000",
            });
        }
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(entries)
    }

    /// The contents of the blobs, in the order given, through one `git cat-file --batch`.
    fn cat_blobs(&self, oids: &[&str]) -> Result<Vec<Vec<u8>>, GitError> {
        if oids.is_empty() {
            return Ok(Vec::new());
        }
        let request: String = oids.iter().map(|o| format!("{o}\n")).collect();
        let args = ["cat-file", "--batch"];
        let out = self.run(&args, Some(request.as_bytes()))?;
        if !out.status.success() {
            return Err(self.failed(&args, stderr_text(&out.stderr)));
        }
        // Each answer is `<oid> SP <type> SP <size> LF <contents> LF`.
        let mut rest = out.stdout.as_slice();
        let mut blobs = Vec::with_capacity(oids.len());
        for oid in oids {
            let header_end = rest
                .iter()
                .position(|&b| b == b'\n')
                .ok_or_else(|| self.failed(&args, format!("output ended before the blob {oid}")))?;
            let header = String::from_utf8_lossy(&rest[..header_end]).into_owned();
            let size = match header.split(' ').collect::<Vec<_>>()[..] {
                [id, "blob", size] if id == *oid => size.parse::<usize>().ok(),
                _ => None,
            };
            let body_start = header_end + 1;
            let Some(size) = size.filter(|s| body_start + s < rest.len()) else {
                return Err(self.failed(
                    &args,
                    format!("unexpected answer {header:?} for the blob {oid}"),
                ));
            };
            blobs.push(rest[body_start..body_start + size].to_vec());
            rest = &rest[body_start + size + 1..];
        }
        Ok(blobs)
    }

    /// Runs `git -C DIR args...`, feeding `input` to its standard input.
    fn run(&self, args: &[&str], input: Option<&[u8]>) -> Result<std::process::Output, GitError> {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            // The repository is the one given, whatever the caller's environment says.
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .map_err(|error| GitError::GitMissing { error })?;
        let writer = match (input, child.stdin.take()) {
            (Some(bytes), Some(mut stdin)) => {
                let bytes = bytes.to_vec();
                // Written from another thread: git answers while it reads.
                Some(std::thread::spawn(move || stdin.write_all(&bytes)))
            }
            _ => None,
        };
        let out = child
            .wait_with_output()
            .map_err(|e| self.failed(args, e.to_string()))?;
        if let Some(writer) = writer {
            match writer.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) if out.status.success() => return Err(self.failed(args, e.to_string())),
                // A failing git closes its input early; its own message says more.
                Ok(Err(_)) => {}
                Err(_) => return Err(self.failed(args, "the input writer panicked".into())),
            }
        }
        Ok(out)
    }

    fn failed(&self, args: &[&str], message: String) -> GitError {
        GitError::Failed {
            command: format!("git -C {} {}", self.dir.display(), args.join(" ")),
            message,
        }
    }
}

/// Reads the pages under `path` at `rev` in the repository containing `dir` and builds their
/// schema: the git counterpart of [`crate::schema_of`].
pub fn schema_at(dir: &Path, rev: &str, path: &str) -> Result<Schema, GitError> {
    let pages = Repo::open(dir)?.read_pages(rev, path)?;
    Ok(schema::build(pages))
}

/// `./a/b/` → `a/b`; `.` and `/` → the root (empty).
fn normalize(path: &str) -> &str {
    let mut p = path.trim_end_matches('/');
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    if p == "." {
        ""
    } else {
        p
    }
}

fn stderr_text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    text.strip_prefix("fatal: ").unwrap_or(text).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch repository in the temporary directory, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir =
                std::env::temp_dir().join(format!("docgen-git-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let s = Scratch(dir);
            s.git(&["init", "-q"]);
            s
        }

        fn git(&self, args: &[&str]) {
            let out = Command::new("git")
                .arg("-C")
                .arg(&self.0)
                .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
                .args(args)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "git {args:?}: {}",
                stderr_text(&out.stderr)
            );
        }

        fn write(&self, path: &str, text: &str) {
            let file = self.0.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }

        fn commit(&self, message: &str) {
            self.git(&["add", "-A"]);
            self.git(&["commit", "-q", "-m", message]);
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const PAGE: &str = "# t resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| a | String | A. |\n";

    fn names(pages: &[Page]) -> Vec<&str> {
        pages.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn reads_each_revision_without_a_checkout() {
        let s = Scratch::new("revisions");
        s.write("docs/beta/t.md", PAGE);
        s.write("docs/beta/notes.txt", "not a page");
        s.write("other/u.md", PAGE);
        s.commit("one");
        s.write("docs/beta/v.MD", PAGE);
        s.write("docs/beta/t.md", &PAGE.replace("| a |", "| b |"));
        s.commit("two");
        // The work tree changes after the commits: only the revisions count.
        s.write("docs/beta/t.md", "uncommitted");

        let repo = Repo::open(&s.0).unwrap();
        let old = repo.read_pages("HEAD~1", "docs").unwrap();
        assert_eq!(names(&old), ["HEAD~1:docs/beta/t.md"]);
        let new = repo.read_pages("HEAD", "./docs/beta/").unwrap();
        assert_eq!(names(&new), ["HEAD:docs/beta/t.md", "HEAD:docs/beta/v.MD"]);
        assert_eq!(new[0].stem, "t");
        let sources = repo.read_sources("HEAD", "").unwrap();
        let paths: Vec<&str> = sources.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            paths,
            [
                "HEAD:docs/beta/t.md",
                "HEAD:docs/beta/v.MD",
                "HEAD:other/u.md"
            ]
        );
        assert_eq!(sources[0].1, PAGE.replace("| a |", "| b |").into_bytes());

        // From a subdirectory, the path is still from the repository root.
        let sub = Repo::open(&s.0.join("other")).unwrap();
        assert_eq!(sub.read_pages("HEAD", "other").unwrap().len(), 1);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let s = Scratch::new("errors");
        s.write("docs/t.md", PAGE);
        s.commit("one");
        let repo = Repo::open(&s.0).unwrap();
        for rev in ["no-such-branch", "-p", "", "HEAD~5"] {
            let e = repo.read_pages(rev, "").unwrap_err();
            assert!(matches!(e, GitError::UnknownRevision { .. }), "{rev}: {e}");
            assert!(e
                .to_string()
                .starts_with(&format!("{rev}: unknown revision")));
        }
        let e = repo.read_pages("HEAD", "nowhere/").unwrap_err();
        assert_eq!(
            e.to_string(),
            "HEAD:nowhere: no `.md` pages found (expected Markdown resource pages)"
        );

        let plain = std::env::temp_dir().join(format!("docgen-git-plain-{}", std::process::id()));
        std::fs::create_dir_all(&plain).unwrap();
        let e = Repo::open(&plain).unwrap_err();
        let _ = std::fs::remove_dir_all(&plain);
        assert!(matches!(e, GitError::NotARepository { .. }), "{e}");
        assert!(e.to_string().contains("not a git repository"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_reported_not_followed() {
        let s = Scratch::new("symlink");
        s.write("t.md", PAGE);
        std::os::unix::fs::symlink("t.md", s.0.join("alias.md")).unwrap();
        s.commit("one");
        let pages = Repo::open(&s.0).unwrap().read_pages("HEAD", "").unwrap();
        assert_eq!(names(&pages), ["HEAD:alias.md", "HEAD:t.md"]);
        let d = &pages[0].diagnostics[0];
        assert_eq!((d.code, &*d.location.file), (Code::Io, "HEAD:alias.md"));
        assert!(pages[1].diagnostics.iter().all(|d| d.code != Code::Io));
    }

    #[test]
    fn paths_are_normalized() {
        assert_eq!(normalize("./a/b/"), "a/b");
        assert_eq!(normalize("."), "");
        assert_eq!(normalize("/"), "");
        assert_eq!(normalize("a"), "a");
    }
}
