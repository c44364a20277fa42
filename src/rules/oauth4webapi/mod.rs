//! `OWA`: the `oauth4webapi` profile (SPEC §5, §6): what that JavaScript library supports.
//!
//! oauth4webapi (v3) verifies JWS with PS256/384/512, RS256/384/512, ES256/384/512, Ed25519,
//! EdDSA and ML-DSA-44/65/87 only — no HMAC, no `none` — and authenticates at the token endpoint
//! with `ClientSecretBasic`, `ClientSecretPost`, `ClientSecretJwt`, `PrivateKeyJwt`, `None` and
//! `TlsClientAuth` (which covers `tls_client_auth` and `self_signed_tls_client_auth`).

mod auth_method;
mod client_algs;
mod server_algs;

pub use auth_method::OWA_UNSUPPORTED_AUTH_METHOD;
pub use client_algs::OWA_UNSUPPORTED_ALG;
pub use server_algs::OWA_NO_SUPPORTED_SERVER_ALG;

use crate::rules::{Ctx, Rule};

/// The `OWA` rules of the `oauth4webapi` profile; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &OWA_UNSUPPORTED_ALG,
    &OWA_UNSUPPORTED_AUTH_METHOD,
    &OWA_NO_SUPPORTED_SERVER_ALG,
];

/// JWS algorithms oauth4webapi verifies and signs with.
pub const SUPPORTED_JWS_ALGS: &[&str] = &[
    "PS256",
    "PS384",
    "PS512",
    "RS256",
    "RS384",
    "RS512",
    "ES256",
    "ES384",
    "ES512",
    "Ed25519",
    "EdDSA",
    "ML-DSA-44",
    "ML-DSA-65",
    "ML-DSA-87",
];

/// Token endpoint authentication methods oauth4webapi implements.
pub const SUPPORTED_AUTH_METHODS: &[&str] = &[
    "client_secret_basic",
    "client_secret_post",
    "client_secret_jwt",
    "private_key_jwt",
    "none",
    "tls_client_auth",
    "self_signed_tls_client_auth",
];

/// Whether oauth4webapi supports a JWS algorithm.
pub fn supports_alg(alg: &str) -> bool {
    SUPPORTED_JWS_ALGS.contains(&alg)
}

/// Runs the profile's rules on a client (cross checks only when a server is paired).
pub fn check(ctx: &mut Ctx<'_, '_>) {
    client_algs::check(ctx);
    auth_method::check(ctx);
    if ctx.server.is_some() {
        server_algs::check(ctx);
    }
}
