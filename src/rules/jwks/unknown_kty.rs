//! JWK004: a `kty` that is not a registered key type.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::registry::{self, tables::JWK_KEY_TYPES};
use crate::rules::{Basis, Ctx, Rule};

/// JWK004: a JWK's `kty` is not a registered key type.
pub static UNKNOWN_KTY: Rule = Rule {
    code: "JWK004",
    name: "unknown-kty",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A JWK's `kty` is not a registered key type",
    profile: None,
    docs: r#"## What it does
Checks each key's `kty` against the IANA "JSON Web Key Types" registry: `EC`, `RSA`, `oct`
(RFC 7518 §6.1), `OKP` (RFC 8037 §2), `AKP` (RFC 9964). A registered type in the wrong case
(`rsa`, `Ec`, `OCT`) is an error; any other value is a warning with the closest registered type.

## Why is this bad?
`kty` is case-sensitive (RFC 7517 §4.1), and consumers ignore keys whose type they do not
understand (RFC 7517 §5), so a key with `"kty": "rsa"` is skipped everywhere: that is certain to
break, hence the error. Other values may be a private key type with a collision-resistant name, which
RFC 7517 §4.1 allows, hence only a warning.

## Example
```json
{ "keys": [ { "kty": "rsa", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4.1 (`kty`), §5; RFC 7518 §6.1; RFC 8037 §2; RFC 9964
- IANA "JSON Web Key Types" registry
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(node), Some(kty)) = (key.member("kty"), key.kty()) else {
            continue;
        };
        if registry::contains(JWK_KEY_TYPES, kty) {
            continue;
        }
        let location = key.describe_member("kty");
        if let Some(right) = registry::values(JWK_KEY_TYPES).find(|v| v.eq_ignore_ascii_case(kty)) {
            ctx.report(
                &UNKNOWN_KTY,
                node.span,
                key.ptr("kty"),
                format!("{location} is {kty:?}; key types are case-sensitive, so consumers ignore this key"),
            )
            .severity(Severity::Error)
            .help(format!("write `\"{right}\"`"));
            continue;
        }
        let d = ctx.report(
            &UNKNOWN_KTY,
            node.span,
            key.ptr("kty"),
            format!("{location} is {kty:?}, not a registered key type; consumers ignore this key"),
        );
        match crate::rules::doc::closest_value(kty, registry::values(JWK_KEY_TYPES)) {
            Some(s) => d.help(format!("did you mean `\"{s}\"`?")),
            None => d.help("registered key types: `RSA`, `EC`, `OKP`, `AKP`, `oct`"),
        };
    }
}
