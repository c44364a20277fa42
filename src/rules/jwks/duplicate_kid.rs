//! JWK023: two different keys of the same type with the same `kid`.

use super::{JwkSet, Key};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK023: two different keys of the same type share a `kid`.
pub static DUPLICATE_KID: Rule = Rule {
    code: "JWK023",
    name: "duplicate-kid",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "Two different keys of the same type share a `kid`",
    profile: None,
    docs: r#"## What it does
Reports a key whose `kid` is already used by an earlier key of the same `kty` with different key
material. Two cases stay silent, as RFC 7517 §4.5 allows or implies:
- keys of different types (`RSA` and `EC`) with one `kid`: "different keys might use the same `kid`
  value … if they have different `kty` (key type) values but are considered to be equivalent
  alternatives by the application using them";
- the same key listed twice (same `kty` and same public members, for example with different `alg`
  values): that is one key, not "different keys".

## Why is this bad?
"When `kid` values are used within a JWK Set, different keys within the JWK Set SHOULD use distinct
`kid` values" (RFC 7517 §4.5). A verifier looks a token's key up by `kid`; with two candidates it
either takes the first (and rejects tokens signed with the other) or has to try both.

## Example
```json
{ "keys": [
  { "kty": "RSA", "kid": "main", "n": "…first modulus…", "e": "AQAB" },
  { "kty": "RSA", "kid": "main", "n": "…second modulus…", "e": "AQAB" }
] }
```

## Use instead
```json
{ "keys": [
  { "kty": "RSA", "kid": "main-2024", "n": "…first modulus…", "e": "AQAB" },
  { "kty": "RSA", "kid": "main-2025", "n": "…second modulus…", "e": "AQAB" }
] }
```

## References
- RFC 7517 §4.5; RFC 7638 §1 (thumbprints as `kid` values)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    if set.lone {
        return;
    }
    // Per (kid, kty): the first key, and the first key with other material. The first earlier key
    // that is not `key` is the first of these two that is not `key`: linear in the keys (a JWK Set
    // of 100,000 keys sharing a `kid` would otherwise be quadratic).
    let mut seen: std::collections::HashMap<(&str, Option<&str>), Vec<&Key<'_, '_>>> = std::collections::HashMap::new();
    for key in &set.keys {
        let (Some(kid_node), Some(kid)) = (key.member("kid"), key.str("kid")) else {
            continue;
        };
        let firsts = seen.entry((kid, key.kty())).or_default();
        let earlier = firsts.iter().copied().find(|other| !same_key(other, key));
        if firsts.len() < 2 && !firsts.iter().any(|other| same_key(other, key)) {
            firsts.push(key);
        }
        let Some(other) = earlier else { continue };
        let other_node = other.member("kid").unwrap_or(other.node);
        ctx.report(
            &DUPLICATE_KID,
            kid_node.span,
            key.ptr("kid"),
            format!(
                "{} has `kid` {kid:?}, like {}, but is a different key",
                key.describe(),
                other.describe()
            ),
        )
        .related(other_node.span, other.ptr("kid"), "the same `kid` on another key")
        .help("give each key its own `kid` (for example its RFC 7638 thumbprint)");
    }
}

/// Same public key material (the members an RFC 7638 thumbprint covers).
fn same_key(a: &Key<'_, '_>, b: &Key<'_, '_>) -> bool {
    let members: &[&str] = match a.kty() {
        Some("RSA") => &["n", "e"],
        Some("EC") => &["crv", "x", "y"],
        Some("OKP") => &["crv", "x"],
        Some("AKP") => &["alg", "pub"],
        Some("oct") => &["k"],
        _ => return false,
    };
    members.iter().all(|m| a.str(m).is_some() && a.str(m) == b.str(m))
}
