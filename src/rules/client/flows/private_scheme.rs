//! CLI007: a private-use URI scheme that is not a reverse domain name.

use super::model::{Client, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI007: a private-use redirect URI scheme is not in reverse domain name form.
pub static PRIVATE_SCHEME_NOT_REVERSE_DOMAIN: Rule = Rule {
    code: "CLI007",
    name: "private-scheme-not-reverse-domain",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "A private-use redirect URI scheme is not in reverse domain name form",
    profile: None,
    docs: r#"## What it does
Reports elements of `redirect_uris` and `post_logout_redirect_uris` whose scheme is a private-use
("custom") scheme without a period, such as `myapp:/callback`. Schemes in reverse domain name
form (`com.example.app:/callback`) pass; whether the domain is really the publisher's cannot be
checked offline.

Not considered private-use: `http`, `https`, `urn`, and the browser-internal schemes of `CLI003`.

## Why is this bad?
Any app on the device can register the same scheme and receive the authorization response meant
for yours. RFC 8252 §7.1: "apps MUST use a URI scheme based on a domain name under their control,
expressed in reverse order … A URI scheme such as `myapp`, however, would not meet this
requirement, as it is not based on a domain name." §8.4 asks authorization servers to reject at
least the schemes without a period. RFC 8252 is a Best Current Practice, hence a warning.

## Example
```json
{ "application_type": "native", "redirect_uris": ["myapp:/oauth2redirect"] }
```

## Use instead
```json
{ "application_type": "native", "redirect_uris": ["com.example.app:/oauth2redirect"] }
```

## References
- RFC 8252 §7.1, §8.4; RFC 7595 §3.8
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    for target in client.sound_redirects() {
        if target.kind != UriKind::PrivateUse || target.scheme.contains('.') {
            continue;
        }
        ctx.report(
            &PRIVATE_SCHEME_NOT_REVERSE_DOMAIN,
            target.node.span,
            target.pointer(),
            format!(
                "{} uses the private-use scheme `{}:`, which is not a reverse domain name: \"{}\"",
                target.member.noun(),
                target.scheme,
                target.value
            ),
        )
        .help("use a scheme made from a domain you control, reversed (`com.example.app:/callback`)");
    }
}
