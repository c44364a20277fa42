//! SRV017: `ui_locales_supported` and `claims_locales_supported` hold BCP 47 language tags.

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

pub static INVALID_LOCALE: Rule = Rule {
    code: "SRV017",
    name: "invalid-locale",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A `ui_locales_supported` or `claims_locales_supported` entry is not a valid BCP 47 language tag",
    profile: None,
    docs: r#"## What it does
Checks each entry of `ui_locales_supported` and `claims_locales_supported`:
- it must be a well-formed BCP 47 language tag (RFC 5646 §2.1): `en_US` (a POSIX locale),
  `english` or `claim_local1` are not;
- and a valid one (RFC 5646 §2.2.9): every subtag registered in the IANA Language Subtag Registry
  (`bp` is well-formed but is no language).

Tags are case-insensitive, so `en-us` is fine.

## Why is this bad?
Both members are defined as arrays "of language tag values from BCP 47 [RFC5646]" (RFC 8414 §2,
OpenID Connect Discovery 1.0 §3). Clients match them against the user's preferences (the
`ui_locales` and `claims_locales` request parameters, `Accept-Language`); an entry that is not a
language tag never matches, so the language it was meant to offer is silently unavailable. The
specifications use no MUST here, hence a warning.

## Example
```json
{ "ui_locales_supported": ["en_US", "fr-FR", "bp"] }
```

## Use instead
```json
{ "ui_locales_supported": ["en-US", "fr-FR", "pt-BR"] }
```

## References
- RFC 8414 §2 (`ui_locales_supported`); OpenID Connect Discovery 1.0 §3 (`claims_locales_supported`)
- RFC 5646 §2.1, §2.2.9
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for member in ["ui_locales_supported", "claims_locales_supported"] {
        let Some((_, items)) = str_array(ctx.object(), member) else {
            continue;
        };
        for (index, node, tag) in items {
            let pointer = ptr_index(member, index);
            match language_tags::LanguageTag::parse(tag) {
                Err(e) => {
                    let underscore =
                        tag.contains('_') && language_tags::LanguageTag::parse(&tag.replace('_', "-")).is_ok();
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
                Ok(parsed) => {
                    if let Err(e) = parsed.validate() {
                        ctx.report(
                            &INVALID_LOCALE,
                            node.span,
                            pointer,
                            format!("{tag:?} in `{member}` is not a valid BCP 47 language tag ({e})"),
                        )
                        .help("use subtags from the IANA Language Subtag Registry, such as `pt-BR` or `en-GB`");
                    }
                }
            }
        }
    }
}
