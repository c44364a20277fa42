//! CLI076: a static configuration whose `client_id` is an http URL.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI076: `client_id` is an http URL (a fetchable client identifier must be https).
pub static CLIENT_ID_HTTP_URL: Rule = Rule {
    code: "CLI076",
    name: "client-id-http-url",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`client_id` is an http URL (a fetchable client identifier must be https)",
    profile: None,
    docs: r#"## What it does
Reports a `client_id` that starts with `http://` (such a document is detected as a static
configuration, role `config`; with `https://` it would be a Client ID Metadata Document).

## Why is this bad?
A URL-shaped client identifier is meant to be fetched: a Client ID Metadata Document's
`client_id` "MUST use the https URL scheme" (draft §3), and OpenID Federation entity identifiers are
https URLs too. An http one cannot be used for either, and a server that did fetch it would trust
metadata anyone on the path can rewrite. An opaque identifier would not look like a URL at all.

## Example
```json
{
  "client_id": "http://rp.example.org/oauth/client.json",
  "redirect_uris": ["https://rp.example.org/cb"],
  "token_endpoint_auth_method": "none"
}
```

## Use instead
```json
{
  "client_id": "https://rp.example.org/oauth/client.json",
  "redirect_uris": ["https://rp.example.org/cb"],
  "token_endpoint_auth_method": "none"
}
```

## References
- draft-ietf-oauth-client-id-metadata-document-02 §3 (Client Identifier URL: "MUST use the https URL scheme")
- OpenID Federation 1.0 §1.2 (Entity Identifier: an https URL)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Config) {
        return;
    }
    let obj = ctx.object();
    let Some((node, value)) = str_member(obj, "client_id") else {
        return;
    };
    if !value.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("http://")) {
        return;
    }
    ctx.report(
        &CLIENT_ID_HTTP_URL,
        node.span,
        ptr("client_id"),
        format!("`client_id` is an http URL: {value:?}"),
    )
    .help("use the https URL if the identifier is fetched (Client ID Metadata Document, OpenID Federation entity), or an opaque identifier");
}
