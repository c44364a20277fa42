//! XCS010: a response type of the client is not one the server supports (compared as token sets).

use std::collections::BTreeSet;

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS010: a response type of the client is not in the server's supported list.
pub static RESPONSE_TYPE_UNSUPPORTED: Rule = Rule {
    code: "XCS010",
    name: "response-type-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A response type of the client is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks each of the client's effective `response_types` (its own, else the RFC 7591 default
`["code"]`) against the server's `response_types_supported`. A response type is an unordered set
of space-separated tokens (RFC 6749 §3.1.1), so `"id_token code"` matches `"code id_token"`. The
default `["code"]` is checked only when the client uses the authorization endpoint. A server
without `response_types_supported` (which RFC 8414 requires) gets a warning.

## Why is this bad?
The authorization endpoint answers `unsupported_response_type` to every request with a response
type it does not support: the client cannot log anyone in.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "grant_types": ["authorization_code", "implicit"],
  "response_types": ["code id_token"] }
```
against a server with `"response_types_supported": ["code"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "grant_types": ["authorization_code"],
  "response_types": ["code"] }
```

## References
- RFC 7591 §2 (`response_types`, default `code`)
- RFC 8414 §2 (`response_types_supported`); RFC 6749 §3.1.1 (order of tokens does not matter)
- OAuth 2.0 Multiple Response Type Encoding Practices §3
"#,
};

/// A response type as its set of tokens.
pub(super) fn token_set(response_type: &str) -> BTreeSet<&str> {
    response_type.split(' ').filter(|t| !t.is_empty()).collect()
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let types = &client.response_types;
    if !types.provenance.is_explicit() && !client.uses_authorization_endpoint() {
        return;
    }
    let list = server.list("response_types_supported");
    // Each listed spelling by its token set (the first one listed), built once: a hostile server
    // can list 300,000 response types.
    let mut listed: std::collections::HashMap<BTreeSet<&str>, &String> = std::collections::HashMap::new();
    for v in list.iter().flat_map(|l| &l.values) {
        listed.entry(token_set(v)).or_insert(v);
    }
    for item in &types.items {
        let subject = super::item_subject("response_types", item, types);
        // Match as token sets: report against the listed spelling when only the order differs.
        let wanted = token_set(&item.value);
        let value = listed.get(&wanted).map_or_else(|| item.value.clone(), |v| (*v).clone());
        let absent = list.is_none();
        if super::check_listed(
            ctx,
            &RESPONSE_TYPE_UNSUPPORTED,
            server,
            item.location.as_ref(),
            &subject,
            &value,
            "response_types_supported",
            "use a response type the server supports (`code` everywhere)",
        )
        .is_some()
            && absent
        {
            return;
        }
    }
}
