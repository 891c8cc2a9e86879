//! The `support` module every generated file with a struct carries: `Nullable` (absent, `null`
//! or a value) and the temporal types kept as the text received. Its source is
//! `support.in.rs`, compiled wherever generated code is (the checked-in crate, the golden
//! files); here it only becomes tokens, and paths to its items are made for any module.

use proc_macro2::TokenStream;
use quote::quote;

/// The module's name at the root of the generated code. No namespace module may take it
/// (`ident::module` gives `support_` instead).
pub(super) const SUPPORT_MODULE: &str = "support";

/// The module's source.
const SOURCE: &str = include_str!("support.in.rs");

/// The `support` module, as tokens.
pub(super) fn support_module() -> TokenStream {
    SOURCE
        .parse()
        .expect("the support module's source is valid Rust")
}

/// A path to `item` of the support module from inside module `from` of the generated code:
/// `support::Nullable`, `super::support::Nullable`, ...
pub(super) fn support_path(from: &[String], item: &str) -> TokenStream {
    let supers = from.iter().map(|_| quote!(super::));
    let item: TokenStream = item.parse().expect("support items are paths");
    quote!(#(#supers)* support::#item)
}

/// `use super::support;` (as many `super`s as `module` is deep), which the struct items of
/// module `module` need.
pub(super) fn support_import(module: &[String]) -> TokenStream {
    let supers = module.iter().map(|_| quote!(super::));
    quote!(use #(#supers)* support;)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_parses_and_its_paths_climb_out_of_modules() {
        let file: syn::File = syn::parse2(support_module()).unwrap();
        assert!(matches!(&file.items[..], [syn::Item::Mod(m)] if m.ident == SUPPORT_MODULE));
        assert_eq!(
            support_path(&["a".into(), "b".into()], "Nullable").to_string(),
            "super :: super :: support :: Nullable"
        );
    }
}
