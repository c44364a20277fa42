//! XCS002: the client's token endpoint authentication signing algorithm is not one the server
//! accepts, or the server accepts none that fits the client's JWT authentication method.

use std::sync::Arc;

use crate::cross::effective::ClientEffective;
use crate::cross::{Provenance, ServerDoc};
use crate::diagnostic::Severity;
use crate::rules::util::{is_asymmetric_jws, is_hmac};
use crate::rules::{Basis, Ctx, Rule};

/// XCS002: the client's token endpoint auth signing algorithm is not in the server's supported list.
pub static TOKEN_AUTH_SIGNING_ALG_UNSUPPORTED: Rule = Rule {
    code: "XCS002",
    name: "token-auth-signing-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's token endpoint auth signing algorithm is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `token_endpoint_auth_signing_alg` against the server's
`token_endpoint_auth_signing_alg_values_supported`. When the client uses `private_key_jwt` or
`client_secret_jwt` without naming an algorithm, checks that the server's list has at least one
algorithm of the right family (asymmetric for `private_key_jwt`, HMAC for `client_secret_jwt`).
When the server has no list at all, the finding is a warning that the server does not advertise it.

## Why is this bad?
The server rejects client assertions signed with an algorithm it does not accept, so every token
request fails with `invalid_client`.

## Example
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "PS256",
  "jwks_uri": "https://app.example/jwks.json" }
```
against a server with `"token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"]`.

## Use instead
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "ES256",
  "jwks_uri": "https://app.example/jwks.json" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`token_endpoint_auth_signing_alg`)
- RFC 8414 §2 (`token_endpoint_auth_signing_alg_values_supported`)
- OpenID Connect Core 1.0 §9
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    const LIST: &str = "token_endpoint_auth_signing_alg_values_supported";
    if let Some(alg) = &client.token_endpoint_auth_signing_alg {
        super::check_value(
            ctx,
            &TOKEN_AUTH_SIGNING_ALG_UNSUPPORTED,
            server,
            "token_endpoint_auth_signing_alg",
            alg,
            LIST,
            "sign client assertions with an algorithm the server lists",
        );
        return;
    }
    let method = &client.token_endpoint_auth_method;
    let fits: fn(&str) -> bool = match method.value.as_str() {
        "private_key_jwt" => is_asymmetric_jws,
        "client_secret_jwt" => is_hmac,
        _ => return,
    };
    // The method itself must be supported first (XCS001 reports it otherwise).
    if !server
        .list("token_endpoint_auth_methods_supported")
        .is_some_and(|l| l.contains(&method.value))
    {
        return;
    }
    let Some(list) = server.list(LIST) else { return };
    if list.values.iter().any(|a| fits(a)) {
        return;
    }
    let (span, pointer) = super::client_at(ctx, method.client_location());
    let family = if method.value == "private_key_jwt" {
        "asymmetric"
    } else {
        "HMAC"
    };
    let d = ctx.report(
        &TOKEN_AUTH_SIGNING_ALG_UNSUPPORTED,
        span,
        pointer,
        format!(
            "`token_endpoint_auth_method` is {:?}, but the server's `{LIST}` has no {family} algorithm",
            method.value
        ),
    );
    d.help("use an authentication method whose algorithms the server accepts");
    if let Provenance::Server(l) = &list.provenance {
        d.related_in(
            Arc::clone(server.source()),
            l.span,
            l.pointer.clone(),
            format!("the server lists {}", list.quoted()),
        );
    }
}
