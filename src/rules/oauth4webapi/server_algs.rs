//! OWA003: by the seed's rule the client accepts the server's algorithms, and oauth4webapi
//! supports none of them.

use std::sync::Arc;

use crate::cross::Provenance;
use crate::cross::effective::{SignedResponse, accepted_algs};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// OWA003: the algorithms the client accepts from the server's list are all outside what oauth4webapi supports.
pub static OWA_NO_SUPPORTED_SERVER_ALG: Rule = Rule {
    code: "OWA003",
    name: "oauth4webapi-no-supported-server-alg",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The algorithms the client accepts from the server's list are all outside what oauth4webapi supports",
    profile: Some(Profile::Oauth4webapi),
    docs: r#"## What it does
Under `--profile oauth4webapi`, with a paired server: for ID tokens, userinfo, introspection and
JARM responses where the client sets no `*_signed_response_alg`, oauth4webapi accepts any
algorithm in the server's matching `*_signing_alg_values_supported` (SPEC §5). When none of those
is one oauth4webapi implements (for example a server that lists only `HS256`), the finding is an
error on the client, with the server list as the second label. A list with at least one supported
algorithm is fine.

## Why is this bad?
Every signed response the server can produce is one the library refuses: the client cannot
validate a single ID token.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"] }
```
against a server with `"id_token_signing_alg_values_supported": ["HS256"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "id_token_signed_response_alg": "RS256" }
```
with a server that can sign with RS256.

## References
- SPEC §5 (the seed's resolution rules); oauth4webapi v3 `Client`, `JWSAlgorithm`
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(server) = ctx.server else { return };
    for response in SignedResponse::ALL {
        let accepted = accepted_algs(ctx.object(), Some(server), response);
        let Provenance::Server(location) = &accepted.provenance else {
            continue;
        };
        if accepted.algs.is_empty() || accepted.algs.iter().any(|a| super::supports_alg(a)) {
            continue;
        }
        let list = crate::cross::quote_all(&accepted.algs);
        ctx.report(
            &OWA_NO_SUPPORTED_SERVER_ALG,
            ctx.root.span,
            "",
            format!(
                "`{}` is not set, so the client accepts the server's `{}` ({list}), none of which oauth4webapi supports",
                response.client_member(),
                response.server_member()
            ),
        )
        .help(format!(
            "set `{}` to an algorithm both the server and oauth4webapi support",
            response.client_member()
        ))
        .related_in(
            Arc::clone(server.source()),
            location.span,
            location.pointer.clone(),
            format!("the server lists {list}"),
        );
    }
}
