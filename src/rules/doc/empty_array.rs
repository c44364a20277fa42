//! DOC005: zero-element arrays where the specifications say to omit the member.

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::json::Pointer;
use crate::registry;
use crate::rules::{Basis, Ctx, Rule};

/// DOC005: a metadata member is an empty array; the specification says to omit it.
pub static EMPTY_ARRAY: Rule = Rule {
    code: "DOC005",
    name: "empty-array",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A metadata member is an empty array; the specification says to omit it",
    profile: None,
    docs: r#"## What it does
In authorization server metadata and protected resource metadata, reports every top-level member
whose value is an empty array (`"scopes_supported": []`), one finding per member.

The finding is an error for the members the linter knows for that kind (registered at IANA or
defined by a known specification), and a warning for other members: the requirement covers every
member of the response, but a vendor may give `[]` a meaning of its own in its extension (AD FS
`capabilities`). One member is exempt: RFC 9728 §2 says that for `bearer_methods_supported` "the
empty array [] can be used to indicate that no bearer methods are supported". Arrays nested in
objects are not checked. Client metadata and JWK Sets are not checked at all: neither RFC 7591
nor OpenID Connect Registration 1.0 says to omit empty arrays from client metadata, and an empty
`keys` array is a valid (if useless) JWK Set (RFC 7517 §5).

## Why is this bad?
"Claims with zero elements MUST be omitted from the response" (RFC 8414 §3.2; the same sentence is
in OpenID Connect Discovery 1.0 §4.2), and "Parameters with zero values MUST be omitted from the
response" (RFC 9728 §3.2). An omitted member means its default (`response_modes_supported`:
`["query", "fragment"]`; `grant_types_supported`: `["authorization_code", "implicit"]`), or
"not supported" (`code_challenge_methods_supported`: no PKCE), while an empty array means
"nothing", and clients disagree on which reading to apply: some fall back to the default, others
refuse every value. `"authorization_servers": []` in resource metadata leaves a client with no
server to ask for a token.

## Example
```json
{ "issuer": "https://as.example.com", "response_types_supported": ["code"], "acr_values_supported": [], "scopes_supported": [] }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "response_types_supported": ["code"] }
```

## References
- RFC 8414 §3.2; OpenID Connect Discovery 1.0 §4.2
- RFC 9728 §3.2, §2 (`bearer_methods_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let (kind, rfc) = match ctx.kind {
        Kind::Server => (Kind::Server, "RFC 8414 §3.2"),
        Kind::Resource => (Kind::Resource, "RFC 9728 §3.2"),
        Kind::Client | Kind::Jwks => return,
    };
    for member in ctx.object().iter() {
        let Some(items) = member.value.as_array() else {
            continue;
        };
        let name = member.name.as_ref();
        if !items.is_empty() || (kind == Kind::Resource && name == "bearer_methods_supported") {
            continue;
        }
        let known = registry::is_known_member(kind, name);
        let d = ctx.report(
            &EMPTY_ARRAY,
            member.value.span,
            Pointer::root().key(name),
            format!("`{name}` is an empty array"),
        );
        if known {
            d.help(format!(
                "remove `{name}`: members with zero elements MUST be omitted ({rfc}), and omitted means its default or \"not supported\""
            ));
        } else {
            // A vendor extension may give `[]` a meaning of its own.
            d.severity(Severity::Warning).help(format!(
                "members with zero elements MUST be omitted ({rfc}); if `[]` means something in this extension, document it"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    fn empty_array_findings(path: &str, text: &str) -> usize {
        let options = crate::lint::LintOptions::default();
        let report = crate::lint::lint_bytes(
            path,
            text.as_bytes().to_vec(),
            crate::lint::Origin::Explicit,
            &options,
            None,
        );
        report.diagnostics.iter().filter(|d| d.rule.code == "DOC005").count()
    }

    #[test]
    fn server_and_resource_members() {
        let server = r#"{"issuer": "https://as.example.com", "scopes_supported": [], "x_vendor_list": []}"#;
        assert_eq!(empty_array_findings("as.discovery.json", server), 2);
        let resource =
            r#"{"resource": "https://api.example.com", "authorization_servers": [], "bearer_methods_supported": []}"#;
        assert_eq!(empty_array_findings("oauth-protected-resource", resource), 1);
    }

    #[test]
    fn clients_and_key_sets_are_not_checked() {
        let client = r#"{"client_name": "Backend", "grant_types": ["client_credentials"], "contacts": []}"#;
        assert_eq!(empty_array_findings("backend.client.json", client), 0);
        assert_eq!(empty_array_findings("jwks.json", r#"{"keys": []}"#), 0);
    }
}
