//! CLI068: a registration response that issues a secret without `client_secret_expires_at`.

use super::present;
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI068: a registration response issues `client_secret` without `client_secret_expires_at`.
pub static RESPONSE_SECRET_EXPIRY_MISSING: Rule = Rule {
    code: "CLI068",
    name: "response-secret-expiry-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A registration response issues `client_secret` without `client_secret_expires_at`",
    profile: None,
    docs: r#"## What it does
In a registration response (role `response`), reports a `client_secret` without
`client_secret_expires_at`.

## Why is this bad?
RFC 7591 §3.2.1: `client_secret_expires_at` is "REQUIRED if `client_secret` is issued" — the time
the secret expires, or `0` if it does not. Without it the client cannot know when to rotate the
secret and learns only from failing token requests; client libraries that follow the RFC reject the
response.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "client_secret": "…",
  "client_id_issued_at": 2893256800,
  "redirect_uris": ["https://client.example.org/cb"]
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "client_secret": "…",
  "client_id_issued_at": 2893256800,
  "client_secret_expires_at": 0,
  "redirect_uris": ["https://client.example.org/cb"]
}
```

## References
- RFC 7591 §3.2.1 (`client_secret_expires_at`: "REQUIRED if `client_secret` is issued")
- OpenID Connect Dynamic Client Registration 1.0 §3.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Response) {
        return;
    }
    let obj = ctx.object();
    if !present(obj, "client_secret") || obj.contains("client_secret_expires_at") {
        return;
    }
    let Some(secret) = obj.member("client_secret") else {
        return;
    };
    ctx.report(
        &RESPONSE_SECRET_EXPIRY_MISSING,
        ctx.root.span,
        "",
        "the registration response issues a `client_secret` but has no `client_secret_expires_at`",
    )
    .related(secret.name_span, ptr("client_secret"), "the secret is issued here")
    .help("add `client_secret_expires_at`: the expiry time in seconds since the epoch, or 0 if the secret does not expire");
}
