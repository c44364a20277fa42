//! PRM009: human-readable pages of a protected resource served over http.

use crate::diagnostic::Severity;
use crate::json::Pointer;
use crate::rules::util::parse_url;
use crate::rules::{Basis, Ctx, Rule};

/// Members that point at pages or images shown to developers and users (language-tagged variants
/// such as `resource_tos_uri#de` included).
const PAGES: &[&str] = &[
    "resource_documentation",
    "resource_policy_uri",
    "resource_tos_uri",
    "logo_uri",
    "organization_uri",
];

/// PRM009: a protected resource's documentation, policy, terms, logo or organization URL uses http.
pub static INSECURE_PAGE_URL: Rule = Rule {
    code: "PRM009",
    name: "resource-page-not-https",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "A protected resource's documentation, policy, terms, logo or organization URL uses http",
    profile: None,
    docs: r#"## What it does
Reports `resource_documentation`, `resource_policy_uri`, `resource_tos_uri` (RFC 9728 §2),
`logo_uri` and `organization_uri` (OpenID Federation 1.0) of protected resource metadata, and their
language-tagged variants (`resource_tos_uri#de`), when they use `http`.

## Why is this bad?
The specifications only ask for URLs here, hence a warning, but these pages are what developers and
users read to decide whether to trust the resource: over http they can be altered in transit (a
phishing page in place of the documentation, different terms). RFC 9728 §7.1 requires TLS for the
metadata itself for the same reason.

## Example
```json
{ "resource": "https://api.example.com", "resource_tos_uri": "http://example.com/tos" }
```

## Use instead
```json
{ "resource": "https://api.example.com", "resource_tos_uri": "https://example.com/tos" }
```

## References
- RFC 9728 §2, §2.1 (language-tagged members), §7.1 (TLS requirements)
- OpenID Federation 1.0 §5.2.2 (`logo_uri`, `organization_uri`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let mut found = Vec::new();
    for member in ctx.object().iter() {
        let base = member.name.split_once('#').map_or(member.name.as_ref(), |(b, _)| b);
        if !PAGES.contains(&base) {
            continue;
        }
        let Some(value) = member.value.as_str() else {
            continue;
        };
        if parse_url(value).is_some_and(|u| u.scheme() == "http") {
            found.push((member.value.span, member.name.to_string(), value.to_owned()));
        }
    }
    for (span, name, value) in found {
        ctx.report(
            &INSECURE_PAGE_URL,
            span,
            Pointer::root().key(&name),
            format!("`{name}` uses http: \"{value}\""),
        )
        .help(format!("use https: \"{}\"", value.replacen("http:", "https:", 1)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn pages() {
        let f = findings(
            r#"{"resource": "https://api.example.com", "resource_documentation": "http://developer.example.com",
                "resource_tos_uri#de": "http://example.com/agb", "resource_policy_uri": "https://example.com/policy"}"#,
            "PRM009",
        );
        assert_eq!(
            f,
            [
                "/resource_documentation `resource_documentation` uses http: \"http://developer.example.com\" | use https: \"https://developer.example.com\"",
                "/resource_tos_uri#de `resource_tos_uri#de` uses http: \"http://example.com/agb\" | use https: \"https://example.com/agb\"",
            ]
        );
    }
}
