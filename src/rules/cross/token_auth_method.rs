//! XCS001: the client's token endpoint authentication method is not one the server supports.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS001: the client's token endpoint authentication method is not in the server's supported list.
pub static TOKEN_AUTH_METHOD_UNSUPPORTED: Rule = Rule {
    code: "XCS001",
    name: "token-auth-method-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's token endpoint authentication method is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Compares the client's effective `token_endpoint_auth_method` (its own value, else the RFC 7591
default `client_secret_basic`) with the server's effective `token_endpoint_auth_methods_supported`
(its own list, else the RFC 8414 / OpenID Connect Discovery default `["client_secret_basic"]`).
A client that only uses the implicit grant never calls the token endpoint and is not checked
unless it sets a method.

## Why is this bad?
The server rejects every token request that authenticates with a method it does not support
(`invalid_client`, RFC 6749 §5.2): the client can never redeem a code or refresh a token. A
missing `token_endpoint_auth_method` is not "anything goes": it means `client_secret_basic`, which
servers that only list `private_key_jwt` (FAPI) refuse.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "client_secret_post" }
```
against a server with `"token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "client_secret_basic" }
```

## References
- RFC 7591 §2 (`token_endpoint_auth_method`, default `client_secret_basic`)
- RFC 8414 §2 (`token_endpoint_auth_methods_supported`, default `client_secret_basic`)
- OpenID Connect Discovery 1.0 §3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let method = &client.token_endpoint_auth_method;
    if !method.is_explicit() && !client.uses_token_endpoint() {
        return;
    }
    let supported = server
        .list("token_endpoint_auth_methods_supported")
        .map(|l| l.quoted())
        .unwrap_or_default();
    super::check_value(
        ctx,
        &TOKEN_AUTH_METHOD_UNSUPPORTED,
        server,
        "token_endpoint_auth_method",
        method,
        "token_endpoint_auth_methods_supported",
        &format!("use a method the server supports ({supported}), and register the credentials it needs"),
    );
}
