//! What the flow rules need to know about a client, read once per document: the grant and
//! response types as written and with the registration defaults applied, the application type,
//! and every redirect-like URI classified by scheme and host.
//!
//! Values of the wrong JSON type are treated as absent (their type is `SCH001`'s job).

use crate::json::{Node, Object};
use crate::rules::util::{self, StrItems};

/// RFC 7591 §2 and OIDC Registration §2: "If omitted, the default behavior is that the client will
/// use only the `authorization_code` Grant Type."
pub(super) const DEFAULT_GRANT_TYPE: &str = "authorization_code";

/// RFC 7591 §2 and OIDC Registration §2: "If omitted, the default is that the client will use
/// only the `code` response type."
pub(super) const DEFAULT_RESPONSE_TYPE: &str = "code";

/// Schemes that never name an endpoint of the client: a browser either refuses to follow a
/// redirect to them or runs them in the origin that performs the redirect.
pub(super) const DANGEROUS_SCHEMES: &[&str] = &["javascript", "data", "file", "vbscript", "about", "blob"];

/// `application_type` (OIDC Registration §2; default `web`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AppType {
    Web,
    Native,
    /// A value outside `web`/`native` (`SCH005` reports it): application-type rules stay silent.
    Other,
}

/// Which member a redirect-like URI comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RedirectMember {
    /// `redirect_uris` (RFC 7591 §2, RFC 6749 §3.1.2).
    Redirect,
    /// `post_logout_redirect_uris` (OpenID Connect RP-Initiated Logout 1.0 §3.1).
    PostLogout,
}

impl RedirectMember {
    pub(super) fn name(self) -> &'static str {
        match self {
            RedirectMember::Redirect => "redirect_uris",
            RedirectMember::PostLogout => "post_logout_redirect_uris",
        }
    }

    /// `redirect URI` / `post-logout redirect URI`, for messages.
    pub(super) fn noun(self) -> &'static str {
        match self {
            RedirectMember::Redirect => "redirect URI",
            RedirectMember::PostLogout => "post-logout redirect URI",
        }
    }
}

/// What a URI's scheme makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UriKind {
    Https,
    Http,
    /// `javascript:`, `data:`, … ([`DANGEROUS_SCHEMES`]).
    Dangerous,
    /// `urn:` (the retired out-of-band value `urn:ietf:wg:oauth:2.0:oob`, mostly): neither a web
    /// nor an app redirect; left alone.
    Urn,
    /// Any other scheme: a private-use ("custom") scheme of a native app (RFC 8252 §7.1).
    PrivateUse,
}

/// One element of `redirect_uris` or `post_logout_redirect_uris`.
pub(super) struct RedirectTarget<'o, 'a> {
    pub member: RedirectMember,
    pub index: usize,
    pub node: &'o Node<'a>,
    pub value: &'o str,
    /// The RFC 3986 scheme, lower-cased.
    pub scheme: String,
    pub kind: UriKind,
    /// The parsed URL, when the `url` crate accepts it.
    pub url: Option<std::rc::Rc<url::Url>>,
}

impl RedirectTarget<'_, '_> {
    pub(super) fn pointer(&self) -> String {
        util::ptr_index(self.member.name(), self.index)
    }

    /// Whether the host is a loopback address or the name `localhost` (`*.localhost`).
    pub(super) fn is_loopback(&self) -> bool {
        self.url.as_deref().is_some_and(util::is_loopback)
    }

    /// Whether the host is the name `localhost` (or `*.localhost`) rather than an IP literal.
    pub(super) fn is_localhost_name(&self) -> bool {
        self.url
            .as_ref()
            .is_some_and(|u| util::is_loopback(u) && !util::is_loopback_ip(u))
    }

    /// Whether the host is the unspecified address `0.0.0.0` or `[::]` (`CLI014`).
    pub(super) fn is_unspecified_host(&self) -> bool {
        match self.url.as_ref().and_then(|u| u.host()) {
            Some(url::Host::Ipv4(ip)) => ip.is_unspecified(),
            Some(url::Host::Ipv6(ip)) => ip.is_unspecified(),
            _ => false,
        }
    }

    /// A fragment where RFC 6749 §3.1.2 forbids one (`redirect_uris` only): `CLI002`.
    pub(super) fn has_forbidden_fragment(&self) -> bool {
        self.member == RedirectMember::Redirect && self.value.contains('#')
    }

    /// A `*` before the query: `CLI011`.
    pub(super) fn has_wildcard(&self) -> bool {
        self.value.split(['?', '#']).next().unwrap_or_default().contains('*')
    }

    /// Whether a structural finding (dangerous scheme `CLI003`, fragment `CLI002`, wildcard
    /// `CLI011`) already covers this value. Each value gets at most one URL finding, the first in
    /// that order; the scheme and host rules skip values that have one.
    pub(super) fn has_structural_problem(&self) -> bool {
        self.kind == UriKind::Dangerous || self.has_forbidden_fragment() || self.has_wildcard()
    }
}

/// The client as the flow rules see it.
pub(super) struct Client<'o, 'a> {
    /// `grant_types` when it is an array: the node and its string elements.
    pub grant_types: Option<(&'o Node<'a>, StrItems<'o, 'a>)>,
    /// `response_types` when it is an array: the node and its string elements.
    pub response_types: Option<(&'o Node<'a>, StrItems<'o, 'a>)>,
    pub app_type: AppType,
    /// Whether `application_type` is written (rather than defaulting to `web`).
    pub app_type_explicit: bool,
    /// Every string element of `redirect_uris` and `post_logout_redirect_uris` that has a scheme
    /// (relative references are `SCH002`'s job).
    pub redirects: Vec<RedirectTarget<'o, 'a>>,
}

impl<'o, 'a> Client<'o, 'a> {
    pub(super) fn new(obj: &'o Object<'a>) -> Self {
        let app_type_value = util::str_member(obj, "application_type").map(|(_, v)| v);
        let app_type = match app_type_value {
            None | Some("web") => AppType::Web,
            Some("native") => AppType::Native,
            Some(_) => AppType::Other,
        };
        let mut redirects = Vec::new();
        for member in [RedirectMember::Redirect, RedirectMember::PostLogout] {
            let Some((_, items)) = util::str_array(obj, member.name()) else {
                continue;
            };
            for (index, node, value) in items {
                let Some(scheme) = scheme_of(value) else {
                    continue;
                };
                let kind = classify(&scheme);
                redirects.push(RedirectTarget {
                    member,
                    index,
                    node,
                    value,
                    scheme,
                    kind,
                    url: util::parse_url(value),
                });
            }
        }
        Client {
            grant_types: util::str_array(obj, "grant_types"),
            response_types: util::str_array(obj, "response_types"),
            app_type,
            app_type_explicit: app_type_value.is_some(),
            redirects,
        }
    }

    /// The grant types in force: `grant_types` when it is an array, else the default.
    pub(super) fn effective_grant_types(&self) -> Vec<&'o str> {
        match &self.grant_types {
            Some((_, items)) => items.iter().map(|(_, _, v)| *v).collect(),
            None => vec![DEFAULT_GRANT_TYPE],
        }
    }

    pub(super) fn has_grant_type(&self, grant_type: &str) -> bool {
        self.effective_grant_types().contains(&grant_type)
    }

    /// The response types as written (empty when `response_types` is absent).
    pub(super) fn explicit_response_types(&self) -> &[(usize, &'o Node<'a>, &'o str)] {
        self.response_types.as_ref().map_or(&[], |(_, items)| items.as_slice())
    }

    /// The response types in force: `response_types` when it is an array, else `["code"]`.
    pub(super) fn effective_response_types(&self) -> Vec<&'o str> {
        match &self.response_types {
            Some((_, items)) => items.iter().map(|(_, _, v)| *v).collect(),
            None => vec![DEFAULT_RESPONSE_TYPE],
        }
    }

    /// Whether the client sends users to the authorization endpoint: a grant type that starts
    /// there (`authorization_code`, `implicit`), or a response type written out (any response
    /// type is used at the authorization endpoint, `none` included; OpenID4VP's `vp_token` alone
    /// can answer by `direct_post` and is not counted).
    pub(super) fn uses_authorization_endpoint(&self) -> bool {
        let grants = self.effective_grant_types();
        grants.contains(&"authorization_code")
            || grants.contains(&"implicit")
            || self
                .explicit_response_types()
                .iter()
                .any(|(_, _, rt)| response_tokens(rt).any(|t| matches!(t, "code" | "token" | "id_token" | "none")))
    }

    /// Whether the client uses the implicit grant in the sense of OIDC Registration §2: the
    /// `implicit` grant type, or a response type that returns `token` or `id_token` from the
    /// authorization endpoint (which the §2 table ties to the `implicit` grant type).
    pub(super) fn uses_implicit(&self) -> bool {
        self.has_grant_type("implicit")
            || self
                .explicit_response_types()
                .iter()
                .any(|(_, _, rt)| response_tokens(rt).any(|t| matches!(t, "token" | "id_token")))
    }

    /// The redirect targets of one member.
    pub(super) fn redirects_of(&self, member: RedirectMember) -> impl Iterator<Item = &RedirectTarget<'o, 'a>> {
        self.redirects.iter().filter(move |t| t.member == member)
    }

    /// The redirect targets that the scheme and host rules examine (see
    /// [`RedirectTarget::has_structural_problem`]).
    pub(super) fn sound_redirects(&self) -> impl Iterator<Item = &RedirectTarget<'o, 'a>> {
        self.redirects.iter().filter(|t| !t.has_structural_problem())
    }
}

/// The space-separated tokens of a response type (RFC 6749 §3.1.1; order does not matter).
pub(super) fn response_tokens(response_type: &str) -> impl Iterator<Item = &str> {
    response_type.split(' ').filter(|t| !t.is_empty())
}

/// The scheme of an absolute URI (RFC 3986 §3.1: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
/// before the first `:`), lower-cased; `None` for a relative reference.
pub(super) fn scheme_of(uri: &str) -> Option<String> {
    let (scheme, _) = uri.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| scheme.to_ascii_lowercase())
}

fn classify(scheme: &str) -> UriKind {
    match scheme {
        "https" => UriKind::Https,
        "http" => UriKind::Http,
        "urn" => UriKind::Urn,
        s if DANGEROUS_SCHEMES.contains(&s) => UriKind::Dangerous,
        _ => UriKind::PrivateUse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        assert_eq!(scheme_of("https://a.example/cb").as_deref(), Some("https"));
        assert_eq!(scheme_of("com.example.App:/cb").as_deref(), Some("com.example.app"));
        assert_eq!(scheme_of("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme_of("/relative:path"), None);
        assert_eq!(scheme_of("no-colon"), None);
        assert_eq!(classify("data"), UriKind::Dangerous);
        assert_eq!(classify("myapp"), UriKind::PrivateUse);
    }

    fn with_client(text: &str, f: impl FnOnce(&Client<'_, '_>)) {
        let parsed = crate::json::parse(text, &crate::json::ParseOptions::default()).unwrap();
        f(&Client::new(parsed.root.as_object().unwrap()));
    }

    #[test]
    fn defaults_and_flows() {
        with_client(r#"{}"#, |c| {
            assert_eq!(c.effective_grant_types(), ["authorization_code"]);
            assert_eq!(c.effective_response_types(), ["code"]);
            assert!(c.uses_authorization_endpoint() && !c.uses_implicit());
            assert_eq!(c.app_type, AppType::Web);
        });
        with_client(r#"{"grant_types": ["client_credentials"]}"#, |c| {
            assert!(!c.uses_authorization_endpoint());
        });
        // A wrong type counts as absent (SCH001 reports it).
        with_client(r#"{"grant_types": null, "application_type": "Native"}"#, |c| {
            assert_eq!(c.effective_grant_types(), ["authorization_code"]);
            assert_eq!(c.app_type, AppType::Other);
        });
        with_client(
            r#"{"response_types": ["code id_token"], "grant_types": ["authorization_code"]}"#,
            |c| {
                assert!(c.uses_implicit());
            },
        );
    }

    #[test]
    fn redirect_targets() {
        let text = r#"{"redirect_uris": ["http://localhost:1/cb", "/relative", "https://a.example/#x", "myapp:/cb"],
                       "post_logout_redirect_uris": ["javascript:alert(1)"]}"#;
        with_client(text, |c| {
            let kinds: Vec<_> = c.redirects.iter().map(|t| (t.member, t.index, t.kind)).collect();
            assert_eq!(
                kinds,
                [
                    (RedirectMember::Redirect, 0, UriKind::Http),
                    (RedirectMember::Redirect, 2, UriKind::Https),
                    (RedirectMember::Redirect, 3, UriKind::PrivateUse),
                    (RedirectMember::PostLogout, 0, UriKind::Dangerous),
                ]
            );
            assert!(c.redirects[0].is_localhost_name() && c.redirects[0].is_loopback());
            assert!(c.redirects[1].has_structural_problem() && c.redirects[3].has_structural_problem());
            assert_eq!(c.sound_redirects().count(), 2);
        });
    }

    #[test]
    fn tokens() {
        assert_eq!(
            response_tokens("code  id_token").collect::<Vec<_>>(),
            ["code", "id_token"]
        );
    }
}
