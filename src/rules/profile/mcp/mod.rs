//! `MCP`: the `mcp` profile, the Model Context Protocol authorization specification, revision
//! 2025-11-25 (the latest released revision; where the 2026-07-28 revision adds a requirement
//! that metadata can show, the rule says so).
//!
//! MCP builds on OAuth 2.1 (draft-ietf-oauth-v2-1-13), RFC 8414, RFC 9728, RFC 7591 and OAuth
//! Client ID Metadata Documents. The rules here are what MCP itself states about metadata; the
//! OAuth 2.1 requirements MCP repeats (PKCE, no implicit or password grant, https, exact redirect
//! URIs, no tokens in the query) are escalations of existing rules (`profile::ESCALATIONS`).
//! `CLI079` (a registration request that leaves the authentication method to the default) is an
//! `mcp` rule of the client family and stays there.

mod authorization_code;
mod authorization_servers;
mod cimd_members;
mod cimd_not_advertised;
mod dcr_application_type;
mod redirect_uri_scheme;

pub use authorization_code::MCP_AUTHORIZATION_CODE_MISSING;
pub use authorization_servers::MCP_AUTHORIZATION_SERVERS_MISSING;
pub use cimd_members::MCP_CIMD_MEMBER_MISSING;
pub use cimd_not_advertised::MCP_CIMD_NOT_ADVERTISED;
pub use dcr_application_type::MCP_DCR_APPLICATION_TYPE;
pub use redirect_uri_scheme::MCP_REDIRECT_URI_SCHEME;

use crate::document::Kind;
use crate::rules::{Ctx, Rule};

/// The `MCP` rules of the `mcp` profile; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &MCP_AUTHORIZATION_CODE_MISSING,
    &MCP_CIMD_NOT_ADVERTISED,
    &MCP_AUTHORIZATION_SERVERS_MISSING,
    &MCP_REDIRECT_URI_SCHEME,
    &MCP_CIMD_MEMBER_MISSING,
    &MCP_DCR_APPLICATION_TYPE,
];

pub(crate) const ABOUT: &str = "Model Context Protocol authorization, revision 2025-11-25 (the latest released \
revision; the 2026-07-28 revision is consulted where it adds a requirement metadata can show). MCP clients \
and servers use OAuth 2.1 (draft-ietf-oauth-v2-1-13) with authorization server metadata (RFC 8414 or OpenID \
Connect Discovery), protected resource metadata (RFC 9728), and client registration by Client ID Metadata \
Document (CIMD), pre-registration or Dynamic Client Registration (DCR).\n\n\
What MCP requires of each document:\n\n\
- **authorization server**: the authorization code flow (`MCP001`); PKCE advertised in \
`code_challenge_methods_supported` with `S256`, because MCP clients MUST refuse to proceed without it \
(`SRV022`, `SRV021` raised to errors); https for every endpoint, loopback included (`SRV011` raised); no \
implicit or password grant (OAuth 2.1). Client registration: servers SHOULD support CIMD \
(`client_id_metadata_document_supported: true`) and MAY support DCR (`registration_endpoint`); neither is \
required, since pre-registered clients need neither, so a server without CIMD support is a warning \
(`MCP002`), not an error.\n\
- **protected resource (the MCP server)**: `authorization_servers` with at least one issuer (`MCP003`) \
and the `resource` identifier (RFC 9728 requires it: `PRM001`); no access tokens in the query \
(`PRM010` raised); https, loopback included (`PRM012` raised).\n\
- **client (CIMD or DCR request)**: redirect URIs that are https or loopback http, nothing else \
(`MCP004`, and `CLI004` raised for http on other hosts); exact redirect URIs (`CLI011` raised); a CIMD \
carries `client_id`, `client_name` and `redirect_uris` (`MCP005`; the `client_id` rules are `CLI074`, \
shared secrets `CLI072`); a DCR request states its `application_type` when its redirect URIs are a \
native app's (`MCP006`, from the 2026-07-28 revision) and its `token_endpoint_auth_method` (`CLI079`). \
MCP lets CIMD clients use `private_key_jwt` or no authentication (`none`); shared secrets are \
`CLI072`'s errors.\n\n\
The `iss` response parameter is a SHOULD only from the 2026-07-28 revision on and stays `SRV026`'s \
warning. For every OAuth 2.1 requirement, including those MCP does not repeat, add `--profile oauth2.1`.";

/// Runs the `MCP` rules that apply to the document's kind (server, resource or client).
pub fn check(ctx: &mut Ctx<'_, '_>) {
    match ctx.kind {
        Kind::Server => {
            authorization_code::check(ctx);
            cimd_not_advertised::check(ctx);
        }
        Kind::Resource => authorization_servers::check(ctx),
        Kind::Client => {
            redirect_uri_scheme::check(ctx);
            cimd_members::check(ctx);
            dcr_application_type::check(ctx);
        }
        Kind::Jwks => {}
    }
}
