//! XCS017: the client wants DPoP-bound access tokens from a server that does not advertise DPoP.

use std::sync::Arc;

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS017: the client requires DPoP-bound access tokens but the server does not advertise DPoP.
pub static DPOP_NOT_ADVERTISED: Rule = Rule {
    code: "XCS017",
    name: "dpop-not-advertised",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The client requires DPoP-bound access tokens but the server does not advertise DPoP",
    profile: None,
    docs: r#"## What it does
Reports a client with `"dpop_bound_access_tokens": true` paired with a server that has no
(or an empty) `dpop_signing_alg_values_supported`, the member by which a server advertises DPoP.
A warning, not an error: the metadata says nothing, it does not say "unsupported".

## Why is this bad?
A client registered with `dpop_bound_access_tokens` must always use DPoP, and the server must
reject its token requests without a DPoP proof (RFC 9449 §5.2). If the server does not implement
DPoP, no token request can succeed.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "dpop_bound_access_tokens": true }
```
against a server without `dpop_signing_alg_values_supported`.

## Use instead
Use a server that publishes `"dpop_signing_alg_values_supported": ["ES256", "PS256"]`, or drop
`dpop_bound_access_tokens`.

## References
- RFC 9449 §5.1 (`dpop_signing_alg_values_supported`), §5.2 (`dpop_bound_access_tokens`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let wanted = &client.dpop_bound_access_tokens;
    if !wanted.value {
        return;
    }
    if server
        .list("dpop_signing_alg_values_supported")
        .is_some_and(|l| !l.values.is_empty())
    {
        return;
    }
    let (span, pointer) = super::client_at(ctx, wanted.client_location());
    let d = ctx.report(
        &DPOP_NOT_ADVERTISED,
        span,
        pointer,
        "`dpop_bound_access_tokens` is true, but the server does not advertise DPoP (no `dpop_signing_alg_values_supported`)",
    );
    d.help("check that the server implements DPoP (RFC 9449), or drop `dpop_bound_access_tokens`");
    match server.location("dpop_signing_alg_values_supported") {
        Some(l) => d.related_in(Arc::clone(server.source()), l.span, l.pointer, "an empty list"),
        None => d.related_in(
            Arc::clone(server.source()),
            server.object_anchor(),
            "",
            "no `dpop_signing_alg_values_supported` in the server metadata",
        ),
    };
}
