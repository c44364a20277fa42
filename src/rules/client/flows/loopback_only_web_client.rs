//! CLI009: a web client whose redirect URIs are all http loopback URLs.

use super::model::{AppType, Client, RedirectMember, UriKind};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI009: a web client's redirect URIs are all http loopback URLs: a native app, or a development set-up.
pub static LOOPBACK_ONLY_WEB_CLIENT: Rule = Rule {
    code: "CLI009",
    name: "loopback-only-web-client",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A web client's redirect URIs are all http loopback URLs: a native app, or a development set-up",
    profile: None,
    docs: r#"## What it does
For web clients (`application_type` absent or `"web"`), reports `redirect_uris` when every element
is an http URL on a loopback host (`127.0.0.1`, `[::1]`, `localhost`). Reported once: at the first
element that names `localhost` (RFC 8252 §8.3 prefers the IP literal), else at the array.

## Why is this bad?
It is often intentional: a web application under development runs on `http://localhost`. But a
client whose only redirect URIs are loopback URLs is usually a native app (a desktop or command
line tool, an MCP client) that forgot `application_type: "native"`. The declared type matters to
servers: RFC 9700 §2.6 only allows http redirect URIs for "native clients that use Loopback
Interface Redirection", OpenID Connect Registration §2 lets servers reject http redirect URIs of
web clients, and the rule that servers accept any port on a loopback redirect URI (RFC 8252 §7.3)
is a native-app rule.

## Example
```json
{ "client_name": "CLI tool", "redirect_uris": ["http://127.0.0.1:8400/callback"], "token_endpoint_auth_method": "none" }
```

## Use instead
```json
{ "client_name": "CLI tool", "application_type": "native", "redirect_uris": ["http://127.0.0.1:8400/callback"], "token_endpoint_auth_method": "none" }
```

## References
- RFC 8252 §7.3, §8.3; RFC 9700 §2.6
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`application_type`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.app_type != AppType::Web {
        return;
    }
    let targets: Vec<_> = client.redirects_of(RedirectMember::Redirect).collect();
    if targets.is_empty() || !targets.iter().all(|t| t.kind == UriKind::Http && t.is_loopback()) {
        return;
    }
    let Some(node) = ctx.object().get("redirect_uris") else {
        return;
    };
    let declared = if client.app_type_explicit {
        "`application_type` is \"web\""
    } else {
        "`application_type` defaults to \"web\""
    };
    // Point at the first `localhost` redirect URI when there is one: it is the one to change.
    let (span, pointer, message) = match targets.iter().find(|t| t.is_localhost_name()) {
        Some(t) => (
            t.node.span,
            t.pointer(),
            format!(
                "every redirect URI is an http loopback URL, but {declared}; and \"{}\" names `localhost` rather than a loopback IP",
                t.value
            ),
        ),
        None => (
            node.span,
            util::ptr("redirect_uris"),
            format!("every redirect URI is an http loopback URL, but {declared}"),
        ),
    };
    ctx.report(&LOOPBACK_ONLY_WEB_CLIENT, span, pointer, message).help(
        "if this is a native app (desktop, command line, MCP client), set `application_type` to \"native\" and \
         use `127.0.0.1` rather than `localhost` (RFC 8252 §8.3)",
    );
}
