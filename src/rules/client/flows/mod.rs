//! CLI001–CLI049: redirect URIs, grant and response types, application type, URL members and
//! flow-level security warnings of client metadata.
//!
//! Code ranges: CLI001–CLI019 redirect and logout URIs, CLI020–CLI029 grant and response types,
//! CLI030–CLI039 other URL members. [`model::Client`] reads the members every rule needs once,
//! with the registration defaults applied.

mod dangerous_scheme;
mod duplicate_entry;
mod frontchannel_logout_origin;
mod grant_type_without_response_type;
mod id_token_without_implicit;
mod implicit_flow;
mod implicit_loopback_redirect;
mod insecure_redirect_uri;
mod invalid_response_type;
mod loopback_http_url;
mod loopback_only_web_client;
mod model;
mod native_https_loopback;
mod native_localhost;
mod password_grant;
mod private_scheme;
mod redirect_uri_wildcard;
mod redirect_uris_missing;
mod response_type_without_grant;
mod unknown_grant_type;
mod unspecified_address;
mod uri_fragment;
mod url_requires_https;
mod url_should_use_https;
pub(crate) mod values;
mod web_private_scheme;

pub use dangerous_scheme::DANGEROUS_REDIRECT_SCHEME;
pub use duplicate_entry::DUPLICATE_ENTRY;
pub use frontchannel_logout_origin::FRONTCHANNEL_LOGOUT_ORIGIN;
pub use grant_type_without_response_type::GRANT_TYPE_WITHOUT_RESPONSE_TYPE;
pub use id_token_without_implicit::ID_TOKEN_WITHOUT_IMPLICIT;
pub use implicit_flow::IMPLICIT_FLOW;
pub use implicit_loopback_redirect::IMPLICIT_LOOPBACK_REDIRECT;
pub use insecure_redirect_uri::INSECURE_REDIRECT_URI;
pub use invalid_response_type::INVALID_RESPONSE_TYPE;
pub use loopback_http_url::LOOPBACK_HTTP_URL;
pub use loopback_only_web_client::LOOPBACK_ONLY_WEB_CLIENT;
pub use native_https_loopback::NATIVE_HTTPS_LOOPBACK;
pub use native_localhost::NATIVE_LOCALHOST_REDIRECT;
pub use password_grant::PASSWORD_GRANT;
pub use private_scheme::PRIVATE_SCHEME_NOT_REVERSE_DOMAIN;
pub use redirect_uri_wildcard::REDIRECT_URI_WILDCARD;
pub use redirect_uris_missing::REDIRECT_URIS_MISSING;
pub use response_type_without_grant::RESPONSE_TYPE_WITHOUT_GRANT_TYPE;
pub use unknown_grant_type::UNKNOWN_GRANT_TYPE;
pub use unspecified_address::UNSPECIFIED_ADDRESS_REDIRECT;
pub use uri_fragment::URI_FRAGMENT;
pub use url_requires_https::URL_REQUIRES_HTTPS;
pub use url_should_use_https::URL_SHOULD_USE_HTTPS;
pub use web_private_scheme::WEB_CLIENT_PRIVATE_SCHEME;

use crate::rules::{Ctx, Rule};

/// The `CLI` rules of this sub-family (CLI001–CLI049); one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &REDIRECT_URIS_MISSING,
    &URI_FRAGMENT,
    &DANGEROUS_REDIRECT_SCHEME,
    &INSECURE_REDIRECT_URI,
    &IMPLICIT_LOOPBACK_REDIRECT,
    &NATIVE_LOCALHOST_REDIRECT,
    &PRIVATE_SCHEME_NOT_REVERSE_DOMAIN,
    &WEB_CLIENT_PRIVATE_SCHEME,
    &LOOPBACK_ONLY_WEB_CLIENT,
    &NATIVE_HTTPS_LOOPBACK,
    &REDIRECT_URI_WILDCARD,
    &DUPLICATE_ENTRY,
    &FRONTCHANNEL_LOGOUT_ORIGIN,
    &UNSPECIFIED_ADDRESS_REDIRECT,
    &RESPONSE_TYPE_WITHOUT_GRANT_TYPE,
    &GRANT_TYPE_WITHOUT_RESPONSE_TYPE,
    &INVALID_RESPONSE_TYPE,
    &UNKNOWN_GRANT_TYPE,
    &PASSWORD_GRANT,
    &IMPLICIT_FLOW,
    &ID_TOKEN_WITHOUT_IMPLICIT,
    &URL_REQUIRES_HTTPS,
    &URL_SHOULD_USE_HTTPS,
    &LOOPBACK_HTTP_URL,
];

/// Runs the redirect URI, grant, response type and URL rules (CLI001–CLI049) on client metadata.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    let client = model::Client::new(ctx.object());
    redirect_uris_missing::check(ctx, &client);
    uri_fragment::check(ctx, &client);
    dangerous_scheme::check(ctx, &client);
    insecure_redirect_uri::check(ctx, &client);
    implicit_loopback_redirect::check(ctx, &client);
    native_localhost::check(ctx, &client);
    private_scheme::check(ctx, &client);
    web_private_scheme::check(ctx, &client);
    loopback_only_web_client::check(ctx, &client);
    native_https_loopback::check(ctx, &client);
    redirect_uri_wildcard::check(ctx, &client);
    duplicate_entry::check(ctx);
    frontchannel_logout_origin::check(ctx, &client);
    unspecified_address::check(ctx, &client);
    response_type_without_grant::check(ctx, &client);
    grant_type_without_response_type::check(ctx, &client);
    invalid_response_type::check(ctx, &client);
    unknown_grant_type::check(ctx, &client);
    password_grant::check(ctx, &client);
    implicit_flow::check(ctx, &client);
    id_token_without_implicit::check(ctx, &client);
    url_requires_https::check(ctx);
    url_should_use_https::check(ctx);
    loopback_http_url::check(ctx);
}
