//! ALG002: a registered algorithm in a member that holds another family of algorithms.

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::registry::AlgCategory;
use crate::rules::alg::AlgValues;
use crate::rules::alg::members::{AlgMember, Slot, alg_member, describe_category};
use crate::rules::{Basis, Ctx, Rule};

/// ALG002: an algorithm of the wrong family: an `enc` value in an `alg` member, a JWE `alg` in a signing list.
pub static WRONG_ALGORITHM_FAMILY: Rule = Rule {
    code: "ALG002",
    name: "wrong-algorithm-family",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An algorithm of the wrong family: an `enc` value in an `alg` member, a JWE `alg` in a signing list",
    profile: None,
    docs: r#"## What it does
Each algorithm member holds one family of JOSE algorithms:
- JWS `alg` (signature or MAC): `*_signed_response_alg`, `*_signing_alg`, `*_signing_alg_values_supported`,
  `token_endpoint_auth_signing_alg(_values_supported)`, `dpop_signing_alg_values_supported`,
  `resource_signing_alg_values_supported`;
- JWE `alg` (key management): `*_encrypted_response_alg`, `request_object_encryption_alg`,
  `*_encryption_alg_values_supported`;
- JWE `enc` (content encryption): `*_encrypted_response_enc`, `request_object_encryption_enc`,
  `*_encryption_enc_values_supported`, `encrypted_response_enc_values_supported`.

A registered name of another family is reported with what it is and, when there is one, the member
it belongs in (`A128GCM` in `id_token_encrypted_response_alg` → `id_token_encrypted_response_enc`).
WebCrypto's JWK-only names (`A128CBC`, `RS1`, `HS1`, …) are valid only as a JWK's `alg` and are
reported in every metadata member.

## Why is this bad?
The receiver looks the value up among the algorithms of that family and finds nothing: a client
registering `"id_token_encrypted_response_alg": "A256GCM"` is refused or gets no encrypted ID
token, and a server listing `RSA-OAEP` among its signing algorithms advertises a signature it
cannot make.

## Example
```json
{ "id_token_encrypted_response_alg": "A256GCM", "request_object_signing_alg": "RSA-OAEP-256" }
```

## Use instead
```json
{ "id_token_encrypted_response_alg": "RSA-OAEP-256", "id_token_encrypted_response_enc": "A256GCM",
  "request_object_signing_alg": "PS256" }
```

## References
- RFC 7518 §3.1 (JWS `alg`), §4.1 (JWE `alg`), §5.1 (JWE `enc`), §7.1.2 ("Algorithm Usage Location(s)")
- W3C Web Cryptography API, IANA considerations (the JWK-only names)
- OpenID Connect Dynamic Client Registration 1.0 §2; OpenID Connect Discovery 1.0 §3
"#,
};

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    for v in &values.members {
        let Some(member) = v.member else {
            continue;
        };
        let Some(category) = v.name.category() else {
            continue;
        };
        if v.slot.accepts(category) {
            continue;
        }
        let message = format!(
            "\"{}\" is {}, but `{}` holds {}",
            v.value,
            describe_category(category),
            member.name,
            v.slot.describe()
        );
        let help = match (category, sibling(ctx.kind, member, category)) {
            (AlgCategory::JwkOnly, _) => jwk_only_help(v.value, v.slot),
            (_, Some(other)) if member.list => format!("it belongs in `{other}`"),
            (_, Some(other)) => format!("move it to `{other}` and use one of {} here", v.slot.examples()),
            (_, None) if member.list => format!("remove it; this list holds values such as {}", v.slot.examples()),
            (_, None) => format!("use one of {}", v.slot.examples()),
        };
        ctx.report(&WRONG_ALGORITHM_FAMILY, v.node.span, v.pointer, message)
            .help(help);
    }
}

/// The member of the same family that holds `category` (`*_signing_alg_values_supported` ↔
/// `*_encryption_alg_values_supported` ↔ `*_encryption_enc_values_supported`, `*_signed_response_alg`
/// ↔ `*_encrypted_response_alg` ↔ `*_encrypted_response_enc`), when the kind defines it.
fn sibling(kind: Kind, member: &AlgMember, category: AlgCategory) -> Option<&'static str> {
    const PATTERNS: [[&str; 3]; 2] = [
        ["signing_alg", "encryption_alg", "encryption_enc"],
        [
            "signed_response_alg",
            "encrypted_response_alg",
            "encrypted_response_enc",
        ],
    ];
    let target = match category {
        AlgCategory::Jws => 0,
        AlgCategory::JweAlg => 1,
        AlgCategory::JweEnc => 2,
        AlgCategory::JwkOnly => return None,
    };
    PATTERNS.iter().find_map(|pattern| {
        let from = pattern.iter().find(|part| member.name.contains(*part))?;
        let name = member.name.replace(from, pattern[target]);
        alg_member(kind, &name).map(|m| m.name)
    })
}

/// What to use instead of a WebCrypto JWK-only name in a metadata member.
fn jwk_only_help(value: &str, slot: Slot) -> String {
    let replacement = match (value, slot) {
        ("A128CBC", Slot::JweEnc) => Some("A128CBC-HS256"),
        ("A192CBC", Slot::JweEnc) => Some("A192CBC-HS384"),
        ("A256CBC", Slot::JweEnc) => Some("A256CBC-HS512"),
        ("A128CTR", Slot::JweEnc) => Some("A128GCM"),
        ("A192CTR", Slot::JweEnc) => Some("A192GCM"),
        ("A256CTR", Slot::JweEnc) => Some("A256GCM"),
        ("RS1", Slot::Jws) => Some("RS256"),
        ("HS1", Slot::Jws) => Some("HS256"),
        _ => None,
    };
    match replacement {
        Some(r) => format!("did you mean `{r}`? (JWK-only names must not be used as JWS or JWE algorithms)"),
        None => format!("use one of {}", slot.examples()),
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn families() {
        let f = findings(
            Kind::Client,
            r#"{"id_token_encrypted_response_alg": "A256GCM", "request_object_signing_alg": "RSA-OAEP",
                "userinfo_encrypted_response_enc": "A128CBC", "token_endpoint_auth_signing_alg": "RS256"}"#,
            "ALG002",
        );
        assert_eq!(
            f,
            [
                "/id_token_encrypted_response_alg \"A256GCM\" is a JWE content encryption algorithm (an `enc` value), but `id_token_encrypted_response_alg` holds JWE key management algorithms (`alg` values) | move it to `id_token_encrypted_response_enc` and use one of `RSA-OAEP-256`, `ECDH-ES`, `A256KW` here",
                "/request_object_signing_alg \"RSA-OAEP\" is a JWE key management algorithm (an `alg` value), but `request_object_signing_alg` holds JWS signing algorithms (`alg` values) | move it to `request_object_encryption_alg` and use one of `RS256`, `PS256`, `ES256`, `Ed25519` here",
                "/userinfo_encrypted_response_enc \"A128CBC\" is a WebCrypto name registered only for a JWK's `alg`, but `userinfo_encrypted_response_enc` holds JWE content encryption algorithms (`enc` values) | did you mean `A128CBC-HS256`? (JWK-only names must not be used as JWS or JWE algorithms)",
            ]
        );
        let f = findings(
            Kind::Server,
            r#"{"token_endpoint_auth_signing_alg_values_supported": ["RS256", "dir"],
                "id_token_signing_alg_values_supported": ["RS256", "A128KW"]}"#,
            "ALG002",
        );
        assert_eq!(f.len(), 2);
        assert!(
            f[0].ends_with("| remove it; this list holds values such as `RS256`, `PS256`, `ES256`, `Ed25519`"),
            "{f:?}"
        );
        assert!(
            f[1].ends_with("| it belongs in `id_token_encryption_alg_values_supported`"),
            "{f:?}"
        );
        // A JWK's alg may be any registered name, JWK-only ones included.
        assert!(findings(Kind::Jwks, r#"{"keys": [{"kty": "oct", "alg": "A128GCM"}]}"#, "ALG002").is_empty());
    }
}
