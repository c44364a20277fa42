//! SRV005: `authorization_endpoint`, `token_endpoint` and `response_types_supported`, required
//! depending on the grants the server offers.

use crate::diagnostic::Severity;
use crate::rules::server::{declared_grants, is_token_issuer_only, only_implicit, uses_authorization_endpoint};
use crate::rules::{Basis, Ctx, Rule};

/// SRV005: an endpoint or `response_types_supported` required by the supported grants is missing.
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

An ID Token issuer that publishes discovery metadata only for its keys (Kubernetes
service-account issuers, GitHub Actions, Azure workload identity, Firebase `securetoken`: no
authorization or token endpoint, no `grant_types_supported`, a `jwks_uri` and
`id_token_signing_alg_values_supported`, see `SRV032`) is not held to the endpoint requirements:
its tokens are minted out of band and no client ever sends it an authorization request. OpenID
Connect Discovery 1.0 §3 lists `authorization_endpoint` as REQUIRED, but such a document describes
no OpenID Provider a client could log in with; its verifiers only need `issuer` and `jwks_uri`,
and reporting errors on every workload-identity issuer would bury real mistakes.

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

/// SRV032: the document describes an ID Token issuer with no authorization or token endpoint.
pub static VERIFICATION_ONLY_ISSUER: Rule = Rule {
    code: "SRV032",
    name: "verification-only-issuer",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "The document describes an ID Token issuer with no authorization or token endpoint",
    profile: None,
    docs: r#"## What it does
Reports, once, a document read as a verification-only ID Token issuer: no
`authorization_endpoint`, no `token_endpoint`, no `grant_types_supported`, but a `jwks_uri` and
`id_token_signing_alg_values_supported` (and `id_token` as the only response type, if any is
declared). This is the shape of Kubernetes service-account issuers, GitHub Actions, Azure
workload identity and Firebase `securetoken` discovery documents.

For such a document the linter does not apply the endpoint requirements (`SRV005`), nor the advice
about flows at the authorization endpoint (`SRV008`, `SRV022`, `SRV023`, `SRV026`, `SRV027`): the
tokens are minted out of band, and no client ever sends this issuer an authorization request.
`issuer`, `jwks_uri`, `subject_types_supported` and `RS256` are still checked. The finding makes
the exemption visible, in case the endpoints were in fact forgotten.

## Why is this bad?
It is not: it is how workload identity federation publishes its keys. Read literally, OpenID
Connect Discovery 1.0 §3 requires `authorization_endpoint`, and RFC 8414 §2 requires both
endpoints under the default grant types; every verifier (cloud STS services, Entra, GCP) accepts
these documents nonetheless, because they only need `issuer` and `jwks_uri`.

## Example
```json
{ "issuer": "https://oidc.cluster.example.com", "jwks_uri": "https://oidc.cluster.example.com/openid/v1/jwks", "response_types_supported": ["id_token"], "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"] }
```

## Use instead
```json
{ "issuer": "https://op.example.com", "authorization_endpoint": "https://op.example.com/authorize", "token_endpoint": "https://op.example.com/token", "jwks_uri": "https://op.example.com/jwks.json", "response_types_supported": ["code"], "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"] }
```
(only if the issuer really runs an OpenID Provider; otherwise there is nothing to change)

## References
- OpenID Connect Discovery 1.0 §3; RFC 8414 §2
- Kubernetes service account issuer discovery (`ServiceAccountIssuerDiscovery`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if is_token_issuer_only(obj) {
        ctx.report(
            &VERIFICATION_ONLY_ISSUER,
            ctx.root.span,
            "",
            "no authorization or token endpoint: read as an ID Token issuer that only publishes its keys",
        )
        .help("the endpoint and flow requirements are not applied; if this server does run OAuth flows, publish its endpoints");
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
