//! `OAU`: the `oauth2.1` profile, The OAuth 2.1 Authorization Framework
//! (draft-ietf-oauth-v2-1-16, the latest draft). Most of what OAuth 2.1 turns from a
//! recommendation into a requirement is already a warning of the spec-level families, and the
//! profile raises those to errors (`profile::ESCALATIONS`); the rules here are the requirements no
//! other rule covers.

mod client_secret_post;
mod native_confidential;

pub use client_secret_post::OAU_CLIENT_SECRET_POST_MISSING;
pub use native_confidential::OAU_NATIVE_CONFIDENTIAL_CLIENT;

use crate::document::Kind;
use crate::rules::{Ctx, Rule};

/// The `OAU` rules of the `oauth2.1` profile; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[&OAU_CLIENT_SECRET_POST_MISSING, &OAU_NATIVE_CONFIDENTIAL_CLIENT];

pub(crate) const ABOUT: &str = "The OAuth 2.1 Authorization Framework, draft-ietf-oauth-v2-1-16 (the latest \
draft; section numbers are that draft's). OAuth 2.1 consolidates RFC 6749, RFC 6750, RFC 7636, RFC 8252 and \
RFC 9700 and makes several of their recommendations mandatory. Those the spec-level rules already report as \
warnings are raised to errors by the escalations below: no implicit grant (`response_type=token` and the \
hybrid types that return access tokens), no password grant, PKCE with `S256` (`plain` prohibited since \
draft 16), exact redirect URI matching (no wildcards), reverse-domain private-use schemes, https for every \
OAuth URL except loopback redirect URIs, no bearer tokens in the query, and the `iss` authorization \
response parameter (REQUIRED since draft 16). The `OAU` rules add what no other rule checks: a server that \
accepts client secrets must accept them in the request body (`client_secret_post`, §2.4.1), and native \
apps are public clients (§8.1.1).\n\n\
Not an error under this profile: the `implicit` grant type in `grant_types_supported` on its own \
(`SRV023` stays a warning). OAuth 2.1 removes `response_type=token` but keeps extension response types \
such as OpenID Connect's `id_token` (§10.1), which OpenID Connect registers under the `implicit` grant \
type; the response types that do return access tokens are `SRV024`'s errors.";

/// Runs the `OAU` rule for the document's kind: OAU001 on a server, OAU002 on a client.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    match ctx.kind {
        Kind::Server => client_secret_post::check(ctx),
        Kind::Client => native_confidential::check(ctx),
        Kind::Jwks | Kind::Resource => {}
    }
}
