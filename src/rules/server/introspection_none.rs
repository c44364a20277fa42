//! SRV036: `none` among the introspection endpoint's client authentication methods.

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV036: `introspection_endpoint_auth_methods_supported` offers `none` (no client authentication).
pub static INTROSPECTION_WITHOUT_AUTHENTICATION: Rule = Rule {
    code: "SRV036",
    name: "introspection-without-authentication",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`introspection_endpoint_auth_methods_supported` offers `none` (no client authentication)",
    profile: None,
    docs: r#"## What it does
Reports `none` in `introspection_endpoint_auth_methods_supported`.

## Why is this bad?
"To prevent token scanning attacks, the endpoint MUST also require some form of authorization to
access this endpoint, such as client authentication ... or a separate OAuth 2.0 access token"
(RFC 7662 §2.1). `none` advertises that callers need not authenticate as a client. The server may
still demand a bearer access token instead, which the metadata cannot express, hence a warning
rather than an error; but a server that answers anyone who sends a token lets an attacker test
stolen or guessed tokens and read their claims. The revocation endpoint is different: public
clients revoke their own tokens with `none` (RFC 7009 §2.1), so it is not reported there.

## Example
```json
{ "introspection_endpoint": "https://as.example.com/introspect", "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "none"] }
```

## Use instead
```json
{ "introspection_endpoint": "https://as.example.com/introspect", "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"], "introspection_endpoint_auth_signing_alg_values_supported": ["RS256"] }
```

## References
- RFC 7662 §2.1, §4
- RFC 8414 §2 (`introspection_endpoint_auth_methods_supported`)
"#,
};

const MEMBER: &str = "introspection_endpoint_auth_methods_supported";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), MEMBER) else {
        return;
    };
    for (index, node, method) in items {
        if method == "none" {
            ctx.report(
                &INTROSPECTION_WITHOUT_AUTHENTICATION,
                node.span,
                ptr_index(MEMBER, index),
                "the introspection endpoint offers `none`: callers need not authenticate, but RFC 7662 requires some authorization",
            )
            .help("remove `none`; resource servers authenticate as clients (or present an access token) to introspect tokens");
        }
    }
}
