//! CLI050–CLI099: authentication methods, secrets, keys, signing and encryption algorithms,
//! mutual TLS, proof of possession, CIBA, pairwise subjects and role rules of client metadata.
//!
//! Algorithm *names* (registered, right family, deprecated, `none` where forbidden) are the `ALG`
//! family's; the contents of an inline `jwks` (private or symmetric keys, a key for each algorithm)
//! are the `JWK` family's. The rules here reason about how the members fit together.

mod auth_method_default;
mod auth_signing_alg_mismatch;
mod auth_signing_alg_unused;
mod bound_token_front_channel;
mod ciba_delivery_mode;
mod ciba_notification_endpoint;
mod ciba_notification_https;
mod ciba_request_signing_alg;
mod ciba_without_grant;
mod cimd_auth_method_missing;
mod cimd_client_id;
mod cimd_client_id_discouraged;
mod cimd_shared_secret;
mod client_id_http;
mod client_secret_missing;
mod default_max_age_zero;
mod encryption_enc_without_alg;
mod jwks_and_jwks_uri;
mod keys_required;
mod pairwise_sector_identifier;
mod public_client_symmetric;
mod request_credentials;
mod request_response_members;
mod response_secret_expiry;
mod secret_in_config;
mod secret_too_short;
mod software_statement_format;
mod statement_without_iss;
mod timestamp_milliseconds;
mod tls_client_auth_subject;
mod tls_subject_ignored;
mod token_binding_conflict;
mod unused_client_secret;

use crate::document::Role;
use crate::json::{Node, Object, Value};
use crate::registry::{self, AlgCategory};
use crate::rules::util::{self, str_array, str_member};
use crate::rules::{Ctx, Rule};

/// The `CLI` rules of this sub-family (CLI050–CLI099); one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &jwks_and_jwks_uri::JWKS_AND_JWKS_URI,
    &keys_required::CLIENT_KEYS_REQUIRED,
    &client_secret_missing::CLIENT_SECRET_MISSING,
    &public_client_symmetric::PUBLIC_CLIENT_SYMMETRIC_ALG,
    &secret_too_short::CLIENT_SECRET_TOO_SHORT,
    &auth_signing_alg_mismatch::AUTH_SIGNING_ALG_MISMATCH,
    &auth_signing_alg_unused::AUTH_SIGNING_ALG_UNUSED,
    &encryption_enc_without_alg::ENCRYPTION_ENC_WITHOUT_ALG,
    &tls_client_auth_subject::TLS_CLIENT_AUTH_SUBJECT,
    &tls_subject_ignored::TLS_SUBJECT_IGNORED,
    &token_binding_conflict::TOKEN_BINDING_CONFLICT,
    &bound_token_front_channel::BOUND_TOKEN_FRONT_CHANNEL,
    &ciba_delivery_mode::CIBA_DELIVERY_MODE_MISSING,
    &ciba_notification_endpoint::CIBA_NOTIFICATION_ENDPOINT_MISSING,
    &ciba_notification_https::CIBA_NOTIFICATION_ENDPOINT_NOT_HTTPS,
    &ciba_request_signing_alg::CIBA_REQUEST_SIGNING_ALG_SYMMETRIC,
    &ciba_without_grant::CIBA_MEMBER_WITHOUT_GRANT,
    &pairwise_sector_identifier::PAIRWISE_SECTOR_IDENTIFIER_MISSING,
    &response_secret_expiry::RESPONSE_SECRET_EXPIRY_MISSING,
    &timestamp_milliseconds::TIMESTAMP_IN_MILLISECONDS,
    &request_credentials::REQUEST_CARRIES_CREDENTIALS,
    &request_response_members::REQUEST_CARRIES_RESPONSE_MEMBER,
    &cimd_shared_secret::CIMD_SHARED_SECRET,
    &cimd_auth_method_missing::CIMD_AUTH_METHOD_MISSING,
    &cimd_client_id::CIMD_CLIENT_ID_INVALID,
    &cimd_client_id_discouraged::CIMD_CLIENT_ID_DISCOURAGED,
    &client_id_http::CLIENT_ID_HTTP_URL,
    &secret_in_config::SECRET_IN_CONFIG,
    &unused_client_secret::UNUSED_CLIENT_SECRET,
    &auth_method_default::AUTH_METHOD_DEFAULT,
    &default_max_age_zero::DEFAULT_MAX_AGE_ZERO,
    &software_statement_format::SOFTWARE_STATEMENT_NOT_JWT,
    &statement_without_iss::STATEMENT_WITHOUT_ISS,
];

/// Runs the credential, key and algorithm rules (CLI050–CLI099) on client metadata.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    jwks_and_jwks_uri::check(ctx);
    keys_required::check(ctx);
    client_secret_missing::check(ctx);
    public_client_symmetric::check(ctx);
    secret_too_short::check(ctx);
    auth_signing_alg_mismatch::check(ctx);
    auth_signing_alg_unused::check(ctx);
    encryption_enc_without_alg::check(ctx);
    tls_client_auth_subject::check(ctx);
    tls_subject_ignored::check(ctx);
    token_binding_conflict::check(ctx);
    bound_token_front_channel::check(ctx);
    ciba_delivery_mode::check(ctx);
    ciba_notification_endpoint::check(ctx);
    ciba_notification_https::check(ctx);
    ciba_request_signing_alg::check(ctx);
    ciba_without_grant::check(ctx);
    pairwise_sector_identifier::check(ctx);
    response_secret_expiry::check(ctx);
    timestamp_milliseconds::check(ctx);
    request_credentials::check(ctx);
    request_response_members::check(ctx);
    cimd_shared_secret::check(ctx);
    cimd_auth_method_missing::check(ctx);
    cimd_client_id::check(ctx);
    cimd_client_id_discouraged::check(ctx);
    client_id_http::check(ctx);
    secret_in_config::check(ctx);
    unused_client_secret::check(ctx);
    auth_method_default::check(ctx);
    default_max_age_zero::check(ctx);
    software_statement_format::check(ctx);
    statement_without_iss::check(ctx);
}

// ---- Shared vocabulary of the family -------------------------------------------------------

/// The members naming the JWS algorithm the server signs a response to this client with.
const SIGNED_RESPONSE_ALGS: [&str; 4] = [
    "id_token_signed_response_alg",
    "userinfo_signed_response_alg",
    "introspection_signed_response_alg",
    "authorization_signed_response_alg",
];

/// `(alg, enc)` pairs of the responses the server encrypts to this client.
const ENCRYPTED_RESPONSES: [(&str, &str); 4] = [
    ("id_token_encrypted_response_alg", "id_token_encrypted_response_enc"),
    ("userinfo_encrypted_response_alg", "userinfo_encrypted_response_enc"),
    (
        "introspection_encrypted_response_alg",
        "introspection_encrypted_response_enc",
    ),
    (
        "authorization_encrypted_response_alg",
        "authorization_encrypted_response_enc",
    ),
];

/// The pair for request objects the client encrypts to the server.
const REQUEST_OBJECT_ENCRYPTION: (&str, &str) = ("request_object_encryption_alg", "request_object_encryption_enc");

/// The members that register where the client's public keys are.
const KEY_MEMBERS: [&str; 3] = ["jwks", "jwks_uri", "signed_jwks_uri"];

/// The RFC 8705 §2.1.2 certificate subject members of `tls_client_auth`.
const TLS_SUBJECT_MEMBERS: [&str; 5] = [
    "tls_client_auth_subject_dn",
    "tls_client_auth_san_dns",
    "tls_client_auth_san_uri",
    "tls_client_auth_san_ip",
    "tls_client_auth_san_email",
];

/// The CIBA Core §4 client metadata.
const CIBA_MEMBERS: [&str; 4] = [
    "backchannel_token_delivery_mode",
    "backchannel_client_notification_endpoint",
    "backchannel_authentication_request_signing_alg",
    "backchannel_user_code_parameter",
];

const CIBA_GRANT: &str = "urn:openid:params:grant-type:ciba";

/// RFC 7591 §2: "If unspecified or omitted, the default is `client_secret_basic`".
const DEFAULT_AUTH_METHOD: &str = "client_secret_basic";

/// The client's token endpoint authentication method: its own value or the RFC 7591 default.
#[derive(Clone, Copy)]
struct AuthMethod<'o, 'a> {
    /// `None` when the member is absent and the default applies.
    node: Option<&'o Node<'a>>,
    name: &'o str,
}

impl AuthMethod<'_, '_> {
    fn is_default(&self) -> bool {
        self.node.is_none()
    }

    /// Whether the method authenticates with the shared `client_secret`.
    fn uses_secret(&self) -> bool {
        is_secret_method(self.name)
    }

    /// Whether the method is a registered one (an unregistered value is the `ALG`/schema rules'
    /// business; rules that reason about methods stay silent on it).
    fn is_registered(&self) -> bool {
        registry::contains(registry::tables::OAUTH_TOKEN_ENDPOINT_AUTH_METHODS, self.name)
    }

    /// How a message names it: `"private_key_jwt"`, or `"client_secret_basic" (the default: …)`.
    fn describe(&self) -> String {
        if self.is_default() {
            format!("{:?} (the default: no `token_endpoint_auth_method`)", self.name)
        } else {
            format!("{:?}", self.name)
        }
    }
}

/// `None` when `token_endpoint_auth_method` is present but not a string (`SCH001`'s job).
fn auth_method<'o, 'a>(obj: &'o Object<'a>) -> Option<AuthMethod<'o, 'a>> {
    match obj.get("token_endpoint_auth_method") {
        None => Some(AuthMethod {
            node: None,
            name: DEFAULT_AUTH_METHOD,
        }),
        Some(node) => node.as_str().map(|name| AuthMethod { node: Some(node), name }),
    }
}

fn is_secret_method(name: &str) -> bool {
    matches!(name, "client_secret_basic" | "client_secret_post" | "client_secret_jwt")
}

/// A member is present when it exists and is not `null` (Hydra writes `null` for unset members).
fn present(obj: &Object<'_>, name: &str) -> bool {
    obj.get(name).is_some_and(|n| !matches!(n.value, Value::Null))
}

/// Whether the client registers public keys in any of the three ways.
fn has_client_keys(obj: &Object<'_>) -> bool {
    KEY_MEMBERS.iter().any(|m| present(obj, m))
}

/// Whether the client holds a `client_secret` (a non-empty string).
fn has_secret(obj: &Object<'_>) -> bool {
    obj.get("client_secret")
        .and_then(Node::as_str)
        .is_some_and(|s| !s.is_empty())
}

/// JWE key management with a key derived from `client_secret` (OIDC Core §10.2).
fn is_symmetric_key_management(alg: &str) -> bool {
    matches!(
        alg,
        "A128KW" | "A192KW" | "A256KW" | "A128GCMKW" | "A192GCMKW" | "A256GCMKW" | "dir"
    )
}

/// JWE key management to the recipient's RSA or EC/OKP public key.
fn is_asymmetric_key_management(alg: &str) -> bool {
    matches!(registry::jose_algorithm(alg), Some((_, AlgCategory::JweAlg)))
        && (alg.starts_with("RSA") || alg.starts_with("ECDH-ES"))
}

/// A member whose algorithm is keyed with the client secret.
struct SymmetricAlg<'o, 'a> {
    member: &'static str,
    node: &'o Node<'a>,
    alg: &'o str,
}

impl SymmetricAlg<'_, '_> {
    fn is_mac(&self) -> bool {
        util::is_hmac(self.alg)
    }
}

/// Every signing (HS*) or encryption (`A*KW`, `A*GCMKW`, `dir`) algorithm of the client that
/// needs the client secret, in document order of the member list. `token_endpoint_auth_signing_alg`
/// and `backchannel_authentication_request_signing_alg` are left to their own rules.
fn symmetric_algs<'o, 'a>(obj: &'o Object<'a>) -> Vec<SymmetricAlg<'o, 'a>> {
    let mac_members = SIGNED_RESPONSE_ALGS.iter().chain(["request_object_signing_alg"].iter());
    let wrap_members = ENCRYPTED_RESPONSES
        .iter()
        .map(|(alg, _)| alg)
        .chain([REQUEST_OBJECT_ENCRYPTION.0].iter());
    let mut found: Vec<SymmetricAlg<'o, 'a>> = Vec::new();
    for &member in mac_members {
        if let Some((node, alg)) = str_member(obj, member).filter(|(_, a)| util::is_hmac(a)) {
            found.push(SymmetricAlg { member, node, alg });
        }
    }
    for &member in wrap_members {
        if let Some((node, alg)) = str_member(obj, member).filter(|(_, a)| is_symmetric_key_management(a)) {
            found.push(SymmetricAlg { member, node, alg });
        }
    }
    found.sort_by_key(|s| s.node.span.start);
    found
}

/// The grant types, or the RFC 7591 §2 default; `None` when the member has the wrong type.
fn grant_types<'o>(obj: &'o Object<'_>) -> Option<Vec<&'o str>> {
    match obj.get("grant_types") {
        None => Some(vec!["authorization_code"]),
        Some(_) => str_array(obj, "grant_types").map(|(_, items)| items.into_iter().map(|(_, _, s)| s).collect()),
    }
}

/// Whether a member missing from the body may come from a `software_statement` (RFC 7591 §2.3,
/// §3.1.1: statement values take precedence). A registration response lists every registered
/// value (RFC 7591 §3.2.1), so it is complete; other roles may rely on a statement. A statement's
/// own claim set (role `statement`) is completed the other way round, by the request body.
fn statement_may_supply(ctx: &Ctx<'_, '_>) -> bool {
    ctx.role == Some(Role::Statement)
        || (ctx.role != Some(Role::Response)
            && ctx
                .object()
                .get("software_statement")
                .is_some_and(|n| n.as_str().is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{ParseOptions, parse};

    fn with_object<R>(text: &str, f: impl FnOnce(&Object<'_>) -> R) -> R {
        let parsed = parse(text, &ParseOptions::default()).unwrap();
        f(parsed.root.as_object().unwrap())
    }

    #[test]
    fn auth_method_defaults_to_client_secret_basic() {
        with_object(r#"{"client_id": "a"}"#, |obj| {
            let m = auth_method(obj).unwrap();
            assert!(m.is_default() && m.uses_secret() && m.is_registered());
        });
        with_object(r#"{"token_endpoint_auth_method": "private_key_jwt"}"#, |obj| {
            let m = auth_method(obj).unwrap();
            assert!(!m.is_default() && !m.uses_secret() && m.is_registered());
        });
        with_object(r#"{"token_endpoint_auth_method": "POST"}"#, |obj| {
            assert!(!auth_method(obj).unwrap().is_registered());
        });
        with_object(r#"{"token_endpoint_auth_method": 3}"#, |obj| {
            assert!(auth_method(obj).is_none())
        });
    }

    #[test]
    fn key_management_families() {
        for alg in ["A128KW", "A256GCMKW", "dir"] {
            assert!(
                is_symmetric_key_management(alg) && !is_asymmetric_key_management(alg),
                "{alg}"
            );
        }
        for alg in ["RSA-OAEP-256", "RSA1_5", "ECDH-ES", "ECDH-ES+A256KW"] {
            assert!(
                is_asymmetric_key_management(alg) && !is_symmetric_key_management(alg),
                "{alg}"
            );
        }
        for alg in ["PBES2-HS256+A128KW", "A128GCM", "RS256", "rsa-oaep"] {
            assert!(
                !is_asymmetric_key_management(alg) && !is_symmetric_key_management(alg),
                "{alg}"
            );
        }
    }

    #[test]
    fn symmetric_algs_in_document_order() {
        let text = r#"{"userinfo_encrypted_response_alg": "dir", "id_token_signed_response_alg": "HS512",
            "request_object_signing_alg": "RS256", "request_object_encryption_alg": "A128KW",
            "token_endpoint_auth_signing_alg": "HS256"}"#;
        with_object(text, |obj| {
            let found: Vec<_> = symmetric_algs(obj)
                .iter()
                .map(|s| (s.member, s.alg, s.is_mac()))
                .collect();
            assert_eq!(
                found,
                [
                    ("userinfo_encrypted_response_alg", "dir", false),
                    ("id_token_signed_response_alg", "HS512", true),
                    ("request_object_encryption_alg", "A128KW", false),
                ]
            );
        });
    }

    #[test]
    fn keys_and_secret_presence() {
        with_object(r#"{"jwks_uri": null, "client_secret": ""}"#, |obj| {
            assert!(!has_client_keys(obj) && !has_secret(obj));
        });
        with_object(
            r#"{"signed_jwks_uri": "https://rp.example/jwks.jose", "client_secret": "s"}"#,
            |obj| {
                assert!(has_client_keys(obj) && has_secret(obj));
            },
        );
    }

    #[test]
    fn grant_types_default_and_wrong_type() {
        with_object("{}", |obj| {
            assert_eq!(grant_types(obj), Some(vec!["authorization_code"]))
        });
        with_object(r#"{"grant_types": null}"#, |obj| assert_eq!(grant_types(obj), None));
        with_object(r#"{"grant_types": ["refresh_token", 1]}"#, |obj| {
            assert_eq!(grant_types(obj), Some(vec!["refresh_token"]));
        });
    }
}
