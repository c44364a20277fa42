//! JWK017: `use` (or `key_ops`) and `alg` give the key different purposes.

use super::JwkSet;
use super::keytable::{Purpose, alg_purpose};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK017: a JWK's `use` or `key_ops` contradicts its `alg`.
pub static USE_ALG_CONFLICT: Rule = Rule {
    code: "JWK017",
    name: "use-alg-conflict",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A JWK's `use` or `key_ops` contradicts its `alg`",
    profile: None,
    docs: r#"## What it does
Reports a key whose `alg` is for signing (a JWS algorithm such as `RS256`) while its `use` is
`enc`, or whose `alg` is for encryption (`RSA-OAEP`, `ECDH-ES`, `A128KW`, …) while its `use` is `sig`.
Without `use`, the same check applies to `key_ops` when all its registered operations are of one
kind (`sign`/`verify` versus `encrypt`/`decrypt`/`wrapKey`/`unwrapKey`/`deriveKey`/`deriveBits`).

## Why is this bad?
`use` says whether the key is for signatures or encryption (RFC 7517 §4.2) and `alg` names "the
algorithm intended for use with the key" (RFC 7517 §4.4); one of them is wrong. A consumer that
selects keys by `use` (OpenID Connect Core 1.0 §10.1: "The key usage of the respective keys MUST
support signing") never picks a signing key marked `enc`, and one that selects by `alg` never picks
an encryption key labelled `RS256`.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "use": "enc", "alg": "RS256", "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "alg": "RS256", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4.2, §4.3, §4.4; RFC 7518 §3.1 (JWS algorithms), §4.1 (JWE algorithms)
- OpenID Connect Core 1.0 §10.1, §10.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(alg_node), Some(alg)) = (key.member("alg"), key.alg()) else {
            continue;
        };
        let Some(alg_for) = alg_purpose(alg) else {
            continue;
        };
        let (stated, member, node) = if let Some(use_value) = key.key_use() {
            let Some(p) = Purpose::from_use(use_value) else {
                continue;
            };
            (p, "`use`", key.member("use").unwrap_or(key.node))
        } else if let Some(ops) = key.key_ops() {
            let mut purposes = ops.iter().filter_map(|(_, _, op)| Purpose::from_key_op(op));
            let Some(first) = purposes.next() else { continue };
            if !purposes.all(|p| p == first) {
                continue; // JWK020
            }
            (first, "`key_ops`", key.member("key_ops").unwrap_or(key.node))
        } else {
            continue;
        };
        if stated == alg_for {
            continue;
        }
        let pointer_name = if member == "`use`" { "use" } else { "key_ops" };
        ctx.report(
            &USE_ALG_CONFLICT,
            alg_node.span,
            key.ptr("alg"),
            format!(
                "{} is marked for {} by {member}, but `{alg}` is {} algorithm",
                key.describe(),
                stated.describe(),
                alg_for.with_article()
            ),
        )
        .related(node.span, key.ptr(pointer_name), format!("the key's {member}"))
        .help(format!(
            "if the key is for {}, set `\"use\": \"{}\"`; otherwise set `alg` to {} algorithm",
            alg_for.describe(),
            alg_for.use_value(),
            stated.with_article()
        ));
    }
}
