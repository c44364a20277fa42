//! `CLI`: client metadata (SPEC §4.3). Two sub-families share the prefix:
//! - [`flows`] (CLI001–CLI049): redirect URIs, grant and response types, application type, URLs,
//!   flow-level security warnings;
//! - [`credentials`] (CLI050–CLI099): authentication methods, secrets, keys, signing and encryption
//!   algorithms, mutual TLS, proof of possession, CIBA, pairwise subjects, role rules.

pub mod credentials;
pub mod flows;

use crate::rules::Ctx;

/// Runs both client sub-families ([`flows`], then [`credentials`]) on client metadata.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    flows::check(ctx);
    credentials::check(ctx);
}
