//! [`EmitOptions`]: what the user can change in the generated code, and the attribute rules
//! ([`EmitOptions::type_attribute`], [`EmitOptions::field_attribute`]) as emit applies them.

use super::TypeMapping;

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
    /// A Cargo feature per docs area (the page file name's prefix: `intune-devices`, and
    /// `core` for pages without one): each type is compiled only when an area that needs it
    /// is enabled, and a field of a type from another area only with that area (its JSON is
    /// kept in `additional_properties` otherwise). The features to declare are listed at the
    /// top of the generated file.
    pub area_features: bool,
    /// Read navigation properties (the relationships tables) into their types as the JSON is
    /// read. Off by default: such a field holds `support::Expanded<T>`, the property's JSON,
    /// read into `T` when asked, so that a program compiles the reading code only of the types
    /// it reads; entities link to most of the graph, and reading every type they reach made
    /// a program that reads `User` compile the serde code of most of a whole tree.
    pub typed_navigation: bool,
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

/// What an attribute rule is for: a type's item, or a struct's field (which may be `#[cfg]`'d).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Type,
    Field,
}

/// Checks that attribute text parses as Rust outer attributes, none of them `serde`'s (nor,
/// on a type, a `cfg`), and returns them, or says why not.
fn check_attributes(
    target: Target,
    pattern: &str,
    attribute: &str,
) -> Result<Vec<syn::Attribute>, BadAttribute> {
    use syn::parse::Parser;
    let bad = |message: String| BadAttribute {
        pattern: pattern.to_owned(),
        attribute: attribute.to_owned(),
        message,
    };
    let attributes = syn::Attribute::parse_outer
        .parse_str(attribute)
        .map_err(|e| bad(e.to_string()))?;
    if attributes.iter().any(|a| a.path().is_ident("serde")) {
        return Err(bad(
            "the generated types do not derive serde's traits (their \
             `support::object!` tables implement them), so a `serde` attribute would not compile"
                .to_owned(),
        ));
    }
    if target == Target::Type && attributes.iter().any(is_cfg) {
        return Err(bad(
            "a type is named by the fields, `Any...` enums and conversions of other types, \
             which a `cfg` on it would leave without it: compile parts of a tree with area \
             features instead (`area_features`), or put the `cfg` on fields"
                .to_owned(),
        ));
    }
    if attributes
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.meta.require_list().is_err())
    {
        return Err(bad(
            "expected a predicate: `#[cfg(feature = \"x\")]`".to_owned()
        ));
    }
    if target == Target::Field && attributes.iter().any(cfg_attr_adds_cfg) {
        return Err(bad(
            "a field's `cfg` must be written as `#[cfg(..)]`, which the field's table row \
             carries to its reading and writing; a `cfg` from `cfg_attr` would reach the field \
             alone"
                .to_owned(),
        ));
    }
    Ok(attributes)
}

/// True for `#[cfg(..)]`, and for a `#[cfg_attr(..)]` that adds one.
fn is_cfg(attribute: &syn::Attribute) -> bool {
    attribute.path().is_ident("cfg") || cfg_attr_adds_cfg(attribute)
}

/// True for a `#[cfg_attr(predicate, ..)]` whose attributes include a `cfg`.
fn cfg_attr_adds_cfg(attribute: &syn::Attribute) -> bool {
    use syn::punctuated::Punctuated;
    if !attribute.path().is_ident("cfg_attr") {
        return false;
    }
    attribute
        .parse_args_with(Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
        .is_ok_and(|metas| metas.iter().skip(1).any(|m| m.path().is_ident("cfg")))
}

/// True when `pattern` selects the qualified name: `*` selects everything, `prefix.*` every name
/// under the prefix, anything else only itself.
fn pattern_matches(pattern: &str, qualified: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => qualified.starts_with(prefix),
        None => pattern == qualified,
    }
}

/// True when the field pattern `pattern` (a type pattern, `.`, a property name or `*`) selects
/// property `property` of type `qualified`.
fn field_pattern_matches(pattern: &str, qualified: &str, property: &str) -> bool {
    pattern.rsplit_once('.').is_some_and(|(ty, prop)| {
        (prop == "*" || prop == property) && pattern_matches(ty, qualified)
    })
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
    /// assert!(options.type_attribute("*", "#[serde(deny_unknown_fields)]").is_err());
    /// // Other types name it; area features compile parts of a tree.
    /// assert!(options.type_attribute("*", "#[cfg(feature = \"printers\")]").is_err());
    /// ```
    pub fn type_attribute(&mut self, pattern: &str, attribute: &str) -> Result<(), BadAttribute> {
        check_attributes(Target::Type, pattern, attribute)?;
        self.type_attributes
            .push((pattern.to_owned(), attribute.to_owned()));
        Ok(())
    }

    /// Adds outer attributes to the struct fields that `pattern` selects: a type pattern (as in
    /// [`EmitOptions::type_attribute`]), a `.`, and the JSON property name or `*`.
    ///
    /// A `#[cfg(..)]` among them goes on the field's table row, so that the field is read and
    /// written only when it is compiled; when it is not, its JSON key is an unknown property,
    /// kept in `additional_properties` (as with area features, whose `cfg` it joins in an
    /// `all(..)`). A `cfg` added by `cfg_attr` is refused: it would reach the field alone.
    ///
    /// ```
    /// let mut options = msgraph_docgen::emit::EmitOptions::default();
    /// options
    ///     .field_attribute("microsoft.graph.resetPasscodeActionResult.passcode", "#[doc(alias = \"pin\")]")
    ///     .unwrap();
    /// options
    ///     .field_attribute("microsoft.graph.deviceActionResult.*", "#[cfg(feature = \"actions\")]")
    ///     .unwrap();
    /// assert!(options
    ///     .field_attribute("*.id", "#[cfg_attr(unix, cfg(feature = \"ids\"))]")
    ///     .is_err());
    /// ```
    pub fn field_attribute(&mut self, pattern: &str, attribute: &str) -> Result<(), BadAttribute> {
        check_attributes(Target::Field, pattern, attribute)?;
        self.field_attributes
            .push((pattern.to_owned(), attribute.to_owned()));
        Ok(())
    }
}

/// The attribute rules of an [`EmitOptions`], checked once per emit and then only looked up.
///
/// The setters check every attribute, but the option fields are public and may hold text that
/// was never checked; such text is left out here, once, with one syn parse per rule (never per
/// type or field). The rules stay text: emit writes text, and lays out the user's with
/// prettyplease.
pub(super) struct AttributeRules {
    /// (type pattern, attributes), in the order given.
    types: Vec<(String, String)>,
    /// Field rules, in the order given.
    fields: Vec<FieldRule>,
}

/// A field attribute rule, its `#[cfg(..)]` apart from the other attributes.
struct FieldRule {
    /// Type pattern, `.`, property name or `*`.
    pattern: String,
    /// The attributes other than `cfg`, as given (re-printed when a `cfg` was taken out);
    /// `None` when there are none.
    attributes: Option<String>,
    /// The predicates of the rule's `#[cfg(..)]` attributes (`feature = "x"`).
    cfgs: Vec<String>,
}

/// The user's attributes for one field.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct FieldAttributes<'a> {
    /// Attribute text for the field, each as a rule gave it.
    pub(super) attributes: Vec<&'a str>,
    /// The predicates of its `#[cfg(..)]` attributes, which its table row carries.
    pub(super) cfgs: Vec<&'a str>,
}

impl FieldRule {
    /// The rule, if its text parses as outer attributes that a field may have.
    fn new(pattern: &str, text: &str) -> Option<FieldRule> {
        use quote::ToTokens as _;
        let parsed = check_attributes(Target::Field, pattern, text).ok()?;
        let (cfgs, others): (Vec<_>, Vec<_>) =
            parsed.iter().partition(|a| a.path().is_ident("cfg"));
        let attributes = if cfgs.is_empty() {
            Some(text.to_owned())
        } else if others.is_empty() {
            None
        } else {
            let printed: Vec<String> = others
                .iter()
                .map(|a| a.to_token_stream().to_string())
                .collect();
            Some(printed.join(" "))
        };
        // `check_attributes` refused a `cfg` that is not a list.
        let cfgs = cfgs
            .iter()
            .filter_map(|a| a.meta.require_list().ok())
            .map(|list| list.tokens.to_string())
            .collect();
        Some(FieldRule {
            pattern: pattern.to_owned(),
            attributes,
            cfgs,
        })
    }
}

impl AttributeRules {
    /// The rules of `options` that parse, checked once.
    pub(super) fn new(options: &EmitOptions) -> AttributeRules {
        AttributeRules {
            types: options
                .type_attributes
                .iter()
                .filter(|(pattern, text)| check_attributes(Target::Type, pattern, text).is_ok())
                .cloned()
                .collect(),
            fields: options
                .field_attributes
                .iter()
                .filter_map(|(pattern, text)| FieldRule::new(pattern, text))
                .collect(),
        }
    }

    /// The user's attributes for the type `qualified`.
    pub(super) fn of_type(&self, qualified: &str) -> Vec<&str> {
        self.types
            .iter()
            .filter(|(pattern, _)| pattern_matches(pattern, qualified))
            .map(|(_, attribute)| attribute.as_str())
            .collect()
    }

    /// The user's attributes for the field of JSON property `property` of the type `qualified`.
    pub(super) fn of_field(&self, qualified: &str, property: &str) -> FieldAttributes<'_> {
        let mut found = FieldAttributes::default();
        for rule in &self.fields {
            if field_pattern_matches(&rule.pattern, qualified, property) {
                found.attributes.extend(rule.attributes.as_deref());
                found.cfgs.extend(rule.cfgs.iter().map(String::as_str));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_select_names_prefixes_and_everything() {
        assert!(pattern_matches("*", "microsoft.graph.user"));
        assert!(pattern_matches(
            "microsoft.graph.callRecords.*",
            "microsoft.graph.callRecords.session"
        ));
        assert!(!pattern_matches(
            "microsoft.graph.callRecords.*",
            "microsoft.graph.user"
        ));
        assert!(pattern_matches(
            "microsoft.graph.user",
            "microsoft.graph.user"
        ));
        assert!(!pattern_matches(
            "microsoft.graph.user",
            "microsoft.graph.userX"
        ));
        assert!(field_pattern_matches(
            "microsoft.graph.user.*",
            "microsoft.graph.user",
            "id"
        ));
        assert!(field_pattern_matches("*.id", "microsoft.graph.user", "id"));
        assert!(!field_pattern_matches(
            "microsoft.graph.user.id",
            "microsoft.graph.user",
            "mail"
        ));
    }

    #[test]
    fn unchecked_attributes_are_left_out_once() {
        let mut options = EmitOptions::default();
        options.type_attribute("*", "#[derive(Hash)]").unwrap();
        options
            .type_attributes
            .push(("*".to_owned(), "derive(Eq)".to_owned()));
        let rules = AttributeRules::new(&options);
        assert_eq!(rules.of_type("microsoft.graph.user"), ["#[derive(Hash)]"]);
        assert_eq!(
            rules.of_field("microsoft.graph.user", "id"),
            FieldAttributes::default()
        );
    }

    #[test]
    fn a_field_cfg_is_taken_apart_from_the_other_attributes() {
        let mut options = EmitOptions::default();
        options
            .field_attribute("*.id", "#[doc(alias = \"key\")] #[cfg(feature = \"ids\")]")
            .unwrap();
        options
            .field_attribute("microsoft.graph.user.*", "#[cfg(not(unix))]")
            .unwrap();
        options
            .field_attribute("microsoft.graph.user.id", "#[doc(alias = \"oid\")]")
            .unwrap();
        let rules = AttributeRules::new(&options);
        let id = rules.of_field("microsoft.graph.user", "id");
        assert_eq!(
            id.attributes,
            ["# [doc (alias = \"key\")]", "#[doc(alias = \"oid\")]"]
        );
        assert_eq!(id.cfgs, ["feature = \"ids\"", "not (unix)"]);
        let mail = rules.of_field("microsoft.graph.user", "mail");
        assert!(mail.attributes.is_empty());
        assert_eq!(mail.cfgs, ["not (unix)"]);
    }

    #[test]
    fn a_cfg_on_a_type_or_from_cfg_attr_on_a_field_is_refused() {
        let mut options = EmitOptions::default();
        let on_type = options
            .type_attribute("microsoft.graph.user", "#[cfg(unix)]")
            .unwrap_err();
        assert!(on_type.to_string().contains("area features"), "{on_type}");
        assert!(options
            .type_attribute("*", "#[cfg_attr(unix, cfg(feature = \"x\"))]")
            .is_err());
        assert!(options.field_attribute("*.id", "#[cfg]").is_err());
        assert!(options.field_attribute("*.id", "#[cfg = \"x\"]").is_err());
        let from_cfg_attr = options
            .field_attribute(
                "*.id",
                "#[cfg_attr(unix, derive(Hash), cfg(feature = \"x\"))]",
            )
            .unwrap_err();
        assert!(
            from_cfg_attr.to_string().contains("cfg_attr"),
            "{from_cfg_attr}"
        );
        options
            .field_attribute("*.id", "#[cfg_attr(unix, doc(alias = \"x\"))]")
            .unwrap();
        options
            .type_attribute("*", "#[cfg_attr(unix, doc(alias = \"x\"))]")
            .unwrap();
    }
}
