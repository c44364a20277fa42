//! CLI062: the CIBA grant without `backchannel_token_delivery_mode`.

use super::{CIBA_GRANT, grant_types, present, statement_may_supply};
use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// CLI062: a client with the CIBA grant type has no `backchannel_token_delivery_mode`.
pub static CIBA_DELIVERY_MODE_MISSING: Rule = Rule {
    code: "CLI062",
    name: "ciba-delivery-mode-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A client with the CIBA grant type has no `backchannel_token_delivery_mode`",
    profile: None,
    docs: r#"## What it does
Reports client metadata whose `grant_types` contain `urn:openid:params:grant-type:ciba` but which
has no `backchannel_token_delivery_mode`. With a `software_statement` in a request or Client ID
Metadata Document the rule is silent (the statement may carry the member).

## Why is this bad?
CIBA Core §4 makes `backchannel_token_delivery_mode` REQUIRED ("One of the following values:
`poll`, `ping`, or `push`"). The mode decides how the client gets its tokens (polling the token
endpoint, being pinged, or receiving them pushed); the server cannot guess it and rejects the
registration or the backchannel authentication request.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "poll",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow - Core 1.0 (CIBA) §4
  (`backchannel_token_delivery_mode`: REQUIRED)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if present(obj, "backchannel_token_delivery_mode") || statement_may_supply(ctx) {
        return;
    }
    if !grant_types(obj).is_some_and(|g| g.contains(&CIBA_GRANT)) {
        return;
    }
    let grant = str_array(obj, "grant_types").and_then(|(_, items)| {
        items
            .into_iter()
            .find(|(_, _, s)| *s == CIBA_GRANT)
            .map(|(i, n, _)| (i, n.span))
    });
    let diagnostic = ctx.report(
        &CIBA_DELIVERY_MODE_MISSING,
        ctx.root.span,
        "",
        "the CIBA grant type is registered but `backchannel_token_delivery_mode` is missing",
    );
    if let Some((index, span)) = grant {
        diagnostic.related(span, ptr_index("grant_types", index), "the CIBA grant type is here");
    }
    diagnostic.help("add `\"backchannel_token_delivery_mode\": \"poll\"` (or \"ping\"/\"push\" with a `backchannel_client_notification_endpoint`)");
}
