//! CLI051: a method or algorithm that needs the client's public keys, and no keys registered.

use super::{ENCRYPTED_RESPONSES, auth_method, has_client_keys, is_asymmetric_key_management, statement_may_supply};
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{is_asymmetric_jws, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI051: the client uses its own key pair but registers no public keys (`jwks`, `jwks_uri`).
pub static CLIENT_KEYS_REQUIRED: Rule = Rule {
    code: "CLI051",
    name: "client-keys-required",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client uses its own key pair but registers no public keys (`jwks`, `jwks_uri`)",
    profile: None,
    docs: r#"## What it does
Reports client metadata that needs the client's public keys but has none of `jwks`, `jwks_uri`
or `signed_jwks_uri` (OpenID Federation), while it uses:
- `token_endpoint_auth_method` `private_key_jwt` (the server verifies the client assertion with
  the client's public key) or `self_signed_tls_client_auth` (the server matches the TLS client
  certificate against the registered keys);
- an asymmetric `request_object_signing_alg` (`RS256`, `PS256`, `ES256`, `Ed25519`, …: the server
  verifies request objects with the client's public key);
- an RSA or ECDH key management algorithm in `id_token_encrypted_response_alg`,
  `userinfo_encrypted_response_alg`, `introspection_encrypted_response_alg` or
  `authorization_encrypted_response_alg` (JARM): the server encrypts to the client's public key.

`request_object_encryption_alg` needs no client keys: the client encrypts to the *server's* key.
A registration request or Client ID Metadata Document with a `software_statement` is not checked:
the statement may carry `jwks_uri` (RFC 7591 §2.3).

In a static configuration (role `config`) the finding is an **info**: such a file may be the
client's own settings (the `oauth4webapi` `Client` shape has no key members at all; the private key
is passed separately and the public keys were registered with the server by other means), or a
server's static client entry, where the keys are indeed missing. Registration requests and responses
and Client ID Metadata Documents are what the server works from: there it is an error.

## Why is this bad?
With no registered key the server has nothing to verify the signature or encrypt with: every
token request, request object or encrypted response fails. Whether an inline `jwks` actually holds a
usable key for each algorithm is checked by the `JWK` rules.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "redirect_uris": ["https://client.example.org/cb"]
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json",
  "redirect_uris": ["https://client.example.org/cb"]
}
```

## References
- RFC 7591 §2 (`jwks_uri`, `jwks`); OpenID Connect Core 1.0 §9 (`private_key_jwt`: "Clients that
  have registered a public key sign a JWT using that key"), §10.1, §10.2
- OpenID Connect Dynamic Client Registration 1.0 §2 (`request_object_signing_alg`,
  `*_encrypted_response_alg`)
- RFC 8705 §2.2 (`self_signed_tls_client_auth`: the certificate is registered with `jwks`/`jwks_uri`)
- RFC 9701 §6 (introspection responses); JARM §3 (authorization responses)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if has_client_keys(obj) || statement_may_supply(ctx) {
        return;
    }
    let mut needs = Vec::new();
    if let Some(method) = auth_method(obj)
        && let Some(node) = method.node
        && matches!(method.name, "private_key_jwt" | "self_signed_tls_client_auth")
    {
        let why = if method.name == "private_key_jwt" {
            "the server verifies the client assertion with the client's public key"
        } else {
            "the server matches the TLS client certificate against the registered keys"
        };
        needs.push((
            node.span,
            ptr("token_endpoint_auth_method"),
            format!(
                "`token_endpoint_auth_method` is {:?} but the client registers no public keys: {why}",
                method.name
            ),
        ));
    }
    if let Some((node, alg)) = str_member(obj, "request_object_signing_alg").filter(|(_, a)| is_asymmetric_jws(a)) {
        needs.push((
            node.span,
            ptr("request_object_signing_alg"),
            format!(
                "`request_object_signing_alg` is {alg:?} but the client registers no public keys to verify request objects with"
            ),
        ));
    }
    for (member, _) in ENCRYPTED_RESPONSES {
        if let Some((node, alg)) = str_member(obj, member).filter(|(_, a)| is_asymmetric_key_management(a)) {
            needs.push((
                node.span,
                ptr(member),
                format!("`{member}` is {alg:?} but the client registers no public key to encrypt to"),
            ));
        }
    }
    let config = ctx.role == Some(Role::Config);
    for (span, pointer, message) in needs {
        let diagnostic = ctx.report(&CLIENT_KEYS_REQUIRED, span, pointer, message);
        if config {
            diagnostic
                .severity(Severity::Info)
                .help("if this is a server's client entry, add `jwks_uri` (or `jwks`); if it is the client's own settings, make sure the public keys are registered with the server");
        } else {
            diagnostic.help("publish the public keys at `jwks_uri` (or inline them as `jwks`)");
        }
    }
}
