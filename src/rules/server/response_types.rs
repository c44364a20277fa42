//! SRV018: `response_types_supported` entries are registered response types, compared as
//! unordered sets of tokens.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::registry::{self, tables};
use crate::rules::server::response_type_tokens;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV018: a `response_types_supported` entry is not a registered response type.
pub static UNKNOWN_RESPONSE_TYPE: Rule = Rule {
    code: "SRV018",
    name: "unknown-response-type",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A `response_types_supported` entry is not a registered response type",
    profile: None,
    docs: r#"## What it does
Reads each `response_types_supported` entry as a response type: a set of space-separated tokens
whose order does not matter (`id_token code` is `code id_token`, RFC 6749 §3.1.1). It reports:
- a token that no registered response type uses (`id-token`, `code_id_token`), with a suggestion;
- a token repeated in one entry (`code code`), or stray spaces (`code  token`, ` code`);
- a combination of registered tokens that is not itself registered (`none code`,
  `vp_token token`).

The registered response types are those of the IANA "OAuth Authorization Endpoint Response Types"
registry: `code`, `token`, `id_token`, `none`, `vp_token` and their registered combinations.

## Why is this bad?
A client compares its response type with this list as a set of tokens; a misspelt token matches
nothing, so the server seems not to support the flow it does support (or a client builds requests
the server rejects with `unsupported_response_type`). New response types are registered
(RFC 6749 §8.4), so an unregistered one is almost always a typo; a private extension stays
possible, which is why this is a warning.

## Example
```json
{ "response_types_supported": ["code", "code_id_token", "id_token  token"] }
```

## Use instead
```json
{ "response_types_supported": ["code", "code id_token", "id_token token"] }
```

## References
- RFC 6749 §3.1.1, §8.4; OAuth 2.0 Multiple Response Type Encoding Practices §3, §4, §5
- RFC 8414 §2 (`response_types_supported`); RFC 7591 §2
- IANA OAuth Authorization Endpoint Response Types registry
"#,
};

/// The registered response types as token sets.
static REGISTERED: LazyLock<Vec<BTreeSet<&'static str>>> = LazyLock::new(|| {
    registry::values(tables::OAUTH_RESPONSE_TYPES)
        .map(|v| v.split(' ').collect())
        .collect()
});

/// Every token that some registered response type uses.
static TOKENS: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| REGISTERED.iter().flatten().copied().collect());

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "response_types_supported") else {
        return;
    };
    for (index, node, value) in items {
        // Most entries are written exactly as registered: nothing to check.
        if registry::contains(tables::OAUTH_RESPONSE_TYPES, value) {
            continue;
        }
        let pointer = ptr_index("response_types_supported", index);
        let tokens: Vec<&str> = response_type_tokens(value).collect();
        if let Some(unknown) = tokens.iter().find(|t| !TOKENS.contains(*t)) {
            let d = ctx.report(
                &UNKNOWN_RESPONSE_TYPE,
                node.span,
                pointer,
                format!("{value:?} is not a registered response type: `{unknown}` is no response type token"),
            );
            match suggestion(value) {
                Some(s) => d.help(format!("did you mean {s:?}?")),
                None => d.help("use registered tokens (`code`, `token`, `id_token`, `none`, `vp_token`) separated by single spaces"),
            };
            continue;
        }
        let set: BTreeSet<&str> = tokens.iter().copied().collect();
        if tokens.is_empty() || value.starts_with(' ') || value.ends_with(' ') || value.contains("  ") {
            ctx.report(
                &UNKNOWN_RESPONSE_TYPE,
                node.span,
                pointer,
                format!("{value:?} is not a well-formed response type: tokens are separated by single spaces"),
            )
            .help(if tokens.is_empty() {
                "remove the empty entry".to_owned()
            } else {
                format!("write {:?}", tokens.join(" "))
            });
        } else if set.len() != tokens.len() {
            ctx.report(
                &UNKNOWN_RESPONSE_TYPE,
                node.span,
                pointer,
                format!("{value:?} repeats a token"),
            )
            .help(format!("write {:?}", set.iter().copied().collect::<Vec<_>>().join(" ")));
        } else if !REGISTERED.contains(&set) {
            ctx.report(
                &UNKNOWN_RESPONSE_TYPE,
                node.span,
                pointer,
                format!("{value:?} is not a registered combination of response type tokens"),
            )
            .help("list the registered response types the server supports (`none` and `vp_token` combine only as registered)");
        }
    }
}

/// A registered response type that the value is a spelling of: another separator (`code_id_token`,
/// `code+id_token`, `code,id_token`), another case, or `-` for `_` (`id-token`).
fn suggestion(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase().replace('-', "_");
    let normalized: Vec<String> = lower
        .split([' ', '+', ','])
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    let matches_registered = |tokens: &[String]| -> Option<String> {
        let set: BTreeSet<&str> = tokens.iter().map(String::as_str).collect();
        REGISTERED.contains(&set).then(|| tokens.join(" "))
    };
    if let Some(s) = matches_registered(&normalized) {
        return Some(s);
    }
    // `code_id_token`: split on `_` between tokens, keeping the `_` inside `id_token`/`vp_token`.
    let glued = lower.replace(['+', ','], " ");
    let mut tokens = Vec::new();
    for word in glued.split(' ').filter(|w| !w.is_empty()) {
        let mut rest = word;
        while !rest.is_empty() {
            let next = TOKENS
                .iter()
                .filter(|t| rest.starts_with(**t))
                .max_by_key(|t| t.len())?;
            tokens.push((*next).to_owned());
            rest = rest[next.len()..].trim_start_matches('_');
        }
    }
    matches_registered(&tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggestion("code_id_token").as_deref(), Some("code id_token"));
        assert_eq!(suggestion("Code+ID_Token").as_deref(), Some("code id_token"));
        assert_eq!(suggestion("id-token").as_deref(), Some("id_token"));
        assert_eq!(suggestion("token_id_token").as_deref(), Some("token id_token"));
        assert_eq!(suggestion("bearer"), None);
    }

    #[test]
    fn registered_sets_are_unordered() {
        let set: BTreeSet<&str> = "token id_token code".split(' ').collect();
        assert!(REGISTERED.contains(&set));
    }
}
