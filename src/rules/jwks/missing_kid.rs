//! JWK022: a key without `kid` in a set of several keys.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK022: a JWK has no `kid` (a warning in a set of several keys, an info for a lone key).
pub static MISSING_KID: Rule = Rule {
    code: "JWK022",
    name: "missing-kid",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A JWK has no `kid` (a warning in a set of several keys, an info for a lone key)",
    profile: None,
    docs: r#"## What it does
Reports each key without a `kid` in a JWK Set that has more than one key (warning). In a set of
one key the finding is only an info: `kid` is optional in a JWK (RFC 7517 §4.5), and OpenID Connect
needs it in the JOSE header only when there are several keys to choose from, but the first key
rotation adds a second key, and tokens whose header names a `kid` do not match a key without one.
A key without `kty` (JWK003) is not reported.

## Why is this bad?
OpenID Connect Core 1.0 §10.1: "If there are multiple keys in the referenced JWK Set document, a
`kid` value MUST be provided in the JOSE Header", and the verifier picks the key whose `kid` matches
(RFC 7517 §4.5, RFC 7515 §4.1.4). A key without `kid` cannot be matched, so libraries that select
by `kid` never use it; key rotation (OpenID Connect Core 1.0 §10.1.1) relies on the same matching.

## Example
```json
{ "keys": [
  { "kty": "RSA", "kid": "2024-01", "n": "…", "e": "AQAB" },
  { "kty": "RSA", "n": "…", "e": "AQAB" }
] }
```

## Use instead
```json
{ "keys": [
  { "kty": "RSA", "kid": "2024-01", "n": "…", "e": "AQAB" },
  { "kty": "RSA", "kid": "2024-07", "n": "…", "e": "AQAB" }
] }
```

## References
- OpenID Connect Core 1.0 §10.1, §10.1.1
- RFC 7517 §4.5; RFC 7515 §4.1.4; RFC 7638 (thumbprints make good `kid` values)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    if set.lone {
        return;
    }
    let count = set.keys.len();
    for key in &set.keys {
        if key.member("kid").is_some() || key.has_case_variant("kid") {
            continue; // a misspelled `Kid` is JWK006's
        }
        if key.member("kty").is_none() {
            continue; // JWK003: not a usable key, its `kid` is moot
        }
        if count == 1 {
            ctx.report(
                &MISSING_KID,
                key.node.span,
                key.pointer.as_str(),
                format!("{} has no `kid`", key.describe()),
            )
            .severity(Severity::Info)
            .help("a `kid` (for example the key's RFC 7638 thumbprint) lets a second key be added during rotation without breaking verifiers");
            continue;
        }
        ctx.report(
            &MISSING_KID,
            key.node.span,
            key.pointer.as_str(),
            format!("{} has no `kid`, in a set of {count} keys", key.describe()),
        )
        .help("give every key a distinct `kid` (for example its RFC 7638 thumbprint) so verifiers can match the JOSE header's `kid`");
    }
}
