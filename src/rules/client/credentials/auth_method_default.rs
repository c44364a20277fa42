//! CLI079: a registration request that leaves the authentication method to the default.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// CLI079: a registration request omits `token_endpoint_auth_method` and registers as a confidential client.
pub static AUTH_METHOD_DEFAULT: Rule = Rule {
    code: "CLI079",
    name: "auth-method-default",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A registration request omits `token_endpoint_auth_method` and registers as a confidential client",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under the `mcp` profile, in a registration request (role `request`) that registers
`redirect_uris`, reports an absent `token_endpoint_auth_method`. Documents without `redirect_uris`
(software-statement claim sets, partial metadata) are left alone.

The rule is tied to the `mcp` profile because MCP clients are mostly desktop, CLI and browser
applications, which are public clients. Without a profile it would fire on nearly every minimal
registration request, most of which do mean to register a confidential client.

## Why is this bad?
It often is not: the RFC 7591 default `client_secret_basic` registers a confidential client and
the server issues a `client_secret`. But single-page and native applications (MCP clients, atproto
apps) cannot keep a secret and are meant to be public: they must say
`"token_endpoint_auth_method": "none"`, or they receive a secret they will embed in their code, and
servers that require PKCE only for public clients treat them as confidential.

## Example
```json
{
  "client_name": "My MCP Client",
  "redirect_uris": ["http://127.0.0.1:3000/callback"],
  "grant_types": ["authorization_code", "refresh_token"]
}
```

## Use instead
```json
{
  "client_name": "My MCP Client",
  "redirect_uris": ["http://127.0.0.1:3000/callback"],
  "grant_types": ["authorization_code", "refresh_token"],
  "token_endpoint_auth_method": "none"
}
```

## References
- RFC 7591 §2 (`token_endpoint_auth_method`: "If unspecified or omitted, the default is
  `client_secret_basic`"; `none` for public clients)
- RFC 8252 §8.4 (native apps are public clients); RFC 6749 §2.1 (client types)
- MCP Authorization (dynamic client registration by MCP clients)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if !ctx.has_profile(Profile::Mcp) || ctx.role != Some(Role::Request) {
        return;
    }
    let obj = ctx.object();
    if obj.contains("token_endpoint_auth_method") || obj.get("redirect_uris").is_none_or(|n| n.as_array().is_none()) {
        return;
    }
    ctx.report(
        &AUTH_METHOD_DEFAULT,
        ctx.root.span,
        "",
        "`token_endpoint_auth_method` is omitted: the client registers with the default \"client_secret_basic\" and the server will issue a secret",
    )
    .help("state the method: \"none\" for a browser or native app that cannot keep a secret, otherwise the confidential method you use");
}
