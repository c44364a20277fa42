//! CLI063: CIBA ping or push mode without `backchannel_client_notification_endpoint`.

use super::{present, statement_may_supply};
use crate::diagnostic::Severity;
use crate::rules::util::{ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI063: CIBA `ping` or `push` delivery without `backchannel_client_notification_endpoint`.
pub static CIBA_NOTIFICATION_ENDPOINT_MISSING: Rule = Rule {
    code: "CLI063",
    name: "ciba-notification-endpoint-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "CIBA `ping` or `push` delivery without `backchannel_client_notification_endpoint`",
    profile: None,
    docs: r#"## What it does
Reports client metadata whose `backchannel_token_delivery_mode` is `ping` or `push` but which has
no `backchannel_client_notification_endpoint`. (`poll` needs no endpoint.) With a
`software_statement` in a request or Client ID Metadata Document the rule is silent.

## Why is this bad?
CIBA Core §4: `backchannel_client_notification_endpoint` is "REQUIRED if the token delivery mode is
set to ping or push". In those modes the server calls the client back at that endpoint when the
user has authenticated; without it the client never learns the result (ping) or never receives its
tokens (push).

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "ping"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "ping",
  "backchannel_client_notification_endpoint": "https://client.example.org/ciba/notify"
}
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow - Core 1.0 (CIBA) §4
  (`backchannel_client_notification_endpoint`), §10.2, §10.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some((mode_node, mode)) = str_member(obj, "backchannel_token_delivery_mode") else {
        return;
    };
    if !matches!(mode, "ping" | "push") || present(obj, "backchannel_client_notification_endpoint") {
        return;
    }
    if statement_may_supply(ctx) {
        return;
    }
    ctx.report(
        &CIBA_NOTIFICATION_ENDPOINT_MISSING,
        ctx.root.span,
        "",
        format!(
            "`backchannel_token_delivery_mode` is {mode:?} but `backchannel_client_notification_endpoint` is missing"
        ),
    )
    .related(
        mode_node.span,
        ptr("backchannel_token_delivery_mode"),
        format!("the delivery mode is {mode:?}"),
    )
    .help("add the https endpoint the server should call back, or use the \"poll\" mode");
}
