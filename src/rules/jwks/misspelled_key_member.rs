//! JWK006: a JWK member name that is a near miss of a registered JWK parameter.

use super::{JwkSet, Key};
use crate::diagnostic::Severity;
use crate::registry::tables::JWK_PARAMETERS;
use crate::rules::{Basis, Ctx, Rule};

/// JWK006: a JWK member name looks like a misspelled JWK parameter.
pub static MISSPELLED_KEY_MEMBER: Rule = Rule {
    code: "JWK006",
    name: "misspelled-key-member",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A JWK member name looks like a misspelled JWK parameter",
    profile: None,
    docs: r#"## What it does
Reports a member of a key that is not in the IANA "JSON Web Key Parameters" registry but is a case
variant or a one-character typo of a registered parameter that the key lacks and that its `kty`
uses (`Kid` → `kid`, `x5tS256` → `x5t#S256`, `key` → `kty` on a key without `kty`). Other
unregistered members (for example Microsoft's `issuer`) are JWK030's.

## Why is this bad?
JWK member names are case-sensitive, and members that are not understood are ignored (RFC 7517
§4). A misspelled `kid` leaves the key without an identifier; a misspelled `use` leaves its purpose
unstated; a misspelled key member leaves the key incomplete.

## Example
```json
{ "keys": [ { "kty": "RSA", "Kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB" } ] }
```

## References
- RFC 7517 §4 (member names, ignoring unknown members)
- IANA "JSON Web Key Parameters" registry
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        for member in key.obj.iter() {
            let name = member.name.as_ref();
            if JWK_PARAMETERS.iter().any(|p| p.value == name) {
                continue;
            }
            let Some(suggestion) = suggestion(key, name) else {
                continue;
            };
            ctx.report(
                &MISSPELLED_KEY_MEMBER,
                member.name_span,
                key.ptr(name),
                format!("unknown JWK member `{name}` in {}; it is ignored", key.describe()),
            )
            .help(format!("did you mean `{suggestion}`?"));
        }
    }
}

/// A registered parameter the key lacks, used with its `kty` (or with every `kty`), close to `name`.
pub(super) fn suggestion(key: &Key<'_, '_>, name: &str) -> Option<&'static str> {
    let kty = key.kty();
    let candidates = JWK_PARAMETERS
        .iter()
        .filter(|p| {
            let used_with = p.note("used_with_kty").unwrap_or("*");
            used_with == "*" || kty.is_none_or(|k| k == used_with)
        })
        .map(|p| p.value)
        .filter(|v| key.member(v).is_none());
    let lower = name.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for candidate in candidates {
        if candidate.eq_ignore_ascii_case(name) {
            return Some(candidate);
        }
        // Short names are one typo from many others (`f` → `e`, `d`, `k`…): require three characters.
        if name.chars().count() < 3 {
            continue;
        }
        // Only a distance of 1 is kept, and the distance is at least the difference in length.
        if best.is_some() || name.chars().count().abs_diff(candidate.chars().count()) > 1 {
            continue;
        }
        let distance = strsim::damerau_levenshtein(&lower, &candidate.to_ascii_lowercase());
        if distance == 1 && best.is_none() {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}
