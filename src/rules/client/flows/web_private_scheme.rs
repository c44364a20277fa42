//! CLI008: a web client registers a private-use scheme redirect URI.

use super::model::{AppType, Client, RedirectMember, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI008: a web client registers a private-use scheme redirect URI (a native app redirect).
pub static WEB_CLIENT_PRIVATE_SCHEME: Rule = Rule {
    code: "CLI008",
    name: "web-client-private-scheme",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A web client registers a private-use scheme redirect URI (a native app redirect)",
    profile: None,
    docs: r#"## What it does
For web clients (`application_type` absent — it defaults to `web` — or `"web"`), reports elements
of `redirect_uris` and `post_logout_redirect_uris` with a private-use scheme
(`com.example.app:/callback`).

The finding is an **error** for `redirect_uris` when the client uses the implicit or hybrid flow:
OpenID Connect Registration §2 requires https redirect URIs of such web clients.

## Why is this bad?
Private-use schemes are how native apps receive redirects (RFC 8252 §7.1); a web application
cannot. A web client with such a redirect URI is almost always a native app registered without
`application_type: "native"`, which matters: servers apply the native rules (loopback ports, no
client secret, PKCE) and the web rules (https only, `localhost` rules) according to that member,
and OpenID Connect Registration §2 lets servers reject redirect URIs that do not fit the declared
type ("This prevents sharing a Client ID across different types of Clients").

## Example
```json
{ "redirect_uris": ["com.example.app:/callback"] }
```

## Use instead
```json
{ "application_type": "native", "redirect_uris": ["com.example.app:/callback"] }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`application_type`)
- RFC 8252 §7.1, §8.4
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.app_type != AppType::Web {
        return;
    }
    let implicit = client.uses_implicit();
    let declared = if client.app_type_explicit {
        "a web client"
    } else {
        "a web client (`application_type` defaults to \"web\")"
    };
    for target in client.sound_redirects() {
        if target.kind != UriKind::PrivateUse {
            continue;
        }
        let diagnostic = ctx.report(
            &WEB_CLIENT_PRIVATE_SCHEME,
            target.node.span,
            target.pointer(),
            format!(
                "{declared} registers a private-use scheme {}: \"{}\"",
                target.member.noun(),
                target.value
            ),
        );
        if implicit && target.member == RedirectMember::Redirect {
            diagnostic
                .severity(Severity::Error)
                .help("web clients using the implicit or hybrid flow must register https redirect URIs; if this is a native app, set `application_type` to \"native\" and use the `code` flow");
        } else {
            diagnostic.help("if this is a native app, set `application_type` to \"native\"");
        }
    }
}
