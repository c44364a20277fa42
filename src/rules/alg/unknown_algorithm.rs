//! ALG001: an algorithm member holds a name that is not a registered JOSE algorithm.

use crate::diagnostic::Severity;
use crate::rules::alg::members::{AlgName, alg_values};
use crate::rules::{Basis, Ctx, Rule};

pub static UNKNOWN_ALGORITHM: Rule = Rule {
    code: "ALG001",
    name: "unknown-algorithm",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An algorithm member holds a name that is not a registered JOSE algorithm",
    profile: None,
    docs: r#"## What it does
Checks every value of every member that holds a JOSE algorithm (`*_signed_response_alg`,
`*_encrypted_response_alg`/`_enc`, `request_object_signing_alg`, `token_endpoint_auth_signing_alg`,
every `*_alg_values_supported` and `*_enc_values_supported` list of server and protected resource
metadata…) against the IANA "JSON Web Signature and Encryption Algorithms" registry. A name in the
wrong case (`rs256`) gets its own message with the registered spelling; a near miss (`ES521`) gets
"did you mean".

Not reported here: names of drafts that implementations already ship (`XC20P`, `HPKE-0`, ML-DSA
composites: `ALG007`, info), URIs (collision-resistant private names, RFC 7515 §4.1.1), and a JWK's
own `alg` (`ALG006`, a warning, because RFC 7517 §4.4 only says "should").

## Why is this bad?
JOSE algorithm names are case-sensitive (RFC 7515 §4.1.1) and every implementation matches them
exactly against the names it knows, which are the registered ones. A client that registers
`"id_token_signed_response_alg": "rs256"` gets its registration refused or ID tokens it cannot
validate; a server that lists `ES192` advertises something no client can use.

## Example
```json
{ "id_token_signing_alg_values_supported": ["rs256", "ES521"] }
```

## Use instead
```json
{ "id_token_signing_alg_values_supported": ["RS256", "ES512"] }
```

## References
- RFC 7515 §4.1.1 (`alg` is case-sensitive); RFC 7518 §7.1 (the IANA registry); RFC 7516 §4.1.1–4.1.2
- OpenID Connect Dynamic Client Registration 1.0 §2; OpenID Connect Discovery 1.0 §3; RFC 8414 §2; RFC 9728 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for v in alg_values(ctx) {
        let (message, help) = match AlgName::of(v.value) {
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
                    None => format!(
                        "{} holds {} from the IANA JOSE registry, such as {}",
                        v.location(),
                        v.slot.describe(),
                        v.slot.examples()
                    ),
                },
            ),
            AlgName::Registered(..) | AlgName::Draft(_) | AlgName::Private => continue,
        };
        ctx.report(&UNKNOWN_ALGORITHM, v.node.span, v.pointer, message)
            .help(help);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn unknown_and_wrong_case() {
        let f = findings(
            Kind::Server,
            r#"{"id_token_signing_alg_values_supported": ["RS256", "rs256", "ES521", "XC20P", "urn:x:alg"]}"#,
            "ALG001",
        );
        assert_eq!(
            f,
            [
                "/id_token_signing_alg_values_supported/1 \"rs256\" is not a registered algorithm: JOSE algorithm names are case-sensitive | use `RS256`",
                "/id_token_signing_alg_values_supported/2 unregistered algorithm \"ES521\" in `id_token_signing_alg_values_supported` | did you mean `ES512`?",
            ]
        );
        assert!(findings(Kind::Client, r#"{"userinfo_signed_response_alg": "PS256"}"#, "ALG001").is_empty());
        assert!(findings(Kind::Jwks, r#"{"keys": [{"kty": "RSA", "alg": "SHA256"}]}"#, "ALG001").is_empty());
    }
}
