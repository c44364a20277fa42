//! CLI082: a software statement's claim set without `iss`.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::{Basis, Ctx, Rule};

/// CLI082: a software statement's claim set has no `iss` claim.
pub static STATEMENT_WITHOUT_ISS: Rule = Rule {
    code: "CLI082",
    name: "statement-without-iss",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A software statement's claim set has no `iss` claim",
    profile: None,
    docs: r#"## What it does
In the claim set of a software statement (client role `statement`), reports a missing `iss`.

The role is detected when a client document has no `client_id` and no `software_statement`, and
either has an `iss` claim or has `software_id` without `redirect_uris` while using the
authorization endpoint (`grant_types` omitted, or with `authorization_code` or `implicit`). Such a
document is either a statement without its issuer, or a registration request without the
redirect URIs it needs (RFC 7591 §2): an error either way. Force `--role request` to have it
checked as a request instead.

## Why is this bad?
A software statement "MUST contain an `iss` (issuer) claim denoting the party attesting to the
claims in the software statement" (RFC 7591 §2.3). The registration endpoint decides whether to
trust the statement by its issuer; without one it rejects the statement
(`invalid_software_statement`, RFC 7591 §3.2.2). RFC 7591's own example claim set omits `iss`
(RFC errata ID 7969).

## Example
```json
{ "software_id": "4NRB1-0XZABZI9E6-5SM3R", "client_name": "Example Statement-based Client" }
```

## Use instead
```json
{ "iss": "https://directory.example.com", "software_id": "4NRB1-0XZABZI9E6-5SM3R", "client_name": "Example Statement-based Client" }
```

## References
- RFC 7591 §2.3 (`iss` MUST), §3.2.2; RFC 7519 §4.1.1
- RFC 7591 errata ID 7969 (the §2.3 example claim set)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Statement) || ctx.object().contains("iss") {
        return;
    }
    ctx.report(
        &STATEMENT_WITHOUT_ISS,
        ctx.root.span,
        "",
        "the software statement's claims have no `iss`: nothing says who attests them",
    )
    .help("add `\"iss\"`: the identifier of the party that signs the statement (a directory, a software publisher); if this is a registration request, it needs `redirect_uris` (check it with `--role request`)");
}
