//! PRM006: an `authorization_servers` element is not a valid issuer identifier.

use crate::diagnostic::Severity;
use crate::rules::resource::is_local_http;
use crate::rules::util::{parse_url, ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// PRM006: an `authorization_servers` element is not an issuer identifier (https, no query, no fragment).
pub static AUTHORIZATION_SERVER_NOT_ISSUER: Rule = Rule {
    code: "PRM006",
    name: "authorization-server-not-issuer",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An `authorization_servers` element is not an issuer identifier (https, no query, no fragment)",
    profile: None,
    docs: r#"## What it does
Checks each element of `authorization_servers` against the definition of an issuer identifier:
an `https` URL with no query and no fragment. Relative or malformed values are `SCH002`'s. In a
development document (`resource` on a loopback host), an `http` authorization server on a loopback
host is `PRM012`, a warning, instead.

## Why is this bad?
`authorization_servers` lists "OAuth authorization server issuer identifiers, as defined in
RFC 8414" (RFC 9728 §2), and an issuer identifier "is a URL that uses the https scheme and has no
query or fragment components" (RFC 8414 §2). Clients build the authorization server's metadata URL
from it and compare the `issuer` they get back with it exactly (RFC 8414 §3.3): any other value
cannot match, and over http the discovery can be hijacked.

## Example
```json
{ "resource": "https://api.example.com", "authorization_servers": ["http://as.example.com", "https://as.example.com/?tenant=acme"] }
```

## Use instead
```json
{ "resource": "https://api.example.com", "authorization_servers": ["https://as.example.com", "https://as.example.com/acme"] }
```

## References
- RFC 9728 §2 (`authorization_servers`); RFC 8414 §2 (`issuer`), §3.1, §3.3
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
        let mut problems = Vec::new();
        if url.scheme() != "https" && !is_local_http(ctx, &url) {
            problems.push(format!("uses {}", url.scheme()));
        }
        if url.query().is_some() {
            problems.push("has a query".to_owned());
        }
        if url.fragment().is_some() {
            problems.push("has a fragment".to_owned());
        }
        if problems.is_empty() {
            continue;
        }
        ctx.report(
            &AUTHORIZATION_SERVER_NOT_ISSUER,
            node.span,
            ptr_index("authorization_servers", index),
            format!(
                "authorization server \"{value}\" is not an issuer identifier: it {}",
                problems.join(" and ")
            ),
        )
        .help("list each server's `issuer`: an https URL without query or fragment, exactly as its metadata states it");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn issuers() {
        let f = findings(
            r##"{"resource": "https://api.example.com", "authorization_servers":
                ["https://as.example.com", "http://as.example.com", "https://as.example.com/?t=1#x", "as.example.com"]}"##,
            "PRM006",
        );
        assert_eq!(f.len(), 2);
        assert!(f[0].starts_with("/authorization_servers/1 authorization server \"http://as.example.com\" is not an issuer identifier: it uses http |"), "{f:?}");
        assert!(f[1].starts_with("/authorization_servers/2 authorization server \"https://as.example.com/?t=1#x\" is not an issuer identifier: it has a query and has a fragment |"), "{f:?}");
    }
}
