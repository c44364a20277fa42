//! XCS019: the client requires pushed authorization requests but the server has no PAR endpoint.

use std::sync::Arc;

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS019: the client requires pushed authorization requests but the server has no PAR endpoint.
pub static PAR_ENDPOINT_MISSING: Rule = Rule {
    code: "XCS019",
    name: "par-endpoint-missing",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The client requires pushed authorization requests but the server has no PAR endpoint",
    profile: None,
    docs: r#"## What it does
Reports a client with `"require_pushed_authorization_requests": true` paired with a server that
has no `pushed_authorization_request_endpoint`. A warning: the server does not advertise PAR.

## Why is this bad?
The server must reject every authorization request of this client that was not pushed
(RFC 9126 §6); without a PAR endpoint the client has nowhere to push them, so no login works.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "require_pushed_authorization_requests": true }
```
against a server without `pushed_authorization_request_endpoint`.

## Use instead
Use a server that publishes `"pushed_authorization_request_endpoint"`, or drop the client member.

## References
- RFC 9126 §5 (`pushed_authorization_request_endpoint`), §6 (`require_pushed_authorization_requests`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let wanted = &client.require_pushed_authorization_requests;
    if !wanted.value || server.string("pushed_authorization_request_endpoint").is_some() {
        return;
    }
    let (span, pointer) = super::client_at(ctx, wanted.client_location());
    ctx.report(
        &PAR_ENDPOINT_MISSING,
        span,
        pointer,
        "`require_pushed_authorization_requests` is true, but the server does not advertise a `pushed_authorization_request_endpoint`",
    )
    .help("check that the server supports PAR (RFC 9126), or drop `require_pushed_authorization_requests`")
    .related_in(
        Arc::clone(server.source()),
        server.object_anchor(),
        "",
        "no `pushed_authorization_request_endpoint` in the server metadata",
    );
}
