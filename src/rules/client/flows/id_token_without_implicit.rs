//! CLI026: an `id_token` response type without the `implicit` grant type.

use super::model::{Client, DEFAULT_GRANT_TYPE};
use super::values::needs_implicit_for_id_token;
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI026: an `id_token` or `code id_token` response type without `implicit` in `grant_types`.
pub static ID_TOKEN_WITHOUT_IMPLICIT: Rule = Rule {
    code: "CLI026",
    name: "id-token-without-implicit",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "An `id_token` or `code id_token` response type without `implicit` in `grant_types`",
    profile: None,
    docs: r#"## What it does
Reports elements of `response_types` that contain `id_token` but not `token` (`id_token`,
`code id_token`) when the client's grant types — `grant_types`, or `["authorization_code"]` when it
is omitted — do not include `implicit`. Response types with `token` are `CLI020`'s (an error).

## Why is this bad?
OpenID Connect Registration §2 lists the grant types each response type "MUST" include in
`grant_types`: `implicit` for `id_token`, `authorization_code` and `implicit` for `code id_token`.
Servers that enforce the table (node-oidc-provider, for one) refuse the registration with
`invalid_client_metadata`.

Which reading, and why a warning: the requirement exists only in OpenID Connect's table (RFC 7591
§2.1 has no `id_token` row and only asks servers to refuse inconsistent registrations with a
SHOULD), no access token comes from the authorization endpoint with these response types, and
whole ecosystems deliberately register `code id_token` with `["authorization_code",
"client_credentials"]` (the Open Banking UK and Open Finance Brasil FAPI 1 profiles), which their
servers accept. So it is reported as a likely interoperability problem, not as an error.

## Example
```json
{ "response_types": ["code id_token"], "grant_types": ["authorization_code", "client_credentials"] }
```

## Use instead
```json
{ "response_types": ["code id_token"], "grant_types": ["authorization_code", "implicit", "client_credentials"] }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`grant_types`)
- RFC 7591 §2.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if client.has_grant_type("implicit") {
        return;
    }
    for (index, node, response_type) in client.explicit_response_types() {
        if !needs_implicit_for_id_token(response_type) {
            continue;
        }
        let in_force = match &client.grant_types {
            Some(_) => "`grant_types` does not include it".to_owned(),
            None => format!("`grant_types` is omitted, so only \"{DEFAULT_GRANT_TYPE}\" applies"),
        };
        let diagnostic = ctx.report(
            &ID_TOKEN_WITHOUT_IMPLICIT,
            node.span,
            util::ptr_index("response_types", *index),
            format!(
                "response type \"{response_type}\" needs the grant type \"implicit\" (OpenID Connect Registration §2), but {in_force}"
            ),
        );
        if let Some((grant_node, _)) = &client.grant_types {
            diagnostic.related(grant_node.span, util::ptr("grant_types"), "the client's grant types");
        }
        diagnostic.help("add \"implicit\" to `grant_types` if the server enforces the OpenID Connect table");
    }
}
