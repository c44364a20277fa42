//! Property tests (proptest): the parser round-trips generated documents through its spans and its
//! pointers, agrees with serde_json on them, and linting arbitrary member/value combinations of every
//! kind never panics and is deterministic. Case counts are kept moderate so `cargo test` stays fast;
//! `PROPTEST_CASES=10000 cargo test --release --test properties` runs a longer search.

use std::sync::Arc;

use oauth_lint::cross::ServerDoc;
use oauth_lint::diagnostic::Diagnostic;
use oauth_lint::document::{Kind, Role};
use oauth_lint::json::{self, Node, ParseOptions, Pointer, Value};
use oauth_lint::lint::{FileReport, LintOptions, Origin, lint_bytes};
use oauth_lint::registry;
use oauth_lint::rules::Profile;
use proptest::prelude::*;
use proptest::test_runner::Config;

// ---------------------------------------------------------------------------------------------
// Generated JSON documents

/// A JSON value to render.
#[derive(Clone, Debug)]
enum Gen {
    Null,
    Bool(bool),
    /// Already valid RFC 8259 number text.
    Number(String),
    String(String),
    Array(Vec<Gen>),
    Object(Vec<(String, Gen)>),
}

fn number() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,19}"],
        proptest::option::of("[0-9]{1,12}"),
        proptest::option::of((prop_oneof![Just(""), Just("+"), Just("-")], 0u32..280, any::<bool>())),
    )
        .prop_map(|(negative, int, frac, exp)| {
            let mut s = String::new();
            if negative {
                s.push('-');
            }
            s.push_str(&int);
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some((sign, e, upper)) = exp {
                s.push(if upper { 'E' } else { 'e' });
                s.push_str(sign);
                s.push_str(&e.to_string());
            }
            s
        })
}

/// Short strings with every kind of character: controls, quotes, backslashes, `~` and `/` (pointer
/// escapes), non-ASCII, astral.
fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => proptest::char::range('a', 'e'),
        1 => Just('"'),
        1 => Just('\\'),
        1 => Just('/'),
        1 => Just('~'),
        1 => proptest::char::range('\0', '\u{1f}'),
        1 => Just('é'),
        1 => Just('\u{1F600}'),
        1 => any::<char>(),
    ];
    proptest::collection::vec(ch, 0..8).prop_map(String::from_iter)
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop_oneof![Just("a"), Just("b"), Just(""), Just("0"), Just("01"), Just("a/b"), Just("m~n"), Just("~1")]
            .prop_map(str::to_owned),
        1 => text(),
    ]
}

fn json_value() -> impl Strategy<Value = Gen> {
    let leaf = prop_oneof![
        Just(Gen::Null),
        any::<bool>().prop_map(Gen::Bool),
        number().prop_map(Gen::Number),
        text().prop_map(Gen::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Gen::Array),
            proptest::collection::vec((key(), inner), 0..6).prop_map(Gen::Object),
        ]
    })
}

/// Renders with formatting choices taken from `style` (whitespace between tokens, optional `\u`
/// escapes): the same value, written many ways.
struct Renderer<'s> {
    style: &'s [u8],
    at: usize,
    out: String,
}

impl Renderer<'_> {
    fn choice(&mut self) -> u8 {
        let b = self.style.get(self.at % self.style.len().max(1)).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn ws(&mut self) {
        match self.choice() % 6 {
            0 => self.out.push(' '),
            1 => self.out.push_str("\n  "),
            2 => self.out.push('\t'),
            3 => self.out.push_str("\r\n"),
            _ => {}
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            let escape = self.choice().is_multiple_of(4);
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\t' => self.out.push_str("\\t"),
                '/' if escape => self.out.push_str("\\/"),
                c if (c as u32) < 0x20 || escape => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        self.out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, v: &Gen) {
        match v {
            Gen::Null => self.out.push_str("null"),
            Gen::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Gen::Number(n) => self.out.push_str(n),
            Gen::String(s) => self.string(s),
            Gen::Array(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.ws();
                    self.value(item);
                    self.ws();
                }
                self.out.push(']');
            }
            Gen::Object(members) => {
                self.out.push('{');
                for (i, (k, item)) in members.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.ws();
                    self.string(k);
                    self.ws();
                    self.out.push(':');
                    self.ws();
                    self.value(item);
                    self.ws();
                }
                self.out.push('}');
            }
        }
    }
}

fn render(v: &Gen, style: &[u8]) -> String {
    let mut r = Renderer {
        style,
        at: 0,
        out: String::new(),
    };
    r.ws();
    r.value(v);
    r.ws();
    r.out
}

/// The parsed node holds exactly the generated value (the last of duplicated names, as rules see).
fn matches_gen(node: &Node<'_>, g: &Gen) -> bool {
    match (&node.value, g) {
        (Value::Null, Gen::Null) => true,
        (Value::Bool(a), Gen::Bool(b)) => a == b,
        (Value::Number(a), Gen::Number(b)) => a == b,
        (Value::String(a), Gen::String(b)) => a == b,
        (Value::Array(a), Gen::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| matches_gen(x, y)),
        (Value::Object(o), Gen::Object(members)) => {
            o.members.len() == members.len()
                && o.members
                    .iter()
                    .zip(members)
                    .all(|(m, (k, v))| m.name == *k && matches_gen(&m.value, v))
        }
        _ => false,
    }
}

/// Equal values, spans aside.
fn same_tree(a: &Node<'_>, b: &Node<'_>) -> bool {
    match (&a.value, &b.value) {
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_tree(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.members.len() == y.members.len()
                && x.members
                    .iter()
                    .zip(&y.members)
                    .all(|(p, q)| p.name == q.name && p.shadowed == q.shadowed && same_tree(&p.value, &q.value))
        }
        (x, y) => x == y,
    }
}

/// Our tree and serde_json's read the same values (numbers within serde_json's float rounding).
fn same_as_serde(node: &Node<'_>, j: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (&node.value, j) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Number(t), J::Number(n)) => {
            if let Some(u) = n.as_u64() {
                t.parse::<u64>() == Ok(u)
            } else if let Some(i) = n.as_i64() {
                t.parse::<i64>() == Ok(i)
            } else {
                let (ours, theirs) = (t.parse::<f64>().unwrap(), n.as_f64().unwrap());
                ours == theirs || (ours - theirs).abs() <= ours.abs().max(theirs.abs()) * 4.0 * f64::EPSILON
            }
        }
        (Value::String(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_as_serde(x, y)),
        (Value::Object(o), J::Object(m)) => {
            o.len() == m.len()
                && o.iter()
                    .all(|mem| m.get(mem.name.as_ref()).is_some_and(|v| same_as_serde(&mem.value, v)))
        }
        _ => false,
    }
}

fn cases(n: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(n),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// parse → spans → the text at each span parses to the same value; names at their name spans;
    /// every pointer resolves to the node it names; serde_json reads the same values.
    #[test]
    fn parse_round_trips_through_spans_and_pointers(g in json_value(), style in proptest::collection::vec(any::<u8>(), 1..64)) {
        let text = render(&g, &style);
        let parsed = json::parse(&text, &ParseOptions::default())
            .unwrap_or_else(|e| panic!("{} at {} in {text:?}", e.message, e.offset));
        prop_assert!(matches_gen(&parsed.root, &g), "{text:?}");
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert!(same_as_serde(&parsed.root, &theirs), "{text:?}");

        let root = &parsed.root;
        let mut stack = vec![(root, Pointer::root(), true)];
        while let Some((node, pointer, visible)) = stack.pop() {
            let slice = &text[node.span.start..node.span.end];
            let again = json::parse(slice, &ParseOptions::default()).unwrap();
            prop_assert!(same_tree(node, &again.root), "span {:?} of {text:?}", node.span);
            if visible {
                let found = root.resolve(pointer.as_str());
                prop_assert!(found.is_some_and(|f| std::ptr::eq(f, node)), "pointer {pointer} in {text:?}");
            }
            match &node.value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        stack.push((item, pointer.index(i), visible));
                    }
                }
                Value::Object(o) => {
                    for m in &o.members {
                        let name = json::parse(&text[m.name_span.start..m.name_span.end], &ParseOptions::default()).unwrap();
                        prop_assert_eq!(name.root.as_str(), Some(m.name.as_ref()));
                        stack.push((&m.value, pointer.key(&m.name), visible && !m.shadowed));
                    }
                }
                _ => {}
            }
        }
    }

    /// A document cut anywhere is rejected at a position inside the text, never past it, and the
    /// error offset is on a character boundary (every report renders it as line and column).
    #[test]
    fn truncated_documents_fail_at_a_real_position(g in json_value(), style in proptest::collection::vec(any::<u8>(), 1..16), cut in any::<prop::sample::Index>()) {
        let text = render(&g, &style);
        let at = cut.index(text.len() + 1);
        let Some(prefix) = text.get(..at) else { return Ok(()); };
        match json::parse(prefix, &ParseOptions::default()) {
            Ok(p) => prop_assert_eq!(p.root.span.end <= prefix.len(), true),
            Err(e) => {
                prop_assert!(e.offset <= prefix.len());
                prop_assert!(prefix.is_char_boundary(e.offset));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Linting arbitrary member/value combinations of each kind

/// Values that make rules take their interesting branches.
fn member_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value as J, json};
    let strings = prop_oneof![
        Just("https://as.example.com".to_owned()),
        Just("https://as.example.com/token".to_owned()),
        Just("http://localhost:8080/cb".to_owned()),
        Just("http://127.0.0.1/cb".to_owned()),
        Just("com.example.app:/cb".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("https://a.example/cb#frag".to_owned()),
        Just("none".to_owned()),
        Just("RS256".to_owned()),
        Just("rs256".to_owned()),
        Just("HS256".to_owned()),
        Just("EdDSA".to_owned()),
        Just("RSA1_5".to_owned()),
        Just("A128GCM".to_owned()),
        Just("client_secret_basic".to_owned()),
        Just("private_key_jwt".to_owned()),
        Just("authorization_code".to_owned()),
        Just("implicit".to_owned()),
        Just("code id_token".to_owned()),
        Just("S256".to_owned()),
        Just("RSA".to_owned()),
        Just("EC".to_owned()),
        Just("P-256".to_owned()),
        Just("sig".to_owned()),
        Just("".to_owned()),
        text(),
    ];
    let leaf = prop_oneof![
        3 => strings.clone().prop_map(J::String),
        1 => number().prop_map(|n| serde_json::from_str(&n).unwrap_or(J::Null)),
        1 => prop_oneof![Just(json!(0)), Just(json!(-1)), Just(json!(3600)), Just(json!(1.5)), Just(json!(u64::MAX))],
        1 => any::<bool>().prop_map(J::Bool),
        1 => Just(J::Null),
        3 => proptest::collection::vec(strings, 0..4).prop_map(|v| json!(v)),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(J::Array),
            proptest::collection::btree_map("[a-z_]{1,6}", inner, 0..3)
                .prop_map(|m| J::Object(m.into_iter().collect())),
        ]
    })
}

/// An object of `kind` from the real member names of its registry, with arbitrary values.
fn object_of(kind: Kind) -> impl Strategy<Value = serde_json::Value> {
    let names: Vec<&'static str> = registry::known_member_names(kind).collect();
    proptest::collection::vec((proptest::sample::select(names), member_value()), 0..12)
        .prop_map(|members| serde_json::Value::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

/// A JWK Set: `{"keys": [JWKs from the JWK parameters registry]}`.
fn jwk_set() -> impl Strategy<Value = serde_json::Value> {
    proptest::collection::vec(object_of(Kind::Jwks), 0..4).prop_map(|keys| serde_json::json!({ "keys": keys }))
}

fn document_of(kind: Kind) -> BoxedStrategy<serde_json::Value> {
    match kind {
        Kind::Jwks => jwk_set().boxed(),
        Kind::Client => (object_of(Kind::Client), proptest::option::of(jwk_set()))
            .prop_map(|(mut client, jwks)| {
                if let Some(jwks) = jwks {
                    client["jwks"] = jwks;
                }
                client
            })
            .boxed(),
        other => object_of(other).boxed(),
    }
}

fn file_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Client => "app.client.json",
        Kind::Server => "openid-configuration",
        Kind::Jwks => "jwks.json",
        Kind::Resource => "oauth-protected-resource",
    }
}

/// Everything a diagnostic says, for comparing two runs.
fn fingerprint(d: &Diagnostic) -> String {
    let related: Vec<_> = d
        .related
        .iter()
        .map(|r| {
            format!(
                "{:?}@{:?}:{}:{}",
                r.file.as_ref().map(|f| f.path.clone()),
                r.span,
                r.pointer,
                r.message
            )
        })
        .collect();
    format!(
        "{} {} {:?} {} {} {:?} {related:?}",
        d.severity, d.rule.code, d.span, d.pointer, d.message, d.help
    )
}

fn check_report(report: &FileReport) -> Result<(), TestCaseError> {
    let text = &report.source.text;
    for d in &report.diagnostics {
        prop_assert!(
            d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end)
        );
        prop_assert!(d.pointer.is_empty() || d.pointer.starts_with('/'), "{}", d.pointer);
    }
    Ok(())
}

fn lint_kind(
    kind: Kind,
    doc: &serde_json::Value,
    server: Option<&serde_json::Value>,
    flags: u8,
) -> Result<(), TestCaseError> {
    let bytes = if flags & 1 == 0 {
        serde_json::to_vec(doc)
    } else {
        serde_json::to_vec_pretty(doc)
    }
    .unwrap();
    let role = [
        None,
        Some(Role::Request),
        Some(Role::Response),
        Some(Role::Config),
        Some(Role::Cimd),
    ][usize::from(flags >> 1) % 5];
    let options = LintOptions {
        role,
        profiles: if flags & 0x80 != 0 {
            Profile::ALL.to_vec()
        } else {
            Vec::new()
        },
        ..LintOptions::default()
    };
    let server = server
        .map(|s| Arc::new(ServerDoc::from_bytes("openid-configuration", serde_json::to_vec(s).unwrap()).unwrap()));
    let lint = || {
        lint_bytes(
            file_name(kind),
            bytes.clone(),
            Origin::Explicit,
            &options,
            server.as_deref(),
        )
    };
    let first = lint();
    prop_assert_eq!(first.kind, Some(kind));
    check_report(&first)?;
    // Deterministic: the same input gives the same findings in the same order.
    let again = lint();
    let a: Vec<String> = first.diagnostics.iter().map(fingerprint).collect();
    let b: Vec<String> = again.diagnostics.iter().map(fingerprint).collect();
    prop_assert_eq!(a, b);
    Ok(())
}

proptest! {
    #![proptest_config(cases(96))]

    #[test]
    fn linting_client_metadata_never_panics(doc in document_of(Kind::Client), server in proptest::option::of(object_of(Kind::Server)), flags in any::<u8>()) {
        lint_kind(Kind::Client, &doc, server.as_ref(), flags)?;
    }

    #[test]
    fn linting_server_metadata_never_panics(doc in document_of(Kind::Server), flags in any::<u8>()) {
        lint_kind(Kind::Server, &doc, None, flags)?;
    }

    #[test]
    fn linting_jwk_sets_never_panics(doc in document_of(Kind::Jwks), flags in any::<u8>()) {
        lint_kind(Kind::Jwks, &doc, None, flags)?;
    }

    #[test]
    fn linting_resource_metadata_never_panics(doc in document_of(Kind::Resource), flags in any::<u8>()) {
        lint_kind(Kind::Resource, &doc, None, flags)?;
    }

    /// The registration API on arbitrary client metadata against an arbitrary server.
    #[test]
    fn registration_never_panics(doc in document_of(Kind::Client), server in object_of(Kind::Server)) {
        let server = ServerDoc::from_bytes("openid-configuration", serde_json::to_vec(&server).unwrap()).unwrap();
        let outcome = oauth_lint::registration::validate_registration(&serde_json::to_vec(&doc).unwrap(), &server, &LintOptions::default());
        prop_assert!(matches!(outcome.status_code(), 201 | 400));
    }
}

// ---------------------------------------------------------------------------------------------
// Determinism of the command across thread counts

#[test]
fn output_is_the_same_across_thread_counts_and_runs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // More than one batch of 256 files, servers for pairing, clients, JWK Sets, invalid documents.
    let dirs = [
        root.join("fixtures/real-world"),
        root.join("fixtures/rules"),
        root.join("fixtures/examples"),
    ];
    let run = |threads: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
            .args(["check", "--isolated", "--format", "json", "--profile", "oidc"])
            .args(&dirs)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(1)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let one = run("1");
    let two = run("2");
    let doc: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert!(doc["summary"]["files"].as_u64().unwrap() > 256, "spans several batches");
    assert!(one == two, "1 thread and 2 threads give different reports");
    assert!(run("2") == two, "two runs give different reports");
}
