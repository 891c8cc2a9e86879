//! Stage 3: [`Schema`] → Rust source (syn tokens, formatted by prettyplease).
//!
//! Per entity or complex type: a struct of `Option` fields (the docs do not state nullability)
//! with serde renames, the `@odata.type` annotation, and a flattened map that keeps unknown
//! properties. Per type with subtypes: a `...Fields` trait implemented by the type and all its
//! descendants, and `From<Descendant>` conversions that move unknown-to-the-base fields into the
//! map, so nothing is lost. Per enum: the documented members plus `Unrecognized(String)`.

pub mod ident;
mod types;

use crate::docs_text::is_unsafe_char;
use crate::schema::{Kind, QualifiedName, Schema, TypeDef, TypeRef};
use ident::{camel, doc_name, snake, to_ident, Scope};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

pub use types::{rust_type_of_primitive, TypeMapping};

/// Options of the generated code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmitOptions {
    /// Mark structs and enums `#[non_exhaustive]`, so that adding properties or members to the
    /// docs later is not a breaking change of the generated API.
    pub non_exhaustive: bool,
    /// Rust types for primitives, replacing the defaults (see [`TypeMapping`]).
    pub type_mapping: TypeMapping,
    /// Extra attributes for types: (pattern, attribute). See [`EmitOptions::type_attribute`].
    pub type_attributes: Vec<(String, String)>,
    /// Extra attributes for struct fields: (pattern, attribute). See
    /// [`EmitOptions::field_attribute`].
    pub field_attributes: Vec<(String, String)>,
}

/// An attribute that does not parse as Rust outer attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadAttribute {
    /// The pattern it was given for.
    pub pattern: String,
    /// The attribute text.
    pub attribute: String,
    /// What the parser said.
    pub message: String,
}

impl std::fmt::Display for BadAttribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "attribute for `{}`: expected outer attributes such as `#[derive(Hash)]`, got `{}`: {}",
            self.pattern, self.attribute, self.message
        )
    }
}

impl std::error::Error for BadAttribute {}

/// Parses attribute text, or says why not.
fn parse_attributes(pattern: &str, attribute: &str) -> Result<TokenStream, BadAttribute> {
    use syn::parse::Parser;
    syn::Attribute::parse_outer
        .parse_str(attribute)
        .map(|attrs| quote!(#(#attrs)*))
        .map_err(|e| BadAttribute {
            pattern: pattern.to_owned(),
            attribute: attribute.to_owned(),
            message: e.to_string(),
        })
}

/// True when `pattern` selects the qualified name: `*` selects everything, `prefix.*` every name
/// under the prefix, anything else only itself.
fn pattern_matches(pattern: &str, qualified: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => qualified.starts_with(prefix),
        None => pattern == qualified,
    }
}

impl EmitOptions {
    /// Adds outer attributes to the types that `pattern` selects: a qualified name
    /// (`microsoft.graph.user`), `*` for every type, or a prefix such as
    /// `microsoft.graph.callRecords.*`.
    ///
    /// ```
    /// let mut options = msgraph_docgen::emit::EmitOptions::default();
    /// options.type_attribute("microsoft.graph.actionState", "#[doc(alias = \"state\")]").unwrap();
    /// assert!(options.type_attribute("*", "derive(Hash)").is_err());
    /// ```
    pub fn type_attribute(&mut self, pattern: &str, attribute: &str) -> Result<(), BadAttribute> {
        parse_attributes(pattern, attribute)?;
        self.type_attributes
            .push((pattern.to_owned(), attribute.to_owned()));
        Ok(())
    }

    /// Adds outer attributes to the struct fields that `pattern` selects: a type pattern (as in
    /// [`EmitOptions::type_attribute`]), a `.`, and the JSON property name or `*`.
    ///
    /// ```
    /// let mut options = msgraph_docgen::emit::EmitOptions::default();
    /// options
    ///     .field_attribute("microsoft.graph.resetPasscodeActionResult.passcode", "#[doc(alias = \"pin\")]")
    ///     .unwrap();
    /// ```
    pub fn field_attribute(&mut self, pattern: &str, attribute: &str) -> Result<(), BadAttribute> {
        parse_attributes(pattern, attribute)?;
        self.field_attributes
            .push((pattern.to_owned(), attribute.to_owned()));
        Ok(())
    }

    fn attributes_of_type(&self, qualified: &str) -> TokenStream {
        let attrs = self
            .type_attributes
            .iter()
            .filter(|(pattern, _)| pattern_matches(pattern, qualified))
            .filter_map(|(pattern, attr)| parse_attributes(pattern, attr).ok());
        quote!(#(#attrs)*)
    }

    fn attributes_of_field(&self, qualified: &str, property: &str) -> TokenStream {
        let attrs = self
            .field_attributes
            .iter()
            .filter(|(pattern, _)| {
                pattern.rsplit_once('.').is_some_and(|(ty, prop)| {
                    (prop == "*" || prop == property) && pattern_matches(ty, qualified)
                })
            })
            .filter_map(|(pattern, attr)| parse_attributes(pattern, attr).ok());
        quote!(#(#attrs)*)
    }
}

/// The names chosen for every type of a schema.
struct Names {
    /// Qualified name → (module path segments, Rust type name).
    types: BTreeMap<QualifiedName, (Vec<String>, String)>,
    /// Qualified name → name of its `...Fields` trait (types with subtypes only).
    traits: BTreeMap<QualifiedName, String>,
    /// Qualified name → name of its `Any...` enum, which holds the type or any type derived from
    /// it, chosen by `@odata.type` (types with subtypes only).
    anys: BTreeMap<QualifiedName, String>,
}

/// Module path for a namespace: `microsoft.graph` is the root, `microsoft.graph.callRecords`
/// becomes `call_records`.
fn module_of(namespace: &str) -> Vec<String> {
    let rest = namespace
        .strip_prefix("microsoft.graph")
        .unwrap_or(namespace);
    rest.split('.')
        .filter(|s| !s.is_empty())
        .map(ident::module)
        .collect()
}

impl Names {
    fn new(schema: &Schema) -> Names {
        let mut scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
        let subtypes = schema.subtypes();
        let mut types = BTreeMap::new();
        let mut traits = BTreeMap::new();
        let mut anys = BTreeMap::new();
        // Type names first, then traits. Types defined by a page claim their name before
        // reconstructed ones and placeholders (a miscased link must not take `User` from
        // `user`); ties resolve in schema order, so the result is deterministic.
        let mut by_claim: Vec<&TypeDef> = schema.types().iter().collect();
        by_claim.sort_by_key(|t| t.origin);
        for t in by_claim {
            let module = module_of(&t.namespace);
            let scope = scopes
                .entry(module.clone())
                .or_insert_with(Scope::for_types);
            let name = scope.unique(&camel(&t.name));
            types.insert(t.qualified_name(), (module, name));
        }
        for t in schema.types() {
            let q = t.qualified_name();
            if t.kind != Kind::Enum && subtypes.contains_key(&q) {
                let module = module_of(&t.namespace);
                let scope = scopes.entry(module).or_insert_with(Scope::for_types);
                traits.insert(q.clone(), scope.unique(&format!("{}Fields", types[&q].1)));
                anys.insert(q.clone(), scope.unique(&format!("Any{}", types[&q].1)));
            }
        }
        Names {
            types,
            traits,
            anys,
        }
    }

    /// A path to `qualified` usable from inside module `from`.
    fn path(&self, from: &[String], qualified: &str, item: &str) -> TokenStream {
        let target = match self.types.get(qualified) {
            Some((module, _)) => module.clone(),
            None => Vec::new(),
        };
        let mut common = 0;
        while common < from.len() && common < target.len() && from[common] == target[common] {
            common += 1;
        }
        let supers = (common..from.len()).map(|_| quote!(super::));
        let downs = target[common..].iter().map(|m| {
            let m = to_ident(m);
            quote!(#m::)
        });
        let item = to_ident(item);
        quote!(#(#supers)* #(#downs)* #item)
    }

    /// The Rust type of a value declared as `qualified`: its `Any...` enum when it has subtypes
    /// (so the value keeps whichever derived type `@odata.type` names), else the type itself.
    fn value_path(&self, from: &[String], qualified: &str) -> TokenStream {
        match self.anys.get(qualified) {
            Some(any) => self.path(from, qualified, any),
            None => self.type_path(from, qualified),
        }
    }

    fn type_path(&self, from: &[String], qualified: &str) -> TokenStream {
        let name = self
            .types
            .get(qualified)
            .map_or("Value", |(_, n)| n.as_str());
        self.path(from, qualified, name)
    }
}

/// Cleans a docs description into rustdoc lines: no control characters, no accidental
/// intra-doc links or HTML tags, URLs in angle brackets.
fn doc_lines(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len());
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let trimmed = word.trim_end_matches(['.', ',', ')', ';']);
        if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
            out.push('<');
            out.push_str(&trimmed.replace(['<', '>'], ""));
            out.push('>');
            out.push_str(&word[trimmed.len()..]);
            continue;
        }
        for c in word.chars() {
            match c {
                '[' => out.push_str("\\["),
                ']' => out.push_str("\\]"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' => out.push_str("\\\\"),
                c if is_unsafe_char(c) => out.push(' '),
                c => out.push(c),
            }
        }
    }
    out.split('\n')
        .map(|l| {
            let l = l.trim();
            // A line opening with a fence would start a code block: a doc test.
            if l.starts_with("```") || l.starts_with("~~~") {
                format!(" \\{l}")
            } else {
                format!(" {l}")
            }
        })
        .filter(|l| l.trim() != "")
        .collect()
}

/// Doc attributes: the docs' own `description` (escaped), then the generator's `about` line.
fn docs(description: &str, about: &str) -> TokenStream {
    let mut lines: Vec<String> = doc_lines(description);
    if !about.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!(" {about}"));
    }
    quote!(#(#[doc = #lines])*)
}

/// Puts a blank line between top-level items (prettyplease leaves none).
fn space_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + code.len() / 16);
    let mut prev_closed = false;
    for line in code.lines() {
        let starts_item = !line.starts_with([' ', '}', ')']) && !line.is_empty();
        if prev_closed && starts_item {
            out.push('\n');
        }
        prev_closed = line == "}" || (line.ends_with(';') && !line.starts_with(' '));
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Types that must be boxed to break infinite size: struct fields (not collections) whose type
/// can reach the containing type again through single-valued struct fields.
fn boxed_edges(
    schema: &Schema,
    polymorphic: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
) -> BTreeSet<(QualifiedName, QualifiedName)> {
    let mut edges: BTreeMap<QualifiedName, BTreeSet<QualifiedName>> = BTreeMap::new();
    for t in schema.types().iter().filter(|t| t.kind != Kind::Enum) {
        let targets = t
            .properties
            .iter()
            .filter(|p| !p.collection)
            .filter_map(|p| p.ty.as_named())
            .filter(|n| schema.get(n.as_str()).is_some_and(|x| x.kind != Kind::Enum))
            // A type with subtypes is held through its `Any...` enum, whose variants are boxed.
            .filter(|n| !polymorphic.contains_key(*n))
            .cloned();
        edges.insert(t.qualified_name(), targets.collect());
    }
    let reaches = |from: &QualifiedName, to: &QualifiedName| -> bool {
        let mut stack = vec![from.clone()];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == *to {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(edges.get(&n).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut out = BTreeSet::new();
    for (from, targets) in &edges {
        for to in targets {
            if reaches(to, from) {
                out.insert((from.clone(), to.clone()));
            }
        }
    }
    out
}

/// One struct field, as emitted.
struct Field {
    ident: proc_macro2::Ident,
    json: String,
    /// The field type inside `Option`, as declared (`Box<T>` when boxed).
    ty: TokenStream,
    /// The same type without the box (what getters return a reference to).
    plain: TokenStream,
    boxed: bool,
    docs: TokenStream,
    /// User attributes ([`EmitOptions::field_attribute`]).
    attrs: TokenStream,
}

/// The Rust path (from the root of the generated code) of every type of the schema, by
/// qualified name: `microsoft.graph.callRecords.session` → `call_records::Session`.
pub fn type_paths(schema: &Schema) -> BTreeMap<QualifiedName, String> {
    let names = Names::new(schema);
    names
        .types
        .into_iter()
        .map(|(q, (module, name))| {
            let mut path: Vec<String> = module.iter().map(|m| to_ident(m).to_string()).collect();
            path.push(to_ident(&name).to_string());
            (q, path.join("::"))
        })
        .collect()
}

/// Generates the Rust source for a schema: a single file of items (no inner attributes), fit
/// both for a checked-in module and for `include!` from `OUT_DIR`.
pub fn emit(schema: &Schema, options: &EmitOptions) -> String {
    let names = Names::new(schema);
    let subtypes = schema.subtypes();
    let boxed = boxed_edges(schema, &subtypes);
    let item = |t: &TypeDef| match t.kind {
        Kind::Enum => emit_enum(t, &names, options),
        Kind::Entity | Kind::Complex => emit_struct(schema, t, &names, &boxed, &subtypes, options),
    };
    // The output in independently formatted pieces: each type of the root namespace, the
    // serialization helper, then each sub-namespace module whole. Formatting them on all cores
    // and joining in this order gives the same text as formatting the file at once.
    let mut units: Vec<Unit> = schema
        .types()
        .iter()
        .filter(|t| module_of(&t.namespace).is_empty())
        .map(Unit::Type)
        .collect();
    if !names.anys.is_empty() {
        units.push(Unit::Helper);
    }
    let children: BTreeSet<String> = schema
        .types()
        .iter()
        .filter_map(|t| module_of(&t.namespace).first().cloned())
        .collect();
    units.extend(children.into_iter().map(Unit::Module));
    let pieces = crate::parallel::map_in_order(&units, 256, |unit| {
        let tokens = match unit {
            Unit::Type(t) => item(t),
            Unit::Helper => tagged_helper(),
            Unit::Module(child) => {
                let mut modules: BTreeMap<Vec<String>, Vec<TokenStream>> = BTreeMap::new();
                for t in schema.types() {
                    let module = module_of(&t.namespace);
                    if module.first() == Some(child) {
                        modules.entry(module).or_default().push(item(t));
                    }
                }
                render_module(&[], &mut modules)
            }
        };
        let file: syn::File = syn::parse2(tokens).expect("generated code is valid Rust");
        prettyplease::unparse(&file)
    });
    let mut out = String::from(
        "// @generated by msgraph-docgen. Do not edit by hand: change the docs pages and regenerate.\n\n",
    );
    out.push_str(&space_items(&pieces.concat()));
    out
}

/// A piece of the generated file that is formatted on its own.
enum Unit<'a> {
    /// A type of the root namespace, with its impls.
    Type(&'a TypeDef),
    /// The private serialization helper of the `Any...` enums.
    Helper,
    /// A sub-namespace module, whole.
    Module(String),
}

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

fn emit_struct(
    schema: &Schema,
    t: &TypeDef,
    names: &Names,
    boxed: &BTreeSet<(QualifiedName, QualifiedName)>,
    subtypes: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
    options: &EmitOptions,
) -> TokenStream {
    let q = t.qualified_name();
    let module = module_of(&t.namespace);
    let ident = to_ident(&names.types[&q].1);
    let mut scope = Scope::new();
    scope.reserve("odata_type");
    scope.reserve("additional_properties");
    let fields: Vec<Field> = t
        .properties
        .iter()
        .map(|p| {
            let name = scope.unique(&snake(&p.name));
            let element = match &p.ty {
                TypeRef::Primitive(primitive) => options.type_mapping.tokens(*primitive),
                TypeRef::Named(n) if schema.get(n.as_str()).is_some() => {
                    names.value_path(&module, n.as_str())
                }
                TypeRef::Named(_) => quote!(serde_json::Value),
            };
            let is_boxed = !p.collection
                && p.ty
                    .as_named()
                    .is_some_and(|n| boxed.contains(&(q.clone(), n.clone())));
            let plain = if p.collection {
                quote!(Vec<#element>)
            } else {
                element
            };
            let ty = if is_boxed {
                quote!(Box<#plain>)
            } else {
                plain.clone()
            };
            let wire = format!(
                "JSON `{}`{}{}.",
                doc_name(&p.name),
                if p.collection {
                    ", a collection of "
                } else {
                    ", of type "
                },
                doc_name(match &p.ty {
                    TypeRef::Primitive(primitive) => primitive.as_str(),
                    TypeRef::Named(n) => n.name(),
                })
            );
            let mut wire = wire.replace("of type ", "type ");
            if p.inherited {
                wire.push_str(&format!(" Declared by `{}`.", doc_name(&p.declared_by)));
            }
            if p.navigation {
                wire.push_str(" Navigation property: present only when expanded.");
            }
            Field {
                ident: to_ident(&name),
                json: p.name.clone(),
                ty,
                plain,
                boxed: is_boxed,
                docs: docs(&p.description, &wire),
                attrs: options.attributes_of_field(&q, &p.name),
            }
        })
        .collect();

    let field_defs = fields.iter().map(|f| {
        let Field {
            ident,
            json,
            ty,
            docs,
            attrs,
            ..
        } = f;
        quote! {
            #docs
            #attrs
            #[serde(rename = #json, skip_serializing_if = "Option::is_none")]
            pub #ident: Option<#ty>,
        }
    });
    let kind = if t.kind == Kind::Entity {
        "entity type"
    } else {
        "complex type"
    };
    let mut about = format!("Graph {kind} `{}`.", doc_name(&q));
    if let Some(base) = &t.base {
        // An intra-doc link that resolves from this module (the base may live in another one,
        // and its name may be escaped: `Self_`).
        let path = names.type_path(&module, base).to_string().replace(' ', "");
        let name = path.rsplit("::").next().unwrap_or(&path);
        let link = if name == path {
            format!("[`{name}`]")
        } else {
            format!("[`{name}`]({path})")
        };
        about.push_str(&format!(
            " Derives from `{}` ({link}); converts into it with `From`.",
            doc_name(base)
        ));
    }
    match t.origin {
        crate::schema::Origin::Reconstructed => about.push_str(" No docs page was given for this type: it was reconstructed from the pages that refer to it."),
        crate::schema::Origin::Placeholder => about.push_str(" No docs page was given for this type: it is a placeholder that keeps whatever JSON it receives in `additional_properties`."),
        crate::schema::Origin::Page => {}
    }
    let type_docs = docs(&t.description, &about);
    let non_exhaustive = options.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let attrs = options.attributes_of_type(&q);
    let mut out = quote! {
        #type_docs
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #attrs
        #non_exhaustive
        pub struct #ident {
            /// The `@odata.type` annotation, written back as read. Set it when sending a derived
            /// type where its base is expected.
            #[serde(rename = "@odata.type", skip_serializing_if = "Option::is_none")]
            pub odata_type: Option<String>,
            #(#field_defs)*
            /// Properties the docs did not list (and other `@` annotations), kept so that writing
            /// the value back loses nothing.
            #[serde(flatten)]
            pub additional_properties: serde_json::Map<String, serde_json::Value>,
        }
    };

    // `...Fields` traits of this type and every ancestor, and `From<Self>` for every ancestor.
    let mut chain: Vec<&TypeDef> = Vec::new();
    if subtypes.contains_key(&q) {
        chain.push(t);
    }
    chain.extend(schema.ancestors(&q));
    let by_json: BTreeMap<&str, &Field> = fields.iter().map(|f| (f.json.as_str(), f)).collect();
    for owner in chain {
        let owner_q = owner.qualified_name();
        let Some(trait_name) = names.traits.get(&owner_q) else {
            continue;
        };
        let trait_path = names.path(&module, &owner_q, trait_name);
        // The owner's properties, by JSON name, with this struct's field idents.
        let methods = owner.properties.iter().filter_map(|p| {
            let f = *by_json.get(p.name.as_str())?;
            let (ident, plain) = (&f.ident, &f.plain);
            let get = if f.boxed {
                quote!(as_deref)
            } else {
                quote!(as_ref)
            };
            Some(quote!(fn #ident(&self) -> Option<&#plain> { self.#ident.#get() }))
        });
        out.extend(quote! {
            impl #trait_path for #ident {
                #(#methods)*
            }
        });
    }
    if let Some(trait_name) = names.traits.get(&q) {
        let trait_ident = to_ident(trait_name);
        let methods = fields.iter().map(|f| {
            let (ident, plain, json) = (&f.ident, &f.plain, &f.json);
            let doc = format!(" The `{}` property, if present.", doc_name(json));
            quote!(#[doc = #doc] fn #ident(&self) -> Option<&#plain>;)
        });
        let doc = format!(" Read access to the properties of `{}`, implemented by the type and every type derived from it: write code once for all of them.", doc_name(&q));
        out.extend(quote! {
            #[doc = #doc]
            #[allow(clippy::wrong_self_convention)]
            pub trait #trait_ident {
                #(#methods)*
            }
        });
    }
    if names.anys.contains_key(&q) {
        out.extend(emit_any(schema, t, names, subtypes));
    }
    for ancestor in schema.ancestors(&q) {
        let a_q = ancestor.qualified_name();
        let a_path = names.type_path(&module, &a_q);
        let mut a_scope = Scope::new();
        a_scope.reserve("odata_type");
        a_scope.reserve("additional_properties");
        let a_fields: BTreeMap<String, (proc_macro2::Ident, bool)> = ancestor
            .properties
            .iter()
            .map(|p| {
                let a_boxed = !p.collection
                    && p.ty
                        .as_named()
                        .is_some_and(|n| boxed.contains(&(a_q.clone(), n.clone())));
                (
                    p.name.clone(),
                    (to_ident(&a_scope.unique(&snake(&p.name))), a_boxed),
                )
            })
            .collect();
        let moves = fields.iter().filter_map(|f| {
            let (a_ident, a_boxed) = a_fields.get(&f.json)?;
            let ident = &f.ident;
            Some(match (f.boxed, a_boxed) {
                (true, false) => quote!(#a_ident: value.#ident.map(|v| *v),),
                (false, true) => quote!(#a_ident: value.#ident.map(Box::new),),
                _ => quote!(#a_ident: value.#ident,),
            })
        });
        let spills = fields.iter().filter(|f| !a_fields.contains_key(&f.json)).map(|f| {
            let (ident, json) = (&f.ident, &f.json);
            quote! {
                if let Some(v) = value.#ident {
                    additional_properties.insert(#json.to_owned(), serde_json::to_value(v).expect("generated types always serialize"));
                }
            }
        });
        let doc = format!(" Views a `{}` as a `{}`: the properties the base does not declare move into `additional_properties`, so serializing the result writes the same JSON.", doc_name(&q), doc_name(&a_q));
        let uses_map = fields.iter().any(|f| !a_fields.contains_key(&f.json));
        let map_binding = if uses_map {
            quote!(let mut additional_properties = value.additional_properties;)
        } else {
            quote!(let additional_properties = value.additional_properties;)
        };
        out.extend(quote! {
            impl From<#ident> for #a_path {
                #[doc = #doc]
                fn from(value: #ident) -> Self {
                    #map_binding
                    #(#spills)*
                    #a_path {
                        odata_type: value.odata_type,
                        #(#moves)*
                        additional_properties,
                    }
                }
            }
        });
    }
    out
}

/// The private helper every `Any...` enum serializes derived values through.
const TAGGED_HELPER: &str = "serialize_with_odata_type";

/// The helper behind [`TAGGED_HELPER`], emitted once at the root when some type has subtypes.
fn tagged_helper() -> TokenStream {
    let name = to_ident(TAGGED_HELPER);
    quote! {
        /// Serializes `value`, adding `"@odata.type": tag` when the value does not carry its own
        /// annotation, so that a derived type sent where its base is declared is recognised.
        fn #name<T: serde::Serialize, S: serde::Serializer>(
            value: &T,
            missing_tag: Option<&str>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let Some(tag) = missing_tag else {
                return value.serialize(serializer);
            };
            let mut json = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
            if let serde_json::Value::Object(map) = &mut json {
                map.insert("@odata.type".to_owned(), serde_json::Value::from(tag));
            }
            serde::Serialize::serialize(&json, serializer)
        }
    }
}

/// The `Any...` enum of a type with subtypes: one boxed variant per type of the family, chosen
/// on deserialization by `@odata.type` (with or without `#`, anywhere in the object). An absent or
/// unknown annotation gives the declared type itself, which keeps unknown properties.
fn emit_any(
    schema: &Schema,
    t: &TypeDef,
    names: &Names,
    subtypes: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
) -> TokenStream {
    let q = t.qualified_name();
    let module = module_of(&t.namespace);
    let any = to_ident(&names.anys[&q]);
    let trait_path = names.path(&module, &q, &names.traits[&q]);
    let helper = {
        let supers = module.iter().map(|_| quote!(super::));
        let name = to_ident(TAGGED_HELPER);
        quote!(#(#supers)* #name)
    };
    let mut scope = Scope::new();
    let family: Vec<(proc_macro2::Ident, TokenStream, QualifiedName)> = std::iter::once(t)
        .chain(schema.descendants_in(subtypes, &q))
        .map(|member| {
            let member_q = member.qualified_name();
            let variant = to_ident(&scope.unique(&names.types[&member_q].1));
            (variant, names.type_path(&module, &member_q), member_q)
        })
        .collect();
    let base_variant = &family[0].0;
    let defs = family.iter().map(|(v, path, member_q)| {
        let doc = if member_q == &q {
            format!(" A `{}` itself, or a derived type this version of the docs does not know (its `@odata.type` and extra properties are kept).", doc_name(&q))
        } else {
            format!(" A `{}`.", doc_name(member_q))
        };
        quote!(#[doc = #doc] #v(Box<#path>),)
    });
    let reads = family[1..].iter().map(|(v, _, member_q)| {
        let member_q = member_q.as_str();
        quote!(Some(#member_q) => serde_json::from_value(json).map(|v| Self::#v(Box::new(v))),)
    });
    let writes = family.iter().map(|(v, _, member_q)| {
        if member_q == &q {
            quote!(Self::#v(v) => v.serialize(serializer),)
        } else {
            let tag = format!("#{member_q}");
            quote!(Self::#v(v) => #helper(v.as_ref(), v.odata_type.is_none().then_some(#tag), serializer),)
        }
    });
    let views = family
        .iter()
        .map(|(v, _, _)| quote!(Self::#v(v) => v.as_ref(),));
    let froms = family.iter().map(|(v, path, _)| {
        quote! {
            impl From<#path> for #any {
                fn from(value: #path) -> Self {
                    Self::#v(Box::new(value))
                }
            }
        }
    });
    let doc = format!(" A `{0}` or any type derived from it, chosen by `@odata.type` when read. Use it wherever the docs declare a `{0}`: values of derived types keep all their properties.", doc_name(&q));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #any {
            #(#defs)*
        }

        impl #any {
            /// The properties every member of the family shares.
            pub fn fields(&self) -> &dyn #trait_path {
                match self {
                    #(#views)*
                }
            }
        }

        impl Default for #any {
            fn default() -> Self {
                Self::#base_variant(Box::default())
            }
        }

        #(#froms)*

        impl serde::Serialize for #any {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#writes)*
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for #any {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let map = <serde_json::Map<String, serde_json::Value> as serde::Deserialize>::deserialize(deserializer)?;
                let tag = map
                    .get("@odata.type")
                    .and_then(serde_json::Value::as_str)
                    .map(|t| t.strip_prefix('#').unwrap_or(t).to_owned());
                let json = serde_json::Value::Object(map);
                let value = match tag.as_deref() {
                    #(#reads)*
                    _ => serde_json::from_value(json).map(|v| Self::#base_variant(Box::new(v))),
                };
                value.map_err(serde::de::Error::custom)
            }
        }
    }
}

fn emit_enum(t: &TypeDef, names: &Names, options: &EmitOptions) -> TokenStream {
    let q = t.qualified_name();
    let ident = to_ident(&names.types[&q].1);
    let mut scope = Scope::new();
    let variants: Vec<(proc_macro2::Ident, String, Option<i64>, TokenStream)> = t
        .members
        .iter()
        .map(|m| {
            let v = to_ident(&scope.unique(&camel(&m.name)));
            let mut about = format!("`{}`", doc_name(&m.name));
            if let Some(value) = m.value {
                about.push_str(&format!(" (value {value})"));
            }
            about.push('.');
            (v, m.name.clone(), m.value, docs(&m.description, &about))
        })
        .collect();
    let other = to_ident(&scope.unique("Unrecognized"));
    let defs = variants.iter().map(|(v, _, _, d)| quote!(#d #v,));
    let to_str = variants.iter().map(|(v, n, _, _)| quote!(Self::#v => #n,));
    let from_str = variants.iter().map(|(v, n, _, _)| quote!(#n => Self::#v,));
    let has_values = variants.iter().any(|(_, _, val, _)| val.is_some());
    let value_fn = has_values.then(|| {
        let arms = variants.iter().map(|(v, _, val, _)| match val {
            Some(x) => quote!(Self::#v => Some(#x),),
            None => quote!(Self::#v => None,),
        });
        quote! {
            /// The integer value the docs give for this member, if any.
            pub fn value(&self) -> Option<i64> {
                match self {
                    #(#arms)*
                    Self::#other(_) => None,
                }
            }
        }
    });
    let mut about = format!("Graph enum `{}`. Values the docs do not list are kept in `{other}`, so reading and writing them back loses nothing.", doc_name(&q));
    match t.origin {
        crate::schema::Origin::Reconstructed => about.push_str(" No docs page was given for this enum: its members come from the possible values listed by the properties that use it."),
        crate::schema::Origin::Placeholder => about.push_str(" No docs page was given for this enum: every value is kept as unrecognized."),
        crate::schema::Origin::Page => {}
    }
    let type_docs = docs(&t.description, &about);
    let non_exhaustive = options.non_exhaustive.then(|| quote!(#[non_exhaustive]));
    let attrs = options.attributes_of_type(&q);
    let other_doc = " A value this version of the docs does not list, kept verbatim.";
    quote! {
        #type_docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #attrs
        #non_exhaustive
        pub enum #ident {
            #(#defs)*
            #[doc = #other_doc]
            #other(String),
        }

        impl #ident {
            /// The name of the member as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::#other(s) => s,
                }
            }
            #value_fn
        }

        impl From<&str> for #ident {
            fn from(s: &str) -> Self {
                match s {
                    #(#from_str)*
                    other => Self::#other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from(s.as_ref()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn docs_are_escaped() {
        let lines = doc_lines("See [x] <languagecode2> at https://example.com/a. `code` \u{7}*/");
        assert_eq!(
            lines,
            [" See \\[x\\] &lt;languagecode2&gt; at <https://example.com/a>. `code`  */"]
        );
    }

    #[test]
    fn founding_page_emits_valid_rust() {
        let text = include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");
        let schema = crate::schema::build(&[parse_page("docs-input/x.md", text)]);
        let code = emit(&schema, &EmitOptions::default());
        syn::parse_file(&code).unwrap();
        assert!(code.contains("pub struct ResetPasscodeActionResult"));
        assert!(code.contains("impl From<ResetPasscodeActionResult> for DeviceActionResult"));
        assert!(code.contains("pub trait DeviceActionResultFields"));
        assert!(code.contains("Unrecognized(String)"));
        assert_eq!(code, emit(&schema, &EmitOptions::default()));
    }
}
