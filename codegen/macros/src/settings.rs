//! The settings of `generate!`, read from its tokens: `key: value` pairs separated by commas,
//! with the keys and meanings of `docgen.toml`. Every problem is a `syn::Error` at the tokens
//! that cause it; all problems of one invocation are reported together.

use msgraph_docgen::config::{Config, FailOn};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, LitBool, LitStr, Token};

/// The keys `generate!` takes, in the order the docs list them.
pub(crate) const KEYS: &[&str] = &[
    "input",
    "roots",
    "subtypes",
    "skip_navigation",
    "typed_navigation",
    "type_mapping",
    "type_attributes",
    "field_attributes",
    "non_exhaustive",
    "fail_on",
    "config",
];

/// What the macro was asked for.
pub(crate) enum Settings {
    /// Settings written in the invocation.
    Inline(Inline),
    /// `config: "docgen.toml"`: the settings of that file (relative to `CARGO_MANIFEST_DIR`).
    File(LitStr),
}

/// Settings written in the invocation, each value with the tokens it came from, so that what
/// the library rejects can be reported where it was written.
pub(crate) struct Inline {
    /// Where the invocation is: for what has no tokens of its own (a missing `input`).
    pub(crate) call_site: Span,
    /// Pages or directories, as written.
    pub(crate) input: Vec<LitStr>,
    /// Qualified type names.
    pub(crate) roots: Vec<LitStr>,
    /// With roots, also the types derived from them.
    pub(crate) subtypes: bool,
    /// With roots, navigation properties stay untyped JSON.
    pub(crate) skip_navigation: bool,
    /// Navigation properties read into their types, not kept as JSON.
    pub(crate) typed_navigation: bool,
    /// `#[non_exhaustive]` on generated structs and enums.
    pub(crate) non_exhaustive: bool,
    /// The level from which diagnostics fail, and the `fail_on: "…"` tokens that asked for it.
    pub(crate) fail_on: Option<(FailOn, TokenStream)>,
    /// Primitive → Rust type.
    pub(crate) type_mapping: Vec<Entry>,
    /// Type pattern → attributes.
    pub(crate) type_attributes: Vec<Entry>,
    /// Field pattern → attributes.
    pub(crate) field_attributes: Vec<Entry>,
}

/// One `key: value` entry of a map setting (`type_mapping`, `type_attributes`,
/// `field_attributes`).
pub(crate) struct Entry {
    /// The key's text (a primitive, or a type or field pattern).
    pub(crate) key: String,
    /// The values: one Rust type, or one or more attributes.
    pub(crate) values: Vec<LitStr>,
    /// The entry's tokens, from key to value.
    pub(crate) tokens: TokenStream,
}

impl Settings {
    /// The same settings as a `docgen.toml` would give, with paths as written (not yet
    /// resolved against `CARGO_MANIFEST_DIR`). `None` for [`Settings::File`].
    pub(crate) fn inline_config(&self) -> Option<Config> {
        let Settings::Inline(s) = self else {
            return None;
        };
        let map = |entries: &[Entry]| {
            entries
                .iter()
                .map(|e| (e.key.clone(), e.values.iter().map(LitStr::value).collect()))
                .collect()
        };
        Some(Config {
            input: s.input.iter().map(|p| p.value().into()).collect(),
            roots: s.roots.iter().map(LitStr::value).collect(),
            subtypes: s.subtypes,
            skip_navigation: s.skip_navigation,
            typed_navigation: s.typed_navigation,
            non_exhaustive: s.non_exhaustive,
            fail_on: s.fail_on.as_ref().map(|(level, _)| *level),
            type_mapping: s
                .type_mapping
                .iter()
                .map(|e| (e.key.clone(), e.values[0].value()))
                .collect(),
            type_attributes: map(&s.type_attributes),
            field_attributes: map(&s.field_attributes),
            ..Config::default()
        })
    }
}

/// A `key: value` pair as written: the value is every token up to the next comma.
struct Pair {
    key: Ident,
    value: TokenStream,
}

impl Parse for Pair {
    fn parse(input: ParseStream) -> syn::Result<Pair> {
        let key = input.call(Ident::parse_any)?;
        input.parse::<Token![:]>()?;
        let value = value_tokens(input)?;
        if value.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                format!("expected a value for `{key}`"),
            ));
        }
        Ok(Pair { key, value })
    }
}

/// The tokens of one value: everything up to the next comma outside brackets.
fn value_tokens(input: ParseStream) -> syn::Result<TokenStream> {
    let mut value = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        value.extend([input.parse::<TokenTree>()?]);
    }
    Ok(value)
}

/// A comma-separated sequence of `T`, with an optional trailing comma.
fn comma_separated<T: Parse>(tokens: TokenStream) -> syn::Result<Vec<T>> {
    Punctuated::<T, Token![,]>::parse_terminated
        .parse2(tokens)
        .map(|list| list.into_iter().collect())
}

/// The inside of a single group with `delimiter` (`[…]` or `{…}`), if the value is one.
fn group(value: &TokenStream, delimiter: Delimiter) -> Option<TokenStream> {
    let mut trees = value.clone().into_iter();
    match (trees.next(), trees.next()) {
        (Some(TokenTree::Group(g)), None) if g.delimiter() == delimiter => Some(g.stream()),
        _ => None,
    }
}

/// A string literal, or a bracketed list of them.
fn strings(value: &TokenStream) -> Option<Vec<LitStr>> {
    match group(value, Delimiter::Bracket) {
        Some(inside) => comma_separated::<LitStr>(inside).ok(),
        None => syn::parse2::<LitStr>(value.clone()).ok().map(|s| vec![s]),
    }
}

impl Pair {
    /// The pair's tokens, so that an error spans from the key to the end of the value.
    fn tokens(&self) -> TokenStream {
        let (key, value) = (&self.key, &self.value);
        quote!(#key: #value)
    }

    /// An error over the whole pair saying what the key takes.
    fn mistyped(&self, expected: &str) -> syn::Error {
        syn::Error::new_spanned(self.tokens(), format!("`{}` takes {expected}", self.key))
    }

    fn string(&self) -> syn::Result<LitStr> {
        syn::parse2(self.value.clone()).map_err(|_| self.mistyped("a string literal"))
    }

    fn strings(&self) -> syn::Result<Vec<LitStr>> {
        strings(&self.value)
            .ok_or_else(|| self.mistyped("a string literal or a list of them, `[\"…\", \"…\"]`"))
    }

    fn bool(&self) -> syn::Result<bool> {
        syn::parse2::<LitBool>(self.value.clone())
            .map(|b| b.value)
            .map_err(|_| self.mistyped("`true` or `false`"))
    }

    fn fail_on(&self) -> syn::Result<FailOn> {
        let level = self.string()?;
        match level.value().as_str() {
            "error" => Ok(FailOn::Error),
            "warning" => Ok(FailOn::Warning),
            _ => Err(self.mistyped("\"error\" or \"warning\"")),
        }
    }

    /// `{ key: value, … }`, keys being identifiers or string literals; `one` when each value is a
    /// single string (a type), else a string or a list of strings (attributes).
    fn map(&self, one: bool) -> syn::Result<Vec<Entry>> {
        let expected = if one {
            "a map of strings, `{ DateTimeOffset: \"String\" }`"
        } else {
            "a map of attribute strings, `{ \"microsoft.graph.user\": [\"#[derive(Hash)]\"] }`"
        };
        let inside = group(&self.value, Delimiter::Brace).ok_or_else(|| self.mistyped(expected))?;
        let mut entries: Vec<Entry> = Vec::new();
        let mut errors = Errors::default();
        for entry in comma_separated::<MapEntry>(inside)? {
            let tokens = entry.tokens();
            let values = match strings(&entry.value) {
                Some(values) if !one || values.len() == 1 => values,
                _ => {
                    let what = if one {
                        "a Rust type as a string literal, such as `\"String\"`"
                    } else {
                        "an attribute string or a list of them"
                    };
                    errors.push(syn::Error::new_spanned(
                        tokens,
                        format!("`{}` in `{}` takes {what}", entry.key, self.key),
                    ));
                    continue;
                }
            };
            if entries.iter().any(|e| e.key == entry.key) {
                errors.push(syn::Error::new_spanned(
                    &entry.key_tokens,
                    format!("`{}` is given twice in `{}`", entry.key, self.key),
                ));
                continue;
            }
            entries.push(Entry {
                key: entry.key,
                values,
                tokens,
            });
        }
        errors.into_result(entries)
    }
}

/// One `key: value` entry of a map, as written.
struct MapEntry {
    key: String,
    key_tokens: TokenStream,
    value: TokenStream,
}

impl MapEntry {
    fn tokens(&self) -> TokenStream {
        let (key, value) = (&self.key_tokens, &self.value);
        quote!(#key: #value)
    }
}

impl Parse for MapEntry {
    fn parse(input: ParseStream) -> syn::Result<MapEntry> {
        let (key, key_tokens) = if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            (lit.value(), lit.to_token_stream())
        } else {
            let ident = input.call(Ident::parse_any)?;
            (ident.to_string(), ident.to_token_stream())
        };
        input.parse::<Token![:]>()?;
        let value = value_tokens(input)?;
        if value.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                format!("expected a value for `{key}`"),
            ));
        }
        Ok(MapEntry {
            key,
            key_tokens,
            value,
        })
    }
}

/// Errors gathered while going on, reported together.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// Keeps what the result's error holds, returning its value if there was one.
    pub(crate) fn take<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|e| self.push(e)).ok()
    }

    pub(crate) fn into_result<T>(self, value: T) -> syn::Result<T> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}

/// The message for a key `generate!` does not take.
fn unknown_key(key: &str) -> String {
    let expected = KEYS
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match key {
        "out" | "file_name" | "split_above" => {
            " (`generate!` writes no file: the types are generated where the macro is called)"
                .to_owned()
        }
        _ => KEYS
            .iter()
            .filter(|k| strsim::levenshtein(k, key) <= 2)
            .min_by_key(|k| strsim::levenshtein(k, key))
            .map(|k| format!("; did you mean `{k}`?"))
            .unwrap_or_default(),
    };
    format!("unknown key `{key}`{hint}; expected one of {expected}")
}

impl Parse for Settings {
    fn parse(input: ParseStream) -> syn::Result<Settings> {
        let call_site = Span::call_site();
        let pairs = Punctuated::<Pair, Token![,]>::parse_terminated(input)?;
        let mut errors = Errors::default();
        let mut seen: Vec<&Ident> = Vec::new();
        let mut s = Inline {
            call_site,
            input: Vec::new(),
            roots: Vec::new(),
            subtypes: false,
            skip_navigation: false,
            typed_navigation: false,
            non_exhaustive: false,
            fail_on: None,
            type_mapping: Vec::new(),
            type_attributes: Vec::new(),
            field_attributes: Vec::new(),
        };
        let mut config: Option<LitStr> = None;
        for pair in &pairs {
            let key = pair.key.to_string();
            if seen.iter().any(|k| **k == pair.key) {
                errors.push(syn::Error::new_spanned(
                    &pair.key,
                    format!("`{key}` is given twice"),
                ));
                continue;
            }
            seen.push(&pair.key);
            match key.as_str() {
                "input" => s.input = errors.take(pair.strings()).unwrap_or_default(),
                "roots" => s.roots = errors.take(pair.strings()).unwrap_or_default(),
                "subtypes" => s.subtypes = errors.take(pair.bool()).unwrap_or_default(),
                "skip_navigation" => {
                    s.skip_navigation = errors.take(pair.bool()).unwrap_or_default()
                }
                "typed_navigation" => {
                    s.typed_navigation = errors.take(pair.bool()).unwrap_or_default()
                }
                "non_exhaustive" => s.non_exhaustive = errors.take(pair.bool()).unwrap_or_default(),
                "fail_on" => {
                    s.fail_on = errors
                        .take(pair.fail_on())
                        .map(|level| (level, pair.tokens()))
                }
                "type_mapping" => s.type_mapping = errors.take(pair.map(true)).unwrap_or_default(),
                "type_attributes" => {
                    s.type_attributes = errors.take(pair.map(false)).unwrap_or_default()
                }
                "field_attributes" => {
                    s.field_attributes = errors.take(pair.map(false)).unwrap_or_default()
                }
                "config" => config = errors.take(pair.string()),
                _ => errors.push(syn::Error::new_spanned(&pair.key, unknown_key(&key))),
            }
        }
        if config.is_some() {
            // The file holds every setting: mixing would leave two places to look.
            for pair in pairs.iter().filter(|p| p.key != "config") {
                errors.push(syn::Error::new_spanned(
                    &pair.key,
                    format!(
                        "`{}` cannot be combined with `config`: put it in the configuration file",
                        pair.key
                    ),
                ));
            }
        } else if s.input.is_empty() && !seen.iter().any(|k| *k == "input") {
            errors.push(syn::Error::new(
                call_site,
                "`input` is missing: the docs pages or directories to generate from (or `config: \"docgen.toml\"`)",
            ));
        }
        let settings = match config {
            Some(file) => Settings::File(file),
            None => Settings::Inline(s),
        };
        errors.into_result(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse(tokens: TokenStream) -> syn::Result<Settings> {
        syn::parse2(tokens)
    }

    fn inline(tokens: TokenStream) -> Config {
        parse(tokens).unwrap().inline_config().unwrap()
    }

    fn error(tokens: TokenStream) -> String {
        match parse(tokens) {
            Ok(_) => panic!("no error"),
            Err(e) => e
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    #[test]
    fn every_setting_is_read_as_docgen_toml_reads_it() {
        let config = inline(quote! {
            input: ["docs", "more/page.md"],
            roots: ["microsoft.graph.user"],
            subtypes: true,
            skip_navigation: true,
            typed_navigation: true,
            non_exhaustive: true,
            fail_on: "warning",
            type_mapping: { DateTimeOffset: "String", "Guid": "String" },
            type_attributes: { "*": "#[derive(Hash)]" },
            field_attributes: { "microsoft.graph.user.id": ["#[doc(alias = \"key\")]"] },
        });
        let toml = Config::parse(
            r##"
input = ["docs", "more/page.md"]
roots = ["microsoft.graph.user"]
subtypes = true
skip_navigation = true
typed_navigation = true
non_exhaustive = true
fail_on = "warning"
[type_mapping]
DateTimeOffset = "String"
Guid = "String"
[type_attributes]
"*" = ["#[derive(Hash)]"]
[field_attributes]
"microsoft.graph.user.id" = ['#[doc(alias = "key")]']
"##,
        )
        .unwrap();
        assert_eq!(config, toml);
    }

    #[test]
    fn input_may_be_a_single_string_and_defaults_stay_off() {
        let config = inline(quote!(input: "docs"));
        assert_eq!(
            config,
            Config {
                input: vec!["docs".into()],
                ..Config::default()
            }
        );
    }

    #[test]
    fn config_names_a_file_and_takes_nothing_else() {
        let Settings::File(path) = parse(quote!(config: "docgen.toml")).unwrap() else {
            panic!("not a file")
        };
        assert_eq!(path.value(), "docgen.toml");
        let err = error(quote!(config: "docgen.toml", roots: ["user"]));
        assert!(
            err.contains("`roots` cannot be combined with `config`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_keys_are_named_with_a_suggestion() {
        let err = error(quote!(input: "docs", root: ["user"]));
        assert!(
            err.starts_with("unknown key `root`; did you mean `roots`?; expected one of `input`"),
            "{err}"
        );
        let err = error(quote!(input: "docs", out: "src"));
        assert!(err.contains("writes no file"), "{err}");
    }

    #[test]
    fn mistyped_values_name_what_the_key_takes_and_all_are_reported() {
        let err = error(quote! {
            input: docs,
            subtypes: "yes",
            fail_on: "never",
            type_mapping: { Guid: ["a", "b"] },
            non_exhaustive: true,
            non_exhaustive: false,
        });
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(
            lines,
            [
                "`input` takes a string literal or a list of them, `[\"…\", \"…\"]`",
                "`subtypes` takes `true` or `false`",
                "`fail_on` takes \"error\" or \"warning\"",
                "`Guid` in `type_mapping` takes a Rust type as a string literal, such as `\"String\"`",
                "`non_exhaustive` is given twice",
            ]
        );
    }

    #[test]
    fn input_is_required_without_config() {
        assert!(error(quote!(roots: ["user"])).starts_with("`input` is missing"));
        assert!(error(quote!()).starts_with("`input` is missing"));
    }

    #[test]
    fn syntax_errors_stop_at_the_token() {
        assert_eq!(error(quote!(input "docs")), "expected `:`");
        assert_eq!(error(quote!(input:)), "expected a value for `input`");
        assert!(error(quote!(type_mapping: { Guid: "a", Guid: "b" }))
            .contains("`Guid` is given twice in `type_mapping`"));
    }
}
