//! SRV010–SRV012: every endpoint (and `jwks_uri`) is an https URL without fragment, at the top
//! level and in `mtls_endpoint_aliases`.

use crate::diagnostic::Severity;
use crate::json::{Node, Pointer};
use crate::rules::server::endpoint_members;
use crate::rules::server::issuer::{covered_by_http_issuer, http_issuer};
use crate::rules::util::{is_loopback, parse_url};
use crate::rules::{Basis, Ctx, Rule};

pub static ENDPOINT_NOT_HTTPS: Rule = Rule {
    code: "SRV010",
    name: "endpoint-not-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An endpoint or `jwks_uri` does not use https",
    profile: None,
    docs: r#"## What it does
Checks the scheme of every URL the server itself serves: each `*_endpoint` member,
`jwks_uri`, `signed_jwks_uri`, `check_session_iframe`, and each endpoint in
`mtls_endpoint_aliases`. A scheme other than `https` is an error, except `http` on a loopback
host, which is `SRV011`. Endpoints on the same http origin as an http `issuer` are reported with
the issuer (`SRV002`), not one by one. Human-readable pages (`service_documentation`,
`op_policy_uri`, `op_tos_uri`) and identifiers that merely look like URLs (`acr_values_supported`
entries such as `http://idmanagement.gov/ns/assurance/ial/1`) are not endpoints and are not
checked.

## Why is this bad?
Credentials, codes and tokens travel through these endpoints; keys are fetched from `jwks_uri`.
The requirement is stated member by member: `jwks_uri` "MUST use the https scheme" (RFC 8414 §2,
OpenID Connect Discovery 1.0 §3); the authorization and token endpoints MUST be used over TLS
(RFC 6749 §3.1, §3.2) and their URLs "MUST use the https scheme" (OpenID Connect Discovery 1.0 §3,
likewise `userinfo_endpoint` and `registration_endpoint`); clients "MUST verify that the [revocation
endpoint] URL is an HTTPS URL" (RFC 7009 §2); `end_session_endpoint` "MUST use the https scheme"
(OpenID Connect RP-Initiated Logout 1.0 §2.1); and RFC 8414 §6.1 requires TLS for every
interaction with the authorization server.

## Example
```json
{ "issuer": "https://as.example.com", "token_endpoint": "http://as.example.com/token" }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "token_endpoint": "https://as.example.com/token" }
```

## References
- RFC 8414 §2 (`jwks_uri`), §6.1; RFC 6749 §3.1, §3.2; RFC 7009 §2
- OpenID Connect Discovery 1.0 §3; OpenID Connect RP-Initiated Logout 1.0 §2.1
- RFC 8705 §5 (`mtls_endpoint_aliases`)
"#,
};

pub static ENDPOINT_LOOPBACK_HTTP: Rule = Rule {
    code: "SRV011",
    name: "endpoint-loopback-http",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An endpoint uses http on a loopback host (a development set-up)",
    profile: None,
    docs: r#"## What it does
Reports an endpoint (see `SRV010` for the list of members) that uses `http` on a loopback host:
`localhost` and its subdomains, `127.0.0.0/8`, `[::1]`.

## Why is this bad?
The https requirements of `SRV010` have no loopback exception, but traffic to a loopback address
never leaves the machine, so such a document is a local development set-up (a Keycloak or Hydra
started on a laptop, a test mock) rather than an exposure. It is a warning because such a document
must not be published or copied into production configuration: no client outside the machine can
reach these endpoints anyway.

## Example
```json
{ "issuer": "https://as.example.com", "token_endpoint": "http://localhost:8080/token" }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "token_endpoint": "https://as.example.com/token" }
```

## References
- RFC 8414 §2 (`jwks_uri`), §6.1; RFC 6749 §3.1, §3.2
- OpenID Connect Discovery 1.0 §3
- RFC 6761 §6.3 (`localhost`)
"#,
};

pub static ENDPOINT_FRAGMENT: Rule = Rule {
    code: "SRV012",
    name: "endpoint-fragment",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An endpoint URL has a fragment component",
    profile: None,
    docs: r#"## What it does
Reports an endpoint (see `SRV010` for the list of members) whose URL has a fragment (`#…`).
Query components are allowed and not reported.

## Why is this bad?
"The endpoint URI MUST NOT include a fragment component" (RFC 6749 §3.1 for the authorization
endpoint, §3.2 for the token endpoint). A fragment is never sent to the server, so whatever it was
meant to select is lost; in a redirect-based endpoint it also collides with the fragment-encoded
responses of the implicit and hybrid flows.

## Example
```json
{ "authorization_endpoint": "https://as.example.com/authorize#login" }
```

## Use instead
```json
{ "authorization_endpoint": "https://as.example.com/authorize" }
```

## References
- RFC 6749 §3.1, §3.2
- OpenID Connect Discovery 1.0 §3 ("MAY contain port, path, and query parameter components")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let issuer = http_issuer(obj);
    let mut targets: Vec<(String, String, &Node<'_>)> = Vec::new();
    for (member, _) in endpoint_members(obj) {
        targets.push((
            member.name.to_string(),
            Pointer::root().key(&member.name).into_string(),
            &member.value,
        ));
    }
    if let Some(aliases) = obj.get("mtls_endpoint_aliases").and_then(|n| n.as_object()) {
        for member in aliases.iter() {
            if member.value.as_str().is_some() {
                targets.push((
                    format!("mtls_endpoint_aliases.{}", member.name),
                    Pointer::root()
                        .key("mtls_endpoint_aliases")
                        .key(&member.name)
                        .into_string(),
                    &member.value,
                ));
            }
        }
    }
    for (name, pointer, node) in targets {
        let Some(value) = node.as_str() else { continue };
        let Some(url) = parse_url(value) else { continue };
        if url.scheme() != "https" && !covered_by_http_issuer(issuer.as_ref(), &url) {
            if url.scheme() == "http" && is_loopback(&url) {
                ctx.report(
                    &ENDPOINT_LOOPBACK_HTTP,
                    node.span,
                    pointer.clone(),
                    format!("`{name}` uses http on a loopback host: {value:?}"),
                )
                .help("acceptable for a local development server only; published metadata needs https URLs");
            } else {
                let scheme = if url.scheme() == "http" {
                    "http".to_owned()
                } else {
                    format!("the `{}` scheme", url.scheme())
                };
                ctx.report(
                    &ENDPOINT_NOT_HTTPS,
                    node.span,
                    pointer.clone(),
                    format!("`{name}` uses {scheme}: {value:?}"),
                )
                .help("serve the endpoint over TLS and publish its https URL");
            }
        }
        if let Some(fragment) = url.fragment() {
            ctx.report(
                &ENDPOINT_FRAGMENT,
                node.span,
                pointer,
                format!("`{name}` has a fragment component (`#{fragment}`): {value:?}"),
            )
            .help("remove the fragment: it is never sent to the server");
        }
    }
}
