//! CLI022: a response type that is not a registered response type.

use super::model::Client;
use super::values::{ResponseTypeProblem, check_response_type};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI022: a response type has an unknown token, a bad separator, a repeated token or an unregistered combination.
pub static INVALID_RESPONSE_TYPE: Rule = Rule {
    code: "CLI022",
    name: "invalid-response-type",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A response type has an unknown token, a bad separator, a repeated token or an unregistered combination",
    profile: None,
    docs: r#"## What it does
Checks each element of `response_types`. A response type is a set of tokens separated by single
spaces, in any order (RFC 6749 §3.1.1, Appendix A.3); the registered ones (IANA "OAuth
Authorization Endpoint Response Types") are `code`, `token`, `id_token`, `none`, their hybrid
combinations `code id_token`, `code token`, `id_token token`, `code id_token token`, and
OpenID4VP's `vp_token` and `vp_token id_token`. Reported, one finding per element:
- an empty value;
- tokens separated by commas, `+`, tabs or several spaces (`code,id_token`), with the value
  written correctly when the tokens are known;
- an unknown token (`id-token`, `Code`), with "did you mean";
- a token listed twice (`code code`);
- known tokens in an unregistered combination (`code none`).

`id_token code` is the registered `code id_token`: order does not matter and is not reported.

The finding is an **error** when the value breaks the response type syntax of RFC 6749 Appendix
A.3 (`response-type = response-name *( SP response-name )`, `response-char = "_" / DIGIT / ALPHA`):
an empty value, a separator other than a single space, or a character outside letters, digits and
`_` (`id-token`). No extension can have such a name, so the value can never work.

## Why is this bad?
Servers compare response types as token sets against what they support. A value they do not know
is refused at registration or, worse, registered and then refused in every authorization
request. Extension response types exist (RFC 6749 §8.4), hence a warning rather than an error for
well-formed values that are not registered.

## Example
```json
{ "response_types": ["code,id_token", "id-token"] }
```

## Use instead
```json
{ "response_types": ["code id_token", "id_token"] }
```

## References
- RFC 6749 §3.1.1, §8.4, Appendix A.3
- OAuth 2.0 Multiple Response Type Encoding Practices §2.2, §4, §5
- IANA OAuth Authorization Endpoint Response Types registry
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    for (index, node, value) in client.explicit_response_types() {
        let Err(problem) = check_response_type(value) else {
            continue;
        };
        let (message, help) = match problem {
            ResponseTypeProblem::Empty => (
                "response type is empty".to_owned(),
                "remove the empty element, or write the response type (e.g. \"code\")".to_owned(),
            ),
            ResponseTypeProblem::BadSeparator(fixed) => (
                format!("response type \"{value}\" is not separated by single spaces"),
                match fixed {
                    Some(fixed) => format!("did you mean \"{fixed}\"?"),
                    None => "separate the tokens of a response type with single spaces".to_owned(),
                },
            ),
            ResponseTypeProblem::UnknownToken(token, suggestion) => (
                format!("response type \"{value}\" has the unknown token `{token}`"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "registered tokens are `code`, `token`, `id_token`, `none` and `vp_token`".to_owned(),
                },
            ),
            ResponseTypeProblem::DuplicateToken(token) => (
                format!("response type \"{value}\" lists `{token}` twice"),
                format!("list `{token}` once"),
            ),
            ResponseTypeProblem::UnregisteredCombination => (
                format!("response type \"{value}\" is not a registered combination"),
                "registered response types are code, token, id_token, none, the hybrid combinations of \
                 code, id_token and token, vp_token and \"vp_token id_token\""
                    .to_owned(),
            ),
        };
        let finding = ctx
            .report(
                &INVALID_RESPONSE_TYPE,
                node.span,
                util::ptr_index("response_types", *index),
                message,
            )
            .help(help);
        if !is_well_formed(value) {
            finding.severity(Severity::Error);
        }
    }
}

/// Whether the value follows the response type syntax of RFC 6749 Appendix A.3: one or more
/// `response-name`s (letters, digits and `_`) separated by single spaces.
fn is_well_formed(value: &str) -> bool {
    value
        .split(' ')
        .all(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::is_well_formed;

    #[test]
    fn response_type_syntax() {
        for ok in ["code", "code id_token", "vp_token", "Code", "code code", "x_custom1"] {
            assert!(is_well_formed(ok), "{ok}");
        }
        for bad in [
            "",
            " ",
            "code,id_token",
            "code+token",
            "code  token",
            " code",
            "code\ttoken",
            "id-token",
            "codé",
        ] {
            assert!(!is_well_formed(bad), "{bad:?}");
        }
    }
}
