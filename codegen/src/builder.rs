//! [`Builder`]: generation from a build script (or any program), in the spirit of prost-build.

use crate::config::{Config, ConfigError, FailOn};
use crate::diag::Diagnostic;
use crate::emit::{emit_files, BadAttribute, EmitOptions, GeneratedFile, SPLIT_ABOVE};
use crate::input::{list_pages, parse_files, InputError};
use crate::load::LoadError;
use crate::primitive::Primitive;
use crate::schema::{Schema, Selection, UnknownRoot};
use std::fmt;
use std::path::{Path, PathBuf};

/// The default name of the generated file.
pub const DEFAULT_FILE_NAME: &str = "msgraph_types.rs";

/// Generates Rust types from docs pages, for a build script:
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), msgraph_docgen::Error> {
///     msgraph_docgen::Builder::new().input("docs").generate()?;
///     Ok(())
/// }
/// ```
///
/// and in the crate:
///
/// ```ignore
/// include!(concat!(env!("OUT_DIR"), "/msgraph_types.rs"));
/// ```
///
/// Under cargo (when `OUT_DIR` is set) [`Builder::generate`] prints `cargo:rerun-if-changed`
/// for every page read and every directory listed, and a `cargo:warning` per error diagnostic.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    inputs: Vec<PathBuf>,
    selection: Selection,
    options: EmitOptions,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    split_above: Option<usize>,
    fail_on: Option<FailOn>,
    cargo_directives: Option<bool>,
    /// The English tree that corrects a translated input's identifiers.
    reference: Option<PathBuf>,
    /// Settings that could not be taken, reported by `generate`.
    invalid: Vec<String>,
}

/// What a generation produced, before it is written.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The Rust source, as one text.
    pub code: String,
    /// The files to write: the configured file, and when the code is larger than
    /// [`SPLIT_ABOVE`](crate::emit::SPLIT_ABOVE), the parts it includes (see
    /// [`GeneratedFile`]).
    pub files: Vec<GeneratedFile>,
    /// The schema the code was generated from (after root selection).
    pub schema: Schema,
    /// Every page read.
    pub pages: Vec<PathBuf>,
    /// Every directory listed.
    pub dirs: Vec<PathBuf>,
}

/// Why generation failed.
pub enum Error {
    /// An input path is missing or holds no pages.
    Input(InputError),
    /// The configuration file cannot be used.
    Config(ConfigError),
    /// A root names no type.
    Root(UnknownRoot),
    /// Settings that cannot be taken (attributes that do not parse, unknown primitives).
    Settings(Vec<String>),
    /// Diagnostics at or above the `fail_on` severity.
    Diagnostics(Vec<Diagnostic>),
    /// The English reference cannot be loaded.
    Reference(LoadError),
    /// No output directory: not under cargo and none given.
    NoOutDir,
    /// The output could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input(e) => e.fmt(f),
            Error::Config(e) => e.fmt(f),
            Error::Root(e) => e.fmt(f),
            Error::Reference(e) => e.fmt(f),
            Error::Settings(list) => f.write_str(&list.join("\n")),
            Error::Diagnostics(list) => {
                for d in list {
                    writeln!(f, "{d}")?;
                }
                write!(f, "{} diagnostics at or above the `fail_on` severity", list.len())
            }
            Error::NoOutDir => f.write_str(
                "no output directory: OUT_DIR is not set (not in a build script) and none was given with `out_dir`",
            ),
            Error::Write { path, error } => write!(f, "{}: cannot write: {error}", path.display()),
        }
    }
}

/// Shows the message itself, so that `fn main() -> Result<(), Error>` in a build script prints
/// the file, line and problem rather than a struct dump.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

impl From<InputError> for Error {
    fn from(e: InputError) -> Error {
        Error::Input(e)
    }
}

impl Builder {
    /// A builder with no inputs and default options.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// A builder with the settings of a `docgen.toml` file (see [`crate::config`]).
    ///
    /// ```no_run
    /// msgraph_docgen::Builder::from_config_file("docgen.toml")?.generate()?;
    /// # Ok::<(), msgraph_docgen::Error>(())
    /// ```
    pub fn from_config_file(path: impl AsRef<Path>) -> Result<Builder, Error> {
        let config = Config::load(path.as_ref()).map_err(Error::Config)?;
        Ok(Builder::from_config(&config))
    }

    /// A builder with the given settings (`out` is ignored: see [`Builder::out_dir`]).
    pub fn from_config(config: &Config) -> Builder {
        let mut b = Builder::new();
        for input in &config.input {
            b.input(input);
        }
        for root in &config.roots {
            b.root(root);
        }
        b.subtypes(config.subtypes)
            .skip_navigation(config.skip_navigation)
            .non_exhaustive(config.non_exhaustive)
            .area_features(config.area_features)
            .typed_navigation(config.typed_navigation);
        b.fail_on = config.fail_on;
        b.file_name = config.file_name.clone();
        b.split_above = config.split_above;
        b.reference = config.reference.clone();
        for (primitive, rust) in &config.type_mapping {
            b.map_type(primitive, rust);
        }
        for (pattern, attrs) in &config.type_attributes {
            for attr in attrs {
                b.type_attribute(pattern, attr);
            }
        }
        for (pattern, attrs) in &config.field_attributes {
            for attr in attrs {
                b.field_attribute(pattern, attr);
            }
        }
        b
    }

    /// Adds a docs page, or a directory searched recursively for `*.md` pages.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().input("docs-input").input("more/page.md");
    /// ```
    pub fn input(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.inputs.push(path.as_ref().to_path_buf());
        self
    }

    /// Generates only this type (a qualified name; `microsoft.graph.` may be left out) and what
    /// it needs: its base chain and the types of its properties, recursively. Without roots,
    /// every type of the input is generated.
    ///
    /// ```
    /// msgraph_docgen::Builder::new()
    ///     .input("docs")
    ///     .root("microsoft.graph.resetPasscodeActionResult")
    ///     .root("managedDevice");
    /// ```
    pub fn root(&mut self, qualified: &str) -> &mut Self {
        self.selection.roots.push(qualified.to_owned());
        self
    }

    /// With roots, also generates every type derived from a root, so that its `Any...` enum
    /// knows the whole family.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().root("deviceActionResult").subtypes(true);
    /// ```
    pub fn subtypes(&mut self, yes: bool) -> &mut Self {
        self.selection.subtypes = yes;
        self
    }

    /// With roots, does not follow navigation properties (relationships): their values stay
    /// `serde_json::Value`. Entities link to much of the graph; this keeps a subset small.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().root("user").skip_navigation(true);
    /// ```
    pub fn skip_navigation(&mut self, yes: bool) -> &mut Self {
        self.selection.skip_navigation = yes;
        self
    }

    /// Corrects a translated input with an English tree of the same or a nearby date (docs
    /// pages or a directory of them, or a saved schema JSON): type, property and enum member
    /// names, enum values, bases, kinds and property types come from the English page of the
    /// same file name where the two agree in structure; descriptions stay translated.
    /// `reference-*` diagnostics say what was taken and where the two disagree (see
    /// [`apply_reference`](crate::schema::apply_reference)).
    ///
    /// ```
    /// msgraph_docgen::Builder::new()
    ///     .input("docs/ru-RU/beta/resources")
    ///     .reference("docs/en-US/beta/resources");
    /// ```
    pub fn reference(&mut self, tree: impl AsRef<Path>) -> &mut Self {
        self.reference = Some(tree.as_ref().to_path_buf());
        self
    }

    /// The directory to write into (default: `$OUT_DIR`).
    ///
    /// ```
    /// msgraph_docgen::Builder::new().out_dir("src/generated");
    /// ```
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The name of the generated file (default [`DEFAULT_FILE_NAME`]).
    ///
    /// ```
    /// msgraph_docgen::Builder::new().file_name("graph.rs");
    /// ```
    pub fn file_name(&mut self, name: &str) -> &mut Self {
        self.file_name = Some(name.to_owned());
        self
    }

    /// The size in bytes above which the code is written as the generated file including parts
    /// in a directory beside it, named after the file without `.rs` (default [`SPLIT_ABOVE`],
    /// 1 MiB). The root namespace's types are grouped by the first word of their names
    /// (`msgraph_types/device.rs`), the `support` module and each sub-namespace module have a
    /// file each (`msgraph_types/module_support.rs`). A whole docs tree is several megabytes:
    /// in one file, rustdoc takes minutes on its non-ASCII text, and editors struggle. Generated
    /// parts that are no longer produced are removed; other files are left alone.
    ///
    /// ```
    /// // Never split.
    /// msgraph_docgen::Builder::new().split_above(usize::MAX);
    /// // Always split.
    /// msgraph_docgen::Builder::new().split_above(0);
    /// ```
    pub fn split_above(&mut self, bytes: usize) -> &mut Self {
        self.split_above = Some(bytes);
        self
    }

    /// Uses the Rust type `rust` for the primitive `primitive` (a Graph name such as
    /// `DateTimeOffset`, `Guid`, `Int64`). The type must implement serde's traits, `Debug`,
    /// `Clone` and `PartialEq`.
    ///
    /// ```
    /// msgraph_docgen::Builder::new()
    ///     .map_type("DateTimeOffset", "String")
    ///     .map_type("Guid", "String");
    /// ```
    pub fn map_type(&mut self, primitive: &str, rust: &str) -> &mut Self {
        match Primitive::from_canonical(primitive) {
            None => self.invalid.push(format!(
                "type mapping: `{primitive}` is not a Graph primitive (expected a name such as `DateTimeOffset`, `Guid`, `Int64`)"
            )),
            Some(p) => {
                if let Err(e) = self.options.type_mapping.set(p, rust) {
                    self.invalid.push(format!(
                        "type mapping for `{primitive}`: `{rust}` is not a Rust type: {e}"
                    ));
                }
            }
        }
        self
    }

    /// Adds outer attributes (derives, `cfg_attr`, docs...) to the types `pattern` selects: a
    /// qualified name, `*` for all, or a prefix ending in `.*`. A `cfg` is refused (see
    /// [`EmitOptions::type_attribute`](crate::emit::EmitOptions::type_attribute)).
    ///
    /// ```
    /// msgraph_docgen::Builder::new()
    ///     .type_attribute("microsoft.graph.callRecords.*", "#[cfg_attr(feature = \"schema\", derive(schemars::JsonSchema))]");
    /// ```
    pub fn type_attribute(&mut self, pattern: &str, attribute: &str) -> &mut Self {
        let taken = self.options.type_attribute(pattern, attribute);
        self.note(taken)
    }

    /// Adds outer attributes to the struct fields `pattern` selects: a type pattern, `.`, and a
    /// JSON property name or `*`. A `#[cfg(..)]` is carried to the field's reading and writing;
    /// while it is off, the property's JSON is kept in `additional_properties` (see
    /// [`EmitOptions::field_attribute`](crate::emit::EmitOptions::field_attribute)).
    ///
    /// ```
    /// msgraph_docgen::Builder::new()
    ///     .field_attribute("microsoft.graph.resetPasscodeActionResult.passcode", "#[doc(alias = \"pin\")]");
    /// ```
    pub fn field_attribute(&mut self, pattern: &str, attribute: &str) -> &mut Self {
        let taken = self.options.field_attribute(pattern, attribute);
        self.note(taken)
    }

    /// Keeps a setting's error for [`Builder::generate`] to report.
    fn note(&mut self, taken: Result<(), BadAttribute>) -> &mut Self {
        if let Err(e) = taken {
            self.invalid.push(e.to_string());
        }
        self
    }

    /// A Cargo feature per docs area, so that a crate of a whole tree compiles only the areas
    /// its user enables: a type's area is its page file name's prefix (`intune-devices` for
    /// `intune-devices-manageddevice.md`, `core` for a page without one). Each type is compiled
    /// when an area that needs it (its own, or one of its derived types' or users' when it has
    /// no page) is enabled; a field whose type is from another area only with that area, and
    /// without it the property's JSON lands in `additional_properties`. Declare the features,
    /// listed at the top of the generated file, in the crate's `Cargo.toml`.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().area_features(true);
    /// ```
    pub fn area_features(&mut self, yes: bool) -> &mut Self {
        self.options.area_features = yes;
        self
    }

    /// Reads navigation properties (the relationships tables) into their types as the JSON is
    /// read, instead of keeping their JSON in `support::Expanded<T>` until `read` is called.
    /// Off by default: an entity links to most of the graph, and typed navigation properties
    /// make a program that reads one entity compile the serde code of every type it reaches
    /// (see the README's figures). Navigation properties that close a cycle are then boxed.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().typed_navigation(true);
    /// ```
    pub fn typed_navigation(&mut self, yes: bool) -> &mut Self {
        self.options.typed_navigation = yes;
        self
    }

    /// Marks generated structs and enums `#[non_exhaustive]`, so that properties and members
    /// added to the docs later are not breaking changes of the generated API.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().non_exhaustive(true);
    /// ```
    pub fn non_exhaustive(&mut self, yes: bool) -> &mut Self {
        self.options.non_exhaustive = yes;
        self
    }

    /// Fails generation when a diagnostic of this severity or worse is found (default: never;
    /// errors are still reported).
    ///
    /// ```
    /// use msgraph_docgen::config::FailOn;
    /// msgraph_docgen::Builder::new().fail_on(Some(FailOn::Warning));
    /// ```
    pub fn fail_on(&mut self, level: Option<FailOn>) -> &mut Self {
        self.fail_on = level;
        self
    }

    /// Prints (or not) the `cargo:` directives; by default they are printed when `OUT_DIR` is
    /// set, that is, in a build script.
    ///
    /// ```
    /// msgraph_docgen::Builder::new().cargo_directives(false);
    /// ```
    pub fn cargo_directives(&mut self, yes: bool) -> &mut Self {
        self.cargo_directives = Some(yes);
        self
    }

    /// The name of the generated file.
    pub fn output_file_name(&self) -> &str {
        self.file_name.as_deref().unwrap_or(DEFAULT_FILE_NAME)
    }

    /// Reads, checks and generates, without writing.
    pub fn generate_code(&self) -> Result<Generated, Error> {
        if !self.invalid.is_empty() {
            return Err(Error::Settings(self.invalid.clone()));
        }
        let (pages, dirs) = list_pages(&self.inputs)?;
        let schema = crate::schema::build(parse_files(&pages));
        let schema = crate::load::with_reference(schema, self.reference.as_deref())
            .map_err(Error::Reference)?
            .select(&self.selection)
            .map_err(Error::Root)?;
        if let Some(level) = self.fail_on {
            let failing: Vec<Diagnostic> = schema
                .diagnostics
                .iter()
                .filter(|d| d.severity >= level.severity())
                .cloned()
                .collect();
            if !failing.is_empty() {
                return Err(Error::Diagnostics(failing));
            }
        }
        let split_above = self.split_above.unwrap_or(SPLIT_ABOVE);
        let emitted = emit_files(&schema, &self.options, self.output_file_name(), split_above);
        Ok(Generated {
            code: emitted.code,
            files: emitted.files,
            schema,
            pages,
            dirs,
        })
    }

    /// Generates and writes `OUT_DIR/msgraph_types.rs` (or the configured directory and file),
    /// returning the path written.
    pub fn generate(&self) -> Result<PathBuf, Error> {
        let cargo = self
            .cargo_directives
            .unwrap_or_else(|| std::env::var_os("OUT_DIR").is_some());
        if cargo {
            // Before generating, so that fixing a page that fails generation reruns the script.
            for path in self.inputs.iter().chain(&self.reference) {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
        let generated = self.generate_code()?;
        if cargo {
            for path in generated.dirs.iter().chain(&generated.pages) {
                if !self.inputs.contains(path) {
                    println!("cargo:rerun-if-changed={}", path.display());
                }
            }
            for d in &generated.schema.diagnostics {
                if d.severity == crate::diag::Severity::Error {
                    println!("cargo:warning={d}");
                }
            }
        }
        let dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        crate::output::write_files(&dir, &generated.files)
            .map_err(|(path, error)| Error::Write { path, error })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn founding() -> Builder {
        let mut b = Builder::new();
        b.input(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input"))
            .cargo_directives(false);
        b
    }

    #[test]
    fn writes_the_file_into_the_out_dir() {
        let dir = std::env::temp_dir().join(format!("docgen-builder-{}", std::process::id()));
        let path = founding()
            .out_dir(&dir)
            .file_name("graph.rs")
            .generate()
            .unwrap();
        assert_eq!(path, dir.join("graph.rs"));
        let code = std::fs::read_to_string(&path).unwrap();
        assert!(code.contains("pub struct ResetPasscodeActionResult"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn split_above_writes_the_file_and_its_parts() {
        let dir = std::env::temp_dir().join(format!("docgen-split-{}", std::process::id()));
        let mut builder = founding();
        builder.out_dir(&dir).file_name("graph.rs").split_above(0);
        let generated = builder.generate_code().unwrap();
        assert_eq!(generated.files.len(), 5);
        assert_eq!(generated.files[0].path, "graph.rs");
        let path = builder.generate().unwrap();
        assert_eq!(path, dir.join("graph.rs"));
        let index = std::fs::read_to_string(&path).unwrap();
        assert!(index.contains("include!(\"graph/reset.rs\");"), "{index}");
        let part = std::fs::read_to_string(dir.join("graph/reset.rs")).unwrap();
        assert!(part.contains("pub struct ResetPasscodeActionResult"));
        // Unsplit, the code is the one text, as before.
        let one = founding().generate_code().unwrap();
        assert_eq!(one.files.len(), 1);
        assert_eq!(one.files[0].text, one.code);
        assert_eq!(one.code, generated.code);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn knobs_reach_the_code() {
        let generated = founding()
            .map_type("DateTimeOffset", "String")
            .type_attribute("microsoft.graph.actionState", "#[doc(alias = \"state\")]")
            .field_attribute(
                "microsoft.graph.resetPasscodeActionResult.passcode",
                "#[doc(alias = \"pin\")]",
            )
            .non_exhaustive(true)
            .generate_code()
            .unwrap();
        let code = generated.code;
        assert!(
            code.contains("\"startDateTime\" => start_date_time: String,"),
            "{code}"
        );
        assert!(!code.contains("support::DateTimeOffset,"));
        assert!(code.contains("#[doc(alias = \"state\")]\n#[non_exhaustive]\npub enum ActionState"));
        assert!(code.contains("\"passcode\" => #[doc(alias = \"pin\")] passcode: String,"));
        assert_eq!(generated.pages.len(), 1);
    }

    #[test]
    fn bad_settings_are_reported_together() {
        let err = founding()
            .map_type("DateTime", "String")
            .map_type("Guid", "not a type")
            .type_attribute("*", "derive(Hash)")
            .generate_code()
            .unwrap_err();
        let Error::Settings(list) = &err else {
            panic!("{err}")
        };
        assert_eq!(list.len(), 3, "{err}");
        assert!(list[0].contains("`DateTime` is not a Graph primitive"));
    }

    #[test]
    fn fail_on_turns_diagnostics_into_an_error_naming_file_and_line() {
        let err = founding()
            .fail_on(Some(FailOn::Warning))
            .generate_code()
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("intune-devices-resetpasscodeactionresult.md:"),
            "{text}"
        );
        assert!(text.contains("warning[reconstructed-type]"), "{text}");
        assert!(founding()
            .fail_on(Some(FailOn::Error))
            .generate_code()
            .is_ok());
    }

    #[test]
    fn a_reference_gives_a_translated_input_its_english_names() {
        let dir = tempfile::tempdir().unwrap();
        // A relationship row: no JSON key tells the translated name's English one.
        let page = |title: &str, heading: &str, name: &str| {
            format!("# {title}\n\n## <a name=\"relationships\"></a>{heading}\n\n| Relationship | Type | Description |\n|:---|:---|:---|\n| {name} | [x](x.md) | {title} |\n\n<!-- {{ \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\" }} -->\n```json\n{{}}\n```\n")
        };
        for (tree, text) in [
            ("en", page("x resource type", "Relationships", "parent")),
            ("ru", page("Тип ресурса x", "Связи", "родитель")),
        ] {
            std::fs::create_dir(dir.path().join(tree)).unwrap();
            std::fs::write(dir.path().join(tree).join("x.md"), text).unwrap();
        }
        let mut b = Builder::new();
        b.input(dir.path().join("ru")).cargo_directives(false);
        let translated = b.generate_code().unwrap().code;
        assert!(!translated.contains(" parent: "), "{translated}");
        let generated = b.reference(dir.path().join("en")).generate_code().unwrap();
        assert!(
            generated.code.contains("\"parent\" => parent: "),
            "{}",
            generated.code
        );
        assert!(generated.code.contains("/// Тип ресурса x"));
        let err = b
            .reference(dir.path().join("none"))
            .generate_code()
            .unwrap_err();
        assert!(matches!(err, Error::Reference(_)), "{err}");
    }

    #[test]
    fn an_unknown_root_fails() {
        let err = founding().root("nothing").generate_code().unwrap_err();
        assert!(matches!(err, Error::Root(_)), "{err}");
    }
}
