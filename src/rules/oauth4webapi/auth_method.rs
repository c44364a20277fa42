//! OWA002: a token endpoint authentication method oauth4webapi does not implement.

use crate::diagnostic::Severity;
use crate::rules::util::{self, str_member};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// OWA002: the client's token endpoint auth method is outside what oauth4webapi implements.
pub static OWA_UNSUPPORTED_AUTH_METHOD: Rule = Rule {
    code: "OWA002",
    name: "oauth4webapi-unsupported-auth-method",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's token endpoint auth method is outside what oauth4webapi implements",
    profile: Some(Profile::Oauth4webapi),
    docs: r#"## What it does
Under `--profile oauth4webapi`, checks the client's `token_endpoint_auth_method` against the
methods oauth4webapi implements: `client_secret_basic`, `client_secret_post`, `client_secret_jwt`,
`private_key_jwt`, `none`, `tls_client_auth` and `self_signed_tls_client_auth` (the last two both
through `TlsClientAuth`, the certificate being presented by the TLS stack). An absent member means
`client_secret_basic` (RFC 7591 §2), which it supports.

## Why is this bad?
The library has no implementation for any other method: the client cannot authenticate at the
token endpoint.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "attest_jwt_client_auth" }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://app.example/jwks.json" }
```

## References
- oauth4webapi v3 API reference: `ClientAuth` (`ClientSecretBasic`, `ClientSecretPost`,
  `ClientSecretJwt`, `PrivateKeyJwt`, `None`, `TlsClientAuth`)
- RFC 7591 §2; RFC 8705 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((node, method)) = str_member(ctx.object(), "token_endpoint_auth_method") else {
        return;
    };
    if super::SUPPORTED_AUTH_METHODS.contains(&method) {
        return;
    }
    ctx.report(
        &OWA_UNSUPPORTED_AUTH_METHOD,
        node.span,
        util::ptr("token_endpoint_auth_method"),
        format!("`token_endpoint_auth_method` is {method:?}, which oauth4webapi does not implement"),
    )
    .help(format!(
        "use one of {}",
        crate::cross::quote_all(super::SUPPORTED_AUTH_METHODS)
    ));
}
