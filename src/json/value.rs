//! The parsed tree: every node carries its byte span in the source.

use std::borrow::Cow;

/// The name index of a large object: foldhash, seeded at random per process (fast, and keys come
/// from untrusted documents: a fixed hash would let a document choose colliding names).
pub(crate) type MemberIndex<'a> = std::collections::HashMap<Cow<'a, str>, usize, foldhash::fast::RandomState>;

/// A half-open byte range `start..end` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end` (byte offsets; `start <= end` is not checked).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A JSON value with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    /// The value's bytes in the source, from its first to its last byte (quotes and brackets
    /// included).
    pub span: Span,
    /// The value itself.
    pub value: Value<'a>,
}

/// A JSON value (RFC 8259), children carrying their own spans.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// The number's source text, exactly as written (already checked against the RFC 8259 grammar).
    Number(&'a str),
    /// The string with its escapes decoded; borrowed from the source when it has none.
    String(Cow<'a, str>),
    /// The elements in source order.
    Array(Vec<Node<'a>>),
    /// The members in source order, duplicates included.
    Object(Object<'a>),
}

/// One `"name": value` pair of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    /// The name with its escapes decoded; borrowed from the source when it has none.
    pub name: Cow<'a, str>,
    /// The name's bytes in the source, quotes included.
    pub name_span: Span,
    /// The member's value.
    pub value: Node<'a>,
    /// True when a later member of the same object has the same name: most parsers keep the last
    /// one, so rules look only at the last.
    pub shadowed: bool,
}

impl Member<'_> {
    /// From the start of the name to the end of the value.
    pub fn span(&self) -> Span {
        self.name_span.cover(self.value.span)
    }
}

/// An object's members in source order, duplicates included.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<'a> {
    /// Every member in source order, shadowed duplicates included; [`Object::iter`] skips those.
    pub members: Vec<Member<'a>>,
    /// Name → index of its last occurrence, for objects past a few members (the parser builds it
    /// for duplicate detection anyway): lookups stay O(1) on a hostile object of 300,000 members,
    /// where rules that look a name up per member would otherwise be quadratic.
    pub(crate) index: Option<MemberIndex<'a>>,
}

/// A member name that occurs more than once in one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// Pointer of the object holding the members.
    pub object_pointer: String,
    /// The repeated member name, escapes decoded.
    pub name: String,
    /// Name span of the earlier occurrence.
    pub first: Span,
    /// Name span of the later occurrence (the one rules see).
    pub second: Span,
}

impl<'a> Object<'a> {
    /// The member named `name` that rules see: the last occurrence.
    pub fn member(&self, name: &str) -> Option<&Member<'a>> {
        match &self.index {
            Some(index) => index.get(name).map(|&i| &self.members[i]),
            None => self.members.iter().rev().find(|m| m.name == name),
        }
    }

    /// The value of the member named `name` (the last occurrence).
    pub fn get(&self, name: &str) -> Option<&Node<'a>> {
        self.member(name).map(|m| &m.value)
    }

    /// Members as rules see them: one per name, the last occurrence, in source order.
    pub fn iter(&self) -> impl Iterator<Item = &Member<'a>> {
        self.members.iter().filter(|m| !m.shadowed)
    }

    /// Whether a member is named `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.member(name).is_some()
    }

    /// Whether the object has no members (`{}`).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The number of distinct member names (a repeated name counts once), walking the members.
    pub fn len(&self) -> usize {
        self.iter().count()
    }
}

impl<'a> Node<'a> {
    /// The decoded string, if the node is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if the node is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The elements, if the node is an array.
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The object, if the node is an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match &self.value {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The number's source text.
    pub fn as_number_text(&self) -> Option<&'a str> {
        match self.value {
            Value::Number(t) => Some(t),
            _ => None,
        }
    }

    /// The number as a non-negative integer, when its text is one (no fraction, no exponent) and it
    /// fits in `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number_text().and_then(|t| t.parse().ok())
    }

    /// The number as an `i64` when written as an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number_text().and_then(|t| t.parse().ok())
    }

    /// The member `name` when this node is an object.
    pub fn get(&self, name: &str) -> Option<&Node<'a>> {
        self.as_object().and_then(|o| o.get(name))
    }

    /// The string elements of an array (non-strings skipped; their type is another rule's job).
    pub fn str_items(&self) -> impl Iterator<Item = (usize, &Node<'a>, &str)> {
        self.as_array()
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.as_str().map(|s| (i, n, s)))
    }

    /// A short English name of the value's JSON type, with an article (`a string`, `an array`).
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// Resolves an RFC 6901 pointer below this node (the last occurrence of a duplicated name).
    pub fn resolve(&self, pointer: &str) -> Option<&Node<'a>> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        let mut node = self;
        for raw in rest.split('/') {
            let token = super::pointer::unescape_token(raw);
            node = match &node.value {
                Value::Object(o) => o.get(&token)?,
                Value::Array(items) => {
                    if token.len() > 1 && token.starts_with('0') {
                        return None;
                    }
                    items.get(token.parse::<usize>().ok()?)?
                }
                _ => return None,
            };
        }
        Some(node)
    }

    /// Converts to a `serde_json::Value` (for JSON Schema validation).
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(t) => number_to_serde(t),
            Value::String(s) => J::String(s.to_string()),
            Value::Array(items) => J::Array(items.iter().map(Node::to_serde).collect()),
            Value::Object(o) => {
                let mut map = serde_json::Map::with_capacity(o.members.len());
                for m in o.iter() {
                    map.insert(m.name.to_string(), m.value.to_serde());
                }
                J::Object(map)
            }
        }
    }
}

fn number_to_serde(text: &str) -> serde_json::Value {
    if let Ok(u) = text.parse::<u64>() {
        return u.into();
    }
    if let Ok(i) = text.parse::<i64>() {
        return i.into();
    }
    // The grammar was checked by the parser, so this parses; magnitudes beyond f64 become ±f64::MAX
    // so the value keeps its JSON type (range rules read the source text, not this).
    let f = text.parse::<f64>().unwrap_or(0.0);
    let f = if f.is_finite() { f } else { f64::MAX.copysign(f) };
    serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number)
}
