//! CLI066: CIBA client metadata without the CIBA grant type.

use super::{CIBA_GRANT, CIBA_MEMBERS, grant_types, present, statement_may_supply};
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI066: a CIBA member is set but `grant_types` lacks `urn:openid:params:grant-type:ciba`.
pub static CIBA_MEMBER_WITHOUT_GRANT: Rule = Rule {
    code: "CLI066",
    name: "ciba-member-without-grant",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A CIBA member is set but `grant_types` lacks `urn:openid:params:grant-type:ciba`",
    profile: None,
    docs: r#"## What it does
Reports each of `backchannel_token_delivery_mode`, `backchannel_client_notification_endpoint`,
`backchannel_authentication_request_signing_alg` and `backchannel_user_code_parameter` when
`grant_types` (default `["authorization_code"]`) does not contain
`urn:openid:params:grant-type:ciba`. With an absent `grant_types` and a `software_statement` in a
request or Client ID Metadata Document the rule is silent (the statement may list the grant).

## Why is this bad?
These members only configure the CIBA flow (CIBA Core §4). Without the grant type the client is not
allowed to use CIBA at the token endpoint (RFC 7591 §2: `grant_types` are the grants the client
"will restrict itself to using"), so either the grant was forgotten or the members are leftovers.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "grant_types": ["authorization_code"],
  "redirect_uris": ["https://client.example.org/cb"],
  "backchannel_token_delivery_mode": "poll"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "grant_types": ["authorization_code", "urn:openid:params:grant-type:ciba"],
  "redirect_uris": ["https://client.example.org/cb"],
  "backchannel_token_delivery_mode": "poll"
}
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow - Core 1.0 (CIBA) §4, §10.1
  (`urn:openid:params:grant-type:ciba`)
- RFC 7591 §2 (`grant_types`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if obj.get("grant_types").is_none() && statement_may_supply(ctx) {
        return;
    }
    let Some(grants) = grant_types(obj) else {
        return;
    };
    if grants.contains(&CIBA_GRANT) {
        return;
    }
    let defaulted = obj.get("grant_types").is_none();
    let mut members: Vec<_> = CIBA_MEMBERS
        .iter()
        .filter(|m| present(obj, m))
        .filter_map(|m| obj.member(m).map(|member| (*m, member.name_span)))
        .collect();
    members.sort_by_key(|(_, span)| span.start);
    for (name, span) in members {
        let grants_text = if defaulted {
            "the default `grant_types` [\"authorization_code\"] lacks".to_owned()
        } else {
            "`grant_types` lacks".to_owned()
        };
        ctx.report(
            &CIBA_MEMBER_WITHOUT_GRANT,
            span,
            ptr(name),
            format!("`{name}` configures CIBA, but {grants_text} \"{CIBA_GRANT}\""),
        )
        .help(format!(
            "add \"{CIBA_GRANT}\" to `grant_types`, or remove the CIBA members"
        ));
    }
}
