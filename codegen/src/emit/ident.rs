//! All naming and escaping of Rust identifiers, in one place.
//!
//! Graph names are camelCase JSON names, sometimes PascalCase, sometimes with `@`, `.`, `-`,
//! digits or (in damaged translations) non-ASCII letters. Rust names are ASCII, snake_case for
//! fields and methods, UpperCamelCase for types and variants, never a keyword, and unique in
//! their scope after case conversion.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};
use std::collections::BTreeSet;

/// Words that are keywords in any Rust edition (strict and reserved).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Keeps ASCII letters, digits and `_`; every other run of characters becomes one `_`.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Converts `name` with `case`, then makes it a usable identifier body: `empty` when nothing is
/// left, `digit_prefix` in front when it starts with a digit.
fn cased(name: &str, case: fn(&str) -> String, empty: &str, digit_prefix: &str) -> String {
    let s = case(&ascii_words(name));
    match s.chars().next() {
        None => empty.to_owned(),
        Some(c) if c.is_ascii_digit() => format!("{digit_prefix}{s}"),
        Some(_) => s,
    }
}

/// A snake_case name (without keyword escaping), never empty, never starting with a digit.
pub fn snake(name: &str) -> String {
    cased(name, |s| s.to_snake_case(), "value", "n")
}

/// An UpperCamelCase name, never empty, never starting with a digit.
pub fn camel(name: &str) -> String {
    cased(name, |s| s.to_upper_camel_case(), "Value", "N")
}

/// Turns a (unique) name into an identifier, escaping keywords: `r#type`, `self_`.
pub fn to_ident(name: &str) -> Ident {
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// Hands out names unique within one scope, suffixing `2`, `3`, ... on collisions.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    used: BTreeSet<String>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Scope {
        Scope::default()
    }

    /// Reserves `name` (e.g. a generated field such as `additional_properties`).
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_owned());
    }

    /// `name` if free, else `name2`, `name3`, ... (or `name_2` after a digit or for snake case).
    pub fn unique(&mut self, name: &str) -> String {
        let snake_like =
            name.contains('_') || name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let mut candidate = name.to_owned();
        let mut n = 2;
        while self.used.contains(&candidate) {
            candidate = if snake_like || name.ends_with(|c: char| c.is_ascii_digit()) {
                format!("{name}_{n}")
            } else {
                format!("{name}{n}")
            };
            n += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_and_keywords() {
        assert_eq!(snake("lastUpdatedDateTime"), "last_updated_date_time");
        assert_eq!(
            camel("resetPasscodeActionResult"),
            "ResetPasscodeActionResult"
        );
        assert_eq!(to_ident("type").to_string(), "r#type");
        assert_eq!(to_ident("self").to_string(), "self_");
        assert_eq!(snake("@odata.type"), "odata_type");
        assert_eq!(snake("v4_0_3"), "v4_0_3");
        assert_eq!(snake("3dModel"), "n3d_model");
        assert_eq!(camel("не удалось"), "Value");
        assert_eq!(camel("x-ms-thing"), "XMsThing");
    }

    #[test]
    fn scope_suffixes_collisions() {
        let mut s = Scope::new();
        assert_eq!(s.unique("service_principal_id"), "service_principal_id");
        assert_eq!(s.unique("service_principal_id"), "service_principal_id_2");
        assert_eq!(s.unique("Value"), "Value");
        assert_eq!(s.unique("Value"), "Value2");
    }
}
