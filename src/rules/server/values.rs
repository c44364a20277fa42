//! SRV019–SRV020: values of the `*_supported` lists whose value space a specification defines.

use crate::diagnostic::Severity;
use crate::registry::{self, tables};
use crate::rules::doc::closest_value;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV019: a `grant_types_supported` entry is neither an OAuth grant type name nor a grant type URI.
pub static UNKNOWN_GRANT_TYPE: Rule = Rule {
    code: "SRV019",
    name: "unknown-supported-grant-type",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A `grant_types_supported` entry is neither an OAuth grant type name nor a grant type URI",
    profile: None,
    docs: r#"## What it does
Checks each `grant_types_supported` entry. Accepted: the grant types of RFC 6749 and RFC 7591
(`authorization_code`, `implicit`, `password`, `client_credentials`, `refresh_token`), the grant
type URIs of the IANA "OAuth URI" registry (`urn:ietf:params:oauth:grant-type:device_code`,
`…:jwt-bearer`, `…:saml2-bearer`, `…:token-exchange`), the well-known unregistered ones
(`urn:openid:params:grant-type:ciba`, `urn:ietf:params:oauth:grant-type:pre-authorized_code`,
`…:uma-ticket`), and any other absolute URI outside the IETF namespace (an extension grant,
RFC 6749 §4.5). Reported, with a suggestion where one is close:
- a bare name that is not an RFC 6749 grant type (`device_code` for
  `urn:ietf:params:oauth:grant-type:device_code`, `client_credential`, vendor names such as
  `srv_challenge`);
- an unknown URI in the `urn:ietf:params:oauth:grant-type:` namespace, which only IANA assigns.

## Why is this bad?
Clients and registration endpoints compare grant types as exact strings. An extension grant is
identified by "an absolute URI (defined by the authorization server)" (RFC 6749 §4.5), so a bare
unknown name is either a typo of a standard grant or a private value no client can match: a
client registering for `urn:ietf:params:oauth:grant-type:device_code` finds it unsupported.

## Example
```json
{ "grant_types_supported": ["authorization_code", "device_code", "client_credential"] }
```

## Use instead
```json
{ "grant_types_supported": ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code", "client_credentials"] }
```

## References
- RFC 6749 §4.5, Appendix A.10; RFC 7591 §2 (`grant_types`); RFC 8414 §2 (`grant_types_supported`)
- RFC 8628 §3.4; RFC 7523 §2.1; RFC 8693 §2.1; OpenID Connect CIBA Core 1.0 §4
- IANA OAuth URI registry
"#,
};

/// SRV020: a value in a `*_supported` list is not one its specification defines.
pub static UNKNOWN_METADATA_VALUE: Rule = Rule {
    code: "SRV020",
    name: "unknown-metadata-value",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A value in a `*_supported` list is not one its specification defines",
    profile: None,
    docs: r#"## What it does
Checks the entries of lists whose values a specification enumerates:

| member | values |
|---|---|
| `response_modes_supported` | `query`, `fragment`, `form_post`, `query.jwt`, `fragment.jwt`, `form_post.jwt`, `jwt`, `direct_post`, `direct_post.jwt`, `web_message` |
| `subject_types_supported` | `public`, `pairwise` |
| `claim_types_supported` | `normal`, `aggregated`, `distributed` |
| `display_values_supported` | `page`, `popup`, `touch`, `wap` |
| `prompt_values_supported` | `none`, `login`, `consent`, `select_account`, `create` |
| `client_registration_types_supported` | `automatic`, `explicit` |

Other values are reported, with "did you mean" for a wrong case or a near miss (`Public`,
`form-post`, `Normal Claims`). `code_challenge_methods_supported` has a registry and its own rule
(`SRV034`); `backchannel_token_delivery_modes_supported` is checked by the schema (`SCH005`).

## Why is this bad?
Clients look for the exact strings: a provider that lists `Public` appears to support no subject
type a client can register; `Normal Claims` is a description pasted where the value belongs. These
value spaces are open to extensions (a response mode defined by a vendor, such as Okta's
`okta_post_message`), which is why this is a warning.

## Example
```json
{ "subject_types_supported": ["Public"], "claim_types_supported": ["Normal Claims"] }
```

## Use instead
```json
{ "subject_types_supported": ["public"], "claim_types_supported": ["normal"] }
```

## References
- RFC 8414 §2 (`response_modes_supported`)
- OAuth 2.0 Multiple Response Type Encoding Practices §2.1; OAuth 2.0 Form Post Response Mode §2;
  JWT Secured Authorization Response Mode (JARM) §2.3; OpenID for Verifiable Presentations 1.0
  (response mode `direct_post`)
- OpenID Connect Discovery 1.0 §3 (`subject_types_supported`, `claim_types_supported`,
  `display_values_supported`); OpenID Connect Core 1.0 §3.1.2.1 (`display`, `prompt`), §5.6, §8;
  Initiating User Registration via OpenID Connect 1.0 (`prompt=create`)
- OpenID Federation 1.0 §5.1.3 (`client_registration_types_supported`)
"#,
};

/// The RFC 6749 / RFC 7591 grant type names.
const GRANT_NAMES: &[&str] = &[
    "authorization_code",
    "implicit",
    "password",
    "client_credentials",
    "refresh_token",
];

const GRANT_URN_PREFIX: &str = "urn:ietf:params:oauth:grant-type:";

/// Grant type URIs that specifications define without an IANA registration.
const UNREGISTERED_GRANT_URIS: &[&str] = &[
    "urn:openid:params:grant-type:ciba",
    "urn:ietf:params:oauth:grant-type:pre-authorized_code",
    "urn:ietf:params:oauth:grant-type:uma-ticket",
];

/// Members whose values a specification enumerates, and those values.
const VALUE_SETS: &[(&str, &[&str])] = &[
    (
        "response_modes_supported",
        &[
            "query",
            "fragment",
            "form_post",
            "query.jwt",
            "fragment.jwt",
            "form_post.jwt",
            "jwt",
            "direct_post",
            "direct_post.jwt",
            "web_message",
        ],
    ),
    ("subject_types_supported", &["public", "pairwise"]),
    ("claim_types_supported", &["normal", "aggregated", "distributed"]),
    ("display_values_supported", &["page", "popup", "touch", "wap"]),
    (
        "prompt_values_supported",
        &["none", "login", "consent", "select_account", "create"],
    ),
    ("client_registration_types_supported", &["automatic", "explicit"]),
];

fn grant_uris() -> impl Iterator<Item = &'static str> {
    registry::values(tables::OAUTH_URI)
        .filter(|u| u.starts_with(GRANT_URN_PREFIX))
        .chain(UNREGISTERED_GRANT_URIS.iter().copied())
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    check_grant_types(ctx);
    for (member, listed) in VALUE_SETS {
        let Some((_, items)) = str_array(ctx.object(), member) else {
            continue;
        };
        let allowed = listed;
        for (index, node, value) in items {
            if allowed.contains(&value) {
                continue;
            }
            let d = ctx.report(
                &UNKNOWN_METADATA_VALUE,
                node.span,
                ptr_index(member, index),
                format!("{value:?} is not a `{member}` value any specification defines"),
            );
            let normalized = value.split_whitespace().next().unwrap_or(value);
            match closest_value(normalized, allowed.iter().copied()) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help(format!(
                    "the defined values are {}",
                    super::quoted_list(allowed.iter().copied())
                )),
            };
        }
    }
}

fn check_grant_types(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "grant_types_supported") else {
        return;
    };
    for (index, node, grant) in items {
        if GRANT_NAMES.contains(&grant) || grant_uris().any(|u| u == grant) {
            continue;
        }
        let is_uri = grant.contains(':');
        if is_uri && !grant.starts_with(GRANT_URN_PREFIX) {
            continue; // an extension grant (RFC 6749 §4.5)
        }
        let pointer = ptr_index("grant_types_supported", index);
        let as_urn = format!("{GRANT_URN_PREFIX}{grant}");
        let suggestion = if !is_uri && grant_uris().any(|u| u == as_urn) {
            Some(as_urn)
        } else {
            closest_value(grant, GRANT_NAMES.iter().copied().chain(grant_uris())).map(str::to_owned)
        };
        let message = if is_uri {
            format!("{grant:?} is not a grant type URI registered in the IETF namespace")
        } else {
            format!("{grant:?} is not an OAuth grant type; extension grants are identified by an absolute URI")
        };
        let d = ctx.report(&UNKNOWN_GRANT_TYPE, node.span, pointer, message);
        match suggestion {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.help(
                "use an RFC 6749 grant type name or a grant type URI; identify a private grant by a URI you control",
            ),
        };
    }
}
