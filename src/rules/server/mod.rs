//! `SRV`: authorization server metadata, RFC 8414 and OpenID Connect Discovery 1.0 (SPEC §4.4).
//!
//! The rules share a few readings of the document, defined here so that they agree:
//! - [`is_openid_provider`]: whether OpenID Provider requirements apply;
//! - [`is_token_issuer_only`]: an ID Token issuer without authorization or token endpoint
//!   (Kubernetes service accounts, CI workload identity);
//! - [`uses_authorization_endpoint`], [`uses_authorization_code`], [`only_implicit`]: which grants
//!   the server offers, from `grant_types_supported` or its default;
//! - [`endpoint_members`]: the URLs the server itself serves.

mod auth_signing_algs;
mod ciba;
mod client_credentials_none;
mod endpoint_hosts;
mod endpoint_urls;
mod implicit;
mod introspection_none;
mod iss_parameter;
mod issuer;
mod locales;
mod mtls_aliases;
mod openid;
mod par;
mod password_grant;
mod pkce;
mod request_uri;
mod required;
mod response_types;
mod scopes;
mod values;

use std::path::Path;

pub use auth_signing_algs::MISSING_AUTH_SIGNING_ALGS;
pub use ciba::CIBA_METADATA_INCOMPLETE;
pub use client_credentials_none::CLIENT_CREDENTIALS_WITHOUT_AUTHENTICATION;
pub use endpoint_hosts::ENDPOINTS_ON_OTHER_HOST;
pub use endpoint_urls::{ENDPOINT_FRAGMENT, ENDPOINT_LOOPBACK_HTTP, ENDPOINT_NOT_HTTPS, ENDPOINT_ON_PRIVATE_ADDRESS};
pub use implicit::{ACCESS_TOKEN_RESPONSE_TYPE, IMPLICIT_GRANT};
pub use introspection_none::INTROSPECTION_WITHOUT_AUTHENTICATION;
pub use iss_parameter::ISS_PARAMETER_NOT_SUPPORTED;
pub use issuer::{ISSUER_NOT_HTTPS, ISSUER_QUERY_OR_FRAGMENT, MISSING_ISSUER};
pub use locales::INVALID_LOCALE;
pub use mtls_aliases::{MTLS_ALIAS_BROWSER_ENDPOINT, MTLS_ALIAS_WITHOUT_ENDPOINT};
pub use openid::{
    ID_TOKEN_ALGS_WITHOUT_RS256, ID_TOKEN_WITHOUT_OPENID_METADATA, MISSING_OPENID_MEMBER,
    MISSING_RECOMMENDED_OPENID_MEMBER, OPENID_SCOPE_NOT_LISTED,
};
pub use par::PAR_REQUIRED_WITHOUT_ENDPOINT;
pub use password_grant::PASSWORD_GRANT;
pub use pkce::{PKCE_NOT_ADVERTISED, PKCE_PLAIN_OFFERED, PKCE_WITHOUT_S256, UNKNOWN_PKCE_METHOD};
pub use request_uri::UNREGISTERED_REQUEST_URI;
pub use required::{MISSING_REQUIRED_MEMBER, VERIFICATION_ONLY_ISSUER};
pub use response_types::UNKNOWN_RESPONSE_TYPE;
pub use scopes::INVALID_SCOPE_TOKEN;
pub use values::{UNKNOWN_GRANT_TYPE, UNKNOWN_METADATA_VALUE};

use crate::document::Kind;
use crate::json::{Member, Node, Object};
use crate::registry;
use crate::rules::util::str_array;
use crate::rules::{Ctx, Profile, Rule};

/// The `SRV` rules; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &MISSING_ISSUER,
    &ISSUER_NOT_HTTPS,
    &ISSUER_QUERY_OR_FRAGMENT,
    &ENDPOINTS_ON_OTHER_HOST,
    &MISSING_REQUIRED_MEMBER,
    &MISSING_OPENID_MEMBER,
    &ID_TOKEN_ALGS_WITHOUT_RS256,
    &MISSING_RECOMMENDED_OPENID_MEMBER,
    &OPENID_SCOPE_NOT_LISTED,
    &ENDPOINT_NOT_HTTPS,
    &ENDPOINT_LOOPBACK_HTTP,
    &ENDPOINT_FRAGMENT,
    &MTLS_ALIAS_WITHOUT_ENDPOINT,
    &MTLS_ALIAS_BROWSER_ENDPOINT,
    &MISSING_AUTH_SIGNING_ALGS,
    &INVALID_SCOPE_TOKEN,
    &INVALID_LOCALE,
    &UNKNOWN_RESPONSE_TYPE,
    &UNKNOWN_GRANT_TYPE,
    &UNKNOWN_METADATA_VALUE,
    &PKCE_WITHOUT_S256,
    &PKCE_NOT_ADVERTISED,
    &IMPLICIT_GRANT,
    &ACCESS_TOKEN_RESPONSE_TYPE,
    &PASSWORD_GRANT,
    &ISS_PARAMETER_NOT_SUPPORTED,
    &UNREGISTERED_REQUEST_URI,
    &PAR_REQUIRED_WITHOUT_ENDPOINT,
    &CLIENT_CREDENTIALS_WITHOUT_AUTHENTICATION,
    &CIBA_METADATA_INCOMPLETE,
    &ENDPOINT_ON_PRIVATE_ADDRESS,
    &VERIFICATION_ONLY_ISSUER,
    &ID_TOKEN_WITHOUT_OPENID_METADATA,
    &UNKNOWN_PKCE_METHOD,
    &PKCE_PLAIN_OFFERED,
    &INTROSPECTION_WITHOUT_AUTHENTICATION,
];

/// Runs the `SRV` rules on authorization server metadata.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    issuer::check(ctx);
    endpoint_hosts::check(ctx);
    required::check(ctx);
    openid::check(ctx);
    endpoint_urls::check(ctx);
    mtls_aliases::check(ctx);
    auth_signing_algs::check(ctx);
    scopes::check(ctx);
    locales::check(ctx);
    response_types::check(ctx);
    values::check(ctx);
    pkce::check(ctx);
    implicit::check(ctx);
    password_grant::check(ctx);
    iss_parameter::check(ctx);
    request_uri::check(ctx);
    par::check(ctx);
    client_credentials_none::check(ctx);
    ciba::check(ctx);
    introspection_none::check(ctx);
}

/// Members that only OpenID Connect defines for a provider (OIDC Discovery 1.0 §3, Session
/// Management, Front-/Back-Channel Logout, RP-Initiated Logout, Prompt Create). `userinfo_endpoint`
/// and an `openid` scope are deliberately absent: RFC 8414's own example (§3.2) carries both in a
/// plain OAuth document, and RFC 8414 §2 allows OpenID members in one.
const OPENID_ONLY_MEMBERS: &[&str] = &[
    "id_token_signing_alg_values_supported",
    "id_token_encryption_alg_values_supported",
    "id_token_encryption_enc_values_supported",
    "subject_types_supported",
    "userinfo_signing_alg_values_supported",
    "userinfo_encryption_alg_values_supported",
    "userinfo_encryption_enc_values_supported",
    "claims_supported",
    "claim_types_supported",
    "claims_locales_supported",
    "claims_parameter_supported",
    "acr_values_supported",
    "display_values_supported",
    "prompt_values_supported",
    "check_session_iframe",
    "end_session_endpoint",
    "frontchannel_logout_supported",
    "frontchannel_logout_session_supported",
    "backchannel_logout_supported",
    "backchannel_logout_session_supported",
];

/// Why the document is read as OpenID Provider metadata, in words for a help text; `None` for a
/// plain RFC 8414 document. Evidence, in order: `--profile oidc`; the file name
/// `openid-configuration`; a member only OpenID Connect defines. An `id_token` response type alone
/// is not enough (`SRV033` warns about it instead).
pub fn openid_provider_evidence(ctx: &Ctx<'_, '_>) -> Option<String> {
    Some(match openid_evidence(ctx)? {
        OpenIdEvidence::Profile => "the `oidc` profile is active".into(),
        OpenIdEvidence::FileName => "the file is named `openid-configuration`".into(),
        OpenIdEvidence::Member(name) => format!("it has `{name}`, which only OpenID Connect defines"),
    })
}

/// What makes a document OpenID Provider metadata (see [`openid_provider_evidence`]).
enum OpenIdEvidence {
    Profile,
    FileName,
    Member(&'static str),
}

fn openid_evidence(ctx: &Ctx<'_, '_>) -> Option<OpenIdEvidence> {
    if ctx.has_profile(Profile::Oidc) {
        return Some(OpenIdEvidence::Profile);
    }
    // The file name can only be one of these if the path ends with it, but for separators and `.`
    // components: that rules most paths out before splitting one into components.
    let tail = ctx.file.path.trim_end_matches(['/', '\\', '.']);
    if (tail.ends_with("openid-configuration") || tail.ends_with("openid-configuration.json"))
        && matches!(
            Path::new(&ctx.file.path).file_name().and_then(|n| n.to_str()),
            Some("openid-configuration" | "openid-configuration.json")
        )
    {
        return Some(OpenIdEvidence::FileName);
    }
    let obj = ctx.object();
    // An empty array is an omitted member (`DOC005`), not evidence.
    let present = |name: &str| {
        obj.get(name)
            .is_some_and(|n| n.as_array().is_none_or(|a| !a.is_empty()))
    };
    OPENID_ONLY_MEMBERS
        .iter()
        .find(|n| present(n))
        .map(|&name| OpenIdEvidence::Member(name))
}

/// Whether OpenID Connect Discovery 1.0 requirements apply to the document (see
/// [`openid_provider_evidence`]).
pub fn is_openid_provider(ctx: &Ctx<'_, '_>) -> bool {
    openid_evidence(ctx).is_some()
}

/// An ID Token issuer that publishes discovery metadata only so that relying parties can verify
/// its tokens (Kubernetes service-account issuers, GitHub Actions, Azure workload identity,
/// Firebase `securetoken`): no authorization or token endpoint, no `grant_types_supported`, but a
/// `jwks_uri` and `id_token_signing_alg_values_supported`, and `id_token` as the only response type
/// if any is declared. Its tokens are minted out of band, so the endpoint requirements and the
/// authorization-endpoint advice do not apply to it (see `SRV032`).
pub fn is_token_issuer_only(obj: &Object<'_>) -> bool {
    if obj.contains("authorization_endpoint") || obj.contains("token_endpoint") || obj.contains("grant_types_supported")
    {
        return false;
    }
    if !obj.contains("jwks_uri") || !obj.contains("id_token_signing_alg_values_supported") {
        return false;
    }
    match obj.get("response_types_supported") {
        None => true,
        Some(node) => node
            .as_array()
            .is_some_and(|items| !items.is_empty() && items.iter().all(|n| n.as_str() == Some("id_token"))),
    }
}

/// The tokens of a response type value (`"code id_token"` → `code`, `id_token`): an unordered set
/// (RFC 6749 §3.1.1).
pub(crate) fn response_type_tokens(value: &str) -> impl Iterator<Item = &str> {
    value.split(' ').filter(|t| !t.is_empty())
}

/// The declared grant types, when `grant_types_supported` is a non-empty array (an empty one is
/// `DOC005`'s finding and is read as omitted).
pub(crate) fn declared_grants<'o>(obj: &'o Object<'_>) -> Option<Vec<&'o str>> {
    let items = obj.get("grant_types_supported")?.as_array()?;
    (!items.is_empty()).then(|| items.iter().filter_map(Node::as_str).collect())
}

/// The declared response types, when `response_types_supported` is a non-empty array.
fn declared_response_types<'o>(obj: &'o Object<'_>) -> Option<Vec<&'o str>> {
    let (node, items) = str_array(obj, "response_types_supported")?;
    (!node.as_array()?.is_empty()).then(|| items.iter().map(|(_, _, r)| *r).collect())
}

/// Whether a grant the server offers uses the authorization endpoint (RFC 8414 §2
/// `authorization_endpoint`): `authorization_code` or `implicit` among the declared grants, or the
/// default `["authorization_code", "implicit"]` when none are declared. Token issuers
/// ([`is_token_issuer_only`]) use none.
pub(crate) fn uses_authorization_endpoint(obj: &Object<'_>) -> bool {
    if is_token_issuer_only(obj) {
        return false;
    }
    match declared_grants(obj) {
        Some(grants) => grants.iter().any(|g| matches!(*g, "authorization_code" | "implicit")),
        None => true,
    }
}

/// Whether the server offers the authorization code grant: declared, or, by default, unless the
/// declared response types show that no code is ever issued (Facebook's ID-Token-only login).
pub(crate) fn uses_authorization_code(obj: &Object<'_>) -> bool {
    if is_token_issuer_only(obj) {
        return false;
    }
    match declared_grants(obj) {
        Some(grants) => grants.contains(&"authorization_code"),
        None => declared_response_types(obj)
            .is_none_or(|types| types.iter().any(|rt| response_type_tokens(rt).any(|t| t == "code"))),
    }
}

/// Whether the implicit grant is the only grant (RFC 8414 §2 `token_endpoint`: "REQUIRED unless
/// only the implicit grant type is supported"). Without declared grants, the default
/// `["authorization_code", "implicit"]` is narrowed by the response types: when none of them
/// returns a code, only the implicit grant can be used.
pub(crate) fn only_implicit(obj: &Object<'_>) -> bool {
    match declared_grants(obj) {
        Some(grants) => grants.iter().all(|g| *g == "implicit"),
        None => !uses_authorization_code(obj),
    }
}

/// Whether a top-level member holds a URL the server itself serves: every known `*_endpoint`
/// member, and `jwks_uri`, `signed_jwks_uri`, `check_session_iframe`. Vendor members
/// (`mfa_challenge_endpoint`, `kerberos_endpoint`) are left alone: their meaning is the vendor's,
/// and `DOC002` reports them.
pub(crate) fn is_endpoint_member(name: &str) -> bool {
    (name.ends_with("_endpoint") || matches!(name, "jwks_uri" | "signed_jwks_uri" | "check_session_iframe"))
        && registry::is_known_member(Kind::Server, name)
}

/// The top-level endpoint members with string values (see [`is_endpoint_member`]).
pub(crate) fn endpoint_members<'o, 'a>(obj: &'o Object<'a>) -> impl Iterator<Item = (&'o Member<'a>, &'o str)> {
    obj.iter()
        .filter(|m| is_endpoint_member(&m.name))
        .filter_map(|m| Some((m, m.value.as_str()?)))
}

/// `"a"`, `"a" and "b"`, `"a", "b" and "c"` (values quoted with backticks).
pub(crate) fn quoted_list<'s>(values: impl IntoIterator<Item = &'s str>) -> String {
    // Written into one string: a `format!` per value and a join cost more than the findings
    // that word such lists.
    let values: Vec<&str> = values.into_iter().collect();
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == values.len() { " and " } else { ", " });
        }
        out.push('`');
        out.push_str(v);
        out.push('`');
    }
    out
}

/// The `scheme://authority` text that starts `issuer` (`https://id.example.com:8443` of
/// `https://id.example.com:8443/tenant`), or `None` when it has no authority.
pub(crate) fn issuer_authority(issuer: &str) -> Option<&str> {
    let after_scheme = issuer.find("://")? + 3;
    let end = issuer[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(issuer.len(), |i| after_scheme + i);
    (end > after_scheme).then(|| &issuer[..end])
}

/// The scheme and host of an `http` or `https` URL written plainly, as a URL parser reads them
/// (but for ASCII case) when it accepts the URL at all: `http://` or `https://`, a host of ASCII
/// letters, digits, `-` and `.` whose last label starts with a letter (a domain, not an IPv4
/// address), then a port, a path, a query, a fragment or nothing. With no `@` in the authority
/// (user information), nothing can make the parser read another host, so rules that only look at
/// the host can skip parsing such URLs.
pub(crate) fn plain_host(value: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = match value.strip_prefix("https://") {
        Some(rest) => ("https", rest),
        None => ("http", value.strip_prefix("http://")?),
    };
    let bytes = rest.as_bytes();
    let host_len = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
        .unwrap_or(bytes.len());
    match bytes.get(host_len) {
        None | Some(b'/' | b'\\' | b'?' | b'#') => {}
        // A port, unless an `@` further in the authority makes all this user information.
        Some(b':') => {
            let port = &bytes[host_len..];
            let end = port
                .iter()
                .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
                .unwrap_or(port.len());
            if port[..end].contains(&b'@') {
                return None;
            }
        }
        Some(_) => return None,
    }
    let host = &rest[..host_len];
    let last_label = &host[host.rfind('.').map_or(0, |i| i + 1)..];
    last_label
        .starts_with(|c: char| c.is_ascii_alphabetic())
        .then_some((scheme, host))
}

/// Whether `value` is written with the same `scheme://authority` text as the issuer (then
/// followed by a path, a query or nothing): its scheme and host are the issuer's, whatever a URL
/// parser makes of them, so rules comparing them need not parse it (most endpoints are written
/// this way).
pub(crate) fn shares_issuer_authority(value: &str, authority: &str) -> bool {
    value.starts_with(authority) && matches!(value.as_bytes().get(authority.len()), None | Some(b'/' | b'?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_in_order_and_severities_follow_the_policy() {
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(rule.code, format!("SRV{:03}", i + 1), "{}", rule.name);
            assert_eq!(rule.severity, rule.basis.policy_severity(), "{}", rule.code);
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## References",
            ] {
                assert!(rule.docs.contains(section), "{}: missing {section}", rule.code);
            }
        }
    }

    fn object(text: &str) -> crate::json::Node<'_> {
        crate::json::parse(text, &crate::json::ParseOptions::default())
            .unwrap()
            .root
    }

    fn codes(path: &str, text: &str, profiles: Vec<Profile>) -> Vec<&'static str> {
        let options = crate::lint::LintOptions {
            profiles,
            ..Default::default()
        };
        let report = crate::lint::lint_bytes(
            path,
            text.as_bytes().to_vec(),
            crate::lint::Origin::Explicit,
            &options,
            None,
        );
        report.diagnostics.iter().map(|d| d.rule.code).collect()
    }

    const PLAIN: &str = r#"{"issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/a",
        "token_endpoint": "https://as.example.com/t", "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code"], "code_challenge_methods_supported": ["S256"],
        "authorization_response_iss_parameter_supported": true}"#;

    #[test]
    fn openid_detection_by_file_name_and_profile() {
        assert!(!codes("as.discovery.json", PLAIN, vec![]).contains(&"SRV006"));
        assert!(codes("oauth-authorization-server", PLAIN, vec![]).is_empty());
        assert!(codes("site/.well-known/openid-configuration", PLAIN, vec![]).contains(&"SRV006"));
        for path in [
            "openid-configuration.json",
            "site/openid-configuration/",
            "site/openid-configuration/./",
        ] {
            assert!(codes(path, PLAIN, vec![]).contains(&"SRV006"), "{path}");
        }
        for path in [
            "site/x-openid-configuration",
            "openid-configuration.json.bak",
            "openid-configuration/..",
        ] {
            assert!(!codes(path, PLAIN, vec![]).contains(&"SRV006"), "{path}");
        }
        assert!(codes("as.discovery.json", PLAIN, vec![Profile::Oidc]).contains(&"SRV006"));
    }

    #[test]
    fn fapi2_profile_silences_rs256() {
        let op = r#"{"issuer": "https://op.example.com", "jwks_uri": "https://op.example.com/jwks",
            "response_types_supported": ["id_token"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["PS256"]}"#;
        assert!(codes("op.discovery.json", op, vec![]).contains(&"SRV007"));
        assert!(!codes("op.discovery.json", op, vec![Profile::Fapi2]).contains(&"SRV007"));
    }

    #[test]
    fn grant_readings() {
        let root = object(
            r#"{"jwks_uri": "https://x/j", "id_token_signing_alg_values_supported": ["RS256"], "response_types_supported": ["id_token"]}"#,
        );
        let obj = root.as_object().unwrap();
        assert!(is_token_issuer_only(obj) && !uses_authorization_endpoint(obj) && !uses_authorization_code(obj));

        let root = object(
            r#"{"authorization_endpoint": "https://x/a", "response_types_supported": ["id_token", "id_token token"]}"#,
        );
        let obj = root.as_object().unwrap();
        assert!(!is_token_issuer_only(obj) && uses_authorization_endpoint(obj));
        assert!(!uses_authorization_code(obj) && only_implicit(obj));

        let root = object(r#"{"response_types_supported": ["code", "token"]}"#);
        let obj = root.as_object().unwrap();
        assert!(uses_authorization_code(obj) && !only_implicit(obj));

        let root = object(r#"{"grant_types_supported": ["client_credentials"], "response_types_supported": ["code"]}"#);
        let obj = root.as_object().unwrap();
        assert!(!uses_authorization_endpoint(obj) && !uses_authorization_code(obj) && !only_implicit(obj));

        let root = object(r#"{"grant_types_supported": [], "response_types_supported": ["code"]}"#);
        let obj = root.as_object().unwrap();
        assert!(declared_grants(obj).is_none() && uses_authorization_code(obj));
    }

    #[test]
    fn plain_hosts_are_what_the_url_parser_reads() {
        let urls = [
            "https://id.example.com/authorize",
            "https://ID.Example.COM:8443?x=1",
            "http://a-b.example.co.uk#f",
            "https://api.localhost/",
            "https://xn--bcher-kva.example/",
            "https://xn--zz.example/",
            "https://a..b.example/",
            "https://example.com./",
            "https://127.0.0.1/",
            "https://1.2.3.0x10/",
            "https://[::1]/",
            "https://user@evil.example/",
            "https://evil.example:x@good.example/",
            "https://good.example\\@evil.example/",
            "https://ex%61mple.com/",
            "https://exa\tmple.com/",
            "https://exa mple.com/",
            "https://example.com:99999/",
            "https://:443/",
            "https:///path",
            "https://b\u{fc}cher.example/",
            "ftp://example.com/",
            "HTTPS://example.com/",
        ];
        for url in urls {
            let Some((scheme, host)) = plain_host(url) else {
                continue;
            };
            if let Ok(parsed) = url::Url::parse(url) {
                assert_eq!(parsed.scheme(), scheme, "{url}");
                assert!(matches!(parsed.host(), Some(url::Host::Domain(_))), "{url}");
                assert_eq!(parsed.host_str(), Some(host.to_ascii_lowercase().as_str()), "{url}");
            }
        }
        assert_eq!(
            plain_host("https://ID.Example.COM:8443?x=1"),
            Some(("https", "ID.Example.COM"))
        );
        assert_eq!(plain_host("https://127.0.0.1/"), None);
        assert_eq!(plain_host("https://evil.example:x@good.example/"), None);
    }

    #[test]
    fn quoted_lists() {
        assert_eq!(quoted_list([]), "");
        assert_eq!(quoted_list(["a"]), "`a`");
        assert_eq!(quoted_list(["a", "b"]), "`a` and `b`");
        assert_eq!(quoted_list(["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
