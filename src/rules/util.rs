//! Small typed helpers shared by the rule families: reading members, URLs, algorithm names.
//! Add here only what two families need; family-specific helpers stay in the family.

use crate::json::{Node, Object, Pointer};
use crate::registry::{self, AlgCategory, Entry};
use crate::rules::doc::Suggestions;

/// A string member: its node and value.
pub fn str_member<'o, 'a>(obj: &'o Object<'a>, name: &str) -> Option<(&'o Node<'a>, &'o str)> {
    let node = obj.get(name)?;
    Some((node, node.as_str()?))
}

/// A boolean member's value (`None` when absent or not a boolean).
pub fn bool_member(obj: &Object<'_>, name: &str) -> Option<bool> {
    obj.get(name)?.as_bool()
}

/// String elements of an array: `(index, node, value)`.
pub type StrItems<'o, 'a> = Vec<(usize, &'o Node<'a>, &'o str)>;

/// The string elements of an array member with their indexes (non-strings skipped: their type is
/// `SCH001`'s job). `None` when the member is absent or not an array.
pub fn str_array<'o, 'a>(obj: &'o Object<'a>, name: &str) -> Option<(&'o Node<'a>, StrItems<'o, 'a>)> {
    let node = obj.get(name)?;
    node.as_array()?;
    Some((node, node.str_items().collect()))
}

/// `/name` for a top-level member.
pub fn ptr(name: &str) -> String {
    Pointer::root().key(name).into_string()
}

/// `/name/index` for an element of a top-level array member.
pub fn ptr_index(name: &str, index: usize) -> String {
    Pointer::root().key(name).index(index).into_string()
}

/// A parsed absolute URL, or `None` (relative or malformed URLs are `SCH002`'s job).
///
/// Several rules parse the same URLs of a document (the issuer, every endpoint): each distinct
/// string is parsed once per document (see [`forget_parsed_urls`]).
pub fn parse_url(s: &str) -> ParsedUrl {
    PARSED_URLS.with_borrow_mut(|parsed| {
        if let Some((_, url)) = parsed.iter().find(|(text, _)| **text == *s) {
            return url.clone();
        }
        let url = url::Url::parse(s).ok().map(std::rc::Rc::new);
        if parsed.len() < 256 {
            parsed.push((s.into(), url.clone()));
        }
        url
    })
}

/// A parsed URL shared by the rules that read it (cloning the handle does not copy the URL).
pub type ParsedUrl = Option<std::rc::Rc<url::Url>>;

thread_local! {
    /// The URLs parsed for the document being linted on this thread.
    static PARSED_URLS: std::cell::RefCell<Vec<(Box<str>, ParsedUrl)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Forgets the URLs [`parse_url`] parsed on this thread (called before each document is linted,
/// so memory stays bounded and each document pays for its own parses).
pub fn forget_parsed_urls() {
    PARSED_URLS.with_borrow_mut(Vec::clear);
}

/// Whether a URL's host is a loopback address: `127.0.0.0/8`, `[::1]`, or the name `localhost`
/// (and `*.localhost`, RFC 6761 §6.3). See [`is_loopback_ip`] for IP literals only.
pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => {
            d.eq_ignore_ascii_case("localhost") || d.to_ascii_lowercase().ends_with(".localhost")
        }
        None => false,
    }
}

/// Whether a URL's host is a loopback IP literal (`127.0.0.1`, `[::1]`), as RFC 8252 §7.3 wants.
pub fn is_loopback_ip(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    }
}

/// What a JOSE algorithm name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlgLookup {
    /// A registered name, with its registry row and category.
    Registered(&'static Entry, AlgCategory),
    /// Not registered, but registered in another case (`rs256` → `RS256`).
    WrongCase(&'static str),
    /// Not registered; the closest registered name, if any is close.
    Unknown(Option<&'static str>),
}

/// Looks up a JOSE algorithm identifier (case-sensitive, RFC 7518 §7.1).
pub fn lookup_alg(name: &str) -> AlgLookup {
    if let Some((entry, category)) = registry::jose_algorithm(name) {
        return AlgLookup::Registered(entry, category);
    }
    if let Some(exact) = registry::values(registry::tables::JOSE_ALGORITHMS).find(|n| n.eq_ignore_ascii_case(name)) {
        return AlgLookup::WrongCase(exact);
    }
    AlgLookup::Unknown(JOSE_ALGORITHM_NAMES.closest(name))
}

/// The registered JOSE algorithm names, prepared once for suggestions.
static JOSE_ALGORITHM_NAMES: std::sync::LazyLock<Suggestions> =
    std::sync::LazyLock::new(|| Suggestions::new(registry::values(registry::tables::JOSE_ALGORITHMS)));

/// Whether a JWS algorithm is a MAC keyed with the client secret (`HS256`, `HS384`, `HS512`).
pub fn is_hmac(alg: &str) -> bool {
    matches!(alg, "HS256" | "HS384" | "HS512")
}

/// Whether a JWS algorithm uses an asymmetric key pair (registered, JWS, not HMAC, not `none`).
pub fn is_asymmetric_jws(alg: &str) -> bool {
    matches!(registry::jose_algorithm(alg), Some((_, AlgCategory::Jws))) && !is_hmac(alg) && alg != "none"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algs() {
        assert!(matches!(
            lookup_alg("RS256"),
            AlgLookup::Registered(_, AlgCategory::Jws)
        ));
        assert_eq!(lookup_alg("rs256"), AlgLookup::WrongCase("RS256"));
        assert!(matches!(
            lookup_alg("RSA-OAEP"),
            AlgLookup::Registered(_, AlgCategory::JweAlg)
        ));
        assert!(matches!(
            lookup_alg("A128GCM"),
            AlgLookup::Registered(_, AlgCategory::JweEnc)
        ));
        assert_eq!(lookup_alg("ES521"), AlgLookup::Unknown(Some("ES512")));
        assert!(is_asymmetric_jws("PS256") && !is_asymmetric_jws("HS256") && !is_asymmetric_jws("none"));
    }

    #[test]
    fn loopback() {
        let u = |s: &str| parse_url(s).unwrap();
        assert!(is_loopback_ip(&u("http://127.0.0.1:8080/cb")));
        assert!(is_loopback_ip(&u("http://[::1]/cb")));
        assert!(!is_loopback_ip(&u("http://localhost/cb")));
        assert!(is_loopback(&u("http://localhost/cb")));
        assert!(!is_loopback(&u("https://example.com/cb")));
    }
}
