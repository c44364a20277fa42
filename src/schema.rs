//! JSON Schema validation with the shipped schemas (`schemas/*.schema.json`), compiled once per
//! process, and the translation of schema errors into located, human-worded diagnostics.

use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value as J;

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::json::{Node, Pointer, Value};
use crate::rules::Ctx;
use crate::rules::schema::{INTEGER_OUT_OF_RANGE, INVALID_EMAIL, INVALID_URL, UNSUPPORTED_VALUE, WRONG_TYPE};

static SCHEMA_TEXT: [&str; 4] = [
    include_str!("../schemas/client.schema.json"),
    include_str!("../schemas/server.schema.json"),
    include_str!("../schemas/jwks.schema.json"),
    include_str!("../schemas/resource.schema.json"),
];

static SCHEMAS: LazyLock<[J; 4]> = LazyLock::new(|| {
    SCHEMA_TEXT.map(|text| serde_json::from_str(text).expect("shipped schemas are valid JSON (tests/schemas.rs)"))
});

/// One compiled validator per kind, each built on first use.
static VALIDATORS: [LazyLock<jsonschema::Validator>; 4] = [
    LazyLock::new(|| compile(Kind::Client)),
    LazyLock::new(|| compile(Kind::Server)),
    LazyLock::new(|| compile(Kind::Jwks)),
    LazyLock::new(|| compile(Kind::Resource)),
];

fn compile(kind: Kind) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema_json(kind))
        .expect("shipped schemas compile (tests/schemas.rs)")
}

/// The parsed schema of a kind.
pub fn schema_json(kind: Kind) -> &'static J {
    &SCHEMAS[kind as usize]
}

/// Validates the document against its kind's schema and reports each violation.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    let validator = &*VALIDATORS[ctx.kind as usize];
    let mut long = Vec::new();
    let instance = bounded_serde(ctx.root, &mut Vec::new(), &mut long);
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
    check_integer_ranges(ctx, ctx.root, &Pointer::root(), schema_json(ctx.kind), 0);
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
    if validator.is_valid(instance) {
        return;
    }
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
fn check_integer_ranges(ctx: &mut Ctx<'_, '_>, node: &Node<'_>, pointer: &Pointer, schema: &'static J, depth: usize) {
    if depth > 8 {
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
            let props = schema.get("properties");
            for m in obj.iter() {
                if let Some(sub) = props.and_then(|p| p.get(m.name.as_ref())) {
                    check_integer_ranges(ctx, &m.value, &pointer.key(&m.name), sub, depth + 1);
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check_integer_ranges(ctx, item, &pointer.index(i), sub, depth + 1);
                }
            }
        }
        _ => {}
    }
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
    fn schemas_compile() {
        for kind in Kind::ALL {
            let _ = &*VALIDATORS[kind as usize];
        }
    }
}
