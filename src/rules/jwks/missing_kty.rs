//! JWK003: a JWK without `kty`.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK003: a JWK has no `kty` member.
pub static MISSING_KTY: Rule = Rule {
    code: "JWK003",
    name: "missing-kty",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK has no `kty` member",
    profile: None,
    docs: r#"## What it does
Reports a key of a JWK Set that has no `kty` (key type) member. When the key has the member in
another case (`Kty`, `KTY`), the help says so.

## Why is this bad?
`kty` "MUST be present in a JWK" (RFC 7517 §4.1): it says which members hold the key. A consumer
skips a key without it (RFC 7517 §5: implementations SHOULD ignore keys missing required members),
so tokens signed with that key fail verification.

## Example
```json
{ "keys": [ { "Kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4.1 (`kty`), §5 (JWK Set Format)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        if key.member("kty").is_some() {
            continue; // a wrong type is SCH001's
        }
        let other_case = key.obj.iter().find(|m| m.name.eq_ignore_ascii_case("kty"));
        let help = match other_case {
            Some(m) => format!("rename `{}` to `kty`: JWK member names are case-sensitive", m.name),
            None => {
                "add the key type: `\"kty\": \"RSA\"`, `\"EC\"`, `\"OKP\"` or `\"AKP\"` (RFC 7518 §6.1, RFC 8037, RFC 9964)"
                    .to_owned()
            }
        };
        ctx.report(
            &MISSING_KTY,
            key.node.span,
            key.pointer.as_str(),
            format!("{} has no `kty` member", key.describe()),
        )
        .help(help);
    }
}
