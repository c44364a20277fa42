//! CLI025: access tokens returned from the authorization endpoint (implicit and hybrid flows).

use super::model::{Client, response_tokens};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI025: the client receives access tokens from the authorization endpoint (implicit or hybrid flow).
pub static IMPLICIT_FLOW: Rule = Rule {
    code: "CLI025",
    name: "implicit-flow",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "The client receives access tokens from the authorization endpoint (implicit or hybrid flow)",
    profile: None,
    docs: r#"## What it does
Reports each element of `response_types` containing the `token` token: `token`, `id_token token`,
`code token` and `code id_token token`. When `response_types` is omitted, reports the `implicit`
element of `grant_types` instead (the only place the intent shows).

Not reported: `id_token` and `code id_token`. They return no access token from the authorization
endpoint, and RFC 9700 §2.1.2 names `code id_token` as an acceptable alternative. (They still need
the `implicit` grant type in `grant_types`, see `CLI026`.)

## Why is this bad?
RFC 9700 §2.1.2: "clients SHOULD NOT use the implicit grant (response type `token`) or other
response types issuing access tokens in the authorization response". An access token in the
front channel leaks through browser history, referrer headers and open redirectors, can be
injected by an attacker, and cannot be sender-constrained (DPoP, mTLS). OAuth 2.1 removes the
implicit grant. RFC 9700 is a Best Current Practice, hence a warning.

## Example
```json
{ "response_types": ["id_token token"], "grant_types": ["implicit"] }
```

## Use instead
```json
{ "response_types": ["code"], "grant_types": ["authorization_code"] }
```
with PKCE; a browser application uses the code flow too (or a backend for frontend).

## References
- RFC 9700 §2.1.2, §4.1.2, §4.3.2
- RFC 6749 §4.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.response_types.is_none() {
        let Some((_, grants)) = &client.grant_types else {
            return;
        };
        for (index, node, value) in grants {
            if *value == "implicit" {
                ctx.report(
                    &IMPLICIT_FLOW,
                    node.span,
                    util::ptr_index("grant_types", *index),
                    "the implicit grant returns access tokens from the authorization endpoint",
                )
                .help(HELP);
            }
        }
        return;
    }
    for (index, node, value) in client.explicit_response_types() {
        if response_tokens(value).any(|t| t == "token") {
            ctx.report(
                &IMPLICIT_FLOW,
                node.span,
                util::ptr_index("response_types", *index),
                format!("response type \"{value}\" returns an access token from the authorization endpoint"),
            )
            .help(HELP);
        }
    }
}

const HELP: &str = "use the `code` response type with PKCE; access tokens then come from the token endpoint";
