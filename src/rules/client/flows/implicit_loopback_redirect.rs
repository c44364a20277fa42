//! CLI005: a web client using the implicit or hybrid flow registers a loopback redirect URI.

use super::model::{AppType, Client, RedirectMember, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI005: a web client using the implicit or hybrid flow registers an http or `localhost` redirect URI.
pub static IMPLICIT_LOOPBACK_REDIRECT: Rule = Rule {
    code: "CLI005",
    name: "implicit-loopback-redirect",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A web client using the implicit or hybrid flow registers an http or `localhost` redirect URI",
    profile: None,
    docs: r#"## What it does
For a web client (`application_type` absent or `"web"`) that uses the implicit grant — the
`implicit` grant type, or a response type returning `token` or `id_token` from the authorization
endpoint (`token`, `id_token`, `id_token token` and the hybrid `code id_token`, `code token`,
`code id_token token`, which OpenID Connect Registration §2 ties to the `implicit` grant type) —
reports each element of `redirect_uris` that:
- uses `http` on a loopback host (`http://127.0.0.1/…`, `http://localhost/…`), or
- has the host name `localhost` (or `*.localhost`), whatever the scheme.

http on a remote host is `CLI004`'s finding.

## Why is this bad?
OpenID Connect Registration §2: "Web Clients using the OAuth Implicit Grant Type MUST only register
URLs using the `https` scheme as `redirect_uris`; they MUST NOT use `localhost` as the hostname."
Tokens returned in the front channel to whatever answers on the user's machine are exposed to any
local process listening on that port.

## Example
```json
{ "response_types": ["code id_token"], "grant_types": ["authorization_code", "implicit"], "redirect_uris": ["http://localhost:3000/callback"] }
```

## Use instead
```json
{ "response_types": ["code"], "grant_types": ["authorization_code"], "redirect_uris": ["http://localhost:3000/callback"] }
```
or keep the hybrid flow with an https redirect URI on a real host name.

## References
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`application_type`, `grant_types` table)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.app_type != AppType::Web || !client.uses_implicit() {
        return;
    }
    for target in client
        .sound_redirects()
        .filter(|t| t.member == RedirectMember::Redirect)
    {
        let http_loopback = target.kind == UriKind::Http && target.is_loopback();
        let localhost_name = matches!(target.kind, UriKind::Http | UriKind::Https) && target.is_localhost_name();
        if !http_loopback && !localhost_name {
            continue;
        }
        let what = if http_loopback {
            "an http loopback"
        } else {
            "a `localhost`"
        };
        ctx.report(
            &IMPLICIT_LOOPBACK_REDIRECT,
            target.node.span,
            target.pointer(),
            format!(
                "the client uses the implicit or hybrid flow, which forbids {what} redirect URI: \"{}\"",
                target.value
            ),
        )
        .help("register an https redirect URI on a real host name, or switch to the `code` response type");
    }
}
