//! CLI080: `default_max_age: 0`.

use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI080: `default_max_age` is 0: the user must log in again on every authentication request.
pub static DEFAULT_MAX_AGE_ZERO: Rule = Rule {
    code: "CLI080",
    name: "default-max-age-zero",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "`default_max_age` is 0: the user must log in again on every authentication request",
    profile: None,
    docs: r#"## What it does
Reports `default_max_age` equal to `0`. (Its type and sign are checked by the schema rules.)

## Why is this bad?
`default_max_age` is the `max_age` applied to every authentication request that does not send its
own, and "`max_age=0` is equivalent to `prompt=login`" (OIDC Core §3.1.2.1): the OP must actively
re-authenticate the user every time, so single sign-on never happens for this client. That is
sometimes intended (a kiosk, a step-up client); more often a "no limit" was meant, which is
expressed by omitting the member.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "redirect_uris": ["https://client.example.org/cb"],
  "default_max_age": 0
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "redirect_uris": ["https://client.example.org/cb"],
  "default_max_age": 3600
}
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`default_max_age`)
- OpenID Connect Core 1.0 §3.1.2.1 (`max_age`: "Note that max_age=0 is equivalent to prompt=login")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.object().get("default_max_age") else {
        return;
    };
    if node.as_u64() != Some(0) {
        return;
    }
    ctx.report(
        &DEFAULT_MAX_AGE_ZERO,
        node.span,
        ptr("default_max_age"),
        "`default_max_age` is 0: every authentication request re-authenticates the user (like `prompt=login`)",
    )
    .help("omit the member for no limit, or give the longest acceptable session age in seconds");
}
