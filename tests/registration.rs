//! The registration API (`oauth_lint::registration`): RFC 7591 requests validated against the
//! server's metadata, answered with the accepted metadata or the §3.2.2 error response.

use std::path::Path;

use oauth_lint::cross::ServerDoc;
use oauth_lint::lint::LintOptions;
use oauth_lint::registration::{RegistrationErrorCode, validate_registration};

fn real_world(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/real-world")
            .join(path),
    )
    .unwrap()
}

fn discovery_example() -> ServerDoc {
    ServerDoc::from_bytes(
        "spec-oidc-discovery-example.json",
        real_world("server/spec-oidc-discovery-example.json"),
    )
    .unwrap()
}

fn server(text: &str) -> ServerDoc {
    ServerDoc::from_bytes("as.discovery.json", text.as_bytes().to_vec()).unwrap()
}

/// The error for a request the discovery example's server must reject.
fn rejected(request: &[u8]) -> oauth_lint::registration::RegistrationError {
    validate_registration(request, &discovery_example(), &LintOptions::default())
        .result
        .expect_err("the request is rejected")
}

#[test]
fn the_rfc7591_example_request_is_accepted_by_the_discovery_example_with_defaults() {
    let outcome = validate_registration(
        &real_world("client/spec-rfc7591-request-open.json"),
        &discovery_example(),
        &LintOptions::default(),
    );
    assert!(outcome.is_accepted(), "{:?}", outcome.result);
    assert_eq!(outcome.status_code(), 201);
    let metadata = outcome.response_body();
    assert_eq!(metadata["token_endpoint_auth_method"], "client_secret_basic");
    assert_eq!(metadata["grant_types"], serde_json::json!(["authorization_code"]));
    assert_eq!(metadata["response_types"], serde_json::json!(["code"]));
    assert_eq!(metadata["application_type"], "web");
    assert_eq!(metadata["id_token_signed_response_alg"], "RS256");
    assert_eq!(metadata["client_name"], "My Example Client");
    // Warnings are reported, not fatal.
    assert!(outcome.diagnostics.iter().any(|d| d.rule.code == "DOC002"));
}

#[test]
fn an_unsupported_auth_method_is_invalid_client_metadata_naming_the_member() {
    let outcome = validate_registration(
        br#"{"redirect_uris": ["https://app.example/cb"], "token_endpoint_auth_method": "client_secret_post"}"#,
        &discovery_example(),
        &LintOptions::default(),
    );
    assert_eq!(outcome.status_code(), 400);
    let error = outcome.result.as_ref().unwrap_err();
    assert_eq!(error.error, RegistrationErrorCode::InvalidClientMetadata);
    assert!(
        error.error_description.contains("token_endpoint_auth_method"),
        "{}",
        error.error_description
    );
    let body = outcome.response_body();
    assert_eq!(body["error"], "invalid_client_metadata");
    assert!(body["error_description"].is_string());
}

#[test]
fn a_default_the_server_does_not_support_rejects_the_request() {
    let fapi =
        server(r#"{"issuer": "https://as.example", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}"#);
    let outcome = validate_registration(
        br#"{"redirect_uris": ["https://app.example/cb"]}"#,
        &fapi,
        &LintOptions::default(),
    );
    let error = outcome.result.unwrap_err();
    assert_eq!(error.error, RegistrationErrorCode::InvalidClientMetadata);
    assert!(
        error.error_description.contains("client_secret_basic"),
        "{}",
        error.error_description
    );
}

#[test]
fn a_relative_redirect_uri_is_invalid_redirect_uri() {
    let error = rejected(br#"{"redirect_uris": ["https://app.example/cb", "/callback"]}"#);
    assert_eq!(error.error, RegistrationErrorCode::InvalidRedirectUri);
    assert!(
        error.error_description.contains("redirect_uris[1]"),
        "{}",
        error.error_description
    );
}

#[test]
fn a_redirect_uri_error_wins_over_other_errors() {
    let error = rejected(br#"{"token_endpoint_auth_method": "client_secret_post", "redirect_uris": ["/callback"]}"#);
    assert_eq!(error.error, RegistrationErrorCode::InvalidRedirectUri);
    assert!(
        error.error_description.contains("1 more problem"),
        "{}",
        error.error_description
    );
}

#[test]
fn a_redirect_uri_with_a_fragment_is_invalid_redirect_uri() {
    let error = rejected(br#"{"redirect_uris": ["https://app.example/cb#section"]}"#);
    assert_eq!(error.error, RegistrationErrorCode::InvalidRedirectUri);
    assert!(
        error.error_description.contains("redirect_uris"),
        "{}",
        error.error_description
    );
}

#[test]
fn invalid_json_is_invalid_client_metadata() {
    let error = rejected(br#"{"redirect_uris": ["https://app.example/cb"],}"#);
    assert_eq!(error.error, RegistrationErrorCode::InvalidClientMetadata);
    assert!(
        error
            .error_description
            .starts_with("the request body is not valid JSON"),
        "{}",
        error.error_description
    );
}

#[test]
fn a_body_cut_inside_the_redirect_uris_is_invalid_client_metadata() {
    // The parser stops inside `/redirect_uris`: still a body that is not JSON, not a bad URI.
    let error = rejected(b"{\"redirect_uris\": [\"https://app.example/cb\"\n");
    assert_eq!(error.error, RegistrationErrorCode::InvalidClientMetadata);
    assert!(
        error
            .error_description
            .starts_with("the request body is not valid JSON")
    );
    // A duplicate `redirect_uris` member is a problem of the document, not of a URI.
    let error =
        rejected(br#"{"redirect_uris": ["https://app.example/cb"], "redirect_uris": ["https://app.example/cb"]}"#);
    assert_eq!(
        error.error,
        RegistrationErrorCode::InvalidClientMetadata,
        "{}",
        error.error_description
    );
}

#[test]
fn secrets_are_never_echoed() {
    let secret = "cf136dc3c1fc93f31185e5885805d";
    let request = format!(
        r#"{{"redirect_uris": ["/cb"], "client_secret": "{secret}", "token_endpoint_auth_method": "client_secret_post"}}"#
    );
    let outcome = validate_registration(request.as_bytes(), &discovery_example(), &LintOptions::default());
    let body = outcome.response_body().to_string();
    assert!(!body.contains(secret), "{body}");
    for d in &outcome.diagnostics {
        assert!(!d.message.contains(secret) && !d.help.as_deref().unwrap_or("").contains(secret));
    }
}

#[test]
fn a_missing_enc_gets_the_a128cbc_hs256_default() {
    let outcome = validate_registration(
        br#"{"redirect_uris": ["https://app.example/cb"], "jwks_uri": "https://app.example/jwks.json",
            "userinfo_encrypted_response_alg": "RSA-OAEP-256"}"#,
        &discovery_example(),
        &LintOptions::default(),
    );
    assert!(outcome.is_accepted(), "{:?}", outcome.result);
    assert_eq!(
        outcome.response_body()["userinfo_encrypted_response_enc"],
        "A128CBC-HS256"
    );
}

#[test]
fn the_request_role_is_forced() {
    // Even with a `client_id`, the body is checked as a registration request.
    let outcome = validate_registration(
        br#"{"client_id": "abc", "redirect_uris": ["https://app.example/cb"]}"#,
        &discovery_example(),
        &LintOptions::default(),
    );
    assert!(outcome.diagnostics.iter().all(|d| d.rule.code != "DOC001"));
}
