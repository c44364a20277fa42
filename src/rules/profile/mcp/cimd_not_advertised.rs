//! MCP002: an MCP authorization server that does not advertise Client ID Metadata Documents.

use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// MCP002: an MCP authorization server does not advertise Client ID Metadata Document support.
pub static MCP_CIMD_NOT_ADVERTISED: Rule = Rule {
    code: "MCP002",
    name: "mcp-cimd-not-advertised",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "An MCP authorization server does not advertise Client ID Metadata Document support",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under `--profile mcp`, reports authorization server metadata without
`"client_id_metadata_document_supported": true`. The message says whether the server offers
Dynamic Client Registration (`registration_endpoint`) instead, or no way for an unknown client to
register at all.

## Why is this bad?
"Authorization servers and MCP clients SHOULD support OAuth Client ID Metadata Documents", and
servers advertise it with `client_id_metadata_document_supported` (MCP Authorization, Client
Registration Approaches). MCP clients and servers usually have no prior relationship; CIMD lets a
client use an https URL as its `client_id` without registering first. Clients fall back to
Dynamic Client Registration if `registration_endpoint` is present (a MAY in 2025-11-25, deprecated
in the 2026-07-28 revision), and otherwise to pre-registered credentials or asking the user.

Which reading: neither mechanism is a MUST (pre-registration is a valid approach), so this is a
warning about the SHOULD, not an error, even when the server offers no registration at all.

## Example
```json
{ "issuer": "https://auth.example.com", "authorization_endpoint": "https://auth.example.com/authorize",
  "registration_endpoint": "https://auth.example.com/register" }
```

## Use instead
```json
{ "issuer": "https://auth.example.com", "authorization_endpoint": "https://auth.example.com/authorize",
  "client_id_metadata_document_supported": true }
```

## References
- MCP Authorization (revision 2025-11-25), Overview item 2; Client Registration Approaches;
  Client ID Metadata Documents, Discovery
- draft-ietf-oauth-client-id-metadata-document (`client_id_metadata_document_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let flag = obj.get("client_id_metadata_document_supported");
    if flag.and_then(|n| n.as_bool()) == Some(true) {
        return;
    }
    let dcr = obj.get("registration_endpoint").and_then(|n| n.as_str()).is_some();
    let consequence = if dcr {
        "MCP clients without prior registration must fall back to Dynamic Client Registration"
    } else {
        "and there is no `registration_endpoint`: only pre-registered MCP clients can use the server"
    };
    let help = "support Client ID Metadata Documents (an https `client_id` whose URL serves the client's metadata) and add `\"client_id_metadata_document_supported\": true`";
    match flag {
        Some(node) if node.as_bool() == Some(false) => {
            ctx.report(
                &MCP_CIMD_NOT_ADVERTISED,
                node.span,
                ptr("client_id_metadata_document_supported"),
                format!("`client_id_metadata_document_supported` is false: {consequence}"),
            )
            .help(help);
        }
        _ => {
            let message = if dcr {
                format!(
                    "Client ID Metadata Documents are not advertised (`client_id_metadata_document_supported`): {consequence}"
                )
            } else {
                format!(
                    "Client ID Metadata Documents are not advertised (`client_id_metadata_document_supported`), {consequence}"
                )
            };
            ctx.report(&MCP_CIMD_NOT_ADVERTISED, ctx.root.span, "", message)
                .help(help);
        }
    }
}
