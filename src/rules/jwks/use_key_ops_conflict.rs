//! JWK016: `use` and `key_ops` say different things.

use super::JwkSet;
use super::keytable::Purpose;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK016: a JWK's `use` and `key_ops` contradict each other.
pub static USE_KEY_OPS_CONFLICT: Rule = Rule {
    code: "JWK016",
    name: "use-key-ops-conflict",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK's `use` and `key_ops` contradict each other",
    profile: None,
    docs: r#"## What it does
Reports a key with both `use` and `key_ops` where a registered operation does not match the use:
`"use": "sig"` goes with `sign` and `verify` only; `"use": "enc"` with `encrypt`, `decrypt`,
`wrapKey`, `unwrapKey`, `deriveKey` and `deriveBits`. (Having both members at all is JWK018.)

## Why is this bad?
"The `use` and `key_ops` JWK members SHOULD NOT be used together; however, if both are used, the
information they convey MUST be consistent" (RFC 7517 §4.3). Libraries that read one member and
libraries that read the other disagree about what the key may do; one of them refuses it.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "key_ops": ["encrypt"], "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4.2, §4.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(use_node), Some(use_purpose), Some(ops)) = (
            key.member("use"),
            key.key_use().and_then(Purpose::from_use),
            key.key_ops(),
        ) else {
            continue;
        };
        let conflicting = ops
            .iter()
            .find(|(_, _, op)| Purpose::from_key_op(op).is_some_and(|p| p != use_purpose));
        let Some((i, node, op)) = conflicting else {
            continue;
        };
        ctx.report(
            &USE_KEY_OPS_CONFLICT,
            node.span,
            key.pointer.key("key_ops").index(*i).into_string(),
            format!(
                "{} has `\"use\": \"{}\"` but `key_ops` includes {op:?}",
                key.describe(),
                use_purpose.use_value()
            ),
        )
        .related(use_node.span, key.ptr("use"), "the key's `use`")
        .help("keep one of the two members (RFC 7517 §4.3: they should not be used together), and make it say what the key is for");
    }
}
