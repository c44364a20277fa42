//! SRV016: each `scopes_supported` entry is one scope token (RFC 6749 §3.3, Appendix A.4).

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV016: a `scopes_supported` entry is not a single scope token.
pub static INVALID_SCOPE_TOKEN: Rule = Rule {
    code: "SRV016",
    name: "invalid-scope-token",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A `scopes_supported` entry is not a single scope token",
    profile: None,
    docs: r#"## What it does
Checks each `scopes_supported` entry against the scope-token syntax of RFC 6749 Appendix A.4:
one or more printable ASCII characters other than space, `"` and `\`
(`scope-token = 1*NQCHAR`, `NQCHAR = %x21 / %x23-5B / %x5D-7E`). An entry with a space is two
scopes written as one; an empty entry, a non-ASCII character, a quote or a backslash cannot be
sent at all.

## Why is this bad?
The `scope` request parameter is a space-delimited list of scope tokens (RFC 6749 §3.3), so a
server can never receive `"read write"` as one scope: a client that copies the advertised value
asks for two scopes, `read` and `write`, which may not exist. Characters outside the grammar are
rejected or mangled by servers and clients.

## Example
```json
{ "scopes_supported": ["openid", "read write", "café"] }
```

## Use instead
```json
{ "scopes_supported": ["openid", "read", "write", "cafe"] }
```

## References
- RFC 6749 §3.3, Appendix A.4
- RFC 8414 §2 (`scopes_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "scopes_supported") else {
        return;
    };
    for (index, node, scope) in items {
        let problem = if scope.is_empty() {
            Some("is empty".to_owned())
        } else if scope.contains(' ') {
            Some(format!(
                "contains a space: it is {} scopes, not one",
                scope.split(' ').filter(|s| !s.is_empty()).count()
            ))
        } else {
            scope
                .chars()
                .find(|c| !is_nqchar(*c))
                .map(|c| format!("contains {}, which a scope token cannot", describe_char(c)))
        };
        if let Some(problem) = problem {
            let help = if scope.contains(' ') {
                "list each scope as its own entry"
            } else {
                "use printable ASCII without spaces, `\"` or `\\`"
            };
            ctx.report(
                &INVALID_SCOPE_TOKEN,
                node.span,
                ptr_index("scopes_supported", index),
                format!("scope {scope:?} {problem}"),
            )
            .help(help);
        }
    }
}

/// `NQCHAR = %x21 / %x23-5B / %x5D-7E` (RFC 6749 Appendix A).
fn is_nqchar(c: char) -> bool {
    matches!(c, '\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e')
}

fn describe_char(c: char) -> String {
    match c {
        '"' => "a double quote".into(),
        '\\' => "a backslash".into(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("`{c}` (U+{:04X})", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nqchar() {
        assert!("profile:verified_at".chars().all(is_nqchar));
        assert!("https://api.example.com/read".chars().all(is_nqchar));
        assert!(!is_nqchar(' ') && !is_nqchar('"') && !is_nqchar('\\') && !is_nqchar('é') && !is_nqchar('\t'));
    }
}
