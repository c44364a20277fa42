//! SRV029: `none` client authentication offered by a server whose only grant is client
//! credentials.

use crate::diagnostic::Severity;
use crate::rules::server::declared_grants;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV029: the only grant is `client_credentials`, yet `none` (no client authentication) is offered.
pub static CLIENT_CREDENTIALS_WITHOUT_AUTHENTICATION: Rule = Rule {
    code: "SRV029",
    name: "client-credentials-without-authentication",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The only grant is `client_credentials`, yet `none` (no client authentication) is offered",
    profile: None,
    docs: r#"## What it does
Reports `none` in `token_endpoint_auth_methods_supported` when `grant_types_supported` declares
`client_credentials` and nothing else (`refresh_token` aside, which that grant should not issue
anyway).

## Why is this bad?
"The client credentials grant type MUST only be used by confidential clients" (RFC 6749 §4.4):
the client's authentication is the whole grant. `none` is the method of public clients, which can
then only use a grant this server does not offer, so the entry is dead at best; at worst the
token endpoint really issues tokens to unauthenticated callers who merely know a client
identifier.

## Example
```json
{ "grant_types_supported": ["client_credentials"], "token_endpoint_auth_methods_supported": ["client_secret_basic", "none"] }
```

## Use instead
```json
{ "grant_types_supported": ["client_credentials"], "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"], "token_endpoint_auth_signing_alg_values_supported": ["RS256"] }
```

## References
- RFC 6749 §4.4, §2.1
- RFC 7591 §2 (`token_endpoint_auth_method` `none`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(grants) = declared_grants(obj) else {
        return;
    };
    if !grants.contains(&"client_credentials")
        || !grants
            .iter()
            .all(|g| matches!(*g, "client_credentials" | "refresh_token"))
    {
        return;
    }
    let Some((_, items)) = str_array(obj, "token_endpoint_auth_methods_supported") else {
        return;
    };
    for (index, node, method) in items {
        if method == "none" {
            ctx.report(
                &CLIENT_CREDENTIALS_WITHOUT_AUTHENTICATION,
                node.span,
                ptr_index("token_endpoint_auth_methods_supported", index),
                "`none` is offered, but the only grant is `client_credentials`, which needs an authenticated client",
            )
            .help("remove `none`: client credentials are only for confidential clients");
        }
    }
}
