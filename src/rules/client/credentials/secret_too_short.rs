//! CLI054: a `client_secret_jwt` secret shorter than the HMAC output.

use super::auth_method;
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI054: a `client_secret_jwt` secret is shorter than the HMAC output of its algorithm.
pub static CLIENT_SECRET_TOO_SHORT: Rule = Rule {
    code: "CLI054",
    name: "client-secret-too-short",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "A `client_secret_jwt` secret is shorter than the HMAC output of its algorithm",
    profile: None,
    docs: r#"## What it does
For a client using `token_endpoint_auth_method: "client_secret_jwt"`, compares the length of
`client_secret` in octets (its UTF-8 encoding, the HMAC key per OIDC Core §9) with the output size of
the HMAC named by `token_endpoint_auth_signing_alg`: 32 octets for `HS256`, 48 for `HS384`, 64 for
`HS512`. The secret's value is never printed, only its length.

When `token_endpoint_auth_signing_alg` is absent, OIDC Registration §2 lets the client use any
algorithm the server supports; the rule then measures against `HS256` (32 octets), the smallest
requirement, so it only fires for a secret too short for every HMAC algorithm.

Checked in static configurations and registration responses (a request carrying a secret is
`CLI070`, a Client ID Metadata Document with a secret is `CLI072`).

## Why is this bad?
RFC 7518 §3.2 requires "a key of the same size as the hash output … or larger" for HMAC. A short
secret weakens the client assertion, and strict JOSE libraries (Nimbus, for one) refuse to sign or
verify with it, so the token request fails there. The severity is a warning rather than an error
because the secret is the server's choice and many libraries still accept a short key.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "client_secret": "29-character-secret-aaaaaaaaa",
  "token_endpoint_auth_method": "client_secret_jwt",
  "token_endpoint_auth_signing_alg": "HS256"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "client_secret": "a-secret-of-at-least-thirty-two-octets-from-the-server",
  "token_endpoint_auth_method": "client_secret_jwt",
  "token_endpoint_auth_signing_alg": "HS256"
}
```

## References
- RFC 7518 §3.2 ("A key of the same size as the hash output (for instance, 256 bits for "HS256")
  or larger MUST be used with this algorithm")
- OpenID Connect Core 1.0 §9 (`client_secret_jwt`: the HMAC key is the octets of the UTF-8
  representation of the `client_secret`)
- OpenID Connect Dynamic Client Registration 1.0 §2 (`token_endpoint_auth_signing_alg`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if !matches!(ctx.role, Some(Role::Config | Role::Response)) {
        return;
    }
    let obj = ctx.object();
    let Some(method) = auth_method(obj) else {
        return;
    };
    if method.name != "client_secret_jwt" {
        return;
    }
    let Some((secret, value)) = str_member(obj, "client_secret") else {
        return;
    };
    if value.is_empty() {
        return;
    }
    let alg = match obj.get("token_endpoint_auth_signing_alg") {
        None => None,
        Some(node) => match node.as_str() {
            Some(a @ ("HS256" | "HS384" | "HS512")) => Some(a),
            // Not an HMAC (CLI055) or not a string (SCH001): nothing to measure against.
            _ => return,
        },
    };
    let needed = match alg.unwrap_or("HS256") {
        "HS384" => 48,
        "HS512" => 64,
        _ => 32,
    };
    let length = value.len();
    if length >= needed {
        return;
    }
    let against = match alg {
        Some(a) => format!("{a} (`token_endpoint_auth_signing_alg`) needs at least {needed}"),
        None => format!("even HS256, the weakest HMAC the client may use, needs {needed}"),
    };
    ctx.report(
        &CLIENT_SECRET_TOO_SHORT,
        secret.span,
        ptr("client_secret"),
        format!("`client_secret` is {length} octets long; {against}"),
    )
    .help("ask the server for a longer secret, or authenticate with `private_key_jwt`");
}
