//! JWK007: a binary JWK member that is not unpadded base64url.

use super::base64::{ProblemKind, decode_lenient, decode_url};
use super::{JwkSet, span_in_string};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};
use crate::secrets::PRIVATE_JWK_MEMBERS;

/// JWK007: a binary JWK member is not unpadded base64url.
pub static INVALID_BASE64URL: Rule = Rule {
    code: "JWK007",
    name: "invalid-base64url",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A binary JWK member is not unpadded base64url",
    profile: None,
    docs: r#"## What it does
Checks that the binary members of each key are base64url without padding: `n`, `e`, `x`, `y`,
`pub`, `x5t`, `x5t#S256`, and the private members `d`, `p`, `q`, `dp`, `dq`, `qi`, `k`, `priv`
(whose values are never printed). It reports the first offending character and points at it: the
standard base64 alphabet (`+`, `/`), `=` padding, whitespace or line breaks, any other character,
or a length no encoding produces. An RSA `n` or `e` that also starts with a zero byte (JWK009) says
so in the same finding. Members that do not belong to the key's type (`n` on an `oct` key) are not
checked. `x5c` is standard base64 and is JWK024's.

## Why is this bad?
JOSE encodes binary values with "the URL- and filename-safe character set … with all trailing '='
characters omitted … and without the inclusion of any line breaks, whitespace, or other additional
characters" (RFC 7515 §2), and every key member is defined that way (RFC 7518 §6.2, §6.3, §6.4;
RFC 8037 §2; RFC 9964 §3). Strict decoders reject anything else; lenient ones disagree on what the
key is (and on its RFC 7638 thumbprint).

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "0vx7agoebGcQSuu+PLU4/…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "0vx7agoebGcQSuu-PLU4_…", "e": "AQAB" } ] }
```

## References
- RFC 7515 §2 (Base64url Encoding); RFC 7518 §2 (Base64urlUInt), §6.2, §6.3, §6.4
- RFC 8037 §2; RFC 9964 §3
"#,
};

/// The members holding base64url-encoded binary values.
pub(super) const BINARY_MEMBERS: &[&str] = &[
    "n", "e", "x", "y", "pub", "x5t", "x5t#S256", "d", "p", "q", "dp", "dq", "qi", "k", "priv",
];

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        for &name in BINARY_MEMBERS {
            let (Some(node), Some(value)) = (key.member(name), key.str(name)) else {
                continue;
            };
            if !key.uses_member(name) {
                continue; // `n` on an `oct` key means nothing; the key's problem is reported elsewhere
            }
            let Err(problem) = decode_url(value) else {
                continue;
            };
            let private = PRIVATE_JWK_MEMBERS.contains(&name);
            let location = key.describe_member(name);
            let at = problem.index;
            // A private member's characters are part of the secret: name the kind, not the character.
            let shown = |c: char| {
                if private {
                    "a character".to_owned()
                } else {
                    format!("`{c}`")
                }
            };
            let (what, help) = match problem.kind {
                ProblemKind::OtherAlphabet(c) => (
                    format!(
                        "uses the standard base64 alphabet ({} at offset {at}), not base64url",
                        shown(c)
                    ),
                    "use the URL-safe alphabet: `-` for `+` and `_` for `/`, without `=` padding",
                ),
                ProblemKind::Padding => (
                    format!("has `=` padding at offset {at}"),
                    "remove the trailing `=`: base64url in JOSE is unpadded",
                ),
                ProblemKind::Whitespace(c) => (
                    format!("contains {} at offset {at}", describe_whitespace(c)),
                    "remove the whitespace: the value is one unbroken base64url string",
                ),
                ProblemKind::Invalid(c) => (
                    format!(
                        "contains {} at offset {at}, which is not a base64url character",
                        shown(c)
                    ),
                    "encode the value as base64url (`A`-`Z`, `a`-`z`, `0`-`9`, `-`, `_`)",
                ),
                ProblemKind::Length => (
                    format!("has {} characters, a length no base64url encoding has", value.len()),
                    "the value is truncated or has a character too many; re-encode it",
                ),
            };
            // A Base64urlUInt with a leading zero too (JWK009 leaves such values to this finding).
            let what = match (key.kty(), name) {
                (Some("RSA"), "n" | "e") if decode_lenient(value).is_some_and(|b| b.len() > 1 && b[0] == 0) => {
                    format!("{what}, and starts with a zero byte")
                }
                _ => what,
            };
            let span = if problem.len > 0 {
                span_in_string(ctx, node, problem.index, problem.len)
            } else {
                node.span
            };
            ctx.report(&INVALID_BASE64URL, span, key.ptr(name), format!("{location} {what}"))
                .help(help);
        }
    }
}

fn describe_whitespace(c: char) -> &'static str {
    match c {
        '\n' | '\r' => "a line break",
        '\t' => "a tab",
        ' ' => "a space",
        _ => "whitespace",
    }
}
