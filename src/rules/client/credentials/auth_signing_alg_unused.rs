//! CLI056: `token_endpoint_auth_signing_alg` with a method that signs no JWT.

use super::auth_method;
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI056: `token_endpoint_auth_signing_alg` is set but the authentication method signs no JWT.
pub static AUTH_SIGNING_ALG_UNUSED: Rule = Rule {
    code: "CLI056",
    name: "auth-signing-alg-unused",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`token_endpoint_auth_signing_alg` is set but the authentication method signs no JWT",
    profile: None,
    docs: r#"## What it does
Reports `token_endpoint_auth_signing_alg` when the token endpoint authentication method is a
registered method other than `private_key_jwt` and `client_secret_jwt` — including the default
`client_secret_basic` when `token_endpoint_auth_method` is absent.

## Why is this bad?
The member only constrains the JWT of the two JWT-based methods (OIDC Registration §2: "the JWT
used to authenticate the Client at the Token Endpoint for the private_key_jwt and client_secret_jwt
authentication methods"). With any other method it is ignored. Usually the method is what is wrong:
an `RS256` here with no `token_endpoint_auth_method` most often means `private_key_jwt` was forgotten,
and the client is registered for `client_secret_basic` instead.

## Example
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "token_endpoint_auth_signing_alg": "PS256",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## Use instead
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "token_endpoint_auth_method": "private_key_jwt",
  "token_endpoint_auth_signing_alg": "PS256",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`token_endpoint_auth_signing_alg`)
- RFC 7591 §2 (`token_endpoint_auth_method`, default `client_secret_basic`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(node) = obj.get("token_endpoint_auth_signing_alg") else {
        return;
    };
    let Some(method) = auth_method(obj) else {
        return;
    };
    if !method.is_registered() || matches!(method.name, "private_key_jwt" | "client_secret_jwt") {
        return;
    }
    let help = if method.is_default() {
        "set `token_endpoint_auth_method` to `private_key_jwt` or `client_secret_jwt`, or remove this member"
    } else {
        "remove `token_endpoint_auth_signing_alg`, or switch to `private_key_jwt` / `client_secret_jwt`"
    };
    let diagnostic = ctx.report(
        &AUTH_SIGNING_ALG_UNUSED,
        node.span,
        ptr("token_endpoint_auth_signing_alg"),
        format!(
            "`token_endpoint_auth_signing_alg` is ignored: token endpoint authentication method {} signs no JWT",
            method.describe()
        ),
    );
    if let Some(method_node) = method.node {
        diagnostic.related(
            method_node.span,
            ptr("token_endpoint_auth_method"),
            format!("the method is {:?}", method.name),
        );
    }
    diagnostic.help(help);
}
