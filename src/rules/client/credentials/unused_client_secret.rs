//! CLI078: a client secret that nothing in the configuration uses.

use super::{auth_method, present, symmetric_algs};
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI078: the client holds a `client_secret` that neither its auth method nor its algorithms use.
pub static UNUSED_CLIENT_SECRET: Rule = Rule {
    code: "CLI078",
    name: "unused-client-secret",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The client holds a `client_secret` that neither its auth method nor its algorithms use",
    profile: None,
    docs: r#"## What it does
In a registration response or a static configuration, reports `client_secret` when the token
endpoint authentication method is `private_key_jwt`, `tls_client_auth`,
`self_signed_tls_client_auth` or `none`, and no signing or encryption algorithm of the client is
keyed with the secret (HMAC `HS*`, `A*KW`, `A*GCMKW`, `dir`). The value is never printed.

## Why is this bad?
OIDC Registration §3.2: the client secret "is used by Confidential Clients to authenticate to the
Token Endpoint … and for the derivation of symmetric encryption key values", and "It is not needed
for Clients selecting a token_endpoint_auth_method of private_key_jwt unless symmetric encryption
will be used". An unused secret is attack surface only: servers that accept `client_secret_basic`
besides the registered method let whoever obtains it authenticate as the client. A server that
issues one should not; a configuration that keeps one should drop it.

## Example
```json
{
  "client_id": "b424b6df",
  "client_secret": "…",
  "client_secret_expires_at": 0,
  "client_id_issued_at": 1568816110,
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## Use instead
```json
{
  "client_id": "b424b6df",
  "client_id_issued_at": 1568816110,
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §3.2 (`client_secret`: "It is not needed for
  Clients selecting a token_endpoint_auth_method of private_key_jwt unless symmetric encryption will
  be used")
- OpenID Connect Core 1.0 §10.1, §10.2 (what the secret keys)
- RFC 8705 §2 (mutual-TLS client authentication uses no secret)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if !matches!(ctx.role, Some(Role::Response | Role::Config)) {
        return;
    }
    let obj = ctx.object();
    if !present(obj, "client_secret") {
        return;
    }
    let Some(method) = auth_method(obj) else {
        return;
    };
    let Some(method_node) = method.node else {
        return;
    };
    if !matches!(
        method.name,
        "private_key_jwt" | "tls_client_auth" | "self_signed_tls_client_auth" | "none"
    ) || !symmetric_algs(obj).is_empty()
    {
        return;
    }
    let Some(secret) = obj.member("client_secret") else {
        return;
    };
    ctx.report(
        &UNUSED_CLIENT_SECRET,
        secret.name_span,
        ptr("client_secret"),
        format!(
            "`client_secret` is not used: the client authenticates with {:?} and no algorithm is keyed with the secret",
            method.name
        ),
    )
    .related(
        method_node.span,
        ptr("token_endpoint_auth_method"),
        format!("the method is {:?}", method.name),
    )
    .help("drop the secret (a server should not issue one for this method), so it cannot be used to authenticate as the client");
}
