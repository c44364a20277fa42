//! The JSON parser, against `serde_json` and against itself.
//!
//! Differential: on valid UTF-8, we accept exactly what serde_json accepts and read the same values,
//! up to our documented implementation-defined choices (src/json/mod.rs):
//! - a leading byte order mark is accepted (serde_json rejects it): serde_json sees the text without it;
//! - a lone surrogate escape is accepted as U+FFFD (serde_json rejects it): serde_json sees `\uFFFD`
//!   in its place (same length, so every other offset is unchanged);
//! - a number beyond the range of f64 is accepted as text (serde_json rejects it as out of range):
//!   serde_json sees `null` in its place;
//! - nesting: serde_json fails when its 128th container opens; we compare with our limit at 127,
//!   the same limit counted the same way (our default of 128 is checked by the invariants below).
//!
//! Invariants: error offsets are in bounds and on character boundaries; every node's span holds text
//! that parses to the same value; every member name span holds the name; every pointer resolves to
//! its node; duplicates are recorded where they are.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oauth_lint::json::{self, Node, ParseErrorKind, ParseOptions, ParseWarningKind, Pointer, Value};
use serde_json::Value as J;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    invariants(text);
    differential(text);
});

fn differential(text: &str) {
    let ours = json::parse(
        text,
        &ParseOptions {
            max_depth: 127,
            max_entries: usize::MAX,
        },
    );
    let (their_text, ours_bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (text, 0),
    };
    let Ok(parsed) = &ours else {
        if let Ok(v) = serde_json::from_str::<J>(their_text) {
            let e = ours.unwrap_err();
            panic!(
                "we reject, serde_json accepts {v}: {} at {} ({:?})",
                e.message, e.offset, e.kind
            );
        }
        return;
    };
    // Replace what we accept by choice with what serde_json reads the same way.
    let mut patches: Vec<(usize, usize, &str)> = parsed
        .warnings
        .iter()
        .filter(|w| w.kind == ParseWarningKind::LoneSurrogate)
        .map(|w| (w.span.start, w.span.end, "\\uFFFD"))
        .collect();
    collect_huge_numbers(&parsed.root, &mut patches);
    patches.sort();
    let mut patched = String::with_capacity(their_text.len());
    let mut at = ours_bom;
    for (start, end, with) in &patches {
        patched.push_str(&text[at..*start]);
        patched.push_str(with);
        at = *end;
    }
    patched.push_str(&text[at..]);
    match serde_json::from_str::<J>(&patched) {
        Ok(v) => assert!(
            same(&parsed.root, &v),
            "values differ:\nours:   {:?}\nserde_json: {v}\ninput: {text:?}",
            parsed.root.to_serde()
        ),
        Err(e) => panic!("we accept, serde_json rejects: {e}\ninput: {text:?}\npatched: {patched:?}"),
    }
}

fn collect_huge_numbers<'t>(node: &Node<'_>, out: &mut Vec<(usize, usize, &'t str)>) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Number(t) if t.parse::<f64>().is_ok_and(f64::is_infinite) => {
                out.push((n.span.start, n.span.end, "null"))
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(o) => stack.extend(o.members.iter().map(|m| &m.value)),
            _ => {}
        }
    }
}

fn same(node: &Node<'_>, j: &J) -> bool {
    match (&node.value, j) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Number(t), J::Null) => t.parse::<f64>().is_ok_and(f64::is_infinite),
        (Value::Number(t), J::Number(n)) => same_number(t, n),
        (Value::String(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Value::Object(o), J::Object(m)) => {
            o.len() == m.len()
                && o.iter()
                    .all(|mem| m.get(mem.name.as_ref()).is_some_and(|v| same(&mem.value, v)))
        }
        _ => false,
    }
}

fn same_number(text: &str, n: &serde_json::Number) -> bool {
    if let Some(u) = n.as_u64() {
        return text.parse::<u64>() == Ok(u);
    }
    if let Some(i) = n.as_i64() {
        return text.parse::<i64>() == Ok(i);
    }
    let (Some(theirs), Ok(ours)) = (n.as_f64(), text.parse::<f64>()) else {
        return false;
    };
    // serde_json's default float parsing is not always correctly rounded (its `float_roundtrip`
    // feature is): allow a few units in the last place.
    ours == theirs || (ours - theirs).abs() <= ours.abs().max(theirs.abs()) * 4.0 * f64::EPSILON
}

fn invariants(text: &str) {
    let parsed = match json::parse(text, &ParseOptions::default()) {
        Ok(p) => p,
        Err(e) => {
            assert!(e.offset <= text.len(), "error offset {} past the end", e.offset);
            assert!(
                text.is_char_boundary(e.offset),
                "error offset {} inside a character",
                e.offset
            );
            assert!(
                e.pointer.is_empty() || e.pointer.starts_with('/'),
                "pointer {:?}",
                e.pointer
            );
            if e.kind == ParseErrorKind::TooDeep {
                assert!(matches!(text.as_bytes()[e.offset], b'[' | b'{'));
            }
            return;
        }
    };
    let root = &parsed.root;
    // (node, its pointer, whether every member on the way is the one rules see)
    let mut stack = vec![(root, Pointer::root(), true)];
    let mut nodes = 0usize;
    // (later name offset, earlier name offset, object pointer, name) of every repeated name.
    let mut expected_duplicates = Vec::new();
    while let Some((node, pointer, visible)) = stack.pop() {
        nodes += 1;
        let span = node.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "span {span:?} out of bounds"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        // Re-parsing every container's text is quadratic in the depth: only the first nodes.
        if nodes < 256 || !matches!(node.value, Value::Array(_) | Value::Object(_)) {
            let again = json::parse(&text[span.start..span.end], &ParseOptions::default())
                .unwrap_or_else(|e| panic!("span {span:?} does not parse: {}", e.message));
            assert!(same_tree(node, &again.root), "span {span:?} parses to another value");
        }
        if visible {
            let found = root.resolve(pointer.as_str()).expect("the pointer resolves");
            assert!(std::ptr::eq(found, node), "pointer {pointer} resolves to another node");
        }
        match &node.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((item, pointer.index(i), visible));
                }
            }
            Value::Object(o) => {
                for (j, m) in o.members.iter().enumerate() {
                    if let Some(earlier) = o.members[..j].iter().rev().find(|x| x.name == m.name) {
                        expected_duplicates.push((
                            m.name_span.start,
                            earlier.name_span.start,
                            pointer.as_str().to_owned(),
                            m.name.to_string(),
                        ));
                    }
                    let name_text = &text[m.name_span.start..m.name_span.end];
                    let name = json::parse(name_text, &ParseOptions::default()).expect("a name span is a string");
                    assert_eq!(name.root.as_str(), Some(m.name.as_ref()), "name span {:?}", m.name_span);
                    assert!(m.name_span.end <= m.value.span.start);
                    let shadowed = o.members.iter().filter(|x| x.name == m.name).count() > 1
                        && !std::ptr::eq(o.member(&m.name).expect("present"), m);
                    assert_eq!(shadowed, m.shadowed, "shadowed flag of {:?}", m.name);
                    stack.push((&m.value, pointer.key(&m.name), visible && !m.shadowed));
                }
            }
            _ => {}
        }
    }
    let mut recorded: Vec<_> = parsed
        .duplicates
        .iter()
        .map(|d| (d.second.start, d.first.start, d.object_pointer.clone(), d.name.clone()))
        .collect();
    recorded.sort();
    expected_duplicates.sort();
    assert_eq!(recorded, expected_duplicates, "duplicates");
    for w in &parsed.warnings {
        assert!(w.span.end <= text.len() && text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
    }
}

/// Equal values, spans aside (a re-parse of a sub-span has shifted spans).
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
