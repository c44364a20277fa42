//! XCS015: the client's CIBA token delivery mode is not one the server supports.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS015: the client's CIBA token delivery mode is not in the server's supported list.
pub static CIBA_DELIVERY_MODE_UNSUPPORTED: Rule = Rule {
    code: "XCS015",
    name: "ciba-delivery-mode-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's CIBA token delivery mode is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `backchannel_token_delivery_mode` (`poll`, `ping`, `push`) against the
server's `backchannel_token_delivery_modes_supported`. A server without the list gets a warning:
it does not advertise Client-Initiated Backchannel Authentication at all.

## Why is this bad?
The server cannot deliver tokens in a mode it does not implement: registration is refused, or the
client waits for a notification that never comes.

## Example
```json
{ "grant_types": ["urn:openid:params:grant-type:ciba"], "backchannel_token_delivery_mode": "push",
  "backchannel_client_notification_endpoint": "https://app.example/ciba" }
```
against a server with `"backchannel_token_delivery_modes_supported": ["poll", "ping"]`.

## Use instead
```json
{ "grant_types": ["urn:openid:params:grant-type:ciba"], "backchannel_token_delivery_mode": "ping",
  "backchannel_client_notification_endpoint": "https://app.example/ciba" }
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow - Core 1.0 §4 (server metadata),
  §4 (client metadata `backchannel_token_delivery_mode`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    if let Some(mode) = &client.backchannel_token_delivery_mode {
        super::check_value(
            ctx,
            &CIBA_DELIVERY_MODE_UNSUPPORTED,
            server,
            "backchannel_token_delivery_mode",
            mode,
            "backchannel_token_delivery_modes_supported",
            "use a delivery mode the server supports",
        );
    }
}
