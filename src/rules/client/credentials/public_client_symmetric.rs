//! CLI053: a public client (`token_endpoint_auth_method: none`) asking for symmetric algorithms.

use super::{auth_method, symmetric_algs};
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI053: a public client (auth method `none`) asks for an algorithm keyed with a client secret.
pub static PUBLIC_CLIENT_SYMMETRIC_ALG: Rule = Rule {
    code: "CLI053",
    name: "public-client-symmetric-alg",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A public client (auth method `none`) asks for an algorithm keyed with a client secret",
    profile: None,
    docs: r#"## What it does
Reports, in a client with `token_endpoint_auth_method: "none"`, every HMAC signing algorithm
(`HS256`, `HS384`, `HS512`) in `id_token_signed_response_alg`, `userinfo_signed_response_alg`,
`introspection_signed_response_alg`, `authorization_signed_response_alg` or
`request_object_signing_alg`, and every symmetric key management algorithm (`A128KW`…,
`A128GCMKW`…, `dir`) in an `*_encrypted_response_alg` or `request_object_encryption_alg`.

## Why is this bad?
Symmetric signatures and symmetric encryption are keyed with the `client_secret` (OIDC Core §10.1,
§10.2). A public client has no secret — and the specification forbids both for public clients,
"because of their inability to keep secrets". Anyone who can read the client's code could forge the
MACs or decrypt the responses.

## Example
```json
{
  "client_id": "https://app.example.com/client.json",
  "token_endpoint_auth_method": "none",
  "id_token_signed_response_alg": "HS256"
}
```

## Use instead
```json
{
  "client_id": "https://app.example.com/client.json",
  "token_endpoint_auth_method": "none",
  "id_token_signed_response_alg": "ES256"
}
```

## References
- OpenID Connect Core 1.0 §10.1 ("Symmetric signatures MUST NOT be used by public
  (non-confidential) Clients"), §10.2 ("Symmetric encryption MUST NOT be used by public
  (non-confidential) Clients")
- RFC 7591 §2 (`token_endpoint_auth_method` `none`: a public client)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(method) = auth_method(obj) else {
        return;
    };
    if method.name != "none" {
        return;
    }
    for alg in symmetric_algs(obj) {
        let (what, help) = if alg.is_mac() {
            (
                "an HMAC keyed with the client secret",
                "use an asymmetric algorithm such as ES256, PS256 or RS256",
            )
        } else {
            (
                "a key derived from the client secret",
                "use RSA-OAEP-256 or ECDH-ES with keys in `jwks_uri`, or drop the encryption",
            )
        };
        ctx.report(
            &PUBLIC_CLIENT_SYMMETRIC_ALG,
            alg.node.span,
            ptr(alg.member),
            format!(
                "`{}` is {:?}, {what}, but the client is public (`token_endpoint_auth_method` is \"none\")",
                alg.member, alg.alg
            ),
        )
        .help(help);
    }
}
