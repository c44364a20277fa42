//! Profiles (SPEC §6): the escalation table, `docs/profiles.md`, and what each profile changes on
//! whole documents. Bless the docs with `UPDATE_EXPECT=1 cargo test --test profiles`.

use std::collections::HashSet;
use std::path::Path;

use oauth_lint::diagnostic::Severity;
use oauth_lint::lint::{LintOptions, Origin, lint_bytes};
use oauth_lint::rules::{self, Profile, profile};

/// `(code, severity, pointer)` of every finding.
fn findings(
    path: &str,
    text: &str,
    profiles: &[Profile],
    options: Option<LintOptions>,
) -> Vec<(String, Severity, String)> {
    let options = LintOptions {
        profiles: profiles.to_vec(),
        ..options.unwrap_or_default()
    };
    let report = lint_bytes(path, text.as_bytes().to_vec(), Origin::Explicit, &options, None);
    report
        .diagnostics
        .iter()
        .map(|d| (d.rule.code.to_owned(), d.severity, d.pointer.clone()))
        .collect()
}

fn severity_of(findings: &[(String, Severity, String)], code: &str, pointer: &str) -> Option<Severity> {
    findings
        .iter()
        .find(|(c, _, p)| c == code && p == pointer)
        .map(|(_, s, _)| *s)
}

#[test]
fn docs_profiles_md_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/profiles.md");
    let generated = profile::reference_markdown();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/profiles.md is stale: regenerate with `UPDATE_EXPECT=1 cargo test --test profiles`"
    );
}

#[test]
fn escalation_table_is_sound() {
    let mut seen = HashSet::new();
    for e in profile::ESCALATIONS {
        let rule = rules::find(e.code).unwrap_or_else(|| panic!("escalation of unknown rule {}", e.code));
        assert_eq!(rule.code, e.code, "escalations name rules by code");
        assert!(
            e.severity > rule.severity,
            "{} under {}: an escalation must raise the default {} (it is {})",
            e.code,
            e.profile.as_str(),
            rule.severity,
            e.severity
        );
        assert!(
            rule.profile.is_none_or(|p| p == e.profile),
            "{} only runs under `{}`: escalating it under `{}` has no effect",
            e.code,
            rule.profile.map_or("", Profile::as_str),
            e.profile.as_str()
        );
        assert!(
            seen.insert((e.profile, e.code)),
            "{} is escalated twice under {}",
            e.code,
            e.profile.as_str()
        );
        if let Some(scope) = e.only_under {
            assert!(
                scope.starts_with('/') && !scope.ends_with('/'),
                "{}: bad scope {scope}",
                e.code
            );
        }
        assert!(
            ["RFC", "OAuth 2.1", "FAPI 2.0", "MCP"]
                .iter()
                .any(|k| e.reason.contains(k))
                && e.reason.contains('§')
                || e.reason.starts_with("MCP Authorization"),
            "{} under {}: the reason cites no section",
            e.code,
            e.profile.as_str()
        );
    }
}

#[test]
fn profile_rules_name_their_profile_in_the_prefix() {
    for r in rules::ALL.iter() {
        let prefix = r.code.trim_end_matches(|c: char| c.is_ascii_digit());
        let expected = match prefix {
            "FAPI" => Some(Profile::Fapi2),
            "MCP" => Some(Profile::Mcp),
            "OAU" => Some(Profile::Oauth21),
            "OWA" => Some(Profile::Oauth4webapi),
            _ => continue,
        };
        assert_eq!(r.profile, expected, "{} runs under the wrong profile", r.code);
    }
}

/// A plain RFC 8414 document: nothing in it says OpenID Connect.
const PLAIN_AS: &str = r#"{"issuer": "https://as.example.com",
    "authorization_endpoint": "https://as.example.com/authorize",
    "token_endpoint": "https://as.example.com/token",
    "response_types_supported": ["code"],
    "grant_types_supported": ["authorization_code", "refresh_token"],
    "code_challenge_methods_supported": ["S256"],
    "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
    "token_endpoint_auth_signing_alg_values_supported": ["ES256"],
    "authorization_response_iss_parameter_supported": true}"#;

#[test]
fn oidc_profile_forces_openid_requirements_on_a_plain_rfc8414_document() {
    for name in ["oauth-authorization-server", "as.discovery.json"] {
        let plain = findings(name, PLAIN_AS, &[], None);
        assert!(plain.is_empty(), "{name}: {plain:?}");
        let forced = findings(name, PLAIN_AS, &[Profile::Oidc], None);
        let codes: Vec<&str> = forced.iter().map(|(c, _, _)| c.as_str()).collect();
        // jwks_uri, subject_types_supported, id_token_signing_alg_values_supported (REQUIRED);
        // userinfo_endpoint, scopes_supported, claims_supported (RECOMMENDED); request_uri.
        assert_eq!(
            codes.iter().filter(|c| **c == "SRV006").count(),
            3,
            "{name}: {forced:?}"
        );
        assert_eq!(
            codes.iter().filter(|c| **c == "SRV008").count(),
            3,
            "{name}: {forced:?}"
        );
        assert!(codes.contains(&"SRV027"), "{name}: {forced:?}");
        assert_eq!(
            severity_of(&forced, "SRV006", ""),
            Some(Severity::Error),
            "{name}: {forced:?}"
        );
    }
    // The profile adds nothing to other kinds.
    let client =
        r#"{"client_id": "c", "redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "none"}"#;
    assert_eq!(
        findings("app.client.json", client, &[Profile::Oidc], None),
        findings("app.client.json", client, &[], None)
    );
}

const NO_PKCE_AS: &str = r#"{"issuer": "https://as.example.com",
    "authorization_endpoint": "https://as.example.com/authorize",
    "token_endpoint": "https://as.example.com/token",
    "response_types_supported": ["code"],
    "grant_types_supported": ["authorization_code"],
    "authorization_response_iss_parameter_supported": true}"#;

#[test]
fn escalation_raises_a_warning_and_an_explicit_severity_wins() {
    let path = "oauth-authorization-server";
    assert_eq!(
        severity_of(&findings(path, NO_PKCE_AS, &[], None), "SRV022", ""),
        Some(Severity::Warning)
    );
    for p in [Profile::SecurityBcp, Profile::Oauth21, Profile::Fapi2, Profile::Mcp] {
        assert_eq!(
            severity_of(&findings(path, NO_PKCE_AS, &[p], None), "SRV022", ""),
            Some(Severity::Error),
            "{}",
            p.as_str()
        );
    }
    for (level, expected) in [(Some(Severity::Warning), Some(Severity::Warning)), (None, None)] {
        let mut options = LintOptions::default();
        options.selection.severity.insert("SRV022", level);
        assert_eq!(
            severity_of(
                &findings(path, NO_PKCE_AS, &[Profile::SecurityBcp], Some(options)),
                "SRV022",
                ""
            ),
            expected
        );
    }
}

#[test]
fn escalation_scoped_to_a_pointer_leaves_other_members_alone() {
    let client = r#"{"client_id": "c", "client_secret": "not printed", "token_endpoint_auth_method": "client_secret_basic",
        "redirect_uris": ["http://app.example/cb"],
        "post_logout_redirect_uris": ["http://app.example/bye"]}"#;
    let f = findings("app.client.json", client, &[Profile::SecurityBcp], None);
    assert_eq!(
        severity_of(&f, "CLI004", "/redirect_uris/0"),
        Some(Severity::Error),
        "{f:?}"
    );
    assert_eq!(
        severity_of(&f, "CLI004", "/post_logout_redirect_uris/0"),
        Some(Severity::Warning),
        "{f:?}"
    );
}

#[test]
fn fapi2_reports_none_once() {
    let client = r#"{"client_id": "c", "redirect_uris": ["https://app.example/cb"],
        "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://app.example/jwks",
        "token_endpoint_auth_signing_alg": "none", "request_object_signing_alg": "none",
        "userinfo_signed_response_alg": "none", "authorization_signed_response_alg": "none",
        "id_token_signed_response_alg": "none", "dpop_bound_access_tokens": true}"#;
    let server = r#"{"issuer": "https://as.example.com", "token_endpoint": "https://as.example.com/token",
        "token_endpoint_auth_signing_alg_values_supported": ["PS256", "none"],
        "request_object_signing_alg_values_supported": ["PS256", "none"],
        "dpop_signing_alg_values_supported": ["ES256", "none"]}"#;
    for (path, text) in [("app.client.json", client), ("oauth-authorization-server", server)] {
        let f = findings(path, text, &[Profile::Fapi2], None);
        let none_findings: Vec<_> = f
            .iter()
            .filter(|(c, _, _)| ["ALG004", "ALG006", "FAPI006"].contains(&c.as_str()))
            .collect();
        let pointers: HashSet<&str> = none_findings.iter().map(|(_, _, p)| p.as_str()).collect();
        assert_eq!(pointers.len(), none_findings.len(), "{path}: {none_findings:?}");
        assert!(
            none_findings.iter().all(|(_, s, _)| *s == Severity::Error),
            "{path}: {none_findings:?}"
        );
    }
    // The client's five `none` values are all reported, one finding each.
    let f = findings("app.client.json", client, &[Profile::Fapi2], None);
    let count = f
        .iter()
        .filter(|(c, _, _)| ["ALG004", "ALG006", "FAPI006"].contains(&c.as_str()))
        .count();
    assert_eq!(count, 5, "{f:?}");
}

#[test]
fn profile_rules_stay_silent_without_their_profile() {
    let text = r#"{"resource": "https://mcp.example.com/mcp"}"#;
    let f = findings("oauth-protected-resource", text, &[], None);
    assert!(
        !f.iter().any(|(c, _, _)| c.starts_with("MCP") || c.starts_with("FAPI")),
        "{f:?}"
    );
    let f = findings("oauth-protected-resource", text, &[Profile::Mcp], None);
    assert!(f.iter().any(|(c, _, _)| c == "MCP003"), "{f:?}");
}
