//! JWK014: an RSA key shorter than 2048 bits.

use super::JwkSet;
use super::base64::decode_lenient;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK014: an RSA key's modulus is shorter than 2048 bits.
pub static RSA_KEY_TOO_SMALL: Rule = Rule {
    code: "JWK014",
    name: "rsa-key-too-small",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An RSA key's modulus is shorter than 2048 bits",
    profile: None,
    docs: r#"## What it does
Decodes the modulus `n` of each RSA key and reports a key of fewer than 2048 bits (counted from the
first non-zero bit, so a leading zero byte, JWK009, does not add to the size). A modulus in the
standard base64 alphabet (JWK007) is still measured.

## Why is this bad?
Every JOSE algorithm that uses an RSA key requires at least 2048 bits: "A key of size 2048 bits or
larger MUST be used with these algorithms" (RFC 7518 §3.3, RS256/384/512; the same for PS256/384/512
in §3.5, RSA1_5 in §4.2 and RSA-OAEP in §4.3). Conforming libraries refuse smaller keys, and
1024-bit RSA is within reach of well-funded attackers.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "alg": "RS256", "n": "(172 characters: 1024 bits)", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k2", "alg": "RS256", "n": "(342 characters: 2048 bits)", "e": "AQAB" } ] }
```

## References
- RFC 7518 §3.3, §3.5, §4.2, §4.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        if key.kty() != Some("RSA") {
            continue;
        }
        let (Some(node), Some(n)) = (key.member("n"), key.str("n")) else {
            continue;
        };
        let Some(bytes) = decode_lenient(n) else {
            continue; // JWK007
        };
        let bits = bit_length(&bytes);
        if bits >= 2048 {
            continue;
        }
        ctx.report(
            &RSA_KEY_TOO_SMALL,
            node.span,
            key.ptr("n"),
            format!(
                "{} is a {bits}-bit RSA key; JOSE requires at least 2048 bits",
                key.describe()
            ),
        )
        .help("generate a new key of 2048 bits or more (3072 for use beyond 2030) and retire this one");
    }
}

/// Bits of a big-endian unsigned integer, from its first set bit.
pub(super) fn bit_length(bytes: &[u8]) -> usize {
    match bytes.iter().position(|&b| b != 0) {
        Some(i) => (bytes.len() - i - 1) * 8 + (8 - bytes[i].leading_zeros() as usize),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::bit_length;

    #[test]
    fn bits() {
        assert_eq!(bit_length(&[]), 0);
        assert_eq!(bit_length(&[0, 0]), 0);
        assert_eq!(bit_length(&[1, 0, 1]), 17);
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
    }
}
