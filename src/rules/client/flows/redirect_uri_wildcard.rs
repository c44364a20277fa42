//! CLI011: a redirect URI with a `*` wildcard.

use super::model::{Client, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI011: a redirect URI contains a `*` wildcard.
pub static REDIRECT_URI_WILDCARD: Rule = Rule {
    code: "CLI011",
    name: "redirect-uri-wildcard",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "A redirect URI contains a `*` wildcard",
    profile: None,
    docs: r#"## What it does
Reports elements of `redirect_uris` and `post_logout_redirect_uris` with a `*` in the part before
the query (`https://*.app.example/callback`, `https://app.example/*`).

## Why is this bad?
Registered redirect URIs are compared with the requested one by exact string comparison:
RFC 9700 §2.1 ("authorization servers MUST utilize exact string matching except for port numbers
in `localhost` redirection URIs of native apps") and OpenID Connect Registration §2. A server that
complies treats the `*` as a literal character, so the registration matches nothing. A server that
honours patterns is exposed to the attacks RFC 9700 §4.1.1 describes, starting with exactly this
example: `https://*.somesite.example/*` also matches an attacker's host or path, which then
receives the authorization code.

## Example
```json
{ "redirect_uris": ["https://*.app.example/callback"] }
```

## Use instead
```json
{ "redirect_uris": ["https://eu.app.example/callback", "https://us.app.example/callback"] }
```

## References
- RFC 9700 §2.1, §4.1.1, §4.1.3
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`redirect_uris`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    for target in &client.redirects {
        if !target.has_wildcard() || target.kind == UriKind::Dangerous || target.has_forbidden_fragment() {
            continue;
        }
        ctx.report(
            &REDIRECT_URI_WILDCARD,
            target.node.span,
            target.pointer(),
            format!("{} contains a wildcard: \"{}\"", target.member.noun(), target.value),
        )
        .help("register every redirect URI in full; servers compare them by exact string matching");
    }
}
