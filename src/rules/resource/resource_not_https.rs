//! PRM002: the resource identifier is not an https URL.

use crate::diagnostic::Severity;
use crate::rules::resource::{is_local_http, resource_url};
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// PRM002: the `resource` identifier does not use the https scheme.
pub static RESOURCE_NOT_HTTPS: Rule = Rule {
    code: "PRM002",
    name: "resource-not-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The `resource` identifier does not use the https scheme",
    profile: None,
    docs: r#"## What it does
Reports a `resource` whose scheme is not `https` (`http`, `urn:`, …). Relative or malformed values
are `SCH002`'s. An `http` resource on a loopback host (`http://localhost:3000/mcp`, a local
development server) is `PRM012`, a warning, instead.

## Why is this bad?
The resource identifier "is a URL that uses the https scheme" (RFC 9728 §1.2, §2). Clients derive
the metadata location from it and compare it with the URL they call (§3.1, §3.3), and
authorization servers use it as the token audience (RFC 8707): over http, both can be tampered
with in transit.

## Example
```json
{ "resource": "http://api.example.com/orders" }
```

## Use instead
```json
{ "resource": "https://api.example.com/orders" }
```

## References
- RFC 9728 §1.2 (Resource Identifier), §2 (`resource`), §3.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((node, value, url)) = resource_url(ctx) else {
        return;
    };
    if url.scheme() == "https" || is_local_http(ctx, &url) {
        return;
    }
    let span = node.span;
    let help = if url.scheme() == "http" {
        format!(
            "serve the resource over https: \"{}\"",
            value.replacen("http:", "https:", 1)
        )
    } else {
        "the resource identifier is the https URL clients call, e.g. \"https://api.example.com\"".to_owned()
    };
    ctx.report(
        &RESOURCE_NOT_HTTPS,
        span,
        ptr("resource"),
        format!("`resource` uses {}: \"{value}\"", url.scheme()),
    )
    .help(help);
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn scheme() {
        assert_eq!(
            findings(r#"{"resource": "http://api.example.com/orders"}"#, "PRM002"),
            [
                "/resource `resource` uses http: \"http://api.example.com/orders\" | serve the resource over https: \"https://api.example.com/orders\""
            ]
        );
        assert_eq!(findings(r#"{"resource": "urn:example:orders"}"#, "PRM002").len(), 1);
        assert!(findings(r#"{"resource": "https://api.example.com/orders"}"#, "PRM002").is_empty());
        assert!(findings(r#"{"resource": "/orders"}"#, "PRM002").is_empty());
    }
}
