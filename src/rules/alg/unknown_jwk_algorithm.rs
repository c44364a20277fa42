//! ALG006: a JWK's `alg` that is not a registered JOSE algorithm.

use crate::diagnostic::Severity;
use crate::rules::alg::members::{AlgName, jwk_alg_values};
use crate::rules::{Basis, Ctx, Rule};

pub static UNKNOWN_JWK_ALGORITHM: Rule = Rule {
    code: "ALG006",
    name: "unknown-jwk-algorithm",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A JWK's `alg` is not a registered JOSE algorithm",
    profile: None,
    docs: r#"## What it does
Checks the `alg` of every key of a JWK Set (a JWK Set document, or the `jwks` member of client,
server or protected resource metadata) against the IANA "JSON Web Signature and Encryption
Algorithms" registry. Every registered name is accepted here, WebCrypto's JWK-only names included
(those marked Prohibited are `ALG003`). A wrong case (`rs256`) and near misses get "did you mean";
URIs (collision-resistant names) and the names of drafts implementations already ship (`ALG007`)
are not reported.

## Why is this bad?
The `alg` of a key tells its users which algorithm the key is for; libraries that honour it refuse
to use the key with anything else, so an unregistered value (`SHA256`, `rs256`) makes the key
unusable for them. RFC 7517 says the value "should" be registered or collision-resistant, hence a
warning rather than an error.

## Example
```json
{ "keys": [{ "kty": "RSA", "kid": "k1", "alg": "SHA256", "n": "…", "e": "AQAB" }] }
```

## Use instead
```json
{ "keys": [{ "kty": "RSA", "kid": "k1", "alg": "RS256", "n": "…", "e": "AQAB" }] }
```

## References
- RFC 7517 §4.4 (`alg`); RFC 7518 §7.1 (the registry)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for v in jwk_alg_values(ctx) {
        let (message, help) = match AlgName::of(v.value) {
            AlgName::WrongCase(registered) => (
                format!(
                    "the JWK's `alg` \"{}\" is not registered: JOSE algorithm names are case-sensitive",
                    v.value
                ),
                format!("use `{registered}`"),
            ),
            AlgName::Unknown(suggestion) => (
                format!("the JWK's `alg` \"{}\" is not a registered JOSE algorithm", v.value),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "name the algorithm the key is used with, such as {}, or remove `alg`",
                        v.slot.examples()
                    ),
                },
            ),
            AlgName::Registered(..) | AlgName::Draft(_) | AlgName::Private => continue,
        };
        ctx.report(&UNKNOWN_JWK_ALGORITHM, v.node.span, v.pointer, message)
            .help(help);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn jwk_alg() {
        let f = findings(
            Kind::Jwks,
            r#"{"keys": [{"kty": "RSA", "alg": "SHA256"}, {"kty": "EC", "alg": "es256"}, {"kty": "EC", "alg": "ES256"}]}"#,
            "ALG006",
        );
        assert_eq!(
            f,
            [
                "/keys/0/alg the JWK's `alg` \"SHA256\" is not a registered JOSE algorithm | name the algorithm the key is used with, such as `RS256`, `ES256`, `RSA-OAEP-256`, or remove `alg`",
                "/keys/1/alg the JWK's `alg` \"es256\" is not registered: JOSE algorithm names are case-sensitive | use `ES256`",
            ]
        );
        let f = findings(
            Kind::Server,
            r#"{"jwks": {"keys": [{"kty": "EC", "alg": "ES521"}]}}"#,
            "ALG006",
        );
        assert_eq!(
            f,
            ["/jwks/keys/0/alg the JWK's `alg` \"ES521\" is not a registered JOSE algorithm | did you mean `ES512`?"]
        );
    }
}
