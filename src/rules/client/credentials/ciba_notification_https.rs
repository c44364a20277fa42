//! CLI064: `backchannel_client_notification_endpoint` that is not https.

use crate::diagnostic::Severity;
use crate::rules::util::{parse_url, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI064: `backchannel_client_notification_endpoint` is not an https URL.
pub static CIBA_NOTIFICATION_ENDPOINT_NOT_HTTPS: Rule = Rule {
    code: "CLI064",
    name: "ciba-notification-endpoint-not-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`backchannel_client_notification_endpoint` is not an https URL",
    profile: None,
    docs: r#"## What it does
Reports a `backchannel_client_notification_endpoint` whose scheme is not `https` (a relative or
malformed URL is `SCH002`'s finding).

## Why is this bad?
CIBA Core §4: "It MUST be an HTTPS URL." In `push` mode the server posts the tokens themselves to
this endpoint; in `ping` mode it posts the `client_notification_token` bearer credential. Over
plain http both can be read and replayed on the way. There is no loopback exception: the caller is
the authorization server, not a browser on the user's machine.

## Example
```json
{
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "push",
  "backchannel_client_notification_endpoint": "http://client.example.org/ciba/notify"
}
```

## Use instead
```json
{
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "push",
  "backchannel_client_notification_endpoint": "https://client.example.org/ciba/notify"
}
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow - Core 1.0 (CIBA) §4
  (`backchannel_client_notification_endpoint`: "It MUST be an HTTPS URL"), §10.2, §10.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some((node, value)) = str_member(obj, "backchannel_client_notification_endpoint") else {
        return;
    };
    let Some(url) = parse_url(value) else {
        return;
    };
    if url.scheme() == "https" {
        return;
    }
    ctx.report(
        &CIBA_NOTIFICATION_ENDPOINT_NOT_HTTPS,
        node.span,
        ptr("backchannel_client_notification_endpoint"),
        format!(
            "`backchannel_client_notification_endpoint` uses {}: {value:?}",
            url.scheme()
        ),
    )
    .help("serve the notification endpoint over https");
}
