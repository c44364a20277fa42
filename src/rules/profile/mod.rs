//! Profiles (SPEC §6): what `--profile` adds to the spec-level rules.
//!
//! A profile acts in two ways:
//! - **rules** of its own, which only run under it (`Rule::profile`): the `FAPI` ([`fapi2`]),
//!   `MCP` ([`mcp`]) and `OAU` ([`oauth21`]) families here, `OWA` in `rules::oauth4webapi`, and
//!   `CLI079` under `mcp`;
//! - **escalations** ([`ESCALATIONS`]): an existing rule whose finding the profile turns from a
//!   recommendation into a requirement is reported at a higher severity, instead of a second rule
//!   reporting the same fact. `lint::RuleSelection` applies them; a severity the user set for the
//!   rule (`--severity`, `lint.severity`) still wins, and an escalation never lowers a severity.
//!
//! `oidc` has neither: it makes the server family read the document as OpenID Provider metadata
//! (`rules::server::openid_provider_evidence`). `docs/profiles.md` is generated from this module
//! ([`reference_markdown`]) and checked for freshness by `tests/profiles.rs`.

pub mod fapi2;
pub mod mcp;
pub mod oauth21;

use crate::diagnostic::Severity;
use crate::rules::{self, Ctx, Profile};

/// One escalation: under `profile`, findings of rule `code` are reported at least at `severity`.
#[derive(Debug)]
pub struct Escalation {
    /// The profile (`--profile`) under which the rule is raised.
    pub profile: Profile,
    /// The code of the escalated rule (`SRV022`).
    pub code: &'static str,
    /// The lowest severity its findings get under the profile (never lowered by it).
    pub severity: Severity,
    /// Only findings at this JSON Pointer or below it (`/redirect_uris` leaves
    /// `post_logout_redirect_uris` findings of the same rule alone); `None`: every finding.
    pub only_under: Option<&'static str>,
    /// The requirement of the profile's specification, with its section (for `docs/profiles.md`).
    pub reason: &'static str,
}

const fn raise(profile: Profile, code: &'static str, reason: &'static str) -> Escalation {
    Escalation {
        profile,
        code,
        severity: Severity::Error,
        only_under: None,
        reason,
    }
}

const fn raise_under(profile: Profile, code: &'static str, pointer: &'static str, reason: &'static str) -> Escalation {
    Escalation {
        profile,
        code,
        severity: Severity::Error,
        only_under: Some(pointer),
        reason,
    }
}

use Profile::{Fapi2, Mcp, Oauth21, SecurityBcp};

/// Every escalation, profile by profile. A code appears once per profile.
pub static ESCALATIONS: &[Escalation] = &[
    // RFC 9700 (BCP 240): the profile holds a deployment to the BCP's recommendations as if they
    // were requirements.
    raise_under(
        SecurityBcp,
        "CLI004",
        "/redirect_uris",
        "RFC 9700 §2.6: authorization servers MUST NOT allow http redirect URIs except loopback redirects of native clients",
    ),
    raise_under(
        SecurityBcp,
        "CLI011",
        "/redirect_uris",
        "RFC 9700 §2.1: redirect URIs are compared by exact string matching (MUST)",
    ),
    raise(
        SecurityBcp,
        "CLI024",
        "RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used",
    ),
    raise(
        SecurityBcp,
        "CLI025",
        "RFC 9700 §2.1.2: clients SHOULD NOT use response types that return access tokens from the authorization endpoint",
    ),
    raise(
        SecurityBcp,
        "SRV021",
        "RFC 9700 §2.1.1: S256 is the only PKCE method that does not expose the verifier",
    ),
    raise(
        SecurityBcp,
        "SRV022",
        "RFC 9700 §2.1.1: authorization servers MUST support PKCE and SHOULD publish `code_challenge_methods_supported`",
    ),
    raise(
        SecurityBcp,
        "SRV023",
        "RFC 9700 §2.1.2: the implicit grant SHOULD NOT be used",
    ),
    raise(
        SecurityBcp,
        "SRV024",
        "RFC 9700 §2.1.2: response types issuing access tokens in the authorization response SHOULD NOT be used",
    ),
    raise(
        SecurityBcp,
        "SRV025",
        "RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used",
    ),
    raise(
        SecurityBcp,
        "SRV026",
        "RFC 9700 §4.4.2: clients of several servers MUST defend against mix-up; the `iss` response parameter (RFC 9207) is the defence the metadata can declare",
    ),
    raise(
        SecurityBcp,
        "PRM010",
        "RFC 9700 §4.3.2: clients MUST NOT pass access tokens in a URI query parameter",
    ),
    // OAuth 2.1 (draft-ietf-oauth-v2-1-16).
    raise_under(
        Oauth21,
        "CLI004",
        "/redirect_uris",
        "OAuth 2.1 §1.5: all OAuth URLs MUST use https, except loopback redirect URIs",
    ),
    raise_under(
        Oauth21,
        "CLI007",
        "/redirect_uris",
        "OAuth 2.1 §8.4.3: private-use URI schemes MUST be reverse domain names",
    ),
    raise_under(
        Oauth21,
        "CLI011",
        "/redirect_uris",
        "OAuth 2.1 §2.3.1: redirect URIs MUST match a registered one exactly",
    ),
    raise(
        Oauth21,
        "CLI024",
        "OAuth 2.1 §10: the password grant is omitted (RFC 9700 §2.4)",
    ),
    raise(
        Oauth21,
        "CLI025",
        "OAuth 2.1 §10.1: the implicit grant (`response_type=token`) is removed",
    ),
    raise(
        Oauth21,
        "CLI032",
        "OAuth 2.1 §1.5: URLs exposed by the client MUST use https (only loopback redirect URIs are exempt)",
    ),
    raise(
        Oauth21,
        "SRV011",
        "OAuth 2.1 §1.5: URLs exposed by the authorization server MUST use https",
    ),
    raise(
        Oauth21,
        "SRV021",
        "OAuth 2.1 §4.1.1: `code_challenge_method` is S256 (or a future extension)",
    ),
    raise(
        Oauth21,
        "SRV022",
        "OAuth 2.1 §4.1.1: authorization servers MUST support `code_challenge` and `code_verifier`",
    ),
    raise(
        Oauth21,
        "SRV024",
        "OAuth 2.1 §10.1: access tokens are no longer issued in the authorization response",
    ),
    raise(
        Oauth21,
        "SRV025",
        "OAuth 2.1 §10: the password grant is omitted (RFC 9700 §2.4)",
    ),
    raise(
        Oauth21,
        "SRV026",
        "OAuth 2.1 §4.1.2: the `iss` authorization response parameter is REQUIRED (since draft 16)",
    ),
    raise(
        Oauth21,
        "SRV035",
        "OAuth 2.1 §4.1.1: the `plain` PKCE method is removed and explicitly prohibited (since draft 16)",
    ),
    raise(
        Oauth21,
        "PRM010",
        "OAuth 2.1 §5.1: clients MUST NOT send access tokens in a URI query parameter",
    ),
    raise(
        Oauth21,
        "PRM012",
        "OAuth 2.1 §1.5: URLs exposed by the resource server MUST use https",
    ),
    // FAPI 2.0 Security Profile (final, February 2025).
    raise_under(
        Fapi2,
        "CLI004",
        "/redirect_uris",
        "FAPI 2.0 §5.3.2.2 item 8: no http redirect URIs except loopback redirects of native clients",
    ),
    raise(
        Fapi2,
        "CLI024",
        "FAPI 2.0 §5.3.2.1 item 2: the password grant is rejected",
    ),
    raise(Fapi2, "CLI025", "FAPI 2.0 §5.3.2.2 item 1: `response_type` is `code`"),
    raise(
        Fapi2,
        "ALG006",
        "FAPI 2.0 §5.4.1 item 1: JWTs are not created or accepted with `none`",
    ),
    raise(
        Fapi2,
        "SRV021",
        "FAPI 2.0 §5.3.2.2 item 5: PKCE with `S256` is required",
    ),
    raise(
        Fapi2,
        "SRV022",
        "FAPI 2.0 §5.3.2.2 item 5: PKCE with `S256` is required",
    ),
    raise(
        Fapi2,
        "SRV023",
        "FAPI 2.0 §5.3.2.2 item 1: `response_type` is `code`, which rules the implicit grant out",
    ),
    raise(Fapi2, "SRV024", "FAPI 2.0 §5.3.2.2 item 1: `response_type` is `code`"),
    raise(
        Fapi2,
        "SRV025",
        "FAPI 2.0 §5.3.2.1 item 2: the password grant is rejected",
    ),
    raise(
        Fapi2,
        "SRV026",
        "FAPI 2.0 §5.3.2.2 item 7: the server returns `iss` in the authorization response (RFC 9207)",
    ),
    raise(
        Fapi2,
        "SRV035",
        "FAPI 2.0 §5.3.2.2 item 5: `S256` is the code challenge method",
    ),
    raise(
        Fapi2,
        "PRM010",
        "FAPI 2.0 §5.3.4 item 2: resource servers do not accept access tokens in the query",
    ),
    // MCP Authorization (revision 2025-11-25).
    raise_under(
        Mcp,
        "CLI004",
        "/redirect_uris",
        "MCP Authorization, Communication Security: redirect URIs MUST be localhost or https",
    ),
    raise_under(
        Mcp,
        "CLI011",
        "/redirect_uris",
        "MCP Authorization, Open Redirection: exact redirect URIs are validated against registered values",
    ),
    raise(
        Mcp,
        "CLI024",
        "MCP Authorization, Overview: authorization servers implement OAuth 2.1, which omits the password grant",
    ),
    raise(
        Mcp,
        "CLI025",
        "MCP Authorization, Overview: OAuth 2.1 removes the implicit grant (§10.1)",
    ),
    raise(
        Mcp,
        "CLI032",
        "MCP Authorization, Communication Security: implementations follow OAuth 2.1 §1.5 (https URLs)",
    ),
    raise(
        Mcp,
        "SRV011",
        "MCP Authorization, Communication Security: all authorization server endpoints MUST be served over https",
    ),
    raise(
        Mcp,
        "SRV021",
        "MCP Authorization, Authorization Code Protection: clients MUST use `S256` when technically capable",
    ),
    raise(
        Mcp,
        "SRV022",
        "MCP Authorization, Authorization Code Protection: without `code_challenge_methods_supported` MCP clients MUST refuse to proceed",
    ),
    raise(
        Mcp,
        "SRV024",
        "MCP Authorization, Overview: OAuth 2.1 removes the implicit grant (§10.1)",
    ),
    raise(
        Mcp,
        "SRV025",
        "MCP Authorization, Overview: OAuth 2.1 omits the password grant",
    ),
    raise(
        Mcp,
        "PRM010",
        "MCP Authorization, Token Requirements: access tokens MUST NOT be included in the URI query string",
    ),
    raise(
        Mcp,
        "PRM012",
        "MCP Authorization, Communication Security: implementations follow OAuth 2.1 §1.5 (https URLs)",
    ),
];

/// The severity a finding of rule `code` at `pointer` is reported at under `profiles`: the
/// highest of `default` and every matching escalation. With `pointer` unknown (`None`), only
/// escalations without a pointer scope apply.
pub fn escalated(code: &str, pointer: Option<&str>, profiles: &[Profile], default: Severity) -> Severity {
    if profiles.is_empty() {
        return default;
    }
    ESCALATIONS
        .iter()
        .filter(|e| e.code == code && profiles.contains(&e.profile))
        .filter(|e| match (e.only_under, pointer) {
            (None, _) => true,
            (Some(scope), Some(p)) => p == scope || p.strip_prefix(scope).is_some_and(|rest| rest.starts_with('/')),
            (Some(_), None) => false,
        })
        .map(|e| e.severity)
        .fold(default, Severity::max)
}

/// "Raised to error by profiles `fapi2`, `oauth2.1` (`/redirect_uris` only)" for a rule's
/// documentation, or `None` when no profile escalates it.
pub fn escalation_note(code: &str) -> Option<String> {
    let entries: Vec<String> = ESCALATIONS
        .iter()
        .filter(|e| e.code == code)
        .map(|e| match e.only_under {
            Some(scope) => format!("`{}` ({}, `{scope}` only)", e.profile.as_str(), e.severity),
            None => format!("`{}` ({})", e.profile.as_str(), e.severity),
        })
        .collect();
    (!entries.is_empty()).then(|| format!("Raised by profiles: {}", entries.join(", ")))
}

/// Runs the rules of every active profile that has rules for the document's kind (`OWA` runs
/// from the client family's dispatch in `rules::run`).
pub fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.has_profile(Profile::Fapi2) {
        fapi2::check(ctx);
    }
    if ctx.has_profile(Profile::Mcp) {
        mcp::check(ctx);
    }
    if ctx.has_profile(Profile::Oauth21) {
        oauth21::check(ctx);
    }
}

/// What a profile is, in Markdown, for `docs/profiles.md`.
fn about(profile: Profile) -> &'static str {
    match profile {
        Profile::Oidc => OIDC_ABOUT,
        Profile::Oauth21 => oauth21::ABOUT,
        Profile::SecurityBcp => SECURITY_BCP_ABOUT,
        Profile::Fapi2 => fapi2::ABOUT,
        Profile::Mcp => mcp::ABOUT,
        Profile::Oauth4webapi => OAUTH4WEBAPI_ABOUT,
    }
}

const OIDC_ABOUT: &str = "Holds authorization server metadata to OpenID Connect Discovery 1.0 even when nothing \
in the document says it is OpenID Provider metadata. Without the profile, a server document is read as \
OpenID Provider metadata only when it is named `openid-configuration` or has a member that only OpenID \
Connect defines (`id_token_signing_alg_values_supported`, `subject_types_supported`, `claims_supported`, \
…), so that a plain RFC 8414 document (`oauth-authorization-server`) is never held to OpenID Connect \
requirements (SPEC §4.4). With `--profile oidc` every server document is: `SRV006` (`jwks_uri`, \
`subject_types_supported`, `id_token_signing_alg_values_supported` are REQUIRED, OIDC Discovery §3), \
`SRV007` (`RS256` in `id_token_signing_alg_values_supported`), `SRV008` and `SRV009` (RECOMMENDED \
members, `openid` scope), `SRV027` (`request_uri` without registration) and the OpenID-only parts of \
`SRV015` apply. The profile adds no rule and escalates none; it has no effect on other kinds.";

const SECURITY_BCP_ABOUT: &str = "Holds a deployment to the OAuth 2.0 Security Best Current Practice (RFC 9700, \
BCP 240) as if its recommendations were requirements. Without a profile, the BCP's advice is reported as \
warnings (SPEC §4 severity policy: a best current practice is a warning); this profile raises those \
findings to errors instead of adding rules that would report the same facts twice. It adds no rule of \
its own. The escalations below are the BCP warnings oauth-lint has: PKCE, the implicit and password \
grants, the `iss` mix-up defence, http and wildcard redirect URIs, tokens in query strings.";

const OAUTH4WEBAPI_ABOUT: &str = "Checks a client configuration against what the JavaScript library oauth4webapi (v3) \
implements (SPEC §5): the JWS algorithms it verifies and signs with, the token endpoint \
authentication methods it has, and the algorithms it would accept from the paired server's lists. \
Its rules are the `OWA` family.";

/// `docs/profiles.md`: every profile with what it means, its rules and its escalations.
pub fn reference_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# Profiles\n\nGenerated from `src/rules/profile/` by `UPDATE_EXPECT=1 cargo test --test profiles` \
         (do not edit by hand).\n\n\
         `--profile NAME` (repeatable) or `lint.profiles = [\"NAME\"]` in `oauth-lint.toml` (also per \
         `[[files]]` entry) activates a profile. A profile acts in two ways:\n\n\
         - **rules** of its own, which run only under it;\n\
         - **escalations**: an existing rule whose finding the profile's specification turns from a \
         recommendation into a requirement is reported as an error instead of a warning (or an info). \
         An escalation never lowers a severity, may be limited to findings under one JSON Pointer \
         (`/redirect_uris`), and gives way to a severity you set for the rule yourself \
         (`--severity CODE=LEVEL`, `[lint.severity]`).\n\n\
         Several profiles can be active at once; a finding takes the highest severity any of them \
         gives it.\n",
    );
    for profile in Profile::ALL {
        let _ = write!(out, "\n## `{}`\n\n{}\n", profile.as_str(), about(profile));
        let own: Vec<_> = rules::ALL.iter().filter(|r| r.profile == Some(profile)).collect();
        if !own.is_empty() {
            out.push_str("\n### Rules\n\n| Code | Name | Severity | Summary |\n|---|---|---|---|\n");
            for r in own {
                let _ = writeln!(
                    out,
                    "| [{}](rules.md#{}) | `{}` | {} | {} |",
                    r.code,
                    r.code.to_ascii_lowercase(),
                    r.name,
                    r.severity,
                    r.summary.replace('|', "\\|")
                );
            }
        }
        let raised: Vec<_> = ESCALATIONS.iter().filter(|e| e.profile == profile).collect();
        if !raised.is_empty() {
            out.push_str(
                "\n### Escalations\n\n| Rule | Default | Under this profile | Findings | Why |\n|---|---|---|---|---|\n",
            );
            for e in raised {
                let rule = rules::find(e.code).expect("tests/profiles.rs checks every code exists");
                let _ = writeln!(
                    out,
                    "| [{}](rules.md#{}) `{}` | {} | {} | {} | {} |",
                    e.code,
                    e.code.to_ascii_lowercase(),
                    rule.name,
                    rule.severity,
                    e.severity,
                    e.only_under.map_or("all".to_owned(), |p| format!("`{p}`")),
                    e.reason.replace('|', "\\|")
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escalation_raises_and_scopes() {
        let p = [Profile::SecurityBcp];
        assert_eq!(escalated("SRV022", None, &p, Severity::Warning), Severity::Error);
        assert_eq!(escalated("SRV022", None, &[], Severity::Warning), Severity::Warning);
        assert_eq!(
            escalated("SRV022", None, &[Profile::Oidc], Severity::Warning),
            Severity::Warning
        );
        assert_eq!(
            escalated("CLI004", Some("/redirect_uris/0"), &p, Severity::Warning),
            Severity::Error
        );
        assert_eq!(
            escalated("CLI004", Some("/post_logout_redirect_uris/0"), &p, Severity::Warning),
            Severity::Warning
        );
        assert_eq!(
            escalated("CLI004", Some("/redirect_uris_x"), &p, Severity::Warning),
            Severity::Warning
        );
        assert_eq!(escalated("CLI004", None, &p, Severity::Warning), Severity::Warning);
    }

    #[test]
    fn note_names_profiles() {
        let note = escalation_note("SRV022").unwrap();
        assert!(
            note.contains("`security-bcp` (error)") && note.contains("`mcp` (error)"),
            "{note}"
        );
        assert!(escalation_note("JSON001").is_none());
    }
}
