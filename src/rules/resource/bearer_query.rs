//! PRM010: the protected resource accepts bearer tokens in the query string.

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// PRM010: `bearer_methods_supported` includes `query` (access tokens in URLs).
pub static BEARER_TOKEN_IN_QUERY: Rule = Rule {
    code: "PRM010",
    name: "bearer-token-in-query",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "`bearer_methods_supported` includes `query` (access tokens in URLs)",
    profile: None,
    docs: r#"## What it does
Reports `query` in `bearer_methods_supported`. (Values outside `header`, `body`, `query` are
`SCH001`'s.)

## Why is this bad?
A token in the query string ends up in server and proxy logs, browser history and `Referer`
headers. RFC 6750 §2.3 says the URI query method "SHOULD NOT be used unless it is impossible to
transport the access token in the "Authorization" request header field or the HTTP request
entity-body", §5.3 says bearer tokens "SHOULD NOT be passed in page URLs", and OAuth 2.1 drops the
method altogether.

## Example
```json
{ "resource": "https://api.example.com", "bearer_methods_supported": ["header", "query"] }
```

## Use instead
```json
{ "resource": "https://api.example.com", "bearer_methods_supported": ["header"] }
```

## References
- RFC 9728 §2 (`bearer_methods_supported`); RFC 6750 §2.3, §5.3
- draft-ietf-oauth-v2-1 (only the header and form body methods remain)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "bearer_methods_supported") else {
        return;
    };
    let Some((index, node, _)) = items.into_iter().find(|(_, _, v)| *v == "query") else {
        return;
    };
    ctx.report(
        &BEARER_TOKEN_IN_QUERY,
        node.span,
        ptr_index("bearer_methods_supported", index),
        "the resource accepts access tokens in the URL query (`query`)",
    )
    .help("accept tokens in the Authorization header (`header`) only, or in the form body (`body`) when a header is impossible");
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn query_method() {
        assert_eq!(
            findings(
                r#"{"resource": "https://api.example.com", "bearer_methods_supported": ["header", "query"]}"#,
                "PRM010"
            ),
            [
                "/bearer_methods_supported/1 the resource accepts access tokens in the URL query (`query`) | accept tokens in the Authorization header (`header`) only, or in the form body (`body`) when a header is impossible"
            ]
        );
        assert!(
            findings(
                r#"{"resource": "https://api.example.com", "bearer_methods_supported": ["header"]}"#,
                "PRM010"
            )
            .is_empty()
        );
    }
}
