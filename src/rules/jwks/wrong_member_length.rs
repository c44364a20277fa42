//! JWK008: a key member or thumbprint of the wrong length.

use super::base64::decode_url;
use super::keytable::{curve_kty, curve_size, ml_dsa_public_key_size};
use super::{JwkSet, Key};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK008: a JWK key member decodes to the wrong number of bytes for its curve or algorithm.
pub static WRONG_MEMBER_LENGTH: Rule = Rule {
    code: "JWK008",
    name: "wrong-member-length",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK key member decodes to the wrong number of bytes for its curve or algorithm",
    profile: None,
    docs: r#"## What it does
Decodes the fixed-size members of each key and checks their length:

| member | length in bytes |
|---|---|
| EC `x`, `y`, `d` | P-256 32, P-384 48, P-521 66, secp256k1 32 |
| OKP `x`, `d` | Ed25519 32, Ed448 57, X25519 32, X448 56 |
| AKP `pub` | ML-DSA-44 1312, ML-DSA-65 1952, ML-DSA-87 2592 |
| AKP `priv` (ML-DSA) | 32 (the seed) |

Certificate thumbprints are JWK026's. Values that are not valid base64url are JWK007's and are not
measured. Private values are never printed, only their length.

## Why is this bad?
"The length of this octet string MUST be the full size of a coordinate for the curve specified in
the `crv` parameter" (RFC 7518 §6.2.1.2, §6.2.1.3; `d`: §6.2.2.1): a coordinate that lost its leading
zero byte, or a P-521 coordinate encoded in 65 bytes, is rejected by strict libraries and read as
another point by lenient ones. OKP keys are the fixed-size keys of RFC 8032 / RFC 7748 (RFC 8037 §2),
and ML-DSA keys have the sizes of FIPS 204 (RFC 9964 §5; seeds: §4).

## Example
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVE", "y": "…" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "…" } ] }
```

## References
- RFC 7518 §6.2.1.2, §6.2.1.3, §6.2.2.1; RFC 8812 §3.1; RFC 8037 §2
- RFC 9964 §4, §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        for (name, expected, what) in expectations(key) {
            let (Some(node), Some(value)) = (key.member(name), key.str(name)) else {
                continue;
            };
            let Ok(bytes) = decode_url(value) else {
                continue; // JWK007
            };
            if bytes.len() == expected {
                continue;
            }
            ctx.report(
                &WRONG_MEMBER_LENGTH,
                node.span,
                key.ptr(name),
                format!(
                    "{} is {}; {what} is {expected} bytes",
                    key.describe_member(name),
                    super::bytes(bytes.len())
                ),
            )
            .help(help(key.kty() == Some("EC"), bytes.len(), expected));
        }
    }
}

/// `(member, expected length, what it is)` for the key's fixed-size members.
fn expectations(key: &Key<'_, '_>) -> Vec<(&'static str, usize, String)> {
    let mut out = Vec::new();
    match (key.kty(), key.crv(), key.alg()) {
        (Some(kty @ ("EC" | "OKP")), Some(crv), _) if curve_kty(crv) == Some(kty) => {
            if let Some(size) = curve_size(crv) {
                let coordinate = if kty == "EC" {
                    format!("a {crv} coordinate")
                } else {
                    format!("an {crv} key")
                };
                out.push(("x", size, coordinate.clone()));
                if kty == "EC" {
                    out.push(("y", size, coordinate.clone()));
                }
                out.push(("d", size, format!("a {crv} private key")));
            }
        }
        (Some("AKP"), _, Some(alg)) => {
            if let Some(size) = ml_dsa_public_key_size(alg) {
                out.push(("pub", size, format!("an {alg} public key")));
                out.push(("priv", 32, format!("an {alg} private key seed")));
            }
        }
        _ => {}
    }
    out
}

/// EC values are big-endian integers, so a short one usually lost a leading zero byte.
fn help(big_endian: bool, actual: usize, expected: usize) -> &'static str {
    if big_endian && actual + 1 == expected {
        "the value lost a leading zero byte: encode the full fixed-size value, left-padded with zeros"
    } else if big_endian && actual == expected + 1 {
        "remove the extra leading zero byte the encoder added"
    } else {
        "check that the value belongs to this curve or algorithm"
    }
}
