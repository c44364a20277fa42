//! FAPI003: client authentication other than `private_key_jwt` or mutual TLS.

use super::{ALLOWED_AUTH_METHODS, defers_to_software_statement};
use crate::diagnostic::Severity;
use crate::registry;
use crate::rules::server::is_token_issuer_only;
use crate::rules::util::{ptr, ptr_index, str_array, str_member};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// FAPI003: client authentication other than `private_key_jwt`, `tls_client_auth` or `self_signed_tls_client_auth`.
pub static FAPI_CLIENT_AUTH_METHOD: Rule = Rule {
    code: "FAPI003",
    name: "fapi2-client-auth-method",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "Client authentication other than `private_key_jwt`, `tls_client_auth` or `self_signed_tls_client_auth`",
    profile: Some(Profile::Fapi2),
    docs: r#"## What it does
Under `--profile fapi2`, reports authentication methods outside `private_key_jwt`,
`tls_client_auth` and `self_signed_tls_client_auth`:
- in a server's `token_endpoint_auth_methods_supported`, `revocation_endpoint_auth_methods_supported`
  and `introspection_endpoint_auth_methods_supported` (one finding per list, at the first such
  method), and an omitted `token_endpoint_auth_methods_supported` when there is a
  `token_endpoint`, because its default is `["client_secret_basic"]` (RFC 8414 §2; the other two
  lists have no default: "determined by other means");
- in a client's `token_endpoint_auth_method`, and its absence, which means `client_secret_basic`
  (RFC 7591 §2). A document that carries a `software_statement`, or is a statement's claim set,
  may set the method in the statement and is not reported for the absence.

Names that are not registered methods (`private-key-jwt`, `windows_client_authentication`) are
left to `ALG007`, which names the fix or says the name is unknown.
An access token type in the introspection list (`Bearer`, `DPoP`: how resource servers
authenticate, RFC 8414 §2) and an ID Token issuer without a token endpoint (`SRV032`) are not
reported.

## Why is this bad?
FAPI 2.0 §5.3.2.1: the authorization server "shall only support confidential clients" (item 3)
and "shall authenticate clients using one of the following methods: MTLS as specified in Section 2
of RFC 8705, or `private_key_jwt` as specified in Section 9 of OIDC" (item 6); clients support the
same methods (§5.3.3.1 item 2). Shared secrets (`client_secret_basic`, `client_secret_post`,
`client_secret_jwt`) can be replayed by whoever learns them and must be stored by the server;
`none` is a public client, which FAPI 2.0 excludes (§5.1.1, Introduction).

## Example
```json
{ "token_endpoint_auth_methods_supported": ["private_key_jwt", "client_secret_basic"] }
```

## Use instead
```json
{ "token_endpoint_auth_methods_supported": ["private_key_jwt", "tls_client_auth"] }
```

## References
- FAPI 2.0 Security Profile §5.3.2.1 items 3 and 6; §5.3.3.1 item 2
- RFC 8705 §2 (`tls_client_auth`, `self_signed_tls_client_auth`); OpenID Connect Core 1.0 §9
- RFC 8414 §2 and RFC 7591 §2 (the `client_secret_basic` defaults)
"#,
};

/// The server's method lists, each with the endpoint whose presence makes the list's default
/// `["client_secret_basic"]` apply (RFC 8414 §2 gives a default to the token endpoint's only).
const SERVER_LISTS: &[(&str, Option<&str>)] = &[
    ("token_endpoint_auth_methods_supported", Some("token_endpoint")),
    ("revocation_endpoint_auth_methods_supported", None),
    ("introspection_endpoint_auth_methods_supported", None),
];

/// RFC 8414 §2: introspection may be authenticated with an access token of a registered type
/// (`Bearer`, `DPoP`): that is the resource server's credential, not client authentication.
fn is_token_type(value: &str) -> bool {
    registry::values(registry::tables::OAUTH_ACCESS_TOKEN_TYPES).any(|t| t.eq_ignore_ascii_case(value))
}

/// A registered method outside the allowed set. Unregistered names are `ALG007`'s (it names the
/// registered method meant, or says the name is unknown); extension URIs are left alone too.
fn disallowed(method: &str) -> bool {
    !ALLOWED_AUTH_METHODS.contains(&method)
        && registry::contains(registry::tables::OAUTH_TOKEN_ENDPOINT_AUTH_METHODS, method)
}

pub(super) fn check_server(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if is_token_issuer_only(obj) {
        return;
    }
    for &(list, endpoint) in SERVER_LISTS {
        match str_array(obj, list) {
            Some((_, items)) => {
                let bad: Vec<_> = items
                    .iter()
                    .filter(|(_, _, m)| disallowed(m) && !(list.starts_with("introspection") && is_token_type(m)))
                    .collect();
                let Some((index, node, _)) = bad.first() else {
                    continue;
                };
                let names: Vec<String> = bad.iter().map(|(_, _, m)| format!("\"{m}\"")).collect();
                let d = ctx.report(
                    &FAPI_CLIENT_AUTH_METHOD,
                    node.span,
                    ptr_index(list, *index),
                    format!(
                        "`{list}` offers client authentication FAPI 2.0 does not allow: {}",
                        names.join(", ")
                    ),
                );
                d.help("offer only `private_key_jwt`, `tls_client_auth` and `self_signed_tls_client_auth`");
                for (index, node, _) in bad.iter().skip(1) {
                    d.related(node.span, ptr_index(list, *index), "not allowed either");
                }
            }
            None => {
                let Some(endpoint) = endpoint else {
                    continue;
                };
                if obj.contains(list) || obj.get(endpoint).and_then(|n| n.as_str()).is_none() {
                    continue;
                }
                ctx.report(
                    &FAPI_CLIENT_AUTH_METHOD,
                    ctx.root.span,
                    "",
                    format!("`{list}` is omitted, so `{endpoint}` offers its default \"client_secret_basic\", which FAPI 2.0 does not allow"),
                )
                .help(format!(
                    "declare `\"{list}\": [\"private_key_jwt\", \"tls_client_auth\"]` (or the subset you support)"
                ));
            }
        }
    }
}

pub(super) fn check_client(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    match str_member(obj, "token_endpoint_auth_method") {
        Some((node, method)) if disallowed(method) => {
            ctx.report(
                &FAPI_CLIENT_AUTH_METHOD,
                node.span,
                ptr("token_endpoint_auth_method"),
                format!("`token_endpoint_auth_method` is \"{method}\", which FAPI 2.0 does not allow"),
            )
            .help(
                "authenticate with `private_key_jwt` or mutual TLS (`tls_client_auth`, `self_signed_tls_client_auth`)",
            );
        }
        None if !obj.contains("token_endpoint_auth_method") && !defers_to_software_statement(ctx) => {
            ctx.report(
                &FAPI_CLIENT_AUTH_METHOD,
                ctx.root.span,
                "",
                "`token_endpoint_auth_method` is omitted, so the client uses the default \"client_secret_basic\", which FAPI 2.0 does not allow",
            )
            .help("set `\"token_endpoint_auth_method\": \"private_key_jwt\"` (with `jwks` or `jwks_uri`) or a mutual TLS method");
        }
        Some(_) | None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods() {
        assert!(!disallowed("private_key_jwt") && !disallowed("private-key-jwt") && !disallowed("POST"));
        assert!(disallowed("client_secret_basic") && disallowed("none") && disallowed("client_secret_jwt"));
    }
}
