//! The registration API: validate an RFC 7591 dynamic client registration request against the
//! authorization server's own metadata, the way a registration endpoint (or a gateway in front of
//! one) would before accepting it.
//!
//! ```
//! use oauth_lint::cross::ServerDoc;
//! use oauth_lint::lint::LintOptions;
//! use oauth_lint::registration::validate_registration;
//!
//! let server = ServerDoc::from_bytes(
//!     "openid-configuration",
//!     br#"{"issuer": "https://as.example", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}"#.to_vec(),
//! )
//! .unwrap();
//! let outcome = validate_registration(
//!     br#"{"redirect_uris": ["https://app.example/cb"]}"#,
//!     &server,
//!     &LintOptions::default(),
//! );
//! // The default `client_secret_basic` is not supported by this server.
//! assert_eq!(outcome.status_code(), 400);
//! assert_eq!(outcome.response_body()["error"], "invalid_client_metadata");
//! ```

#![warn(missing_docs)]

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Kind, Role};
use crate::json::{self, ParseOptions};
use crate::lint::{self, LintOptions, Origin};
use crate::schema::describe_location;

/// The display name of the request in diagnostics.
pub const REQUEST_PATH: &str = "registration request";

/// The RFC 7591 §3.2.2 error codes this API produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistrationErrorCode {
    /// `invalid_redirect_uri`: the value of one or more redirection URIs is invalid.
    InvalidRedirectUri,
    /// `invalid_client_metadata`: the value of one of the client metadata fields is invalid.
    InvalidClientMetadata,
}

impl RegistrationErrorCode {
    /// The `error` value of the response.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationErrorCode::InvalidRedirectUri => "invalid_redirect_uri",
            RegistrationErrorCode::InvalidClientMetadata => "invalid_client_metadata",
        }
    }
}

/// An RFC 7591 §3.2.2 client registration error response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistrationError {
    /// The error code.
    pub error: RegistrationErrorCode,
    /// Names the member and the problem; never contains a secret.
    pub error_description: String,
}

impl RegistrationError {
    /// The response body: `{"error": "…", "error_description": "…"}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "error": self.error.as_str(),
            "error_description": self.error_description,
        })
    }
}

/// What [`validate_registration`] decided.
#[derive(Debug)]
pub struct RegistrationOutcome {
    /// The accepted client metadata with the registration defaults applied, or the error response.
    pub result: Result<serde_json::Value, RegistrationError>,
    /// Every finding on the request, at every severity (only errors reject it).
    pub diagnostics: Vec<Diagnostic>,
}

impl RegistrationOutcome {
    /// Whether the request is accepted.
    pub fn is_accepted(&self) -> bool {
        self.result.is_ok()
    }

    /// The HTTP status of the response: 201 Created (RFC 7591 §3.2.1) or 400 Bad Request (§3.2.2).
    pub fn status_code(&self) -> u16 {
        if self.is_accepted() { 201 } else { 400 }
    }

    /// The response body: the accepted metadata (without `client_id` and credentials, which the
    /// server adds), or the error response.
    pub fn response_body(&self) -> serde_json::Value {
        match &self.result {
            Ok(metadata) => metadata.clone(),
            Err(e) => e.to_json(),
        }
    }
}

/// Validates a registration request (the request body, bytes) against the server's metadata.
///
/// The document is linted as client metadata in the `request` role, paired with `server` (so
/// every cross check of SPEC §4.7 runs); `options` supplies profiles, the rule selection and the
/// limits (its `kind` and `role` are overridden). Error-severity findings reject the request:
/// with `invalid_redirect_uri` when a redirect URI is at fault (a finding under `/redirect_uris`,
/// or from a redirect-URI rule), else `invalid_client_metadata`. Otherwise the metadata is
/// accepted with the RFC 7591 / OpenID Connect Registration defaults written in.
pub fn validate_registration(request: &[u8], server: &ServerDoc, options: &LintOptions) -> RegistrationOutcome {
    let options = LintOptions {
        kind: Some(Kind::Client),
        role: Some(Role::Request),
        ..options.clone()
    };
    let report = lint::lint_bytes(REQUEST_PATH, request.to_vec(), Origin::Explicit, &options, Some(server));
    let secrets: Vec<String> = report
        .source
        .secret_spans()
        .iter()
        .filter_map(|s| report.source.text.get(s.start..s.end))
        .map(|raw| raw.trim_matches('"').to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let errors: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let result = if let Some(first) = errors.first() {
        let redirect = errors.iter().find(|d| is_redirect_uri_finding(d));
        let (code, at_fault) = match redirect {
            Some(d) => (RegistrationErrorCode::InvalidRedirectUri, *d),
            None => (RegistrationErrorCode::InvalidClientMetadata, *first),
        };
        Err(RegistrationError {
            error: code,
            error_description: scrub(&describe(at_fault, errors.len(), report.valid_json), &secrets),
        })
    } else {
        Ok(with_defaults(&report.source.text, server))
    };
    RegistrationOutcome {
        result,
        diagnostics: report.diagnostics,
    }
}

/// Whether a finding is about a redirect URI: located under `/redirect_uris`, or reported by a
/// rule about redirect URIs (its name says so) on no other member. Findings about the JSON text
/// itself (a syntax error stopped inside the list, a duplicate `redirect_uris` member) are not:
/// they make the metadata invalid as a whole.
pub fn is_redirect_uri_finding(d: &Diagnostic) -> bool {
    if d.rule.code.starts_with("JSON") {
        return false;
    }
    let under = |member: &str| d.pointer == member || d.pointer.starts_with(&format!("{member}/"));
    under("/redirect_uris")
        || (d.rule.name.contains("redirect-uri") && !under("/post_logout_redirect_uris") && d.pointer.is_empty())
}

fn describe(d: &Diagnostic, total: usize, valid_json: bool) -> String {
    let mut text = if !valid_json {
        format!("the request body is not valid JSON: {}", d.message)
    } else {
        // Name the member unless the message already does.
        let member = d.pointer.split('/').nth(1).unwrap_or_default();
        if member.is_empty() || d.message.contains(&format!("`{member}")) {
            d.message.clone()
        } else {
            format!("{}: {}", describe_location(&d.pointer), d.message)
        }
    };
    if total > 1 {
        text.push_str(&format!(
            " (and {} more problem{})",
            total - 1,
            if total == 2 { "" } else { "s" }
        ));
    }
    text
}

/// Belt and braces: rule messages never quote secrets, but a description must not echo one even
/// if a future message did.
fn scrub(text: &str, secrets: &[String]) -> String {
    let mut text = text.to_owned();
    for s in secrets {
        text = text.replace(s.as_str(), "[redacted]");
    }
    text
}

/// The request's metadata with the registration defaults written in: `token_endpoint_auth_method`,
/// `grant_types`, `response_types`; for an OpenID Connect server also `application_type` and
/// `id_token_signed_response_alg`; and `A128CBC-HS256` for every `*_enc` whose `*_alg` is set.
fn with_defaults(text: &str, server: &ServerDoc) -> serde_json::Value {
    let Ok(parsed) = json::parse(text, &ParseOptions::default()) else {
        return serde_json::Value::Null;
    };
    let mut metadata = parsed.root.to_serde();
    let Some(obj) = parsed.root.as_object() else {
        return metadata;
    };
    let effective = ClientEffective::of(obj, text);
    let Some(map) = metadata.as_object_mut() else {
        return metadata;
    };
    let mut default = |member: &str, value: serde_json::Value| {
        map.entry(member.to_owned()).or_insert(value);
    };
    default(
        "token_endpoint_auth_method",
        effective.token_endpoint_auth_method.value.clone().into(),
    );
    default(
        "grant_types",
        serde_json::json!(effective.grant_types.values().collect::<Vec<_>>()),
    );
    default(
        "response_types",
        serde_json::json!(effective.response_types.values().collect::<Vec<_>>()),
    );
    if server.is_openid() {
        default("application_type", effective.application_type.value.clone().into());
        default(
            "id_token_signed_response_alg",
            effective.id_token_signed_response_alg.value.clone().into(),
        );
    }
    for encryption in &effective.encryption {
        if let (Some(_), Some(enc)) = (&encryption.alg, &encryption.enc) {
            default(encryption.purpose.client_enc, enc.value.clone().into());
        }
    }
    metadata
}
