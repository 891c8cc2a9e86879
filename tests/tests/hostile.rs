//! Hostile names and text: hand-written pages under `tests/fixtures/hostile/pages/` name types,
//! properties and members with Rust keywords, digits, `@ . -`, spaces, non-ASCII and names that
//! collide after case conversion or shadow the prelude and the crates the generated code uses;
//! their descriptions try to close comments, break out of string literals, open doc-test fences
//! and inject items. The generated code (`expected.rs` beside them) is checked in, compiled into
//! this test, and inspected: it declares the schema's types and nothing else.
//!
//! After an intended change of the emitter: `DOCGEN_BLESS=1 cargo test -p msgraph-docgen-e2e
//! --test hostile` rewrites `expected.rs`.

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::schema::{Kind, Schema};
use msgraph_docgen_e2e::workspace;
use proc_macro2::{TokenStream, TokenTree};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::str::FromStr;
use syn::visit::Visit;

/// The checked-in generated code, compiled (`include!` keeps rustfmt off the generated file).
#[allow(dead_code)]
mod expected {
    include!("../fixtures/hostile/expected.rs");
}

fn fixture() -> PathBuf {
    workspace().join("tests/fixtures/hostile")
}

fn schema() -> Schema {
    msgraph_docgen::schema_of(&[fixture().join("pages")]).expect("fixture pages readable")
}

fn code() -> String {
    emit(&schema(), &EmitOptions::default())
}

#[test]
fn checked_in_code_is_what_the_pages_generate() {
    let fresh = code();
    let path = fixture().join("expected.rs");
    if std::env::var("DOCGEN_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, &fresh).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        fresh == checked_in,
        "{} is stale: rerun with DOCGEN_BLESS=1 and review the diff",
        path.display()
    );
}

/// Everything the generated file contains, collected by a syn visitor.
#[derive(Default)]
struct Inventory {
    structs: Vec<String>,
    enums: Vec<String>,
    traits: Vec<String>,
    mods: Vec<(String, bool)>,
    impls: Vec<(Option<String>, String)>,
    other_items: Vec<String>,
    macros: Vec<String>,
    attrs: Vec<String>,
    docs: Vec<String>,
    /// The generator's `support` modules, as token text (not inventoried: the same in every
    /// generated file, which the test checks).
    support: Vec<String>,
}

/// The struct a `support::object!` table declares, when the table is `"graph.name",`, outer
/// attributes, `pub struct Name` (`: Base` for a derived one), then braces holding only
/// `"json" => field: Type,` rows, each with outer attributes before it and after `=>`: the
/// struct as the macro declares it (its fields, their types and attributes, without the
/// generated ones), so that its docs and attributes are inventoried; `None` for anything else.
fn object_table(tokens: &proc_macro2::TokenStream) -> Option<(String, Option<syn::Item>)> {
    use syn::parse::{ParseStream, Parser};
    use syn::{Attribute, Ident, LitStr, Path, Token, Type};
    let parser = |input: ParseStream| -> syn::Result<syn::ItemStruct> {
        input.parse::<LitStr>()?;
        input.parse::<Token![,]>()?;
        let attrs = input.call(Attribute::parse_outer)?;
        input.parse::<Token![pub]>()?;
        input.parse::<Token![struct]>()?;
        let name: Ident = input.parse()?;
        if input.parse::<Option<Token![:]>>()?.is_some() {
            input.parse::<Path>()?;
        }
        let body;
        syn::braced!(body in input);
        let mut fields: Vec<syn::Field> = Vec::new();
        while !body.is_empty() {
            let mut attrs = body.call(Attribute::parse_outer)?;
            body.parse::<LitStr>()?;
            body.parse::<Token![=>]>()?;
            attrs.extend(body.call(Attribute::parse_outer)?);
            let field: Ident = body.parse()?;
            body.parse::<Token![:]>()?;
            let ty: Type = body.parse()?;
            body.parse::<Token![,]>()?;
            fields.push(syn::parse_quote!(#(#attrs)* pub #field: #ty));
        }
        Ok(syn::ItemStruct {
            attrs,
            vis: syn::parse_quote!(pub),
            struct_token: Default::default(),
            ident: name,
            generics: Default::default(),
            fields: syn::Fields::Named(syn::FieldsNamed {
                brace_token: Default::default(),
                named: fields.into_iter().collect(),
            }),
            semi_token: None,
        })
    };
    let item = parser.parse2(tokens.clone()).ok()?;
    Some((item.ident.to_string(), Some(syn::Item::Struct(item))))
}

/// The enum a `support::string_enum!` table is for, when the table is `Enum, Catchall,`, then
/// only `"wire" => Variant,` rows, each with an optional integer value (`= -1`); `None` for
/// anything else.
fn enum_table(tokens: &proc_macro2::TokenStream) -> Option<(String, Option<syn::Item>)> {
    use syn::parse::{ParseStream, Parser};
    use syn::{Ident, LitInt, LitStr, Token};
    let parser = |input: ParseStream| -> syn::Result<String> {
        let target: Ident = input.parse()?;
        input.parse::<Token![,]>()?;
        input.parse::<Ident>()?;
        input.parse::<Token![,]>()?;
        while !input.is_empty() {
            input.parse::<LitStr>()?;
            input.parse::<Token![=>]>()?;
            input.parse::<Ident>()?;
            if input.parse::<Option<Token![=]>>()?.is_some() {
                input.parse::<Option<Token![-]>>()?;
                input.parse::<LitInt>()?;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(target.to_string())
    };
    parser.parse2(tokens.clone()).ok().map(|t| (t, None))
}

/// The `Any...` enum a `support::family!` table declares, when the table is `AnyEnum,
/// "graph.name", Variant(Type),`, then only `"tag" => Variant(Type) = base(.base)*,` rows, the
/// types plain paths; `None` for anything else.
fn family_table(tokens: &proc_macro2::TokenStream) -> Option<(String, Option<syn::Item>)> {
    use syn::parse::{ParseStream, Parser};
    use syn::{Ident, LitStr, Path, Token};
    let variant = |input: ParseStream| -> syn::Result<()> {
        input.parse::<Ident>()?;
        let ty;
        syn::parenthesized!(ty in input);
        ty.parse::<Path>()?;
        if !ty.is_empty() {
            return Err(ty.error("one path"));
        }
        Ok(())
    };
    let parser = |input: ParseStream| -> syn::Result<Ident> {
        let any: Ident = input.parse()?;
        input.parse::<Token![,]>()?;
        input.parse::<LitStr>()?;
        input.parse::<Token![,]>()?;
        variant(input)?;
        input.parse::<Token![,]>()?;
        while !input.is_empty() {
            input.parse::<LitStr>()?;
            input.parse::<Token![=>]>()?;
            variant(input)?;
            input.parse::<Token![=]>()?;
            base_fields(input)?;
            input.parse::<Token![,]>()?;
        }
        Ok(any)
    };
    let any = parser.parse2(tokens.clone()).ok()?;
    Some((any.to_string(), Some(syn::parse_quote!(pub enum #any {}))))
}

/// The struct a `support::ancestors!` table is for, when the table is `Struct,`, then only
/// `Type = base(.base)*,` rows, the types plain paths; `None` for anything else.
fn ancestors_table(tokens: &proc_macro2::TokenStream) -> Option<(String, Option<syn::Item>)> {
    use syn::parse::{ParseStream, Parser};
    use syn::{Ident, Path, Token};
    let parser = |input: ParseStream| -> syn::Result<String> {
        let target: Ident = input.parse()?;
        input.parse::<Token![,]>()?;
        while !input.is_empty() {
            input.parse::<Path>()?;
            input.parse::<Token![=]>()?;
            base_fields(input)?;
            input.parse::<Token![,]>()?;
        }
        Ok(target.to_string())
    };
    parser.parse2(tokens.clone()).ok().map(|t| (t, None))
}

/// `base(.base)*`, the path of fields from a struct to an ancestor's.
fn base_fields(input: syn::parse::ParseStream) -> syn::Result<()> {
    loop {
        let field: syn::Ident = input.parse()?;
        if field != "base" {
            return Err(syn::Error::new(field.span(), "a `base` field"));
        }
        if input.parse::<Option<syn::Token![.]>>()?.is_none() {
            return Ok(());
        }
    }
}

/// A parser of one kind of `support` table: the type the table is for and the item it
/// declares, if any, when it has exactly the table's shape.
type TableParser = fn(&proc_macro2::TokenStream) -> Option<(String, Option<syn::Item>)>;

/// The `support` table macros: name, parser, and the impl a table is inventoried as.
const TABLES: [(&str, TableParser, &str); 4] = [
    // `"graph.name", pub struct Struct: Base { "json" => field: Type, ... }`: a struct and
    // its impls.
    ("object", object_table, "Object"),
    // `Enum, Catchall, "wire" => Variant = 1, ...`: conversions and comparisons of an enum.
    ("string_enum", enum_table, "StringEnum"),
    // `Struct, Base = base, ...`: `AsRef`, `AsMut` and `From` impls of a derived struct.
    ("ancestors", ancestors_table, "Ancestors"),
    // `AnyEnum, "graph.name", Variant(Type), "tag" => Variant(Type) = base, ...`: an `Any...`
    // enum and its impls.
    ("family", family_table, "Family"),
];

/// The entry of [`TABLES`] for a `support::<name>!` invocation.
fn support_table(mac: &syn::Macro) -> Option<&'static (&'static str, TableParser, &'static str)> {
    let segments = &mac.path.segments;
    if segments.len() != 2 || segments[0].ident != "support" {
        return None;
    }
    TABLES.iter().find(|(name, ..)| segments[1].ident == name)
}

impl<'ast> Visit<'ast> for Inventory {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        match item {
            syn::Item::Struct(s) => self.structs.push(s.ident.to_string()),
            syn::Item::Enum(e) => self.enums.push(e.ident.to_string()),
            syn::Item::Trait(t) => self.traits.push(t.ident.to_string()),
            syn::Item::Mod(m) if m.ident == "support" => {
                self.support.push(quote::quote!(#m).to_string());
                return;
            }
            syn::Item::Mod(m) => self.mods.push((m.ident.to_string(), m.content.is_some())),
            syn::Item::Impl(i) => {
                let last = |p: &syn::Path| p.segments.last().map(|s| s.ident.to_string());
                let target = match &*i.self_ty {
                    syn::Type::Path(p) => last(&p.path).unwrap_or_default(),
                    other => quote::quote!(#other).to_string(),
                };
                self.impls
                    .push((i.trait_.as_ref().and_then(|(_, p, _)| last(p)), target));
            }
            syn::Item::Use(_) => {}
            // A `support` table (`support::object! { "graph.name", pub struct Struct { "json"
            // => field: Type, ... } }` and the others of `TABLES`): the type's impls,
            // inventoried as one impl of it, and the struct or enum it declares, when the
            // table has exactly its shape.
            syn::Item::Macro(m) if support_table(&m.mac).is_some() => {
                let (_, parse, label) = support_table(&m.mac).expect("checked by the guard");
                match parse(&m.mac.tokens) {
                    Some((target, declared)) => {
                        self.impls.push((Some((*label).to_owned()), target));
                        if let Some(declared) = declared {
                            <Inventory as Visit<'_>>::visit_item(self, &declared);
                        }
                    }
                    None => self.other_items.push(quote::quote!(#m).to_string()),
                }
                return;
            }
            other => self
                .other_items
                .push(quote::quote!(#other).to_string().chars().take(80).collect()),
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.macros.push(quote::quote!(#m).to_string());
        syn::visit::visit_macro(self, m);
    }

    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        let path = attr.path().get_ident().map(ToString::to_string);
        match (&attr.meta, path.as_deref()) {
            (syn::Meta::NameValue(nv), Some("doc")) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => self.docs.push(s.value()),
                other => self.attrs.push(format!("doc = {}", quote::quote!(#other))),
            },
            (_, Some("derive" | "serde" | "non_exhaustive" | "inline")) => {
                let text = quote::quote!(#attr).to_string();
                let allowed = text.starts_with("# [derive")
                    || text.starts_with("# [serde")
                    || text == "# [non_exhaustive]"
                    || text == "# [inline]";
                if !allowed {
                    self.attrs.push(text);
                }
            }
            _ => self.attrs.push(quote::quote!(#attr).to_string()),
        }
    }
}

fn inventory(code: &str) -> Inventory {
    let file = syn::parse_file(code).expect("generated code parses");
    assert!(file.attrs.is_empty(), "no inner attributes");
    let mut inv = Inventory::default();
    inv.visit_file(&file);
    inv
}

fn idents(stream: TokenStream, out: &mut BTreeSet<String>) {
    for tree in stream {
        match tree {
            TokenTree::Ident(i) => {
                out.insert(i.to_string());
            }
            TokenTree::Group(g) => idents(g.stream(), out),
            _ => {}
        }
    }
}

/// Identifiers and items the pages try to smuggle in; none may appear outside string literals.
const INJECTED: &[&str] = &[
    "pwned",
    "injected",
    "include",
    "include_str",
    "cfg",
    "macro_rules",
    "no_std",
    "process",
    "exit",
    "main",
    "passwd",
];

#[test]
fn generated_code_declares_the_schema_types_and_nothing_else() {
    let schema = schema();
    let code = code();
    let inv = inventory(&code);
    let mods: BTreeSet<&str> = inv.mods.iter().map(|(m, _)| m.as_str()).collect();
    assert!(
        inv.other_items.is_empty(),
        "items beyond types: {:?}",
        inv.other_items
    );
    assert!(inv.macros.is_empty(), "macro invocations: {:?}", inv.macros);
    // The support module is the one every generated file carries, whatever the pages say.
    let founding =
        std::fs::read_to_string(workspace().join("generated/src/msgraph_types.rs")).unwrap();
    assert_eq!(
        inv.support,
        inventory(&founding).support,
        "the support module"
    );
    assert_eq!(inv.support.len(), 1);
    assert!(
        inv.attrs.is_empty(),
        "unexpected attributes: {:?}",
        inv.attrs
    );
    // One struct per entity or complex type, one enum per enum, and per type with subtypes one
    // `Any...` enum; no traits.
    let structs = schema
        .types()
        .iter()
        .filter(|t| t.kind != Kind::Enum)
        .count();
    assert_eq!(inv.structs.len(), structs, "{:?}", inv.structs);
    let anys = inv.enums.iter().filter(|e| e.starts_with("Any")).count();
    assert_eq!(anys, schema.subtypes().len(), "{:?}", inv.enums);
    assert_eq!(
        inv.enums.len() - anys,
        schema.types().len() - structs,
        "{:?}",
        inv.enums
    );
    assert!(inv.traits.is_empty(), "{:?}", inv.traits);
    // Modules: inline only (`mod x;` would read another file), one per namespace segment.
    assert!(inv.mods.iter().all(|(_, inline)| *inline), "{:?}", inv.mods);
    assert_eq!(
        mods,
        BTreeSet::from(["call_records", "serde_", "std_"]),
        "modules"
    );
    // Impls: inherent (enums), and a fixed set of standard and `support` traits.
    for (tr, target) in &inv.impls {
        let known = match tr.as_deref() {
            None => inv.enums.contains(target),
            Some("From" | "Display" | "Serialize" | "Deserialize") => true,
            // Views of an ancestor's struct (or of itself), from a struct or an `Any...` enum.
            Some("AsRef" | "AsMut") => inv.structs.contains(target) || target.starts_with("Any"),
            // A `support::object!` table: only ever for a struct; `support::string_enum!`:
            // only ever for an enum.
            Some("Object") => inv.structs.contains(target),
            Some("StringEnum") => inv.enums.contains(target),
            // A `support::ancestors!` table: only ever for a struct.
            Some("Ancestors") => inv.structs.contains(target),
            // A `support::family!` table: only ever for an `Any...` enum.
            Some("Family") => target.starts_with("Any") && inv.enums.contains(target),
            Some(_) => false,
        };
        assert!(known, "impl {tr:?} for {target}");
    }
    // Docs: plain strings, one line each, no doc-test fences, no control or bidi characters.
    for d in &inv.docs {
        let trimmed = d.trim_start();
        assert!(
            !trimmed.starts_with("```") && !trimmed.starts_with("~~~"),
            "doc line opens a code block: {d:?}"
        );
        assert!(
            !d.chars().any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "doc line with control or bidi characters: {d:?}"
        );
    }
    // Nothing smuggled in as an identifier.
    // (The support module, the same in every file and checked above, is left out: its
    // `object!` macro is a `macro_rules`.)
    let mut file = syn::parse_file(&code).unwrap();
    file.items
        .retain(|i| !matches!(i, syn::Item::Mod(m) if m.ident == "support"));
    let mut found = BTreeSet::new();
    idents(quote::quote!(#file), &mut found);
    let smuggled: Vec<&&str> = INJECTED.iter().filter(|i| found.contains(**i)).collect();
    assert!(smuggled.is_empty(), "injected identifiers: {smuggled:?}");
    // No raw control or bidi characters anywhere in the source (literals escape them).
    assert!(
        !code.chars().any(|c| (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
        "raw control or bidi characters in the generated source"
    );
}

#[test]
fn no_type_shadows_a_name_the_generated_code_relies_on() {
    let inv = inventory(&code());
    for name in ["Self", "Option", "Result", "Box", "Vec", "String", "From"] {
        assert!(
            !inv.structs
                .iter()
                .chain(&inv.enums)
                .chain(&inv.traits)
                .any(|n| n == name),
            "a type is named `{name}`: {:?} {:?}",
            inv.structs,
            inv.enums
        );
    }
    for module in [
        "std",
        "core",
        "alloc",
        "serde",
        "serde_json",
        "jiff",
        "uuid",
    ] {
        assert!(
            !inv.mods.iter().any(|(m, _)| m == module),
            "a module is named `{module}`"
        );
    }
}

#[test]
fn the_compiled_hostile_types_read_and_write_their_json() {
    use expected::*;
    let json = serde_json::json!({
        "userId": "a",
        "user_id": "b",
        "UserID": "c",
        "odata_type": "d",
        "additionalProperties": "e",
        "base": "e2",
        "123abc": 7,
        "über": "f",
        "bell\u{7}key": "g",
        "quote\"key */ \\": "h",
        "rtl\u{202e}key": "i",
        "fn": "Self",
        "type": "inherited",
        "unknown": [1, 2],
        "@odata.type": "#microsoft.graph.type"
    });
    let value: Type = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&value).unwrap(), json);
    // The unknown key is kept by the root of the chain; the property named `base` gets a field
    // of its own beside the one that holds the base type.
    assert_eq!(
        value.base.additional_properties["unknown"],
        serde_json::json!([1, 2])
    );
    assert_eq!(value.base_2.value().map(String::as_str), Some("e2"));
}

#[test]
fn the_inspection_catches_what_an_injection_would_add() {
    let tampered = format!(
        "{}\nmod injected {{ include!(\"x.rs\"); }}\nmod elsewhere;\nfn pwned() {{}}\n#[doc = include_str!(\"/etc/passwd\")]\n#[cfg(any())]\npub struct Z;\n/// ```\npub struct W;\nsupport::string_enum! {{ W, Other, \"a\" => A, fn b() {{}} }}\nsupport::family! {{ AnyW, \"w\", W(W), \"x\" => X(X) = base.pwned(), }}\nsupport::ancestors! {{ W, X = base, Y = drop, }}\nsupport::object! {{ \"v\", pub struct V {{ \"a\" => #[path = \"x\"] a: String, }} }}\nsupport::object! {{ \"u\", pub struct U {{ \"a\" => a: String, fn b() {{}} }} }}\n",
        code()
    );
    let inv = inventory(&tampered);
    // `include!(..);` in item position, `fn pwned`, an enum table with a `fn` in it and a
    // family table with a call in a path, an ancestors table with another field, a struct
    // table with a `fn` in it.
    assert_eq!(inv.other_items.len(), 6, "{:?}", inv.other_items);
    assert_eq!(inv.macros.len(), 1, "{:?}", inv.macros);
    // doc = include_str!(..), cfg, and `path` on a field of a struct table.
    assert_eq!(inv.attrs.len(), 3, "{:?}", inv.attrs);
    assert!(inv.mods.contains(&("elsewhere".to_owned(), false)));
    assert!(inv.docs.iter().any(|d| d.trim_start().starts_with("```")));
    let mut found = BTreeSet::new();
    idents(TokenStream::from_str(&tampered).unwrap(), &mut found);
    assert!(found.contains("pwned") && found.contains("injected"));
}
