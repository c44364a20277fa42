//! XCS014: a scope of the client is not in the server's `scopes_supported` (info).

use std::sync::Arc;

use crate::cross::effective::ClientEffective;
use crate::cross::{Provenance, ServerDoc};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS014: a scope of the client is not in the server's scopes_supported.
pub static SCOPE_NOT_LISTED: Rule = Rule {
    code: "XCS014",
    name: "scope-not-listed",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A scope of the client is not in the server's scopes_supported",
    profile: None,
    docs: r#"## What it does
Checks each space-separated token of the client's `scope` against the server's
`scopes_supported`, when the server publishes that list. A server without the list is not
reported: it is optional, and most servers omit it.

## Why is this bad?
Often it is not: RFC 8414 lets a server leave scopes it supports out of `scopes_supported`, which
is why this is information. But a scope the server really does not know is dropped from the
grant (RFC 6749 §3.3) or fails the request (`invalid_scope`), and a typo (`profle`) is only
visible here.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "scope": "openid profle" }
```
against a server with `"scopes_supported": ["openid", "profile", "email"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "scope": "openid profile" }
```

## References
- RFC 7591 §2 (`scope`); RFC 8414 §2 (`scopes_supported`: "Servers MAY choose not to advertise
  some supported scope values")
- OpenID Connect Discovery 1.0 §3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let Some(scope) = &client.scope else { return };
    let Some(list) = server.list("scopes_supported") else {
        return;
    };
    for item in &scope.items {
        if list.contains(&item.value) {
            continue;
        }
        let (span, pointer) = super::client_at(ctx, item.location.as_ref());
        let d = ctx.report(
            &SCOPE_NOT_LISTED,
            span,
            pointer,
            format!(
                "scope {:?} is not in the server's `scopes_supported` (servers may support unlisted scopes)",
                item.value
            ),
        );
        match crate::rules::doc::closest_value(&item.value, list.values.iter().map(String::as_str)) {
            Some(s) => d.help(format!("did you mean {s:?}?")),
            None => d.help("check the server's documentation for this scope"),
        };
        if let Provenance::Server(l) = &list.provenance {
            d.related_in(
                Arc::clone(server.source()),
                l.span,
                l.pointer.clone(),
                format!("the server lists {}", list.quoted()),
            );
        }
    }
}
