//! SRV030: CIBA metadata that advertises the flow without its required members.

use crate::diagnostic::Severity;
use crate::rules::util::str_array;
use crate::rules::{Basis, Ctx, Rule};

/// SRV030: CIBA is advertised without `backchannel_authentication_endpoint` or `backchannel_token_delivery_modes_supported`.
pub static CIBA_METADATA_INCOMPLETE: Rule = Rule {
    code: "SRV030",
    name: "ciba-metadata-incomplete",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "CIBA is advertised without `backchannel_authentication_endpoint` or `backchannel_token_delivery_modes_supported`",
    profile: None,
    docs: r#"## What it does
When the metadata advertises Client-Initiated Backchannel Authentication (the grant
`urn:openid:params:grant-type:ciba` in `grant_types_supported`, or a
`backchannel_authentication_endpoint`), reports a missing `backchannel_authentication_endpoint` or
`backchannel_token_delivery_modes_supported`. The other CIBA members alone
(`backchannel_token_delivery_modes_supported`, the request signing algorithms, the user code flag)
are not read as a claim of CIBA support: some providers publish them for every tenant, whether CIBA
is enabled or not, and declare the grant only where it is.

## Why is this bad?
Both are REQUIRED for a provider supporting CIBA (OpenID Connect CIBA Core 1.0 §4). Without the
endpoint a client has nowhere to send the backchannel authentication request; without the
delivery modes it cannot register a mode the provider supports (`poll`, `ping`, `push`), so the
flow cannot start.

## Example
```json
{ "grant_types_supported": ["urn:openid:params:grant-type:ciba"], "backchannel_token_delivery_modes_supported": ["poll"] }
```

## Use instead
```json
{ "grant_types_supported": ["urn:openid:params:grant-type:ciba"], "backchannel_authentication_endpoint": "https://op.example.com/bc-authorize", "backchannel_token_delivery_modes_supported": ["poll"] }
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow – Core 1.0 §4
"#,
};

const CIBA_GRANT: &str = "urn:openid:params:grant-type:ciba";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let grant = str_array(obj, "grant_types_supported")
        .is_some_and(|(_, items)| items.iter().any(|(_, _, g)| *g == CIBA_GRANT));
    let evidence = if grant {
        format!("`grant_types_supported` lists `{CIBA_GRANT}`")
    } else {
        if !obj.contains("backchannel_authentication_endpoint") {
            return;
        }
        "the document has `backchannel_authentication_endpoint`".to_owned()
    };
    for required in [
        "backchannel_authentication_endpoint",
        "backchannel_token_delivery_modes_supported",
    ] {
        if !obj.contains(required) {
            ctx.report(
                &CIBA_METADATA_INCOMPLETE,
                ctx.root.span,
                "",
                format!("CIBA is advertised ({evidence}), but `{required}` is missing"),
            )
            .help(if required == "backchannel_authentication_endpoint" {
                "publish the https URL of the backchannel authentication endpoint, or remove the CIBA members"
            } else {
                "list the token delivery modes the provider supports, such as `[\"poll\"]`"
            });
        }
    }
}
