//! `msgraph-docgen diff` as a user runs it: git revisions, colour, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docgen(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_msgraph-docgen"));
    command
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A scratch git repository with two commits of a docs tree, removed on drop.
struct Repo(PathBuf);

impl Repo {
    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.0)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    }

    fn write(&self, path: &str, bytes: &[u8]) {
        let file = self.0.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }

    /// Commit 1: the founding page. Commit 2: the page without `passcode`, plus a page that is
    /// not UTF-8, and a page outside `docs/`.
    fn founding(name: &str) -> Repo {
        let dir =
            std::env::temp_dir().join(format!("docgen-cli-diff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let repo = Repo(dir);
        repo.git(&["init", "-q"]);
        let page = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../docs-input/intune-devices-resetpasscodeactionresult.md"),
        )
        .unwrap();
        let file = "docs/beta/intune-devices-resetpasscodeactionresult.md";
        repo.write(file, page.as_bytes());
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "one"]);
        let edited: String = page
            .lines()
            .filter(|l| !l.starts_with("|passcode|") && !l.contains("\"passcode\""))
            .map(|l| format!("{l}\n"))
            .collect();
        repo.write(file, edited.as_bytes());
        repo.write("docs/beta/broken.md", b"# broken\n\xff\n");
        repo.write("elsewhere/other.md", page.as_bytes());
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "two"]);
        repo
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn git_revisions_are_diffed_without_a_checkout() {
    let repo = Repo::founding("revs");
    let out = docgen(
        &[
            "diff",
            "--git-repo",
            repo.path(),
            "HEAD~1",
            "HEAD",
            "docs",
            "--format",
            "json",
            "--fail-on",
            "error",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format_version"], 1);
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{report:#}");
    assert_eq!(changes[0]["property"], "passcode");
    assert_eq!(changes[0]["kind"], "property-removed");
    // Unreadable pages are named REV:path, on standard error.
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("HEAD:docs/beta/broken.md:2: error[io]: expected UTF-8 text"),
        "{stderr}"
    );

    // Without PATH, the whole tree: the page outside docs/ repeats the type with `passcode`
    // (a duplicate definition, whose extra properties are merged), so nothing was removed.
    let out = docgen(&["diff", "--git-repo", repo.path(), "HEAD~1", "HEAD"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("property-removed"), "{stdout}");
    // A revision against itself.
    let out = docgen(&["diff", "--git-repo", repo.path(), "HEAD", "HEAD"], &[]);
    assert_eq!(text(&out.stdout), "no changes\n");
}

/// Environment variables set for one run.
type Env<'a> = &'a [(&'a str, &'a str)];

#[test]
fn git_errors_are_clear_and_exit_2() {
    let repo = Repo::founding("errors");
    let plain = std::env::temp_dir().join(format!("docgen-cli-diff-plain-{}", std::process::id()));
    std::fs::create_dir_all(&plain).unwrap();
    let cases: Vec<(Vec<&str>, Env, String)> = vec![
        (
            vec!["--git-repo", plain.to_str().unwrap(), "HEAD~1", "HEAD"],
            &[],
            format!("error: {}: not a git repository", plain.display()),
        ),
        (
            vec!["--git-repo", repo.path(), "HEAD~1", "v9.9"],
            &[],
            format!(
                "error: v9.9: unknown revision in the git repository {}",
                repo.path()
            ),
        ),
        (
            vec!["--git-repo", repo.path(), "HEAD~1", "HEAD", "api-reference"],
            &[],
            "error: HEAD~1:api-reference: no `.md` pages found".to_owned(),
        ),
        (
            vec!["--git-repo", repo.path(), "HEAD~1", "HEAD"],
            &[("PATH", "/nonexistent")],
            "error: cannot run `git` (is it installed and on PATH?)".to_owned(),
        ),
    ];
    for (args, env, expected) in cases {
        let mut full = vec!["diff"];
        full.extend(&args);
        let out = docgen(&full, env);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with(&expected), "{args:?}: {stderr}");
    }
    let _ = std::fs::remove_dir_all(&plain);
    // PATH needs --git-repo.
    let out = docgen(&["diff", "a.json", "b.json", "docs"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--git-repo"));
}

#[test]
fn colour_when_forced_never_when_piped() {
    let repo = Repo::founding("colour");
    let args = ["diff", "--git-repo", repo.path(), "HEAD~1", "HEAD", "docs"];
    // Piped: plain text.
    let piped = text(&docgen(&args, &[]).stdout);
    assert!(piped.starts_with("microsoft.graph.resetPasscodeActionResult\n  error["));
    assert!(!piped.contains('\x1b'));
    // CLICOLOR_FORCE forces colour through the pipe; NO_COLOR wins over it.
    let forced = text(&docgen(&args, &[("CLICOLOR_FORCE", "1")]).stdout);
    assert!(forced.contains("\x1b[31merror\x1b[0m"), "{forced:?}");
    let no_color = text(&docgen(&args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).stdout);
    assert_eq!(no_color, piped);
    // Other formats never carry colour.
    let md = text(
        &docgen(
            &[&args[..], &["--format", "markdown"]].concat(),
            &[("CLICOLOR_FORCE", "1")],
        )
        .stdout,
    );
    assert!(md.starts_with("## Schema changes") && !md.contains('\x1b'));
}
