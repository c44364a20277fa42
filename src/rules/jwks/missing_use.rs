//! JWK021: a key without `use` in a set that holds both signing and encryption keys.

use super::JwkSet;
use super::keytable::{Purpose, key_purpose};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK021: a JWK has no `use` although the set holds both signing and encryption keys.
pub static MISSING_USE: Rule = Rule {
    code: "JWK021",
    name: "missing-use",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK has no `use` although the set holds both signing and encryption keys",
    profile: None,
    docs: r#"## What it does
Decides what each key of a set is for, from its `use`, else its `alg` (a JWS or a JWE algorithm),
else its `key_ops`, else a curve that does only one thing (Ed25519/Ed448 sign, X25519/X448 agree on
keys, AKP keys are ML-DSA signing keys). When the set holds both signing and encryption keys, every
key without `use` is reported. A set of keys for one purpose needs no `use`.

## Why is this bad?
"When both signing and encryption keys are made available, a `use` (public key use) parameter value
is REQUIRED for all keys in the referenced JWK Set to indicate each key's intended usage" (OpenID
Connect Discovery 1.0 §3, `jwks_uri`; the same sentence in OpenID Connect Dynamic Client
Registration 1.0 §2 for a client's `jwks_uri` and `jwks`). Without it, a relying party choosing a
key to encrypt a request object with, or a server choosing one to encrypt an ID Token with, may
pick a signing key, and a verifier may accept a signature made with an encryption key.

## Example
```json
{ "keys": [
  { "kty": "RSA", "kid": "sig-1", "alg": "RS256", "n": "…", "e": "AQAB" },
  { "kty": "RSA", "kid": "enc-1", "use": "enc", "alg": "RSA-OAEP-256", "n": "…", "e": "AQAB" }
] }
```

## Use instead
```json
{ "keys": [
  { "kty": "RSA", "kid": "sig-1", "use": "sig", "alg": "RS256", "n": "…", "e": "AQAB" },
  { "kty": "RSA", "kid": "enc-1", "use": "enc", "alg": "RSA-OAEP-256", "n": "…", "e": "AQAB" }
] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`jwks_uri`)
- OpenID Connect Dynamic Client Registration 1.0 §2 (`jwks_uri`, `jwks`)
- RFC 7517 §4.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    if set.lone {
        return;
    }
    let purposes: Vec<_> = set.keys.iter().map(key_purpose).collect();
    let first_of = |wanted: Purpose| {
        purposes
            .iter()
            .zip(&set.keys)
            .find_map(|(p, key)| p.filter(|(p, _)| *p == wanted).map(|(_, member)| (key, member)))
    };
    let (Some(signing), Some(encryption)) = (first_of(Purpose::Sign), first_of(Purpose::Encrypt)) else {
        return;
    };
    for (key, purpose) in set.keys.iter().zip(&purposes) {
        if key.member("use").is_some() || key.has_case_variant("use") {
            continue; // a wrong type is SCH001's, a wrong value SCH005's, a misspelled `Use` JWK006's
        }
        let mut message = format!(
            "{} has no `use`, but the set holds both signing and encryption keys",
            key.describe()
        );
        if let Some((p, member)) = purpose {
            message.push_str(&format!(" (its `{member}` makes it {} key)", p.with_article()));
        }
        let d = ctx.report(&MISSING_USE, key.node.span, key.pointer.as_str(), message);
        for (other, member) in [signing, encryption] {
            if !std::ptr::eq(other, key) {
                let (p, _) = key_purpose(other).expect("found by purpose");
                let node = other.member(member).unwrap_or(other.node);
                d.related(node.span, other.ptr(member), format!("{} key", p.with_article()));
            }
        }
        let hint = match purpose {
            Some((p, _)) => format!("add `\"use\": \"{}\"`", p.use_value()),
            None => "add `\"use\": \"sig\"` or `\"use\": \"enc\"`".to_owned(),
        };
        d.help(format!(
            "{hint}: every key needs `use` when signing and encryption keys are published together"
        ));
    }
}
