//! MCP005: an MCP Client ID Metadata Document without `client_name` or `redirect_uris`.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::str_array;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// MCP005: an MCP Client ID Metadata Document lacks `client_name` or `redirect_uris`.
pub static MCP_CIMD_MEMBER_MISSING: Rule = Rule {
    code: "MCP005",
    name: "mcp-cimd-member-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An MCP Client ID Metadata Document lacks `client_name` or `redirect_uris`",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under `--profile mcp`, in a Client ID Metadata Document (role `cimd`: `client_id` is an https
URL), reports a missing `client_name`, and a missing `redirect_uris` when `CLI001` does not
already report it (a document whose `grant_types` use no authorization endpoint).

## Why is this bad?
"The metadata document MUST include at least the following properties: `client_id`,
`client_name`, `redirect_uris`" (MCP Authorization, Client ID Metadata Documents, Implementation
Requirements). Authorization servers "MUST validate the document structure is valid JSON and
contains required fields" and reject the client otherwise. `client_name` is what the consent
screen shows: with Client ID Metadata Documents any client can claim any metadata URL, and the
name (with the redirect URI host) is how the user recognises it.

## Example
```json
{ "client_id": "https://app.example.com/oauth/client-metadata.json",
  "redirect_uris": ["http://127.0.0.1:3000/callback"], "token_endpoint_auth_method": "none" }
```

## Use instead
```json
{ "client_id": "https://app.example.com/oauth/client-metadata.json", "client_name": "Example MCP Client",
  "redirect_uris": ["http://127.0.0.1:3000/callback"], "token_endpoint_auth_method": "none" }
```

## References
- MCP Authorization (revision 2025-11-25), Client ID Metadata Documents, Implementation
  Requirements
- draft-ietf-oauth-client-id-metadata-document (the document and its `client_id`)
"#,
};

/// Whether `CLI001` reports a missing `redirect_uris` (the client uses the authorization
/// endpoint: the default grant types, `authorization_code` or `implicit`, or response types).
fn cli001_covers(ctx: &Ctx<'_, '_>) -> bool {
    let obj = ctx.object();
    let grants_use_it = match str_array(obj, "grant_types") {
        Some((node, items)) if !node.as_array().unwrap_or(&[]).is_empty() => items
            .iter()
            .any(|(_, _, g)| matches!(*g, "authorization_code" | "implicit")),
        _ => true,
    };
    let response_types = str_array(obj, "response_types").is_some_and(|(_, items)| !items.is_empty());
    grants_use_it || response_types
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Cimd) {
        return;
    }
    let obj = ctx.object();
    let mut missing = Vec::new();
    if !obj.contains("client_name") {
        missing.push("`client_name`");
    }
    if !obj.contains("redirect_uris") && !cli001_covers(ctx) {
        missing.push("`redirect_uris`");
    }
    if missing.is_empty() {
        return;
    }
    ctx.report(
        &MCP_CIMD_MEMBER_MISSING,
        ctx.root.span,
        "",
        format!(
            "the Client ID Metadata Document lacks {}, which MCP requires",
            missing.join(" and ")
        ),
    )
    .help("a Client ID Metadata Document carries at least `client_id`, `client_name` and `redirect_uris`");
}
