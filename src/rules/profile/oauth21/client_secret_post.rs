//! OAU001: a server that takes client secrets only in the Authorization header.

use crate::diagnostic::Severity;
use crate::rules::server::is_token_issuer_only;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// OAU001: the server offers `client_secret_basic` but not `client_secret_post`.
pub static OAU_CLIENT_SECRET_POST_MISSING: Rule = Rule {
    code: "OAU001",
    name: "oauth21-client-secret-post-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The server offers `client_secret_basic` but not `client_secret_post`",
    profile: Some(Profile::Oauth21),
    docs: r#"## What it does
Under `--profile oauth2.1`, reports authorization server metadata whose
`token_endpoint_auth_methods_supported` has `client_secret_basic` but not `client_secret_post`,
including an omitted list when there is a `token_endpoint`: its default is
`["client_secret_basic"]` (RFC 8414 §2).

## Why is this bad?
OAuth 2.1 §2.4.1: "To support confidential clients in possession of a client secret, the
authorization server MUST support the client including the client credentials in the request
body content" (`client_secret_post`); HTTP Basic becomes a MAY. The form-encoding that RFC 6749
requires before Basic encoding has been implemented inconsistently for years, so clients had to
special-case servers; the body is the one method every OAuth 2.1 server accepts. A client
following OAuth 2.1 may send its secret in the body only.

Which reading: the rule triggers on `client_secret_basic`, the method that shows the server takes
client secrets. A server offering only `client_secret_jwt` (where the secret is a key, not a
credential on the wire) is not reported.

## Example
```json
{ "token_endpoint": "https://as.example.com/token", "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"] }
```

## Use instead
```json
{ "token_endpoint": "https://as.example.com/token", "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic", "private_key_jwt"] }
```

## References
- draft-ietf-oauth-v2-1-16 §2.4.1 (changed in draft 11: "client credentials … required to be
  supported in the request body")
- RFC 8414 §2 (`token_endpoint_auth_methods_supported` default); RFC 7591 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if is_token_issuer_only(obj) {
        return;
    }
    match str_array(obj, "token_endpoint_auth_methods_supported") {
        Some((_, items)) => {
            if items.iter().any(|(_, _, m)| *m == "client_secret_post") {
                return;
            }
            let Some((index, node, _)) = items.iter().find(|(_, _, m)| *m == "client_secret_basic") else {
                return;
            };
            ctx.report(
                &OAU_CLIENT_SECRET_POST_MISSING,
                node.span,
                ptr_index("token_endpoint_auth_methods_supported", *index),
                "the server takes client secrets in the Authorization header (`client_secret_basic`) but not in the request body (`client_secret_post`)",
            )
            .help("accept client credentials in the request body and add \"client_secret_post\"");
        }
        None => {
            if obj.contains("token_endpoint_auth_methods_supported")
                || obj.get("token_endpoint").and_then(|n| n.as_str()).is_none()
            {
                return;
            }
            ctx.report(
                &OAU_CLIENT_SECRET_POST_MISSING,
                ctx.root.span,
                "",
                "`token_endpoint_auth_methods_supported` is omitted, so it defaults to [\"client_secret_basic\"], without `client_secret_post`",
            )
            .help("declare the methods the token endpoint accepts, with \"client_secret_post\" if clients have secrets");
        }
    }
}
