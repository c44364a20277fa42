//! PRM011: a RECOMMENDED member of protected resource metadata is absent.

use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// RFC 9728 §2's RECOMMENDED members, and why a client wants each.
const RECOMMENDED: &[(&str, &str)] = &[
    (
        "resource_name",
        "clients cannot show users which resource they are granting access to",
    ),
    (
        "scopes_supported",
        "clients cannot tell which scopes to request for this resource",
    ),
];

/// PRM011: a RECOMMENDED protected resource member (`resource_name`, `scopes_supported`) is absent.
pub static MISSING_RECOMMENDED_MEMBER: Rule = Rule {
    code: "PRM011",
    name: "missing-recommended-resource-member",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A RECOMMENDED protected resource member (`resource_name`, `scopes_supported`) is absent",
    profile: None,
    docs: r#"## What it does
Points out, at the top-level object, protected resource metadata without `resource_name` (a
language-tagged `resource_name#…` counts) or without `scopes_supported`, the two members RFC 9728
§2 marks RECOMMENDED. A zero-element `scopes_supported` is present, and is `DOC005`'s.

## Why is this bad?
It is often a deliberate choice, hence an info. But `resource_name` is what a client or an
authorization server shows the user when asking for consent to this resource, and without
`scopes_supported` a client that discovered the resource (an MCP client, for example) has to guess
which scopes to request.

## Example
```json
{ "resource": "https://api.example.com/orders", "authorization_servers": ["https://as.example.com"] }
```

## Use instead
```json
{ "resource": "https://api.example.com/orders", "authorization_servers": ["https://as.example.com"],
  "resource_name": "Example Orders API", "scopes_supported": ["orders:read", "orders:write"] }
```

## References
- RFC 9728 §2 (`resource_name`, `scopes_supported`: RECOMMENDED), §2.1 (language-tagged names)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let span = ctx.root.span;
    for &(name, consequence) in RECOMMENDED {
        let present = ctx
            .object()
            .iter()
            .any(|m| m.name == name || m.name.split_once('#').is_some_and(|(base, _)| base == name));
        if present {
            continue;
        }
        ctx.report(
            &MISSING_RECOMMENDED_MEMBER,
            span,
            "",
            format!("`{name}` is absent (RECOMMENDED)"),
        )
        .help(format!("add `{name}`: without it {consequence}"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn recommended() {
        assert_eq!(
            findings(
                r#"{"resource": "https://api.example.com", "resource_name#en": "Orders"}"#,
                "PRM011"
            ),
            [
                "\"\" `scopes_supported` is absent (RECOMMENDED) | add `scopes_supported`: without it clients cannot tell which scopes to request for this resource"
            ]
        );
        assert_eq!(
            findings(
                r#"{"resource": "https://api.example.com", "scopes_supported": []}"#,
                "PRM011"
            )
            .len(),
            1
        );
    }
}
