//! JWK002: a single JWK where a JWK Set belongs.

use super::Place;
use crate::diagnostic::Severity;
use crate::json::{Node, Pointer};
use crate::rules::{Basis, Ctx, Rule};

/// JWK002: a single JWK is given where a JWK Set is expected.
pub static JWK_NOT_SET: Rule = Rule {
    code: "JWK002",
    name: "jwk-not-set",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A single JWK is given where a JWK Set is expected",
    profile: None,
    docs: r#"## What it does
Reports a JWK Set document, or a `jwks` member of client metadata, that is a single JWK (an object
with `kty` and no `keys`) instead of a JWK Set. The key itself is still checked by the other `JWK`
rules, with pointers relative to the object.

## Why is this bad?
`jwks_uri` serves, and the `jwks` client metadata member holds, a JWK Set: an object whose `keys`
member is an array of JWKs (RFC 7517 §5; RFC 7591 §2; OpenID Connect Discovery 1.0 §3). A consumer
looks for `keys`, finds none, and has no key to verify with.

## Example
```json
{ "kty": "EC", "crv": "P-256", "kid": "k1", "x": "…", "y": "…" }
```

## Use instead
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "x": "…", "y": "…" } ] }
```

## References
- RFC 7517 §4 (JWK), §5 (JWK Set)
- RFC 7591 §2 (`jwks`); OpenID Connect Discovery 1.0 §3 (`jwks_uri`)
"#,
};

/// Reports the lone JWK at `pointer`.
pub(super) fn report(ctx: &mut Ctx<'_, '_>, node: &Node<'_>, pointer: &Pointer, place: Place) {
    let message = match place {
        Place::Published => "this is a JWK, not a JWK Set: there is no `keys` array".to_owned(),
        Place::Client => "`jwks` is a JWK, not a JWK Set: there is no `keys` array".to_owned(),
    };
    ctx.report(&JWK_NOT_SET, node.span, pointer.as_str(), message)
        .help("wrap the key in a set: `{\"keys\": [ { \"kty\": …, … } ]}`");
}
