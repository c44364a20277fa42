//! XCS016: an authorization details type of the client is not one the server supports.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS016: an authorization details type of the client is not in the server's supported list.
pub static AUTHORIZATION_DETAILS_TYPE_UNSUPPORTED: Rule = Rule {
    code: "XCS016",
    name: "authorization-details-type-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An authorization details type of the client is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks each of the client's `authorization_details_types` (RFC 9396) against the server's
`authorization_details_types_supported`. A server without the list gets a warning: it does not
advertise Rich Authorization Requests.

## Why is this bad?
The server rejects authorization requests that carry an `authorization_details` type it does not
support (`invalid_authorization_details`, RFC 9396 §5).

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "authorization_details_types": ["payment_initiation"] }
```
against a server with `"authorization_details_types_supported": ["account_information"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "authorization_details_types": ["account_information"] }
```

## References
- RFC 9396 §10 (`authorization_details_types_supported`, `authorization_details_types`), §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    if let Some(types) = &client.authorization_details_types {
        super::check_items(
            ctx,
            &AUTHORIZATION_DETAILS_TYPE_UNSUPPORTED,
            server,
            "authorization_details_types",
            types,
            "authorization_details_types_supported",
            &|t| format!("use types the server lists, or drop {t:?}"),
        );
    }
}
