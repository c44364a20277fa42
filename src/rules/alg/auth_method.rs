//! ALG008 and ALG009: token endpoint authentication method names.
//!
//! Both rules classify the same values, so they share one file: a name close to a registered one
//! (another case, a typo) is a mistake that cannot work (ALG009, error); any other unregistered name
//! may be an extension (ALG008, warning).

use crate::diagnostic::Severity;
use crate::rules::alg::members::{auth_method_values, known_auth_methods};
use crate::rules::doc::closest_value;
use crate::rules::{Basis, Ctx, Rule};

pub static UNREGISTERED_AUTH_METHOD: Rule = Rule {
    code: "ALG008",
    name: "unregistered-auth-method",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A token endpoint authentication method that is not registered at IANA",
    profile: None,
    docs: r#"## What it does
Checks `token_endpoint_auth_method` (client metadata) and `token_endpoint_auth_methods_supported`,
`revocation_endpoint_auth_methods_supported`, `introspection_endpoint_auth_methods_supported`
(server metadata) against the IANA "OAuth Token Endpoint Authentication Methods" registry
(`none`, `client_secret_basic`, `client_secret_post`, `client_secret_jwt`, `private_key_jwt`,
`tls_client_auth`, `self_signed_tls_client_auth`). Not reported: `attest_jwt_client_auth`
(draft-ietf-oauth-attestation-based-client-auth, pending registration), absolute URIs (RFC 7591 §2
allows them unregistered), and names that are a wrong case or typo of a registered name
(`ALG009`, an error).

## Why is this bad?
Extensions may define methods (RFC 7591 §2, OIDC Discovery §3), so this is only a warning; but an
unregistered name is understood only by the one server that defined it, and a value such as
`"POST"` or `"bearer"` usually means the field was filled with something else than a method.
Clients that do not know the method cannot authenticate with it.

## Example
```json
{ "token_endpoint_auth_method": "POST" }
```

## Use instead
```json
{ "token_endpoint_auth_method": "client_secret_post" }
```

## References
- RFC 7591 §2 (`token_endpoint_auth_method`), §4.2 (the registry)
- RFC 8414 §2; OpenID Connect Discovery 1.0 §3; OpenID Connect Core 1.0 §9
"#,
};

pub static MISSPELLED_AUTH_METHOD: Rule = Rule {
    code: "ALG009",
    name: "misspelled-auth-method",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A token endpoint authentication method is a wrong case or typo of a registered one",
    profile: None,
    docs: r#"## What it does
Reports an authentication method name (in the members `ALG008` checks) that is not registered but
differs from a registered one only by case, `-` for `_`, or a small typo: `Client_Secret_Basic`,
`client-secret-post`, `private_key_jws`. The registered spelling is suggested.

## Why is this bad?
Method names are compared exactly (RFC 7591 §4.1.1 treats registry values as case-sensitive). A
client registered with `Client_Secret_Basic` is refused or falls back to another method; a server
listing `private_key_jws` advertises a method no client will pick. Unlike an unknown extension name
(`ALG008`), a near miss of a registered name is almost certainly a mistake, so it is an error.

## Example
```json
{ "token_endpoint_auth_methods_supported": ["Client_Secret_Basic", "private-key-jwt"] }
```

## Use instead
```json
{ "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"] }
```

## References
- RFC 7591 §2, §4.1.1; RFC 8414 §2, §7.1.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for v in auth_method_values(ctx) {
        if known_auth_methods().any(|m| m == v.value) || v.value.contains(':') {
            continue;
        }
        match closest_value(v.value, known_auth_methods()) {
            Some(registered) => {
                let message = if registered.eq_ignore_ascii_case(&v.value.replace('-', "_")) {
                    format!(
                        "\"{}\" is not a registered authentication method: method names are case-sensitive and use `_`",
                        v.value
                    )
                } else {
                    format!("\"{}\" is not a registered authentication method", v.value)
                };
                ctx.report(&MISSPELLED_AUTH_METHOD, v.node.span, v.pointer, message)
                    .help(format!("did you mean `{registered}`?"));
            }
            None => {
                ctx.report(
                    &UNREGISTERED_AUTH_METHOD,
                    v.node.span,
                    v.pointer,
                    format!("\"{}\" in `{}` is not a registered token endpoint authentication method", v.value, v.member),
                )
                .help(
                    "registered methods: `client_secret_basic`, `client_secret_post`, `client_secret_jwt`, `private_key_jwt`, \
                     `tls_client_auth`, `self_signed_tls_client_auth`, `none`; keep an extension only if the server defines it",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn methods() {
        let doc = r#"{"token_endpoint_auth_methods_supported": ["client_secret_basic", "Client_Secret_Post",
            "private-key-jwt", "private_key_jws", "windows_client_authentication", "attest_jwt_client_auth",
            "urn:example:auth"]}"#;
        assert_eq!(
            findings(Kind::Server, doc, "ALG009"),
            [
                "/token_endpoint_auth_methods_supported/1 \"Client_Secret_Post\" is not a registered authentication method: method names are case-sensitive and use `_` | did you mean `client_secret_post`?",
                "/token_endpoint_auth_methods_supported/2 \"private-key-jwt\" is not a registered authentication method: method names are case-sensitive and use `_` | did you mean `private_key_jwt`?",
                "/token_endpoint_auth_methods_supported/3 \"private_key_jws\" is not a registered authentication method | did you mean `private_key_jwt`?",
            ]
        );
        let f = findings(Kind::Server, doc, "ALG008");
        assert_eq!(f.len(), 1);
        assert!(f[0].starts_with("/token_endpoint_auth_methods_supported/4 \"windows_client_authentication\" in `token_endpoint_auth_methods_supported` is not a registered"), "{f:?}");
        assert_eq!(
            findings(Kind::Client, r#"{"token_endpoint_auth_method": "POST"}"#, "ALG008").len(),
            1
        );
        assert!(findings(Kind::Client, r#"{"token_endpoint_auth_method": "none"}"#, "ALG008").is_empty());
    }
}
