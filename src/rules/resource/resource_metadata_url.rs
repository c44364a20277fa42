//! PRM005: `resource` is the metadata document's own URL.

use crate::diagnostic::Severity;
use crate::rules::resource::{resource_url, strip_well_known};
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

const WELL_KNOWN: &str = "/.well-known/oauth-protected-resource";

/// PRM005: `resource` is the metadata URL (`/.well-known/oauth-protected-resource`), not the identifier.
pub static RESOURCE_METADATA_URL: Rule = Rule {
    code: "PRM005",
    name: "resource-is-metadata-url",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`resource` is the metadata URL (`/.well-known/oauth-protected-resource`), not the identifier",
    profile: None,
    docs: r#"## What it does
Reports a `resource` whose path contains `/.well-known/oauth-protected-resource`, and suggests the
identifier that metadata URL is derived from.

## Why is this bad?
The metadata URL is built from the resource identifier by inserting
`/.well-known/oauth-protected-resource` between the host and the path (RFC 9728 §3.1); `resource`
must be the identifier itself, identical to the URL the client uses (§3.3). A client that
discovered `https://api.example.com/orders` and finds `resource` set to the metadata URL must
discard the document, and tokens requested for that "resource" get the wrong audience.

## Example
```json
{ "resource": "https://api.example.com/.well-known/oauth-protected-resource/orders" }
```

## Use instead
```json
{ "resource": "https://api.example.com/orders" }
```

## References
- RFC 9728 §3.1 (constructing the metadata URL), §3.3 (`resource` must be identical to the URL used)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((node, value, url)) = resource_url(ctx) else {
        return;
    };
    if !url.path().contains(WELL_KNOWN) {
        return;
    }
    let span = node.span;
    ctx.report(
        &RESOURCE_METADATA_URL,
        span,
        ptr("resource"),
        format!("`resource` is a metadata URL, not a resource identifier: \"{value}\""),
    )
    .help(format!(
        "use the identifier it is derived from: \"{}\"",
        strip_well_known(value, WELL_KNOWN)
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn metadata_url() {
        assert_eq!(
            findings(
                r#"{"resource": "https://api.example.com/.well-known/oauth-protected-resource/orders"}"#,
                "PRM005"
            ),
            [
                "/resource `resource` is a metadata URL, not a resource identifier: \"https://api.example.com/.well-known/oauth-protected-resource/orders\" | use the identifier it is derived from: \"https://api.example.com/orders\""
            ]
        );
        let f = findings(
            r#"{"resource": "https://api.example.com/.well-known/oauth-protected-resource"}"#,
            "PRM005",
        );
        assert!(f[0].ends_with("\"https://api.example.com\""), "{f:?}");
        assert!(findings(r#"{"resource": "https://api.example.com/orders"}"#, "PRM005").is_empty());
    }
}
