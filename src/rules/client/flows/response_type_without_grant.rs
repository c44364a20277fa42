//! CLI020: a response type whose grant type is not among the client's grant types.

use super::model::{Client, DEFAULT_GRANT_TYPE};
use super::values::grant_types_for_response_type;
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI020: a `code` or `token` response type needs a grant type that `grant_types` does not include.
pub static RESPONSE_TYPE_WITHOUT_GRANT_TYPE: Rule = Rule {
    code: "CLI020",
    name: "response-type-without-grant-type",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A `code` or `token` response type needs a grant type that `grant_types` does not include",
    profile: None,
    docs: r#"## What it does
For each element of `response_types`, derives the grant types it needs by the RFC 7591 §2.1
table and reports those missing from the client's grant types — `grant_types`, or
`["authorization_code"]` when it is omitted:

| response type contains | grant type needed |
|---|---|
| `code` | `authorization_code` |
| `token` | `implicit` |

So `code token` needs both. OpenID Connect's extra row, `id_token` → `implicit`, is `CLI026`
(a warning). Unknown tokens are `CLI022`'s business; `none` and `vp_token` need no grant type.

When `response_types` is omitted, its default (`["code"]`) is not checked against the grant types:
a client with only `client_credentials` uses no response type at all. The opposite direction (a
grant type with no response type to obtain it) is `CLI021`.

## Why is this bad?
The response type starts a grant the client is not registered for. A `code` obtained at the
authorization endpoint is exchanged with `grant_type=authorization_code`, which the token endpoint
refuses to a client without that grant type (`unauthorized_client`, RFC 6749 §5.2); a `token`
response is the implicit grant itself. RFC 7591 §2.1 ties the values together ("a `grant_types`
value that includes `authorization_code` implies a `response_types` value that includes `code`")
and asks servers to refuse such inconsistent registrations with `invalid_client_metadata`
(§3.2.2 gives this very case as its example); OpenID Connect Registration §2 says the grant types
of its table "MUST be included in the registered `grant_types` list".

## Example
```json
{ "response_types": ["code", "code token"], "grant_types": ["authorization_code", "refresh_token"] }
```

## Use instead
```json
{ "response_types": ["code"], "grant_types": ["authorization_code", "refresh_token"] }
```
(or add `implicit`, accepting `CLI025`'s warning about access tokens in the front channel).

## References
- RFC 7591 §2, §2.1, §3.2.2
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`grant_types`)
- RFC 6749 §4.1.3, §5.2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    // A set: a hostile document can list 300,000 grant and response types.
    let grants: std::collections::HashSet<&str> = client.effective_grant_types().into_iter().collect();
    for (index, node, response_type) in client.explicit_response_types() {
        for needed in grant_types_for_response_type(response_type) {
            if grants.contains(&needed) {
                continue;
            }
            let in_force = match &client.grant_types {
                Some(_) => "`grant_types` does not include it".to_owned(),
                None => format!("`grant_types` is omitted, so only \"{DEFAULT_GRANT_TYPE}\" applies"),
            };
            let diagnostic = ctx.report(
                &RESPONSE_TYPE_WITHOUT_GRANT_TYPE,
                node.span,
                util::ptr_index("response_types", *index),
                format!("response type \"{response_type}\" needs the grant type \"{needed}\", but {in_force}"),
            );
            if let Some((grant_node, _)) = &client.grant_types {
                diagnostic.related(grant_node.span, util::ptr("grant_types"), "the client's grant types");
            }
            diagnostic.help(format!(
                "add \"{needed}\" to `grant_types`, or remove \"{response_type}\""
            ));
        }
    }
}
