//! MCP003: MCP protected resource metadata without `authorization_servers`.

use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// MCP003: an MCP server's protected resource metadata has no `authorization_servers`.
pub static MCP_AUTHORIZATION_SERVERS_MISSING: Rule = Rule {
    code: "MCP003",
    name: "mcp-authorization-servers-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An MCP server's protected resource metadata has no `authorization_servers`",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under `--profile mcp`, reports protected resource metadata without `authorization_servers`. An
empty array is `DOC005`'s error; a missing `resource` is `PRM001`'s.

## Why is this bad?
"The Protected Resource Metadata document returned by the MCP server MUST include the
`authorization_servers` field containing at least one authorization server" (MCP Authorization,
Authorization Server Location). RFC 9728 §2 makes the member OPTIONAL, but MCP clients "MUST use
OAuth 2.0 Protected Resource Metadata for authorization server discovery": without it they cannot
find where to obtain a token for the MCP server.

## Example
```json
{ "resource": "https://mcp.example.com/mcp", "bearer_methods_supported": ["header"] }
```

## Use instead
```json
{ "resource": "https://mcp.example.com/mcp", "authorization_servers": ["https://auth.example.com"],
  "bearer_methods_supported": ["header"] }
```

## References
- MCP Authorization (revision 2025-11-25), Overview item 4; Authorization Server Location
- RFC 9728 §2 (`authorization_servers`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.object().contains("authorization_servers") {
        return;
    }
    ctx.report(
        &MCP_AUTHORIZATION_SERVERS_MISSING,
        ctx.root.span,
        "",
        "`authorization_servers` is missing: MCP clients discover the authorization server from it",
    )
    .help("add `\"authorization_servers\": [\"https://…\"]` with the issuer identifier of the authorization server");
}
