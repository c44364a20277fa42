//! CLI024: the resource owner password credentials grant.

use super::model::Client;
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI024: the client uses the resource owner password credentials grant.
pub static PASSWORD_GRANT: Rule = Rule {
    code: "CLI024",
    name: "password-grant",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "The client uses the resource owner password credentials grant",
    profile: None,
    docs: r#"## What it does
Reports the `password` element of `grant_types`.

## Why is this bad?
RFC 9700 §2.4: "The resource owner password credentials grant MUST NOT be used. This grant type
insecurely exposes the credentials of the resource owner to the client." The user types their
password into the client, which defeats the point of OAuth, trains users to enter credentials
outside the authorization server, and cannot work with multi-factor authentication or passkeys.
OAuth 2.1 removes the grant. RFC 9700 is a Best Current Practice, hence a warning.

## Example
```json
{ "grant_types": ["password", "refresh_token"] }
```

## Use instead
```json
{ "grant_types": ["authorization_code", "refresh_token"], "redirect_uris": ["https://app.example/cb"] }
```
(with PKCE), or the device grant for input-constrained devices.

## References
- RFC 9700 §2.4; RFC 6749 §4.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    let Some((_, grants)) = &client.grant_types else {
        return;
    };
    for (index, node, value) in grants {
        if *value == "password" {
            ctx.report(
                &PASSWORD_GRANT,
                node.span,
                util::ptr_index("grant_types", *index),
                "the resource owner password credentials grant (\"password\") must not be used",
            )
            .help("use the authorization code grant with PKCE (or the device grant on devices without a browser)");
        }
    }
}
