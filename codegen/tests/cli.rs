//! The command line as a user runs it: exit codes, messages, files written or not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msgraph-docgen"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .output()
        .expect("binary runs")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docgen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_on_the_founding_input_reports_the_reconstructions_and_succeeds() {
    let out = docgen(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("docs-input/intune-devices-resetpasscodeactionresult.md:26:1: warning[reconstructed-type]"), "{stdout}");
    assert!(stdout.contains("3 types; 0 errors, 2 warnings"), "{stdout}");
}

#[test]
fn schema_prints_versioned_json() {
    let out = docgen(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["types"][2]["name"], "resetPasscodeActionResult");
}

#[test]
fn a_missing_input_is_a_usage_error_naming_the_path() {
    let out = docgen(&["check", "--input", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no/such/dir: cannot read"),
        "{}",
        text(&out.stderr)
    );
    let empty = temp("empty");
    let out = docgen(&["check", "--input", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no `.md` pages found"));
}

#[test]
fn non_utf8_pages_are_errors_with_file_and_line() {
    let dir = temp("utf8");
    std::fs::write(dir.join("bad.md"), b"# Title\n\nok line\n\xff\xfe broken\n").unwrap();
    let out = docgen(&["check", "--input", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("bad.md:4: error[io]: expected UTF-8 text"),
        "{stdout}"
    );
}

#[test]
fn generate_writes_and_check_mode_detects_staleness_without_writing() {
    let dir = temp("generate");
    let out_dir = dir.join("src");
    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file = out_dir.join("msgraph_types.rs");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("pub struct ResetPasscodeActionResult"));
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        1,
        "no temporary file left behind"
    );

    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap(), "--check"]);
    assert_eq!(out.status.code(), Some(0));

    std::fs::write(&file, "// edited by hand\n").unwrap();
    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap(), "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("stale:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "// edited by hand\n",
        "--check never writes"
    );
}

#[test]
fn split_output_is_written_checked_and_cleaned_up() {
    let dir = temp("split");
    let out_dir = dir.join("src");
    let out = out_dir.to_str().unwrap();
    let generate = |extra: &[&str]| {
        let mut args = vec!["generate", "--out", out];
        args.extend_from_slice(extra);
        docgen(&args)
    };
    let result = generate(&["--split-above", "0"]);
    assert_eq!(result.status.code(), Some(0), "{}", text(&result.stderr));
    assert!(
        text(&result.stderr).contains("and 4 parts"),
        "{}",
        text(&result.stderr)
    );
    let index = std::fs::read_to_string(out_dir.join("msgraph_types.rs")).unwrap();
    assert!(
        index.contains("include!(\"msgraph_types/reset.rs\");\n"),
        "{index}"
    );
    let parts = out_dir.join("msgraph_types");
    let mut names: Vec<String> = std::fs::read_dir(&parts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["action.rs", "device.rs", "module_support.rs", "reset.rs"]
    );
    let reset = std::fs::read_to_string(parts.join("reset.rs")).unwrap();
    assert!(
        reset.contains("pub struct ResetPasscodeActionResult"),
        "{reset}"
    );
    assert!(generate(&["--split-above", "0", "--check"])
        .status
        .success());

    // An edited part and a part left from another run are both stale, and named.
    std::fs::write(parts.join("device.rs"), "// edited by hand\n").unwrap();
    let leftover = parts.join("windows.rs");
    std::fs::write(&leftover, "// @generated by msgraph-docgen. Old.\n").unwrap();
    let result = generate(&["--split-above", "0", "--check"]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("device.rs differs"), "{stderr}");
    assert!(stderr.contains("windows.rs differs"), "{stderr}");
    assert!(!stderr.contains("reset.rs differs"), "{stderr}");

    // Regenerating mends the part and removes the leftover; a file of the user's stays.
    std::fs::write(parts.join("notes.md"), "mine").unwrap();
    assert!(generate(&["--split-above", "0"]).status.success());
    assert!(!leftover.exists());
    assert!(generate(&["--split-above", "0", "--check"])
        .status
        .success());

    // Back to one file (the default threshold): the parts are removed.
    assert!(generate(&[]).status.success());
    assert!(!parts.join("reset.rs").exists());
    assert!(parts.join("notes.md").exists());
    let one = std::fs::read_to_string(out_dir.join("msgraph_types.rs")).unwrap();
    assert!(one.contains("pub struct ResetPasscodeActionResult"));
    assert!(generate(&["--check"]).status.success());
    // The old layout is stale for the split one.
    assert_eq!(
        generate(&["--split-above", "0", "--check"]).status.code(),
        Some(1)
    );
}

#[test]
fn diff_compares_a_saved_schema_with_pages_and_fails_on_request() {
    let dir = temp("diff");
    let saved = dir.join("old.json");
    let out = docgen(&["schema"]);
    std::fs::write(&saved, &out.stdout).unwrap();
    // Same docs: no change, exit 0 even with --fail-on warning.
    let out = docgen(&[
        "diff",
        saved.to_str().unwrap(),
        "docs-input",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("no changes"),
        "{}",
        text(&out.stdout)
    );
    // A property removed from the page breaks writers: an error.
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../docs-input/intune-devices-resetpasscodeactionresult.md"),
    )
    .unwrap();
    let edited: String = page
        .lines()
        .filter(|l| !l.starts_with("|passcode|") && !l.contains("\"passcode\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let new = dir.join("intune-devices-resetpasscodeactionresult.md");
    std::fs::write(&new, edited).unwrap();
    let out = docgen(&[
        "diff",
        saved.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "error",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let change = &report["changes"][0];
    assert_eq!(change["type"], "microsoft.graph.resetPasscodeActionResult");
    assert_eq!(change["property"], "passcode");
    assert_eq!(change["kind"], "property-removed");
    assert_eq!(change["severity"], "error");
}

/// A tree of `n` small pages: one per overview, plus `bad.md` with a broken JSON block.
fn tree_of_pages(name: &str, n: usize) -> PathBuf {
    let dir = temp(name);
    for i in 0..n {
        std::fs::write(
            dir.join(format!("overview{i:03}.md")),
            "# Overview\n\nNothing here.\n",
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("bad.md"),
        "# x resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{ \"a\": NAV.Thing }\n```\n",
    )
    .unwrap();
    dir
}

#[test]
fn check_json_is_the_documented_report_and_errors_exit_1() {
    let dir = tree_of_pages("report-json", 70);
    let out = docgen(&[
        "check",
        "--input",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "",
        "no progress bar when stderr is not a terminal"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["pages"]["total"], 71);
    assert_eq!(v["pages"]["resource"], 1);
    assert_eq!(v["pages"]["not_a_type_page"], 70);
    assert_eq!(v["types"]["total"], 1);
    assert_eq!(v["diagnostics"]["by_severity"]["error"], 1);
    let groups = v["diagnostics"]["by_code"].as_array().unwrap();
    assert_eq!(groups[0]["code"], "bad-json-block");
    assert_eq!(groups[0]["examples"][0]["line"], 11);
    assert_eq!(groups[1]["code"], "not-a-type-page");
    assert_eq!(groups[1]["count"], 70);
    assert_eq!(groups[1]["examples"].as_array().unwrap().len(), 3);
    assert_eq!(groups[1]["omitted"], 67);
}

#[test]
fn check_verbose_lists_every_diagnostic_under_its_code() {
    let dir = tree_of_pages("report-verbose", 5);
    let out = docgen(&["check", "--input", dir.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("not-a-type-page      5  in 5 files"),
        "{stdout}"
    );
    assert!(
        stdout.contains("... and 2 more (--verbose lists all)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("pages            6  1 resource, 0 enum, 0 multi-enum, 5 not a type page"),
        "{stdout}"
    );
    let out = docgen(&["check", "--input", dir.to_str().unwrap(), "--verbose"]);
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.matches("info[not-a-type-page]").count(),
        5,
        "{stdout}"
    );
    assert!(!stdout.contains("more (--verbose"), "{stdout}");
}

/// The founding page, as committed.
fn founding() -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../docs-input/intune-devices-resetpasscodeactionresult.md"),
    )
    .unwrap()
}

/// A minimal resource page declaring `microsoft.graph.{name}` (with a base, if given).
fn resource(name: &str, base: Option<&str>) -> String {
    let base_type = base.map_or(String::new(), |b| {
        format!(", \"baseType\": \"microsoft.graph.{b}\"")
    });
    let sentence = base.map_or(String::new(), |b| format!("Inherits from [{b}]({b}.md).\n"));
    format!(
        "# {name} resource type\n\n{sentence}\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|p{name}|String|x|\n\n## JSON representation\n<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"{base_type}}} -->\n```json\n{{\"p{name}\": \"String\"}}\n```\n"
    )
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.push(path.clone());
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn a_directory_without_pages_names_what_was_given() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a page").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let out = docgen(&["generate", "--input", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{}: no `.md` pages found", dir.path().display())),
        "{stderr}"
    );
}

#[test]
fn unreadable_pages_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.md"), founding()).unwrap();
    // A dangling link: listed, then unreadable.
    std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("gone.md")).unwrap();
    // A FIFO would block a reader forever: it must be refused, not read.
    let fifo = dir.path().join("pipe.md");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made_fifo {
        eprintln!("SKIPPED the FIFO case: mkfifo unavailable");
    }
    let out = docgen(&["check", "--input", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("gone.md: error[io]: cannot read: No such file or directory"),
        "{stdout}"
    );
    if made_fifo {
        assert!(
            stdout.contains("pipe.md: error[io]: expected a regular file, found a FIFO"),
            "{stdout}"
        );
    }
    // The readable page still counts.
    assert!(stdout.contains("3 types; "), "{stdout}");
}

#[test]
fn generate_names_the_errors_behind_missing_data() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.md"), founding()).unwrap();
    std::fs::write(dir.path().join("bad.md"), b"# T\n\xc3\x28\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = docgen(&[
        "generate",
        "--input",
        dir.path().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    // The output is still written (from the readable pages), but the error is named.
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "bad.md:2: error[io]: expected UTF-8 text, found an invalid byte at offset 4"
        ),
        "{stderr}"
    );
    assert!(out_dir.join("msgraph_types.rs").is_file());
}

#[test]
fn a_bom_and_crlf_line_endings_give_the_same_schema_as_the_clean_page() {
    let clean = founding();
    let mut crlf = Vec::new();
    for &b in &clean {
        if b == b'\n' {
            crlf.push(b'\r');
        }
        crlf.push(b);
    }
    let mut bom_crlf = b"\xef\xbb\xbf".to_vec();
    bom_crlf.extend_from_slice(&crlf);
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(&clean);
    let schema = |bytes: &[u8], variant: &str| {
        let dir = tempfile::tempdir().unwrap();
        let page = dir
            .path()
            .join("intune-devices-resetpasscodeactionresult.md");
        std::fs::write(&page, bytes).unwrap();
        let out = docgen(&["schema", "--input", page.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{variant}");
        text(&out.stdout).replace(&dir.path().display().to_string(), "DIR")
    };
    let base = schema(&clean, "clean");
    assert!(base.contains("resetPasscodeActionResult"));
    for (variant, bytes) in [("BOM", &bom), ("CRLF", &crlf), ("BOM+CRLF", &bom_crlf)] {
        assert_eq!(schema(bytes, variant), base, "{variant}");
    }
}

#[test]
fn an_inheritance_cycle_is_an_error_at_the_type_that_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), resource("a", Some("b"))).unwrap();
    std::fs::write(dir.path().join("b.md"), resource("b", Some("a"))).unwrap();
    let out = docgen(&["check", "--input", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // The annotation of b.md is on line 11.
    assert!(
        stdout.contains("b.md:11:1: error[inheritance-cycle]: `microsoft.graph.b` inherits from `microsoft.graph.a`, which closes a cycle; that base is dropped"),
        "{stdout}"
    );
    // generate still produces compilable code (the cycle is broken) and names the error.
    let out_dir = dir.path().join("out");
    let out = docgen(&[
        "generate",
        "--input",
        dir.path().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("error[inheritance-cycle]"));
}

#[test]
fn a_base_no_page_defines_is_reconstructed_with_a_warning_at_the_sentence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d.md"), resource("d", Some("missingBase"))).unwrap();
    let out = docgen(&["check", "--input", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "d.md:3:1: warning[reconstructed-type]: no page defines `microsoft.graph.missingBase`"
        ),
        "{stdout}"
    );
}

#[test]
fn two_pages_defining_one_type_are_merged_into_the_first_by_path_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), resource("same", None)).unwrap();
    std::fs::write(dir.path().join("b.md"), resource("same", None)).unwrap();
    let out = docgen(&["check", "--input", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let first = dir.path().join("a.md");
    assert!(
        stdout.contains(&format!(
            "b.md:10:1: warning[duplicate-type]: `microsoft.graph.same` is also defined at {}:10:1; the 0 properties only this page lists are merged into that definition",
            first.display()
        )),
        "{stdout}"
    );
}

#[test]
fn generate_writes_one_file_inside_the_output_directory_whatever_the_type_names() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    // Type names that look like paths: the output file name never comes from the docs.
    for (i, name) in [
        "../../escape",
        "/etc/passwd",
        "..\\\\..\\\\win",
        "msgraph_types.rs/../x",
        "nul\\u0000byte",
    ]
    .iter()
    .enumerate()
    {
        let page = format!(
            "<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"}} -->\n```json\n{{\"a\": \"String\"}}\n```\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n"
        );
        std::fs::write(pages.join(format!("p{i}.md")), page).unwrap();
    }
    let out_dir = dir.path().join("out");
    let before = files_under(dir.path());
    let out = docgen(&[
        "generate",
        "--input",
        pages.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut expected = before;
    expected.push(out_dir.clone());
    expected.push(out_dir.join("msgraph_types.rs"));
    expected.sort();
    assert_eq!(files_under(dir.path()), expected);
    let code = std::fs::read_to_string(out_dir.join("msgraph_types.rs")).unwrap();
    // One struct, with its serde table, per type.
    let structs = code.matches("support::object! {\n").count();
    assert_eq!(structs, 5, "{code}");
}

#[test]
fn check_mode_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("not/yet");
    let out = docgen(&["generate", "--check", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("stale:"));
    assert!(
        files_under(dir.path()).is_empty(),
        "{:?}",
        files_under(dir.path())
    );
}

#[test]
fn a_failure_leaves_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let target = out_dir.join("msgraph_types.rs");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(&target, "// previous output\n").unwrap();
    // Failing input: nothing is touched.
    let out = docgen(&[
        "generate",
        "--input",
        "no/such/pages",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "// previous output\n"
    );
    assert_eq!(files_under(&out_dir), std::slice::from_ref(&target));
    // Failing write (the target cannot be replaced: it is a directory): the content was written
    // to a temporary file first, which is removed; what was there stays.
    std::fs::remove_file(&target).unwrap();
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), "kept").unwrap();
    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(&format!("{}: cannot write", target.display())),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(files_under(&out_dir), [target.clone(), target.join("keep")]);
    assert_eq!(
        std::fs::read_to_string(target.join("keep")).unwrap(),
        "kept"
    );
}
