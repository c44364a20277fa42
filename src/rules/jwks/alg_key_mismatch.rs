//! JWK013: a key's `alg` cannot be used with the key.

use super::JwkSet;
use super::keytable::{Fit, curve_kty, describe_need, fit};
use crate::diagnostic::Severity;
use crate::registry::{self, tables::JWK_KEY_TYPES};
use crate::rules::{Basis, Ctx, Rule};

/// JWK013: a JWK's `alg` needs another key type or curve.
pub static ALG_KEY_MISMATCH: Rule = Rule {
    code: "JWK013",
    name: "alg-key-mismatch",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A JWK's `alg` needs another key type or curve",
    profile: None,
    docs: r#"## What it does
Checks a key's `alg` against its `kty` and `crv`:

| `alg` | key |
|---|---|
| `RS*`, `PS*`, `RSA1_5`, `RSA-OAEP*` | `RSA` |
| `ES256` / `ES384` / `ES512` / `ES256K` | `EC` on `P-256` / `P-384` / `P-521` / `secp256k1` |
| `Ed25519` / `Ed448` | `OKP` on that curve; `EdDSA`: either |
| `ECDH-ES`, `ECDH-ES+A*KW` | `EC` on P-256/P-384/P-521, or `OKP` on X25519/X448 |
| `HS*`, `A*KW`, `A*GCMKW`, `dir`, `PBES2-*`, content encryption names | `oct` |
| `ML-DSA-44/65/87` | `AKP` |
| `none` | no key at all |

Whether the `alg` name is registered, deprecated or of the right family is the `ALG` rules' job;
an unknown name is skipped here, and so is a key whose `kty` is unknown (JWK004) or whose `crv`
belongs to the other key type (JWK012: fixing `kty` fixes both).

## Why is this bad?
`alg` is "the algorithm intended for use with the key" (RFC 7517 §4.4). Each algorithm is defined
for one kind of key (the sections below); a key labelled with an algorithm it cannot perform is
either mislabelled or the wrong key, and consumers that honour `alg` refuse to use it. `ES512` is
ECDSA on P-521 (not "P-512"), a frequent slip.

## Example
```json
{ "keys": [ { "kty": "EC", "crv": "P-384", "alg": "ES256", "kid": "k1", "x": "…", "y": "…" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "EC", "crv": "P-384", "alg": "ES384", "kid": "k1", "x": "…", "y": "…" } ] }
```

## References
- RFC 7517 §4.4; RFC 7518 §3.2–§3.5, §4.2–§4.8, §6; RFC 8037 §3.1, §3.2; RFC 8812 §3.2
- RFC 9864 §2.2; RFC 9964 §3, §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(kty), Some(node), Some(alg)) = (key.kty(), key.member("alg"), key.alg()) else {
            continue;
        };
        if !registry::contains(JWK_KEY_TYPES, kty) {
            continue; // JWK004
        }
        // A curve of the other key type is JWK012's (fixing `kty` fixes both); an unknown curve
        // (JWK011) leaves `kty` alone to judge by.
        if key.crv().and_then(curve_kty).is_some_and(|k| k != kty) {
            continue;
        }
        let crv = key.crv().filter(|c| curve_kty(c) == Some(kty));
        let message = match fit(kty, crv, alg) {
            Fit::Fits | Fit::Unknown => continue,
            Fit::NoKey => format!("{} has `\"alg\": \"none\"`, which uses no key", key.describe()),
            Fit::WrongKty(need) | Fit::WrongCurve(need) => {
                let have = match crv {
                    Some(c) => format!("an {kty} key on {c}"),
                    None => format!("an {kty} key"),
                };
                format!(
                    "{} is {have}, but `{alg}` needs {}",
                    key.describe(),
                    describe_need(&need)
                )
            }
        };
        ctx.report(&ALG_KEY_MISMATCH, node.span, key.ptr("alg"), message)
            .help(suggest(kty, crv).map_or_else(
                || "set `alg` to an algorithm of this key, or remove it".to_owned(),
                |s| format!("for this key, `alg` is {s}"),
            ));
    }
}

/// The algorithms a key can carry, for the help.
fn suggest(kty: &str, crv: Option<&str>) -> Option<&'static str> {
    Some(match (kty, crv) {
        ("RSA", _) => "`RS256`, `PS256` (and the 384/512 variants) for signing, `RSA-OAEP-256` for encryption",
        ("EC", Some("P-256")) => "`ES256` for signing or `ECDH-ES` for encryption",
        ("EC", Some("P-384")) => "`ES384` for signing or `ECDH-ES` for encryption",
        ("EC", Some("P-521")) => "`ES512` for signing or `ECDH-ES` for encryption",
        ("EC", Some("secp256k1")) => "`ES256K`",
        ("OKP", Some("Ed25519")) => "`Ed25519`",
        ("OKP", Some("Ed448")) => "`Ed448`",
        ("OKP", Some("X25519" | "X448")) => "`ECDH-ES` or `ECDH-ES+A128KW`/`A192KW`/`A256KW`",
        ("AKP", _) => "`ML-DSA-44`, `ML-DSA-65` or `ML-DSA-87`, matching the size of `pub`",
        _ => return None,
    })
}
