//! XCS013: a default ACR value of the client is not one the server supports.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS013: a default ACR value of the client is not in the server's supported list.
pub static ACR_VALUE_UNSUPPORTED: Rule = Rule {
    code: "XCS013",
    name: "acr-value-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A default ACR value of the client is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks each of the client's `default_acr_values` against the server's `acr_values_supported`. A
server without the list gets a warning: it does not advertise any authentication context class.

## Why is this bad?
The server cannot satisfy an authentication context class it does not know: the user is
authenticated at another level than the client expects, and a client that checks the `acr` claim
rejects the ID token.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "default_acr_values": ["urn:mace:incommon:iap:gold"] }
```
against a server with `"acr_values_supported": ["urn:mace:incommon:iap:silver"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "default_acr_values": ["urn:mace:incommon:iap:silver"] }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`default_acr_values`)
- OpenID Connect Discovery 1.0 §3 (`acr_values_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    if let Some(acr) = &client.default_acr_values {
        super::check_items(
            ctx,
            &ACR_VALUE_UNSUPPORTED,
            server,
            "default_acr_values",
            acr,
            "acr_values_supported",
            &|v| format!("use ACR values the server lists, or drop {v:?}"),
        );
    }
}
