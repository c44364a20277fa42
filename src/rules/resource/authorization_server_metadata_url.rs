//! PRM007: an `authorization_servers` element is a metadata URL, not an issuer.

use crate::diagnostic::Severity;
use crate::rules::resource::strip_well_known;
use crate::rules::util::{parse_url, ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

const WELL_KNOWN: [&str; 2] = [
    "/.well-known/oauth-authorization-server",
    "/.well-known/openid-configuration",
];

/// PRM007: an `authorization_servers` element is a metadata URL (`/.well-known/…`), not an issuer.
pub static AUTHORIZATION_SERVER_METADATA_URL: Rule = Rule {
    code: "PRM007",
    name: "authorization-server-metadata-url",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An `authorization_servers` element is a metadata URL (`/.well-known/…`), not an issuer",
    profile: None,
    docs: r#"## What it does
Reports an `authorization_servers` element whose path contains
`/.well-known/oauth-authorization-server` or `/.well-known/openid-configuration`, and suggests the
issuer identifier that metadata URL is derived from.

## Why is this bad?
`authorization_servers` holds issuer identifiers (RFC 9728 §2). Clients append the well-known path
themselves (RFC 8414 §3.1, OIDC Discovery §4) and then require the `issuer` of the fetched metadata
to equal the value they started from (RFC 8414 §3.3): starting from the metadata URL, they fetch
`…/.well-known/oauth-authorization-server/.well-known/…` or reject the issuer.

## Example
```json
{ "resource": "https://api.example.com",
  "authorization_servers": ["https://as.example.com/.well-known/oauth-authorization-server"] }
```

## Use instead
```json
{ "resource": "https://api.example.com", "authorization_servers": ["https://as.example.com"] }
```

## References
- RFC 9728 §2 (`authorization_servers`); RFC 8414 §3.1, §3.3; OpenID Connect Discovery 1.0 §4
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "authorization_servers") else {
        return;
    };
    for (index, node, value) in items {
        let Some(url) = parse_url(value) else {
            continue;
        };
        let Some(segment) = WELL_KNOWN.into_iter().find(|s| url.path().contains(s)) else {
            continue;
        };
        ctx.report(
            &AUTHORIZATION_SERVER_METADATA_URL,
            node.span,
            ptr_index("authorization_servers", index),
            format!("authorization server \"{value}\" is a metadata URL, not an issuer identifier"),
        )
        .help(format!(
            "list the issuer instead: \"{}\"",
            strip_well_known(value, segment)
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn metadata_urls() {
        let f = findings(
            r#"{"resource": "https://api.example.com", "authorization_servers": [
                "https://as.example.com/.well-known/oauth-authorization-server/tenant1",
                "https://login.example.com/realms/x/.well-known/openid-configuration",
                "https://as.example.com"]}"#,
            "PRM007",
        );
        assert_eq!(
            f,
            [
                "/authorization_servers/0 authorization server \"https://as.example.com/.well-known/oauth-authorization-server/tenant1\" is a metadata URL, not an issuer identifier | list the issuer instead: \"https://as.example.com/tenant1\"",
                "/authorization_servers/1 authorization server \"https://login.example.com/realms/x/.well-known/openid-configuration\" is a metadata URL, not an issuer identifier | list the issuer instead: \"https://login.example.com/realms/x\"",
            ]
        );
    }
}
