//! From settings to the expansion: the library's `Builder` generates the code (the same call the
//! CLI and build scripts make), and every page read is tracked so that editing it recompiles.

use crate::settings::{Entry, Errors, Inline, Settings};
use msgraph_docgen::config::Config;
use msgraph_docgen::input::InputError;
use msgraph_docgen::{Builder, Error};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::path::{Path, PathBuf};
use syn::LitStr;

/// At most this many diagnostics become compile errors; one more error counts the rest.
const MAX_DIAGNOSTIC_ERRORS: usize = 20;

/// What one invocation generates, before it becomes tokens.
pub(crate) struct Expansion {
    /// The Rust source, exactly as `msgraph-docgen generate` would write it.
    pub(crate) code: String,
    /// The files the code depends on: every page read, and the configuration file.
    pub(crate) tracked: Vec<PathBuf>,
}

/// The directory relative paths are resolved against: `CARGO_MANIFEST_DIR`, as cargo sets it
/// for the crate being compiled (the current directory when not run by cargo).
pub(crate) fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// A path as written, resolved against `base` (symbolic links and `..` resolved when it exists).
fn resolve(base: &Path, path: &Path) -> PathBuf {
    let joined = base.join(path);
    std::fs::canonicalize(&joined).unwrap_or(joined)
}

/// The settings with their paths resolved against `base`, and the configuration file if one
/// was read.
fn config(settings: &Settings, base: &Path) -> syn::Result<(Config, Option<PathBuf>)> {
    match settings {
        Settings::Inline(_) => {
            let mut config = settings.inline_config().expect("inline settings");
            for input in &mut config.input {
                *input = resolve(base, input);
            }
            Ok((config, None))
        }
        Settings::File(file) => {
            let path = base.join(file.value());
            let mut config = Config::load(&path).map_err(|e| syn::Error::new_spanned(file, e))?;
            for input in &mut config.input {
                *input = resolve(Path::new(""), input);
            }
            Ok((config, Some(resolve(Path::new(""), &path))))
        }
    }
}

/// Generates the code for these settings, with paths relative to `base`. The code is what
/// `Builder::from_config(..).generate_code()` gives for the same settings, which is what
/// `msgraph-docgen generate` writes.
pub(crate) fn generate(settings: &Settings, base: &Path) -> syn::Result<Expansion> {
    if let Settings::Inline(inline) = settings {
        check_entries(inline)?;
    }
    let (config, config_file) = config(settings, base)?;
    let generated = Builder::from_config(&config)
        .cargo_directives(false)
        .generate_code()
        .map_err(|e| locate(e, settings, &config))?;
    let mut tracked = generated.pages;
    tracked.extend(config_file);
    Ok(Expansion {
        code: generated.code,
        tracked,
    })
}

/// The macro's output: a hidden constant that includes every tracked file (so that cargo
/// recompiles the crate when one changes: rustc lists included files as dependencies), then
/// the generated items.
pub(crate) fn expand(settings: &Settings, base: &Path) -> syn::Result<TokenStream> {
    let expansion = generate(settings, base)?;
    let code: TokenStream = expansion.code.parse().map_err(|e| {
        syn::Error::new(
            Span::call_site(),
            format!("msgraph-docgen generated code that does not parse as Rust (a bug): {e}"),
        )
    })?;
    let tracked = expansion
        .tracked
        .iter()
        // Only regular files can be included: a FIFO would block the compiler, and a page that
        // could not be read is already reported as an `io` diagnostic.
        .filter(|p| std::fs::File::open(p).is_ok_and(|f| f.metadata().is_ok_and(|m| m.is_file())))
        // `include_bytes!` takes a string: a path that is not UTF-8 cannot be tracked.
        .filter_map(|p| p.to_str())
        .map(|p| LitStr::new(p, Span::call_site()));
    Ok(quote! {
        const _: &[&[u8]] = &[#(::core::include_bytes!(#tracked)),*];
        #code
    })
}

/// Checks each entry of the map settings on its own, so that a rejected type or attribute is
/// reported at the entry that gave it.
fn check_entries(s: &Inline) -> syn::Result<()> {
    let mut errors = Errors::default();
    let mut check = |entries: &[Entry], apply: fn(&mut Builder, &str, &str)| {
        for entry in entries {
            for value in &entry.values {
                let mut builder = Builder::new();
                apply(&mut builder, &entry.key, &value.value());
                // Settings are checked first: without inputs nothing else is done.
                if let Err(Error::Settings(messages)) = builder.generate_code() {
                    for message in messages {
                        errors.push(syn::Error::new_spanned(&entry.tokens, message));
                    }
                }
            }
        }
    };
    check(&s.type_mapping, |b, k, v| {
        b.map_type(k, v);
    });
    check(&s.type_attributes, |b, k, v| {
        b.type_attribute(k, v);
    });
    check(&s.field_attributes, |b, k, v| {
        b.field_attribute(k, v);
    });
    errors.into_result(())
}

/// The library's error as compile errors at the tokens that asked for what failed.
fn locate(error: Error, settings: &Settings, config: &Config) -> syn::Error {
    let s = match settings {
        Settings::File(file) => return file_error(error, file),
        Settings::Inline(s) => s,
    };
    let inputs = || s.input.iter().zip(&config.input);
    match error {
        Error::Input(e @ InputError::Unreadable { .. }) => {
            let InputError::Unreadable { path, .. } = &e else {
                unreachable!()
            };
            match inputs().find(|(_, resolved)| path.starts_with(resolved)) {
                Some((lit, _)) => syn::Error::new_spanned(lit, e),
                None => all_inputs_error(s, e),
            }
        }
        Error::Input(e) => all_inputs_error(s, e),
        Error::Root(e) => match s.roots.iter().find(|r| r.value() == e.root) {
            Some(root) => syn::Error::new_spanned(root, e),
            None => syn::Error::new(s.call_site, e),
        },
        Error::Diagnostics(list) => diagnostic_errors(&list, |message| match &s.fail_on {
            Some((_, tokens)) => syn::Error::new_spanned(tokens, message),
            None => syn::Error::new(s.call_site, message),
        }),
        other => syn::Error::new(s.call_site, other),
    }
}

/// An error about the inputs as a whole, over every input literal.
fn all_inputs_error(s: &Inline, error: InputError) -> syn::Error {
    match s.input.as_slice() {
        [] => syn::Error::new(s.call_site, error),
        inputs => syn::Error::new_spanned(quote!(#(#inputs)*), error),
    }
}

/// An error with settings from a file: at the `config` literal, naming the file.
fn file_error(error: Error, file: &LitStr) -> syn::Error {
    match error {
        Error::Diagnostics(list) => {
            diagnostic_errors(&list, |message| syn::Error::new_spanned(file, message))
        }
        other => syn::Error::new_spanned(file, format!("{}: {other}", file.value())),
    }
}

/// One error per diagnostic (`file:line:column: severity[code]: message`), at most
/// [`MAX_DIAGNOSTIC_ERRORS`], then one counting the rest.
fn diagnostic_errors(
    list: &[msgraph_docgen::diag::Diagnostic],
    error: impl Fn(String) -> syn::Error,
) -> syn::Error {
    let mut errors = Errors::default();
    for d in list.iter().take(MAX_DIAGNOSTIC_ERRORS) {
        errors.push(error(d.to_string()));
    }
    if list.len() > MAX_DIAGNOSTIC_ERRORS {
        errors.push(error(format!(
            "… and {} more diagnostics at or above the `fail_on` severity",
            list.len() - MAX_DIAGNOSTIC_ERRORS
        )));
    }
    errors
        .into_result(())
        .expect_err("fail_on failed with diagnostics")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn settings(tokens: TokenStream) -> Settings {
        syn::parse2(tokens).unwrap()
    }

    fn error_of(tokens: TokenStream) -> String {
        match generate(&settings(tokens), &workspace()) {
            Ok(_) => panic!("no error"),
            Err(e) => e
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The guarantee: the expansion's code is what `generate` writes for the same
    /// settings. `docgen.toml` of this repository generates `generated/` from `docs-input/`.
    #[test]
    fn the_code_equals_the_checked_in_generated_code() {
        let checked_in =
            std::fs::read_to_string(workspace().join("generated/src/msgraph_types.rs")).unwrap();
        let inline = generate(&settings(quote!(input: "docs-input")), &workspace()).unwrap();
        assert!(
            inline.code == checked_in,
            "inline settings differ from `generate`"
        );
        let file = generate(&settings(quote!(config: "docgen.toml")), &workspace()).unwrap();
        assert!(file.code == checked_in, "`config` differs from `generate`");
    }

    #[test]
    fn the_code_equals_the_builders_for_every_knob() {
        let expansion = generate(
            &settings(quote! {
                input: "docs-input",
                roots: ["resetPasscodeActionResult"],
                subtypes: true,
                skip_navigation: true,
                typed_navigation: true,
                non_exhaustive: true,
                fail_on: "error",
                type_mapping: { DateTimeOffset: "String" },
                type_attributes: { "microsoft.graph.actionState": "#[doc(alias = \"state\")]" },
                field_attributes: {
                    "microsoft.graph.resetPasscodeActionResult.passcode": ["#[doc(alias = \"pin\")]"],
                },
            }),
            &workspace(),
        )
        .unwrap();
        let generated = Builder::new()
            .input(workspace().join("docs-input"))
            .root("resetPasscodeActionResult")
            .subtypes(true)
            .skip_navigation(true)
            .typed_navigation(true)
            .non_exhaustive(true)
            .fail_on(Some(msgraph_docgen::config::FailOn::Error))
            .map_type("DateTimeOffset", "String")
            .type_attribute("microsoft.graph.actionState", "#[doc(alias = \"state\")]")
            .field_attribute(
                "microsoft.graph.resetPasscodeActionResult.passcode",
                "#[doc(alias = \"pin\")]",
            )
            .generate_code()
            .unwrap();
        assert!(expansion.code == generated.code);
        assert!(expansion
            .code
            .contains("\"startDateTime\" => start_date_time: String,"));
    }

    #[test]
    fn every_page_read_is_included_so_that_editing_it_recompiles() {
        let page = std::fs::canonicalize(
            workspace().join("docs-input/intune-devices-resetpasscodeactionresult.md"),
        )
        .unwrap();
        let tokens = expand(&settings(quote!(input: "docs-input")), &workspace())
            .unwrap()
            .to_string();
        let include = format!(
            "const _ : & [& [u8]] = & [:: core :: include_bytes ! ({:?})] ;",
            page.to_str().unwrap()
        );
        assert!(tokens.starts_with(&include), "{}", &tokens[..300]);
        assert!(tokens.contains("pub struct ResetPasscodeActionResult"));

        let config = std::fs::canonicalize(workspace())
            .unwrap()
            .join("docgen.toml");
        let from_file = generate(&settings(quote!(config: "docgen.toml")), &workspace()).unwrap();
        assert_eq!(from_file.tracked, [page, config]);
    }

    #[test]
    fn library_errors_point_at_the_setting() {
        let err = error_of(quote!(input: ["docs-input", "nowhere"]));
        assert!(err.contains("nowhere: cannot read"), "{err}");
        let err = error_of(quote!(input: "docs-input", roots: ["user"]));
        assert!(err.starts_with("root `user`: no such type"), "{err}");
        let err = error_of(quote!(input: "docs-input", fail_on: "warning"));
        assert!(err.contains("warning[reconstructed-type]"), "{err}");
        let err = error_of(quote!(input: "docs-input", type_mapping: { DateTime: "String" }));
        assert!(err.contains("`DateTime` is not a Graph primitive"), "{err}");
        let err = error_of(quote!(input: "docs-input", type_attributes: { "*": "derive(Hash)" }));
        assert!(err.contains("expected outer attributes"), "{err}");
        let err = error_of(quote!(config: "missing.toml"));
        assert!(err.contains("/missing.toml: cannot read: "), "{err}");
    }
}
