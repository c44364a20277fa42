//! oauth-lint: a fast, offline linter for OAuth 2.0 and OpenID Connect metadata.
//!
//! The library parses a document with exact spans ([`json`]), detects its kind and role
//! ([`document`]), validates it against the shipped JSON Schemas ([`schema`]) and the rule table
//! ([`rules`]), and returns [`diagnostic::Diagnostic`]s located by JSON Pointer and byte span.
//! A client can be linted against its server ([`cross::ServerDoc`], [`pairing`]), and a registration
//! endpoint can validate requests with [`registration::validate_registration`].
//!
//! ```
//! use oauth_lint::lint::{lint_bytes, LintOptions, Origin};
//!
//! let report = lint_bytes(
//!     "app.client.json",
//!     br#"{"redirect_uri": "https://app.example/cb"}"#.to_vec(),
//!     Origin::Explicit,
//!     &LintOptions::default(),
//!     None,
//! );
//! assert!(report.diagnostics.iter().any(|d| d.rule.code == "DOC002" && d.pointer == "/redirect_uri"));
//! ```

#![warn(missing_docs)]

pub mod cli;
pub mod config;
pub mod cross;
pub mod diagnostic;
pub mod document;
pub mod explain;
pub mod json;
pub mod lint;
pub mod pairing;
pub mod registration;
pub mod registry;
pub mod report;
pub mod rules;
pub mod schema;
pub mod secrets;
pub mod source;

/// Where `docs/rules.md` is published; each rule's link is this plus `#<code>`.
pub const DOCS_RULES_URL: &str = "https://github.com/oauth-lint/oauth-lint/blob/main/docs/rules.md";

/// The project's home page.
pub const HOMEPAGE_URL: &str = "https://github.com/oauth-lint/oauth-lint";
