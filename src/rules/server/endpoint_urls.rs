//! SRV010–SRV012: every endpoint (and `jwks_uri`) is an https URL without fragment, at the top
//! level and in `mtls_endpoint_aliases`.

use crate::diagnostic::Severity;
use crate::json::{Node, Pointer};
use crate::rules::server::endpoint_members;
use crate::rules::server::issuer::is_development_document;
use crate::rules::util::{is_loopback, parse_url, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// SRV010: an endpoint or `jwks_uri` does not use https.
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
`mtls_endpoint_aliases`. A scheme other than `https` is an error, one per URL, except `http` on a
loopback host in a development document (an `issuer` on a loopback host), which is `SRV011`. Under
a public issuer, an `http` endpoint on a loopback address is an error like any other: no client
outside the server's own machine could use it. A URL with a fragment gets only the `SRV012`
finding. Human-readable pages (`service_documentation`,
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

/// SRV011: a development document uses http on a loopback host.
pub static ENDPOINT_LOOPBACK_HTTP: Rule = Rule {
    code: "SRV011",
    name: "http-on-loopback",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A development document uses http on a loopback host",
    profile: None,
    docs: r#"## What it does
In a development document, one whose `issuer` is on a loopback host (`localhost` and its
subdomains, `127.0.0.0/8`, `[::1]`), reports the `issuer` and every endpoint (see `SRV010` for the
list of members) that uses `http` on a loopback host. `http` to any other host stays an `SRV010`
error, in a development document too (a docker-compose service name such as
`http://client-register/` is not loopback).

The finding is made once per document: at the `issuer` (or the first such endpoint), naming every
URL concerned, with a label on each of the others. A Keycloak realm started on a laptop has some
twenty endpoints; twenty identical warnings would say nothing more than one.

## Why is this bad?
The https requirements of `SRV002` and `SRV010` have no loopback exception (the one in RFC 8252
§7.3 is for redirect URIs), but traffic to a loopback address never leaves the machine, so such a
document is a local development set-up (a Keycloak or Hydra started on a laptop, a test mock)
rather than an exposure. It is a warning, under its own code so that CI users who lint development
fixtures can ignore it, because such a document must never be published or copied into
production configuration.

## Example
```json
{ "issuer": "http://localhost:8080/realms/dev", "token_endpoint": "http://localhost:8080/realms/dev/token" }
```

## Use instead
```json
{ "issuer": "https://login.example.com/realms/dev", "token_endpoint": "https://login.example.com/realms/dev/token" }
```

## References
- RFC 8414 §2 (`jwks_uri`), §6.1; RFC 6749 §3.1, §3.2
- OpenID Connect Discovery 1.0 §3
- RFC 6761 §6.3 (`localhost`)
"#,
};

/// SRV012: an endpoint URL has a fragment component.
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

/// SRV031: a public issuer publishes an https endpoint on a loopback or private address.
pub static ENDPOINT_ON_PRIVATE_ADDRESS: Rule = Rule {
    code: "SRV031",
    name: "endpoint-on-private-address",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A public issuer publishes an https endpoint on a loopback or private address",
    profile: None,
    docs: r#"## What it does
When the `issuer` is on a public host, reports an https endpoint (see `SRV010` for the list of
members) whose host is `localhost`, a loopback address (`127.0.0.0/8`, `[::1]`), a private address
(`10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`, `fc00::/7`) or a link-local one
(`169.254.0.0/16`, `fe80::/10`). `http` endpoints there are `SRV010` errors already.

## Why is this bad?
No client outside the server's network can reach such an endpoint, so the document is either a
development configuration published by mistake, or an attempt to make clients (and the servers
that fetch `jwks_uri` or `request_uri` on a client's behalf) send requests into a private network:
server-side request forgery. It is a warning because split-horizon deployments do exist.

## Example
```json
{ "issuer": "https://login.example.com", "jwks_uri": "https://127.0.1.0/jwks.json" }
```

## Use instead
```json
{ "issuer": "https://login.example.com", "jwks_uri": "https://login.example.com/jwks.json" }
```

## References
- RFC 8414 §6.2; RFC 6890 (special-purpose addresses); RFC 6761 §6.3
- OpenID Connect Core 1.0 §10.1 (`jwks_uri` fetched by relying parties)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let development = is_development_document(obj);
    let public_issuer = str_member(obj, "issuer")
        .and_then(|(_, i)| parse_url(i))
        .is_some_and(|u| u.host().is_some() && !is_local_host(&u));
    // `http` on loopback hosts in a development document: one `SRV011` finding for all of them.
    let mut loopback_http: Vec<(String, String, &Node<'_>)> = Vec::new();
    if development
        && let Some((node, issuer)) = str_member(obj, "issuer")
        && parse_url(issuer).is_some_and(|u| u.scheme() == "http")
    {
        loopback_http.push(("issuer".to_owned(), "/issuer".to_owned(), node));
    }
    // (the member, and whether it is in `mtls_endpoint_aliases`); names and pointers are built
    // only for the endpoints that get past the quick check below.
    let mut targets: Vec<(&crate::json::Member<'_>, bool)> =
        endpoint_members(obj).map(|(member, _)| (member, false)).collect();
    if let Some(aliases) = obj.get("mtls_endpoint_aliases").and_then(|n| n.as_object()) {
        targets.extend(aliases.iter().filter(|m| m.value.as_str().is_some()).map(|m| (m, true)));
    }
    // An https endpoint written with a public https issuer's own scheme and authority, without a
    // fragment, has nothing to report: skip parsing it.
    let https_authority = str_member(obj, "issuer")
        .filter(|_| public_issuer)
        .filter(|(_, i)| parse_url(i).is_some_and(|u| u.scheme() == "https"))
        .and_then(|(_, i)| super::issuer_authority(i));
    for (member, alias) in targets {
        let node = &member.value;
        let Some(value) = node.as_str() else { continue };
        if https_authority.is_some_and(|a| super::shares_issuer_authority(value, a)) && !value.contains('#') {
            continue;
        }
        // Nor has an https URL written plainly on a host that cannot be local (a domain not ending
        // in `localhost`), without a fragment, whether the parser accepts it or not.
        let plain_public_https = super::plain_host(value).is_some_and(|(scheme, host)| {
            scheme == "https"
                && !host
                    .get(host.len().saturating_sub("localhost".len())..)
                    .is_some_and(|end| end.eq_ignore_ascii_case("localhost"))
        });
        if plain_public_https && !value.contains('#') {
            continue;
        }
        let (name, pointer) = if alias {
            (
                format!("mtls_endpoint_aliases.{}", member.name),
                Pointer::root()
                    .key("mtls_endpoint_aliases")
                    .key(&member.name)
                    .into_string(),
            )
        } else {
            (member.name.to_string(), Pointer::root().key(&member.name).into_string())
        };
        let Some(url) = parse_url(value) else { continue };
        if let Some(fragment) = url.fragment() {
            ctx.report(
                &ENDPOINT_FRAGMENT,
                node.span,
                pointer,
                format!("`{name}` has a fragment component (`#{fragment}`): {value:?}"),
            )
            .help("remove the fragment: it is never sent to the server");
            continue;
        }
        if url.scheme() == "https" {
            if public_issuer && is_local_host(&url) {
                ctx.report(
                    &ENDPOINT_ON_PRIVATE_ADDRESS,
                    node.span,
                    pointer,
                    format!(
                        "`{name}` is on the loopback or private address `{}` while the issuer is public: {value:?}",
                        url.host_str().unwrap_or_default()
                    ),
                )
                .help("publish the endpoint's public URL; clients outside this network cannot reach it");
            }
            continue;
        }
        if development && url.scheme() == "http" && is_loopback(&url) {
            loopback_http.push((name, pointer, node));
            continue;
        }
        let scheme = if url.scheme() == "http" {
            "http".to_owned()
        } else {
            format!("the `{}` scheme", url.scheme())
        };
        let help = if url.scheme() == "http" && is_loopback(&url) {
            "serve the endpoint over TLS on the server's public host: a loopback address under a public issuer is unreachable for clients"
        } else {
            "serve the endpoint over TLS and publish its https URL"
        };
        ctx.report(
            &ENDPOINT_NOT_HTTPS,
            node.span,
            pointer,
            format!("`{name}` uses {scheme}: {value:?}"),
        )
        .help(help);
    }
    report_loopback_http(ctx, &loopback_http);
}

/// One `SRV011` finding for the whole development document: at the issuer (or the first such
/// endpoint), naming every URL, with a label on each of the others.
fn report_loopback_http(ctx: &mut Ctx<'_, '_>, found: &[(String, String, &Node<'_>)]) {
    let Some((name, pointer, node)) = found.first() else {
        return;
    };
    let value = node.as_str().unwrap_or_default();
    let message = if found.len() == 1 {
        format!("`{name}` uses http on a loopback host: {value:?}")
    } else {
        let others: Vec<&str> = found[1..].iter().map(|(n, _, _)| n.as_str()).collect();
        format!(
            "this development document uses http on loopback hosts in {} URLs: `{name}` ({value:?}) and {}",
            found.len(),
            super::quoted_list(others)
        )
    };
    let d = ctx.report(&ENDPOINT_LOOPBACK_HTTP, node.span, pointer.clone(), message);
    d.help("acceptable for a local development server only; published metadata needs https URLs");
    for (_, pointer, node) in &found[1..] {
        d.related(node.span, pointer.clone(), "also http on a loopback host");
    }
}

/// Whether a URL's host is `localhost` (or a subdomain), or a loopback, private or link-local IP
/// address.
fn is_local_host(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        Some(url::Host::Ipv6(ip)) => {
            ip.is_loopback() || (ip.segments()[0] & 0xfe00) == 0xfc00 || (ip.segments()[0] & 0xffc0) == 0xfe80
        }
        Some(url::Host::Domain(_)) => is_loopback(url),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_hosts() {
        let local = |s: &str| is_local_host(&url::Url::parse(s).unwrap());
        assert!(local("https://127.0.1.0/jwks") && local("https://10.1.2.3/") && local("https://192.168.0.1/"));
        assert!(local("https://[fd00::1]/") && local("https://[fe80::1]/") && local("https://api.localhost/"));
        assert!(!local("https://8.8.8.8/") && !local("https://example.com/") && !local("https://[2001:db8::1]/"));
    }
}
