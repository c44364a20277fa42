//! CLI071: response-only timestamps in a registration request.

use super::present;
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI071: a registration request carries `client_id_issued_at` or `client_secret_expires_at`.
pub static REQUEST_CARRIES_RESPONSE_MEMBER: Rule = Rule {
    code: "CLI071",
    name: "request-carries-response-member",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A registration request carries `client_id_issued_at` or `client_secret_expires_at`",
    profile: None,
    docs: r#"## What it does
In a registration request (role `request`), reports `client_id_issued_at` and
`client_secret_expires_at`, which only registration responses carry.

In an initial request (no `client_id`) this is a warning: servers ignore the members, and the
document is most often a registration response whose `client_id` was stripped (a test snapshot), so
the detected role is what is wrong. In an RFC 7592 update request (role forced to `request`, with a
`client_id`) the finding is an error: RFC 7592 §2.2 says these fields "MUST NOT be included in the
request".

## Why is this bad?
RFC 7591 §3.2.1 defines both as values the server returns. A client cannot choose when its
identifier was issued or when its secret expires; a request that states them shows a copy of a
response being replayed as a request, or a misunderstanding of which side sets them.

## Example
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "token_endpoint_auth_method": "client_secret_basic",
  "client_secret_expires_at": 0
}
```

## Use instead
```json
{
  "redirect_uris": ["https://client.example.org/cb"],
  "token_endpoint_auth_method": "client_secret_basic"
}
```

## References
- RFC 7591 §3.2.1 (`client_id_issued_at`, `client_secret_expires_at`: response members)
- RFC 7592 §2.2 ("The fields `registration_access_token`, `registration_client_uri`,
  `client_secret_expires_at`, and `client_id_issued_at` MUST NOT be included in the request")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Request) {
        return;
    }
    let obj = ctx.object();
    let update_request = obj.contains("client_id");
    let mut members: Vec<_> = ["client_id_issued_at", "client_secret_expires_at"]
        .into_iter()
        .filter(|m| present(obj, m))
        .filter_map(|m| obj.member(m).map(|member| (m, member.name_span)))
        .collect();
    members.sort_by_key(|(_, span)| span.start);
    for (name, span) in members {
        let message = if update_request {
            format!("an update request (RFC 7592) must not carry `{name}`: it is set by the server")
        } else {
            format!(
                "`{name}` is a registration response member, but the document is a registration request (it has no `client_id`)"
            )
        };
        let diagnostic = ctx.report(&REQUEST_CARRIES_RESPONSE_MEMBER, span, ptr(name), message);
        if update_request {
            diagnostic.severity(Severity::Error);
        }
        diagnostic.help("remove it from the request; if this document is a registration response, add its `client_id` or force the role with `--role response`");
    }
}
