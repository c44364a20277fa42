//! CLI050: `jwks` and `jwks_uri` together.

use super::present;
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI050: client metadata registers its keys both by value (`jwks`) and by reference (`jwks_uri`).
pub static JWKS_AND_JWKS_URI: Rule = Rule {
    code: "CLI050",
    name: "jwks-and-jwks-uri",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "Client metadata registers its keys both by value (`jwks`) and by reference (`jwks_uri`)",
    profile: None,
    docs: r#"## What it does
Reports client metadata that has both `jwks` and `jwks_uri`.

## Why is this bad?
RFC 7591 §2 says the two "MUST NOT both be present in the same request or response". A server
that accepts both has to pick one; which one is implementation-defined, so a key rotation done in
one place may silently never take effect. Prefer `jwks_uri` (RFC 7591 §2: it allows key rotation
without re-registering).

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json",
  "jwks": { "keys": [{ "kty": "EC", "crv": "P-256", "x": "…", "y": "…" }] }
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## References
- RFC 7591 §2 (`jwks_uri`, `jwks`: "The `jwks_uri` and `jwks` parameters MUST NOT both be present")
- OpenID Connect Dynamic Client Registration 1.0 §2 (`jwks`: "MUST NOT be used if `jwks_uri` is used")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if !(present(obj, "jwks") && present(obj, "jwks_uri")) {
        return;
    }
    let (Some(jwks), Some(jwks_uri)) = (obj.member("jwks"), obj.member("jwks_uri")) else {
        return;
    };
    ctx.report(
        &JWKS_AND_JWKS_URI,
        jwks.name_span,
        ptr("jwks"),
        "`jwks` and `jwks_uri` are both present",
    )
    .related(jwks_uri.name_span, ptr("jwks_uri"), "`jwks_uri` is here")
    .help("keep one: `jwks_uri` lets the client rotate keys without updating its registration");
}
