//! CLI010: a native client's loopback redirect URI uses https.

use super::model::{AppType, Client, RedirectMember, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI010: a native client's loopback redirect URI uses https.
pub static NATIVE_HTTPS_LOOPBACK: Rule = Rule {
    code: "CLI010",
    name: "native-https-loopback",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A native client's loopback redirect URI uses https",
    profile: None,
    docs: r#"## What it does
For native clients (`application_type: "native"`), reports elements of `redirect_uris` and
`post_logout_redirect_uris` that use `https` on a loopback host (`https://127.0.0.1:…`,
`https://[::1]…`, `https://localhost…`).

The finding is an **error** for `redirect_uris`: OpenID Connect Registration §2 (errata set 2)
says native clients "MUST only register `redirect_uris` using custom URI schemes or loopback URLs
using the `http` scheme", and an https loopback URL is neither. The RFC 8252 §7.2 reading that lets
`CLI004` accept claimed https URLs of native apps does not apply: a loopback address or `localhost`
cannot be claimed by an app (App Links and Universal Links verify a domain). It stays a warning for
`post_logout_redirect_uris`, which that sentence does not cover.

Web clients are not reported: a web application under development may well serve
`https://localhost` with a locally trusted certificate.

## Why is this bad?
RFC 8252 §7.3: "Loopback redirect URIs use the `http` scheme and are constructed with the loopback
IP literal and whatever port the client is listening on." No public certificate authority issues a
certificate for `127.0.0.1`, so a native app listening with TLS there needs a certificate the
browser distrusts, and the redirect fails with a certificate warning. TLS adds nothing on the
loopback interface, since the request never leaves the device (RFC 8252 §8.3).

## Example
```json
{ "application_type": "native", "redirect_uris": ["https://127.0.0.1:8443/callback"] }
```

## Use instead
```json
{ "application_type": "native", "redirect_uris": ["http://127.0.0.1:8443/callback"] }
```

## References
- RFC 8252 §7.2, §7.3, §8.3
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`application_type`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.app_type != AppType::Native {
        return;
    }
    for target in client.sound_redirects() {
        if target.kind == UriKind::Https && target.is_loopback() {
            let redirect = target.member == RedirectMember::Redirect;
            let finding = ctx
                .report(
                    &NATIVE_HTTPS_LOOPBACK,
                    target.node.span,
                    target.pointer(),
                    format!(
                        "{} uses https on the loopback interface: \"{}\"",
                        target.member.noun(),
                        target.value
                    ),
                )
                .help(if redirect {
                    "native clients may only register private-use schemes or loopback http URLs (OpenID Connect \
                     Registration §2); use `http://127.0.0.1:<port>/…`"
                } else {
                    "loopback redirects of native apps use http (RFC 8252 §7.3); use `http://127.0.0.1:<port>/…`"
                });
            if redirect {
                finding.severity(Severity::Error);
            }
        }
    }
}
