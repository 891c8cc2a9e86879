//! The `support` module every generated file with a struct carries: `Nullable` (absent, `null`
//! or a value) and the temporal types kept as the text received. Its source is
//! `support.in.rs`, compiled wherever generated code is (the checked-in crate, the golden
//! files), and written out as it is there (prettyplease cannot lay out a `macro_rules` body:
//! it would print the `object!` macro as one run of tokens); here paths to its items are made
//! for any module.

/// The module's name at the root of the generated code. No namespace module may take it
/// (`ident::module` gives `support_` instead).
pub(super) const SUPPORT_MODULE: &str = "support";

/// The module's source.
const SOURCE: &str = include_str!("support.in.rs");

/// The `support` module's text, as it is written into the generated file: `support.in.rs`
/// without its leading `//` comment (which is about the file, not the module).
pub(super) fn support_module() -> &'static str {
    let start = SOURCE
        .find("\n\n")
        .filter(|_| SOURCE.starts_with("//"))
        .map_or(0, |end| end + 2);
    &SOURCE[start..]
}

/// [`push_support_path`] as a new string (for the tests).
#[cfg(test)]
pub(super) fn support_path(from: &[String], item: &str) -> String {
    let mut path = String::new();
    push_support_path(&mut path, from, item);
    path
}

/// Appends a path to `item` of the support module from inside module `from` of the generated
/// code to `out` (a line being written): `support::Nullable`, `super::support::Nullable`, ...
pub(super) fn push_support_path(out: &mut String, from: &[String], item: &str) {
    for _ in from {
        out.push_str("super::");
    }
    out.push_str("support::");
    out.push_str(item);
}

/// `use super::support;` (as many `super`s as `module` is deep), which the struct items of
/// module `module` need.
pub(super) fn support_import(module: &[String]) -> String {
    format!("use {}support;", "super::".repeat(module.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_parses_and_its_paths_climb_out_of_modules() {
        let file: syn::File = syn::parse_str(support_module()).unwrap();
        assert!(support_module().starts_with("/// "));
        assert!(matches!(&file.items[..], [syn::Item::Mod(m)] if m.ident == SUPPORT_MODULE));
        assert_eq!(
            support_path(&["a".into(), "b".into()], "Nullable"),
            "super::super::support::Nullable"
        );
        assert_eq!(support_import(&["a".into()]), "use super::support;");
    }
}
