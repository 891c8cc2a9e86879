//! Stage 3: [`Schema`] → Rust source, written as text in prettyplease's layout (`code`).
//!
//! Per entity or complex type: a struct of `support::Nullable` fields (absent, `null` or a
//! value: the docs do not state nullability, and Graph tells `null` from absent) for the
//! properties it declares, and either its base's struct in a `base` field (read and written in
//! the same JSON object) or, at the root of a chain, the `@odata.type` annotation and a map
//! that keeps unknown properties; serde impls from a `support::object!` table. Per derived
//! type: `AsRef`/`AsMut` of every ancestor's struct, and a `From` conversion into its base that
//! moves unknown-to-the-base fields into the map, so nothing is lost. Per type with subtypes:
//! an `Any...` enum chosen by `@odata.type`. Per enum: the documented members plus `Unrecognized(String)`, with conversions and comparisons by wire name from a `support::string_enum!` table. Once
//! per file: the `support` module (`Nullable`, and the temporal types kept as the text
//! received).
//!
//! The parts, by job: `names` (Rust names of types and `Any...` enums), `fields` (which
//! struct of a chain holds each property, and its Rust field), `structs`, `family`
//! (ancestor views, conversions, `Any...` enums), `enums`, `docs` (rustdoc text), `ident` (naming and
//! escaping), `types` (primitives), `options` ([`EmitOptions`]), `support` (the `support`
//! module, whose source is `support.in.rs`), `files` (one file, or past [`SPLIT_ABOVE`] a file
//! that includes parts), `code` (the writer: text in prettyplease's layout, prettyplease itself
//! only for long lines and the user's text). This file holds the context they share
//! (`Emitter`) and lays the items out in modules.

mod areas;
mod code;
mod docs;
mod enums;
mod family;
mod fields;
mod files;
mod ident;
mod names;
mod options;
mod structs;
mod support;
mod types;

use crate::schema::{Kind, QualifiedName, Schema, TypeDef};
use code::{Code, ItemStart};
use fields::{boxed_edges, BoxedEdges};
use files::Rendered;
use ident::ident_text;
use names::{module_of, Names};
use options::AttributeRules;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

pub use files::{parts_dir, Emitted, GeneratedFile, GENERATED_MARK, SPLIT_ABOVE};
pub use options::{BadAttribute, EmitOptions};
pub use types::{rust_type_of_primitive, TypeMapping};

/// Everything emit works from, built once per [`emit`] call and shared by all threads: the
/// schema, the options, and what is decided for the whole schema before any type is emitted.
struct Emitter<'a> {
    /// The schema being emitted.
    schema: &'a Schema,
    /// The options.
    options: &'a EmitOptions,
    /// The options' attribute rules, checked once.
    attributes: AttributeRules,
    /// The Rust names of every type, trait and `Any...` enum.
    names: Names,
    /// [`Schema::subtypes`].
    subtypes: BTreeMap<QualifiedName, Vec<QualifiedName>>,
    /// The struct fields that must be boxed.
    boxed: BoxedEdges,
    /// The areas that need each type, with [`EmitOptions::area_features`].
    areas: Option<areas::Areas>,
    /// The position of the struct each type's struct holds in its `base` field, by the
    /// type's position ([`Emitter::struct_base`]).
    struct_bases: Vec<Option<usize>>,
    /// Each type's qualified name, by the type's position ([`Emitter::qualified`]): built once,
    /// not each of the several times a type's items ask for it.
    qualified: Vec<QualifiedName>,
}

impl<'a> Emitter<'a> {
    /// Decides the names and boxed fields of `schema`.
    fn new(schema: &'a Schema, options: &'a EmitOptions) -> Emitter<'a> {
        let subtypes = schema.subtypes();
        Emitter {
            schema,
            options,
            attributes: AttributeRules::new(options),
            names: Names::with_subtypes(schema, &subtypes),
            boxed: boxed_edges(schema, &subtypes, options.typed_navigation),
            subtypes,
            areas: options.area_features.then(|| areas::Areas::new(schema)),
            struct_bases: schema
                .types()
                .iter()
                .map(|t| fields::struct_base_in(schema, t))
                .collect(),
            qualified: schema.types().iter().map(TypeDef::qualified_name).collect(),
        }
    }

    /// The qualified name of `t`: borrowed when `t` is a type of the schema (as every type
    /// emitted is), else built.
    fn qualified<'t>(&'t self, t: &TypeDef) -> Cow<'t, QualifiedName> {
        match self.position(t).and_then(|i| self.qualified.get(i)) {
            Some(q) => Cow::Borrowed(q),
            None => Cow::Owned(t.qualified_name()),
        }
    }

    /// With area features, `#[cfg(...)]` for something of `owner` that names the type
    /// `target` (a field, a variant, a table row): none when `target` is compiled whenever
    /// `owner` is (or without area features).
    fn reference_cfg_text(&self, owner: &str, target: &str) -> Option<String> {
        self.reference_cfg(owner, target)
            .map(|predicate| format!("#[cfg({predicate})]"))
    }

    /// The predicate of [`Emitter::reference_cfg_text`]: `any(feature = "a")`.
    fn reference_cfg(&self, owner: &str, target: &str) -> Option<String> {
        match &self.areas {
            Some(areas) if self.schema.get(target).is_some() => areas.reference_cfg(owner, target),
            _ => None,
        }
    }

    /// Writes the items of one type into `out`: its struct or enum, with their impls and
    /// tables (each under the type's `#[cfg]` with area features).
    fn item(&self, t: &TypeDef, out: &mut Code) {
        let cfg = self
            .areas
            .as_ref()
            .and_then(|areas| areas.type_cfg_text(&t.qualified_name()));
        match t.kind {
            Kind::Enum => self.emit_enum(t, cfg.as_deref(), out),
            Kind::Entity | Kind::Complex => self.emit_struct(t, cfg.as_deref(), out),
        }
    }

    /// Begins an item in `out`, at its depth, starting with `cfg` (see [`Code::begin_item`]).
    fn start_item(&self, out: &mut Code, cfg: Option<&str>) -> ItemStart {
        let start = out.begin_item();
        if let Some(cfg) = cfg {
            out.attribute(cfg, false);
        }
        start
    }

    /// Writes the `support::<table>!` table of the type or `Any...` enum `name` into `out`,
    /// under `cfg`: the macro, the name, then the table's rows, which `rows` writes one per
    /// line (prettyplease would fill them like prose).
    fn table(
        &self,
        out: &mut Code,
        cfg: Option<&str>,
        table: &str,
        name: &str,
        rows: impl FnOnce(&mut Code),
    ) {
        let item = self.start_item(out, cfg);
        out.open_of(&["support::", table, "! {"]);
        out.verbatim_line_with(|row| {
            row.push_str(name);
            row.push(',');
        });
        rows(out);
        out.close("}");
        out.end_item(item);
    }

    /// The items of a sub-namespace module of the root, whole, nested modules included, at
    /// depth 0. A module imports `support` (whose `object!` and `string_enum!` macros expand
    /// to paths from it).
    fn module(&self, module: &ModuleTypes) -> files::Piece {
        let mut out = Code::with_capacity(0, module.size);
        self.render_module(&[], &module.modules, &mut out);
        out.into_piece()
    }

    /// Writes the module at `path` (a key of `modules`, or the root of them all) into `out`:
    /// its own items (after its `use` of `support`), then its child modules, each written the
    /// same way.
    fn render_module(
        &self,
        path: &[String],
        modules: &BTreeMap<Vec<String>, Vec<&TypeDef>>,
        out: &mut Code,
    ) {
        let types = modules.get(path).map_or(&[][..], Vec::as_slice);
        if !types.is_empty() {
            let import = out.begin_item();
            // Unused when no area that needs a struct of the module is enabled.
            if self.areas.is_some() {
                out.line("#[allow(unused_imports)]");
            }
            // The types of `path` are those whose module is `path`.
            out.line(&support::support_import(path));
            out.end_item(import);
        }
        for &t in types {
            self.item(t, out);
        }
        let children: BTreeSet<String> = modules
            .keys()
            .filter(|k| k.len() > path.len() && k.starts_with(path))
            .map(|k| k[path.len()].clone())
            .collect();
        for child in children {
            let mut child_path = path.to_vec();
            child_path.push(child.clone());
            out.doc(&format!(
                " Types of the `microsoft.graph` sub-namespace `{child}`."
            ));
            out.open(&format!("pub mod {} {{", ident_text(&child)));
            self.render_module(&child_path, modules, out);
            out.close("}");
        }
    }
}

/// The Rust path (from the root of the generated code) of every type of the schema, by
/// qualified name: `microsoft.graph.callRecords.session` → `call_records::Session`.
pub fn type_paths(schema: &Schema) -> BTreeMap<QualifiedName, String> {
    Names::new(schema).into_type_paths()
}

/// The Rust path (from the root of the generated code) of the type a value declared as each
/// type of the schema has: its `Any...` enum when it has subtypes (`AnyAttachment`), else the
/// type itself, as [`type_paths`] gives it.
pub fn value_type_paths(schema: &Schema) -> BTreeMap<QualifiedName, String> {
    Names::new(schema).into_value_type_paths()
}

/// A generous estimate of the size of the items of `t`, so that their text is written without
/// growing (each growth copied what was written so far): its docs, and room for each property
/// and member with its docs.
fn size_hint(t: &TypeDef) -> usize {
    let properties: usize = (t.properties.iter())
        .map(|p| p.description.len() + 160)
        .sum();
    let members: usize = (t.members.iter()).map(|m| m.description.len() + 120).sum();
    1024 + t.description.len() + properties + members
}

/// A piece of the generated file that is written on its own.
enum Unit<'a> {
    /// A type of the root namespace, with its impls.
    Type(&'a TypeDef),
    /// The `support` module.
    Support,
    /// A sub-namespace module, whole.
    Module(ModuleTypes<'a>),
}

/// The types of a sub-namespace module of the root and of the modules nested in it.
struct ModuleTypes<'a> {
    /// The module's name (the first segment of its types' module paths).
    name: String,
    /// The types by module path (from the root: the first segment is `name`), in schema order.
    modules: BTreeMap<Vec<String>, Vec<&'a TypeDef>>,
    /// The sum of the types' [`size_hint`]s.
    size: usize,
}

/// The units of `schema`'s output, in order: each type of the root namespace, the `support`
/// module (when there is any type), then each sub-namespace module of the root, by name. Each
/// type's module path is worked out once, here.
fn units(schema: &Schema) -> Vec<Unit<'_>> {
    let mut units: Vec<Unit> = Vec::with_capacity(schema.types().len() + 1);
    let mut children: BTreeMap<String, ModuleTypes> = BTreeMap::new();
    for t in schema.types() {
        let module = module_of(&t.namespace);
        let Some(first) = module.first() else {
            units.push(Unit::Type(t));
            continue;
        };
        let child = children
            .entry(first.clone())
            .or_insert_with(|| ModuleTypes {
                name: first.clone(),
                modules: BTreeMap::new(),
                size: 0,
            });
        child.size += size_hint(t);
        child.modules.entry(module).or_default().push(t);
    }
    if !schema.types().is_empty() {
        units.push(Unit::Support);
    }
    units.extend(children.into_values().map(Unit::Module));
    units
}

/// Generates the Rust source for a schema: a single file of items (no inner attributes), fit
/// both for a checked-in module and for `include!` from `OUT_DIR`.
pub fn emit(schema: &Schema, options: &EmitOptions) -> String {
    render(schema, options, false).into_one_file()
}

/// Generates the Rust source for a schema, both as one text (what [`emit`] returns) and laid out
/// in files for writing as `file_name`: that file alone, or, when the code is larger than
/// `split_above` bytes ([`SPLIT_ABOVE`] by default), that file including the parts of a
/// directory beside it (see [`GeneratedFile`]).
pub fn emit_files(
    schema: &Schema,
    options: &EmitOptions,
    file_name: &str,
    split_above: usize,
) -> Emitted {
    render(schema, options, true).into_files(file_name, split_above)
}

/// Writes the output in independent pieces: each type of the root namespace, the support
/// module, then each sub-namespace module whole. Writing them on all cores and joining in this
/// order gives the same text as writing the file at once. Each piece's group (its part file)
/// is worked out only when `grouped` (for [`emit_files`]; one text has no parts).
fn render(schema: &Schema, options: &EmitOptions, grouped: bool) -> Rendered {
    let emitter = Emitter::new(schema, options);
    let units = units(schema);
    let pieces = crate::parallel::map_in_order(&units, 256, |unit| match unit {
        Unit::Type(t) => {
            let mut out = Code::with_capacity(0, size_hint(t));
            emitter.item(t, &mut out);
            out.into_piece()
        }
        // Written as its source is laid out (see `support::support_module`).
        Unit::Support => files::Piece {
            text: support::support_module().to_owned(),
            top_lines: None,
        },
        Unit::Module(module) => emitter.module(module),
    });
    let mut header = String::from(files::GENERATED_LINE);
    if let Some(areas) = &emitter.areas {
        header.push_str(
            "//\n// Area features: a type is compiled when an area that needs it is enabled. Declare them in\n// the crate's Cargo.toml:\n//\n// [features]\n",
        );
        for feature in areas.features() {
            header.push_str(&format!("// {feature} = []\n"));
        }
    }
    let groups = units.iter().map(|unit| match unit {
        _ if !grouped => String::new(),
        Unit::Type(t) => files::group_of_type(emitter.names.type_name(&t.qualified_name())),
        Unit::Support => files::group_of_module("support"),
        Unit::Module(module) => files::group_of_module(&module.name),
    });
    Rendered {
        header,
        pieces: groups.zip(pieces).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn founding_page_emits_valid_rust() {
        let text = include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");
        let schema = crate::schema::build(&[parse_page("docs-input/x.md", text)]);
        let code = emit(&schema, &EmitOptions::default());
        syn::parse_file(&code).unwrap();
        assert!(code.contains("    pub struct ResetPasscodeActionResult: DeviceActionResult {\n"));
        assert!(code.contains("        \"passcode\" => passcode: String,\n"));
        assert!(code.contains(
            "support::ancestors! {\n    ResetPasscodeActionResult,\n    DeviceActionResult = base,\n}\n"
        ));
        assert!(code.contains("impl AsRef<DeviceActionResult> for DeviceActionResult"));
        assert!(code.contains("Unrecognized(String)"));
        assert_eq!(code, emit(&schema, &EmitOptions::default()));
    }

    #[test]
    fn a_placeholder_enum_reads_every_value_as_unrecognized_without_a_match() {
        let page = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"state\": \"String\"}\n```\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|state|[missingState](missingstate.md)|x|\n";
        let schema = crate::schema::build(&[parse_page("x.md", page)]);
        let code = emit(&schema, &EmitOptions::default());
        assert!(code.contains("pub enum MissingState"), "{code}");
        // A table without rows: the macro's arm for it has no `match` (one of a single
        // catch-all arm would be a clippy warning in the generated code).
        assert!(
            code.contains("support::string_enum! {\n    MissingState,\n    Unrecognized,\n}\n"),
            "{code}"
        );
        syn::parse_file(&code).unwrap();
    }

    #[test]
    fn relationships_hold_their_json_until_read_unless_their_type_is_left_out() {
        let text = include_str!("../../../tests/fixtures/emit/navigation/pages/user.md");
        // With `skip_navigation`, `message` is left out: its relationship is plain JSON, not
        // `Expanded` JSON. `manager` is a `user`, which the root keeps.
        let selection = crate::schema::Selection {
            roots: vec!["user".to_owned()],
            subtypes: false,
            skip_navigation: true,
        };
        let schema = crate::schema::build(&[parse_page("user.md", text)])
            .select(&selection)
            .unwrap();
        let code = emit(&schema, &EmitOptions::default());
        assert!(
            code.contains("\"manager\" => manager: support::Expanded<User>,"),
            "{code}"
        );
        assert!(code.contains("\"messages\" => messages: Vec<serde_json::Value>,"));
        let typed = EmitOptions {
            typed_navigation: true,
            ..EmitOptions::default()
        };
        assert!(emit(&schema, &typed).contains("\"manager\" => manager: Box<User>,"));
    }
}
