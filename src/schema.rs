//! JSON Schema validation with the shipped schemas (`schemas/*.schema.json`), compiled once per
//! process, and the translation of schema errors into located, human-worded diagnostics.

use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value as J;

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::json::{Member, Node, Pointer, Value};
use crate::rules::Ctx;
use crate::rules::schema::{INTEGER_OUT_OF_RANGE, INVALID_EMAIL, INVALID_URL, UNSUPPORTED_VALUE, WRONG_TYPE};

static SCHEMA_TEXT: [&str; 4] = [
    include_str!("../schemas/client.schema.json"),
    include_str!("../schemas/server.schema.json"),
    include_str!("../schemas/jwks.schema.json"),
    include_str!("../schemas/resource.schema.json"),
];

/// The parsed schema of each kind, each parsed on first use (linting one client document reads
/// only the client schema).
static SCHEMAS: [LazyLock<J>; 4] = [
    LazyLock::new(|| parse_schema(Kind::Client)),
    LazyLock::new(|| parse_schema(Kind::Server)),
    LazyLock::new(|| parse_schema(Kind::Jwks)),
    LazyLock::new(|| parse_schema(Kind::Resource)),
];

fn parse_schema(kind: Kind) -> J {
    serde_json::from_str(SCHEMA_TEXT[kind as usize]).expect("shipped schemas are valid JSON (tests/schemas.rs)")
}

/// One compiled validator per kind, each built on first use.
static VALIDATORS: [LazyLock<jsonschema::Validator>; 4] = [
    LazyLock::new(|| compile(Kind::Client)),
    LazyLock::new(|| compile(Kind::Server)),
    LazyLock::new(|| compile(Kind::Jwks)),
    LazyLock::new(|| compile(Kind::Resource)),
];

/// Compiles the kind's schema without its annotations (`title`, `description`): they assert
/// nothing, and the schemas are mostly annotations, which the compiler would otherwise check
/// against the meta-schema on every start-up. Error paths are unchanged (they name keywords that
/// assert, and property names).
fn compile(kind: Kind) -> jsonschema::Validator {
    let mut schema = schema_json(kind).clone();
    strip_annotations(&mut schema);
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("shipped schemas compile (tests/schemas.rs)")
}

/// Removes `title` and `description` from a schema and its subschemas (never from a
/// `properties`-like map, where they would be member names).
fn strip_annotations(schema: &mut J) {
    let J::Object(map) = schema else { return };
    map.remove("title");
    map.remove("description");
    for (keyword, value) in map.iter_mut() {
        match (keyword.as_str(), value) {
            ("properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas", J::Object(named)) => {
                named.values_mut().for_each(strip_annotations);
            }
            ("allOf" | "anyOf" | "oneOf" | "prefixItems", J::Array(items)) => {
                items.iter_mut().for_each(strip_annotations)
            }
            (
                "items"
                | "not"
                | "additionalProperties"
                | "unevaluatedProperties"
                | "unevaluatedItems"
                | "contains"
                | "propertyNames"
                | "if"
                | "then"
                | "else",
                sub,
            ) => strip_annotations(sub),
            _ => {}
        }
    }
}

/// A conservative validator for the subset of JSON Schema the shipped schemas use (`type`,
/// `format` uri/email, `enum` of strings, `minimum`, `properties`, `items`, `$ref`, annotations),
/// run on the parse tree: when it says a document is valid, the full validator would say so too
/// (`tests`: every fixture). Anything it is not sure of (another keyword, a member a
/// `patternProperties` may match, a number it would have to round, a value outside an `enum`)
/// it leaves to the full validator. Compiled once per kind, on first use.
struct FastSchema {
    nodes: Vec<FastNode>,
}

#[derive(Default)]
struct FastNode {
    /// A keyword this validator does not handle: never proven valid.
    unsure: bool,
    kind: Option<FastType>,
    format: Option<FastFormat>,
    enum_strings: Option<Vec<String>>,
    minimum: Option<u64>,
    properties: Option<std::collections::HashMap<String, usize, crate::registry::NameHash>>,
    has_pattern_properties: bool,
    items: Option<usize>,
    reference: Option<usize>,
    /// For the schema of a top-level member in [`INTEGER_MEMBERS`]: that schema, which
    /// [`check_integer_ranges`] walks.
    integer_schema: Option<&'static J>,
    /// The type, when the schema asserts nothing else (most array element schemas).
    only_type: Option<FastType>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FastType {
    String,
    Boolean,
    Integer,
    Number,
    Object,
    Array,
    Null,
}

#[derive(Clone, Copy)]
enum FastFormat {
    Uri,
    Email,
}

/// What [`FastSchema::quick_check`] proves of a document.
enum Quick<'n> {
    /// Valid.
    Valid,
    /// Valid but perhaps for these top-level members.
    Members(Vec<&'n str>),
    /// Nothing: the whole document goes to the validator.
    Whole,
}

static FAST_SCHEMAS: [LazyLock<FastSchema>; 4] = [
    LazyLock::new(|| FastSchema::compile(Kind::Client)),
    LazyLock::new(|| FastSchema::compile(Kind::Server)),
    LazyLock::new(|| FastSchema::compile(Kind::Jwks)),
    LazyLock::new(|| FastSchema::compile(Kind::Resource)),
];

/// A one-keyword validator for `email`, so an address is judged by the very code the full
/// validator runs (compiled only when a document has one: compiling any schema first builds the
/// meta-schema validator, a third of a one-document run).
static EMAIL_VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&serde_json::json!({ "format": "email" }))
        .expect("a format schema compiles")
});

thread_local! {
    /// A string value reused for the email checks (no allocation per string).
    static FORMAT_INSTANCE: std::cell::RefCell<J> = const { std::cell::RefCell::new(J::String(String::new())) };
}

fn format_holds(format: FastFormat, text: &str) -> bool {
    match format {
        // Unsure (a bracketed IP literal): not proven, the full validator decides.
        FastFormat::Uri => rfc3986::is_absolute_uri(text) == Some(true),
        FastFormat::Email => FORMAT_INSTANCE.with_borrow_mut(|instance| {
            if let J::String(s) = instance {
                s.clear();
                s.push_str(text);
            }
            EMAIL_VALIDATOR.is_valid(instance)
        }),
    }
}

/// The `uri` format as the `jsonschema` crate (0.61) checks it (`keywords/rfc3986.rs`, MIT,
/// copied: the crate does not export it): RFC 3986 syntax of an absolute URI, without building
/// one. `None` for a bracketed IP literal in the authority, for which the crate runs a full
/// parser (and the quick check defers to the validator). `tests`: agreement on many strings.
mod rfc3986 {
    const REG_NAME: u8 = 1;
    const COLON: u8 = 2;
    const AT: u8 = 4;
    const SLASH: u8 = 8;
    const QUESTION: u8 = 16;
    const PERCENT: u8 = 32;

    const PCHAR: u8 = REG_NAME | COLON | AT;
    const PATH: u8 = PCHAR | SLASH;
    const QUERY: u8 = PATH | QUESTION;
    const USERINFO: u8 = REG_NAME | COLON;
    const AUTHORITY: u8 = USERINFO | AT;

    const CLASSES: [u8; 256] = {
        let mut table = [0; 256];
        let mut b: u8 = 0;
        loop {
            table[b as usize] = if b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'.'
                        | b'_'
                        | b'~'
                        | b'!'
                        | b'$'
                        | b'&'
                        | b'\''
                        | b'('
                        | b')'
                        | b'*'
                        | b'+'
                        | b','
                        | b';'
                        | b'='
                ) {
                REG_NAME
            } else {
                match b {
                    b':' => COLON,
                    b'@' => AT,
                    b'/' => SLASH,
                    b'?' => QUESTION,
                    b'%' => PERCENT,
                    _ => 0,
                }
            };
            if b == u8::MAX {
                break;
            }
            b += 1;
        }
        table
    };

    pub(super) fn is_absolute_uri(text: &str) -> Option<bool> {
        let bytes = text.as_bytes();
        let Some(scheme) = scheme_length(bytes) else {
            return Some(false);
        };
        let mut at = scheme + 1;
        if bytes[at..].starts_with(b"//") {
            let Some(end) = scan(bytes, at + 2, AUTHORITY) else {
                return Some(false);
            };
            if matches!(bytes.get(end), Some(b'[' | b']')) {
                return None;
            }
            if !authority(&bytes[at + 2..end]) {
                return Some(false);
            }
            at = end;
        }
        let Some(end) = scan(bytes, at, PATH) else {
            return Some(false);
        };
        at = end;
        if bytes.get(at) == Some(&b'?') {
            let Some(end) = scan(bytes, at + 1, QUERY) else {
                return Some(false);
            };
            at = end;
        }
        if bytes.get(at) == Some(&b'#') {
            let Some(end) = scan(bytes, at + 1, QUERY) else {
                return Some(false);
            };
            at = end;
        }
        Some(at == bytes.len())
    }

    fn scheme_length(bytes: &[u8]) -> Option<usize> {
        if !bytes.first()?.is_ascii_alphabetic() {
            return None;
        }
        let length = bytes
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
        (bytes[length] == b':').then_some(length)
    }

    fn scan(bytes: &[u8], mut at: usize, class: u8) -> Option<usize> {
        loop {
            // Each run between escapes as one slice iteration, without a bounds check and an
            // escape test per byte.
            let run = bytes.get(at..).unwrap_or_default();
            at += run.iter().take_while(|&&b| CLASSES[b as usize] & class != 0).count();
            if bytes.get(at) != Some(&b'%') {
                return Some(at);
            }
            if !bytes.get(at + 1..at + 3)?.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            at += 3;
        }
    }

    /// Host and port after the user information (up to the first `@`): a host without `:` or
    /// `@`, then perhaps `:` and digits. One pass for an authority without user information
    /// (nearly all): the first `:` or `@` is searched for once, and an `@` only after it.
    fn authority(bytes: &[u8]) -> bool {
        let is_delimiter = |b: &u8| CLASSES[*b as usize] & (COLON | AT) != 0;
        let Some(first) = bytes.iter().position(is_delimiter) else {
            return true;
        };
        let (host_port, host_end) = match bytes[first..].iter().position(|&b| b == b'@') {
            None => (bytes, first),
            Some(at) => {
                let host_port = &bytes[first + at + 1..];
                match host_port.iter().position(is_delimiter) {
                    None => return true,
                    Some(end) => (host_port, end),
                }
            }
        };
        host_port[host_end] == b':' && host_port[host_end + 1..].iter().all(u8::is_ascii_digit)
    }
}

impl FastSchema {
    fn compile(kind: Kind) -> FastSchema {
        let root = schema_json(kind);
        let mut fast = FastSchema { nodes: Vec::new() };
        let mut seen = std::collections::HashMap::new();
        fast.node(root, root, &mut seen);
        let integer_members = &*INTEGER_MEMBERS[kind as usize];
        if let Some(properties) = root.get("properties").and_then(J::as_object) {
            for (name, schema) in properties.iter().filter(|(name, _)| integer_members.contains(*name)) {
                let index = fast.nodes[0].properties.as_ref().and_then(|p| p.get(name)).copied();
                if let Some(index) = index {
                    fast.nodes[index].integer_schema = Some(schema);
                }
            }
        }
        fast
    }

    /// Compiles `schema` (a subschema of `root`) once, returning its index.
    fn node(
        &mut self,
        root: &'static J,
        schema: &'static J,
        seen: &mut std::collections::HashMap<usize, usize>,
    ) -> usize {
        let address = std::ptr::from_ref(schema) as usize;
        if let Some(&index) = seen.get(&address) {
            return index;
        }
        let index = self.nodes.len();
        self.nodes.push(FastNode::default());
        seen.insert(address, index);
        let mut node = FastNode::default();
        let J::Object(map) = schema else {
            // `true`/`false` schemas: not used by the shipped schemas.
            node.unsure = true;
            self.nodes[index] = node;
            return index;
        };
        for (keyword, value) in map {
            match (keyword.as_str(), value) {
                ("title" | "description" | "writeOnly" | "readOnly" | "$comment" | "$schema" | "$id" | "$defs", _) => {}
                ("type", J::String(t)) => {
                    node.kind = Some(match t.as_str() {
                        "string" => FastType::String,
                        "boolean" => FastType::Boolean,
                        "integer" => FastType::Integer,
                        "number" => FastType::Number,
                        "object" => FastType::Object,
                        "array" => FastType::Array,
                        "null" => FastType::Null,
                        _ => {
                            node.unsure = true;
                            continue;
                        }
                    });
                }
                ("format", J::String(f)) => match f.as_str() {
                    "uri" => node.format = Some(FastFormat::Uri),
                    "email" => node.format = Some(FastFormat::Email),
                    _ => node.unsure = true,
                },
                ("enum", J::Array(values)) => match values.iter().map(|v| v.as_str().map(str::to_owned)).collect() {
                    Some(strings) => node.enum_strings = Some(strings),
                    None => node.unsure = true,
                },
                ("minimum", J::Number(n)) => match n.as_u64() {
                    Some(m) => node.minimum = Some(m),
                    None => node.unsure = true,
                },
                ("properties", J::Object(properties)) => {
                    let mut compiled = std::collections::HashMap::default();
                    for (name, sub) in properties {
                        let sub = self.node(root, sub, seen);
                        compiled.insert(name.clone(), sub);
                    }
                    node.properties = Some(compiled);
                }
                ("patternProperties", J::Object(_)) => node.has_pattern_properties = true,
                ("items", sub @ J::Object(_)) => node.items = Some(self.node(root, sub, seen)),
                ("$ref", J::String(target)) => match target.strip_prefix('#').and_then(|t| root.pointer(t)) {
                    Some(sub) => node.reference = Some(self.node(root, sub, seen)),
                    None => node.unsure = true,
                },
                _ => node.unsure = true,
            }
        }
        node.only_type = node.kind.filter(|_| {
            !node.unsure
                && node.format.is_none()
                && node.enum_strings.is_none()
                && node.minimum.is_none()
                && node.properties.is_none()
                && !node.has_pattern_properties
                && node.items.is_none()
                && node.reference.is_none()
        });
        self.nodes[index] = node;
        index
    }

    /// Whether the document is certainly valid against the schema.
    #[cfg(test)]
    fn proves_valid(&self, root: &Node<'_>) -> bool {
        !self.nodes.is_empty() && self.holds(0, root, 0)
    }

    /// What the quick check proves of the document: valid; or valid but for the top-level
    /// members named (when the root is an object and the schema's root has nothing but `type`,
    /// `properties` and `patternProperties`); or nothing. Also collects the top-level members
    /// whose schema has an integer (with that schema), for the integer-range pass: the member's
    /// schema is looked up once for both.
    fn quick_check<'n, 'a>(
        &self,
        root: &'n Node<'a>,
        integer_members: &mut Vec<(&'n Member<'a>, &'static J)>,
    ) -> Quick<'n> {
        let Some(node) = self.nodes.first() else {
            return Quick::Whole;
        };
        let property = |m: &Member<'_>| node.properties.as_ref().and_then(|p| p.get(m.name.as_ref())).copied();
        let whole = || {
            if self.holds(0, root, 0) {
                Quick::Valid
            } else {
                Quick::Whole
            }
        };
        let Value::Object(object) = &root.value else {
            return whole();
        };
        let plain_root = !node.unsure
            && node.kind == Some(FastType::Object)
            && node.format.is_none()
            && node.enum_strings.is_none()
            && node.minimum.is_none()
            && node.items.is_none()
            && node.reference.is_none();
        if !plain_root {
            integer_members.extend(
                object
                    .iter()
                    .filter_map(|m| Some((m, self.nodes[property(m)?].integer_schema?))),
            );
            return whole();
        }
        // As `holds` at the root, member by member.
        let mut unproven: Vec<&'n str> = Vec::new();
        for m in object.iter() {
            let sub = property(m);
            if let Some(schema) = sub.and_then(|sub| self.nodes[sub].integer_schema) {
                integer_members.push((m, schema));
            }
            if !self.member_holds(node, m, sub, 0) && !unproven.contains(&m.name.as_ref()) {
                unproven.push(m.name.as_ref());
            }
        }
        if unproven.is_empty() {
            Quick::Valid
        } else {
            Quick::Members(unproven)
        }
    }

    /// Whether member `m` of an object at `depth`, checked against `node` (whose `properties`
    /// give it the subschema `sub`), is certainly valid: a `#` name a `patternProperties` may
    /// match is left to the full validator.
    fn member_holds(&self, node: &FastNode, m: &Member<'_>, sub: Option<usize>, depth: usize) -> bool {
        !(node.has_pattern_properties && m.name.as_bytes().contains(&b'#'))
            && sub.is_none_or(|sub| self.holds(sub, &m.value, depth + 1))
    }

    fn holds(&self, index: usize, value: &Node<'_>, depth: usize) -> bool {
        let node = &self.nodes[index];
        if node.unsure || depth > 64 {
            return false;
        }
        if let Some(kind) = node.kind
            && !type_holds(kind, &value.value)
        {
            return false;
        }
        match (&value.value, node.format) {
            (Value::String(s), Some(format)) if !format_holds(format, s) => return false,
            _ => {}
        }
        if let Some(allowed) = &node.enum_strings {
            match &value.value {
                Value::String(s) if allowed.iter().any(|a| a == s.as_ref()) => {}
                _ => return false,
            }
        }
        if let Some(minimum) = node.minimum
            && let Value::Number(text) = &value.value
        {
            match text.parse::<u64>() {
                Ok(n) if n >= minimum => {}
                _ => return false,
            }
        }
        if let Value::Object(object) = &value.value
            && (node.properties.is_some() || node.has_pattern_properties)
        {
            for m in object.iter() {
                let sub = node.properties.as_ref().and_then(|p| p.get(m.name.as_ref())).copied();
                if !self.member_holds(node, m, sub, depth) {
                    return false;
                }
            }
        }
        if let (Value::Array(items), Some(sub)) = (&value.value, node.items) {
            let all_hold = match self.nodes[sub].only_type {
                // As `holds` would find for each element, without a call per element.
                Some(kind) if depth < 64 => items.iter().all(|item| type_holds(kind, &item.value)),
                _ => items.iter().all(|item| self.holds(sub, item, depth + 1)),
            };
            if !all_hold {
                return false;
            }
        }
        match node.reference {
            Some(sub) => self.holds(sub, value, depth + 1),
            None => true,
        }
    }
}

/// Whether `value` has the JSON Schema type `kind`.
fn type_holds(kind: FastType, value: &Value<'_>) -> bool {
    match (value, kind) {
        (Value::String(_), FastType::String)
        | (Value::Bool(_), FastType::Boolean)
        | (Value::Number(_), FastType::Number)
        | (Value::Object(_), FastType::Object)
        | (Value::Array(_), FastType::Array)
        | (Value::Null, FastType::Null) => true,
        // Only plain 64-bit integers (`1.0`, `1e3`, huge values: the full validator).
        (Value::Number(text), FastType::Integer) => text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok(),
        _ => false,
    }
}

/// The parsed schema of a kind.
pub fn schema_json(kind: Kind) -> &'static J {
    &SCHEMAS[kind as usize]
}

/// Validates the document against its kind's schema and reports each violation.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    // Most documents are valid: a quick check on the parse tree proves it without converting the
    // document for the validator. What it cannot prove valid goes to the validator.
    let mut integer_members = Vec::new();
    let quick = FAST_SCHEMAS[ctx.kind as usize].quick_check(ctx.root, &mut integer_members);
    if !matches!(quick, Quick::Valid) {
        // Compiled on first use only: a run over valid documents never compiles it.
        let validator = &*VALIDATORS[ctx.kind as usize];
        let mut long = Vec::new();
        let instance = validator_instance(ctx.root, &quick, &mut long);
        validate(ctx, validator, &instance, None);
        // The elements cut from long arrays, a chunk at a time, each chunk in a skeleton document that
        // holds only the path to its array (so nothing else is reported twice).
        while let Some(array) = long.pop() {
            let items = array.node.as_array().unwrap_or(&[]);
            for (chunk_index, chunk) in items.chunks(LONG_ARRAY).enumerate().skip(1) {
                let mut path = array.path.clone();
                let elements: Vec<J> = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        path.push(Segment::Index(chunk_index * LONG_ARRAY + i));
                        let value = bounded_serde(item, &mut path, &mut long);
                        path.pop();
                        value
                    })
                    .collect();
                let skeleton = array
                    .path
                    .iter()
                    .rev()
                    .fold(J::Array(elements), |inner, segment| match segment {
                        Segment::Key(name) => J::Object([(name.clone(), inner)].into_iter().collect()),
                        Segment::Index(_) => J::Array(vec![inner]),
                    });
                validate(ctx, validator, &skeleton, Some((&array.path, chunk_index * LONG_ARRAY)));
            }
        }
    }
    // As `check_integer_ranges(ctx, ctx.root, "", schema, 0)`, but only into the members whose
    // schema has an integer somewhere: no other subtree can report.
    let mut pointer = String::new();
    for (m, sub) in integer_members {
        pointer.clear();
        pointer.push('/');
        pointer.push_str(&crate::json::escape_token(&m.name));
        check_integer_ranges(ctx, &m.value, &mut pointer, sub, 1);
    }
}

/// The top-level members of each kind whose schema has `"type": "integer"` somewhere (following
/// `$ref`): the only ones [`check_integer_ranges`] can report in.
static INTEGER_MEMBERS: [LazyLock<std::collections::HashSet<String, crate::registry::NameHash>>; 4] = [
    LazyLock::new(|| integer_members(Kind::Client)),
    LazyLock::new(|| integer_members(Kind::Server)),
    LazyLock::new(|| integer_members(Kind::Jwks)),
    LazyLock::new(|| integer_members(Kind::Resource)),
];

fn integer_members(kind: Kind) -> std::collections::HashSet<String, crate::registry::NameHash> {
    fn has_integer(root: &J, schema: &J, seen: &mut Vec<String>) -> bool {
        match schema {
            J::Object(map) => map.iter().any(|(key, value)| match (key.as_str(), value) {
                ("type", J::String(t)) => t == "integer",
                ("$ref", J::String(target)) => {
                    if seen.contains(target) {
                        return false;
                    }
                    seen.push(target.clone());
                    let resolved = target.strip_prefix('#').and_then(|t| root.pointer(t));
                    // An unresolvable reference: assume the worst.
                    resolved.is_none_or(|r| has_integer(root, r, seen))
                }
                _ => has_integer(root, value, seen),
            }),
            J::Array(items) => items.iter().any(|item| has_integer(root, item, seen)),
            _ => false,
        }
    }
    let root = schema_json(kind);
    root.get("properties")
        .and_then(J::as_object)
        .map(|props| {
            props
                .iter()
                .filter(|(_, sub)| has_integer(root, sub, &mut Vec::new()))
                .map(|(name, _)| name.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Arrays longer than this are validated a chunk of this many elements at a time: the validator
/// collects every error below an array before returning any, so a two-million-element array of
/// wrong types would otherwise hold two million errors in memory at once.
const LONG_ARRAY: usize = 1000;

#[derive(Clone, Debug)]
enum Segment {
    Key(String),
    Index(usize),
}

/// An array longer than [`LONG_ARRAY`], cut short in the instance validated first.
struct LongArray<'n, 'a> {
    path: Vec<Segment>,
    node: &'n Node<'a>,
}

/// What goes to the validator when the quick check did not prove the document valid: only the
/// members it did not prove valid when it names them (the top level of the schemas relates no
/// member to another: no `required`, no `additionalProperties`, no dependencies, so their errors
/// are the document's errors), else the whole document. Long arrays are cut as in
/// [`bounded_serde`].
fn validator_instance<'n, 'a>(root: &'n Node<'a>, quick: &Quick<'_>, long: &mut Vec<LongArray<'n, 'a>>) -> J {
    let Quick::Members(names) = quick else {
        return bounded_serde(root, &mut Vec::new(), long);
    };
    let mut map = serde_json::Map::new();
    let mut path = Vec::new();
    for m in root.as_object().into_iter().flat_map(|o| o.iter()) {
        // Every occurrence of a name, in order, as for the whole document: the validator sees
        // the last one.
        if names.contains(&m.name.as_ref()) {
            path.push(Segment::Key(m.name.to_string()));
            map.insert(m.name.to_string(), bounded_serde(&m.value, &mut path, long));
            path.pop();
        }
    }
    J::Object(map)
}

/// [`Node::to_serde`], with arrays cut to their first [`LONG_ARRAY`] elements; the arrays cut are
/// recorded with their path (`path` is the path of `node`).
fn bounded_serde<'n, 'a>(node: &'n Node<'a>, path: &mut Vec<Segment>, long: &mut Vec<LongArray<'n, 'a>>) -> J {
    match &node.value {
        Value::Array(items) => {
            if items.len() > LONG_ARRAY {
                long.push(LongArray {
                    path: path.clone(),
                    node,
                });
            }
            let mut out = Vec::with_capacity(items.len().min(LONG_ARRAY));
            for (i, item) in items.iter().take(LONG_ARRAY).enumerate() {
                path.push(Segment::Index(i));
                out.push(bounded_serde(item, path, long));
                path.pop();
            }
            J::Array(out)
        }
        Value::Object(o) => {
            let mut map = serde_json::Map::with_capacity(o.members.len());
            for m in o.iter() {
                path.push(Segment::Key(m.name.to_string()));
                map.insert(m.name.to_string(), bounded_serde(&m.value, path, long));
                path.pop();
            }
            J::Object(map)
        }
        _ => node.to_serde(),
    }
}

/// Validates one instance and reports its errors. `chunk`: the instance is a skeleton holding
/// elements `offset..` of the array at `path` (array indices on the path written as 0): error
/// pointers are mapped back to the document, and errors outside the chunk (already reported) dropped.
fn validate(
    ctx: &mut Ctx<'_, '_>,
    validator: &jsonschema::Validator,
    instance: &J,
    chunk: Option<(&[Segment], usize)>,
) {
    // No `is_valid` first: what reaches the validator is mostly invalid (the quick check proved
    // the rest valid), and a valid instance yields no error either way.
    for error in validator.iter_errors(instance) {
        let schema_path = error.schema_path().as_str().to_owned();
        let pointer = match chunk {
            None => error.instance_path().as_str().to_owned(),
            Some((path, offset)) => {
                let instance_path = error.instance_path().as_str().to_owned();
                let mut tokens = instance_path.split('/').skip(1);
                let mut pointer = Pointer::root();
                for segment in path {
                    tokens.next();
                    pointer = match segment {
                        Segment::Key(name) => pointer.key(name),
                        Segment::Index(i) => pointer.index(*i),
                    };
                }
                let Some(index) = tokens.next().and_then(|t| t.parse::<usize>().ok()) else {
                    continue;
                };
                let mut pointer = pointer.index(offset + index).into_string();
                for rest in tokens {
                    pointer.push('/');
                    pointer.push_str(rest);
                }
                pointer
            }
        };
        let rule = match error.kind() {
            ValidationErrorKind::Format { format } if format == "uri" => &INVALID_URL,
            ValidationErrorKind::Format { format } if format == "email" => &INVALID_EMAIL,
            ValidationErrorKind::Minimum { .. } => &INTEGER_OUT_OF_RANGE,
            ValidationErrorKind::Enum { .. } => &UNSUPPORTED_VALUE,
            _ => &WRONG_TYPE,
        };
        if ctx.is_saturated(rule) {
            // Only counted: skip locating and wording it.
            ctx.report(rule, crate::json::Span::default(), "", String::new());
            continue;
        }
        report(ctx, error.kind(), &pointer, &schema_path);
    }
}

fn report(ctx: &mut Ctx<'_, '_>, kind: &ValidationErrorKind, pointer: &str, schema_path: &str) {
    let Some(node) = ctx.root.resolve(pointer) else {
        return;
    };
    let span = node.span;
    let subschema = resolve_schema(ctx.kind, schema_path);
    let location = describe_location(pointer);
    let secret = is_secret_location(pointer);
    let found = if secret {
        format!("{} (value hidden)", node.type_name())
    } else {
        describe_value(node)
    };
    match kind {
        ValidationErrorKind::Type { kind } => {
            let expected = subschema.map_or_else(|| describe_type_kind(kind), describe_schema);
            ctx.report(
                &WRONG_TYPE,
                span,
                pointer,
                format!("{location} must be {expected}, found {found}"),
            )
            .help(type_help(node, &expected));
        }
        ValidationErrorKind::Format { format } if format == "uri" => {
            let value = node.as_str().unwrap_or_default();
            let message = if looks_templated(value) {
                format!("{location} is an unrendered template, not a URL: {found}")
            } else {
                format!("{location} is not an absolute URL: {found}")
            };
            ctx.report(&INVALID_URL, span, pointer, message).help(url_help(value));
        }
        ValidationErrorKind::Format { format } if format == "email" => {
            ctx.report(
                &INVALID_EMAIL,
                span,
                pointer,
                format!("{location} is not an e-mail address: {found}"),
            )
            .help("write a plain address such as `security@example.com` (no `mailto:`, no display name)");
        }
        ValidationErrorKind::Format { format } => {
            ctx.report(
                &WRONG_TYPE,
                span,
                pointer,
                format!("{location} is not a valid `{format}`: {found}"),
            );
        }
        ValidationErrorKind::Minimum { limit } => {
            ctx.report(
                &INTEGER_OUT_OF_RANGE,
                span,
                pointer,
                format!("{location} must be at least {limit}, found {found}"),
            );
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(J::as_str).collect())
                .unwrap_or_default();
            let list = allowed.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
            let open = is_open_jwk_value(pointer);
            let message = if open {
                format!("{location} is not a registered value ({list}), found {found}")
            } else {
                format!("{location} must be one of {list}, found {found}")
            };
            let d = ctx.report(&UNSUPPORTED_VALUE, span, pointer, message);
            if open {
                // RFC 7517 §4.2 (`use`) and §4.3 (`key_ops`): "Other values MAY be used."
                d.severity(Severity::Warning);
            }
            if let Some(s) = node.as_str().and_then(|v| {
                crate::rules::doc::closest_value(v, allowed.iter().copied())
                    .or_else(|| open.then(|| longest_prefix(v, &allowed)).flatten())
            }) {
                d.help(format!("did you mean `{s}`?"));
            }
        }
        other => {
            // The shipped schemas use only type, format, minimum and enum; anything else is
            // still reported, in jsonschema's words, rather than dropped.
            ctx.report(&WRONG_TYPE, span, pointer, format!("{location}: {other:?}"));
        }
    }
}

/// A JWK `use` or `key_ops` value (in a JWK Set or a client's inline `jwks`): RFC 7517 §4.2 and
/// §4.3 register values but allow others, so a value outside the registry is a warning.
fn is_open_jwk_value(pointer: &str) -> bool {
    let segments: Vec<&str> = pointer.split('/').collect();
    matches!(
        segments.as_slice(),
        [.., "keys", _, "use"] | [.., "keys", _, "key_ops", _]
    )
}

/// The longest allowed value that `value` starts with, ignoring case (`signing` → `sign`,
/// `encryption` → `enc`).
fn longest_prefix<'v>(value: &str, allowed: &[&'v str]) -> Option<&'v str> {
    let lower = value.to_ascii_lowercase();
    allowed
        .iter()
        .copied()
        .filter(|a| lower.starts_with(&a.to_ascii_lowercase()))
        .max_by_key(|a| a.len())
}

/// Follows a schema path (`/properties/jwks/$ref/properties/keys/items/…/type`) in the kind's
/// schema and returns the schema object that holds the failing keyword.
fn resolve_schema(kind: Kind, schema_path: &str) -> Option<&'static J> {
    let root = schema_json(kind);
    let mut node = root;
    let mut segments: Vec<&str> = schema_path.split('/').skip(1).collect();
    segments.pop(); // the failing keyword itself
    for seg in segments {
        if seg == "$ref" {
            let target = node.get("$ref")?.as_str()?.strip_prefix('#')?;
            node = root.pointer(target)?;
            continue;
        }
        let seg = seg.replace("~1", "/").replace("~0", "~");
        node = match node {
            J::Object(map) => map.get(&seg)?,
            J::Array(items) => items.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// "a boolean", "an array of URLs", "a non-negative integer", …
fn describe_schema(schema: &J) -> String {
    let format = schema.get("format").and_then(J::as_str);
    match schema.get("type").and_then(J::as_str) {
        Some("string") => match format {
            Some("uri") => "a URL string".into(),
            Some("email") => "an e-mail address string".into(),
            _ => "a string".into(),
        },
        Some("boolean") => "a boolean (`true` or `false`, without quotes)".into(),
        Some("integer") if schema.get("minimum").and_then(J::as_i64) == Some(0) => "a non-negative integer".into(),
        Some("integer") => "an integer".into(),
        Some("number") => "a number".into(),
        Some("object") => "an object".into(),
        Some("array") => match schema.get("items") {
            Some(items) => {
                let inner = describe_schema(items);
                let plural = match inner.as_str() {
                    "a URL string" => "URL strings".to_owned(),
                    "a string" => "strings".to_owned(),
                    "an object" => "objects".to_owned(),
                    other => format!("items that are each {other}"),
                };
                format!("an array of {plural}")
            }
            None => "an array".into(),
        },
        _ => "a valid value".into(),
    }
}

fn describe_type_kind(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(t) => format!("of type {t}"),
        TypeKind::Multiple(ts) => format!("one of the types {ts:?}"),
    }
}

/// `the string "yes"`, `the number 1.5`, `an array`, … (strings shortened to 80 characters).
pub fn describe_value(node: &Node<'_>) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(t) => format!("the number {}", shorten(t, 40)),
        Value::String(s) => format!("the string {:?}", shorten(s, 80)),
        Value::Array(items) if items.is_empty() => "an empty array".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// `/redirect_uris/0` → "`redirect_uris[0]`"; `/jwks/keys/1/kty` → "`jwks.keys[1].kty`".
pub fn describe_location(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the document".into();
    }
    let mut out = String::new();
    for raw in pointer.split('/').skip(1) {
        let token = raw.replace("~1", "/").replace("~0", "~");
        if !out.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{token}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&token);
        }
    }
    format!("`{out}`")
}

/// Whether the value at `pointer` is one that must never be printed.
pub fn is_secret_location(pointer: &str) -> bool {
    let last = pointer.rsplit('/').next().unwrap_or_default();
    crate::secrets::is_secret_member(last) && !pointer.is_empty()
}

fn type_help(node: &Node<'_>, expected: &str) -> String {
    match (&node.value, expected) {
        (Value::String(s), e) if e.starts_with("a boolean") && (s == "true" || s == "false") => {
            format!("remove the quotes: `{s}`")
        }
        (Value::String(s), e) if e.contains("integer") && s.parse::<u64>().is_ok() => {
            format!("remove the quotes: `{s}`")
        }
        (Value::String(_), e) if e.starts_with("an array of") => "wrap the value in an array: `[\"…\"]`".into(),
        (Value::Null, _) => "omit the member instead of setting it to null".into(),
        _ => format!("write {expected}"),
    }
}

/// A URL with a template placeholder (`{{request.port}}`, `{tenantid}`, `$ISSUER`).
fn looks_templated(value: &str) -> bool {
    value.contains('{') || value.contains('$')
}

fn url_help(value: &str) -> String {
    if value.contains("{tenantid}") {
        "Microsoft multi-tenant metadata (`/common`, `/organizations`): no token carries this literal issuer; a client must compare `iss` with the tenant-specific value (the token's `tid` substituted), and a single-tenant document has the real URL".into()
    } else if looks_templated(value) {
        "this looks like an unrendered template placeholder; lint the rendered document".into()
    } else if value.starts_with('/') || !value.contains(':') {
        "write the absolute URL, with scheme and host (`https://…`)".into()
    } else {
        "check the URL for spaces and characters that must be percent-encoded".into()
    }
}

/// Numbers written for integer members must fit a 64-bit integer: a larger value is rounded (or
/// refused) by every consumer. The schema validator sees them as floats, so this reads the text.
///
/// `pointer` is the node's pointer, built in place (no allocation per member visited).
fn check_integer_ranges(
    ctx: &mut Ctx<'_, '_>,
    node: &Node<'_>,
    pointer: &mut String,
    schema: &'static J,
    depth: usize,
) {
    // Only numbers, and containers of them, can be out of range: skip the schema lookups for
    // strings, booleans and nulls (most of every document).
    if depth > 8 || !matches!(node.value, Value::Number(_) | Value::Object(_) | Value::Array(_)) {
        return;
    }
    let schema = match schema.get("$ref").and_then(J::as_str).and_then(|r| r.strip_prefix('#')) {
        Some(target) => match schema_json(ctx.kind).pointer(target) {
            Some(s) => s,
            None => return,
        },
        None => schema,
    };
    match &node.value {
        Value::Number(text) if schema.get("type").and_then(J::as_str) == Some("integer") => {
            let integral = !text.contains(['.', 'e', 'E']);
            if integral && text.parse::<i64>().is_err() && text.parse::<u64>().is_err() {
                ctx.report(
                    &INTEGER_OUT_OF_RANGE,
                    node.span,
                    pointer.as_str(),
                    format!(
                        "{} is {}, too large for a 64-bit integer; consumers would round or reject it",
                        describe_location(pointer.as_str()),
                        shorten(text, 40)
                    ),
                );
            } else if !integral && text.parse::<f64>().is_ok_and(|f| !f.is_finite() || f.abs() >= 9.2e18) {
                ctx.report(
                    &INTEGER_OUT_OF_RANGE,
                    node.span,
                    pointer.as_str(),
                    format!(
                        "{} is {}, out of range for an integer",
                        describe_location(pointer.as_str()),
                        shorten(text, 40)
                    ),
                );
            }
        }
        Value::Object(obj) => {
            let Some(props) = schema.get("properties") else { return };
            for m in obj.iter() {
                if let Some(sub) = props.get(m.name.as_ref()) {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&crate::json::escape_token(&m.name));
                    check_integer_ranges(ctx, &m.value, pointer, sub, depth + 1);
                    pointer.truncate(len);
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(itoa(i, &mut [0; 20]));
                    check_integer_ranges(ctx, item, pointer, sub, depth + 1);
                    pointer.truncate(len);
                }
            }
        }
        _ => {}
    }
}

/// The decimal digits of `n`, written at the end of `buf`.
fn itoa(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[start..]).expect("ASCII digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations() {
        assert_eq!(describe_location("/redirect_uris/0"), "`redirect_uris[0]`");
        assert_eq!(describe_location("/jwks/keys/1/kty"), "`jwks.keys[1].kty`");
        assert_eq!(describe_location("/a~1b"), "`a/b`");
    }

    #[test]
    fn stripping_annotations_keeps_members_named_like_them() {
        let mut s = serde_json::json!({
            "title": "t", "description": "d",
            "properties": {"title": {"type": "string", "description": "x"}, "a": {"items": {"title": "i", "type": "integer"}}},
            "$defs": {"k": {"description": "y", "enum": ["description"]}}
        });
        strip_annotations(&mut s);
        assert_eq!(
            s,
            serde_json::json!({
                "properties": {"title": {"type": "string"}, "a": {"items": {"type": "integer"}}},
                "$defs": {"k": {"enum": ["description"]}}
            })
        );
        assert_eq!(itoa(0, &mut [0; 20]), "0");
        assert_eq!(itoa(1207, &mut [0; 20]), "1207");
    }

    #[test]
    fn integer_members_follow_references() {
        assert!(INTEGER_MEMBERS[Kind::Client as usize].contains("client_id_issued_at"));
        assert!(INTEGER_MEMBERS[Kind::Client as usize].contains("jwks"));
        assert!(!INTEGER_MEMBERS[Kind::Client as usize].contains("redirect_uris"));
        assert!(INTEGER_MEMBERS[Kind::Jwks as usize].contains("keys"));
    }

    #[test]
    fn the_quick_check_never_proves_an_invalid_document_valid() {
        // Every JSON document of the fixtures, as each kind: whatever the quick check proves
        // valid, the full validator finds valid.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut proven = [0usize; 4];
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(root).into_iter().filter_map(Result::ok) {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(parsed) = crate::json::parse(&text, &crate::json::ParseOptions::default()) else {
                continue;
            };
            for kind in Kind::ALL {
                let quick = FAST_SCHEMAS[kind as usize].proves_valid(&parsed.root);
                let full = VALIDATORS[kind as usize].is_valid(&parsed.root.to_serde());
                assert!(!quick || full, "{} as {kind}", entry.path().display());
                proven[kind as usize] += usize::from(quick);
            }
            checked += 1;
        }
        assert!(checked > 500, "{checked} documents");
        // The quick check is useful: it proves many documents valid.
        assert!(proven.iter().all(|&n| n > 50), "{proven:?}");
    }

    #[test]
    fn the_members_not_proven_valid_have_the_documents_errors() {
        // Every JSON document of the fixtures, as each kind: the validator
        // finds the same errors in the members the quick check leaves to it as in the whole
        // document.
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let errors = |kind: Kind, instance: &J| -> Vec<String> {
            let mut errors: Vec<String> = VALIDATORS[kind as usize]
                .iter_errors(instance)
                .map(|e| {
                    format!(
                        "{} {} {:?}",
                        e.instance_path().as_str(),
                        e.schema_path().as_str(),
                        e.kind()
                    )
                })
                .collect();
            errors.sort();
            errors
        };
        let (mut partial, mut checked) = (0, 0);
        for entry in walkdir::WalkDir::new(manifest.join("fixtures"))
            .into_iter()
            .filter_map(Result::ok)
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(parsed) = crate::json::parse(&text, &crate::json::ParseOptions::default()) else {
                continue;
            };
            for kind in Kind::ALL {
                let quick = FAST_SCHEMAS[kind as usize].quick_check(&parsed.root, &mut Vec::new());
                // Both cut the same (long arrays: later chunks are validated apart, and only
                // arrays in members not proven valid can have errors there).
                let whole = errors(kind, &validator_instance(&parsed.root, &Quick::Whole, &mut Vec::new()));
                if let Quick::Valid = quick {
                    assert!(whole.is_empty(), "{} as {kind}: {whole:?}", entry.path().display());
                    continue;
                }
                partial += usize::from(matches!(quick, Quick::Members(_)));
                let instance = validator_instance(&parsed.root, &quick, &mut Vec::new());
                assert_eq!(errors(kind, &instance), whole, "{} as {kind}", entry.path().display());
            }
            checked += 1;
        }
        assert!(checked > 500, "{checked} documents");
        // Most documents are valid; of the others, most go to the validator in part.
        assert!(partial > 50, "{partial} documents validated in part");
    }

    #[test]
    fn the_uri_check_agrees_with_the_validator() {
        let uri = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&serde_json::json!({ "format": "uri" }))
            .unwrap();
        let mut strings: Vec<String> = [
            "",
            ":",
            "a:",
            "a:b",
            "1a:b",
            "https://as.example",
            "https://as.example/",
            "https://as.example:8443/x?y=1#z",
            "https://as.example:84a3/",
            "https://user:pw@as.example/",
            "https://a@b@c/",
            "https://[::1]/",
            "https://[::1",
            "http://127.0.0.1:8080/token",
            "https://as.example/%7e",
            "https://as.example/%7",
            "https://as.example/%zz",
            "https://as.example/a b",
            "https://as.example/\u{e9}",
            "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "mailto:a@b.example",
            "/relative",
            "as.example/x",
            "https://as.example/{tenant}",
            "https://as.example/|",
            "https://as.example?x",
            "https://as.example#f#g",
            "https://as.example/?a=%20&b=%",
            "HTTPS://AS.EXAMPLE/",
            "x+y-z.w:rest",
            "https:",
            "https:/",
            "https://",
            "https:///",
            "https://:80",
            "https://as.example:/",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every string value of the fixtures too.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for entry in walkdir::WalkDir::new(root).into_iter().filter_map(Result::ok) {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            if let Ok(parsed) = crate::json::parse(&text, &crate::json::ParseOptions::default()) {
                collect_strings(&parsed.root, &mut strings);
            }
        }
        assert!(strings.len() > 1000);
        for s in &strings {
            if let Some(ours) = rfc3986::is_absolute_uri(s) {
                assert_eq!(ours, uri.is_valid(&J::String(s.clone())), "{s:?}");
            }
        }
    }

    fn collect_strings(node: &Node<'_>, out: &mut Vec<String>) {
        match &node.value {
            Value::String(s) => out.push(s.to_string()),
            Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
            Value::Object(o) => o.iter().for_each(|m| {
                out.push(m.name.to_string());
                collect_strings(&m.value, out);
            }),
            _ => {}
        }
    }

    #[test]
    fn the_quick_check_handles_each_keyword() {
        let fast = &*FAST_SCHEMAS[Kind::Client as usize];
        let valid = |json: &str| {
            let parsed = crate::json::parse(json, &crate::json::ParseOptions::default()).unwrap();
            fast.proves_valid(&parsed.root)
        };
        assert!(valid(
            r#"{"redirect_uris": ["https://a.example/cb"], "client_id_issued_at": 5, "x": [1]}"#
        ));
        assert!(!valid(r#"{"redirect_uris": ["/cb"]}"#));
        assert!(!valid(r#"{"redirect_uris": "https://a.example/cb"}"#));
        assert!(!valid(r#"{"client_id_issued_at": 5.0}"#));
        assert!(!valid(r#"{"client_id_issued_at": -1}"#));
        assert!(!valid(r#"{"client_name#fr": "x"}"#));
        assert!(!valid(r#"{"contacts": ["mailto:a@b.example"]}"#));
        assert!(valid(r#"{"contacts": ["a@b.example"]}"#));
        assert!(!valid(r#"{"jwks": {"keys": [{"kty": 1}]}}"#));
        assert!(valid(r#"{"jwks": {"keys": [{"kty": "EC"}]}}"#));
    }

    #[test]
    fn schemas_compile() {
        for kind in Kind::ALL {
            let _ = &*VALIDATORS[kind as usize];
        }
    }
}
