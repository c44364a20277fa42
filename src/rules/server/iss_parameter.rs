//! SRV026: the `iss` authorization response parameter (RFC 9207), the mix-up defence.

use crate::diagnostic::Severity;
use crate::rules::server::uses_authorization_endpoint;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// SRV026: the server does not declare the `iss` authorization response parameter (RFC 9207).
pub static ISS_PARAMETER_NOT_SUPPORTED: Rule = Rule {
    code: "SRV026",
    name: "iss-parameter-not-supported",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "The server does not declare the `iss` authorization response parameter (RFC 9207)",
    profile: None,
    docs: r#"## What it does
When a supported grant uses the authorization endpoint, reports
`authorization_response_iss_parameter_supported` absent (its default is `false`) or `false`.

## Why is this bad?
In a mix-up attack, a client that talks to several authorization servers is tricked into sending
a code it obtained from one server to another (RFC 9700 §4.4.1). The countermeasure is for the
client to check which server issued the authorization response: RFC 9207 adds the `iss` parameter
to the response, and clients MUST use it, or distinct redirect URIs per server, to prevent mix-up
(RFC 9700 §4.4.2). A client can rely on `iss` only when the metadata says the server sends it.
OpenID Connect flows that return an ID Token from the authorization endpoint carry the issuer in
the ID Token; the plain code flow does not.

## Example
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize", "response_types_supported": ["code"] }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize", "response_types_supported": ["code"], "authorization_response_iss_parameter_supported": true }
```

## References
- RFC 9207 §2, §3
- RFC 9700 §4.4.1, §4.4.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if !uses_authorization_endpoint(obj) {
        return;
    }
    match obj.get("authorization_response_iss_parameter_supported") {
        None => {
            ctx.report(
                &ISS_PARAMETER_NOT_SUPPORTED,
                ctx.root.span,
                "",
                "`authorization_response_iss_parameter_supported` is missing, so clients cannot rely on the `iss` response parameter",
            )
            .help("return `iss` in authorization responses (RFC 9207) and declare `\"authorization_response_iss_parameter_supported\": true`");
        }
        Some(node) if node.as_bool() == Some(false) => {
            ctx.report(
                &ISS_PARAMETER_NOT_SUPPORTED,
                node.span,
                ptr("authorization_response_iss_parameter_supported"),
                "`authorization_response_iss_parameter_supported` is false",
            )
            .help("return `iss` in authorization responses (RFC 9207) and set this to `true`");
        }
        Some(_) => {}
    }
}
