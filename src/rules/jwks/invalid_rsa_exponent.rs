//! JWK015: an RSA public exponent that no RSA key can have.

use super::JwkSet;
use super::base64::decode_lenient;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK015: an RSA key's public exponent is even, 0 or 1.
pub static INVALID_RSA_EXPONENT: Rule = Rule {
    code: "JWK015",
    name: "invalid-rsa-exponent",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An RSA key's public exponent is even, 0 or 1",
    profile: None,
    docs: r#"## What it does
Decodes the public exponent `e` of each RSA key and reports a value that cannot be an RSA
exponent: an even number, 0 or 1. The usual value is 65537, `"AQAB"`.

## Why is this bad?
An RSA public exponent is odd and greater than 1 (it must be coprime with λ(n), which is even; RFC
8017 §3.1 requires 3 ≤ e ≤ n−1). A key with another exponent is not an RSA key: every signature
check with it fails. An even exponent usually means `e` holds something else (test data, a
mis-encoded value).

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAA" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7518 §6.3.1.2; RFC 8017 §3.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        if key.kty() != Some("RSA") {
            continue;
        }
        let (Some(node), Some(e)) = (key.member("e"), key.str("e")) else {
            continue;
        };
        let Some(bytes) = decode_lenient(e) else {
            continue; // JWK007
        };
        let significant = &bytes[bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len())..];
        let problem = match significant {
            [] => "0".to_owned(),
            [1] => "1".to_owned(),
            [.., last] if last % 2 == 0 => match value(significant) {
                Some(v) => format!("{v}, an even number"),
                None => "an even number".to_owned(),
            },
            _ => continue,
        };
        ctx.report(
            &INVALID_RSA_EXPONENT,
            node.span,
            key.ptr("e"),
            format!(
                "the RSA exponent {} ({e:?}) is {problem}, which no RSA key has",
                key.describe_member("e")
            ),
        )
        .help("RSA public exponents are odd and greater than 1; the usual one is 65537, `\"AQAB\"`");
    }
}

fn value(bytes: &[u8]) -> Option<u64> {
    (bytes.len() <= 8).then(|| bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}
