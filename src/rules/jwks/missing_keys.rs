//! JWK001: a JWK Set without its `keys` member.

use super::Place;
use crate::diagnostic::Severity;
use crate::json::{Node, Object, Pointer};
use crate::rules::{Basis, Ctx, Rule};

/// JWK001: a JWK Set has no `keys` member.
pub static MISSING_KEYS: Rule = Rule {
    code: "JWK001",
    name: "missing-keys",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK Set has no `keys` member",
    profile: None,
    docs: r#"## What it does
Reports a JWK Set (a JWK Set document, or the `jwks` member of client metadata) that has no `keys`
member. An object with a `kty` member instead is a single JWK, reported by JWK002; a `keys` member
of the wrong type is SCH001's.

## Why is this bad?
A JWK Set "MUST have a `keys` member, with its value being an array of JWKs" (RFC 7517 §5). Without
it, consumers find no keys at all: signatures from the server (or the client) cannot be verified.
An empty object `{}` is not a way of saying "no keys" either: strict consumers reject it as an
invalid JWK Set; omit the member instead.

## Example
```json
{ "client_name": "Example", "jwks": {} }
```

## Use instead
```json
{ "client_name": "Example" }
```

## References
- RFC 7517 §5 (JWK Set Format), §5.1 (`keys`)
"#,
};

/// Reports the set object `node` (at `pointer`) that has no `keys` and no `kty`.
pub(super) fn report(ctx: &mut Ctx<'_, '_>, node: &Node<'_>, obj: &Object<'_>, pointer: &Pointer, place: Place) {
    let what = match place {
        Place::Published => "this JWK Set has no `keys` member".to_owned(),
        Place::Client if obj.is_empty() => {
            "`jwks` is an empty object, not a JWK Set: it has no `keys` member".to_owned()
        }
        Place::Client => "`jwks` has no `keys` member".to_owned(),
    };
    let misspelled = obj
        .iter()
        .find(|m| m.name != "keys" && m.name.eq_ignore_ascii_case("keys"));
    let help = match (misspelled, place) {
        (Some(m), _) => format!("rename `{}` to `keys`: member names are case-sensitive", m.name),
        (None, Place::Client) if obj.is_empty() => {
            "omit `jwks` when the client has no keys, or write `{\"keys\": [ … ]}`".to_owned()
        }
        (None, _) => "put the keys in an array: `{\"keys\": [ { \"kty\": …, … } ]}`".to_owned(),
    };
    ctx.report(&MISSING_KEYS, node.span, pointer.as_str(), what).help(help);
}
