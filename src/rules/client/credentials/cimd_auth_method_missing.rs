//! CLI073: a Client ID Metadata Document without `token_endpoint_auth_method`.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::{Basis, Ctx, Rule};

/// CLI073: a Client ID Metadata Document does not state `token_endpoint_auth_method`.
pub static CIMD_AUTH_METHOD_MISSING: Rule = Rule {
    code: "CLI073",
    name: "cimd-auth-method-missing",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A Client ID Metadata Document does not state `token_endpoint_auth_method`",
    profile: None,
    docs: r#"## What it does
In a Client ID Metadata Document (role `cimd`), reports an absent `token_endpoint_auth_method`.

## Why is this bad?
In RFC 7591 the absent member means `client_secret_basic`, a shared-secret method that a Client ID
Metadata Document must not use (draft §4.1) and cannot use (no secret can be established). The draft
does not say what an absent method means for such a document, so servers differ: some treat the
client as public, some apply the RFC 7591 default and reject the document or every token request.
Stating the method removes the ambiguity. This is a warning because no text forbids the omission.

## Example
```json
{
  "client_id": "https://app.example.com/oauth/client.json",
  "client_name": "Example App",
  "redirect_uris": ["https://app.example.com/cb"]
}
```

## Use instead
```json
{
  "client_id": "https://app.example.com/oauth/client.json",
  "client_name": "Example App",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "none"
}
```

## References
- draft-ietf-oauth-client-id-metadata-document-02 §4.1 (no shared-secret methods), §8.2
  (`private_key_jwt` with published keys)
- RFC 7591 §2 (`token_endpoint_auth_method` default `client_secret_basic`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Cimd) || ctx.object().contains("token_endpoint_auth_method") {
        return;
    }
    ctx.report(
        &CIMD_AUTH_METHOD_MISSING,
        ctx.root.span,
        "",
        "`token_endpoint_auth_method` is missing: its RFC 7591 default \"client_secret_basic\" is a shared-secret method a Client ID Metadata Document cannot use",
    )
    .help("add `\"token_endpoint_auth_method\": \"none\"` for a public client, or \"private_key_jwt\" with `jwks_uri`");
}
