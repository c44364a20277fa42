//! XCS009: a grant type of the client is not one the server supports.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS009: a grant type of the client is not in the server's supported list.
pub static GRANT_TYPE_UNSUPPORTED: Rule = Rule {
    code: "XCS009",
    name: "grant-type-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A grant type of the client is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks each of the client's effective `grant_types` (its own, else the RFC 7591 default
`["authorization_code"]`) against the server's effective `grant_types_supported` (its own, else
the RFC 8414 / OpenID Connect Discovery default `["authorization_code", "implicit"]`).

Reading chosen for `refresh_token` against a server that omits `grant_types_supported`: a
warning, not an error. The RFC 8414 default does not include it, but a client lists it only to say
it *may* use refresh tokens (RFC 7591 §2), and many servers that issue refresh tokens never publish
the list; the client still works, without refresh, if they do not. Against an explicit list that
lacks it, it is an error like any other grant.

## Why is this bad?
The server answers `unsupported_grant_type` (RFC 6749 §5.2) to every request of that grant: the
client cannot get tokens that way. A server that omits `grant_types_supported` supports only the
authorization code and implicit grants, so `client_credentials` against it fails.

## Example
```json
{ "grant_types": ["client_credentials"], "token_endpoint_auth_method": "client_secret_basic" }
```
against a server with no `grant_types_supported` (default `["authorization_code", "implicit"]`).

## Use instead
Add `client_credentials` to the server's `grant_types_supported` (if it supports it), or use a
grant the server supports.

## References
- RFC 7591 §2 (`grant_types`, default `authorization_code`)
- RFC 8414 §2 (`grant_types_supported`, default `["authorization_code", "implicit"]`)
- OpenID Connect Discovery 1.0 §3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let grants = &client.grant_types;
    for item in &grants.items {
        let subject = super::item_subject("grant_types", item, grants);
        let refresh_against_default = item.value == "refresh_token" && !server.has("grant_types_supported");
        let help = if item.value == "refresh_token" {
            "without `refresh_token` in the server's list the client gets no refresh tokens: remove it, or expect none"
                .to_owned()
        } else {
            format!(
                "use a grant the server supports, or add {:?} to the server's `grant_types_supported` if it does support it",
                item.value
            )
        };
        if let Some(d) = super::check_listed(
            ctx,
            &GRANT_TYPE_UNSUPPORTED,
            server,
            item.location.as_ref(),
            &subject,
            &item.value,
            "grant_types_supported",
            &help,
        ) && refresh_against_default
        {
            d.severity(Severity::Warning);
        }
    }
}
