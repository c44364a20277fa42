//! PRM008: `jwks_uri` or `signed_jwks_uri` of a protected resource is not https.

use crate::diagnostic::Severity;
use crate::rules::resource::is_local_http;
use crate::rules::util::{parse_url, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// PRM008: the protected resource's `jwks_uri` (or `signed_jwks_uri`) does not use https.
pub static JWKS_URI_NOT_HTTPS: Rule = Rule {
    code: "PRM008",
    name: "resource-jwks-uri-not-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The protected resource's `jwks_uri` (or `signed_jwks_uri`) does not use https",
    profile: None,
    docs: r#"## What it does
Reports `jwks_uri` and `signed_jwks_uri` of protected resource metadata whose scheme is not
`https`. Relative or malformed values are `SCH002`'s. In a development document (`resource` on
a loopback host), an `http` URL on a loopback host is `PRM012`, a warning, instead.

## Why is this bad?
The JWK Set holds the keys the resource signs its responses with; fetched over http, anyone on the
path can substitute their own keys. RFC 9728 §2: "This URL MUST use the https scheme"; OpenID
Federation 1.0 says the same of `signed_jwks_uri`.

## Example
```json
{ "resource": "https://api.example.com", "jwks_uri": "http://api.example.com/jwks.json" }
```

## Use instead
```json
{ "resource": "https://api.example.com", "jwks_uri": "https://api.example.com/jwks.json" }
```

## References
- RFC 9728 §2 (`jwks_uri`); OpenID Federation 1.0 §5.2.1 (`signed_jwks_uri`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for name in ["jwks_uri", "signed_jwks_uri"] {
        let Some((node, value)) = str_member(ctx.object(), name) else {
            continue;
        };
        let Some(url) = parse_url(value) else {
            continue;
        };
        if url.scheme() == "https" || is_local_http(ctx, &url) {
            continue;
        }
        let span = node.span;
        ctx.report(
            &JWKS_URI_NOT_HTTPS,
            span,
            ptr(name),
            format!("`{name}` uses {}: \"{value}\"", url.scheme()),
        )
        .help("serve the JWK Set over https");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn jwks_uri() {
        assert_eq!(
            findings(
                r#"{"resource": "https://api.example.com", "jwks_uri": "http://api.example.com/jwks.json"}"#,
                "PRM008"
            ),
            ["/jwks_uri `jwks_uri` uses http: \"http://api.example.com/jwks.json\" | serve the JWK Set over https"]
        );
        assert!(
            findings(
                r#"{"resource": "https://api.example.com", "jwks_uri": "https://api.example.com/jwks.json"}"#,
                "PRM008"
            )
            .is_empty()
        );
    }
}
