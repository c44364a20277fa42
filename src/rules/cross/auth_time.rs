//! XCS021: the client requires `auth_time` but the server's `claims_supported` does not list it.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS021: the client requires auth_time but the server's claims_supported does not list it.
pub static AUTH_TIME_NOT_LISTED: Rule = Rule {
    code: "XCS021",
    name: "auth-time-claim-not-listed",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client requires auth_time but the server's claims_supported does not list it",
    profile: None,
    docs: r#"## What it does
Reports a client with `"require_auth_time": true` paired with a server whose `claims_supported`
does not contain `auth_time`. A server without `claims_supported` is not reported (the list is
only recommended).

Reading chosen: an error, like any value a server list lacks (SPEC §4.7), although OpenID Connect
Discovery says `claims_supported` "might not be an exhaustive list": a server that enumerates the
claims it returns and leaves out `auth_time` is saying it does not return it. Lower it with
`--severity XCS021=warning` for a server known to return unlisted claims.

## Why is this bad?
With `require_auth_time`, the ID token MUST carry `auth_time` (OpenID Connect Registration §2), and
a client that enforces `default_max_age` or `max_age` rejects ID tokens without it (Core
§3.1.3.7 step 13). A server that does not list the claim may not issue it.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "require_auth_time": true }
```
against a server with `"claims_supported": ["sub", "iss", "name"]`.

## Use instead
Confirm the server issues `auth_time` (and list it in `claims_supported`), or drop
`require_auth_time` and request `max_age` per request.

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`require_auth_time`, default false)
- OpenID Connect Discovery 1.0 §3 (`claims_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let wanted = &client.require_auth_time;
    if !wanted.value {
        return;
    }
    let Some(claims) = server.list("claims_supported") else {
        return;
    };
    if claims.contains("auth_time") {
        return;
    }
    let (span, pointer) = super::client_at(ctx, wanted.client_location());
    let d = ctx.report(
        &AUTH_TIME_NOT_LISTED,
        span,
        pointer,
        "`require_auth_time` is true, but the server's `claims_supported` does not list `auth_time`",
    );
    d.help("check that the server issues `auth_time` in ID tokens");
    super::label_list(d, server, &claims);
}
