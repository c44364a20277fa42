//! CLI032: a URL that must use https uses http on the loopback interface.

use super::url_requires_https::{Requirement, not_https};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI032: a client URL that must use https uses http on the loopback interface (a development set-up).
pub static LOOPBACK_HTTP_URL: Rule = Rule {
    code: "CLI032",
    name: "loopback-http-url",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A client URL that must use https uses http on the loopback interface (a development set-up)",
    profile: None,
    docs: r#"## What it does
Reports the members `CLI030` checks (`jwks_uri`, `signed_jwks_uri`, `initiate_login_uri`,
`sector_identifier_uri`, `registration_client_uri`, and `request_uris` elements unless request
objects are signed) when they use `http` on a loopback host: `127.0.0.0/8`, `[::1]`, `localhost` or
`*.localhost`.

## Why is this bad?
The specifications require https for these URLs without a loopback exception (the exception of
RFC 8252 §7.3 is for native apps' redirect URIs). Nothing crosses a network when the server and
the URL are on the same machine, so this is a development configuration rather than a defect; but
a document with it cannot be deployed as is. A separate code from `CLI030` lets a repository of
development fixtures turn it off (`--ignore CLI032`) without losing the errors.

## Example
```json
{ "jwks_uri": "http://localhost:8080/jwks.json" }
```

## Use instead
```json
{ "jwks_uri": "https://client.example.com/jwks.json" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2, §3.2
- OpenID Federation 1.0 §5.2.1
- RFC 8252 §8.3 (loopback traffic never leaves the device)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for found in not_https(ctx.object()) {
        if !found.loopback {
            continue;
        }
        let qualifier = if found.requirement == Requirement::UnlessSigned {
            " (unless request objects are signed)"
        } else {
            ""
        };
        ctx.report(
            &LOOPBACK_HTTP_URL,
            found.node.span,
            found.pointer,
            format!(
                "{} uses http on the loopback interface: \"{}\"",
                found.what, found.value
            ),
        )
        .help(format!(
            "fine for local development only; a deployed client must use https here{qualifier}"
        ));
    }
}
