//! JWK010: private or symmetric key material in a JWK Set that is published.

use super::{JwkSet, Place};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};
use crate::secrets::PRIVATE_JWK_MEMBERS;

/// JWK010: a published JWK Set or client `jwks` holds private or symmetric key material.
pub static PRIVATE_KEY_MATERIAL: Rule = Rule {
    code: "JWK010",
    name: "private-key-material",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A published JWK Set or client `jwks` holds private or symmetric key material",
    profile: None,
    docs: r#"## What it does
Reports a key that carries private members (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth` for RSA, `d`
for EC and OKP, `priv` for AKP) or is a symmetric key (`"kty": "oct"`, whose `k` is the secret
itself), in a JWK Set document or in the `jwks` member of client metadata. One finding per key, at
the key, naming the members; their values are never printed.

Every JWK Set document is treated as published, whatever its file name: `jwks.json`,
`private.jwks.json` and `keys-PRIVATE.json` alike. A file that holds a private key for the
software's own use should be a single JWK or PEM outside the linted paths, or have this rule
ignored for it (`--ignore JWK010`). A lone JWK (JWK002) in a standalone file is not reported by this
rule: such a file is more likely a private key file than a published set.

## Why is this bad?
A JWK Set at `jwks_uri` and a client's `jwks` are public: "The JWK Set MUST NOT contain private or
symmetric key values" (OpenID Connect Discovery 1.0 §3, `jwks_uri`; OpenID Connect Dynamic Client
Registration 1.0 §2, `jwks` and `jwks_uri`), and "private and symmetric keys MUST be protected
from disclosure to unintended parties" (RFC 7517 §9.2). Anyone who reads the set can sign tokens
as the server or authenticate as the client. Client metadata is sent to the server, stored, and
returned by registration and configuration endpoints (RFC 7591 §3.2.1, RFC 7592), so it is no place
for a private key either. Rotate a key that has been published.

## Example
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "x": "…", "y": "…", "d": "…" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "x": "…", "y": "…" } ] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`jwks_uri`); OpenID Connect Dynamic Client Registration 1.0 §2
  (`jwks`, `jwks_uri`)
- RFC 7517 §9.2; RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2; RFC 9964 §3
- RFC 7591 §2 (`jwks`: "the client's public keys")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    if set.lone && set.place == Place::Published {
        return;
    }
    let place = set.place.describe();
    for key in &set.keys {
        if key.kty() == Some("oct") {
            let message = match key.member("k") {
                Some(_) => format!("symmetric key member `k` (`kty: oct`) in {place}"),
                None => format!("symmetric key (`kty: oct`) in {place}"),
            };
            ctx.report(&PRIVATE_KEY_MATERIAL, key.node.span, key.pointer.as_str(), message)
                .help(oct_help(set.place));
            continue;
        }
        let private: Vec<_> = key
            .obj
            .iter()
            .filter(|m| PRIVATE_JWK_MEMBERS.contains(&m.name.as_ref()))
            .collect();
        if private.is_empty() {
            continue;
        }
        let names = private.iter().map(|m| format!("`{}`", m.name)).collect::<Vec<_>>();
        let message = if names.len() == 1 {
            format!("private key member {} in {place}", names[0])
        } else {
            format!("private key members {} in {place}", names.join(", "))
        };
        let members = names.join(", ");
        let help = match set.place {
            Place::Published => {
                format!("publish only the public key: remove {members}, and rotate the key, which is no longer secret")
            }
            Place::Client => format!(
                "register only the public key: remove {members}, keep the private key on the client, and rotate it"
            ),
        };
        ctx.report(&PRIVATE_KEY_MATERIAL, key.node.span, key.pointer.as_str(), message)
            .help(help);
    }
}

fn oct_help(place: Place) -> &'static str {
    match place {
        Place::Published => "remove the key: a symmetric key is a shared secret and has no public part",
        Place::Client => "remove the key: symmetric algorithms use the `client_secret`, never a key in `jwks`",
    }
}
