//! Stage 3: [`Schema`] → Rust source (syn tokens, formatted by prettyplease).
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
//! that includes parts). This file holds the context they share (`Emitter`), lays the items
//! out in modules and formats them.

mod areas;
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
use fields::{boxed_edges, BoxedEdges};
use files::Rendered;
use ident::to_ident;
use names::{module_of, Names};
use options::AttributeRules;
use proc_macro2::TokenStream;
use quote::quote;
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
}

impl<'a> Emitter<'a> {
    /// Decides the names and boxed fields of `schema`.
    fn new(schema: &'a Schema, options: &'a EmitOptions) -> Emitter<'a> {
        let subtypes = schema.subtypes();
        Emitter {
            schema,
            options,
            attributes: AttributeRules::new(options),
            names: Names::new(schema),
            boxed: boxed_edges(schema, &subtypes, options.typed_navigation),
            subtypes,
            areas: options.area_features.then(|| areas::Areas::new(schema)),
        }
    }

    /// With area features, `#[cfg]` for something of `owner` that names the type `target`:
    /// empty when `target` is compiled whenever `owner` is (or without area features).
    fn reference_cfg(&self, owner: &str, target: &str) -> TokenStream {
        areas::tokens(self.reference_cfg_text(owner, target))
    }

    /// [`Emitter::reference_cfg`] as text, as an `object!` table row carries it.
    fn reference_cfg_text(&self, owner: &str, target: &str) -> Option<String> {
        match &self.areas {
            Some(areas) if self.schema.get(target).is_some() => {
                areas.reference_cfg_text(owner, target)
            }
            _ => None,
        }
    }

    /// The items of one type: its struct or enum, with their impls (each under the type's
    /// `#[cfg]` with area features).
    fn item(&self, t: &TypeDef) -> TokenStream {
        let tokens = match t.kind {
            Kind::Enum => self.emit_enum(t),
            Kind::Entity | Kind::Complex => self.emit_struct(t),
        };
        let cfg = match &self.areas {
            Some(areas) => areas.type_cfg(&t.qualified_name()),
            None => return tokens,
        };
        if cfg.is_empty() {
            return tokens;
        }
        let file: syn::File = syn::parse2(tokens).expect("generated items are valid Rust");
        let items = file.items.iter();
        quote!(#(#cfg #items)*)
    }

    /// The items of a sub-namespace module of the root, whole, nested modules included. A
    /// module imports `support` (whose `object!` and `string_enum!` macros expand to paths
    /// from it).
    fn module(&self, child: &str) -> TokenStream {
        let mut modules: BTreeMap<Vec<String>, Vec<TokenStream>> = BTreeMap::new();
        let mut importing: BTreeSet<Vec<String>> = BTreeSet::new();
        for t in self.schema.types() {
            let module = module_of(&t.namespace);
            if module.first().map(String::as_str) == Some(child) {
                let items = modules.entry(module.clone()).or_default();
                if importing.insert(module.clone()) {
                    let import = support::support_import(&module);
                    // Unused when no area that needs a struct of the module is enabled.
                    let allow = self
                        .areas
                        .is_some()
                        .then(|| quote!(#[allow(unused_imports)]));
                    items.insert(0, quote!(#allow #import));
                }
                items.push(self.item(t));
            }
        }
        render_module(&[], &mut modules)
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

/// A piece of the generated file that is formatted on its own.
enum Unit<'a> {
    /// A type of the root namespace, with its impls.
    Type(&'a TypeDef),
    /// The `support` module.
    Support,
    /// A sub-namespace module, whole.
    Module(String),
}

/// Generates the Rust source for a schema: a single file of items (no inner attributes), fit
/// both for a checked-in module and for `include!` from `OUT_DIR`.
pub fn emit(schema: &Schema, options: &EmitOptions) -> String {
    render(schema, options).into_one_file()
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
    render(schema, options).into_files(file_name, split_above)
}

/// Formats the output in independently formatted pieces: each type of the root namespace, the
/// support module, then each sub-namespace module whole. Formatting them on all cores and
/// joining in this order gives the same text as formatting the file at once.
fn render(schema: &Schema, options: &EmitOptions) -> Rendered {
    let emitter = Emitter::new(schema, options);
    let mut units: Vec<Unit> = schema
        .types()
        .iter()
        .filter(|t| module_of(&t.namespace).is_empty())
        .map(Unit::Type)
        .collect();
    if !schema.types().is_empty() {
        units.push(Unit::Support);
    }
    let children: BTreeSet<String> = schema
        .types()
        .iter()
        .filter_map(|t| module_of(&t.namespace).first().cloned())
        .collect();
    units.extend(children.into_iter().map(Unit::Module));
    let pieces = crate::parallel::map_in_order(&units, 256, |unit| {
        let tokens = match unit {
            Unit::Type(t) => emitter.item(t),
            // Written as its source is laid out (see `support::support_module`).
            Unit::Support => return support::support_module().to_owned(),
            Unit::Module(child) => emitter.module(child),
        };
        let file: syn::File = syn::parse2(tokens).expect("generated code is valid Rust");
        emitter.expand_markers(&prettyplease::unparse(&file))
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
        Unit::Type(t) => files::group_of_type(emitter.names.type_name(&t.qualified_name())),
        Unit::Support => files::group_of_module("support"),
        Unit::Module(child) => files::group_of_module(child),
    });
    Rendered {
        header,
        pieces: groups.zip(pieces).collect(),
    }
}

/// The module at `path` (relative to the root of `modules`): its own items, then its child
/// modules, each rendered the same way. Takes the rendered modules out of `modules`.
fn render_module(
    path: &[String],
    modules: &mut BTreeMap<Vec<String>, Vec<TokenStream>>,
) -> TokenStream {
    let items = modules.remove(path).unwrap_or_default();
    let children: BTreeSet<String> = modules
        .keys()
        .filter(|k| k.len() > path.len() && k.starts_with(path))
        .map(|k| k[path.len()].clone())
        .collect();
    let mut out = quote!(#(#items)*);
    for child in children {
        let mut child_path = path.to_vec();
        child_path.push(child.clone());
        let inner = render_module(&child_path, modules);
        let ident = to_ident(&child);
        let doc = format!(" Types of the `microsoft.graph` sub-namespace `{child}`.");
        out.extend(quote!(#[doc = #doc] pub mod #ident { #inner }));
    }
    out
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
        assert!(code.contains("pub struct ResetPasscodeActionResult"));
        assert!(code.contains("pub base: DeviceActionResult,"));
        assert!(code.contains(
            "support::ancestors! {\n    ResetPasscodeActionResult,\n    DeviceActionResult = base,\n}\n"
        ));
        assert!(code.contains("impl AsRef<DeviceActionResult> for DeviceActionResult"));
        assert!(code.contains("Unrecognized(String)"));
        assert_eq!(code, emit(&schema, &EmitOptions::default()));
    }

    #[test]
    fn only_real_markers_become_tables() {
        let text = include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");
        let schema = crate::schema::build(&[parse_page("docs-input/x.md", text)]);
        let options = EmitOptions::default();
        let emitter = Emitter::new(&schema, &options);
        let index = schema
            .types()
            .iter()
            .position(|t| t.name == "resetPasscodeActionResult")
            .unwrap();
        let marker = format!(
            "    support::object!(\n        ResetPasscodeActionResult,\n        {index},\n    );\n"
        );
        let table = emitter.expand_markers(&marker);
        assert!(table.starts_with("    support::object! {\n        ResetPasscodeActionResult,\n"));
        assert!(
            table.contains("\n        \"passcode\" => passcode,\n"),
            "{table}"
        );
        let state = schema
            .types()
            .iter()
            .position(|t| t.name == "actionState")
            .unwrap();
        let marker = format!("support::string_enum!(ActionState, {state});\n");
        let table = emitter.expand_markers(&marker);
        assert!(
            table.starts_with("support::string_enum! {\n    ActionState,\n    Unrecognized,\n    \"none\" => None,\n"),
            "{table}"
        );
        // An enum's index under the struct macro, and the reverse: left alone.
        for text in [
            format!("support::object!(ActionState, {state});\n"),
            format!("support::string_enum!(ResetPasscodeActionResult, {index});\n"),
        ] {
            assert_eq!(emitter.expand_markers(&text), text);
        }
        // Look-alikes in docs and strings, a wrong name, an index out of range: left alone.
        for text in [
            format!("/// support::object!(ResetPasscodeActionResult, {index});\n"),
            format!("    \"support::object!(ResetPasscodeActionResult, {index});\"\n"),
            format!("support::object!(ActionState, {index});\n"),
            "support::object!(ResetPasscodeActionResult, 99999);\n".to_owned(),
            "support::object!(ResetPasscodeActionResult, x) + y;\n".to_owned(),
            "support::object!(".to_owned(),
        ] {
            assert_eq!(emitter.expand_markers(&text), text);
        }
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
            code.contains("pub manager: support::Nullable<support::Expanded<User>>,"),
            "{code}"
        );
        assert!(code.contains("pub messages: support::Nullable<Vec<serde_json::Value>>,"));
        let typed = EmitOptions {
            typed_navigation: true,
            ..EmitOptions::default()
        };
        assert!(emit(&schema, &typed).contains("pub manager: support::Nullable<Box<User>>,"));
    }
}
