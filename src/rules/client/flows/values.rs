//! Grant type and response type values: what is registered, what a value means, and what a
//! misspelled one probably meant. (Servers list the same values in `grant_types_supported` and
//! `response_types_supported`, hence `pub(crate)`.)

use crate::registry::{self, tables};
use crate::rules::doc::closest_value;

/// The grant types RFC 6749 names (§4.1–§4.4, §6); RFC 7591 §2 lists them for `grant_types`.
pub(crate) const RFC6749_GRANT_TYPES: [&str; 5] = [
    "authorization_code",
    "implicit",
    "password",
    "client_credentials",
    "refresh_token",
];

/// The tokens that make up registered response types (IANA "OAuth Authorization Endpoint
/// Response Types").
pub(crate) const RESPONSE_TYPE_TOKENS: [&str; 5] = ["code", "token", "id_token", "none", "vp_token"];

/// Grant type URIs: registered in the IANA "OAuth URI" registry, or defined by a specification
/// without registration (CIBA, OpenID4VCI pre-authorized code, UMA).
pub(crate) fn grant_type_uris() -> impl Iterator<Item = &'static str> {
    registry::values(tables::OAUTH_URI)
        .chain(registry::values(tables::KNOWN_UNREGISTERED))
        .filter(|v| v.contains(":grant-type:"))
}

/// What a `grant_types` value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GrantTypeLookup {
    /// An RFC 6749 name or a known grant type URI.
    Known,
    /// Not known; probably a misspelling of this one.
    Misspelled(&'static str),
    /// An absolute URI nobody registered: an extension grant (RFC 6749 §4.5).
    Extension,
    /// Neither known nor an absolute URI.
    Unknown,
}

pub(crate) fn lookup_grant_type(value: &str) -> GrantTypeLookup {
    if RFC6749_GRANT_TYPES.contains(&value) || grant_type_uris().any(|u| u == value) {
        return GrantTypeLookup::Known;
    }
    if let Some(meant) = misspelled_grant_type(value) {
        return GrantTypeLookup::Misspelled(meant);
    }
    if super::model::scheme_of(value).is_some() {
        GrantTypeLookup::Extension
    } else {
        GrantTypeLookup::Unknown
    }
}

fn misspelled_grant_type(value: &str) -> Option<&'static str> {
    // Response type names written as grant types.
    match value {
        "code" => return Some("authorization_code"),
        "token" => return Some("implicit"),
        _ => {}
    }
    if let Some(name) = closest_value(value, RFC6749_GRANT_TYPES.iter().copied().chain(grant_type_uris())) {
        return Some(name);
    }
    // A URI's last segment alone (`device_code`, `jwt-bearer`, `ciba`), or the segment of a
    // misspelled grant type URN. Other absolute URIs are extensions, whatever they end with.
    let is_grant_urn = ["urn:ietf:params:oauth:", "urn:openid:params:"]
        .iter()
        .any(|p| value.to_ascii_lowercase().starts_with(p));
    if super::model::scheme_of(value).is_some() && !is_grant_urn {
        return None;
    }
    let segment = value.rsplit(':').next().unwrap_or(value);
    grant_type_uris().find(|uri| {
        let last = uri.rsplit(':').next().unwrap_or(uri);
        closest_value(segment, [last]).is_some()
    })
}

/// What is wrong with a response type value, if anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ResponseTypeProblem {
    /// Empty, or only spaces.
    Empty,
    /// Separated by something else than single spaces (`code,id_token`, `code  id_token`); the
    /// value written with single spaces, when every token is known.
    BadSeparator(Option<String>),
    /// A token no registered response type uses, and the closest known token.
    UnknownToken(String, Option<&'static str>),
    /// A token listed twice (`code code`).
    DuplicateToken(String),
    /// Known tokens in a combination that is not registered (`code none`).
    UnregisteredCombination,
}

/// Checks one response type: space-separated registered tokens (RFC 6749 §3.1.1, Appendix A.3),
/// in a combination registered at IANA, compared as an unordered set.
pub(crate) fn check_response_type(value: &str) -> Result<(), ResponseTypeProblem> {
    if value.trim().is_empty() {
        return Err(ResponseTypeProblem::Empty);
    }
    let raw: Vec<&str> = value.split(' ').collect();
    let separators_ok = raw.iter().all(|t| !t.is_empty());
    let tokens: Vec<&str> = value
        .split(|c: char| c == ',' || c == '+' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    let all_known = tokens.iter().all(|t| RESPONSE_TYPE_TOKENS.contains(t));
    if !separators_ok || tokens.len() != raw.len() {
        return Err(ResponseTypeProblem::BadSeparator(all_known.then(|| tokens.join(" "))));
    }
    for token in &tokens {
        if !RESPONSE_TYPE_TOKENS.contains(token) {
            let suggestion = closest_value(token, RESPONSE_TYPE_TOKENS);
            return Err(ResponseTypeProblem::UnknownToken((*token).to_owned(), suggestion));
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        if tokens[..i].contains(token) {
            return Err(ResponseTypeProblem::DuplicateToken((*token).to_owned()));
        }
    }
    if !is_registered_response_type(value) {
        return Err(ResponseTypeProblem::UnregisteredCombination);
    }
    Ok(())
}

/// Whether the value is a registered response type, comparing token sets (`id_token code` is
/// `code id_token`).
pub(crate) fn is_registered_response_type(value: &str) -> bool {
    let key = token_set(value);
    registry::values(tables::OAUTH_RESPONSE_TYPES).any(|registered| token_set(registered) == key)
}

fn token_set(value: &str) -> Vec<&str> {
    let mut tokens: Vec<&str> = super::model::response_tokens(value).collect();
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// The grant types a response type needs in `grant_types` by the RFC 7591 §2.1 table: `code`
/// needs `authorization_code`, `token` needs `implicit`. (OIDC Registration §2 adds `id_token` →
/// `implicit`; see [`needs_implicit_for_id_token`].)
pub(crate) fn grant_types_for_response_type(value: &str) -> Vec<&'static str> {
    let mut needed = Vec::new();
    for token in super::model::response_tokens(value) {
        let grant = match token {
            "code" => "authorization_code",
            "token" => "implicit",
            _ => continue,
        };
        if !needed.contains(&grant) {
            needed.push(grant);
        }
    }
    needed
}

/// Whether only OIDC Registration §2's `id_token` → `implicit` row asks for the `implicit` grant
/// type: the response type has `id_token` and no `token` (`id_token`, `code id_token`).
pub(crate) fn needs_implicit_for_id_token(value: &str) -> bool {
    let has = |wanted: &str| super::model::response_tokens(value).any(|t| t == wanted);
    has("id_token") && !has("token")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_types() {
        assert_eq!(lookup_grant_type("authorization_code"), GrantTypeLookup::Known);
        assert_eq!(
            lookup_grant_type("urn:ietf:params:oauth:grant-type:device_code"),
            GrantTypeLookup::Known
        );
        assert_eq!(
            lookup_grant_type("urn:openid:params:grant-type:ciba"),
            GrantTypeLookup::Known
        );
        assert_eq!(
            lookup_grant_type("authorisation_code"),
            GrantTypeLookup::Misspelled("authorization_code")
        );
        assert_eq!(
            lookup_grant_type("refresh-token"),
            GrantTypeLookup::Misspelled("refresh_token")
        );
        assert_eq!(
            lookup_grant_type("code"),
            GrantTypeLookup::Misspelled("authorization_code")
        );
        assert_eq!(
            lookup_grant_type("device_code"),
            GrantTypeLookup::Misspelled("urn:ietf:params:oauth:grant-type:device_code")
        );
        assert_eq!(
            lookup_grant_type("urn:ietf:params:oauth:grant-type:token_exchange"),
            GrantTypeLookup::Misspelled("urn:ietf:params:oauth:grant-type:token-exchange")
        );
        assert_eq!(
            lookup_grant_type("https://grants.example/magic-link"),
            GrantTypeLookup::Extension
        );
        assert_eq!(lookup_grant_type("magic_link"), GrantTypeLookup::Unknown);
    }

    #[test]
    fn response_types() {
        assert_eq!(check_response_type("code"), Ok(()));
        assert_eq!(check_response_type("id_token code"), Ok(()));
        assert_eq!(check_response_type("code id_token token"), Ok(()));
        assert_eq!(check_response_type(""), Err(ResponseTypeProblem::Empty));
        assert_eq!(
            check_response_type("code,id_token"),
            Err(ResponseTypeProblem::BadSeparator(Some("code id_token".into())))
        );
        assert_eq!(
            check_response_type("code  id_token"),
            Err(ResponseTypeProblem::BadSeparator(Some("code id_token".into())))
        );
        assert_eq!(
            check_response_type("id-token"),
            Err(ResponseTypeProblem::UnknownToken("id-token".into(), Some("id_token")))
        );
        assert_eq!(
            check_response_type("code code"),
            Err(ResponseTypeProblem::DuplicateToken("code".into()))
        );
        assert_eq!(
            check_response_type("none code"),
            Err(ResponseTypeProblem::UnregisteredCombination)
        );
        assert_eq!(
            grant_types_for_response_type("code id_token token"),
            ["authorization_code", "implicit"]
        );
    }
}
