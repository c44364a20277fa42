//! XCS011: the default response mode of a client's response type is not one the server supports.

use std::sync::Arc;

use crate::cross::effective::{ClientEffective, default_response_mode, mode_can_carry};
use crate::cross::{Provenance, ServerDoc};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS011: the default response mode of a client's response type is not in the server's supported list.
pub static RESPONSE_MODE_UNSUPPORTED: Rule = Rule {
    code: "XCS011",
    name: "response-mode-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The default response mode of a client's response type is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
For each of the client's effective `response_types`, takes its default response mode — `query`
for `code` and `none`, `fragment` for any type that returns a token from the authorization
endpoint — and checks it against the server's effective `response_modes_supported` (its own,
else the RFC 8414 / OpenID Connect Discovery default `["query", "fragment"]`).

- No mode the server lists can carry the response (tokens never travel in the query, OAuth 2.0
  Multiple Response Types §3): error.
- The default mode is not listed but another one that can carry it is (`form_post`): warning —
  the client must ask for that mode explicitly with `response_mode`.

## Why is this bad?
The authorization response is delivered with the default mode unless the client requests another
one; a server that does not support it fails the request or cannot deliver the response.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "grant_types": ["authorization_code", "implicit"],
  "response_types": ["code id_token"] }
```
against a server with `"response_modes_supported": ["query"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "response_types": ["code"] }
```

## References
- OAuth 2.0 Multiple Response Type Encoding Practices §2.1, §3 (default modes), §5
- OAuth 2.0 Form Post Response Mode; JARM §2.3
- RFC 8414 §2 (`response_modes_supported`, default `["query", "fragment"]`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let types = &client.response_types;
    if !types.provenance.is_explicit() && !client.uses_authorization_endpoint() {
        return;
    }
    let Some(modes) = server.list("response_modes_supported") else {
        return;
    };
    for item in &types.items {
        let mode = default_response_mode(&item.value);
        if modes.contains(mode) {
            continue;
        }
        let alternative = modes.values.iter().find(|m| mode_can_carry(m, &item.value));
        let (span, pointer) = super::client_at(ctx, item.location.as_ref());
        let subject = super::item_subject("response_types", item, types);
        let d = ctx.report(
            &RESPONSE_MODE_UNSUPPORTED,
            span,
            pointer,
            format!(
                "{subject}, whose default response mode {mode:?} is not supported: {}",
                super::list_phrase(&modes).replace("does not list it", &format!("does not list {mode:?}"))
            ),
        );
        match alternative {
            Some(alt) => {
                d.severity(Severity::Warning).help(format!(
                    "send `response_mode={alt}` with every authorization request of type {:?}",
                    item.value
                ));
            }
            None => {
                d.help("use a response type whose response the server can deliver (`code` with `query`)");
            }
        }
        let file = Arc::clone(server.source());
        match &modes.provenance {
            Provenance::Server(l) => {
                d.related_in(
                    file,
                    l.span,
                    l.pointer.clone(),
                    format!("the server lists {}", modes.quoted()),
                );
            }
            _ => {
                d.related_in(
                    file,
                    server.object_anchor(),
                    "",
                    format!(
                        "no `response_modes_supported` here: the default [{}] applies",
                        modes.quoted()
                    ),
                );
            }
        }
    }
}
