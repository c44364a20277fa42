//! CLI021: a grant type that no response type of the client can obtain.

use super::model::{Client, response_tokens};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI021: `authorization_code` or `implicit` is listed, but no response type obtains it.
pub static GRANT_TYPE_WITHOUT_RESPONSE_TYPE: Rule = Rule {
    code: "CLI021",
    name: "grant-type-without-response-type",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`authorization_code` or `implicit` is listed, but no response type obtains it",
    profile: None,
    docs: r#"## What it does
Reports an `authorization_code` element of `grant_types` when no response type of the client
contains `code`, and an `implicit` element when none contains `token` or `id_token`. The client's
response types are `response_types`, or `["code"]` when it is omitted.

## Why is this bad?
RFC 7591 §2.1: "a `grant_types` value that includes `authorization_code` implies a
`response_types` value that includes `code`"; the registration is in the "inconsistent state" the
section asks servers to refuse. Either the grant type is dead weight, or (more often) a response
type is missing and the flow the developer meant cannot start. A warning, because the grant type
alone does no harm.

## Example
```json
{ "grant_types": ["implicit"], "redirect_uris": ["https://app.example/cb"] }
```
(`response_types` defaults to `["code"]`, which the implicit grant does not use.)

## Use instead
```json
{ "grant_types": ["authorization_code"], "response_types": ["code"], "redirect_uris": ["https://app.example/cb"] }
```

## References
- RFC 7591 §2, §2.1
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`grant_types`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    let Some((_, grants)) = &client.grant_types else {
        return;
    };
    let response_types = client.effective_response_types();
    let any_token = |wanted: &[&str]| {
        response_types
            .iter()
            .any(|rt| response_tokens(rt).any(|t| wanted.contains(&t)))
    };
    for (index, node, grant) in grants {
        let (ok, obtained_by) = match *grant {
            "authorization_code" => (any_token(&["code"]), "a response type containing `code`"),
            "implicit" => (
                any_token(&["token", "id_token"]),
                "a response type containing `token` or `id_token`",
            ),
            _ => continue,
        };
        if ok {
            continue;
        }
        let listed = if client.response_types.is_some() {
            format!("`response_types` is {response_types:?}")
        } else {
            "`response_types` is omitted, so only \"code\" applies".to_owned()
        };
        ctx.report(
            &GRANT_TYPE_WITHOUT_RESPONSE_TYPE,
            node.span,
            util::ptr_index("grant_types", *index),
            format!("grant type \"{grant}\" is obtained with {obtained_by}, but {listed}"),
        )
        .help(format!(
            "add the matching response type to `response_types`, or remove \"{grant}\""
        ));
    }
}
