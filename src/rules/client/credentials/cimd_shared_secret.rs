//! CLI072: a Client ID Metadata Document with a shared-secret method or a secret.

use super::{auth_method, present};
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI072: a Client ID Metadata Document uses a shared-secret method or carries a client secret.
pub static CIMD_SHARED_SECRET: Rule = Rule {
    code: "CLI072",
    name: "cimd-shared-secret",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A Client ID Metadata Document uses a shared-secret method or carries a client secret",
    profile: None,
    docs: r#"## What it does
In a Client ID Metadata Document (role `cimd`: `client_id` is an https URL), reports
`token_endpoint_auth_method` `client_secret_basic`, `client_secret_post` or `client_secret_jwt`,
and the members `client_secret` and `client_secret_expires_at` (the secret's value is never
printed). An *absent* `token_endpoint_auth_method` is `CLI073`; HMAC or symmetric encryption
algorithms, which also need a secret, are `CLI052`; symmetric keys in `jwks` are the `JWK` rules'.

## Why is this bad?
The document is public — the authorization server fetches it from the `client_id` URL — and
"there is no way to establish a shared secret to be used with client metadata documents". The
draft therefore says the method "MUST NOT include `client_secret_post`, `client_secret_basic`,
`client_secret_jwt`, or any other method based around a shared symmetric secret", and "the
`client_secret` and `client_secret_expires_at` properties MUST NOT be used". A secret published
there is known to everyone. Servers implementing the draft refuse the document.

## Example
```json
{
  "client_id": "https://app.example.com/oauth/client.json",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "client_secret_basic"
}
```

## Use instead
```json
{
  "client_id": "https://app.example.com/oauth/client.json",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://app.example.com/oauth/jwks.json"
}
```

## References
- draft-ietf-oauth-client-id-metadata-document-02 §4.1 (Credential and Key Material Restrictions),
  §8.2 (Client Authentication with key pairs)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Cimd) {
        return;
    }
    let obj = ctx.object();
    let mut findings = Vec::new();
    if let Some(method) = auth_method(obj)
        && let Some(node) = method.node
        && method.uses_secret()
    {
        findings.push((
            node.span,
            ptr("token_endpoint_auth_method"),
            format!(
                "`token_endpoint_auth_method` is {:?}, a shared-secret method, which a Client ID Metadata Document cannot use",
                method.name
            ),
            "use \"private_key_jwt\" with the public keys in `jwks_uri`, or \"none\" for a public client",
        ));
    }
    for name in ["client_secret", "client_secret_expires_at"] {
        if !present(obj, name) {
            continue;
        }
        if let Some(member) = obj.member(name) {
            let why = if name == "client_secret" {
                "the document is public"
            } else {
                "such a client has no secret that could expire"
            };
            findings.push((
                member.name_span,
                ptr(name),
                format!("a Client ID Metadata Document must not carry `{name}`: {why}"),
                "remove it (and rotate the secret if it was ever valid)",
            ));
        }
    }
    findings.sort_by_key(|(span, ..)| span.start);
    for (span, pointer, message, help) in findings {
        ctx.report(&CIMD_SHARED_SECRET, span, pointer, message).help(help);
    }
}
