//! JWK018: `use` and `key_ops` together.

use super::JwkSet;
use super::keytable::Purpose;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK018: a JWK has both `use` and `key_ops`.
pub static USE_WITH_KEY_OPS: Rule = Rule {
    code: "JWK018",
    name: "use-with-key-ops",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A JWK has both `use` and `key_ops`",
    profile: None,
    docs: r#"## What it does
Reports a key that has both `use` and `key_ops` when they agree (when they disagree, JWK016
reports it instead). The finding is at the key, with both members as related locations.

## Why is this bad?
"The `use` and `key_ops` JWK members SHOULD NOT be used together" (RFC 7517 §4.3): they say the
same thing at two granularities, and keeping two members in step is where contradictions come
from. For keys published at `jwks_uri`, OpenID Connect uses `use` (Discovery 1.0 §3).

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "key_ops": ["verify"], "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4.3; OpenID Connect Discovery 1.0 §3 (`jwks_uri`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(use_node), Some(ops_node), Some(ops)) = (key.member("use"), key.member("key_ops"), key.key_ops())
        else {
            continue;
        };
        if let Some(use_purpose) = key.key_use().and_then(Purpose::from_use)
            && ops
                .iter()
                .any(|(_, _, op)| Purpose::from_key_op(op).is_some_and(|p| p != use_purpose))
        {
            continue; // JWK016
        }
        ctx.report(
            &USE_WITH_KEY_OPS,
            key.node.span,
            key.pointer.as_str(),
            format!("{} has both `use` and `key_ops`", key.describe()),
        )
        .related(use_node.span, key.ptr("use"), "`use`")
        .related(ops_node.span, key.ptr("key_ops"), "`key_ops`")
        .help("keep one: `use` for keys published at `jwks_uri` or in client metadata");
    }
}
