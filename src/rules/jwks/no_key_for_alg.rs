//! JWK028, JWK029: client metadata whose inline `jwks` has no key for an algorithm the client
//! signs with, or asks the server to encrypt to it with.

use super::Key;
use super::keytable::{Fit, Purpose, alg_key, describe_need, fit};
use crate::diagnostic::Severity;
use crate::json::{Node, Pointer};
use crate::rules::util::{is_asymmetric_jws, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// JWK028: a client's `jwks` has no key for an algorithm the client signs with.
pub static NO_SIGNING_KEY: Rule = Rule {
    code: "JWK028",
    name: "no-signing-key",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A client's `jwks` has no key for an algorithm the client signs with",
    profile: None,
    docs: r#"## What it does
For client metadata with an inline `jwks`, checks that some key can produce each signature the
client makes:
- `token_endpoint_auth_signing_alg` with `"token_endpoint_auth_method": "private_key_jwt"` (and, when
  that algorithm is not set, that some key can sign at all);
- `request_object_signing_alg` and `backchannel_authentication_request_signing_alg`, when they name
  an asymmetric algorithm (HMAC uses the client secret).

A key can sign with an algorithm when its `kty`/`crv` fit it (the table of JWK013), its own `alg`,
if any, is that algorithm, its `use`, if any, is `sig`, and its `key_ops`, if any, include `sign` or
`verify`. A client that publishes its keys at `jwks_uri` cannot be checked offline and is not
reported.

## Why is this bad?
The server verifies the client's signatures with the keys registered for it (RFC 7523 §3; RFC 7591
§2, `jwks`; OpenID Connect Core 1.0 §9, §6.1): with no key able to verify the algorithm the client
signs with, every client assertion or request object is rejected.

## Example
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "ES256",
  "jwks": { "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "n": "…", "e": "AQAB" } ] } }
```

## Use instead
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "PS256",
  "jwks": { "keys": [ { "kty": "RSA", "kid": "k1", "use": "sig", "n": "…", "e": "AQAB" } ] } }
```

## References
- RFC 7591 §2 (`jwks`, `token_endpoint_auth_signing_alg`); RFC 7523 §3
- OpenID Connect Core 1.0 §9 (`private_key_jwt`), §6.1; OpenID Connect Dynamic Client Registration
  1.0 §2; OpenID Connect CIBA Core 1.0 §4, §7.1.1
"#,
};

/// JWK029: a client's `jwks` has no key for a response encryption algorithm it requests.
pub static NO_ENCRYPTION_KEY: Rule = Rule {
    code: "JWK029",
    name: "no-encryption-key",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A client's `jwks` has no key for a response encryption algorithm it requests",
    profile: None,
    docs: r#"## What it does
For client metadata with an inline `jwks`, checks that some key can receive each encrypted response
the client asks for with an asymmetric algorithm (`RSA1_5`, `RSA-OAEP*`, `ECDH-ES*`):
`id_token_encrypted_response_alg`, `userinfo_encrypted_response_alg`,
`introspection_encrypted_response_alg` and `authorization_encrypted_response_alg`. Symmetric
algorithms (`A*KW`, `dir`) use the client secret and are not checked. A key fits when its `kty`/`crv`
fit the algorithm, its own `alg`, if any, is that algorithm, its `use`, if any, is `enc`, and its
`key_ops`, if any, include an encryption operation.

## Why is this bad?
The server encrypts to the client's public key (OpenID Connect Dynamic Client Registration 1.0 §2:
"The JWK Set MAY also contain the Client's encryption keys(s), which are used by the Server to
encrypt responses to the Client"; OpenID Connect Core 1.0 §10.2). Without a fitting key it cannot
produce the encrypted ID Token or response the client requires: the flow fails.

## Example
```json
{ "id_token_encrypted_response_alg": "ECDH-ES",
  "jwks": { "keys": [ { "kty": "RSA", "kid": "enc-1", "use": "enc", "n": "…", "e": "AQAB" } ] } }
```

## Use instead
```json
{ "id_token_encrypted_response_alg": "RSA-OAEP-256",
  "jwks": { "keys": [ { "kty": "RSA", "kid": "enc-1", "use": "enc", "n": "…", "e": "AQAB" } ] } }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`jwks_uri`, `jwks`, `*_encrypted_response_alg`)
- OpenID Connect Core 1.0 §10.2; RFC 9701 §6; JARM §3
"#,
};

/// Members naming an algorithm the client signs with, when it is asymmetric.
const SIGNING_MEMBERS: &[&str] = &[
    "request_object_signing_alg",
    "backchannel_authentication_request_signing_alg",
];

/// Members naming an algorithm the server encrypts to the client's key with.
const ENCRYPTION_MEMBERS: &[&str] = &[
    "id_token_encrypted_response_alg",
    "userinfo_encrypted_response_alg",
    "introspection_encrypted_response_alg",
    "authorization_encrypted_response_alg",
];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(keys_node) = obj.get("jwks").and_then(|j| j.get("keys")) else {
        return; // no inline set, or JWK001/JWK002
    };
    let Some(items) = keys_node.as_array() else { return };
    let base = Pointer::root().key("jwks").key("keys");
    let keys: Vec<Key<'_, '_>> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            Some(Key {
                index: Some(i),
                node: item,
                obj: item.as_object()?,
                pointer: base.index(i),
            })
        })
        .collect();
    let keys_pointer = base.into_string();

    let private_key_jwt = str_member(obj, "token_endpoint_auth_method").filter(|(_, m)| *m == "private_key_jwt");
    if let Some((method_node, _)) = private_key_jwt {
        match str_member(obj, "token_endpoint_auth_signing_alg") {
            Some((node, alg)) if is_asymmetric_jws(alg) => {
                need(
                    ctx,
                    &keys,
                    keys_node,
                    &keys_pointer,
                    "token_endpoint_auth_signing_alg",
                    node,
                    alg,
                    Purpose::Sign,
                );
            }
            Some(_) => {} // HS*, none or an unknown name: the CLI and ALG rules
            None if !keys.iter().any(can_sign_something) => {
                ctx.report(
                    &NO_SIGNING_KEY,
                    method_node.span,
                    "/token_endpoint_auth_method",
                    "`token_endpoint_auth_method` is `private_key_jwt`, but no key in `jwks` can sign",
                )
                .related(keys_node.span, keys_pointer.clone(), "the client's keys")
                .help("add the public half of the client's signing key (RSA, EC or OKP, `\"use\": \"sig\"`) to `jwks`");
            }
            None => {}
        }
    }
    for &member in SIGNING_MEMBERS {
        if let Some((node, alg)) = str_member(obj, member)
            && is_asymmetric_jws(alg)
        {
            need(ctx, &keys, keys_node, &keys_pointer, member, node, alg, Purpose::Sign);
        }
    }
    for &member in ENCRYPTION_MEMBERS {
        if let Some((node, alg)) = str_member(obj, member)
            && alg_key(alg).is_some_and(|k| k.purpose == Purpose::Encrypt && k.kty != "oct")
        {
            need(
                ctx,
                &keys,
                keys_node,
                &keys_pointer,
                member,
                node,
                alg,
                Purpose::Encrypt,
            );
        }
    }
}

/// Reports `member` (naming `alg`) when no key can be used for it.
#[allow(clippy::too_many_arguments)]
fn need(
    ctx: &mut Ctx<'_, '_>,
    keys: &[Key<'_, '_>],
    keys_node: &Node<'_>,
    keys_pointer: &str,
    member: &str,
    node: &Node<'_>,
    alg: &str,
    purpose: Purpose,
) {
    if keys.iter().any(|k| unusable_because(k, alg, purpose).is_none()) {
        return;
    }
    let (rule, verb) = match purpose {
        Purpose::Sign => (&NO_SIGNING_KEY, "sign with"),
        Purpose::Encrypt => (&NO_ENCRYPTION_KEY, "receive responses encrypted with"),
    };
    let need = alg_key(alg).map(|k| describe_need(&k)).unwrap_or_default();
    // The closest miss: a key of the right type excluded by its `alg`, `use` or `key_ops`.
    let near = keys.iter().find_map(|k| match unusable_because(k, alg, purpose) {
        Some(Unusable::Member(why)) => Some(format!("{} {why}", k.describe())),
        _ => None,
    });
    let help = match near {
        Some(why) => format!("{why}; fix that key, or add {need} for `{alg}`"),
        None => format!(
            "add the client's public key for `{alg}` ({need}, `\"use\": \"{}\"`) to `jwks`, or choose an algorithm of the client's keys",
            purpose.use_value()
        ),
    };
    ctx.report(
        rule,
        node.span,
        Pointer::root().key(member).into_string(),
        format!("no key in `jwks` can {verb} `{alg}` (`{member}`)"),
    )
    .related(keys_node.span, keys_pointer.to_owned(), "the client's keys")
    .help(help);
}

enum Unusable {
    /// The key type or curve cannot do the algorithm.
    Type,
    /// The key could, but one of its members rules it out.
    Member(String),
}

/// Why `key` cannot be used for `alg` (`None`: it can).
fn unusable_because(key: &Key<'_, '_>, alg: &str, purpose: Purpose) -> Option<Unusable> {
    let kty = key.kty()?;
    let kty_fit = fit(kty, key.crv(), alg);
    if kty_fit != Fit::Fits {
        return Some(Unusable::Type);
    }
    if let Some(own) = key.alg()
        && own != alg
    {
        return Some(Unusable::Member(format!("fits, but its `alg` is `{own}`")));
    }
    if let Some(u) = key.key_use()
        && u != purpose.use_value()
    {
        return Some(Unusable::Member(format!("fits, but its `use` is `{u}`")));
    }
    if let Some(ops) = key.key_ops()
        && !ops.iter().any(|(_, _, op)| Purpose::from_key_op(op) == Some(purpose))
    {
        return Some(Unusable::Member(format!(
            "fits, but its `key_ops` allow no {} operation",
            purpose.describe()
        )));
    }
    None
}

/// Whether the key can sign with some asymmetric algorithm (for `private_key_jwt` without an alg).
fn can_sign_something(key: &Key<'_, '_>) -> bool {
    const CANDIDATES: &[&str] = &[
        "RS256",
        "ES256",
        "ES384",
        "ES512",
        "ES256K",
        "Ed25519",
        "Ed448",
        "ML-DSA-44",
        "ML-DSA-65",
        "ML-DSA-87",
    ];
    let algs: Vec<&str> = match key.alg() {
        Some(own) => vec![own],
        None => CANDIDATES.to_vec(),
    };
    algs.iter()
        .any(|alg| is_asymmetric_jws(alg) && unusable_because(key, alg, Purpose::Sign).is_none())
}
