//! PRM001: protected resource metadata without `resource`.

use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// PRM001: protected resource metadata has no `resource` member.
pub static MISSING_RESOURCE: Rule = Rule {
    code: "PRM001",
    name: "missing-resource",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "Protected resource metadata has no `resource` member",
    profile: None,
    docs: r#"## What it does
Reports protected resource metadata without the REQUIRED `resource` member, at the top-level object.

## Why is this bad?
`resource` is the protected resource's identifier. A client that discovered the metadata from a
resource URL (or from a `WWW-Authenticate` challenge) must check that `resource` is identical to
the URL it used, and must not use the metadata otherwise (RFC 9728 §3.3): without it, the document
is unusable. It is also the value clients send as the RFC 8707 `resource` parameter.

## Example
```json
{ "authorization_servers": ["https://as.example.com"], "scopes_supported": ["orders:read"] }
```

## Use instead
```json
{ "resource": "https://api.example.com/orders",
  "authorization_servers": ["https://as.example.com"], "scopes_supported": ["orders:read"] }
```

## References
- RFC 9728 §2 (`resource`: REQUIRED), §3.3 (validating the metadata)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.object().contains("resource") {
        return;
    }
    let span = ctx.root.span;
    ctx.report(&MISSING_RESOURCE, span, "", "protected resource metadata has no `resource` member")
        .help("add `resource`: the https URL that identifies the protected resource, e.g. `\"resource\": \"https://api.example.com\"`");
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn missing() {
        assert_eq!(
            findings(r#"{"authorization_servers": ["https://as.example.com"]}"#, "PRM001"),
            [
                "\"\" protected resource metadata has no `resource` member | add `resource`: the https URL that identifies the protected resource, e.g. `\"resource\": \"https://api.example.com\"`"
            ]
        );
        assert!(findings(r#"{"resource": "https://api.example.com"}"#, "PRM001").is_empty());
    }
}
