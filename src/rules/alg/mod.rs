//! `ALG`: algorithm names and families, and token endpoint authentication methods, in every kind
//! (SPEC §4.2). `members` says which members hold what.

mod auth_method;
mod ciba_mac;
mod deprecated;
mod dpop_mac;
pub mod members;
mod none_not_allowed;
mod unknown_algorithm;
mod unsigned_jwt;
mod wrong_family;

pub use auth_method::UNREGISTERED_AUTH_METHOD;
pub use ciba_mac::CIBA_MAC_ALGORITHM;
pub use deprecated::DEPRECATED_ALGORITHM;
pub use dpop_mac::DPOP_MAC_ALGORITHM;
pub use none_not_allowed::NONE_NOT_ALLOWED;
pub use unknown_algorithm::UNKNOWN_ALGORITHM;
pub use unsigned_jwt::UNSIGNED_JWT;
pub use wrong_family::WRONG_ALGORITHM_FAMILY;

use crate::rules::{Ctx, Rule};

/// The `ALG` rules (ALG001–ALG008); one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &UNKNOWN_ALGORITHM,
    &WRONG_ALGORITHM_FAMILY,
    &DEPRECATED_ALGORITHM,
    &NONE_NOT_ALLOWED,
    &DPOP_MAC_ALGORITHM,
    &UNSIGNED_JWT,
    &UNREGISTERED_AUTH_METHOD,
    &CIBA_MAC_ALGORITHM,
];

/// The algorithm values of the document, collected once for all the family's rules.
pub(crate) struct AlgValues<'o, 'a> {
    /// [`members::alg_values`].
    pub members: Vec<members::AlgValue<'o, 'a>>,
    /// [`members::jwk_alg_values`].
    pub jwk: Vec<members::AlgValue<'o, 'a>>,
}

/// Runs the `ALG` rules on a document of any kind, collecting its algorithm values once.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    let values = AlgValues {
        members: members::alg_values(ctx),
        jwk: members::jwk_alg_values(ctx),
    };
    unknown_algorithm::check(ctx, &values);
    wrong_family::check(ctx, &values);
    deprecated::check(ctx, &values);
    none_not_allowed::check(ctx, &values);
    dpop_mac::check(ctx, &values);
    unsigned_jwt::check(ctx, &values);
    auth_method::check(ctx);
    ciba_mac::check(ctx, &values);
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::document::Kind;
    use crate::lint::{LintOptions, Origin, lint_bytes};

    fn diagnostics(kind: Kind, json: &str, code: &str) -> Vec<Diagnostic> {
        let options = LintOptions {
            kind: Some(kind),
            ..LintOptions::default()
        };
        let report = lint_bytes("test.json", json.as_bytes().to_vec(), Origin::Explicit, &options, None);
        report.diagnostics.into_iter().filter(|d| d.rule.code == code).collect()
    }

    /// The findings of one rule on a document, as `pointer message | help` lines.
    pub(crate) fn findings(kind: Kind, json: &str, code: &str) -> Vec<String> {
        diagnostics(kind, json, code)
            .iter()
            .map(|d| format!("{} {} | {}", d.pointer, d.message, d.help.as_deref().unwrap_or("")))
            .collect()
    }

    /// The severities of one rule's findings on a document.
    pub(crate) fn severities(kind: Kind, json: &str, code: &str) -> Vec<&'static str> {
        diagnostics(kind, json, code)
            .iter()
            .map(|d| d.severity.as_str())
            .collect()
    }
}
