//! JWK020: unrelated operations in one key's `key_ops`.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK020: a JWK's `key_ops` combines unrelated operations.
pub static UNRELATED_KEY_OPS: Rule = Rule {
    code: "JWK020",
    name: "unrelated-key-ops",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A JWK's `key_ops` combines unrelated operations",
    profile: None,
    docs: r#"## What it does
Reports a key whose `key_ops` mixes operations of different pairs. The related pairs are `sign`
with `verify`, `encrypt` with `decrypt`, `wrapKey` with `unwrapKey` (RFC 7517 §4.3), and `deriveKey`
with `deriveBits`: the RFC does not list this last pair, but both are the one ECDH operation and
WebCrypto exports ECDH keys with both, so this rule accepts it.

## Why is this bad?
"Multiple unrelated key operations SHOULD NOT be specified for a key because of the potential
vulnerabilities associated with using the same key with multiple algorithms" (RFC 7517 §4.3). A key
that both signs and encrypts lets an attacker use one operation as an oracle for the other.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "key_ops": ["verify", "encrypt"], "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [
  { "kty": "RSA", "kid": "sig-1", "key_ops": ["verify"], "n": "…", "e": "AQAB" },
  { "kty": "RSA", "kid": "enc-1", "key_ops": ["encrypt"], "n": "…", "e": "AQAB" }
] }
```

## References
- RFC 7517 §4.3
"#,
};

/// Which related pair an operation belongs to.
fn group(op: &str) -> Option<usize> {
    Some(match op {
        "sign" | "verify" => 0,
        "encrypt" | "decrypt" => 1,
        "wrapKey" | "unwrapKey" => 2,
        "deriveKey" | "deriveBits" => 3,
        _ => return None,
    })
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(node), Some(ops)) = (key.member("key_ops"), key.key_ops()) else {
            continue;
        };
        let mut seen: Vec<(usize, &str)> = Vec::new();
        for (_, _, op) in &ops {
            if let Some(g) = group(op)
                && !seen.iter().any(|(s, _)| *s == g)
            {
                seen.push((g, op));
            }
        }
        if seen.len() < 2 {
            continue;
        }
        let list = seen
            .iter()
            .map(|(_, op)| format!("`{op}`"))
            .collect::<Vec<_>>()
            .join(", ");
        ctx.report(
            &UNRELATED_KEY_OPS,
            node.span,
            key.ptr("key_ops"),
            format!(
                "{} combines unrelated operations: {list}",
                key.describe_member("key_ops")
            ),
        )
        .help("use a separate key for each kind of operation");
    }
}
