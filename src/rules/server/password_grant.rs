//! SRV025: the resource owner password credentials grant.

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV025: `grant_types_supported` offers the resource owner password credentials grant.
pub static PASSWORD_GRANT: Rule = Rule {
    code: "SRV025",
    name: "password-grant-supported",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "`grant_types_supported` offers the resource owner password credentials grant",
    profile: None,
    docs: r#"## What it does
Reports `password` in `grant_types_supported`.

## Why is this bad?
"The resource owner password credentials grant [RFC6749] MUST NOT be used" (RFC 9700 §2.4): the
client sees the user's password, the grant cannot carry multi-factor or federated
authentication, and it trains users to type their password into third-party applications. OAuth
2.1 removes it. The Security BCP is a best current practice rather than a change to RFC 6749,
which is why this is a warning.

## Example
```json
{ "grant_types_supported": ["authorization_code", "password", "refresh_token"] }
```

## Use instead
```json
{ "grant_types_supported": ["authorization_code", "refresh_token"] }
```

## References
- RFC 9700 §2.4
- RFC 6749 §4.3, §10.7
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "grant_types_supported") else {
        return;
    };
    for (index, node, grant) in items {
        if grant == "password" {
            ctx.report(
                &PASSWORD_GRANT,
                node.span,
                ptr_index("grant_types_supported", index),
                "`grant_types_supported` offers the password grant",
            )
            .help("remove `password`; use the authorization code grant with PKCE (or the device grant for input-constrained devices)");
        }
    }
}
