//! ALG003: a deprecated or prohibited algorithm, with its replacement.

use crate::diagnostic::Severity;
use crate::registry::Status;
use crate::rules::alg::AlgValues;
use crate::rules::alg::members::{AlgName, AlgValue, Slot};
use crate::rules::{Basis, Ctx, Rule};

/// ALG003: a deprecated or prohibited algorithm is used or offered; the replacement is named.
pub static DEPRECATED_ALGORITHM: Rule = Rule {
    code: "ALG003",
    name: "deprecated-algorithm",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A deprecated or prohibited algorithm is used or offered; the replacement is named",
    profile: None,
    docs: r#"## What it does
Reports, in every algorithm member and in a JWK's `alg`:
- `EdDSA`, deprecated by RFC 9864 in favour of the fully specified `Ed25519` and `Ed448`. In a
  server's or resource's `*_values_supported` list that also offers `Ed25519` or `Ed448`, `EdDSA` is
  kept for older peers and is not reported: that is the migration RFC 9864 asks for;
- `RSA1_5` (RSAES-PKCS1-v1_5 key transport), replacement `RSA-OAEP-256`;
- in a JWK's `alg`, the WebCrypto names the registry marks Prohibited (`RS1`, `HS1`, `A128CBC`,
  `A128CTR`, …). In a metadata member they are a wrong family (`ALG002`).

`RSA1_5` is "Recommended-" in the registry (RFC 7518 §3.1/§4.1), not yet "Deprecated": this rule
warns anyway because RSAES-PKCS1-v1_5 decryption is the textbook padding-oracle (Bleichenbacher)
target, RFC 8017 §7 keeps RSAES-PKCS1-v1_5 only for compatibility with existing applications, and
draft-ietf-jose-deprecate-none-rsa15 is in progress to deprecate it.

## Why is this bad?
A Deprecated identifier has a preferred replacement that new deployments should use instead
(RFC 9864, which adds the status to the registry): `EdDSA` does not say which curve it means, so a
verifier cannot pin the exact algorithm it accepts. A party that decrypts `RSA1_5` (a server for request objects, a client for ID tokens and
UserInfo) can be turned into a decryption oracle unless its implementation is carefully hardened.

## Example
```json
{ "id_token_signing_alg_values_supported": ["RS256", "EdDSA"],
  "id_token_encryption_alg_values_supported": ["RSA1_5", "RSA-OAEP-256"] }
```

## Use instead
```json
{ "id_token_signing_alg_values_supported": ["RS256", "Ed25519", "EdDSA"],
  "id_token_encryption_alg_values_supported": ["RSA-OAEP-256"] }
```

## References
- RFC 9864 (`Ed25519`, `Ed448`; `EdDSA` deprecated)
- RFC 7518 §4.2, §8.3 (`RSA1_5`); RFC 8017 §7; draft-ietf-jose-deprecate-none-rsa15
- W3C Web Cryptography API, IANA considerations (JWK-only names, Prohibited)
"#,
};

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    for v in values.members.iter().chain(&values.jwk) {
        let AlgName::Registered(entry, category) = v.name else {
            continue;
        };
        if !v.slot.accepts(category) {
            continue;
        }
        let found = match v.value {
            "EdDSA" if offers_fully_specified_eddsa(v) => None,
            "EdDSA" => Some((
                "\"EdDSA\" is deprecated (RFC 9864): it does not say which curve it means".to_owned(),
                eddsa_help(v),
            )),
            "RSA1_5" => Some((
                "\"RSA1_5\" (RSAES-PKCS1-v1_5) is open to padding-oracle attacks on the party that decrypts".to_owned(),
                "use `RSA-OAEP-256`".to_owned(),
            )),
            name if matches!(entry.status, Status::Deprecated | Status::Prohibited) => Some((
                format!("\"{name}\" is {} in the IANA JOSE registry", status_word(entry.status)),
                match prohibited_replacement(name) {
                    Some(r) => format!("use `{r}`"),
                    None => format!("use one of {}", v.slot.examples()),
                },
            )),
            _ => None,
        };
        if let Some((message, help)) = found {
            ctx.report(&DEPRECATED_ALGORITHM, v.node.span, v.pointer, message)
                .help(help);
        }
    }
}

/// A list that already offers `Ed25519` or `Ed448` keeps `EdDSA` for older peers.
fn offers_fully_specified_eddsa(v: &AlgValue<'_, '_>) -> bool {
    v.member.is_some_and(|m| m.list) && v.siblings().any(|s| s == "Ed25519" || s == "Ed448")
}

fn eddsa_help(v: &AlgValue<'_, '_>) -> String {
    match (v.slot, v.member) {
        (Slot::Jwk, _) => "use `Ed25519` (or `Ed448`, matching the key's `crv`)".to_owned(),
        (_, Some(m)) if m.list => {
            "add `Ed25519` (and `Ed448` if supported); keep `EdDSA` only for older peers".to_owned()
        }
        _ => "use `Ed25519` (or `Ed448`)".to_owned(),
    }
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Prohibited => "Prohibited",
        _ => "Deprecated",
    }
}

/// The replacement of a Prohibited WebCrypto JWK-only name.
fn prohibited_replacement(name: &str) -> Option<&'static str> {
    Some(match name {
        "RS1" => "RS256",
        "HS1" => "HS256",
        "A128CBC" | "A128CTR" => "A128GCM",
        "A192CBC" | "A192CTR" => "A192GCM",
        "A256CBC" | "A256CTR" => "A256GCM",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn deprecated_and_prohibited() {
        let f = findings(
            Kind::Server,
            r#"{"id_token_signing_alg_values_supported": ["RS256", "EdDSA"],
                "userinfo_signing_alg_values_supported": ["EdDSA", "Ed25519"],
                "id_token_encryption_alg_values_supported": ["RSA1_5"],
                "token_endpoint_auth_signing_alg_values_supported": ["RSA1_5"]}"#,
            "ALG003",
        );
        assert_eq!(
            f,
            [
                "/id_token_signing_alg_values_supported/1 \"EdDSA\" is deprecated (RFC 9864): it does not say which curve it means | add `Ed25519` (and `Ed448` if supported); keep `EdDSA` only for older peers",
                "/id_token_encryption_alg_values_supported/0 \"RSA1_5\" (RSAES-PKCS1-v1_5) is open to padding-oracle attacks on the party that decrypts | use `RSA-OAEP-256`",
            ]
        );
        let f = findings(
            Kind::Jwks,
            r#"{"keys": [{"kty": "oct", "alg": "A128CBC"}, {"kty": "OKP", "crv": "Ed25519", "alg": "EdDSA"}]}"#,
            "ALG003",
        );
        assert_eq!(
            f,
            [
                "/keys/0/alg \"A128CBC\" is Prohibited in the IANA JOSE registry | use `A128GCM`",
                "/keys/1/alg \"EdDSA\" is deprecated (RFC 9864): it does not say which curve it means | use `Ed25519` (or `Ed448`, matching the key's `crv`)",
            ]
        );
        let f = findings(
            Kind::Client,
            r#"{"jwks": {"keys": [{"kty": "RSA", "alg": "RS1"}]}}"#,
            "ALG003",
        );
        assert_eq!(
            f,
            ["/jwks/keys/0/alg \"RS1\" is Prohibited in the IANA JOSE registry | use `RS256`"]
        );
    }
}
