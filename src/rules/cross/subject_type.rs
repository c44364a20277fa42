//! XCS012: the client's subject type is not one the server supports.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS012: the client's subject type is not in the server's supported list.
pub static SUBJECT_TYPE_UNSUPPORTED: Rule = Rule {
    code: "XCS012",
    name: "subject-type-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's subject type is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `subject_type` against the server's `subject_types_supported`. OpenID Connect
Registration §2 defines no default for `subject_type` (the server applies its own), so a client
without the member is not checked. A server without the list (which OpenID Connect Discovery
requires) gets a warning.

## Why is this bad?
A server that does not implement `pairwise` identifiers cannot honour the request: registration is
refused, or the client receives public identifiers it did not want (a privacy problem).

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "subject_type": "pairwise",
  "sector_identifier_uri": "https://app.example/sector.json" }
```
against a server with `"subject_types_supported": ["public"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "subject_type": "public" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`subject_type`)
- OpenID Connect Discovery 1.0 §3 (`subject_types_supported`); OpenID Connect Core 1.0 §8
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    if let Some(subject_type) = &client.subject_type {
        super::check_value(
            ctx,
            &SUBJECT_TYPE_UNSUPPORTED,
            server,
            "subject_type",
            subject_type,
            "subject_types_supported",
            "use a subject type the server supports",
        );
    }
}
