//! `PRM`: protected resource metadata, RFC 9728 (SPEC §4.6).
//!
//! Not here: member types, URL syntax and the `bearer_methods_supported` enum (`SCH`), unknown
//! members (`DOC002`), zero-element arrays (`DOC005`), algorithm lists (`ALG`, e.g. `none` in
//! `resource_signing_alg_values_supported` is `ALG004`).

mod authorization_server_issuer;
mod authorization_server_metadata_url;
mod bearer_query;
mod http_on_loopback;
mod insecure_page_url;
mod jwks_uri_not_https;
mod missing_recommended;
mod missing_resource;
mod resource_fragment;
mod resource_metadata_url;
mod resource_not_https;
mod resource_query;

pub use authorization_server_issuer::AUTHORIZATION_SERVER_NOT_ISSUER;
pub use authorization_server_metadata_url::AUTHORIZATION_SERVER_METADATA_URL;
pub use bearer_query::BEARER_TOKEN_IN_QUERY;
pub use http_on_loopback::HTTP_ON_LOOPBACK;
pub use insecure_page_url::INSECURE_PAGE_URL;
pub use jwks_uri_not_https::JWKS_URI_NOT_HTTPS;
pub use missing_recommended::MISSING_RECOMMENDED_MEMBER;
pub use missing_resource::MISSING_RESOURCE;
pub use resource_fragment::RESOURCE_FRAGMENT;
pub use resource_metadata_url::RESOURCE_METADATA_URL;
pub use resource_not_https::RESOURCE_NOT_HTTPS;
pub use resource_query::RESOURCE_QUERY;

use crate::json::Node;
use crate::rules::util::{is_loopback, parse_url, str_member};
use crate::rules::{Ctx, Rule};

/// The `PRM` rules; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &MISSING_RESOURCE,
    &RESOURCE_NOT_HTTPS,
    &RESOURCE_FRAGMENT,
    &RESOURCE_QUERY,
    &RESOURCE_METADATA_URL,
    &AUTHORIZATION_SERVER_NOT_ISSUER,
    &AUTHORIZATION_SERVER_METADATA_URL,
    &JWKS_URI_NOT_HTTPS,
    &INSECURE_PAGE_URL,
    &BEARER_TOKEN_IN_QUERY,
    &MISSING_RECOMMENDED_MEMBER,
    &HTTP_ON_LOOPBACK,
];

/// Runs the `PRM` rules on protected resource metadata.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    missing_resource::check(ctx);
    resource_not_https::check(ctx);
    resource_fragment::check(ctx);
    resource_query::check(ctx);
    resource_metadata_url::check(ctx);
    authorization_server_issuer::check(ctx);
    authorization_server_metadata_url::check(ctx);
    jwks_uri_not_https::check(ctx);
    insecure_page_url::check(ctx);
    bearer_query::check(ctx);
    missing_recommended::check(ctx);
    http_on_loopback::check(ctx);
}

/// The `resource` member as a parsed absolute URL (absent, non-string or relative: `None`; the
/// last two are `SCH001`/`SCH002`'s job).
fn resource_url<'o, 'a>(ctx: &Ctx<'o, 'a>) -> Option<(&'o Node<'a>, &'o str, std::rc::Rc<url::Url>)> {
    let (node, value) = str_member(ctx.object(), "resource")?;
    Some((node, value, parse_url(value)?))
}

/// A development document: its `resource` is on a loopback host (`localhost`, `*.localhost`,
/// `127.0.0.0/8`, `[::1]`), like a local MCP server's.
fn is_development(ctx: &Ctx<'_, '_>) -> bool {
    resource_url(ctx).is_some_and(|(_, _, url)| is_loopback(&url))
}

/// An `http` URL on a loopback host in a development document: `PRM012`'s warning, not an error
/// (the same policy as for servers: RFC 8252's loopback exception is for redirect URIs only, but a
/// local development document is not served to anyone else).
fn is_local_http(ctx: &Ctx<'_, '_>, url: &url::Url) -> bool {
    url.scheme() == "http" && is_loopback(url) && is_development(ctx)
}

/// The URL with the first occurrence of a well-known path segment removed: the identifier a
/// metadata URL was derived from (RFC 9728 §3.1, RFC 8414 §3.1).
fn strip_well_known(value: &str, segment: &str) -> String {
    let stripped = value.replacen(segment, "", 1);
    stripped.strip_suffix('/').map_or(stripped.clone(), str::to_owned)
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::document::Kind;
    use crate::lint::{LintOptions, Origin, lint_bytes};

    /// The findings of one rule on a protected resource metadata document, as
    /// `pointer message | help` lines.
    pub(crate) fn findings(json: &str, code: &str) -> Vec<String> {
        let options = LintOptions {
            kind: Some(Kind::Resource),
            ..LintOptions::default()
        };
        let report = lint_bytes("test.json", json.as_bytes().to_vec(), Origin::Explicit, &options, None);
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule.code == code)
            .map(|d| {
                let pointer = if d.pointer.is_empty() { "\"\"" } else { &d.pointer };
                format!("{pointer} {} | {}", d.message, d.help.as_deref().unwrap_or(""))
            })
            .collect()
    }
}
