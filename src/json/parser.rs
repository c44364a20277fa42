//! The iterative parser. See the module documentation of `json` for the design.

use std::borrow::Cow;

use super::pointer::Pointer;
use super::value::{Duplicate, Member, Node, Object, Span, Value};

/// Limits applied while parsing.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions {
    /// Maximum nesting depth of arrays and objects (the top-level container is depth 1).
    pub max_depth: usize,
    /// Maximum number of elements in one array, or of members in one object.
    pub max_entries: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            max_depth: super::DEFAULT_MAX_DEPTH,
            max_entries: super::DEFAULT_MAX_ENTRIES,
        }
    }
}

/// A successfully parsed document.
#[derive(Debug)]
pub struct Parsed<'a> {
    /// The top-level value (any JSON value, not only an object).
    pub root: Node<'a>,
    /// Every repeated member name, in source order of the later occurrence.
    pub duplicates: Vec<Duplicate>,
    /// Accepted but suspicious input (byte order mark, lone surrogate escapes).
    pub warnings: Vec<ParseWarning>,
}

/// Input the parser accepted but that deserves a finding (`JSON004`, `JSON005`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseWarning {
    /// What was accepted.
    pub kind: ParseWarningKind,
    /// The offending bytes: the byte order mark, or the lone `\u` escape.
    pub span: Span,
    /// Pointer of the string holding the escape; `""` for a byte order mark.
    pub pointer: String,
}

/// The kinds of [`ParseWarning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseWarningKind {
    /// The text starts with U+FEFF.
    ByteOrderMark,
    /// A `\uD800`–`\uDFFF` escape that is not half of a surrogate pair.
    LoneSurrogate,
}

/// Why parsing stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset of the offending input (the end of the text for a premature end).
    pub offset: usize,
    /// What was wrong and what was expected.
    pub message: String,
    /// Pointer of the deepest container reached (`""` at top level).
    pub pointer: String,
    /// Whether the text is malformed or went past a nesting or entry limit.
    pub kind: ParseErrorKind,
}

/// The kinds of [`ParseError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text breaks the RFC 8259 grammar (including a premature end).
    Syntax,
    /// The nesting went deeper than [`ParseOptions::max_depth`].
    TooDeep,
    /// An array or object has more entries than [`ParseOptions::max_entries`].
    TooManyEntries,
}

/// Parses `text` (already known to be UTF-8) as one JSON value.
pub fn parse<'a>(text: &'a str, options: &ParseOptions) -> Result<Parsed<'a>, ParseError> {
    Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        max_depth: options.max_depth.max(1),
        max_entries: options.max_entries.max(1),
        stack: Vec::new(),
        duplicates: Vec::new(),
        warnings: Vec::new(),
    }
    .run()
}

enum Frame<'a> {
    Array {
        start: usize,
        items: Vec<Node<'a>>,
    },
    Object {
        start: usize,
        members: Vec<Member<'a>>,
        /// The name (and its span) whose value is being parsed.
        key: Option<(Cow<'a, str>, Span)>,
        /// Name → index of its last occurrence, built once the object grows past a few members.
        index: Option<crate::json::value::MemberIndex<'a>>,
    },
}

/// Objects with more members than this get a hash index for duplicate detection.
const LINEAR_SCAN_LIMIT: usize = 12;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
    max_entries: usize,
    stack: Vec<Frame<'a>>,
    duplicates: Vec<Duplicate>,
    warnings: Vec<ParseWarning>,
}

/// What the parser has just read, as a noun phrase for "expected … after X" messages.
fn describe_byte(b: u8) -> String {
    match b {
        b' ' | b'\t' | b'\n' | b'\r' => "whitespace".into(),
        0x20..=0x7e => format!("'{}'", b as char),
        _ => format!("byte 0x{b:02X}"),
    }
}

impl<'a> Parser<'a> {
    fn run(mut self) -> Result<Parsed<'a>, ParseError> {
        if self.text.starts_with('\u{feff}') {
            self.pos = 3;
            self.warnings.push(ParseWarning {
                kind: ParseWarningKind::ByteOrderMark,
                span: Span::new(0, 3),
                pointer: String::new(),
            });
        }
        let root = self.parse_document()?;
        Ok(Parsed {
            root,
            duplicates: self.duplicates,
            warnings: self.warnings,
        })
    }

    fn parse_document(&mut self) -> Result<Node<'a>, ParseError> {
        'value: loop {
            self.skip_ws();
            let start = self.pos;
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(self.error_at(self.pos, "unexpected end of input, expected a JSON value"));
            };
            let mut node = match b {
                b'{' | b'[' => {
                    if self.stack.len() >= self.max_depth {
                        return Err(ParseError {
                            kind: ParseErrorKind::TooDeep,
                            ..self.error_at(
                                start,
                                &format!(
                                    "nesting is deeper than the limit of {} levels (raise it with --max-depth)",
                                    self.max_depth
                                ),
                            )
                        });
                    }
                    self.pos += 1;
                    self.skip_ws();
                    if b == b'[' {
                        if self.peek() == Some(b']') {
                            self.pos += 1;
                            Node {
                                span: Span::new(start, self.pos),
                                value: Value::Array(Vec::new()),
                            }
                        } else {
                            self.stack.push(Frame::Array {
                                start,
                                items: Vec::new(),
                            });
                            continue 'value;
                        }
                    } else if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Node {
                            span: Span::new(start, self.pos),
                            value: Value::Object(Object::default()),
                        }
                    } else {
                        self.stack.push(Frame::Object {
                            start,
                            members: Vec::new(),
                            key: None,
                            index: None,
                        });
                        self.parse_member_name(false)?;
                        continue 'value;
                    }
                }
                b'"' => {
                    let s = self.parse_string()?;
                    Node {
                        span: Span::new(start, self.pos),
                        value: Value::String(s),
                    }
                }
                b't' => self.parse_literal(b"true", Value::Bool(true))?,
                b'f' => self.parse_literal(b"false", Value::Bool(false))?,
                b'n' => self.parse_literal(b"null", Value::Null)?,
                b'-' | b'0'..=b'9' => {
                    let text = self.parse_number()?;
                    Node {
                        span: Span::new(start, self.pos),
                        value: Value::Number(text),
                    }
                }
                b']' if matches!(self.stack.last(), Some(Frame::Array { items, .. }) if !items.is_empty()) => {
                    return Err(self.error_at(start, "trailing comma before ']': expected another array element"));
                }
                _ => {
                    return Err(self.error_at(
                        start,
                        &format!("unexpected {}, expected a JSON value", self.describe_at(start)),
                    ));
                }
            };

            // A value is complete: hand it to its container, closing containers as they end.
            loop {
                let Some(frame) = self.stack.last_mut() else {
                    self.skip_ws();
                    if self.pos < self.bytes.len() {
                        let what = self.describe_at(self.pos);
                        return Err(self.error_at(
                            self.pos,
                            &format!("unexpected {what} after the top-level value, expected the end of input"),
                        ));
                    }
                    return Ok(node);
                };
                match frame {
                    Frame::Array { items, .. } => {
                        items.push(node);
                        let count = items.len();
                        self.skip_ws();
                        match self.peek() {
                            Some(b',') if count >= self.max_entries => {
                                return Err(self.too_many_entries("array", "elements"));
                            }
                            Some(b',') => {
                                self.pos += 1;
                                continue 'value;
                            }
                            Some(b']') => {
                                self.pos += 1;
                                let Some(Frame::Array { start, items }) = self.stack.pop() else {
                                    unreachable!("the top frame is an array")
                                };
                                node = Node {
                                    span: Span::new(start, self.pos),
                                    value: Value::Array(items),
                                };
                            }
                            Some(_) => {
                                let what = self.describe_at(self.pos);
                                return Err(self.error_at(
                                    self.pos,
                                    &format!("unexpected {what}, expected ',' or ']' after an array element"),
                                ));
                            }
                            None => {
                                return Err(self.error_at(
                                    self.pos,
                                    "unexpected end of input, expected ',' or ']' after an array element",
                                ));
                            }
                        }
                    }
                    Frame::Object { .. } => {
                        self.push_member(node);
                        let count = match self.stack.last() {
                            Some(Frame::Object { members, .. }) => members.len(),
                            _ => 0,
                        };
                        self.skip_ws();
                        match self.peek() {
                            Some(b',') if count >= self.max_entries => {
                                return Err(self.too_many_entries("object", "members"));
                            }
                            Some(b',') => {
                                self.pos += 1;
                                self.skip_ws();
                                self.parse_member_name(true)?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                let Some(Frame::Object {
                                    start, members, index, ..
                                }) = self.stack.pop()
                                else {
                                    unreachable!("the top frame is an object")
                                };
                                node = Node {
                                    span: Span::new(start, self.pos),
                                    value: Value::Object(Object { members, index }),
                                };
                            }
                            Some(_) => {
                                let what = self.describe_at(self.pos);
                                return Err(self.error_at(
                                    self.pos,
                                    &format!("unexpected {what}, expected ',' or '}}' after a member value"),
                                ));
                            }
                            None => {
                                return Err(self.error_at(
                                    self.pos,
                                    "unexpected end of input, expected ',' or '}' after a member value",
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    /// Reads `"name"` and the `:` after it, leaving the position at the value.
    fn parse_member_name(&mut self, after_comma: bool) -> Result<(), ParseError> {
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {}
            Some(b'}') if after_comma => {
                return Err(self.error_at(start, "trailing comma before '}': expected another member"));
            }
            Some(_) => {
                let what = self.describe_at(start);
                return Err(self.error_at(
                    start,
                    &format!("unexpected {what}, expected a member name in double quotes"),
                ));
            }
            None => {
                return Err(self.error_at(
                    start,
                    "unexpected end of input, expected a member name in double quotes",
                ));
            }
        }
        let name = self.parse_string()?;
        let name_span = Span::new(start, self.pos);
        self.skip_ws();
        match self.peek() {
            Some(b':') => self.pos += 1,
            Some(_) => {
                let what = self.describe_at(self.pos);
                return Err(self.error_at(self.pos, &format!("unexpected {what}, expected ':' after member name")));
            }
            None => {
                return Err(self.error_at(self.pos, "unexpected end of input, expected ':' after member name"));
            }
        }
        if let Some(Frame::Object { key, .. }) = self.stack.last_mut() {
            *key = Some((name, name_span));
        }
        Ok(())
    }

    /// Adds a completed value to the object on top of the stack under its pending name, noting
    /// duplicates.
    fn push_member(&mut self, value: Node<'a>) {
        let depth = self.stack.len();
        let Some(Frame::Object {
            members, key, index, ..
        }) = self.stack.last_mut()
        else {
            return;
        };
        let (name, name_span) = key.take().expect("a member name precedes every member value");
        let new_index = members.len();
        let previous = match index {
            Some(map) => map.insert(name.clone(), new_index),
            None => {
                let found = members.iter().rposition(|m| m.name == name);
                if members.len() >= LINEAR_SCAN_LIMIT {
                    let mut map = crate::json::value::MemberIndex::with_capacity_and_hasher(
                        members.len() * 2,
                        Default::default(),
                    );
                    for (i, m) in members.iter().enumerate() {
                        map.insert(m.name.clone(), i);
                    }
                    map.insert(name.clone(), new_index);
                    *index = Some(map);
                }
                found
            }
        };
        let duplicate = previous.map(|p| {
            members[p].shadowed = true;
            (name.to_string(), members[p].name_span)
        });
        members.push(Member {
            name,
            name_span,
            value,
            shadowed: false,
        });
        if let Some((name, first)) = duplicate {
            let object_pointer = self.container_pointer(depth);
            self.duplicates.push(Duplicate {
                object_pointer,
                name,
                first,
                second: name_span,
            });
        }
    }

    /// The pointer of the container at stack depth `depth` (1 = the top-level container).
    fn container_pointer(&self, depth: usize) -> String {
        let mut pointer = Pointer::root();
        for frame in &self.stack[..depth.saturating_sub(1)] {
            pointer = match frame {
                Frame::Array { items, .. } => pointer.index(items.len()),
                Frame::Object { key, .. } => match key {
                    Some((name, _)) => pointer.key(name),
                    None => pointer,
                },
            };
        }
        pointer.into_string()
    }

    /// The error for a container about to take one entry more than the limit (at the comma).
    fn too_many_entries(&self, container: &str, entries: &str) -> ParseError {
        ParseError {
            kind: ParseErrorKind::TooManyEntries,
            ..self.error_at(
                self.pos,
                &format!(
                    "this {container} has more than {} {entries}, the limit (raise it with --max-entries)",
                    self.max_entries
                ),
            )
        }
    }

    fn error_at(&self, offset: usize, message: &str) -> ParseError {
        ParseError {
            offset,
            message: message.to_owned(),
            pointer: self.container_pointer(self.stack.len()),
            kind: ParseErrorKind::Syntax,
        }
    }

    /// Describes the character at `offset` for an error message.
    fn describe_at(&self, offset: usize) -> String {
        match self.text[offset..].chars().next() {
            Some(c) if c.is_ascii() => describe_byte(c as u8),
            Some(c) => format!("character '{c}' (U+{:04X})", c as u32),
            None => "end of input".into(),
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn parse_literal(&mut self, word: &'static [u8], value: Value<'a>) -> Result<Node<'a>, ParseError> {
        let start = self.pos;
        for (i, &expected) in word.iter().enumerate() {
            match self.bytes.get(start + i) {
                Some(&b) if b == expected => {}
                Some(_) => {
                    return Err(self.error_at(
                        start + i,
                        &format!(
                            "invalid literal: expected `{}` (JSON literals are true, false and null, in lower case)",
                            std::str::from_utf8(word).unwrap_or_default()
                        ),
                    ));
                }
                None => {
                    return Err(self.error_at(
                        start + i,
                        &format!(
                            "unexpected end of input inside the literal `{}`",
                            std::str::from_utf8(word).unwrap_or_default()
                        ),
                    ));
                }
            }
        }
        self.pos = start + word.len();
        Ok(Node {
            span: Span::new(start, self.pos),
            value,
        })
    }

    fn parse_number(&mut self) -> Result<&'a str, ParseError> {
        let start = self.pos;
        let b = self.bytes;
        let mut p = start;
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        match b.get(p) {
            Some(b'0') => {
                p += 1;
                if matches!(b.get(p), Some(b'0'..=b'9')) {
                    return Err(self.error_at(p - 1, "leading zeros are not allowed in numbers"));
                }
            }
            Some(b'1'..=b'9') => {
                while matches!(b.get(p), Some(b'0'..=b'9')) {
                    p += 1;
                }
            }
            _ => return Err(self.error_at(p, "expected a digit after '-'")),
        }
        if b.get(p) == Some(&b'.') {
            p += 1;
            if !matches!(b.get(p), Some(b'0'..=b'9')) {
                return Err(self.error_at(p, "expected a digit after the decimal point"));
            }
            while matches!(b.get(p), Some(b'0'..=b'9')) {
                p += 1;
            }
        }
        if matches!(b.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(b.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !matches!(b.get(p), Some(b'0'..=b'9')) {
                return Err(self.error_at(p, "expected a digit in the exponent"));
            }
            while matches!(b.get(p), Some(b'0'..=b'9')) {
                p += 1;
            }
        }
        self.pos = p;
        Ok(&self.text[start..p])
    }

    /// Parses a string starting at the opening quote; borrows it from the input when it has no
    /// escape.
    fn parse_string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let open = self.pos;
        let content_start = open + 1;
        let b = self.bytes;
        let mut p = content_start;
        // Fast path: no escapes. Find the closing quote or the first backslash (memchr), then
        // check the run before it for control characters; the first offending byte is the one
        // a byte-by-byte scan would stop at.
        let rest = &b[p..];
        let stop = memchr::memchr2(b'"', b'\\', rest);
        let run = &rest[..stop.unwrap_or(rest.len())];
        if run.iter().fold(false, |found, &c| found | (c < 0x20))
            && let Some(i) = run.iter().position(|&c| c < 0x20)
        {
            return Err(self.control_char_error(p + i, run[i]));
        }
        match stop {
            Some(i) if rest[i] == b'"' => {
                self.pos = p + i + 1;
                return Ok(Cow::Borrowed(&self.text[content_start..p + i]));
            }
            Some(i) => p += i,
            None => return Err(self.error_at(b.len(), "unexpected end of input inside a string: missing '\"'")),
        }
        let mut out = String::with_capacity(p - content_start + 16);
        out.push_str(&self.text[content_start..p]);
        loop {
            match b.get(p) {
                Some(b'"') => {
                    self.pos = p + 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    let escape_start = p;
                    p += 1;
                    let Some(&e) = b.get(p) else {
                        return Err(self.error_at(p, "unexpected end of input inside an escape sequence"));
                    };
                    p += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let unit = self.hex4(p)?;
                            p += 4;
                            match unit {
                                0xD800..=0xDBFF => {
                                    let low = if b.get(p) == Some(&b'\\') && b.get(p + 1) == Some(&b'u') {
                                        Some(self.hex4(p + 2)?)
                                    } else {
                                        None
                                    };
                                    match low {
                                        Some(low @ 0xDC00..=0xDFFF) => {
                                            p += 6;
                                            let c = 0x10000
                                                + ((u32::from(unit) - 0xD800) << 10)
                                                + (u32::from(low) - 0xDC00);
                                            out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                                        }
                                        _ => {
                                            self.lone_surrogate(escape_start, p);
                                            out.push('\u{fffd}');
                                        }
                                    }
                                }
                                0xDC00..=0xDFFF => {
                                    self.lone_surrogate(escape_start, p);
                                    out.push('\u{fffd}');
                                }
                                _ => out.push(char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}')),
                            }
                        }
                        _ => {
                            let what = self.describe_at(p - 1);
                            return Err(self.error_at(
                                escape_start,
                                &format!(
                                    "invalid escape: '\\' followed by {what}; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
                                ),
                            ));
                        }
                    }
                }
                Some(&c) if c < 0x20 => return Err(self.control_char_error(p, c)),
                Some(_) => {
                    // Copy the run of plain characters up to the next quote, backslash or control.
                    let run_start = p;
                    while let Some(&c) = b.get(p) {
                        if c == b'"' || c == b'\\' || c < 0x20 {
                            break;
                        }
                        p += 1;
                    }
                    out.push_str(&self.text[run_start..p]);
                }
                None => return Err(self.error_at(b.len(), "unexpected end of input inside a string: missing '\"'")),
            }
        }
    }

    fn control_char_error(&self, offset: usize, c: u8) -> ParseError {
        let hint = match c {
            b'\n' => " (a string cannot span lines; write \\n)",
            b'\t' => " (write \\t)",
            _ => "",
        };
        self.error_at(
            offset,
            &format!("control character U+{c:04X} must be escaped inside a string{hint}"),
        )
    }

    fn hex4(&self, at: usize) -> Result<u16, ParseError> {
        let mut value: u16 = 0;
        for i in 0..4 {
            let Some(&c) = self.bytes.get(at + i) else {
                return Err(self.error_at(at + i, "unexpected end of input inside a \\u escape"));
            };
            let digit = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => {
                    return Err(self.error_at(at + i, "invalid \\u escape: expected four hexadecimal digits"));
                }
            };
            value = value << 4 | u16::from(digit);
        }
        Ok(value)
    }

    fn lone_surrogate(&mut self, start: usize, end: usize) {
        // The string's own pointer: the open containers plus the pending name or index.
        let pointer = self.container_pointer(self.stack.len() + 1);
        self.warnings.push(ParseWarning {
            kind: ParseWarningKind::LoneSurrogate,
            span: Span::new(start, end),
            pointer,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Parsed<'_> {
        parse(text, &ParseOptions::default()).unwrap()
    }

    fn err(text: &str) -> ParseError {
        parse(text, &ParseOptions::default()).unwrap_err()
    }

    #[test]
    fn spans_of_names_values_and_elements() {
        let text = r#"{"a": [1, "x"], "b": {"c": null}}"#;
        let p = ok(text);
        let obj = p.root.as_object().unwrap();
        let a = obj.member("a").unwrap();
        assert_eq!(&text[a.name_span.start..a.name_span.end], "\"a\"");
        assert_eq!(&text[a.value.span.start..a.value.span.end], "[1, \"x\"]");
        let items = a.value.as_array().unwrap();
        assert_eq!(&text[items[1].span.start..items[1].span.end], "\"x\"");
        let c = p.root.resolve("/b/c").unwrap();
        assert_eq!(&text[c.span.start..c.span.end], "null");
        assert_eq!(p.root.resolve("/a/0").unwrap().as_number_text(), Some("1"));
        assert!(p.root.resolve("/a/01").is_none());
    }

    #[test]
    fn duplicates_are_kept_and_the_last_wins() {
        let text = r#"{"a": 1, "b": {"x": 1, "x": 2}, "a": 3}"#;
        let p = ok(text);
        assert_eq!(p.duplicates.len(), 2);
        assert_eq!(p.duplicates[0].object_pointer, "/b");
        assert_eq!(p.duplicates[0].name, "x");
        assert_eq!(p.duplicates[1].object_pointer, "");
        assert_eq!(p.root.get("a").unwrap().as_u64(), Some(3));
        assert_eq!(p.root.as_object().unwrap().iter().count(), 2);
    }

    #[test]
    fn duplicates_in_large_objects_use_the_index() {
        let mut text = String::from("{");
        for i in 0..40 {
            text.push_str(&format!("\"m{i}\": {i},"));
        }
        text.push_str("\"m3\": true, \"m39\": false}");
        let p = ok(&text);
        let names: Vec<_> = p.duplicates.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["m3", "m39"]);
        assert_eq!(p.root.get("m3").unwrap().as_bool(), Some(true));
    }

    #[test]
    fn errors_say_what_was_expected() {
        let e = err(r#"{"a" 1}"#);
        assert_eq!(e.offset, 5);
        assert!(e.message.contains("expected ':' after member name"), "{}", e.message);
        let e = err(r#"{"a": [1, 2,]}"#);
        assert!(e.message.contains("trailing comma"), "{}", e.message);
        assert_eq!(e.pointer, "/a");
        let e = err(r#"{"a": 1,}"#);
        assert!(e.message.contains("trailing comma"), "{}", e.message);
        let e = err("[01]");
        assert_eq!(e.offset, 1);
        let e = err("{\"a\": \"x\ny\"}");
        assert_eq!(e.offset, 8);
        assert!(e.message.contains("U+000A"));
        let e = err("");
        assert!(e.message.contains("expected a JSON value"));
        let e = err("{} x");
        assert_eq!(e.offset, 3);
    }

    #[test]
    fn entry_limit_per_array_and_object() {
        let options = ParseOptions {
            max_entries: 3,
            ..ParseOptions::default()
        };
        assert!(parse(r#"{"a": [1, 2, 3], "b": 1, "c": 2}"#, &options).is_ok());
        let e = parse(r#"{"a": [1, 2, 3, 4]}"#, &options).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::TooManyEntries);
        assert_eq!((e.offset, e.pointer.as_str()), (14, "/a"));
        assert!(e.message.contains("more than 3 elements"), "{}", e.message);
        let e = parse(r#"{"a": 1, "b": 2, "c": 3, "d": 4}"#, &options).unwrap_err();
        assert_eq!((e.kind, e.pointer.as_str()), (ParseErrorKind::TooManyEntries, ""));
        assert!(e.message.contains("more than 3 members"), "{}", e.message);
    }

    #[test]
    fn depth_limit_without_recursion() {
        let deep = "[".repeat(1_000_000);
        let e = parse(
            &deep,
            &ParseOptions {
                max_depth: 128,
                ..ParseOptions::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::TooDeep);
        assert_eq!(e.offset, 128);
        let ok_depth = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(
            parse(
                &ok_depth,
                &ParseOptions {
                    max_depth: 128,
                    ..ParseOptions::default()
                }
            )
            .is_ok()
        );
    }

    #[test]
    fn escapes_and_surrogates() {
        let p = ok(r#"["a\u00e9\n", "\ud83d\ude00", "\ud800x"]"#);
        let items = p.root.as_array().unwrap();
        assert_eq!(items[0].as_str(), Some("aé\n"));
        assert_eq!(items[1].as_str(), Some("😀"));
        assert_eq!(items[2].as_str(), Some("\u{fffd}x"));
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].kind, ParseWarningKind::LoneSurrogate);
        assert_eq!(p.warnings[0].span, Span::new(31, 37));
    }

    #[test]
    fn bom_is_reported() {
        let p = ok("\u{feff}{}");
        assert_eq!(p.warnings[0].kind, ParseWarningKind::ByteOrderMark);
        assert_eq!(p.root.span, Span::new(3, 5));
    }

    #[test]
    fn numbers_keep_their_text() {
        let p = ok("[1e400, -0.0, 123456789012345678901234567890]");
        let items = p.root.as_array().unwrap();
        assert_eq!(items[0].as_number_text(), Some("1e400"));
        assert_eq!(items[2].as_number_text(), Some("123456789012345678901234567890"));
        assert_eq!(items[2].as_u64(), None);
    }
}
