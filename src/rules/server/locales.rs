//! SRV017: `ui_locales_supported` and `claims_locales_supported` hold BCP 47 language tags.

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV017: a `ui_locales_supported` or `claims_locales_supported` entry is not a well-formed BCP 47 language tag.
pub static INVALID_LOCALE: Rule = Rule {
    code: "SRV017",
    name: "invalid-locale",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A `ui_locales_supported` or `claims_locales_supported` entry is not a well-formed BCP 47 language tag",
    profile: None,
    docs: r#"## What it does
Checks that each entry of `ui_locales_supported` and `claims_locales_supported` is a well-formed
BCP 47 language tag (RFC 5646 §2.1): `en_US` (a POSIX locale), `en-` or `claim_local1` are not.
Tags are case-insensitive, so `en-us` is fine. Only the syntax is checked, not whether each subtag
is registered in the IANA Language Subtag Registry (RFC 5646 §2.2.9 "valid"): registry contents
change, and an unregistered but well-formed tag (`bp`) still matches the same tag sent by a client.

## Why is this bad?
Both members are defined as arrays "of language tag values from BCP 47 [RFC5646]" (RFC 8414 §2,
OpenID Connect Discovery 1.0 §3); a value that is not a language tag has the wrong type, like a
non-URL in a URL member. Clients match these values against the user's preferences (the
`ui_locales` and `claims_locales` request parameters, `Accept-Language`), which are language tags:
an entry that is not one never matches, so the language it was meant to offer is unavailable.

## Example
```json
{ "ui_locales_supported": ["en_US", "fr-FR"], "claims_locales_supported": ["claim_local1"] }
```

## Use instead
```json
{ "ui_locales_supported": ["en-US", "fr-FR"], "claims_locales_supported": ["en"] }
```

## References
- RFC 8414 §2 (`ui_locales_supported`); OpenID Connect Discovery 1.0 §3 (`claims_locales_supported`)
- RFC 5646 §2.1, §2.2.9 (well-formed versus valid)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for member in ["ui_locales_supported", "claims_locales_supported"] {
        let Some((_, items)) = str_array(ctx.object(), member) else {
            continue;
        };
        for (index, node, tag) in items {
            let pointer = ptr_index(member, index);
            if let Err(e) = language_tags::LanguageTag::parse(tag) {
                let underscore = is_posix_locale(tag);
                ctx.report(
                    &INVALID_LOCALE,
                    node.span,
                    pointer,
                    format!("{tag:?} in `{member}` is not a well-formed BCP 47 language tag ({e})"),
                )
                .help(if underscore {
                    format!("BCP 47 separates subtags with `-`: {:?}", tag.replace('_', "-"))
                } else {
                    "use a language tag such as `en`, `en-US` or `zh-Hant-TW`".to_owned()
                });
            }
        }
    }
}

/// `en_US`, `pt_BR`, `es_419`: a POSIX/Java locale, whose BCP 47 spelling uses `-`.
fn is_posix_locale(tag: &str) -> bool {
    let Some((language, region)) = tag.split_once('_') else {
        return false;
    };
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && ((region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()))
            || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locales() {
        assert!(is_posix_locale("en_US") && is_posix_locale("es_419"));
        assert!(!is_posix_locale("claim_local1") && !is_posix_locale("en-US"));
    }
}
