//! `FAPI`: the `fapi2` profile, FAPI 2.0 Security Profile (OpenID Foundation, final, February
//! 2025). Section numbers are those of the final specification: §5.3.2.1 general requirements for
//! authorization servers, §5.3.2.2 authorization endpoint flows, §5.3.3 clients, §5.3.4 resource
//! servers, §5.4.1 cryptography.
//!
//! What the profile's own rules do not repeat, escalations do (`profile::ESCALATIONS`): PKCE
//! (`SRV021`, `SRV022`, `SRV035`), implicit and hybrid flows (`SRV023`, `SRV024`, `CLI025`), the
//! password grant (`SRV025`, `CLI024`), the `iss` response parameter (`SRV026`), http redirect
//! URIs (`CLI004`), tokens in the query (`PRM010`) and unsigned JWTs (`ALG006`). Key sizes need
//! nothing new: RSA keys under 2048 bits are already `JWK014` errors, and every elliptic curve
//! registered for JOSE (P-256, P-384, P-521, secp256k1, Ed25519, Ed448, X25519, X448) is at least
//! 224 bits long, so "EC keys ≥ 224 bits" cannot fail for a registered curve (an unregistered one
//! is `JWK011`).

mod auth_method;
mod client_sender_constraint;
mod par_required;
mod response_type;
mod sender_constrained;
mod signing_alg;

pub use auth_method::FAPI_CLIENT_AUTH_METHOD;
pub use client_sender_constraint::FAPI_CLIENT_NOT_SENDER_CONSTRAINED;
pub use par_required::FAPI_PAR_NOT_REQUIRED;
pub use response_type::FAPI_RESPONSE_TYPE;
pub use sender_constrained::FAPI_SENDER_CONSTRAINED_TOKENS;
pub use signing_alg::FAPI_SIGNING_ALGORITHM;

use crate::document::{Kind, Role};
use crate::rules::{Ctx, Rule};

/// The `FAPI` rules of the `fapi2` profile; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &FAPI_PAR_NOT_REQUIRED,
    &FAPI_RESPONSE_TYPE,
    &FAPI_CLIENT_AUTH_METHOD,
    &FAPI_SENDER_CONSTRAINED_TOKENS,
    &FAPI_CLIENT_NOT_SENDER_CONSTRAINED,
    &FAPI_SIGNING_ALGORITHM,
];

/// The JWS algorithms FAPI 2.0 allows (§5.4.1 item 1): `PS256`, `ES256`, and EdDSA with Ed25519,
/// which is `EdDSA` or, since RFC 9864, the fully-specified `Ed25519` (the note under §5.4.1
/// allows such an algorithm once registered).
pub const ALLOWED_ALGS: &[&str] = &["PS256", "ES256", "EdDSA", "Ed25519"];

/// The client authentication methods FAPI 2.0 allows (§5.3.2.1 item 6): mutual TLS (RFC 8705 §2,
/// both variants) and `private_key_jwt` (OIDC Core §9).
pub const ALLOWED_AUTH_METHODS: &[&str] = &["private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"];

pub(crate) const ABOUT: &str = "FAPI 2.0 Security Profile (OpenID Foundation, final, February 2025), for \
authorization servers, confidential clients and resource servers of high-value APIs. Section numbers \
are those of the final specification. The `FAPI` rules check what the metadata can show: pushed \
authorization requests required (§5.3.2.2), `code` as the only response type, `private_key_jwt` or \
mutual TLS as the only client authentication (§5.3.2.1), sender-constrained access tokens (DPoP or \
mutual TLS), and PS256, ES256 or EdDSA/Ed25519 as the only signing algorithms, in every signing list, \
client member and JWK (§5.4.1). The escalations add PKCE with `S256` only (`plain` listed next to `S256` \
is an error too), the `iss` response parameter, no implicit, hybrid or password grant, no http redirect \
URIs except loopback, no tokens in the query and no unsigned JWTs.\n\n\
Key sizes need no rule of their own: an RSA key under 2048 bits is already an error (`JWK014`), and \
every elliptic curve registered for JOSE (P-256, P-384, P-521, secp256k1, Ed25519, Ed448, X25519, X448) \
is at least 224 bits, the FAPI minimum (§5.4.1 item 3); a curve that cannot sign with an allowed \
algorithm (P-384, P-521, secp256k1, Ed448) is reported by `FAPI006` on signing keys. OpenID Provider \
metadata under this profile is not required to list `RS256` (`SRV007`), which FAPI forbids.";

/// Whether the document is a software statement's claim set (role `statement`) or carries a
/// `software_statement`, so that members it omits may be set in the statement (RFC 7591 §2.3:
/// statement values take precedence). Rules that report a *missing* member stay silent then.
pub(crate) fn defers_to_software_statement(ctx: &Ctx<'_, '_>) -> bool {
    ctx.role == Some(Role::Statement) || ctx.object().contains("software_statement")
}

/// [`ALLOWED_ALGS`] for messages.
pub(crate) const ALLOWED_ALGS_TEXT: &str = "`PS256`, `ES256` and EdDSA with Ed25519 (`Ed25519`, `EdDSA`)";

/// Runs the `FAPI` rules that apply to the document's kind (every kind; a JWK Set gets only the key check).
pub fn check(ctx: &mut Ctx<'_, '_>) {
    match ctx.kind {
        Kind::Server => {
            par_required::check(ctx);
            response_type::check_server(ctx);
            auth_method::check_server(ctx);
            sender_constrained::check(ctx);
            signing_alg::check_metadata(ctx);
        }
        Kind::Client => {
            response_type::check_client(ctx);
            auth_method::check_client(ctx);
            client_sender_constraint::check(ctx);
            signing_alg::check_metadata(ctx);
            signing_alg::check_keys(ctx);
        }
        Kind::Resource => {
            sender_constrained::check(ctx);
            signing_alg::check_metadata(ctx);
        }
        Kind::Jwks => signing_alg::check_keys(ctx),
    }
}
