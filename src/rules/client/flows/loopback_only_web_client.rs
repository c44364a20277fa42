//! CLI009: a web client whose redirect URIs are all http loopback URLs.

use super::model::{AppType, Client, RedirectMember, UriKind};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

pub static LOOPBACK_ONLY_WEB_CLIENT: Rule = Rule {
    code: "CLI009",
    name: "loopback-only-web-client",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A web client's redirect URIs are all http loopback URLs: a native app, or a development set-up",
    profile: None,
    docs: r#"## What it does
For web clients (`application_type` absent or `"web"`), reports `redirect_uris` when every element
is an http URL on a loopback host (`127.0.0.1`, `[::1]`, `localhost`). Reported once, on the array.

## Why is this bad?
It is often intentional: a web application under development runs on `http://localhost`. But a
client whose only redirect URIs are loopback URLs is usually a native app (a desktop or command
line tool, an MCP client) that forgot `application_type: "native"`. The declared type matters to
servers: RFC 9700 §2.6 only allows http redirect URIs for "native clients that use Loopback
Interface Redirection", OpenID Connect Registration §2 lets servers reject http redirect URIs of
web clients, and RFC 8252 §7.3 makes servers accept any port on loopback redirect URIs only for
native apps.

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
    let mut targets = client.redirects_of(RedirectMember::Redirect).peekable();
    if targets.peek().is_none() || !targets.all(|t| t.kind == UriKind::Http && t.is_loopback()) {
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
    ctx.report(
        &LOOPBACK_ONLY_WEB_CLIENT,
        node.span,
        util::ptr("redirect_uris"),
        format!("every redirect URI is an http loopback URL, but {declared}"),
    )
    .help("if this is a native app (desktop, command line, MCP client), set `application_type` to \"native\"");
}
