//! CLI006: a native client's loopback redirect URI names `localhost` instead of an IP literal.

use super::model::{AppType, Client, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI006: a native client's loopback redirect URI uses `localhost` instead of `127.0.0.1` or `[::1]`.
pub static NATIVE_LOCALHOST_REDIRECT: Rule = Rule {
    code: "CLI006",
    name: "native-localhost-redirect",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A native client's loopback redirect URI uses `localhost` instead of `127.0.0.1` or `[::1]`",
    profile: None,
    docs: r#"## What it does
For native clients (`application_type: "native"`), reports elements of `redirect_uris` and
`post_logout_redirect_uris` of the form `http://localhost…` (or `http://*.localhost…`).

Web clients are not reported: a web application under development commonly runs on
`http://localhost`, and RFC 8252 is about native apps.

## Why is this bad?
RFC 8252 §8.3: "While redirect URIs using localhost (i.e., `http://localhost:{port}/{path}`)
function similarly to loopback IP redirects described in Section 7.3, the use of localhost is NOT
RECOMMENDED. Specifying a redirect URI with the loopback IP literal rather than localhost avoids
inadvertently listening on network interfaces other than the loopback interface. It is also less
susceptible to client-side firewalls and misconfigured host name resolution on the user's device."

## Example
```json
{ "application_type": "native", "redirect_uris": ["http://localhost:8080/callback"] }
```

## Use instead
```json
{ "application_type": "native", "redirect_uris": ["http://127.0.0.1:8080/callback"] }
```

## References
- RFC 8252 §7.3, §8.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.app_type != AppType::Native {
        return;
    }
    for target in client.sound_redirects() {
        if target.kind == UriKind::Http && target.is_localhost_name() {
            ctx.report(
                &NATIVE_LOCALHOST_REDIRECT,
                target.node.span,
                target.pointer(),
                format!(
                    "{} uses the name `localhost`: \"{}\"",
                    target.member.noun(),
                    target.value
                ),
            )
            .help("use the loopback IP literal `127.0.0.1` (or `[::1]`) and listen on that interface only");
        }
    }
}
