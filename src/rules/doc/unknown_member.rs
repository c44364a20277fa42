//! DOC002: a member that no registry or known specification defines for this kind of document.

use crate::diagnostic::Severity;
use crate::document::{Kind, Role};
use crate::json::Pointer;
use crate::registry;
use crate::rules::{Basis, Ctx, Rule};

/// DOC002: a member is not registered at IANA for this kind of document.
pub static UNKNOWN_MEMBER: Rule = Rule {
    code: "DOC002",
    name: "unknown-member",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A member is not registered at IANA for this kind of document",
    profile: None,
    docs: r#"## What it does
Checks every top-level member name against the IANA registry of that document kind (OAuth Dynamic
Client Registration Metadata, OAuth Authorization Server Metadata, OAuth Protected Resource
Metadata; `keys` for a JWK Set) and the names that specifications define without registering
(`known_unregistered.csv`: CIBA client metadata, JARM, `prompt_values_supported`, …). A name that
is neither is reported:
- with "did you mean" when it is close to a known name (`redirect_uri` → `redirect_uris`, a wrong
  case, a missing `s`);
- with the member meant when it is a known rename: a pre-final specification name
  (`id_token_alg_values_supported`, `http_logout_supported`), another specification's name for
  the same thing (`token_revocation_endpoint`, `documentation_uri` in resource metadata), or an
  Open Banking software statement claim (`software_redirect_uris` → `redirect_uris`);
- with a specific hint when it is a member of another kind (`token_endpoint_auth_methods_supported`
  is server metadata; in client metadata it is ignored).

Language-tagged names (`client_name#ja-Jpan-JP`) are checked on their base name. Names listed in
the config's `extra_members` are allowed. In a software statement's claim set (client role
`statement`) the registered JWT claims `iss`, `sub`, `aud`, `exp`, `nbf`, `iat` and `jti`
(RFC 7519 §4.1) are allowed: a statement is a JWT (RFC 7591 §2.3).

A name that IANA has removed from the registry (status `removed` in `known_unregistered.csv`,
such as the pre-final OpenID Federation `request_authentication_signing_alg_values_supported`)
is reported as an info: it is recognised, but no current specification gives it a meaning.

## Why is this bad?
Unknown members are ignored by servers and clients (RFC 7591 §2, RFC 8414 §2, RFC 9728 §2), so a
misspelled name silently does nothing: a `redirect_uri` member leaves the client with no redirect
URIs registered, a `token_endpoint_auth_methods` member leaves the default `client_secret_basic`
in force. Vendor extensions are legitimate, which is why this is a warning; list yours in
`extra_members`.

## Example
```json
{ "redirect_uri": "https://app.example/cb", "token_endpoint_auth_methods_supported": ["none"] }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "none" }
```

## References
- IANA OAuth Parameters: Dynamic Client Registration Metadata, Authorization Server Metadata,
  Protected Resource Metadata
- RFC 7591 §2; RFC 8414 §2; RFC 9728 §2; RFC 7517 §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let kind = ctx.kind;
    for member in ctx.object().iter() {
        let name = member.name.as_ref();
        if ctx.options.is_extra_member(kind, name) {
            continue;
        }
        // No known name has a `#` (a test checks): most members are found as they are, and only
        // the others are searched for a language tag.
        let (known, base) = if is_known(kind, name) {
            (true, name)
        } else if let Some((base, _)) = crate::json::split_language_tag(name) {
            (is_known(kind, base), base)
        } else {
            (false, name)
        };
        if known {
            if let Some(entry) = removed_member(kind, base) {
                ctx.report(
                    &UNKNOWN_MEMBER,
                    member.name_span,
                    Pointer::root().key(name),
                    format!(
                        "`{name}` is no longer registered: it came from {} and IANA removed it",
                        entry.reference
                    ),
                )
                .severity(Severity::Info)
                .help("no current specification defines it, so consumers ignore it; remove it unless a deployment still reads it");
            }
            continue;
        }
        if ctx.role == Some(Role::Statement) && JWT_CLAIMS.contains(&name) {
            continue;
        }
        if ctx.is_saturated(&UNKNOWN_MEMBER) {
            // Past the per-file cap (a hostile document with 300,000 members): only counted, so
            // skip the "did you mean" search.
            ctx.report(&UNKNOWN_MEMBER, member.name_span, "", String::new());
            continue;
        }
        let pointer = Pointer::root().key(name);
        if let Some(other) = other_kind_of(kind, base) {
            ctx.report(
                &UNKNOWN_MEMBER,
                member.name_span,
                pointer,
                format!(
                    "`{name}` is {} member, not {} member; it is ignored here",
                    article(other),
                    article(kind)
                ),
            )
            .help(other_kind_help(kind, base, other));
            continue;
        }
        let message = format!("unknown member `{name}` in {}", kind.describe());
        let diagnostic = ctx.report(&UNKNOWN_MEMBER, member.name_span, pointer, message);
        if let Some((_, _, replacement, why)) = RENAMED.iter().find(|(k, n, _, _)| *k == kind && *n == base) {
            diagnostic.help(format!("{why} `{replacement}`"));
            continue;
        }
        match suggestion(kind, base) {
            Some(s) => diagnostic.help(format!("did you mean `{s}`?")),
            None => diagnostic
                .help("if this is an extension your deployment uses, list it in `extra_members` in oauth-lint.toml"),
        };
    }
}

/// Names that edit distance cannot match with the member meant: pre-final specification names,
/// and the names of other ecosystems (Open Banking software statements).
const RENAMED: &[(Kind, &str, &str, &str)] = &[
    (
        Kind::Server,
        "id_token_alg_values_supported",
        "id_token_signing_alg_values_supported",
        "the pre-final OpenID Connect Discovery name of",
    ),
    (
        Kind::Server,
        "http_logout_supported",
        "frontchannel_logout_supported",
        "the name in drafts of OpenID Connect Front-Channel Logout (\"HTTP-Based Logout\") of",
    ),
    (
        Kind::Server,
        "logout_session_supported",
        "frontchannel_logout_session_supported",
        "the name in drafts of OpenID Connect Front-Channel Logout (\"HTTP-Based Logout\") of",
    ),
    (
        Kind::Server,
        "token_revocation_endpoint",
        "revocation_endpoint",
        "RFC 8414 names the RFC 7009 revocation endpoint",
    ),
    (
        Kind::Resource,
        "documentation_uri",
        "resource_documentation",
        "RFC 9728 names the documentation page",
    ),
    (
        Kind::Client,
        "software_client_name",
        "client_name",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_redirect_uris",
        "redirect_uris",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_jwks_endpoint",
        "jwks_uri",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_jwks_uri",
        "jwks_uri",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_client_uri",
        "client_uri",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_logo_uri",
        "logo_uri",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_policy_uri",
        "policy_uri",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
    (
        Kind::Client,
        "software_tos_uri",
        "tos_uri",
        "an Open Banking software statement claim; the RFC 7591 member with this meaning is",
    ),
];

/// The registered claims of RFC 7519 §4.1, legal in a software statement (a JWT).
const JWT_CLAIMS: [&str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

/// A member name IANA removed from the registry of `kind` (`known_unregistered.csv`).
fn removed_member(kind: Kind, name: &str) -> Option<&'static registry::Entry> {
    REMOVED_MEMBERS[kind as usize].get(name).copied()
}

/// Each kind's members that IANA removed, by name (every known member of every document is
/// looked up).
static REMOVED_MEMBERS: [std::sync::LazyLock<registry::NameMap<&'static registry::Entry>>; 4] = [
    std::sync::LazyLock::new(|| removed_members(Kind::Client)),
    std::sync::LazyLock::new(|| removed_members(Kind::Server)),
    std::sync::LazyLock::new(|| removed_members(Kind::Jwks)),
    std::sync::LazyLock::new(|| removed_members(Kind::Resource)),
];

fn removed_members(kind: Kind) -> registry::NameMap<&'static registry::Entry> {
    registry::unregistered_members(kind)
        .filter(|e| e.status == registry::Status::Removed)
        .map(|e| (e.value, e))
        .collect()
}

fn is_known(kind: Kind, name: &str) -> bool {
    match kind {
        Kind::Jwks => name == "keys",
        _ => registry::is_known_member(kind, name),
    }
}

fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Client => "a client metadata",
        Kind::Server => "an authorization server metadata",
        Kind::Jwks => "a JWK",
        Kind::Resource => "a protected resource metadata",
    }
}

/// The other kind that defines `name`, if any (JWK parameters only count inside a JWK Set).
fn other_kind_of(kind: Kind, name: &str) -> Option<Kind> {
    [Kind::Server, Kind::Client, Kind::Resource]
        .into_iter()
        .filter(|&k| k != kind)
        .find(|&k| registry::is_known_member(k, name))
}

/// Points at the member that does the job in this kind, when there is an obvious one.
fn other_kind_help(kind: Kind, name: &str, other: Kind) -> String {
    if kind == Kind::Client
        && other == Kind::Server
        && let Some(singular) = client_equivalent(name)
    {
        return format!("`{name}` is what a server advertises; a client chooses one value with `{singular}`");
    }
    format!("remove it, or move it to the {} document", other.describe())
}

fn client_equivalent(server_member: &str) -> Option<&'static str> {
    Some(match server_member {
        "token_endpoint_auth_methods_supported" => "token_endpoint_auth_method",
        "token_endpoint_auth_signing_alg_values_supported" => "token_endpoint_auth_signing_alg",
        "grant_types_supported" => "grant_types",
        "response_types_supported" => "response_types",
        "scopes_supported" => "scope",
        "subject_types_supported" => "subject_type",
        "id_token_signing_alg_values_supported" => "id_token_signed_response_alg",
        "userinfo_signing_alg_values_supported" => "userinfo_signed_response_alg",
        "request_object_signing_alg_values_supported" => "request_object_signing_alg",
        "acr_values_supported" => "default_acr_values",
        _ => return None,
    })
}

/// The closest known name of this kind: same name in another case, or within a small edit
/// distance (one edit per six characters, at least one, at most three).
pub(crate) fn suggestion(kind: Kind, name: &str) -> Option<&'static str> {
    closest_among(name, MEMBER_CANDIDATES[kind as usize].iter().copied())
}

/// Each kind's known member names with what [`closest`] needs of them, computed once (every
/// unknown member of every document is compared with all of them).
static MEMBER_CANDIDATES: [std::sync::LazyLock<Vec<Candidate<'static>>>; 4] = [
    std::sync::LazyLock::new(|| member_candidates(Kind::Client)),
    std::sync::LazyLock::new(|| member_candidates(Kind::Server)),
    std::sync::LazyLock::new(|| member_candidates(Kind::Jwks)),
    std::sync::LazyLock::new(|| member_candidates(Kind::Resource)),
];

fn member_candidates(kind: Kind) -> Vec<Candidate<'static>> {
    let names: Vec<&'static str> = match kind {
        Kind::Jwks => vec!["keys"],
        _ => registry::known_member_names(kind).collect(),
    };
    names.into_iter().map(Candidate::new).collect()
}

/// A candidate name with its length in characters and its character set.
#[derive(Clone, Copy)]
struct Candidate<'c> {
    name: &'c str,
    chars: usize,
    set: Option<u64>,
}

impl<'c> Candidate<'c> {
    fn new(name: &'c str) -> Self {
        Candidate {
            name,
            chars: name.chars().count(),
            set: char_set(name),
        }
    }
}

/// A fixed list of names to suggest from (a registry), with what [`closest`] needs of each name
/// computed once: every unknown value of every document is compared with all of them.
pub(crate) struct Suggestions(Vec<Candidate<'static>>);

impl Suggestions {
    pub(crate) fn new(names: impl IntoIterator<Item = &'static str>) -> Self {
        Suggestions(names.into_iter().map(Candidate::new).collect())
    }

    /// The name closest to `name`, as [`closest`] finds it.
    pub(crate) fn closest(&self, name: &str) -> Option<&'static str> {
        closest_among(name, self.0.iter().copied())
    }
}

/// The candidate closest to `name`, if close enough to be a likely typo.
pub(crate) fn closest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    closest_among(name, candidates.into_iter().map(Candidate::new))
}

fn closest_among<'c>(name: &str, candidates: impl Iterator<Item = Candidate<'c>>) -> Option<&'c str> {
    let lower = name.to_ascii_lowercase().replace('-', "_");
    let limit = (name.chars().count() / 6).clamp(1, 3);
    let lower_len = lower.chars().count();
    let lower_set = char_set(&lower);
    // Counted on first use: the length and the character set rule out most candidates first.
    let mut lower_letters: Option<Option<LetterCounts>> = None;
    let mut best: Option<(usize, &str)> = None;
    for Candidate {
        name: candidate,
        chars,
        set,
    } in candidates
    {
        if candidate.eq_ignore_ascii_case(&lower) {
            return Some(candidate);
        }
        // The edit distance is at least the difference in length: skip, without computing it, a
        // candidate that could be neither within the limit nor closer than the best so far.
        let bound = best.map_or(limit, |(d, _)| limit.min(d - 1));
        if lower_len.abs_diff(chars) > bound || set_bound(lower_set, set) > bound {
            continue;
        }
        let letters = lower_letters.get_or_insert_with(|| LetterCounts::of(&lower));
        if letters.as_ref().map_or(0, |l| l.bound(candidate)) > bound {
            continue;
        }
        let distance = strsim::damerau_levenshtein(&lower, &candidate.to_ascii_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The characters of an ASCII string, case-insensitively, in 64 buckets (`None` when not ASCII).
fn char_set(s: &str) -> Option<u64> {
    s.is_ascii()
        .then(|| s.bytes().fold(0u64, |set, b| set | 1 << (b.to_ascii_lowercase() & 63)))
}

/// A lower bound of the Damerau–Levenshtein distance from the character sets alone (cheaper
/// than [`LetterCounts::bound`], weaker): each bucket one string uses and the other does not needs an
/// edit of its own.
fn set_bound(a: Option<u64>, b: Option<u64>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => (a & !b).count_ones().max((b & !a).count_ones()) as usize,
        _ => 0,
    }
}

/// How many times each ASCII character occurs in a name, case-insensitively: counted once per
/// name, then compared with each candidate that the cheaper bounds do not rule out.
struct LetterCounts([i8; 128]);

impl LetterCounts {
    /// `None` when `s` is not ASCII, or too long for a count to fit (no bound then).
    fn of(s: &str) -> Option<Self> {
        if !s.is_ascii() || s.len() > MAX_COUNTED {
            return None;
        }
        let mut counts = [0i8; 128];
        for b in s.bytes() {
            counts[usize::from(b.to_ascii_lowercase())] += 1;
        }
        Some(LetterCounts(counts))
    }

    /// A lower bound of the Damerau–Levenshtein distance between the counted name and `candidate`
    /// compared case-insensitively, from the characters they are made of (0 when `candidate` is
    /// not ASCII): an insertion or a deletion changes the count of one character by one, a
    /// substitution the counts of two, a transposition none, so the distance is at least half the
    /// sum of the count differences.
    fn bound(&self, candidate: &str) -> usize {
        if !candidate.is_ascii() || candidate.len() > MAX_COUNTED {
            return 0;
        }
        let mut counts = self.0;
        for b in candidate.bytes() {
            counts[usize::from(b.to_ascii_lowercase())] -= 1;
        }
        // At most 254: two names of at most `MAX_COUNTED` characters.
        let differences: u32 = counts.iter().map(|c| u32::from(c.unsigned_abs())).sum();
        (differences as usize).div_ceil(2)
    }
}

/// The longest name [`LetterCounts`] counts: no count or difference of counts overflows an `i8`.
/// A longer name gets no letter bound (0 is still a lower bound); no registered name comes near
/// that length, so the length bound rules such names out first.
const MAX_COUNTED: usize = i8::MAX as usize;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_bound_never_exceeds_the_distance() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "ca",
            "cab",
            "jwks_uri",
            "jwks_url",
            "JWKS_URI",
            "redirect_uris",
            "redirect_uri",
            "token_endpoint",
            "tokne_endpoint",
            "issuer",
            "isuser",
            "userinfo_endpoint",
        ];
        for a in words {
            for b in words {
                let lower = a.to_ascii_lowercase();
                let distance = strsim::damerau_levenshtein(&lower, &b.to_ascii_lowercase());
                let letter_bound = LetterCounts::of(&lower).map_or(0, |l| l.bound(b));
                assert!(letter_bound <= distance, "{a} {b}");
                assert!(set_bound(char_set(&lower), char_set(b)) <= distance, "{a} {b}");
            }
        }
    }

    #[test]
    fn known_names_have_no_language_tag() {
        for kind in Kind::ALL {
            for candidate in MEMBER_CANDIDATES[kind as usize].iter() {
                assert!(!candidate.name.contains('#'), "{}", candidate.name);
            }
        }
    }

    #[test]
    fn renamed_members_name_their_replacement() {
        for (kind, name, replacement, _) in RENAMED {
            assert!(!registry::is_known_member(*kind, name), "{name} is known");
            assert!(
                registry::is_known_member(*kind, replacement),
                "{replacement} is not a member"
            );
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggestion(Kind::Client, "redirect_uri"), Some("redirect_uris"));
        assert_eq!(suggestion(Kind::Client, "Redirect_URIs"), Some("redirect_uris"));
        assert_eq!(suggestion(Kind::Client, "jwks_url"), Some("jwks_uri"));
        assert_eq!(suggestion(Kind::Server, "issuer_url"), None);
        assert_eq!(suggestion(Kind::Client, "x"), None);
        assert_eq!(suggestion(Kind::Server, "issuer_uri"), None);
        assert_eq!(suggestion(Kind::Server, "tokne_endpoint"), Some("token_endpoint"));
        assert_eq!(
            other_kind_of(Kind::Client, "token_endpoint_auth_methods_supported"),
            Some(Kind::Server)
        );
    }
}
