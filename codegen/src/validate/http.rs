//! The HTTP message inside an example's fenced block: the request line (`GET https://...`) or
//! the status line (`HTTP/1.1 200 OK`), the headers, and the body.
//!
//! The docs write these by hand, so the reading is forgiving: blank lines may stand between the
//! start line and the headers, `HTTP 201 Created` has no version, and a block holding only a
//! body has no start line at all. Lines are counted from 0 (the first line of the code).

/// The first line of an HTTP message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartLine {
    /// `METHOD target`: a request.
    Request {
        /// The method in upper case (`GET`, `POST`, ...).
        method: String,
        /// The URL or path as written (`https://graph.microsoft.com/beta/users/{id}`).
        target: String,
    },
    /// `HTTP/1.1 200 OK`: a response.
    Status {
        /// The status code.
        code: u16,
    },
    /// Neither: the block starts with something else (a body, prose).
    Missing,
}

/// One header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The name as written.
    pub name: String,
    /// The value, trimmed.
    pub value: String,
}

/// The body of a message: everything after the headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The text, from its first non-blank line, trailing blank lines removed.
    pub text: String,
    /// The line of the code block (0-based) its text starts on.
    pub first_line: u32,
}

/// A message as read from a code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpMessage {
    /// The request or status line.
    pub start: StartLine,
    /// The headers, in order.
    pub headers: Vec<Header>,
    /// The body, if there is one.
    pub body: Option<Body>,
}

/// The methods a request line may start with.
const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

impl HttpMessage {
    /// Reads the code of a fenced block as an HTTP message.
    pub fn read(code: &str) -> HttpMessage {
        let lines: Vec<&str> = code.lines().map(|l| l.trim_end_matches('\r')).collect();
        let mut i = lines.iter().take_while(|l| l.trim().is_empty()).count();
        let start = lines.get(i).map_or(StartLine::Missing, |l| start_line(l));
        if start != StartLine::Missing {
            i += 1;
        }
        let mut headers = Vec::new();
        while let Some(line) = lines.get(i) {
            if line.trim().is_empty() {
                i += 1;
                continue;
            }
            // Headers come before the body; a body never starts with `Name: value`.
            match header(line) {
                Some(h) if start != StartLine::Missing => {
                    headers.push(h);
                    i += 1;
                }
                _ => break,
            }
        }
        let end = lines.len()
            - lines
                .iter()
                .rev()
                .take_while(|l| l.trim().is_empty())
                .count();
        let body = (i < end).then(|| Body {
            text: lines[i..end].join("\n"),
            first_line: i as u32,
        });
        HttpMessage {
            start,
            headers,
            body,
        }
    }

    /// True when the block held nothing but blank lines.
    pub fn is_empty(&self) -> bool {
        self.start == StartLine::Missing && self.headers.is_empty() && self.body.is_none()
    }

    /// The value of the first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    /// True when the body is meant as JSON: a `Content-Type` naming JSON, or none and a body
    /// starting with `{` or `[`.
    pub fn has_json_body(&self) -> bool {
        let Some(body) = &self.body else {
            return false;
        };
        match self.header("Content-Type") {
            Some(t) => t.to_ascii_lowercase().contains("json"),
            None => body.text.trim_start().starts_with(['{', '[']),
        }
    }
}

/// Reads a request or status line.
fn start_line(line: &str) -> StartLine {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return StartLine::Missing;
    };
    if let Some(method) = METHODS.iter().find(|m| m.eq_ignore_ascii_case(first)) {
        if let Some(target) = words.next() {
            return StartLine::Request {
                method: (*method).to_owned(),
                target: target.to_owned(),
            };
        }
    }
    let is_http = first.eq_ignore_ascii_case("http")
        || first
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("http/"));
    if is_http {
        if let Some(code) = words.next().and_then(|w| w.parse::<u16>().ok()) {
            return StartLine::Status { code };
        }
    }
    StartLine::Missing
}

/// Reads `Name: value` (a token of letters, digits and `-`, then a colon).
fn header(line: &str) -> Option<Header> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim();
    let is_token = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    is_token.then(|| Header {
        name: name.to_owned(),
        value: value.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_with_headers_and_a_body() {
        let m = HttpMessage::read(
            "POST https://graph.microsoft.com/beta/users\nContent-type: application/json\n\n{\n  \"a\": 1\n}\n\n",
        );
        assert_eq!(
            m.start,
            StartLine::Request {
                method: "POST".into(),
                target: "https://graph.microsoft.com/beta/users".into()
            }
        );
        assert_eq!(m.header("content-type"), Some("application/json"));
        let body = m.body.as_ref().unwrap();
        assert_eq!(
            (body.text.as_str(), body.first_line),
            ("{\n  \"a\": 1\n}", 3)
        );
        assert!(m.has_json_body());
    }

    #[test]
    fn status_lines_with_and_without_a_version() {
        let m = HttpMessage::read("HTTP/1.1 204 No Content\n");
        assert_eq!(m.start, StartLine::Status { code: 204 });
        assert_eq!(m.body, None);
        assert!(!m.has_json_body());
        let m = HttpMessage::read("HTTP 201 Created\r\nContent-Type: application/json\r\n\r\n{}");
        assert_eq!(m.start, StartLine::Status { code: 201 });
        assert_eq!(m.body.unwrap().text, "{}");
    }

    #[test]
    fn headers_after_a_blank_line_and_non_json_bodies() {
        let m = HttpMessage::read("GET /me/contacts/delta\n\nPrefer: odata.maxpagesize=2\n");
        assert_eq!(m.headers.len(), 1);
        assert_eq!(m.body, None);
        let m = HttpMessage::read(
            "PUT /me/drive/root:/f.txt:/content\nContent-Type: text/plain\n\nThe contents: here.\n",
        );
        assert_eq!(m.body.as_ref().unwrap().text, "The contents: here.");
        assert!(!m.has_json_body());
    }

    #[test]
    fn a_block_without_a_start_line_is_all_body() {
        let m = HttpMessage::read("\n{\"value\": []}\n");
        assert_eq!(m.start, StartLine::Missing);
        assert!(m.headers.is_empty());
        assert_eq!(m.body.as_ref().unwrap().first_line, 1);
        assert!(m.has_json_body());
        assert!(HttpMessage::read("\n \n").is_empty());
        assert!(!m.is_empty());
        assert_eq!(HttpMessage::read("GET").start, StartLine::Missing);
    }
}
