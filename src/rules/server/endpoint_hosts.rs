//! SRV004: endpoints served from another site than the issuer.

use crate::diagnostic::Severity;
use crate::json::Span;
use crate::rules::server::{endpoint_members, plain_host, quoted_list};
use crate::rules::util::{parse_url, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// SRV004: endpoints are served from another site than the issuer.
pub static ENDPOINTS_ON_OTHER_HOST: Rule = Rule {
    code: "SRV004",
    name: "endpoints-on-other-host",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "Endpoints are served from another site than the issuer",
    profile: None,
    docs: r#"## What it does
Compares the host of every endpoint (`*_endpoint`, `jwks_uri`, `signed_jwks_uri`,
`check_session_iframe`) with the host of the `issuer`, and reports once per document the hosts
that belong to another site. Two hosts are on the same site when they share the registrable part
of the name (`login.example.com` and `api.example.com`; `id.example.co.uk` and
`api.example.co.uk`), so subdomains of the issuer's domain are not reported. The finding points at
the first such endpoint and lists the others.

## Why is this bad?
Often it is not: large providers serve endpoints from dedicated domains (Google's token endpoint
is on `oauth2.googleapis.com`, its keys on `www.googleapis.com`; Microsoft's userinfo is on
`graph.microsoft.com`; AWS Cognito's hosted UI is on `amazoncognito.com`). But endpoints on an
unrelated site are also the mark of a document assembled by copy-paste (another provider's
`jwks_uri` left in, a tenant's endpoints pasted under a different issuer), and of an
impersonation attempt that reuses a real issuer with the attacker's endpoints (RFC 8414 §6.2).
Check that each listed host really belongs to this authorization server.

## Example
```json
{ "issuer": "https://id.example.com", "authorization_endpoint": "https://id.example.com/authorize", "jwks_uri": "https://www.googleapis.com/oauth2/v3/certs" }
```

## Use instead
```json
{ "issuer": "https://id.example.com", "authorization_endpoint": "https://id.example.com/authorize", "jwks_uri": "https://id.example.com/jwks.json" }
```

## References
- RFC 8414 §6.2 (impersonation attacks)
- OpenID Connect Discovery 1.0 §7.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some((issuer_node, issuer)) = str_member(obj, "issuer") else {
        return;
    };
    let issuer_url = parse_url(issuer);
    let Some(issuer_site) = issuer_url.as_deref().and_then(site) else {
        return;
    };
    // (host, members on it, first member's pointer and span), in document order.
    let mut foreign: Vec<(String, Vec<String>, String, Span)> = Vec::new();
    let authority = super::issuer_authority(issuer);
    for (member, value) in endpoint_members(obj) {
        if authority.is_some_and(|a| super::shares_issuer_authority(value, a)) {
            continue; // the issuer's own host
        }
        // On the issuer's site as written: whether the parser accepts it or not, nothing to report.
        if plain_host(value).is_some_and(|(_, host)| domain_site(host).eq_ignore_ascii_case(&issuer_site)) {
            continue;
        }
        let Some(url) = parse_url(value) else { continue };
        let (Some(host), Some(endpoint_site)) = (url.host_str(), site(&url)) else {
            continue;
        };
        if endpoint_site.eq_ignore_ascii_case(&issuer_site) {
            continue;
        }
        match foreign.iter_mut().find(|(h, ..)| h == host) {
            Some((_, names, ..)) => names.push(member.name.to_string()),
            None => foreign.push((
                host.to_owned(),
                vec![member.name.to_string()],
                ptr(&member.name),
                member.value.span,
            )),
        }
    }
    let Some((_, _, pointer, span)) = foreign.first().cloned() else {
        return;
    };
    let issuer_host = issuer_url.as_deref().and_then(url::Url::host_str).unwrap_or_default();
    let listing: Vec<String> = foreign
        .iter()
        .map(|(host, names, ..)| format!("`{host}` ({})", names.join(", ")))
        .collect();
    let d = ctx.report(
        &ENDPOINTS_ON_OTHER_HOST,
        span,
        pointer,
        format!(
            "endpoints are on other sites than the issuer `{issuer_host}`: {}",
            listing.join("; ")
        ),
    );
    d.help(format!(
        "legitimate when the provider serves endpoints from its own other domains; otherwise check that {} belong{} to this authorization server",
        quoted_list(foreign.iter().map(|(h, ..)| h.as_str())),
        if foreign.len() == 1 { "s" } else { "" }
    ));
    d.related(issuer_node.span, ptr("issuer"), "the issuer");
    for (_, names, pointer, span) in foreign.iter().skip(1) {
        d.related(*span, pointer.clone(), format!("`{}` is on another site", names[0]));
    }
}

/// The registrable part of a URL's host: the last two labels, or three under a two-letter country
/// code with a short second-level label (`example.co.uk`, `nsw.gov.au`); an IP address as is.
/// A heuristic without the Public Suffix List: it can only make two hosts look *more* alike
/// (`a.github.io` and `b.github.io`), which errs on the side of silence.
fn site(url: &url::Url) -> Option<std::borrow::Cow<'_, str>> {
    match url.host()? {
        url::Host::Domain(domain) => Some(std::borrow::Cow::Borrowed(domain_site(domain))),
        other => Some(std::borrow::Cow::Owned(other.to_string())),
    }
}

/// [`site`] of a domain name: borrowed from it, without splitting into a vector, the start of the
/// last two or three labels (sites are compared ignoring ASCII case).
fn domain_site(domain: &str) -> &str {
    let domain = domain.trim_end_matches('.');
    let dot_before = |end: usize| domain.as_bytes()[..end].iter().rposition(|&b| b == b'.');
    let last = dot_before(domain.len());
    let second = last.and_then(dot_before);
    let third = second.and_then(dot_before);
    let tld_len = domain.len() - last.map_or(0, |i| i + 1);
    let second_len = match (last, second) {
        (Some(l), Some(s)) => l - s - 1,
        (Some(l), None) => l,
        _ => usize::MAX,
    };
    let keep_three = second.is_some() && tld_len == 2 && second_len <= 3;
    let start = if keep_three { third } else { second };
    &domain[start.map_or(0, |i| i + 1)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(u: &str) -> String {
        site(&url::Url::parse(u).unwrap()).unwrap().into_owned()
    }

    #[test]
    fn sites() {
        assert_eq!(s("https://accounts.google.com/x"), "google.com");
        assert_eq!(s("https://oauth2.googleapis.com/token"), "googleapis.com");
        assert_eq!(s("https://spcsso.cit.health.nsw.gov.au:443/oauth2"), "nsw.gov.au");
        assert_eq!(s("https://id.example.co.uk"), "example.co.uk");
        assert_eq!(s("https://localhost:8080"), "localhost");
        assert_eq!(s("http://127.0.0.1:9000/"), "127.0.0.1");
        assert_eq!(s("https://example.com."), "example.com");
        assert_eq!(s("https://a.b.c.example.com/"), "example.com");
        assert_eq!(s("https://uk/"), "uk");
        assert_eq!(s("https://co.uk/"), "co.uk");
        assert_eq!(s("https://www.bbc.co.uk/"), "bbc.co.uk");
        assert_eq!(s("https://[::1]:8443/"), "[::1]");
    }
}
