//! SRV027: `request_uri` support by default, without pre-registration (OpenID Connect).

use crate::diagnostic::Severity;
use crate::rules::server::{is_openid_provider, uses_authorization_endpoint};
use crate::rules::util::{bool_member, ptr};
use crate::rules::{Basis, Ctx, Rule};

/// SRV027: an OpenID Provider accepts any `request_uri` (by default) without requiring registration.
pub static UNREGISTERED_REQUEST_URI: Rule = Rule {
    code: "SRV027",
    name: "unregistered-request-uri",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An OpenID Provider accepts any `request_uri` (by default) without requiring registration",
    profile: None,
    docs: r#"## What it does
In OpenID Provider metadata (see `SRV006`) whose authorization endpoint is in use, reports
`request_uri_parameter_supported` absent or `true` while `require_request_uri_registration` is
absent or `false`. The finding points at `request_uri_parameter_supported` when it is present,
else at the document.

## Why is this bad?
OpenID Connect Discovery 1.0 §3 gives `request_uri_parameter_supported` the default `true`, and
`require_request_uri_registration` the default `false`. Read literally, a document that omits both
says that the provider fetches any URL a client puts in the `request_uri` authorization parameter
(OpenID Connect Core 1.0 §6.2): from the provider's own network, on behalf of an unauthenticated
browser request, which is a server-side request forgery vector. Either the provider does not
support `request_uri` at all, and the omitted `false` is a documentation bug that makes clients
try it, or it does, and it should require the URLs to be registered (`request_uris` client
metadata) or only accept its own PAR `urn:ietf:params:oauth:request_uri:` values. This reading of
two defaults is this linter's, not a requirement of the specification, hence a warning.

## Example
```json
{ "issuer": "https://op.example.com", "subject_types_supported": ["public"], "response_types_supported": ["code"] }
```

## Use instead
```json
{ "issuer": "https://op.example.com", "subject_types_supported": ["public"], "response_types_supported": ["code"], "request_uri_parameter_supported": false }
```

## References
- OpenID Connect Discovery 1.0 §3 (`request_uri_parameter_supported`,
  `require_request_uri_registration`)
- OpenID Connect Core 1.0 §6.2; OpenID Connect Dynamic Client Registration 1.0 §2 (`request_uris`)
- RFC 9101 §5.2; RFC 9126 §4
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if !is_openid_provider(ctx) || !uses_authorization_endpoint(obj) {
        return;
    }
    if bool_member(obj, "request_uri_parameter_supported") == Some(false)
        || bool_member(obj, "require_request_uri_registration") == Some(true)
    {
        return;
    }
    // Present but not a boolean: SCH001's finding; nothing to read.
    if obj
        .get("request_uri_parameter_supported")
        .is_some_and(|n| n.as_bool().is_none())
        || obj
            .get("require_request_uri_registration")
            .is_some_and(|n| n.as_bool().is_none())
    {
        return;
    }
    let help = "set `\"request_uri_parameter_supported\": false` if the provider does not fetch request objects by reference, else `\"require_request_uri_registration\": true`";
    match obj.get("request_uri_parameter_supported") {
        Some(node) => {
            ctx.report(
                &UNREGISTERED_REQUEST_URI,
                node.span,
                ptr("request_uri_parameter_supported"),
                "`request_uri` is supported without `require_request_uri_registration`: the provider fetches any URL a client sends",
            )
            .help(help);
        }
        None => {
            ctx.report(
                &UNREGISTERED_REQUEST_URI,
                ctx.root.span,
                "",
                "`request_uri_parameter_supported` is omitted, so it defaults to true, and `require_request_uri_registration` is not set: the provider fetches any URL a client sends",
            )
            .help(help);
        }
    }
}
