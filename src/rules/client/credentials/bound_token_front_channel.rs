//! CLI061: sender-constrained access tokens requested together with a response type that
//! returns an access token from the authorization endpoint.

use crate::diagnostic::Severity;
use crate::rules::util::{bool_member, ptr, ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// CLI061: sender-constrained tokens requested, but a response type returns an access token in the redirect.
pub static BOUND_TOKEN_FRONT_CHANNEL: Rule = Rule {
    code: "CLI061",
    name: "bound-token-front-channel",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "Sender-constrained tokens requested, but a response type returns an access token in the redirect",
    profile: None,
    docs: r#"## What it does
When `dpop_bound_access_tokens` or `tls_client_certificate_bound_access_tokens` is true, reports
each element of `response_types` that contains the `token` response type (`token`,
`id_token token`, `code token`, `code id_token token`).

## Why is this bad?
Both mechanisms bind the access token when it is issued at the token endpoint: the DPoP proof
travels with the token request (RFC 9449 §5), the client certificate is the one of the TLS
connection to the token endpoint (RFC 8705 §3). An access token returned from the authorization
endpoint in the redirect is issued before any of that happens: it is a plain bearer token, exposed
in the browser, which is exactly what sender-constraining was meant to prevent. RFC 9700 §2.1.2
recommends not using these response types at all.

## Example
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "response_types": ["code", "id_token token"],
  "grant_types": ["authorization_code", "implicit"],
  "dpop_bound_access_tokens": true
}
```

## Use instead
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "response_types": ["code"],
  "grant_types": ["authorization_code"],
  "dpop_bound_access_tokens": true
}
```

## References
- RFC 9449 §5, §5.2 (`dpop_bound_access_tokens`: DPoP applies to token requests)
- RFC 8705 §3, §3.4 (`tls_client_certificate_bound_access_tokens`: binding at the token endpoint)
- RFC 9700 §2.1.2 (access tokens in the authorization response)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let binding = ["dpop_bound_access_tokens", "tls_client_certificate_bound_access_tokens"]
        .into_iter()
        .find(|m| bool_member(obj, m) == Some(true));
    let Some(binding) = binding else {
        return;
    };
    let Some(binding_member) = obj.member(binding) else {
        return;
    };
    let binding_span = binding_member.span();
    let Some((_, items)) = str_array(obj, "response_types") else {
        return;
    };
    for (index, node, value) in items {
        if !value.split_whitespace().any(|t| t == "token") {
            continue;
        }
        ctx.report(
            &BOUND_TOKEN_FRONT_CHANNEL,
            node.span,
            ptr_index("response_types", index),
            format!(
                "response type {value:?} returns the access token from the authorization endpoint, where it cannot be bound (`{binding}` is true)"
            ),
        )
        .related(binding_span, ptr(binding), format!("`{binding}` is true here"))
        .help("use the `code` response type: the access token is then issued, and bound, at the token endpoint");
    }
}
