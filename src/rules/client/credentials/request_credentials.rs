//! CLI070: a registration request carrying credentials that only the server issues.

use super::present;
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI070: a registration request carries a secret, access token or management URI the server issues.
pub static REQUEST_CARRIES_CREDENTIALS: Rule = Rule {
    code: "CLI070",
    name: "request-carries-credentials",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A registration request carries a secret, access token or management URI the server issues",
    profile: None,
    docs: r#"## What it does
In a registration request (role `request`), reports `registration_access_token`,
`registration_client_uri`, and `client_secret` when the request has no `client_id`. The values are
never printed.

A request *with* a `client_id` is an RFC 7592 update request (the role can only be forced to
`request` then): it may repeat the current `client_secret` (RFC 7592 §2.2: "If the client includes
the `client_secret` field in the request, the value of this field MUST match the currently issued
client secret"), so `client_secret` is not reported there.

## Why is this bad?
These are issued by the authorization server in its response (RFC 7591 §3.2.1, RFC 7592 §3): the
client secret, the bearer token for the client configuration endpoint and that endpoint's URI. A
client that chooses its own secret defeats the server's control of secret strength and uniqueness
("The client MUST NOT be allowed to overwrite its existing client secret with its own chosen
value", RFC 7592 §2.2); the two management members "MUST NOT be included in the request" (RFC 7592
§2.2). A strict server rejects the request, a lax one may accept a weak, reused secret. And a
request file that holds a live secret leaks it.

## Example
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "client_name": "Example",
  "client_secret": "…"
}
```

## Use instead
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "client_name": "Example"
}
```

## References
- RFC 7591 §3.1 (request: client metadata), §3.2.1 (`client_secret`, issued in the response)
- RFC 7592 §2.2 (the client MUST NOT choose its secret; `registration_access_token`,
  `registration_client_uri` MUST NOT be included in the request), §3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Request) {
        return;
    }
    let obj = ctx.object();
    let update_request = obj.contains("client_id");
    let mut members: Vec<_> = ["client_secret", "registration_access_token", "registration_client_uri"]
        .into_iter()
        .filter(|m| !(update_request && *m == "client_secret"))
        .filter(|m| present(obj, m))
        .filter_map(|m| obj.member(m).map(|member| (m, member.name_span)))
        .collect();
    members.sort_by_key(|(_, span)| span.start);
    for (name, span) in members {
        let (message, help) = match name {
            "client_secret" => (
                "a registration request must not carry `client_secret`: the server issues the secret",
                "remove `client_secret`; the server returns one in the registration response",
            ),
            "registration_access_token" => (
                "a registration request must not carry `registration_access_token`: the server issues it",
                "remove it; send it as the bearer token of RFC 7592 read/update requests instead",
            ),
            _ => (
                "a registration request must not carry `registration_client_uri`: the server assigns it",
                "remove it; it is the URL the request is sent to for RFC 7592 read/update",
            ),
        };
        ctx.report(&REQUEST_CARRIES_CREDENTIALS, span, ptr(name), message)
            .help(help);
    }
}
