//! ALG007: token endpoint authentication method names.

use crate::diagnostic::Severity;
use crate::registry;
use crate::rules::alg::members::{MethodValue, auth_method_values, known_auth_methods};
use crate::rules::doc::closest_value;
use crate::rules::{Basis, Ctx, Rule};

/// ALG007: a token endpoint authentication method that is not registered at IANA.
pub static UNREGISTERED_AUTH_METHOD: Rule = Rule {
    code: "ALG007",
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
`tls_client_auth`, `self_signed_tls_client_auth`), with "did you mean" for wrong case, `-` for `_`,
typos and common stand-ins (`POST` → `client_secret_post`).

Not reported: `attest_jwt_client_auth` (draft-ietf-oauth-attestation-based-client-auth, pending
registration), absolute URIs (RFC 7591 §2 allows them without registration), and in
`introspection_endpoint_auth_methods_supported` the names of the "OAuth Access Token Types"
registry (`Bearer`, `DPoP`, …; compared case-insensitively, RFC 6749 §5.1), which RFC 8414 §2
allows there because a resource server may call the introspection endpoint with an access token.

Severity: a **warning** in a server's list, where extensions are allowed ("Other authentication
methods MAY be defined by extensions", OIDC Discovery §3) and the other methods keep working; an
**error** in a client's `token_endpoint_auth_method`, the one method the client will use: a name
that is neither registered nor a URI (`POST`, `Client_Secret_Basic`) cannot work with any server.

## Why is this bad?
Method names are registry values and servers compare them as exact strings. A client registered with
`client-secret-post` is refused or silently falls back to another method; a server listing
`Private_Key_JWT` advertises a method no client will pick. A value such as `POST` or `secret`
usually means the field was filled with something else than a method.

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
- RFC 8414 §2 (incl. Access Token Types at introspection); RFC 6749 §5.1
- OpenID Connect Discovery 1.0 §3; OpenID Connect Core 1.0 §9
- draft-ietf-oauth-attestation-based-client-auth
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let client_choice = ctx.kind == crate::document::Kind::Client;
    for v in auth_method_values(ctx) {
        if known_auth_methods().any(|m| m == v.value) || v.value.contains(':') || is_token_type_at_introspection(&v) {
            continue;
        }
        let suggestion = stand_in(v.value).or_else(|| closest_value(v.value, known_auth_methods()));
        let message = match suggestion {
            Some(s) if s.eq_ignore_ascii_case(&v.value.replace('-', "_")) => format!(
                "\"{}\" is not a registered authentication method: method names are case-sensitive and use `_`",
                v.value
            ),
            _ => format!(
                "\"{}\" in `{}` is not a registered token endpoint authentication method",
                v.value, v.member
            ),
        };
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None if client_choice => "use a registered method (`client_secret_basic`, `client_secret_post`, `private_key_jwt`, \
                                      `tls_client_auth`, `none`, …) or the absolute URI of an extension method"
                .to_owned(),
            None => "registered methods: `client_secret_basic`, `client_secret_post`, `client_secret_jwt`, `private_key_jwt`, \
                     `tls_client_auth`, `self_signed_tls_client_auth`, `none`; keep an extension only if the server defines it"
                .to_owned(),
        };
        let diagnostic = ctx.report(&UNREGISTERED_AUTH_METHOD, v.node.span, v.pointer, message);
        diagnostic.help(help);
        if client_choice {
            diagnostic.severity(Severity::Error);
        }
    }
}

/// RFC 8414 §2: introspection may also be authenticated with an access token of a registered type.
fn is_token_type_at_introspection(v: &MethodValue<'_, '_>) -> bool {
    v.member == "introspection_endpoint_auth_methods_supported"
        && registry::values(registry::tables::OAUTH_ACCESS_TOKEN_TYPES).any(|t| t.eq_ignore_ascii_case(v.value))
}

/// Common non-method values that clearly mean a registered method.
fn stand_in(value: &str) -> Option<&'static str> {
    Some(match value.to_ascii_lowercase().as_str() {
        "post" | "form" | "client_secret" | "secret_post" => "client_secret_post",
        "basic" | "http_basic" | "secret_basic" => "client_secret_basic",
        "jwt" | "private_key" | "jwt_bearer" => "private_key_jwt",
        "mtls" | "tls" | "tls_client_certificate" => "tls_client_auth",
        "public" | "no_auth" => "none",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::{findings, severities};

    #[test]
    fn server_lists_are_warnings() {
        let doc = r#"{"token_endpoint_auth_methods_supported": ["client_secret_basic", "Client_Secret_Post",
            "private-key-jwt", "private_key_jws", "windows_client_authentication", "attest_jwt_client_auth",
            "urn:example:auth"]}"#;
        assert_eq!(
            findings(Kind::Server, doc, "ALG007"),
            [
                "/token_endpoint_auth_methods_supported/1 \"Client_Secret_Post\" is not a registered authentication method: method names are case-sensitive and use `_` | did you mean `client_secret_post`?",
                "/token_endpoint_auth_methods_supported/2 \"private-key-jwt\" is not a registered authentication method: method names are case-sensitive and use `_` | did you mean `private_key_jwt`?",
                "/token_endpoint_auth_methods_supported/3 \"private_key_jws\" in `token_endpoint_auth_methods_supported` is not a registered token endpoint authentication method | did you mean `private_key_jwt`?",
                "/token_endpoint_auth_methods_supported/4 \"windows_client_authentication\" in `token_endpoint_auth_methods_supported` is not a registered token endpoint authentication method | registered methods: `client_secret_basic`, `client_secret_post`, `client_secret_jwt`, `private_key_jwt`, `tls_client_auth`, `self_signed_tls_client_auth`, `none`; keep an extension only if the server defines it",
            ]
        );
        assert_eq!(severities(Kind::Server, doc, "ALG007"), ["warning"; 4]);
    }

    #[test]
    fn the_client_choice_is_an_error() {
        assert_eq!(
            findings(Kind::Client, r#"{"token_endpoint_auth_method": "POST"}"#, "ALG007"),
            [
                "/token_endpoint_auth_method \"POST\" in `token_endpoint_auth_method` is not a registered token endpoint authentication method | did you mean `client_secret_post`?"
            ]
        );
        assert_eq!(
            severities(Kind::Client, r#"{"token_endpoint_auth_method": "POST"}"#, "ALG007"),
            ["error"]
        );
        assert!(findings(Kind::Client, r#"{"token_endpoint_auth_method": "none"}"#, "ALG007").is_empty());
        let introspection = r#"{"introspection_endpoint_auth_methods_supported": ["bearer", "DPoP", "private_key_jwt"],
                                "revocation_endpoint_auth_methods_supported": ["Bearer"]}"#;
        assert_eq!(
            findings(Kind::Server, introspection, "ALG007"),
            [
                "/revocation_endpoint_auth_methods_supported/0 \"Bearer\" in `revocation_endpoint_auth_methods_supported` is not a registered token endpoint authentication method | registered methods: `client_secret_basic`, `client_secret_post`, `client_secret_jwt`, `private_key_jwt`, `tls_client_auth`, `self_signed_tls_client_auth`, `none`; keep an extension only if the server defines it"
            ]
        );
        assert!(
            findings(
                Kind::Client,
                r#"{"token_endpoint_auth_method": "https://example.com/auth/x"}"#,
                "ALG007"
            )
            .is_empty()
        );
    }
}
