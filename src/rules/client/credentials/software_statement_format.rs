//! CLI081: a `software_statement` that is not a JWT.

use crate::diagnostic::Severity;
use crate::rules::jwks::base64::{self, ProblemKind};
use crate::rules::util::{ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI081: `software_statement` is not a signed JWT in compact serialization.
pub static SOFTWARE_STATEMENT_NOT_JWT: Rule = Rule {
    code: "CLI081",
    name: "software-statement-not-jwt",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`software_statement` is not a signed JWT in compact serialization",
    profile: None,
    docs: r#"## What it does
Checks the form of `software_statement` (in any client role): a compact JWS, three base64url
parts separated by dots (RFC 7515 §7.1), whose header decodes to a JSON object with an `alg` and
whose payload decodes to a JSON object (the JWT claims set). A five-part value (a JWE, i.e. a
nested JWT) is accepted when its header is a JSON object with an `alg`. The signature itself
cannot be verified offline and is not checked; neither are the claims.

Typical finds: a placeholder (`"123"`, `"TODO"`), a JWT with whitespace or a line break pasted
into it (specifications print JWTs wrapped for display), the claims set as a JSON string instead
of the signed JWT.

## Why is this bad?
"A software statement is a JSON Web Token (JWT) ... The software statement MUST be digitally
signed or MACed using JWS" (RFC 7591 §2.3), and the `software_statement` member is "a string
value containing the entire signed JWT" (RFC 7591 §3.1.1). The registration endpoint cannot parse
anything else and rejects the request (`invalid_software_statement`, RFC 7591 §3.2.2); a
registration response that echoes such a value is not what the server verified.

## Example
```json
{ "redirect_uris": ["https://client.example.org/cb"], "software_statement": "123" }
```

## Use instead
```json
{ "redirect_uris": ["https://client.example.org/cb"], "software_statement": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2RpcmVjdG9yeS5leGFtcGxlIiwic29mdHdhcmVfaWQiOiI0TlJCMS0wWFpBQlpJOUU2LTVTTTNSIn0.c2lnbmF0dXJl" }
```

## References
- RFC 7591 §2.3, §3.1.1, §3.2.2 (`invalid_software_statement`)
- RFC 7515 §7.1 (compact serialization); RFC 7519 §7.2 (validating a JWT); RFC 7516 §7.1
"#,
};

const PART_NAMES: [&str; 3] = ["header", "payload", "signature"];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((node, value)) = str_member(ctx.object(), "software_statement") else {
        return;
    };
    let Some(problem) = problem(value) else {
        return;
    };
    ctx.report(
        &SOFTWARE_STATEMENT_NOT_JWT,
        node.span,
        ptr("software_statement"),
        format!("`software_statement` is not a signed JWT: {problem}"),
    )
    .help("put the software statement exactly as its issuer signed it: `header.payload.signature`, each part base64url without whitespace or padding");
}

/// What is wrong with the value as a compact JWS (or JWE), in words; `None` when nothing is.
fn problem(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("the value is empty".to_owned());
    }
    let parts: Vec<&str> = value.split('.').collect();
    if parts.len() == 1 {
        return Some(format!(
            "{} has no `.`; a compact JWS is `header.payload.signature`",
            shorten(value)
        ));
    }
    if parts.len() != 3 && parts.len() != 5 {
        return Some(format!(
            "{} has {} dot-separated parts; a compact JWS has three",
            shorten(value),
            parts.len()
        ));
    }
    let checked = if parts.len() == 3 { 3 } else { 1 };
    let mut offset = 0;
    for (i, part) in parts.iter().take(checked).enumerate() {
        let name = PART_NAMES[i];
        match base64::decode_url(part) {
            Err(p) => {
                let what = match p.kind {
                    ProblemKind::Whitespace(' ') => "a space".to_owned(),
                    ProblemKind::Whitespace(_) => "a line break or other whitespace".to_owned(),
                    ProblemKind::Padding => "`=` padding".to_owned(),
                    ProblemKind::OtherAlphabet(c) | ProblemKind::Invalid(c) => format!("{c:?}"),
                    ProblemKind::Length => "a length no base64url encoding has".to_owned(),
                };
                let at = value[..offset + p.index].chars().count() + 1;
                return Some(if matches!(p.kind, ProblemKind::Length) {
                    format!("its {name} has {what}")
                } else {
                    format!("its {name} is not base64url: {what} at character {at}")
                });
            }
            Ok(bytes) if i < 2 => {
                let json: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
                let Some(object) = json.as_ref().and_then(|j| j.as_object()) else {
                    return Some(format!("its {name} does not decode to a JSON object"));
                };
                if i == 0 && !object.get("alg").is_some_and(serde_json::Value::is_string) {
                    return Some("its header has no `alg`".to_owned());
                }
            }
            Ok(_) => {}
        }
        offset += part.len() + 1;
    }
    None
}

/// The value quoted for a message, cut after 24 characters.
fn shorten(value: &str) -> String {
    if value.chars().count() <= 24 {
        format!("{value:?}")
    } else {
        let head: String = value.chars().take(24).collect();
        format!("{:?}", format!("{head}…"))
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    // {"alg":"RS256"} . {"iss":"x"} . "sig"
    const GOOD: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln";

    #[test]
    fn compact_jws() {
        assert_eq!(problem(GOOD), None);
        assert!(problem("123").unwrap().contains("has no `.`"));
        assert!(problem("a.b").unwrap().contains("2 dot-separated parts"));
        assert!(problem("").unwrap().contains("empty"));
        let wrapped = GOOD.replace(".c2ln", ".c2  ln");
        assert!(
            problem(&wrapped).unwrap().contains("a space at character 40"),
            "{:?}",
            problem(&wrapped)
        );
        assert!(
            problem("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0=.c2ln")
                .unwrap()
                .contains("padding")
        );
        // {"typ":"JWT"}: no alg
        assert!(
            problem("eyJ0eXAiOiJKV1QifQ.eyJpc3MiOiJ4In0.c2ln")
                .unwrap()
                .contains("no `alg`")
        );
        // payload "abc" is not JSON
        assert!(problem("eyJhbGciOiJSUzI1NiJ9.YWJj.c2ln").unwrap().contains("payload"));
        // a JWE: header only
        assert_eq!(problem("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"), None);
    }
}
