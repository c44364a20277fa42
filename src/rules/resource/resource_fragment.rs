//! PRM003: the resource identifier has a fragment.

use crate::diagnostic::Severity;
use crate::rules::resource::resource_url;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// PRM003: the `resource` identifier has a fragment component.
pub static RESOURCE_FRAGMENT: Rule = Rule {
    code: "PRM003",
    name: "resource-fragment",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The `resource` identifier has a fragment component",
    profile: None,
    docs: r#"## What it does
Reports a `resource` URL with a fragment (`#…`, an empty one included).

## Why is this bad?
The resource identifier "has no fragment component" (RFC 9728 §1.2; RFC 8707 §2: the `resource`
parameter "MUST NOT include a fragment component"). A fragment never reaches the server, so the
metadata URL derived from the identifier drops it, and the identifier no longer equals the URL the
client called: RFC 9728 §3.3 then requires the client to discard the metadata.

## Example
```json
{ "resource": "https://api.example.com/orders#v2" }
```

## Use instead
```json
{ "resource": "https://api.example.com/orders" }
```

## References
- RFC 9728 §1.2 (Resource Identifier), §2, §3.3; RFC 8707 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((node, value, url)) = resource_url(ctx) else {
        return;
    };
    if url.fragment().is_none() {
        return;
    }
    let span = node.span;
    let without = value.split_once('#').map_or(value, |(before, _)| before);
    ctx.report(
        &RESOURCE_FRAGMENT,
        span,
        ptr("resource"),
        format!("`resource` has a fragment: \"{value}\""),
    )
    .help(format!("remove the fragment: \"{without}\""));
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn fragment() {
        assert_eq!(
            findings(r##"{"resource": "https://api.example.com/orders#v2"}"##, "PRM003"),
            [
                "/resource `resource` has a fragment: \"https://api.example.com/orders#v2\" | remove the fragment: \"https://api.example.com/orders\""
            ]
        );
        assert_eq!(
            findings(r##"{"resource": "https://api.example.com/#"}"##, "PRM003").len(),
            1
        );
        assert!(findings(r#"{"resource": "https://api.example.com/orders"}"#, "PRM003").is_empty());
    }
}
