//! CLI003: a redirect URI with a scheme that never names an endpoint of the client.

use super::model::{Client, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI003: a redirect URI uses `javascript:`, `data:`, `file:` or another browser-internal scheme.
pub static DANGEROUS_REDIRECT_SCHEME: Rule = Rule {
    code: "CLI003",
    name: "dangerous-redirect-scheme",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A redirect URI uses `javascript:`, `data:`, `file:` or another browser-internal scheme",
    profile: None,
    docs: r#"## What it does
Reports elements of `redirect_uris` and `post_logout_redirect_uris` whose scheme is
`javascript`, `data`, `file`, `vbscript`, `about` or `blob` (compared case-insensitively).

## Why is this bad?
A redirect URI names the client's redirection endpoint (RFC 6749 §3.1.2): a place the
authorization server sends the browser back to with the response. These schemes name no such
place: browsers refuse to follow an HTTP redirect to them, so the flow cannot complete. Where the
server delivers the response some other way (a `form_post` page, a script-driven redirect), a
`javascript:` or `data:` target runs attacker-chosen content in the server's origin, which is why
registering one is a classic attack on servers that accept any absolute URI. Native apps use a
private-use scheme of their own (RFC 8252 §7.1) instead.

## Example
```json
{ "redirect_uris": ["javascript:alert(document.domain)//"] }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/callback"] }
```

## References
- RFC 6749 §3.1.2 (the redirection endpoint is the client's)
- RFC 8252 §7.1 (private-use URI schemes for native apps)
- RFC 9700 §4.1 (insufficient redirect URI validation)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    for target in &client.redirects {
        if target.kind != UriKind::Dangerous {
            continue;
        }
        ctx.report(
            &DANGEROUS_REDIRECT_SCHEME,
            target.node.span,
            target.pointer(),
            format!(
                "{} uses the `{}:` scheme, which cannot be a redirection endpoint: \"{}\"",
                target.member.noun(),
                target.scheme,
                target.value
            ),
        )
        .help("use an https URL of the client (web apps), or a private-use scheme or loopback URL (native apps)");
    }
}
