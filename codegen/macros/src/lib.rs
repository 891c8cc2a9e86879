//! msgraph-docgen as a macro: [`generate!`] turns Microsoft Graph docs pages into Rust types
//! where it is called, without a build script.
//!
//! ```
//! msgraph_docgen_macros::generate! {
//!     input: "../../docs-input",                       // relative to CARGO_MANIFEST_DIR
//!     roots: ["microsoft.graph.resetPasscodeActionResult"],
//!     subtypes: true,
//!     fail_on: "error",
//! }
//!
//! let json = r##"{"@odata.type": "#microsoft.graph.resetPasscodeActionResult", "passcode": "1234"}"##;
//! let any: AnyDeviceActionResult = serde_json::from_str(json).unwrap();
//! assert!(matches!(any, AnyDeviceActionResult::ResetPasscodeActionResult(_)));
//! ```
//!
//! It is a thin front end over the `msgraph_docgen` library, like the CLI and
//! `msgraph_docgen::Builder`: the expanded code is exactly what `msgraph-docgen generate` writes
//! for the same settings.
//!
//! # Settings
//!
//! The keys and meanings of `docgen.toml`, written as `key: value` pairs separated by commas:
//!
//! | key | value | |
//! |---|---|---|
//! | `input` | `"docs"` or `["docs", "more/page.md"]` | pages, or directories searched recursively for `*.md`; required |
//! | `roots` | `["microsoft.graph.user"]` | generate only these types and what they need (default: every type) |
//! | `subtypes` | `true` / `false` | with roots, also the types derived from them |
//! | `skip_navigation` | `true` / `false` | with roots, relationships stay `serde_json::Value` |
//! | `typed_navigation` | `true` / `false` | relationships read into their types as the JSON is read, not kept as `support::Expanded<T>` JSON until asked |
//! | `type_mapping` | `{ DateTimeOffset: "String" }` | Graph primitive → Rust type |
//! | `type_attributes` | `{ "microsoft.graph.user": ["#[derive(Hash)]"] }` | type pattern (name, `*`, `prefix.*`) → attributes |
//! | `field_attributes` | `{ "microsoft.graph.user.id": "#[doc(alias = \"key\")]" }` | type pattern `.` JSON property → attributes |
//! | `non_exhaustive` | `true` / `false` | `#[non_exhaustive]` on structs and enums |
//! | `fail_on` | `"error"` / `"warning"` | docs diagnostics of this severity or worse are compile errors |
//! | `config` | `"docgen.toml"` | read the settings from this file instead (no other key then) |
//!
//! Attribute values are one string or a list of strings; map keys are identifiers or strings.
//! An unknown key, a value of the wrong kind, a type or attribute that does not parse, a root
//! that names no type and a missing input path are compile errors at the setting that causes
//! them. `out` and `file_name` do not apply (nothing is written). The `reference` setting of
//! the fidelity work is not in the library yet, so neither here.
//!
//! Relative paths (`input`, `config`) are resolved against `CARGO_MANIFEST_DIR`, the directory
//! of the `Cargo.toml` of the crate that calls the macro; paths in a `config` file are relative
//! to that file, as for the CLI.
//!
//! # Dependencies of the calling crate
//!
//! The generated code uses `serde` (with `derive`), `serde_json`, `jiff` (with `serde`) and
//! `uuid` (with `serde`); a macro cannot add dependencies, so the crate that calls it lists them
//! (a `type_mapping` that maps the primitives away needs fewer):
//!
//! ```toml
//! [dependencies]
//! msgraph-docgen-macros = "0.1"
//! serde = { version = "1", features = ["derive"] }
//! serde_json = "1"
//! jiff = { version = "0.2", features = ["serde"] }
//! uuid = { version = "1", features = ["serde"] }
//! ```
//!
//! # Diagnostics
//!
//! With `fail_on`, each docs diagnostic at or above that severity is a compile error at the
//! `fail_on` setting, naming `file:line:column: severity[code]: message` (the first 20, then
//! a count). A macro cannot print warnings on stable Rust, so without `fail_on` nothing is shown:
//! `fail_on: "error"` catches data missing from the types (`msgraph-docgen check` lists
//! everything).
//!
//! # Recompilation
//!
//! The expansion includes every page read (and the `config` file) with `include_bytes!` in a
//! hidden `const _`, so cargo recompiles the calling crate when one of them changes. Stable
//! Rust cannot track a directory: a page *added* to an input directory is seen at the next
//! expansion for another reason (touch a tracked page, or `cargo clean -p` the crate).
//!
//! # Cost
//!
//! Every page of the inputs is read and parsed again at every expansion, that is at every
//! compile of the calling crate, roots or not (a root's family can be anywhere in the tree). A
//! few pages cost nothing noticeable; a whole docs tree (about 3,000 pages) costs a few seconds
//! per compile with the library built unoptimized, as cargo builds macros in the dev profile,
//! and under a second with
//!
//! ```toml
//! [profile.dev.build-override]
//! opt-level = 3
//! ```
//!
//! For such a tree a build script (`msgraph_docgen::Builder`) parses once per change of the
//! docs instead.

#![warn(missing_docs)]

mod expand;
mod settings;

/// Generates the Rust types of Microsoft Graph docs pages in place: see the [crate docs](crate)
/// for the settings.
///
/// ```
/// mod graph {
///     msgraph_docgen_macros::generate! {
///         input: "../../docs-input",
///         type_mapping: { DateTimeOffset: "String" },
///     }
/// }
///
/// let reset = graph::ResetPasscodeActionResult {
///     base: graph::DeviceActionResult {
///         start_date_time: "2021-04-07T10:11:12Z".to_owned().into(),
///         ..Default::default()
///     },
///     ..Default::default()
/// };
/// assert_eq!(serde_json::to_value(&reset).unwrap()["startDateTime"], "2021-04-07T10:11:12Z");
/// ```
#[proc_macro]
pub fn generate(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    syn::parse::<settings::Settings>(input)
        .and_then(|settings| expand::expand(&settings, &expand::manifest_dir()))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
