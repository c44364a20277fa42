//! SRV015: `*_auth_signing_alg_values_supported` must be present when a JWT client authentication
//! method is offered at that endpoint.

use crate::diagnostic::Severity;
use crate::rules::server::is_openid_provider;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV015: `private_key_jwt` or `client_secret_jwt` is offered without the list of signing algorithms.
pub static MISSING_AUTH_SIGNING_ALGS: Rule = Rule {
    code: "SRV015",
    name: "missing-auth-signing-algs",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`private_key_jwt` or `client_secret_jwt` is offered without the list of signing algorithms",
    profile: None,
    docs: r#"## What it does
For the token, revocation and introspection endpoints, reports a
`<endpoint>_auth_methods_supported` list that contains `private_key_jwt` or `client_secret_jwt`
while `<endpoint>_auth_signing_alg_values_supported` is absent. As for every missing member, the
finding points at the document (pointer `""`); a label marks the JWT method that needs the list. The default of `token_endpoint_auth_methods_supported` (`client_secret_basic`) needs no
algorithms. Whether the listed algorithms are registered, and never `none`, is the `ALG` family's
job.

For the token endpoint in OpenID Provider metadata (see `SRV006`) the finding is a warning, not an
error: OpenID Connect Discovery 1.0 §3 defines `token_endpoint_auth_signing_alg_values_supported`
without the requirement, and an OpenID Provider may conform to Discovery alone (it predates
RFC 8414, which generalises it). The revocation and introspection lists are defined only by
RFC 8414, so their absence is always an error.

## Why is this bad?
"This metadata entry MUST be present if either of these authentication methods are specified"
and "No default algorithms are implied if this entry is omitted" (RFC 8414 §2). A client using
`private_key_jwt` cannot know which algorithm the server verifies and has to guess; a wrong guess
fails client authentication.

## Example
```json
{ "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"] }
```

## Use instead
```json
{ "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"], "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"] }
```

## References
- RFC 8414 §2 (`token_endpoint_auth_signing_alg_values_supported`,
  `revocation_endpoint_auth_signing_alg_values_supported`,
  `introspection_endpoint_auth_signing_alg_values_supported`)
- RFC 7523 §2.2; OpenID Connect Core 1.0 §9
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let openid = is_openid_provider(ctx);
    for (endpoint, methods, algs) in [
        (
            "token_endpoint",
            "token_endpoint_auth_methods_supported",
            "token_endpoint_auth_signing_alg_values_supported",
        ),
        (
            "revocation_endpoint",
            "revocation_endpoint_auth_methods_supported",
            "revocation_endpoint_auth_signing_alg_values_supported",
        ),
        (
            "introspection_endpoint",
            "introspection_endpoint_auth_methods_supported",
            "introspection_endpoint_auth_signing_alg_values_supported",
        ),
    ] {
        if obj.contains(algs) {
            continue;
        }
        let Some((_, items)) = str_array(obj, methods) else {
            continue;
        };
        let jwt: Vec<_> = items
            .iter()
            .filter(|(_, _, m)| matches!(*m, "private_key_jwt" | "client_secret_jwt"))
            .collect();
        let Some((index, node, method)) = jwt.first() else {
            continue;
        };
        let example = if jwt.iter().all(|(_, _, m)| *m == "client_secret_jwt") {
            "[\"HS256\"]"
        } else {
            "[\"RS256\", \"ES256\"]"
        };
        let d = ctx.report(
            &MISSING_AUTH_SIGNING_ALGS,
            ctx.root.span,
            "",
            format!("`{methods}` offers `{method}`, but `{algs}` is missing"),
        );
        d.related(
            node.span,
            ptr_index(methods, *index),
            "needs the signing algorithm list",
        );
        d.help(format!(
            "add `{algs}` with the algorithms the endpoint verifies, such as {example}"
        ));
        if openid && endpoint == "token_endpoint" {
            // OpenID Connect Discovery 1.0 §3 has no such requirement (see the docs).
            d.severity(Severity::Warning).help(format!(
                "add `{algs}` with the algorithms the endpoint verifies, such as {example} (RFC 8414 requires it; OpenID Connect Discovery does not, hence a warning)"
            ));
        }
    }
}
