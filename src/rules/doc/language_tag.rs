//! DOC003: a language-tagged member name whose tag is not a well-formed BCP 47 tag, or whose base
//! member cannot carry one.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::json::{Pointer, Span};
use crate::rules::{Basis, Ctx, Rule};
use crate::schema;

/// DOC003: a `name#tag` member has a malformed BCP 47 language tag.
pub static INVALID_LANGUAGE_TAG: Rule = Rule {
    code: "DOC003",
    name: "invalid-language-tag",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A `name#tag` member has a malformed BCP 47 language tag",
    profile: None,
    docs: r##"## What it does
Checks member names of the form `name#language-tag` (`client_name#ja-Jpan-JP`): the tag must be a
well-formed BCP 47 language tag (RFC 5646), and the base name must be a human-readable member that
may be language-tagged in this kind of document (client: `client_name`, `logo_uri`, `client_uri`,
`policy_uri`, `tos_uri` and the OpenID Federation display members; protected resource:
`resource_name`, `resource_documentation`, `resource_policy_uri`, `resource_tos_uri`, …).
Authorization server metadata defines no language-tagged members.

## Why is this bad?
A malformed tag, or a tag on a member that is not human-readable, makes the member unknown to the
server: the localized value is silently ignored.

## Example
```json
{ "client_name#english": "My App", "redirect_uris#en": ["https://app.example/cb"] }
```

## Use instead
```json
{ "client_name#en": "My App", "redirect_uris": ["https://app.example/cb"] }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2.1; RFC 7591 §2.2; RFC 9728 §2.1
- RFC 5646 (BCP 47) §2.1
"##,
};

/// Base names that may carry a language tag, per kind, read from the shipped schemas'
/// `patternProperties` (`^client_name#.+$`), so the two cannot disagree.
/// (Each kind's set is read on first use: linting a client reads only the client schema.)
static TAGGABLE: [LazyLock<HashSet<String>>; 4] = [
    LazyLock::new(|| taggable(Kind::Client)),
    LazyLock::new(|| taggable(Kind::Server)),
    LazyLock::new(|| taggable(Kind::Jwks)),
    LazyLock::new(|| taggable(Kind::Resource)),
];

fn taggable(kind: Kind) -> HashSet<String> {
    schema::schema_json(kind)
        .get("patternProperties")
        .and_then(|p| p.as_object())
        .map(|p| {
            p.keys()
                .filter_map(|k| Some(k.strip_prefix('^')?.strip_suffix("#.+$")?.to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn is_taggable(kind: Kind, base: &str) -> bool {
    TAGGABLE[kind as usize].contains(base)
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let kind = ctx.kind;
    for member in ctx.object().iter() {
        let Some((base, tag)) = crate::json::split_language_tag(&member.name) else {
            continue;
        };
        let name = member.name.as_ref();
        let pointer = Pointer::root().key(name);
        // The tag's span inside the name (the name is a plain string in the source when it has
        // no escapes; otherwise point at the whole name).
        let raw = &ctx.file.text[member.name_span.start..member.name_span.end];
        let span = match raw.find('#') {
            Some(i) if raw.len() == name.len() + 2 => {
                Span::new(member.name_span.start + i + 1, member.name_span.end - 1)
            }
            _ => member.name_span,
        };
        if !is_taggable(kind, base) {
            if crate::registry::is_known_member(kind, base) {
                ctx.report(
                    &INVALID_LANGUAGE_TAG,
                    member.name_span,
                    pointer,
                    format!("`{base}` cannot be language-tagged in {}", kind.describe()),
                )
                .help(format!(
                    "only human-readable members take a `#tag`; use `{base}` without one"
                ));
            }
            continue;
        }
        if let Err(e) = language_tags::LanguageTag::parse(tag) {
            ctx.report(
                &INVALID_LANGUAGE_TAG,
                span,
                pointer,
                format!("`{tag}` in `{name}` is not a well-formed BCP 47 language tag ({e})"),
            )
            .help("use a tag such as `en`, `fr-CA` or `ja-Jpan-JP`");
        }
    }
}
