//! CLI055: `token_endpoint_auth_signing_alg` of the wrong kind for the JWT authentication method.

use super::auth_method;
use crate::diagnostic::Severity;
use crate::rules::util::{is_asymmetric_jws, is_hmac, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI055: `token_endpoint_auth_signing_alg` does not fit `client_secret_jwt` / `private_key_jwt`.
pub static AUTH_SIGNING_ALG_MISMATCH: Rule = Rule {
    code: "CLI055",
    name: "auth-signing-alg-mismatch",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "`token_endpoint_auth_signing_alg` does not fit `client_secret_jwt` / `private_key_jwt`",
    profile: None,
    docs: r#"## What it does
Reports a `token_endpoint_auth_signing_alg` that the authentication method cannot produce:
an asymmetric algorithm (`RS256`, `PS256`, `ES256`, `Ed25519`, …) with `client_secret_jwt`, or an
HMAC (`HS256`, `HS384`, `HS512`) with `private_key_jwt`.

## Why is this bad?
`client_secret_jwt` signs the client assertion with an HMAC keyed by the client secret;
`private_key_jwt` signs it with the client's private key (OIDC Core §9). The registered algorithm is
binding: "All Token Requests using these authentication methods from this Client MUST be rejected,
if the JWT is not signed with this algorithm" (OIDC Registration §2). A client that follows its
method signs with the other kind of algorithm and every token request is rejected.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "token_endpoint_auth_signing_alg": "HS256",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "token_endpoint_auth_signing_alg": "PS256",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## References
- OpenID Connect Core 1.0 §9 (`client_secret_jwt`: "The JWT MUST be signed using the HMAC SHA
  algorithm"; `private_key_jwt`: signed with the client's registered key)
- OpenID Connect Dynamic Client Registration 1.0 §2 (`token_endpoint_auth_signing_alg`)
- RFC 7523 §2.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(method) = auth_method(obj) else {
        return;
    };
    let Some(method_node) = method.node else {
        return;
    };
    let Some((node, alg)) = str_member(obj, "token_endpoint_auth_signing_alg") else {
        return;
    };
    let (problem, help) = match method.name {
        "client_secret_jwt" if is_asymmetric_jws(alg) => (
            "an asymmetric algorithm, but `client_secret_jwt` signs with an HMAC keyed by the client secret",
            "use HS256, HS384 or HS512, or switch to `private_key_jwt` with keys in `jwks_uri`",
        ),
        "private_key_jwt" if is_hmac(alg) => (
            "an HMAC, but `private_key_jwt` signs with the client's private key",
            "use an asymmetric algorithm such as PS256 or ES256, or switch to `client_secret_jwt`",
        ),
        _ => return,
    };
    ctx.report(
        &AUTH_SIGNING_ALG_MISMATCH,
        node.span,
        ptr("token_endpoint_auth_signing_alg"),
        format!("`token_endpoint_auth_signing_alg` is {alg:?}, {problem}"),
    )
    .related(
        method_node.span,
        ptr("token_endpoint_auth_method"),
        format!("the method is {:?}", method.name),
    )
    .help(help);
}
