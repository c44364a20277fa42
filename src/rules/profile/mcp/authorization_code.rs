//! MCP001: an MCP authorization server without the authorization code flow.

use crate::diagnostic::Severity;
use crate::rules::server::{is_token_issuer_only, response_type_tokens};
use crate::rules::util::{ptr, str_array};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// MCP001: an MCP authorization server does not offer the `code` response type or the authorization code grant.
pub static MCP_AUTHORIZATION_CODE_MISSING: Rule = Rule {
    code: "MCP001",
    name: "mcp-authorization-code-missing",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An MCP authorization server does not offer the `code` response type or the authorization code grant",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under `--profile mcp`, in authorization server metadata, reports a `response_types_supported`
without the response type `code`, and a `grant_types_supported` without `authorization_code`.
An omitted `response_types_supported` is `SRV005`'s error; an omitted `grant_types_supported`
defaults to `["authorization_code", "implicit"]` (RFC 8414 §2) and passes. ID Token issuers
without authorization or token endpoint (`SRV032`: Kubernetes, CI workload identity) are not
authorization servers and are not reported.

## Why is this bad?
MCP authorization servers "MUST implement OAuth 2.1 with appropriate security measures for both
confidential and public clients" (MCP Authorization, Overview), and the flow MCP clients run is
the OAuth 2.1 authorization code grant with PKCE (Authorization Flow Steps): they send
`response_type=code` and exchange the code at the token endpoint. A server that offers neither
cannot authorize an MCP client on behalf of a user. `code id_token` is not enough: MCP clients
send `code`.

## Example
```json
{ "issuer": "https://auth.example.com", "response_types_supported": ["id_token"],
  "code_challenge_methods_supported": ["S256"] }
```

## Use instead
```json
{ "issuer": "https://auth.example.com", "response_types_supported": ["code"],
  "code_challenge_methods_supported": ["S256"] }
```

## References
- MCP Authorization (revision 2025-11-25), Overview, Authorization Flow Steps
- draft-ietf-oauth-v2-1-13 §4.1 (authorization code grant); RFC 8414 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if is_token_issuer_only(obj) {
        return; // an ID Token issuer (SRV032), not an authorization server
    }
    if let Some((node, items)) = str_array(obj, "response_types_supported")
        && !node.as_array().unwrap_or(&[]).is_empty()
        && !items.iter().any(|(_, _, rt)| {
            let mut tokens = response_type_tokens(rt);
            tokens.next() == Some("code") && tokens.all(|t| t == "code")
        })
    {
        let listed: Vec<String> = items.iter().map(|(_, _, rt)| format!("\"{rt}\"")).collect();
        ctx.report(
            &MCP_AUTHORIZATION_CODE_MISSING,
            node.span,
            ptr("response_types_supported"),
            format!(
                "`response_types_supported` lacks \"code\", the response type MCP clients use: {}",
                listed.join(", ")
            ),
        )
        .help("support the authorization code flow with PKCE and list \"code\"");
    }
    if let Some((node, items)) = str_array(obj, "grant_types_supported")
        && !node.as_array().unwrap_or(&[]).is_empty()
        && !items.iter().any(|(_, _, g)| *g == "authorization_code")
    {
        let listed: Vec<String> = items.iter().map(|(_, _, g)| format!("\"{g}\"")).collect();
        ctx.report(
            &MCP_AUTHORIZATION_CODE_MISSING,
            node.span,
            ptr("grant_types_supported"),
            format!(
                "`grant_types_supported` lacks \"authorization_code\", the grant MCP clients use: {}",
                listed.join(", ")
            ),
        )
        .help("support the authorization code grant with PKCE and list \"authorization_code\"");
    }
}
