//! JWK019: the same operation twice in `key_ops`.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK019: a JWK's `key_ops` lists an operation twice.
pub static DUPLICATE_KEY_OPS: Rule = Rule {
    code: "JWK019",
    name: "duplicate-key-ops",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK's `key_ops` lists an operation twice",
    profile: None,
    docs: r#"## What it does
Reports a value that appears more than once in a key's `key_ops` array, at its second occurrence.
(Unregistered operation names are SCH005's.)

## Why is this bad?
"Duplicate key operation values MUST NOT be present in the array" (RFC 7517 §4.3). WebCrypto's
`importKey` rejects such a key, and a duplicate usually hides a typo for the operation that was
meant.

## Example
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "key_ops": ["verify", "verify"], "x": "…", "y": "…" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "key_ops": ["verify"], "x": "…", "y": "…" } ] }
```

## References
- RFC 7517 §4.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let Some(ops) = key.key_ops() else { continue };
        for (pos, (i, node, op)) in ops.iter().enumerate() {
            let Some((first_i, first_node, _)) = ops[..pos].iter().find(|(_, _, o)| o == op) else {
                continue;
            };
            let ops_pointer = key.pointer.key("key_ops");
            ctx.report(
                &DUPLICATE_KEY_OPS,
                node.span,
                ops_pointer.index(*i).into_string(),
                format!("{op:?} appears twice in {}", key.describe_member("key_ops")),
            )
            .related(
                first_node.span,
                ops_pointer.index(*first_i).into_string(),
                "first occurrence",
            )
            .help("remove the duplicate");
        }
    }
}
