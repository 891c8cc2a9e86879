//! A tolerant JSON reader for the JSON representation blocks and annotations, and the reading
//! of a page's JSON representation block into a [`JsonBlock`].
//!
//! The docs' JSON is hand-written: trailing commas, `//` and `/* */` comments, `&quot;` for `"`,
//! spaces that JSON does not allow (`U+202F` after a brace), numbers with leading zeros, text
//! after the closing brace. The reader repairs those (outside strings only) and then hands the
//! text to serde_json; it reports whether repairs were needed.

use super::json_value::{JsonObject, JsonValue};
use super::page::JsonBlock;
use crate::diag::{Code, Diagnostics, Location};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The result of a tolerant read.
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerant {
    /// The value read.
    pub value: Value,
    /// True when the text was not strict JSON and had to be repaired.
    pub repaired: bool,
}

/// Decodes the HTML entities machine translation leaves in JSON.
fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Removes comments, trailing commas and numbers' leading zeros outside strings, makes every
/// other Unicode space there an ASCII one, and cuts the text after the first complete
/// top-level value.
fn repair(text: &str) -> String {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    let mut depth = 0i32;
    let mut started = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            out.push(c);
            if c == '\\' && i + 1 < bytes.len() {
                out.push(bytes[i + 1]);
                i += 1;
            } else if c == '"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if bytes.get(i + 1) == Some(&'/') => {
                while i < bytes.len() && bytes[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if bytes.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == '*' && bytes[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
                continue;
            }
            ',' => {
                // Drop a comma followed (after whitespace) by a closing bracket.
                let next = bytes[i + 1..].iter().find(|c| !c.is_whitespace());
                if !matches!(next, Some('}') | Some(']')) {
                    out.push(c);
                }
            }
            '{' | '[' => {
                depth += 1;
                started = true;
                out.push(c);
            }
            '}' | ']' => {
                depth -= 1;
                out.push(c);
                if started && depth <= 0 {
                    break;
                }
            }
            c if !c.is_ascii() && c.is_whitespace() => out.push(' '),
            // A number's leading zero (`0000000000` as a placeholder): JSON allows none.
            '0' if bytes.get(i + 1).is_some_and(char::is_ascii_digit)
                && !out.ends_with(|p: char| {
                    p.is_ascii_digit() || matches!(p, '.' | 'e' | 'E' | '+')
                }) => {}
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Reads `text` as JSON, repairing what hand-written docs JSON commonly gets wrong.
pub fn read(text: &str) -> Result<Tolerant, serde_json::Error> {
    read_into(text).map(|(value, repaired)| Tolerant { value, repaired })
}

/// Reads `text` as JSON into a `T`, repairing as [`read`] does; true when repairs were needed.
/// A `T` that rejects well-formed JSON makes the repaired text be tried too, and then fails.
pub(super) fn read_into<T: DeserializeOwned>(text: &str) -> Result<(T, bool), serde_json::Error> {
    if let Ok(value) = serde_json::from_str(text) {
        return Ok((value, false));
    }
    let fixed = repair(&decode_entities(text));
    serde_json::from_str(&fixed).map(|value| (value, true))
}

/// Reads the code of a page's JSON representation block, whose code starts at `line` of the page
/// at `path`. Repairs and keys with surrounding spaces are reported and read anyway; code that
/// is not JSON even after repairs is reported and gives `None`, as does JSON that is not an
/// object.
pub(super) fn read_representation(
    code: &str,
    line: u32,
    path: &str,
    diags: &mut Diagnostics,
) -> Option<JsonBlock> {
    let (value, repaired) = match read_into::<JsonValue>(code) {
        Ok(read) => read,
        Err(e) => {
            let line = line + e.line().saturating_sub(1) as u32;
            diags.push(
                Code::BadJsonBlock,
                Location::new(path, line, e.column() as u32),
                format!(
                    "the JSON representation is not JSON even after repairs ({e}); \
                     the tables alone are used"
                ),
            );
            return None;
        }
    };
    if repaired {
        diags.push(
            Code::RepairedJson,
            Location::new(path, line, 1),
            "the JSON representation is not strict JSON (comments, trailing commas, entities, \
             leading zeros or spaces JSON does not allow); read after repairs",
        );
    }
    let JsonValue::Object(mut object) = value else {
        return None;
    };
    if (object.keys())
        .any(|k| k.starts_with(char::is_whitespace) || k.ends_with(char::is_whitespace))
    {
        diags.push(
            Code::RepairedJson,
            Location::new(path, line, 1),
            "keys of the JSON representation have surrounding spaces (`\"rank \"`); read trimmed",
        );
        let trimmed = (object.into_iter())
            .map(|(k, v)| (k.trim().to_owned(), v))
            .collect();
        object = JsonObject::from_entries(trimmed);
    }
    Some(JsonBlock { object, line })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    #[test]
    fn strict_json_is_not_repaired() {
        let t = read(r#"{"a": 1}"#).unwrap();
        assert!(!t.repaired);
    }

    #[test]
    fn repairs_trailing_commas_comments_entities_and_trailing_text() {
        let t = read(
            "{\n \"a\": \"x, // not a comment\", // comment\n /* c */ \"b\": [1,2,],\n}\ntrailing",
        )
        .unwrap();
        assert!(t.repaired);
        assert_eq!(
            t.value,
            serde_json::json!({"a": "x, // not a comment", "b": [1, 2]})
        );
        let t = read("{ \"@type&quot;: &quot;microsoft.graph.deleteAction\" }").unwrap();
        assert_eq!(t.value["@type"], "microsoft.graph.deleteAction");
        // A narrow no-break space after a brace (timeclocksettings.md), kept inside strings.
        let t = read("{\u{202f}\n \"a\":\u{a0}\"x\u{202f}y\" }").unwrap();
        assert_eq!(t.value, serde_json::json!({"a": "x\u{202f}y"}));
        // Leading zeros (pkcs12CertificateInformation.md), not in strings, fractions or
        // exponents.
        let t =
            read("{\"a\": 0000000000, \"b\": [-007, 0.05, 1e05, 100], \"c\": \"007\",}").unwrap();
        assert_eq!(
            t.value,
            serde_json::json!({"a": 0, "b": [-7, 0.05, 1e5, 100], "c": "007"})
        );
    }

    #[test]
    fn hopeless_input_is_an_error() {
        assert!(read("{ \"address\": NAV.PostalAddress }").is_err());
        assert!(read("").is_err());
    }

    #[test]
    fn json_keys_with_spaces_are_trimmed_and_reported() {
        let text = "## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"rank \": 1, \"id\": \"s\"}\n```\n";
        let page = parse_page("x.md", text);
        let keys: Vec<&String> = page.json.as_ref().unwrap().object.keys().collect();
        assert_eq!(keys, ["rank", "id"]);
        assert_eq!(page.diagnostics[0].code, Code::RepairedJson);
        assert_eq!(page.diagnostics[0].location.line, 4);
    }
}
