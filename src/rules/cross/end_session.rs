//! XCS024: the client registers post-logout redirect URIs but the server has no end-session endpoint.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS024: the client registers post-logout redirect URIs but the server has no end_session_endpoint.
pub static END_SESSION_ENDPOINT_MISSING: Rule = Rule {
    code: "XCS024",
    name: "end-session-endpoint-missing",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The client registers post-logout redirect URIs but the server has no end_session_endpoint",
    profile: None,
    docs: r#"## What it does
Reports a client with `post_logout_redirect_uris` paired with a server that has no
`end_session_endpoint`. A warning: the server does not advertise RP-Initiated Logout.

## Why is this bad?
Post-logout redirect URIs are only used by RP-Initiated Logout at the server's
`end_session_endpoint`; without one the client has no way to log the user out at the server, and
the registered URIs are dead configuration.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "post_logout_redirect_uris": ["https://app.example/bye"] }
```
against a server without `end_session_endpoint`.

## Use instead
Use a server that publishes an `end_session_endpoint`, or remove `post_logout_redirect_uris`.

## References
- OpenID Connect RP-Initiated Logout 1.0 §2.1 (`end_session_endpoint`), §3.1 (`post_logout_redirect_uris`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let Some(uris) = &client.post_logout_redirect_uris else {
        return;
    };
    if uris.items.is_empty() || server.string("end_session_endpoint").is_some() {
        return;
    }
    let location = match &uris.provenance {
        crate::cross::Provenance::Client(l) => Some(l),
        _ => None,
    };
    let (span, pointer) = super::client_at(ctx, location);
    let d = ctx.report(
        &END_SESSION_ENDPOINT_MISSING,
        span,
        pointer,
        "`post_logout_redirect_uris` is set, but the server does not advertise an `end_session_endpoint`",
    );
    d.help("check that the server supports RP-Initiated Logout, or remove `post_logout_redirect_uris`");
    super::label_absent(d, server, "end_session_endpoint");
}
