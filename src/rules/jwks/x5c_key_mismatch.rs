//! JWK025: the first `x5c` certificate does not hold the key.

use memchr::memmem;

use super::JwkSet;
use super::base64::decode_lenient;
use super::invalid_x5c::certificate;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK025: a JWK's first `x5c` certificate does not contain the key.
pub static X5C_KEY_MISMATCH: Rule = Rule {
    code: "JWK025",
    name: "x5c-key-mismatch",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK's first `x5c` certificate does not contain the key",
    profile: None,
    docs: r#"## What it does
For `RSA`, `EC` and `OKP` keys with an `x5c` chain whose first element is a DER certificate
(JWK024 checks that), looks for the key's public value inside the certificate: the modulus `n`
(without leading zeros), the EC point `x`‖`y`, or the OKP public key `x`. A certificate that does
not contain it certifies another key. The certificate is searched, not parsed, so this never
reports a certificate that does hold the key.

## Why is this bad?
"The key in the first certificate MUST match the public key represented by other members of the
JWK" (RFC 7517 §4.7), and OpenID Connect Discovery 1.0 §3: "When used, the bare key values MUST
still be present and MUST match those in the certificate." A consumer that trusts the certificate
verifies with one key, a consumer that reads `n`/`e` with another: tokens fail for one of them,
and a mismatch is how a substituted key would look.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "new", "n": "(the new key)", "e": "AQAB", "x5c": ["(the old key's certificate)"] } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "new", "n": "(the new key)", "e": "AQAB", "x5c": ["(the new key's certificate)"] } ] }
```

## References
- RFC 7517 §4.7; OpenID Connect Discovery 1.0 §3 (`jwks_uri`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let Some(first) = key.member("x5c").and_then(|n| n.as_array()).and_then(|a| a.first()) else {
            continue;
        };
        let Some(cert) = first.as_str().and_then(certificate) else {
            continue; // JWK024
        };
        let decode = |name: &str| key.str(name).and_then(decode_lenient);
        let (public, what) = match key.kty() {
            Some("RSA") => {
                let Some(n) = decode("n") else { continue };
                let start = n.iter().position(|&b| b != 0).unwrap_or(n.len());
                (n[start..].to_vec(), "modulus `n`")
            }
            Some("EC") => {
                let (Some(x), Some(y)) = (decode("x"), decode("y")) else {
                    continue;
                };
                ([x, y].concat(), "point (`x`, `y`)")
            }
            Some("OKP") => {
                let Some(x) = decode("x") else { continue };
                (x, "public key `x`")
            }
            _ => continue,
        };
        if public.len() < 16 || memmem::find(&cert, &public).is_some() {
            continue; // too short to be a key is other rules' business
        }
        let pointer = key.pointer.key("x5c").index(0).into_string();
        ctx.report(
            &X5C_KEY_MISMATCH,
            first.span,
            pointer,
            format!(
                "the first certificate of {} does not contain the key's {what}",
                key.describe()
            ),
        )
        .help(
            "put the certificate of this very key first in `x5c` (or correct the key members to match the certificate)",
        );
    }
}
