//! Writing generated files safely: all or nothing, and only where asked.
//!
//! The content goes to a temporary file created in the target's own directory (so the final
//! rename stays on one file system), is flushed to disk, and then atomically replaces the target.
//! Any failure before the rename leaves the previous file as it was and removes the temporary
//! file. The file name is chosen by the caller, never derived from the docs.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `content` to `dir/name` atomically, creating `dir` if needed. Returns the path written.
///
/// `name` must be a plain file name (no directory part): the function refuses anything else, so
/// nothing can be written outside `dir`.
pub fn write_atomically(dir: &Path, name: &str, content: &[u8]) -> io::Result<PathBuf> {
    write_with(dir, name, |file| file.write_all(content))
}

/// Like [`write_atomically`], with the content written by `fill` (which may fail half-way).
fn write_with(
    dir: &Path,
    name: &str,
    fill: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let plain = Path::new(name)
        .file_name()
        .is_some_and(|f| f == std::ffi::OsStr::new(name));
    if !plain {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{name}` is not a plain file name"),
        ));
    }
    std::fs::create_dir_all(dir)?;
    let target = dir.join(name);
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A temporary file is private (0600) by default; the generated file is not. Ask for what an
    // ordinary write asks for, 0666, which the process's umask then narrows as usual.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    fill(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_the_mode_of_an_ordinary_write() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ordinary = dir.path().join("ordinary.rs");
        std::fs::write(&ordinary, "x").unwrap();
        let written = write_atomically(dir.path(), "generated.rs", b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // (Under umask 077 both are 0600 and this cannot tell; CI runs with 022.)
        assert_eq!(mode(&written), mode(&ordinary));
    }

    #[test]
    fn replaces_the_file_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/sub");
        let path = write_atomically(&out, "x.rs", b"one").unwrap();
        assert_eq!(path, out.join("x.rs"));
        write_atomically(&out, "x.rs", b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(listing(&out), ["x.rs"]);
    }

    #[test]
    fn a_failure_half_way_keeps_the_previous_file_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        write_atomically(dir.path(), "x.rs", b"previous").unwrap();
        let err = write_with(dir.path(), "x.rs", |f| {
            f.write_all(b"half of the new ")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read(dir.path().join("x.rs")).unwrap(), b"previous");
        assert_eq!(listing(dir.path()), ["x.rs"]);
    }

    #[test]
    fn a_failed_rename_keeps_what_is_there_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a directory: the rename fails after the content was written.
        std::fs::create_dir(dir.path().join("x.rs")).unwrap();
        std::fs::write(dir.path().join("x.rs/keep"), b"k").unwrap();
        assert!(write_atomically(dir.path(), "x.rs", b"new").is_err());
        assert_eq!(listing(dir.path()), ["x.rs"]);
        assert_eq!(std::fs::read(dir.path().join("x.rs/keep")).unwrap(), b"k");
    }

    #[test]
    fn only_plain_file_names_are_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("out");
        for name in ["../x.rs", "a/b.rs", "/tmp/x.rs", "..", "", "."] {
            let err = write_atomically(&inner, name, b"x").unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{name}");
        }
        assert_eq!(listing(dir.path()), Vec::<String>::new());
    }
}
