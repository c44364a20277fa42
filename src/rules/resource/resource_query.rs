//! PRM004: the resource identifier has a query.

use crate::diagnostic::Severity;
use crate::rules::resource::resource_url;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// PRM004: the `resource` identifier has a query component.
pub static RESOURCE_QUERY: Rule = Rule {
    code: "PRM004",
    name: "resource-query",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "The `resource` identifier has a query component",
    profile: None,
    docs: r#"## What it does
Reports a `resource` URL with a query component (`?…`).

## Why is this bad?
Following RFC 8707 §2, the resource identifier "SHOULD NOT include a query component" (RFC 9728
§1.2), though the specifications recognise that some deployments need one to scope requests to an
application, hence a warning. A query makes the identifier fragile: the metadata URL keeps it after
the path (§3.1), and any reordering or re-encoding by a client breaks the exact comparison of §3.3
and the audience match at the authorization server.

## Example
```json
{ "resource": "https://api.example.com/orders?tenant=acme" }
```

## Use instead
```json
{ "resource": "https://api.example.com/tenants/acme/orders" }
```

## References
- RFC 9728 §1.2 (Resource Identifier), §3.1, §3.3; RFC 8707 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((node, value, url)) = resource_url(ctx) else {
        return;
    };
    if url.query().is_none() {
        return;
    }
    let span = node.span;
    ctx.report(
        &RESOURCE_QUERY,
        span,
        ptr("resource"),
        format!("`resource` has a query: \"{value}\""),
    )
    .help("identify the resource by scheme, host and path only, unless the query is needed to tell resources apart");
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn query() {
        assert_eq!(
            findings(
                r#"{"resource": "https://api.example.com/orders?tenant=acme"}"#,
                "PRM004"
            ),
            [
                "/resource `resource` has a query: \"https://api.example.com/orders?tenant=acme\" | identify the resource by scheme, host and path only, unless the query is needed to tell resources apart"
            ]
        );
        assert!(findings(r#"{"resource": "https://api.example.com/orders"}"#, "PRM004").is_empty());
    }
}
