//! CLI075: a Client Identifier URL with a query or the root path.

use super::cimd_client_id::split_url;
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI075: the `client_id` of a Client ID Metadata Document has a query or is the site root.
pub static CIMD_CLIENT_ID_DISCOURAGED: Rule = Rule {
    code: "CLI075",
    name: "cimd-client-id-discouraged",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "The `client_id` of a Client ID Metadata Document has a query or is the site root",
    profile: None,
    docs: r#"## What it does
In a Client ID Metadata Document (role `cimd`), reports a `client_id` that contains a query
component, or whose path is just `/`.

## Why is this bad?
The draft says a Client Identifier URL "SHOULD NOT contain a query component" — query strings are
easily reordered or re-encoded by tooling, and the URL is compared as a plain string — and calls the
path `/` "NOT RECOMMENDED", "since the Client ID Metadata Document would then be served at the root
of the domain, conflicting with existing content that may be published there".

## Example
```json
{
  "client_id": "https://app.example.com/?client=web",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "none"
}
```

## Use instead
```json
{
  "client_id": "https://app.example.com/oauth/client-web.json",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "none"
}
```

## References
- draft-ietf-oauth-client-id-metadata-document-02 §3 ("SHOULD NOT contain a query component";
  "Using a path of / … is NOT RECOMMENDED")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Cimd) {
        return;
    }
    let obj = ctx.object();
    let Some((node, value)) = str_member(obj, "client_id") else {
        return;
    };
    let Some(raw) = split_url(value) else {
        return;
    };
    let mut problems = Vec::new();
    if raw.path == "/" {
        problems.push("has the path `/`: the document would be served at the root of the site");
    }
    if raw.query.is_some() {
        problems.push("contains a query component");
    }
    let span = node.span;
    for problem in problems {
        ctx.report(
            &CIMD_CLIENT_ID_DISCOURAGED,
            span,
            ptr("client_id"),
            format!("the Client Identifier URL {value:?} {problem}"),
        )
        .help("serve the document at a dedicated path without query, such as \"https://app.example.com/oauth/client.json\"");
    }
}
