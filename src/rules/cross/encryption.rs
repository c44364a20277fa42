//! XCS008: an encryption algorithm the client registers (`*_encrypted_response_alg/enc`,
//! `request_object_encryption_alg/enc`) is not one the server lists.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS008: an encryption algorithm of the client (alg or enc) is not in the server's supported list.
pub static RESPONSE_ENCRYPTION_UNSUPPORTED: Rule = Rule {
    code: "XCS008",
    name: "encryption-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An encryption algorithm of the client (alg or enc) is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
For each encrypted object — ID token, userinfo response, request object, introspection response
(RFC 9701) and authorization response (JARM) — checks the client's `*_alg` against the server's
`*_encryption_alg_values_supported`, and the client's effective `*_enc` against
`*_encryption_enc_values_supported`. The effective `enc` is the client's own, else `A128CBC-HS256`,
the default every one of these specifications gives when the `alg` is set: a server that does not
list `A128CBC-HS256` cannot serve a client that set only the `alg`. When the server has no list
for that object, the finding is a warning: it does not advertise encryption.

## Why is this bad?
The server cannot encrypt to (or decrypt from) the client with an algorithm it does not implement:
registration is refused, or the responses cannot be produced.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "userinfo_encrypted_response_alg": "RSA-OAEP-256" }
```
against a server with `"userinfo_encryption_alg_values_supported": ["RSA-OAEP-256"]` and
`"userinfo_encryption_enc_values_supported": ["A256GCM"]` (the default `A128CBC-HS256` is not listed).

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "userinfo_encrypted_response_alg": "RSA-OAEP-256",
  "userinfo_encrypted_response_enc": "A256GCM" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`*_encrypted_response_enc` default A128CBC-HS256)
- OpenID Connect Discovery 1.0 §3 (`*_encryption_alg/enc_values_supported`)
- RFC 9701 §6, §7; JARM §3, §4
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    for encryption in &client.encryption {
        let purpose = encryption.purpose;
        let Some(alg) = &encryption.alg else { continue };
        let reported_absent = super::check_value(
            ctx,
            &RESPONSE_ENCRYPTION_UNSUPPORTED,
            server,
            purpose.client_alg,
            alg,
            purpose.server_alg,
            &format!(
                "use a key management algorithm in the server's `{}`",
                purpose.server_alg
            ),
        )
        .is_some()
            && server.list(purpose.server_alg).is_none();
        if reported_absent {
            // The server does not advertise this encryption at all: one warning is enough.
            continue;
        }
        if let Some(enc) = &encryption.enc {
            super::check_value(
                ctx,
                &RESPONSE_ENCRYPTION_UNSUPPORTED,
                server,
                purpose.client_enc,
                enc,
                purpose.server_enc,
                &format!(
                    "set `{}` to a content encryption algorithm in the server's `{}`",
                    purpose.client_enc, purpose.server_enc
                ),
            );
        }
    }
}
