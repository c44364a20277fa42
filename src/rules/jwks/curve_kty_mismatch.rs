//! JWK012: a registered curve used with the other elliptic key type.

use super::JwkSet;
use super::keytable::curve_kty;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK012: a JWK's `crv` belongs to another key type.
pub static CURVE_KTY_MISMATCH: Rule = Rule {
    code: "JWK012",
    name: "curve-kty-mismatch",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A JWK's `crv` belongs to another key type",
    profile: None,
    docs: r#"## What it does
Reports a key whose `crv` is a registered curve of the other key type: the Edwards and Montgomery
curves (`Ed25519`, `Ed448`, `X25519`, `X448`) with `"kty": "EC"`, or the Weierstrass curves
(`P-256`, `P-384`, `P-521`, `secp256k1`) with `"kty": "OKP"`.

## Why is this bad?
`EC` keys are points (`x`, `y`) on the curves of RFC 7518 §6.2.1.1 and RFC 8812 §3.1; `OKP` keys are
the octet strings of RFC 8037 §2, whose `crv` names "the subtype of key pair" among Ed25519, Ed448,
X25519 and X448. No library accepts an `EC` key on X25519: the key is unusable.

## Example
```json
{ "keys": [ { "kty": "EC", "crv": "Ed25519", "kid": "k1", "x": "…" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "OKP", "crv": "Ed25519", "kid": "k1", "x": "…" } ] }
```

## References
- RFC 7518 §6.2.1.1; RFC 8037 §2; RFC 8812 §3.1
- IANA "JSON Web Key Elliptic Curve" registry (its "kty" column)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(kty @ ("EC" | "OKP")), Some(node), Some(crv)) = (key.kty(), key.member("crv"), key.crv()) else {
            continue;
        };
        let Some(right) = curve_kty(crv) else {
            continue; // JWK011
        };
        if right == kty {
            continue;
        }
        ctx.report(
            &CURVE_KTY_MISMATCH,
            node.span,
            key.ptr("crv"),
            format!("{} is an {kty} key on {crv}, which is an {right} curve", key.describe()),
        )
        .help(format!("an {crv} key is `\"kty\": \"{right}\"`"));
    }
}
