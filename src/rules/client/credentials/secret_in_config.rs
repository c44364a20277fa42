//! CLI077: a client secret or registration access token committed in a configuration file.

use super::present;
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI077: a static client configuration file holds `client_secret` or `registration_access_token`.
pub static SECRET_IN_CONFIG: Rule = Rule {
    code: "CLI077",
    name: "secret-in-config",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "A static client configuration file holds `client_secret` or `registration_access_token`",
    profile: None,
    docs: r#"## What it does
In a static client configuration (role `config`), reports `client_secret` and
`registration_access_token`. Their values are never printed.

Registration responses (role `response`) are not reported: carrying the issued secret is what they
are for (RFC 7591 §3.2.1). A registration request with a secret is `CLI070`, a Client ID Metadata
Document with one is `CLI072`.

## Why is this bad?
Secrets in repositories leak: through forks, CI logs, backups, and the history that keeps them
after they are deleted. Anyone holding the client secret can authenticate as the client (and with
`client_secret_jwt` or HMAC-signed tokens, forge what the client accepts); the registration access
token lets its holder rewrite the client's registration, redirect URIs included.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "client_secret": "…",
  "redirect_uris": ["https://client.example.org/cb"]
}
```

## Use instead
Keep the secret out of the file and inject it at deploy time (a secret store, an environment
variable), then ignore `CLI052` for that path:
```json
{
  "client_id": "s6BhdRkqt3",
  "redirect_uris": ["https://client.example.org/cb"]
}
```
— or, better, authenticate without a shared secret:
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json",
  "redirect_uris": ["https://client.example.org/cb"]
}
```

## References
- SPEC §4.3 (security warnings: "client_secret committed in a file")
- RFC 6819 §4.1.1 (Threat: Obtaining Client Secrets); RFC 9700 §2.5 (asymmetric client
  authentication is RECOMMENDED)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Config) {
        return;
    }
    let obj = ctx.object();
    let mut members: Vec<_> = ["client_secret", "registration_access_token"]
        .into_iter()
        .filter(|m| present(obj, m))
        .filter_map(|m| obj.member(m).map(|member| (m, member.name_span)))
        .collect();
    members.sort_by_key(|(_, span)| span.start);
    for (name, span) in members {
        ctx.report(
            &SECRET_IN_CONFIG,
            span,
            ptr(name),
            format!("`{name}` is committed in a configuration file: secrets in repositories leak"),
        )
        .help("load the secret from a secret store or the environment at deploy time, or use `private_key_jwt`");
    }
}
