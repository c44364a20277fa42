//! SRV001–SRV003: the `issuer` identifier: present, https, no query, no fragment.

use crate::diagnostic::Severity;
use crate::json::Object;
use crate::rules::util::{is_loopback, parse_url, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// SRV001: authorization server metadata has no `issuer`.
pub static MISSING_ISSUER: Rule = Rule {
    code: "SRV001",
    name: "missing-issuer",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "Authorization server metadata has no `issuer`",
    profile: None,
    docs: r#"## What it does
Reports authorization server metadata without an `issuer` member.

## Why is this bad?
`issuer` is REQUIRED (RFC 8414 §2, OpenID Connect Discovery 1.0 §3). Clients compare it with the
issuer identifier they used to fetch the document (RFC 8414 §3.3) and with the `iss` of the tokens
and responses they receive; without it the metadata MUST NOT be used, and the mix-up defences
(RFC 9207) have nothing to compare against.

## Example
```json
{ "authorization_endpoint": "https://as.example.com/authorize", "token_endpoint": "https://as.example.com/token", "response_types_supported": ["code"] }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize", "token_endpoint": "https://as.example.com/token", "response_types_supported": ["code"] }
```

## References
- RFC 8414 §2 (`issuer`), §3.3
- OpenID Connect Discovery 1.0 §3 (`issuer`), §4.3
"#,
};

/// SRV002: the `issuer` does not use the https scheme.
pub static ISSUER_NOT_HTTPS: Rule = Rule {
    code: "SRV002",
    name: "issuer-not-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The `issuer` does not use the https scheme",
    profile: None,
    docs: r#"## What it does
Reports an `issuer` that is an absolute URL with another scheme than `https` (usually `http`).

An `http` issuer on a loopback host (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`) marks a
*development document* (a Keycloak or Hydra started on a laptop, a test mock): there the issuer and
every `http` URL on a loopback host are reported by `SRV011` as warnings instead, so that CI users
who lint development fixtures can ignore that one rule. Everything else stays an error, in a
development document too.

## Why is this bad?
The issuer identifier is "a URL that uses the https scheme" (RFC 8414 §2; OpenID Connect Discovery
1.0 §3: "URL using the https scheme"). The metadata is fetched from a location derived from it,
and "this path MUST use the https scheme" (RFC 8414 §3). Over http, anyone on the network path
can substitute endpoints and keys. Conformant clients refuse such an issuer.

## Example
```json
{ "issuer": "http://login.example.com", "token_endpoint": "https://login.example.com/token" }
```

## Use instead
```json
{ "issuer": "https://login.example.com", "token_endpoint": "https://login.example.com/token" }
```

## References
- RFC 8414 §2 (`issuer`), §3, §6.1
- OpenID Connect Discovery 1.0 §3 (`issuer`)
"#,
};

/// SRV003: the `issuer` has a query or fragment component.
pub static ISSUER_QUERY_OR_FRAGMENT: Rule = Rule {
    code: "SRV003",
    name: "issuer-query-or-fragment",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The `issuer` has a query or fragment component",
    profile: None,
    docs: r#"## What it does
Reports an `issuer` URL with a query component (`?…`, even an empty one) or a fragment
component (`#…`).

## Why is this bad?
The issuer identifier "has no query or fragment components" (RFC 8414 §2; OpenID Connect Discovery
1.0 §3). The well-known location is built by inserting a path into the issuer (RFC 8414 §3.1), and
the issuer is compared character for character with the `iss` of tokens and authorization
responses; a query or fragment makes both fail. A per-tenant or per-policy parameter belongs in
the path (`https://login.example.com/tenant-1`).

## Example
```json
{ "issuer": "https://login.example.com/?p=b2c_1_signin" }
```

## Use instead
```json
{ "issuer": "https://login.example.com/b2c_1_signin/v2.0" }
```

## References
- RFC 8414 §2 (`issuer`), §3.1, §3.3
- OpenID Connect Discovery 1.0 §3 (`issuer`)
"#,
};

/// Whether the document is a local development set-up: its `issuer` is an absolute URL on a
/// loopback host. In it, `http` on loopback hosts is `SRV011` (a warning), not an error.
pub(super) fn is_development_document(obj: &Object<'_>) -> bool {
    str_member(obj, "issuer")
        .and_then(|(_, issuer)| parse_url(issuer))
        .is_some_and(|u| is_loopback(&u))
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(node) = obj.get("issuer") else {
        ctx.report(
            &MISSING_ISSUER,
            ctx.root.span,
            "",
            "authorization server metadata has no `issuer`",
        )
        .help("add `issuer`: the https URL this metadata was published under (its well-known location minus `/.well-known/…`)");
        return;
    };
    let Some(issuer) = node.as_str() else {
        return;
    };
    let Some(url) = parse_url(issuer) else {
        return;
    };
    if url.scheme() == "http" && is_loopback(&url) {
        // A development document: `SRV011`, reported once for the issuer and the endpoints
        // together (endpoint_urls.rs).
    } else if url.scheme() != "https" {
        let message = if url.scheme() == "http" {
            format!("issuer uses http: {issuer:?}")
        } else {
            format!("issuer uses the `{}` scheme, not https: {issuer:?}", url.scheme())
        };
        ctx.report(&ISSUER_NOT_HTTPS, node.span, ptr("issuer"), message)
            .help("serve the authorization server over TLS and use its https URL as the issuer");
    }
    if let Some(query) = url.query() {
        ctx.report(
            &ISSUER_QUERY_OR_FRAGMENT,
            node.span,
            ptr("issuer"),
            format!("issuer has a query component (`?{query}`): {issuer:?}"),
        )
        .help("move the parameter into the path, or drop it: the issuer identifier has no query component");
    }
    if let Some(fragment) = url.fragment() {
        ctx.report(
            &ISSUER_QUERY_OR_FRAGMENT,
            node.span,
            ptr("issuer"),
            format!("issuer has a fragment component (`#{fragment}`): {issuer:?}"),
        )
        .help("remove the fragment: the issuer identifier has no fragment component");
    }
}
