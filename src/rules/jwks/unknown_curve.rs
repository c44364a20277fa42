//! JWK011: a `crv` that is not a registered curve.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::registry::{self, tables::JWK_ELLIPTIC_CURVES};
use crate::rules::{Basis, Ctx, Rule};

/// JWK011: an EC or OKP key's `crv` is not a registered curve.
pub static UNKNOWN_CURVE: Rule = Rule {
    code: "JWK011",
    name: "unknown-curve",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An EC or OKP key's `crv` is not a registered curve",
    profile: None,
    docs: r#"## What it does
Checks the `crv` of `EC` and `OKP` keys against the IANA "JSON Web Key Elliptic Curve" registry
(`P-256`, `P-384`, `P-521`, `secp256k1`, `Ed25519`, `Ed448`, `X25519`, `X448`), and names the
registered curve for the usual other spellings: `secp256r1`/`prime256v1` (`P-256`), `secp384r1`,
`secp521r1`, `P-256K` (the draft name of `secp256k1`), wrong case (`p-256`, `ed25519`).

## Why is this bad?
The curve names are case-sensitive registered values (RFC 7518 §6.2.1.1, RFC 8037 §2). Other values
"MAY be used, provided they are understood by implementations using that Elliptic Curve key",
which is why this is a warning, but in practice no JOSE library understands `secp256r1` or `P256`,
so the key is skipped (RFC 7517 §5).

## Example
```json
{ "keys": [ { "kty": "EC", "crv": "secp256r1", "kid": "k1", "x": "…", "y": "…" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "k1", "x": "…", "y": "…" } ] }
```

## References
- RFC 7518 §6.2.1.1; RFC 8037 §2; RFC 8812 §3.1
- IANA "JSON Web Key Elliptic Curve" registry
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        if !matches!(key.kty(), Some("EC" | "OKP")) {
            continue;
        }
        let (Some(node), Some(crv)) = (key.member("crv"), key.crv()) else {
            continue;
        };
        if registry::contains(JWK_ELLIPTIC_CURVES, crv) {
            continue;
        }
        let d = ctx.report(
            &UNKNOWN_CURVE,
            node.span,
            key.ptr("crv"),
            format!("{} is {crv:?}, not a registered curve name", key.describe_member("crv")),
        );
        match registered_name(crv) {
            Some(name) => d.help(format!("write `\"{name}\"`")),
            None => d.help("registered curves: `P-256`, `P-384`, `P-521`, `secp256k1` (EC); `Ed25519`, `Ed448`, `X25519`, `X448` (OKP)"),
        };
    }
}

/// The registered name of a curve spelled another way.
fn registered_name(crv: &str) -> Option<&'static str> {
    let alias = match crv.to_ascii_lowercase().as_str() {
        "secp256r1" | "prime256v1" | "nistp256" | "p256" => Some("P-256"),
        "secp384r1" | "nistp384" | "p384" => Some("P-384"),
        "secp521r1" | "nistp521" | "p521" => Some("P-521"),
        "p-256k" | "p256k" => Some("secp256k1"),
        _ => None,
    };
    alias.or_else(|| crate::rules::doc::closest_value(crv, registry::values(JWK_ELLIPTIC_CURVES)))
}
