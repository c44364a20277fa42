//! OAU002: a native app configured as a confidential client with a shared secret.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{ptr, str_member};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// OAU002: a native app's static configuration authenticates with a client secret.
pub static OAU_NATIVE_CONFIDENTIAL_CLIENT: Rule = Rule {
    code: "OAU002",
    name: "oauth21-native-confidential-client",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A native app's static configuration authenticates with a client secret",
    profile: Some(Profile::Oauth21),
    docs: r#"## What it does
Under `--profile oauth2.1`, in a static client configuration (role `config`) with
`"application_type": "native"`, reports a `token_endpoint_auth_method` of `client_secret_basic`,
`client_secret_post` or `client_secret_jwt`.

## Why is this bad?
OAuth 2.1 §8.1.1: "Except when using a mechanism like Dynamic Client Registration to provision
per-instance credentials, native apps are classified as public clients … and MUST be registered
with the authorization server as such." A secret compiled into an app that every user installs is
not a secret (§8.1: "authorization servers that still require a statically included shared secret
for native app clients MUST treat the client as a public client"). A native app authenticates
with PKCE and `"token_endpoint_auth_method": "none"`, or with per-instance credentials obtained at
run time.

Which reading, and why a warning: a configuration file may hold credentials that one instance
obtained by Dynamic Client Registration, which §8.1.1 allows; the file does not say. Registration
responses (role `response`) are that case and are not reported.

## Example
```json
{ "client_id": "native-app", "application_type": "native", "token_endpoint_auth_method": "client_secret_basic",
  "redirect_uris": ["com.example.app:/callback"] }
```

## Use instead
```json
{ "client_id": "native-app", "application_type": "native", "token_endpoint_auth_method": "none",
  "redirect_uris": ["com.example.app:/callback"] }
```

## References
- draft-ietf-oauth-v2-1-16 §8.1, §8.1.1; §2.1 (client types)
- RFC 8252 §8.5; OpenID Connect Dynamic Client Registration 1.0 §2 (`application_type`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Config) {
        return;
    }
    let obj = ctx.object();
    if str_member(obj, "application_type").map(|(_, t)| t) != Some("native") {
        return;
    }
    let Some((node, method)) = str_member(obj, "token_endpoint_auth_method") else {
        return;
    };
    if !matches!(
        method,
        "client_secret_basic" | "client_secret_post" | "client_secret_jwt"
    ) {
        return;
    }
    ctx.report(
        &OAU_NATIVE_CONFIDENTIAL_CLIENT,
        node.span,
        ptr("token_endpoint_auth_method"),
        format!("a native app authenticates with a client secret (\"{method}\"): OAuth 2.1 registers native apps as public clients"),
    )
    .help("use `\"token_endpoint_auth_method\": \"none\"` with PKCE, or per-instance credentials from Dynamic Client Registration");
}
