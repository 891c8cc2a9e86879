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

/// Checks that attribute text parses as Rust outer attributes, none of them `serde`'s, or
/// says why not.
fn check_attributes(pattern: &str, attribute: &str) -> Result<(), BadAttribute> {
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
    Ok(())
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
    /// ```
    pub fn type_attribute(&mut self, pattern: &str, attribute: &str) -> Result<(), BadAttribute> {
        check_attributes(pattern, attribute)?;
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
        check_attributes(pattern, attribute)?;
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
    /// (field pattern, attributes), in the order given.
    fields: Vec<(String, String)>,
}

/// The rules whose attribute text parses as outer attributes, in their order.
fn checked_rules(rules: &[(String, String)]) -> Vec<(String, String)> {
    rules
        .iter()
        .filter(|(pattern, attribute)| check_attributes(pattern, attribute).is_ok())
        .cloned()
        .collect()
}

impl AttributeRules {
    /// The rules of `options` that parse, checked once.
    pub(super) fn new(options: &EmitOptions) -> AttributeRules {
        AttributeRules {
            types: checked_rules(&options.type_attributes),
            fields: checked_rules(&options.field_attributes),
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
    pub(super) fn of_field(&self, qualified: &str, property: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(pattern, _)| field_pattern_matches(pattern, qualified, property))
            .map(|(_, attribute)| attribute.as_str())
            .collect()
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
        assert!(rules.of_field("microsoft.graph.user", "id").is_empty());
    }
}
