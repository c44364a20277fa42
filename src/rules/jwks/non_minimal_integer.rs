//! JWK009: an RSA integer encoded with leading zero bytes.

use super::JwkSet;
use super::base64::decode_url;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK009: an RSA modulus or exponent is encoded with a leading zero byte.
pub static NON_MINIMAL_INTEGER: Rule = Rule {
    code: "JWK009",
    name: "non-minimal-integer",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An RSA modulus or exponent is encoded with a leading zero byte",
    profile: None,
    docs: r#"## What it does
Decodes the RSA public members `n` and `e` and reports a value whose first byte is zero. A value
that is not valid base64url as well is reported once, by JWK007, whose message mentions the zero.

## Why is this bad?
`n` and `e` are Base64urlUInt values, and "the octet sequence MUST utilize the minimum number of
octets needed to represent the value" (RFC 7518 §2). RFC 7518 §6.3.1.1 warns about exactly this:
some libraries return 257 octets for a 2048-bit modulus, and the extra zero must be dropped. The
zero changes the key's RFC 7638 thumbprint (so `kid`s computed from it disagree) and strict
libraries reject the key.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "AMaT…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "xpP…", "e": "AQAB" } ] }
```

## References
- RFC 7518 §2 (Base64urlUInt), §6.3.1.1, §6.3.1.2; RFC 7638 §3.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        if key.kty() != Some("RSA") {
            continue;
        }
        for name in ["n", "e"] {
            let (Some(node), Some(value)) = (key.member(name), key.str(name)) else {
                continue;
            };
            let Ok(bytes) = decode_url(value) else {
                continue; // JWK007, whose finding mentions the zero byte too
            };
            let zeros = bytes.iter().take_while(|&&b| b == 0).count();
            if zeros == 0 || bytes.len() == 1 {
                continue;
            }
            let what = if name == "n" { "modulus" } else { "exponent" };
            let zeros_text = if zeros == 1 {
                "a leading zero byte".to_owned()
            } else {
                format!("{zeros} leading zero bytes")
            };
            ctx.report(
                &NON_MINIMAL_INTEGER,
                node.span,
                key.ptr(name),
                format!("the RSA {what} {} starts with {zeros_text}", key.describe_member(name)),
            )
            .help("drop the leading zero bytes before base64url-encoding: Base64urlUInt uses the minimum number of octets");
        }
    }
}
