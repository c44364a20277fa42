//! JWK005: a member that the key's type requires is missing.

use super::keytable::curve_kty;
use super::{JwkSet, Place};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK005: a JWK lacks a member its key type requires.
pub static MISSING_KEY_MEMBER: Rule = Rule {
    code: "JWK005",
    name: "missing-key-member",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK lacks a member its key type requires",
    profile: None,
    docs: r#"## What it does
Checks that each key has the public members its `kty` requires:

| `kty` | required | where |
|---|---|---|
| `RSA` | `n`, `e` | RFC 7518 §6.3.1 |
| `EC` | `crv`, `x`, `y` | RFC 7518 §6.2.1 |
| `OKP` | `crv`, `x` | RFC 8037 §2 |
| `AKP` | `alg`, `pub` | RFC 9964 §3 |
| `oct` | `k` | RFC 7518 §6.4.1 |

A symmetric (`oct`) key is only checked in a standalone JWK (JWK002): in a JWK Set or client
`jwks` it should not be there at all (JWK010), and adding its `k` would publish the secret. A key
whose `crv` belongs to the other elliptic key type is JWK012's. A key that carries only an X.509 chain (`x5c`) is reported too: the certificate does not replace
the bare key members. Each missing member is one finding, at the key.

## Why is this bad?
These members "MUST be present" (the sections above). Consumers skip a key that lacks them
(RFC 7517 §5), and OpenID Connect Discovery 1.0 §3 says of `x5c`: "When used, the bare key values
MUST still be present and MUST match those in the certificate."

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "x5c": ["MIIC…"] } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "x5c": ["MIIC…"] } ] }
```

## References
- RFC 7518 §6.2.1, §6.3.1, §6.4.1; RFC 8037 §2; RFC 9964 §3
- RFC 7517 §5; OpenID Connect Discovery 1.0 §3 (`jwks_uri`, on `x5c`)
"#,
};

/// The public members each key type requires.
pub(super) fn required_members(kty: &str) -> &'static [&'static str] {
    match kty {
        "RSA" => &["n", "e"],
        "EC" => &["crv", "x", "y"],
        "OKP" => &["crv", "x"],
        "AKP" => &["alg", "pub"],
        "oct" => &["k"],
        _ => &[],
    }
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let Some(kty) = key.kty() else { continue };
        // In a public set a symmetric key is JWK010's, and asking for its secret `k` would be wrong.
        if kty == "oct" && !(set.lone && set.place == Place::Published) {
            continue;
        }
        // An EC "key" on Ed25519 is an OKP key with the wrong `kty` (JWK012), not one missing `y`.
        if key.crv().and_then(curve_kty).is_some_and(|k| k != kty) {
            continue;
        }
        let missing: Vec<&str> = required_members(kty)
            .iter()
            .copied()
            .filter(|m| key.member(m).is_none())
            .collect();
        for member in missing {
            let message = format!("{} is an {kty} key without `{member}`", key.describe());
            let help = if key.member("x5c").is_some() && member != "alg" {
                format!("`x5c` does not replace the key members: add `{member}`, matching the first certificate's key")
            } else {
                format!("add `{member}` ({})", reference(kty))
            };
            ctx.report(&MISSING_KEY_MEMBER, key.node.span, key.pointer.as_str(), message)
                .help(help);
        }
    }
}

fn reference(kty: &str) -> &'static str {
    match kty {
        "RSA" => "RFC 7518 §6.3.1",
        "EC" => "RFC 7518 §6.2.1",
        "OKP" => "RFC 8037 §2",
        "AKP" => "RFC 9964 §3",
        _ => "RFC 7518 §6.4.1",
    }
}
