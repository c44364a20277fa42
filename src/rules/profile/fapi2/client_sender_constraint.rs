//! FAPI005: a client that asks for no sender-constrained access tokens.

use super::defers_to_software_statement;
use crate::diagnostic::Severity;
use crate::rules::util::bool_member;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// FAPI005: a FAPI 2.0 client declares neither DPoP-bound nor certificate-bound access tokens.
pub static FAPI_CLIENT_NOT_SENDER_CONSTRAINED: Rule = Rule {
    code: "FAPI005",
    name: "fapi2-client-not-sender-constrained",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A FAPI 2.0 client declares neither DPoP-bound nor certificate-bound access tokens",
    profile: Some(Profile::Fapi2),
    docs: r#"## What it does
Under `--profile fapi2`, reports client metadata with neither `"dpop_bound_access_tokens": true`
(RFC 9449 §5.2) nor `"tls_client_certificate_bound_access_tokens": true` (RFC 8705 §3.4); both
default to `false`. A document that carries a `software_statement`, or is a statement's claim set,
may declare it in the statement and is not reported.

## Why is this bad?
FAPI 2.0 clients "shall support sender-constrained access tokens" with MTLS or DPoP
(§5.3.3.1 item 1), and the authorization server "shall only issue sender-constrained access
tokens" (§5.3.2.1 item 4). The metadata is how a client tells the server which binding it uses:
RFC 8705 §3.4 registers the client's "intention to use mutual-TLS client certificate-bound access
tokens", and RFC 9449 §5.2 lets a client commit to always sending DPoP proofs. A FAPI client
registered with neither is usually a client set up for bearer tokens.

Which reading, and why a warning: a client can use DPoP without registering
`dpop_bound_access_tokens` (the member only says it *always* does), and a FAPI server may bind
every token whatever the registration says, so the metadata alone does not prove the client
breaks the profile.

## Example
```json
{ "client_id": "s6BhdRkqt3", "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json" }
```

## Use instead
```json
{ "client_id": "s6BhdRkqt3", "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json", "dpop_bound_access_tokens": true }
```

## References
- FAPI 2.0 Security Profile §5.3.3.1 item 1; §5.3.2.1 item 4
- RFC 9449 §5.2 (`dpop_bound_access_tokens`); RFC 8705 §3.4
  (`tls_client_certificate_bound_access_tokens`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if bool_member(obj, "dpop_bound_access_tokens") == Some(true)
        || bool_member(obj, "tls_client_certificate_bound_access_tokens") == Some(true)
        || defers_to_software_statement(ctx)
    {
        return;
    }
    ctx.report(
        &FAPI_CLIENT_NOT_SENDER_CONSTRAINED,
        ctx.root.span,
        "",
        "the client declares neither `dpop_bound_access_tokens` nor `tls_client_certificate_bound_access_tokens`: FAPI 2.0 access tokens are sender-constrained",
    )
    .help("add `\"dpop_bound_access_tokens\": true` (DPoP) or `\"tls_client_certificate_bound_access_tokens\": true` (mutual TLS)");
}
