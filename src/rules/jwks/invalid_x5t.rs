//! JWK026: an `x5t` or `x5t#S256` that is not a digest.

use super::JwkSet;
use super::base64::decode_url;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK026: a JWK's certificate thumbprint is not the size of its digest.
pub static INVALID_X5T: Rule = Rule {
    code: "JWK026",
    name: "invalid-x5t",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A JWK's certificate thumbprint is not the size of its digest",
    profile: None,
    docs: r#"## What it does
Decodes `x5t` and `x5t#S256` (when they are valid base64url, JWK007) and checks they are 20 and 32
bytes, the sizes of a SHA-1 and a SHA-256 digest. A common mistake gets its own message: the
base64url encoding of the digest's *hexadecimal text* (40 or 64 bytes of hex digits), which some
providers publish.

## Why is this bad?
`x5t` is "a base64url-encoded SHA-1 thumbprint (a.k.a. digest) of the DER encoding of an X.509
certificate" and `x5t#S256` the same with SHA-256 (RFC 7517 §4.8, §4.9). A value of another size
matches no certificate, so consumers that select keys or certificates by thumbprint (RFC 7515
§4.1.7, §4.1.8 header matching, mutual-TLS bindings) find nothing. Most consumers ignore the member,
which is why this is a warning.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB",
              "x5t": "NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "x5t": "Za9pCbGwdY4GxuBIxGACtcaV42s" } ] }
```

## References
- RFC 7517 §4.8, §4.9; RFC 7515 §4.1.7, §4.1.8
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        for (name, size, digest) in [("x5t", 20, "SHA-1"), ("x5t#S256", 32, "SHA-256")] {
            let (Some(node), Some(value)) = (key.member(name), key.str(name)) else {
                continue;
            };
            let Ok(bytes) = decode_url(value) else {
                continue; // JWK007
            };
            if bytes.len() == size {
                continue;
            }
            let location = key.describe_member(name);
            let (message, help) = if bytes.len() == 2 * size && bytes.iter().all(u8::is_ascii_hexdigit) {
                (
                    format!("{location} encodes the hexadecimal text of a {digest} digest, not the digest"),
                    format!("base64url-encode the {size} digest bytes themselves"),
                )
            } else {
                (
                    format!(
                        "{location} is {}; a {digest} thumbprint is {size} bytes",
                        super::bytes(bytes.len())
                    ),
                    format!("compute the {digest} digest of the DER certificate and base64url-encode its {size} bytes"),
                )
            };
            ctx.report(&INVALID_X5T, node.span, key.ptr(name), message).help(help);
        }
    }
}
