//! Reading resource pages: each property row becomes a property (its name settled against the
//! JSON block, its shape checked against the JSON placeholder), JSON keys no row declares are
//! added, the base is read, and partial pages of a type are merged into its primary definition.

use super::enum_hints::plain_value_list;
use super::infer::{ending_link, RowMark, SentenceBase, StringValues, ENTITY};
use super::{
    collection_suffix, split_qualified, Missing, RowPosition, SchemaBuilder, DEFAULT_NAMESPACE,
};
use crate::diag::{Code, Location};
use crate::docs_text::is_identifier;
use crate::parse::{JsonObject, JsonValue as Value, Page, PropertyRow};
use crate::primitive::Primitive;
use crate::schema::names::{reconcile_names, Reconciled};
use crate::schema::{Kind, Property, QualifiedName, TypeRef};
use foldhash::{HashSet, HashSetExt};

/// The primitive or type a JSON placeholder suggests (`"String (timestamp)"`, `1024`, `{...}`),
/// and whether it is a collection.
fn placeholder_type(value: &Value) -> (String, bool) {
    match value {
        Value::Array(items) => (
            items.first().map_or_else(
                || Primitive::Json.as_str().to_owned(),
                |v| placeholder_type(v).0,
            ),
            true,
        ),
        Value::Object(o) => match o.get("@odata.type").and_then(Value::as_str) {
            // `{"@odata.type": "Edm.Stream"}` names a primitive.
            Some(t) if Primitive::from_spelling(t.trim_start_matches('#')).is_some() => (
                Primitive::from_spelling(t.trim_start_matches('#'))
                    .map_or("Json", Primitive::as_str)
                    .to_owned(),
                false,
            ),
            Some(t) => (t.trim_start_matches('#').to_owned(), false),
            None => (Primitive::Json.as_str().to_owned(), false),
        },
        Value::Bool(_) => (Primitive::Boolean.as_str().to_owned(), false),
        Value::Number(n) if n.is_f64() => (Primitive::Double.as_str().to_owned(), false),
        Value::Number(_) => (Primitive::Int32.as_str().to_owned(), false),
        Value::String(s) => (placeholder_primitive(s).as_str().to_owned(), false),
        Value::Null => (Primitive::Json.as_str().to_owned(), false),
    }
}

/// The primitive a string placeholder names (`"String (timestamp)"`, `"Int64"`,
/// `"<Unknown Primitive Type Edm.Stream>"`); `String` when it names none.
fn placeholder_primitive(s: &str) -> Primitive {
    let lower = s.to_ascii_lowercase();
    if lower.contains("timestamp") || lower.contains("datetime") {
        Primitive::DateTimeOffset
    } else if lower.contains("duration") {
        Primitive::Duration
    } else {
        let head = s.split(['(', ' ']).next().unwrap_or("");
        // `<Unknown Primitive Type Edm.Stream>`.
        let edm = s
            .split(|c: char| c.is_whitespace() || c == '<' || c == '>')
            .find(|w| w.len() > 4 && w.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("edm.")));
        Primitive::from_spelling(head)
            .or_else(|| edm.and_then(Primitive::from_spelling))
            .unwrap_or(Primitive::String)
    }
}

/// The values of `raw` that are no OData query syntax ([`Page::is_query_syntax`]), and `raw`
/// itself when some were (else it is the first, not copied).
fn without_query_syntax(raw: Vec<String>) -> (Vec<String>, Option<Vec<String>>) {
    if !raw.iter().any(|v| Page::is_query_syntax(v)) {
        return (raw, None);
    }
    let values = (raw.iter())
        .filter(|v| !Page::is_query_syntax(v))
        .cloned()
        .collect();
    (values, Some(raw))
}

/// Up to this many names, [`repeated_names`] compares each with those before it rather than
/// hashing them (and [`SchemaBuilder::add_json_only_keys`] each key with the rows' names).
const NAMES_COMPARED: usize = 24;

/// For each of `names`, whether a name before it is the same.
fn repeated_names(names: &[String]) -> Vec<bool> {
    if names.len() <= NAMES_COMPARED {
        return (names.iter().enumerate())
            .map(|(i, n)| names[..i].contains(n))
            .collect();
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(names.len());
    names.iter().map(|n| !seen.insert(n)).collect()
}

/// The `@odata.type` a JSON value (or the first element of an array) shows.
fn odata_type_hint(value: Option<&Value>) -> Option<&str> {
    value
        .and_then(|v| match v {
            Value::Array(items) => items.first(),
            v => Some(v),
        })
        .and_then(|v| v.get("@odata.type"))
        .and_then(Value::as_str)
        .map(|t| t.trim().trim_start_matches('#'))
}

impl SchemaBuilder {
    /// Reads a resource page's properties and base, settling names against the JSON block.
    /// The page is the one at `position` of `pages`, all pages sorted by path.
    pub(super) fn read_resource(&mut self, pages: &[&Page], position: usize) {
        let page = pages[position];
        let Some(q) = self.by_stem.get(&page.stem).cloned() else {
            return;
        };
        if self.drafts.get(&q).map(|d| d.def.kind) == Some(Kind::Enum) {
            return;
        }
        let mut props = self.read_rows(pages, position, &q);
        self.add_json_only_keys(page, &q, &mut props);
        self.add_listed_navigations(page, &q, &mut props);
        let base = self.read_base(page, &q);
        if self.secondary.contains(&page.path) {
            self.merge_partial_page(page, &q, props, base);
        } else {
            let draft = self.drafts.get_mut(&q).expect("declared in index");
            draft.def.properties = props;
            draft.def.base = base;
        }
    }

    /// The properties of the rows of the page at `position` of `pages` (all pages, sorted by
    /// path), each named by its JSON key; a row repeating a name is dropped
    /// (`duplicate-property`).
    fn read_rows(&mut self, pages: &[&Page], position: usize, q: &QualifiedName) -> Vec<Property> {
        let page = pages[position];
        let json = page.json.as_ref().map(|j| &j.object);
        let Reconciled { mut names, entries } = reconcile_names(page, json, &mut self.diags);
        self.repair_navigation_names(pages, page, q.name(), &mut names);
        self.recase_from_types(page, &mut names);
        // A name a row before has taken: the first row wins.
        let repeated = repeated_names(&names);
        let mut props: Vec<Property> = Vec::with_capacity(names.len());
        let rows = page.properties.iter().enumerate();
        let named = names.into_iter().zip(entries);
        for (((r, row), (name, entry)), repeated) in rows.zip(named).zip(repeated) {
            if name == "@odata.type" {
                continue; // the annotation every generated type carries anyway
            }
            if name.starts_with('@') {
                // `@odata.etag`, `@microsoft.graph.temporaryId`: OData control information or an
                // instance annotation, sent beside the properties, never one of them.
                let message = format!("`{name}` is named like an OData annotation (`@…`): control information sent beside the properties, not a property; not read");
                self.diags
                    .push(Code::IgnoredRow, page.at(row.line, row.column), message);
                continue;
            }
            if repeated {
                let message = format!("`{name}` is listed twice; the first row wins");
                self.diags.push(
                    Code::DuplicateProperty,
                    page.at(row.line, row.column),
                    message,
                );
                continue;
            }
            props.push(self.read_row(page, (row, (position, r)), (name, entry), json, q));
        }
        props
    }

    /// The property of one row (with its position) named `name`, declared by `q`; `entry` is
    /// the JSON entry the row was matched with (see [`Reconciled::entries`]).
    fn read_row(
        &mut self,
        page: &Page,
        (row, position): (&PropertyRow, RowPosition),
        (name, entry): (String, Option<(&String, &Value)>),
        json: Option<&JsonObject>,
        q: &QualifiedName,
    ) -> Property {
        let at = page.at(row.line, row.column);
        // The key itself (the matched entry, when the name is still its key), or a capitalised
        // key the table's lowercase name stands for.
        let value = match entry {
            Some((key, value)) if *key == name => Some(value),
            _ => json.and_then(|j| j.get(&name).or_else(|| j.get(&uppercase_initial(&name)))),
        };
        let ty = self.resolve_row(page, row, odata_type_hint(value), &at);
        let mut collection = row.ty.collection;
        if let Some(value) = value {
            collection = self.compare_with_placeholder(&name, &ty, collection, value, &at);
        } else if json.is_some() && !row.navigation {
            let message = format!("`{name}` is in the table but not in the JSON representation");
            self.diags.push(Code::JsonMissingKey, at.clone(), message);
        }
        // The row's backticked values, kept by the one note its type asks for (a named type's
        // or a `String`'s); other primitives keep none, and their values are not read.
        if ty == TypeRef::Primitive(Primitive::String) {
            self.note_string_values(row, Page::possible_values(row), &name, q, &at);
        } else if let Some(named) = ty.as_named() {
            self.note_possible_values(position, named, Page::possible_values(row));
        }
        if let Some(stem) = ending_link(row) {
            self.row_marks.push(RowMark {
                owner: q.clone(),
                property: name.clone(),
                stem: stem.to_owned(),
                at: at.clone(),
            });
        }
        Property {
            name,
            ty,
            collection,
            inherited: false,
            declared_by: q.clone(),
            navigation: row.navigation,
            description: row.description.clone(),
            source: Some(at),
        }
    }

    /// Checks a row's type (`ty`, a collection or not) against the JSON placeholder `value`
    /// and returns whether the property is a collection: the JSON shape wins. Counts the
    /// placeholders of a missing type, which tell what kind of type it is.
    fn compare_with_placeholder(
        &mut self,
        name: &str,
        ty: &TypeRef,
        collection: bool,
        value: &Value,
        at: &Location,
    ) -> bool {
        let json_collection = value.is_array();
        if json_collection != collection {
            let message = format!(
                "`{name}`: the table says {}, the JSON block shows {}; the JSON shape wins",
                if collection {
                    "a collection"
                } else {
                    "a single value"
                },
                if json_collection {
                    "an array"
                } else {
                    "a single value"
                }
            );
            self.diags.push(Code::JsonTypeMismatch, at.clone(), message);
        }
        let element = if let Value::Array(items) = value {
            items.first().unwrap_or(&Value::Null)
        } else {
            value
        };
        if element.is_object() && ty.as_primitive().is_some_and(|p| p != Primitive::Json) {
            let message = format!(
                "`{name}`: the table says `{ty}`, the JSON block shows an object; the table wins"
            );
            self.diags.push(Code::JsonTypeMismatch, at.clone(), message);
        }
        if let Some(m) = ty.as_named().and_then(|n| self.missing.get_mut(n)) {
            if element.is_object() {
                m.object_placeholders += 1
            } else if element.is_string() {
                m.string_placeholders += 1
            }
        }
        json_collection
    }

    /// Keeps the backticked possible values (`raw`) of a row typed with the named type
    /// `named`: evidence for the members of an enum, or of a missing type. A row with none is
    /// noted by its `position`, for the values its description may list in plain text.
    fn note_possible_values(
        &mut self,
        position: RowPosition,
        named: &QualifiedName,
        raw: Vec<String>,
    ) {
        if raw.is_empty() {
            // Most types are noted many times: the name is copied only for the first.
            match self.plain_hint_rows.get_mut(named) {
                Some(rows) => rows.push(position),
                None => {
                    self.plain_hint_rows.insert(named.clone(), vec![position]);
                }
            }
            return;
        }
        // The list without query syntax, and the whole list when it had some.
        let (values, with_syntax) = without_query_syntax(raw);
        if let Some(m) = self.missing.get_mut(named) {
            for v in &values {
                if m.seen_values.insert(v.clone()) {
                    m.possible_values.push(v.clone());
                }
            }
        }
        let lists = match self.enum_evidence.get_mut(named) {
            Some(lists) => lists,
            None => self.enum_evidence.entry(named.clone()).or_default(),
        };
        lists.extend(with_syntax);
        lists.push(values);
    }

    /// Keeps the possible values of a `String` row (`raw`, backticked; else listed in plain
    /// text): it may stand for a documented enum.
    fn note_string_values(
        &mut self,
        row: &PropertyRow,
        raw: Vec<String>,
        name: &str,
        q: &QualifiedName,
        at: &Location,
    ) {
        let (mut values, _) = without_query_syntax(raw);
        if values.is_empty() {
            values = plain_value_list(&row.description);
        }
        if values.len() > 1 {
            self.string_values.push(StringValues {
                owner: q.clone(),
                property: name.to_owned(),
                values,
                at: at.clone(),
            });
        }
    }

    /// Adds the JSON keys no row declares, typed by their placeholders (`json-extra-key`).
    fn add_json_only_keys(&mut self, page: &Page, q: &QualifiedName, props: &mut Vec<Property>) {
        let Some(j) = page.json.as_ref() else {
            return;
        };
        // The names the rows declare, borrowed: the keys found here are added after the loop.
        // Few rows are compared one by one (cheaper than hashing them), many through a set.
        let few = props.len() <= NAMES_COMPARED;
        let hashed: HashSet<&str> = match few {
            true => HashSet::default(),
            false => props.iter().map(|p| p.name.as_str()).collect(),
        };
        let declared = |name: &str| match few {
            true => props.iter().any(|p| p.name == name),
            false => hashed.contains(name),
        };
        let mut added: Vec<Property> = Vec::new();
        let at = page.at(j.line, 1);
        for (key, value) in j.object.iter().filter(|(k, _)| !k.starts_with('@')) {
            // A capitalised key (`Name`) may stand for the row of its lowercase name; a key
            // that starts otherwise is its own lowercase-initial form, checked first.
            let capitalised = key.starts_with(|c: char| c.is_ascii_uppercase());
            if declared(key) || (capitalised && declared(&lowercase_initial(key))) {
                continue;
            }
            if !is_identifier(key) || key.starts_with(|c: char| c.is_ascii_uppercase()) {
                // `Author`, `4e98f8f1-…`, `String-value`: the example's dynamic properties of an
                // open type or a dictionary's keys (Graph names properties in camelCase).
                let message = format!("`{key}` is in the JSON representation but in no table, and is no camelCase identifier: example data (an open type's dynamic property, a dictionary key), not added");
                self.diags.push(Code::JsonExtraKey, at.clone(), message);
                continue;
            }
            let (ty, collection) = placeholder_type(value);
            let message = format!("`{key}` is in the JSON representation but in no table; added with the type its placeholder shows (`{ty}`)");
            self.diags.push(Code::JsonExtraKey, at.clone(), message);
            let ty = match QualifiedName::parse(&ty) {
                Some(named) if !self.drafts.contains_key(&named) => {
                    TypeRef::Named(self.note_missing(&ty, page, None, &at))
                }
                Some(named) => TypeRef::Named(named),
                // A primitive, or an `@odata.type` without a namespace, which nothing can
                // resolve: untyped JSON.
                None => TypeRef::parse(&ty).unwrap_or(TypeRef::Primitive(Primitive::Json)),
            };
            added.push(Property {
                name: key.clone(),
                ty,
                collection,
                inherited: false,
                declared_by: q.clone(),
                navigation: false,
                description: String::new(),
                source: Some(at.clone()),
            });
        }
        props.extend(added);
    }

    /// The base of the type `q` a page defines: the annotation's `baseType`, else the
    /// inheritance sentence. A base no page defines is recorded as missing, the base of `q`.
    fn read_base(&mut self, page: &Page, q: &QualifiedName) -> Option<QualifiedName> {
        let annotated = page
            .annotation
            .as_ref()
            .and_then(|a| a.base_type.clone())
            .flatten();
        let linked = page.base_link.clone().and_then(|l| {
            let at = page.at(l.line, 1);
            self.resolve_target(page, &l.target, &l.text, None, &at)
        });
        let at = page.at(page.base_link.as_ref().map_or(1, |l| l.line), 1);
        let base = match (annotated, linked) {
            (Some(a), Some(l)) => {
                let (ns, name) = split_qualified(&a, DEFAULT_NAMESPACE);
                let a = QualifiedName::new(&ns, &name);
                if a != l && a == ENTITY {
                    // Settled once every base is known (`infer`): the sentence may be the more
                    // specific one.
                    self.sentence_bases
                        .entry(q.clone())
                        .or_insert(SentenceBase {
                            named: l,
                            at: at.clone(),
                        });
                } else if a != l {
                    let message = format!("the inheritance sentence names `{l}`, the annotation's baseType `{a}`; the annotation wins");
                    self.diags.push(Code::BaseMismatch, at.clone(), message);
                }
                Some(a)
            }
            (Some(a), None) => {
                let (ns, name) = split_qualified(&a, DEFAULT_NAMESPACE);
                Some(QualifiedName::new(&ns, &name))
            }
            (None, l) => l,
        };
        if let Some(b) = base.as_ref().filter(|b| !self.drafts.contains_key(*b)) {
            let stem = page
                .base_link
                .as_ref()
                .and_then(|l| l.target.stem().map(str::to_owned));
            let m = self.missing.entry(b.clone()).or_insert_with(|| Missing {
                first_seen: at,
                ..Missing::default()
            });
            if m.stem.is_none() {
                m.stem = stem;
            }
            if !m.base_of.contains(q) {
                m.base_of.push(q.clone());
            }
        }
        base
    }

    /// Merges a partial page of a type defined elsewhere: adds the properties only it lists
    /// (a conflicting repeat is a `duplicate-property`) and, when the primary definition has
    /// none, its base.
    fn merge_partial_page(
        &mut self,
        page: &Page,
        q: &QualifiedName,
        props: Vec<Property>,
        base: Option<QualifiedName>,
    ) {
        let draft = self.drafts.get_mut(q).expect("declared in index");
        let primary = draft
            .def
            .source
            .as_ref()
            .map_or_else(String::new, Location::to_string);
        let mut added = 0;
        for p in props {
            match draft.def.properties.iter().find(|e| e.name == p.name) {
                None => {
                    draft.def.properties.push(p);
                    added += 1;
                }
                Some(e) if e.ty != p.ty || e.collection != p.collection => {
                    let at = p
                        .source
                        .clone()
                        .unwrap_or_else(|| Location::file(&page.path));
                    let message = format!(
                        "`{}` is also listed at {} as `{}`{}; that row wins",
                        p.name,
                        e.source
                            .as_ref()
                            .map_or_else(String::new, Location::to_string),
                        e.ty,
                        collection_suffix(e.collection)
                    );
                    self.diags.push(Code::DuplicateProperty, at, message);
                }
                Some(_) => {}
            }
        }
        if draft.def.base.is_none() {
            draft.def.base = base;
        }
        let line = page.annotation.as_ref().map_or(0, |a| a.line);
        let at = page.at(line, if line == 0 { 0 } else { 1 });
        let message = format!("`{q}` is also defined at {primary}; the {added} properties only this page lists are merged into that definition");
        self.diags.push(Code::DuplicateType, at, message);
    }
}

/// `name` with its first letter in lowercase (`Name` → `name`); other names as they are.
fn lowercase_initial(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() => c.to_ascii_lowercase().to_string() + chars.as_str(),
        _ => name.to_owned(),
    }
}

/// `name` with its first letter in uppercase (`name` → `Name`).
fn uppercase_initial(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{repeated_names, NAMES_COMPARED};
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::build;

    #[test]
    fn repeated_names_are_those_a_name_before_has_taken_however_many() {
        for count in [0, 3, NAMES_COMPARED, NAMES_COMPARED + 1, 60] {
            let names: Vec<String> = (0..count).map(|i| format!("n{}", i % 7)).collect();
            let expected: Vec<bool> = (0..count).map(|i| i >= 7).collect();
            assert_eq!(repeated_names(&names), expected, "{count}");
        }
    }

    #[test]
    fn annotations_and_example_keys_are_not_properties() {
        let page = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.assignments\", \"openType\": true} -->\n```json\n{\"4e98f8f1-bb03\": {}, \"String-value\": \"s\", \"Author\": \"Brad\", \"orderHint\": \"s\", \"@odata.etag\": \"s\"}\n```\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|@odata.etag|String|x|\n|@microsoft.graph.temporaryId|String|x|\n|title|String|x|\n";
        let schema = build(&[parse_page("assignments.md", page)]);
        let t = schema.get("microsoft.graph.assignments").unwrap();
        let names: Vec<&str> = t.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["title", "orderHint"]);
        let count = |code| schema.diagnostics.iter().filter(|d| d.code == code).count();
        assert_eq!(count(Code::IgnoredRow), 2);
        assert_eq!(count(Code::JsonExtraKey), 4);
    }

    #[test]
    fn an_unreadable_type_cell_takes_the_type_its_placeholder_names() {
        let invitation = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.invitation\"} -->\n```json\n{\"info\": {\"@odata.type\": \"microsoft.graph.messageInfo\"}, \"other\": {\"@odata.type\": \"microsoft.graph.nowhere\"}, \"Name\": \"String\"}\n```\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|info|[messageInfo](messageinfo.md|x|\n|other|[nowhere](nowhere.md|x|\n|name|String|x|\n";
        let info = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.messageInfo\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|text|String|x|\n";
        let schema = build(&[
            parse_page("invitation.md", invitation),
            parse_page("messageinfo.md", info),
        ]);
        let t = schema.get("microsoft.graph.invitation").unwrap();
        let types: Vec<(&str, String)> = t
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.ty.to_string()))
            .collect();
        // A capitalised JSON key is the lowercase row's, not another property.
        assert_eq!(
            types,
            [
                ("info", "microsoft.graph.messageInfo".to_owned()),
                ("other", "Json".to_owned()),
                ("name", "String".to_owned()),
            ]
        );
    }

    #[test]
    fn translated_names_take_json_keys_and_values_are_repaired() {
        let resource = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"questions\": \"String\", \"state\": \"String\"}\n```\n\n## Properties\n|Свойство|Тип|Описание|\n|-|-|-|\n|вопросы|String|x|\n|state|[s](s.md)|`none`, `done`, `failed`|\n";
        let en = "# s enum type\n\n## <a name=\"members\"></a>Элементы\n|Элемент|Значение|Описание|\n|-|-|-|\n|нет|нуль|a|\n|done|1,1|b|\n|не удалось|2|c|\n";
        let schema = build(&[parse_page("x.md", resource), parse_page("s.md", en)]);
        let x = schema.get("microsoft.graph.x").unwrap();
        assert_eq!(x.properties[0].name, "questions");
        let s = schema.get("microsoft.graph.s").unwrap();
        let members: Vec<(&str, Option<i64>)> = s
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.value))
            .collect();
        assert_eq!(
            members,
            [("none", Some(0)), ("done", Some(1)), ("failed", Some(2))]
        );
    }

    #[test]
    fn json_only_keys_take_their_placeholder_type_and_a_bare_odata_type_is_untyped() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"a\": {\"@odata.type\": \"user\"}, \"b\": {\"@odata.type\": \"microsoft.graph.y\"}, \"c\": true}\n```\n";
        let schema = build(&[parse_page("x.md", text)]);
        let x = schema.get("microsoft.graph.x").unwrap();
        let types: Vec<(&str, &str)> = x
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.ty.as_str()))
            .collect();
        assert_eq!(
            types,
            [("a", "Json"), ("b", "microsoft.graph.y"), ("c", "Boolean")]
        );
    }

    #[test]
    fn partial_pages_of_one_type_are_merged_into_the_page_named_after_it() {
        let page = |ty: &str, rows: &str| {
            format!("<!-- {{\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.{ty}\"}} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}")
        };
        let intune = page(
            "user",
            "|id|String|x|\n|deviceEnrollmentLimit|Int32|x|\n|aboutMe|Int32|x|\n",
        );
        let main = page("user", "|id|String|x|\n|aboutMe|String|x|\n");
        let pages = [
            parse_page("intune-devices-user.md", &intune),
            parse_page("user.md", &main),
        ];
        let schema = build(&pages);
        let user = schema.get("microsoft.graph.user").unwrap();
        assert_eq!(&*user.source.as_ref().unwrap().file, "user.md");
        let props: Vec<(&str, &str)> = user
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.ty.as_str()))
            .collect();
        assert_eq!(
            props,
            [
                ("id", "String"),
                ("aboutMe", "String"),
                ("deviceEnrollmentLimit", "Int32")
            ]
        );
        let diags: Vec<(Code, &str, u32)> = schema
            .diagnostics
            .iter()
            .map(|d| (d.code, &*d.location.file, d.location.line))
            .collect();
        assert_eq!(
            diags,
            [
                (Code::DuplicateType, "intune-devices-user.md", 1),
                (Code::DuplicateProperty, "intune-devices-user.md", 8),
            ]
        );
        assert!(schema.diagnostics[0]
            .message
            .contains("the 1 properties only this page lists are merged"));
    }
}
