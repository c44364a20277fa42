//! `ALG`: algorithm names and families, and token endpoint authentication methods, in every kind
//! (SPEC §4.2). `members` says which members hold what.

mod auth_method;
mod deprecated;
mod dpop_mac;
mod draft_algorithm;
pub mod members;
mod none_not_allowed;
mod unknown_algorithm;
mod unknown_jwk_algorithm;
mod wrong_family;

pub use auth_method::{MISSPELLED_AUTH_METHOD, UNREGISTERED_AUTH_METHOD};
pub use deprecated::DEPRECATED_ALGORITHM;
pub use dpop_mac::DPOP_MAC_ALGORITHM;
pub use draft_algorithm::DRAFT_ALGORITHM;
pub use none_not_allowed::NONE_NOT_ALLOWED;
pub use unknown_algorithm::UNKNOWN_ALGORITHM;
pub use unknown_jwk_algorithm::UNKNOWN_JWK_ALGORITHM;
pub use wrong_family::WRONG_ALGORITHM_FAMILY;

use crate::rules::{Ctx, Rule};

pub static RULES: &[&Rule] = &[
    &UNKNOWN_ALGORITHM,
    &WRONG_ALGORITHM_FAMILY,
    &DEPRECATED_ALGORITHM,
    &NONE_NOT_ALLOWED,
    &DPOP_MAC_ALGORITHM,
    &UNKNOWN_JWK_ALGORITHM,
    &DRAFT_ALGORITHM,
    &UNREGISTERED_AUTH_METHOD,
    &MISSPELLED_AUTH_METHOD,
];

pub fn check(ctx: &mut Ctx<'_, '_>) {
    unknown_algorithm::check(ctx);
    wrong_family::check(ctx);
    deprecated::check(ctx);
    none_not_allowed::check(ctx);
    dpop_mac::check(ctx);
    unknown_jwk_algorithm::check(ctx);
    draft_algorithm::check(ctx);
    auth_method::check(ctx);
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::document::Kind;
    use crate::lint::{LintOptions, Origin, lint_bytes};

    /// The findings of one rule on a document, as `pointer message | help` lines.
    pub(crate) fn findings(kind: Kind, json: &str, code: &str) -> Vec<String> {
        let options = LintOptions {
            kind: Some(kind),
            ..LintOptions::default()
        };
        let report = lint_bytes("test.json", json.as_bytes().to_vec(), Origin::Explicit, &options);
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule.code == code)
            .map(|d| format!("{} {} | {}", d.pointer, d.message, d.help.as_deref().unwrap_or("")))
            .collect()
    }
}
