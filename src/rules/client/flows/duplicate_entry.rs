//! CLI012: the same value twice in a redirect URI, grant type or response type list.

use std::collections::HashMap;

use super::model::response_tokens;
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI012: a redirect URI, grant type or response type is listed twice.
pub static DUPLICATE_ENTRY: Rule = Rule {
    code: "CLI012",
    name: "duplicate-entry",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A redirect URI, grant type or response type is listed twice",
    profile: None,
    docs: r#"## What it does
Reports an element of `redirect_uris`, `post_logout_redirect_uris`, `request_uris` or
`grant_types` equal to an earlier one, and an element of `response_types` that is the same set of
tokens as an earlier one (`"id_token code"` repeats `"code id_token"`: RFC 6749 §3.1.1 says the
order of the space-delimited values does not matter).

## Why is this bad?
It does no harm by itself, but it is noise that hides what the registration means, and it is often
the trace of an edit that meant to change one of the copies (a staging URL replaced by production
in one place only). Some servers reject registrations with duplicates.

## Example
```json
{ "redirect_uris": ["https://app.example/cb", "https://app.example/cb"], "response_types": ["code id_token", "id_token code"] }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "response_types": ["code id_token"] }
```

## References
- RFC 7591 §2; RFC 6749 §3.1.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for member in [
        "redirect_uris",
        "post_logout_redirect_uris",
        "request_uris",
        "grant_types",
        "response_types",
    ] {
        let Some((_, items)) = util::str_array(ctx.object(), member) else {
            continue;
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, node, value) in items {
            let key = if member == "response_types" {
                let mut tokens: Vec<&str> = response_tokens(value).collect();
                tokens.sort_unstable();
                tokens.join(" ")
            } else {
                value.to_owned()
            };
            let Some(&first) = seen.get(&key) else {
                seen.insert(key, index);
                continue;
            };
            let first_node = &ctx.object().get(member).and_then(|n| n.as_array()).expect("an array")[first];
            let same = if first_node.as_str() == Some(value) {
                "repeats"
            } else {
                "is the same token set as"
            };
            ctx.report(
                &DUPLICATE_ENTRY,
                node.span,
                util::ptr_index(member, index),
                format!("`{member}` element {index} {same} element {first}: \"{value}\""),
            )
            .related(first_node.span, util::ptr_index(member, first), "first listed here")
            .help("remove the duplicate");
        }
    }
}
