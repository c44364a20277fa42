//! CLI023: a grant type that is neither registered nor an absolute URI.

use super::model::Client;
use super::values::{GrantTypeLookup, lookup_grant_type};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI023: a grant type is misspelled, or is neither an RFC 6749 name nor an absolute URI.
pub static UNKNOWN_GRANT_TYPE: Rule = Rule {
    code: "CLI023",
    name: "unknown-grant-type",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A grant type is misspelled, or is neither an RFC 6749 name nor an absolute URI",
    profile: None,
    docs: r#"## What it does
Checks each element of `grant_types` against the grant types RFC 6749 names
(`authorization_code`, `implicit`, `password`, `client_credentials`, `refresh_token`) and the grant
type URIs: those of the IANA "OAuth URI" registry (`urn:ietf:params:oauth:grant-type:device_code`,
`…:jwt-bearer`, `…:saml2-bearer`, `…:token-exchange`) and those defined without registration
(`urn:openid:params:grant-type:ciba`, `urn:ietf:params:oauth:grant-type:pre-authorized_code`,
`urn:ietf:params:oauth:grant-type:uma-ticket`). Reported:
- a value close to a known one (`authorisation_code`, `refresh-token`, `device_code` for
  `urn:ietf:params:oauth:grant-type:device_code`, `code` for `authorization_code`), with "did you
  mean";
- a value that is not an absolute URI.

Another absolute URI is an extension grant type and passes.

## Why is this bad?
RFC 7591 §2: the `grant_types` value "MUST be the same as the value of the `grant_type` parameter
passed to the token endpoint"; RFC 6749 §4.5 makes extension grant types absolute URIs. A
misspelled grant type registers nothing the client can use: every token request with the real
grant type is refused with `unauthorized_client`.

## Example
```json
{ "grant_types": ["authorisation_code", "refresh-token", "device_code"] }
```

## Use instead
```json
{ "grant_types": ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"] }
```

## References
- RFC 7591 §2 (`grant_types`); RFC 6749 §4.5
- IANA OAuth URI registry; RFC 8628 §3.4; RFC 8693 §2.1; RFC 7523 §2.1; OpenID Connect CIBA Core 1.0 §4
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    let Some((_, grants)) = &client.grant_types else {
        return;
    };
    for (index, node, value) in grants {
        let (message, help) = match lookup_grant_type(value) {
            GrantTypeLookup::Known | GrantTypeLookup::Extension => continue,
            GrantTypeLookup::Misspelled(meant) => (
                format!("unknown grant type \"{value}\""),
                format!("did you mean \"{meant}\"?"),
            ),
            GrantTypeLookup::Unknown => (
                format!("unknown grant type \"{value}\": not an RFC 6749 name and not an absolute URI"),
                "extension grant types are absolute URIs (RFC 6749 §4.5); check the name your server documents"
                    .to_owned(),
            ),
        };
        ctx.report(
            &UNKNOWN_GRANT_TYPE,
            node.span,
            util::ptr_index("grant_types", *index),
            message,
        )
        .help(help);
    }
}
