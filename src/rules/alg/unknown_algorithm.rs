//! ALG001: an algorithm member (or a JWK's `alg`) holds a name that is not a registered JOSE
//! algorithm.

use crate::diagnostic::Severity;
use crate::rules::alg::AlgValues;
use crate::rules::alg::members::{AlgName, AlgValue, Slot};
use crate::rules::{Basis, Ctx, Rule};

/// ALG001: an algorithm member or a JWK's `alg` holds a name that is not a registered JOSE algorithm.
pub static UNKNOWN_ALGORITHM: Rule = Rule {
    code: "ALG001",
    name: "unknown-algorithm",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An algorithm member or a JWK's `alg` holds a name that is not a registered JOSE algorithm",
    profile: None,
    docs: r#"## What it does
Checks every value of every member that holds a JOSE algorithm (`*_signed_response_alg`,
`*_encrypted_response_alg`/`_enc`, `request_object_signing_alg`, `token_endpoint_auth_signing_alg`,
every `*_alg_values_supported` and `*_enc_values_supported` list of server and protected resource
metadata…) and the `alg` of every JWK (a JWK Set, or the `jwks` member of a document) against the
IANA "JSON Web Signature and Encryption Algorithms" registry.

- A name in the wrong case (`rs256`) gets its own message with the registered spelling; a near miss
  (`ES521`) gets "did you mean".
- Names of drafts that implementations already ship (`XC20P`, `C20P` from draft-amringer-jose-chacha,
  `HPKE-0`…`HPKE-7`, ML-DSA composites `ML-DSA-65-ES256`…) are reported as drafts, not as typos.
- URIs are collision-resistant private names (RFC 7515 §4.1.1 "StringOrURI") and are not reported.

Severity: a **warning** in a list (`*_values_supported`: the other values still work) and in a JWK's
`alg` (RFC 7517 §4.4: the value "should" be registered); an **error** in a client's single-valued
member (`id_token_signed_response_alg`, …), because that configuration cannot work with any server,
except for draft names, which work with servers implementing the draft.

## Why is this bad?
JOSE algorithm names are case-sensitive (RFC 7515 §4.1.1) and implementations match them exactly
against the names they know, which are the registered ones. A client that registers
`"id_token_signed_response_alg": "rs256"` is refused or gets ID tokens it cannot validate; a server
listing `ES192` advertises something no client can use.

## Example
```json
{ "id_token_signing_alg_values_supported": ["rs256", "ES521"] }
```

## Use instead
```json
{ "id_token_signing_alg_values_supported": ["RS256", "ES512"] }
```

## References
- RFC 7515 §4.1.1 (`alg` is case-sensitive); RFC 7518 §7.1 (the IANA registry); RFC 7517 §4.4 (a JWK's `alg`)
- OpenID Connect Dynamic Client Registration 1.0 §2; OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2
- draft-amringer-jose-chacha; draft-ietf-jose-hpke-encrypt; draft-ietf-jose-pq-composite-sigs
"#,
};

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    for v in values.members.iter().chain(&values.jwk) {
        let name = v.name;
        let (message, help) = match name {
            AlgName::WrongCase(registered) => (
                format!(
                    "\"{}\" is not a registered algorithm: JOSE algorithm names are case-sensitive",
                    v.value
                ),
                format!("use `{registered}`"),
            ),
            AlgName::Unknown(suggestion) => (
                format!("unregistered algorithm \"{}\" in {}", v.value, v.location()),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if v.slot == Slot::Jwk => format!(
                        "name the algorithm the key is used with, such as {}, or remove `alg`",
                        v.slot.examples()
                    ),
                    None => format!(
                        "{} holds {} from the IANA JOSE registry, such as {}",
                        v.location(),
                        v.slot.describe(),
                        v.slot.examples()
                    ),
                },
            ),
            AlgName::Draft(draft) if v.slot.accepts(draft.category) => (
                format!(
                    "\"{}\" is not registered at IANA; it comes from {}",
                    v.value, draft.source
                ),
                "only peers implementing the same draft understand it; offer a registered algorithm as well".to_owned(),
            ),
            AlgName::Registered(..) | AlgName::Draft(_) | AlgName::Private => continue,
        };
        let cannot_work = is_single_choice(v) && !matches!(name, AlgName::Draft(_));
        let diagnostic = ctx.report(&UNKNOWN_ALGORITHM, v.node.span, v.pointer, message);
        diagnostic.help(help);
        if cannot_work {
            diagnostic.severity(Severity::Error);
        }
    }
}

/// A client's single-valued member: the one algorithm the client will use or accept.
fn is_single_choice(v: &AlgValue<'_, '_>) -> bool {
    v.member.is_some_and(|m| !m.list)
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::{findings, severities};

    #[test]
    fn unknown_and_wrong_case_in_lists_are_warnings() {
        let doc = r#"{"id_token_signing_alg_values_supported": ["RS256", "rs256", "ES521", "urn:x:alg"]}"#;
        assert_eq!(
            findings(Kind::Server, doc, "ALG001"),
            [
                "/id_token_signing_alg_values_supported/1 \"rs256\" is not a registered algorithm: JOSE algorithm names are case-sensitive | use `RS256`",
                "/id_token_signing_alg_values_supported/2 unregistered algorithm \"ES521\" in `id_token_signing_alg_values_supported` | did you mean `ES512`?",
            ]
        );
        assert_eq!(severities(Kind::Server, doc, "ALG001"), ["warning", "warning"]);
    }

    #[test]
    fn single_client_choices_are_errors_except_drafts() {
        let doc = r#"{"id_token_signed_response_alg": "ps256", "userinfo_encrypted_response_enc": "XC20P",
                      "encrypted_response_enc_values_supported": ["A256GCM", "A256GMC"]}"#;
        assert_eq!(severities(Kind::Client, doc, "ALG001"), ["error", "warning", "warning"]);
        let f = findings(Kind::Client, doc, "ALG001");
        assert!(f[1].starts_with("/userinfo_encrypted_response_enc \"XC20P\" is not registered at IANA; it comes from draft-amringer-jose-chacha"), "{f:?}");
        assert!(findings(Kind::Client, r#"{"userinfo_signed_response_alg": "PS256"}"#, "ALG001").is_empty());
    }

    #[test]
    fn jwk_alg_is_a_warning() {
        let doc = r#"{"keys": [{"kty": "RSA", "alg": "SHA256"}, {"kty": "EC", "alg": "es256"}, {"kty": "AKP", "alg": "ML-DSA-65-ES256"}, {"kty": "EC", "alg": "ES256"}]}"#;
        assert_eq!(
            findings(Kind::Jwks, doc, "ALG001"),
            [
                "/keys/0/alg unregistered algorithm \"SHA256\" in the JWK's `alg` | name the algorithm the key is used with, such as `RS256`, `ES256`, `RSA-OAEP-256`, or remove `alg`",
                "/keys/1/alg \"es256\" is not a registered algorithm: JOSE algorithm names are case-sensitive | use `ES256`",
                "/keys/2/alg \"ML-DSA-65-ES256\" is not registered at IANA; it comes from draft-ietf-jose-pq-composite-sigs | only peers implementing the same draft understand it; offer a registered algorithm as well",
            ]
        );
        assert_eq!(severities(Kind::Jwks, doc, "ALG001"), ["warning", "warning", "warning"]);
        let f = findings(
            Kind::Server,
            r#"{"jwks": {"keys": [{"kty": "EC", "alg": "ES521"}]}}"#,
            "ALG001",
        );
        assert_eq!(
            f,
            ["/jwks/keys/0/alg unregistered algorithm \"ES521\" in the JWK's `alg` | did you mean `ES512`?"]
        );
    }
}
