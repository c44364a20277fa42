//! CLI057: an `*_enc` member without its `*_alg`.

use super::{ENCRYPTED_RESPONSES, REQUEST_OBJECT_ENCRYPTION, present, statement_may_supply};
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI057: a JWE `enc` member is set without its `alg` member.
pub static ENCRYPTION_ENC_WITHOUT_ALG: Rule = Rule {
    code: "CLI057",
    name: "encryption-enc-without-alg",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWE `enc` member is set without its `alg` member",
    profile: None,
    docs: r#"## What it does
Reports `id_token_encrypted_response_enc`, `userinfo_encrypted_response_enc`,
`request_object_encryption_enc`, `introspection_encrypted_response_enc` or
`authorization_encrypted_response_enc` when the matching `*_alg` member is absent.

The reverse is fine and not reported: an `*_alg` without its `*_enc` means `A128CBC-HS256`. An
encrypted but unsigned response (`userinfo_encrypted_response_alg` without
`userinfo_signed_response_alg`) is also fine. A registration request or Client ID Metadata Document
with a `software_statement` is not checked (the statement may hold the `*_alg`).

## Why is this bad?
Every one of these specifications says "When `…_enc` is included, `…_alg` MUST also be provided".
Without a key management algorithm the server does not encrypt at all (or rejects the registration):
the `enc` value alone says nothing about whose key to use.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "jwks_uri": "https://client.example.org/jwks.json",
  "id_token_encrypted_response_enc": "A256GCM"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "jwks_uri": "https://client.example.org/jwks.json",
  "id_token_encrypted_response_alg": "RSA-OAEP-256",
  "id_token_encrypted_response_enc": "A256GCM"
}
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`id_token_encrypted_response_enc`,
  `userinfo_encrypted_response_enc`, `request_object_encryption_enc`: "When … is included, … MUST
  also be provided"; the `A128CBC-HS256` default)
- RFC 9701 §6 (`introspection_encrypted_response_enc`); JARM §3
  (`authorization_encrypted_response_enc`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if statement_may_supply(ctx) {
        return;
    }
    let obj = ctx.object();
    let pairs = ENCRYPTED_RESPONSES.iter().chain([REQUEST_OBJECT_ENCRYPTION].iter());
    let mut findings = Vec::new();
    for &(alg, enc) in pairs {
        if present(obj, alg) || !present(obj, enc) {
            continue;
        }
        if let Some(node) = obj.get(enc) {
            findings.push((node.span, enc, alg));
        }
    }
    findings.sort_by_key(|(span, _, _)| span.start);
    for (span, enc, alg) in findings {
        ctx.report(
            &ENCRYPTION_ENC_WITHOUT_ALG,
            span,
            ptr(enc),
            format!("`{enc}` is set without `{alg}`"),
        )
        .help(format!(
            "add `{alg}` (for example \"RSA-OAEP-256\" with the client's keys in `jwks_uri`), or remove `{enc}`"
        ));
    }
}
