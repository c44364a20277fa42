//! SRV005: `authorization_endpoint`, `token_endpoint` and `response_types_supported`, required
//! depending on the grants the server offers.

use crate::diagnostic::Severity;
use crate::rules::server::{declared_grants, is_token_issuer_only, only_implicit, uses_authorization_endpoint};
use crate::rules::{Basis, Ctx, Rule};

pub static MISSING_REQUIRED_MEMBER: Rule = Rule {
    code: "SRV005",
    name: "missing-required-member",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An endpoint or `response_types_supported` required by the supported grants is missing",
    profile: None,
    docs: r#"## What it does
Reports a missing member that RFC 8414 §2 requires for the grants the server offers:
- `authorization_endpoint`, "REQUIRED unless no grant types are supported that use the
  authorization endpoint" (`authorization_code`, `implicit`);
- `token_endpoint`, "REQUIRED unless only the implicit grant type is supported";
- `response_types_supported`, REQUIRED, read with the RFC 8414 erratum (raised by the OpenID for
  Verifiable Credential Issuance editors, OpenID4VCI issue #248) that a server whose grants do not
  use the authorization endpoint (client credentials only, pre-authorized code only) omits it.

The grants are `grant_types_supported`, or its default `["authorization_code", "implicit"]`.
When the default applies and the declared response types never return a code (an implicit-only
provider such as Facebook Login's ID Token flow), only the implicit grant is read as supported, so
no token endpoint is required.

An ID Token issuer that publishes discovery metadata only for its keys (Kubernetes service-account
issuers, GitHub Actions, Azure workload identity, Firebase `securetoken`: no authorization or
token endpoint, no `grant_types_supported`, a `jwks_uri`, `response_types_supported: ["id_token"]`)
is not held to the endpoint requirements: its tokens are minted out of band and no client ever
sends it an authorization request. OpenID Connect Discovery 1.0 §3 lists `authorization_endpoint`
as REQUIRED, but such a document describes no OpenID Provider a client could log in with; its
verifiers only need `issuer` and `jwks_uri`, and reporting errors on every workload-identity
issuer would bury real mistakes.

## Why is this bad?
A client cannot run a flow whose endpoint is not published, and without
`response_types_supported` it cannot know whether the server accepts the response type it is
about to send.

## Example
```json
{ "issuer": "https://as.example.com", "jwks_uri": "https://as.example.com/jwks.json" }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize", "token_endpoint": "https://as.example.com/token", "response_types_supported": ["code"], "jwks_uri": "https://as.example.com/jwks.json" }
```

## References
- RFC 8414 §2 (`authorization_endpoint`, `token_endpoint`, `response_types_supported`,
  `grant_types_supported`)
- OpenID Connect Discovery 1.0 §3
- OpenID4VCI issue #248 / pull request #249 (the erratum on `response_types_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if is_token_issuer_only(obj) {
        return;
    }
    let grants_source = if declared_grants(obj).is_some() {
        "the grant types in `grant_types_supported`"
    } else {
        "the default grant types `authorization_code` and `implicit` (no `grant_types_supported`)"
    };
    let authorization_endpoint_used = uses_authorization_endpoint(obj);
    if authorization_endpoint_used && !obj.contains("authorization_endpoint") {
        ctx.report(
            &MISSING_REQUIRED_MEMBER,
            ctx.root.span,
            "",
            "`authorization_endpoint` is missing",
        )
        .help(format!(
            "{grants_source} use the authorization endpoint; publish its https URL (or declare only grants that do not use it)"
        ));
    }
    if !only_implicit(obj) && !obj.contains("token_endpoint") {
        ctx.report(
            &MISSING_REQUIRED_MEMBER,
            ctx.root.span,
            "",
            "`token_endpoint` is missing",
        )
        .help(format!("{grants_source} use the token endpoint; publish its https URL"));
    }
    if authorization_endpoint_used && !obj.contains("response_types_supported") {
        ctx.report(
            &MISSING_REQUIRED_MEMBER,
            ctx.root.span,
            "",
            "`response_types_supported` is missing",
        )
        .help("list the response types the authorization endpoint accepts, such as `[\"code\"]`");
    }
}
