//! SRV023–SRV024: the implicit grant and response types that put access tokens in the
//! authorization response (RFC 9700 §2.1.2).

use crate::diagnostic::Severity;
use crate::rules::server::{quoted_list, response_type_tokens, uses_authorization_endpoint};
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV023: the server offers the implicit grant, explicitly or through the default of `grant_types_supported`.
pub static IMPLICIT_GRANT: Rule = Rule {
    code: "SRV023",
    name: "implicit-grant",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "The server offers the implicit grant, explicitly or through the default of `grant_types_supported`",
    profile: None,
    docs: r#"## What it does
Reports `implicit` in `grant_types_supported`. When `grant_types_supported` is omitted its default
is `["authorization_code", "implicit"]` (RFC 8414 §2), so the document is reported too, unless
the declared `response_types_supported` rule the implicit flow out (every response type returns a
code, as in `["code"]` or `["code", "code id_token"]`). ID Token issuers without an authorization
endpoint (`SRV032`) are not reported.

## Why is this bad?
The implicit grant returns tokens in the front channel, where they leak through browser history,
referrer headers and open redirectors and can be injected by an attacker; "clients SHOULD NOT use
the implicit grant" (RFC 9700 §2.1.2), and OAuth 2.1 removes it. Advertising it invites clients to
use it, and an omitted `grant_types_supported` advertises it by default: declare the grants the
server really supports.

## Example
```json
{ "grant_types_supported": ["authorization_code", "implicit", "refresh_token"] }
```

## Use instead
```json
{ "grant_types_supported": ["authorization_code", "refresh_token"] }
```

## References
- RFC 9700 §2.1.2
- RFC 8414 §2 (`grant_types_supported` default)
"#,
};

/// SRV024: `response_types_supported` offers response types that return access tokens from the authorization endpoint.
pub static ACCESS_TOKEN_RESPONSE_TYPE: Rule = Rule {
    code: "SRV024",
    name: "access-token-response-type",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "`response_types_supported` offers response types that return access tokens from the authorization endpoint",
    profile: None,
    docs: r#"## What it does
Reports, once per document, the `response_types_supported` entries that contain the `token`
token: `token`, `id_token token`, `code token`, `code id_token token`. The finding points at the
first one and lists all of them. Response types that return only a code or an ID Token
(`code`, `id_token`, `code id_token`) are not reported: RFC 9700 §2.1.2 is about access tokens.

## Why is this bad?
"The implicit grant (response type "token") and other response types causing the authorization
server to issue access tokens in the authorization response are vulnerable to access token leakage
and access token replay"; clients "SHOULD NOT use the implicit grant (response type "token") or
other response types issuing access tokens in the authorization response" (RFC 9700 §2.1.2).
Use the authorization code flow with PKCE; an OpenID Provider that needs front-channel identity
can keep `id_token` and `code id_token`.

## Example
```json
{ "response_types_supported": ["code", "token", "id_token token", "code id_token"] }
```

## Use instead
```json
{ "response_types_supported": ["code", "code id_token"] }
```

## References
- RFC 9700 §2.1.2
- OAuth 2.0 Multiple Response Type Encoding Practices §3, §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if let Some((_, items)) = str_array(obj, "grant_types_supported") {
        for (index, node, grant) in items {
            if grant == "implicit" {
                ctx.report(
                    &IMPLICIT_GRANT,
                    node.span,
                    ptr_index("grant_types_supported", index),
                    "`grant_types_supported` offers the implicit grant",
                )
                .help("remove `implicit`; use the authorization code grant with PKCE");
            }
        }
    } else if !obj.contains("grant_types_supported") && uses_authorization_endpoint(obj) {
        let response_types = str_array(obj, "response_types_supported");
        let implicit_possible = match &response_types {
            Some((_, items)) => items
                .iter()
                .any(|(_, _, rt)| !response_type_tokens(rt).any(|t| t == "code" || t == "none")),
            None => true,
        };
        if implicit_possible {
            ctx.report(
                &IMPLICIT_GRANT,
                ctx.root.span,
                "",
                "`grant_types_supported` is omitted, so its default `[\"authorization_code\", \"implicit\"]` offers the implicit grant",
            )
            .help("declare the grants the server supports, without `implicit`, such as `\"grant_types_supported\": [\"authorization_code\", \"refresh_token\"]`");
        }
    }
    let Some((_, items)) = str_array(obj, "response_types_supported") else {
        return;
    };
    let token_types: Vec<_> = items
        .iter()
        .filter(|(_, _, rt)| response_type_tokens(rt).any(|t| t == "token"))
        .collect();
    let Some((index, node, _)) = token_types.first() else {
        return;
    };
    let d = ctx.report(
        &ACCESS_TOKEN_RESPONSE_TYPE,
        node.span,
        ptr_index("response_types_supported", *index),
        format!(
            "`response_types_supported` offers access tokens from the authorization endpoint: {}",
            quoted_list(token_types.iter().map(|(_, _, rt)| *rt))
        ),
    );
    d.help("remove the response types containing `token`; use `code` (with PKCE), and `code id_token` where an ID Token is needed up front");
    for (index, node, _) in token_types.iter().skip(1) {
        d.related(
            node.span,
            ptr_index("response_types_supported", *index),
            "also returns an access token",
        );
    }
}
