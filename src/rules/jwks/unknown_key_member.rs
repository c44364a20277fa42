//! JWK030: a JWK member that no registry defines.

use super::JwkSet;
use super::misspelled_key_member::suggestion;
use crate::diagnostic::Severity;
use crate::registry::tables::JWK_PARAMETERS;
use crate::rules::{Basis, Ctx, Rule};

/// JWK030: a JWK has a member that is not a registered JWK parameter.
pub static UNKNOWN_KEY_MEMBER: Rule = Rule {
    code: "JWK030",
    name: "unknown-key-member",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A JWK has a member that is not a registered JWK parameter",
    profile: None,
    docs: r#"## What it does
Reports a member of a key that is not in the IANA "JSON Web Key Parameters" registry and is not a
near miss of a registered one (those are JWK006's warnings): vendor extensions such as the `issuer`
member Microsoft Entra ID puts on its keys.

## Why is this bad?
It usually is not: "Additional members can be present in the JWK; if not understood by
implementations encountering them, they MUST be ignored" (RFC 7517 §4). The finding says that no
consumer outside the vendor's own libraries reads the member, so nothing should depend on it.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "issuer": "https://login.example.com/{tenantid}/v2.0" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4, §8.1 (JSON Web Key Parameters registry)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        for member in key.obj.iter() {
            let name = member.name.as_ref();
            if JWK_PARAMETERS.iter().any(|p| p.value == name) || suggestion(key, name).is_some() {
                continue;
            }
            ctx.report(
                &UNKNOWN_KEY_MEMBER,
                member.name_span,
                key.ptr(name),
                format!(
                    "`{name}` in {} is not a registered JWK parameter; consumers ignore it",
                    key.describe()
                ),
            )
            .help("fine for a vendor extension; nothing outside the vendor's libraries reads it");
        }
    }
}
