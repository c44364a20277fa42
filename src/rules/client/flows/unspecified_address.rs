//! CLI014: a redirect URI on the unspecified address `0.0.0.0` or `[::]`.

use super::model::Client;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI014: a redirect URI's host is the unspecified address `0.0.0.0` or `[::]`.
pub static UNSPECIFIED_ADDRESS_REDIRECT: Rule = Rule {
    code: "CLI014",
    name: "unspecified-address-redirect",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A redirect URI's host is the unspecified address `0.0.0.0` or `[::]`",
    profile: None,
    docs: r#"## What it does
Reports elements of `redirect_uris` and `post_logout_redirect_uris` whose host is `0.0.0.0` or
`[::]`.

## Why is this bad?
The unspecified address means "every interface" to a server that binds a socket; as a destination
it names no host. Some systems happen to route it to the local machine, others refuse it, and
browsers are closing the gap (requests to `0.0.0.0` are being blocked as private-network access).
It is usually a development server's bind address copied into the registration. A native app's
loopback redirect uses `127.0.0.1` or `[::1]` (RFC 8252 §7.3, §8.3); a web client uses its real
host name.

## Example
```json
{ "redirect_uris": ["https://0.0.0.0:8443/callback"] }
```

## Use instead
```json
{ "redirect_uris": ["https://127.0.0.1:8443/callback"] }
```

## References
- RFC 8252 §7.3, §8.3
- RFC 6890 §2.2.2 (`0.0.0.0/8`: "This host on this network", source only); RFC 4291 §2.5.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    for target in client.sound_redirects() {
        if target.is_unspecified_host() {
            ctx.report(
                &UNSPECIFIED_ADDRESS_REDIRECT,
                target.node.span,
                target.pointer(),
                format!(
                    "{} uses the unspecified address as its host: \"{}\"",
                    target.member.noun(),
                    target.value
                ),
            )
            .help("use `127.0.0.1` (or `[::1]`) for a loopback redirect, or the client's real host name");
        }
    }
}
