//! XCS018: the client wants certificate-bound access tokens from a server that does not support them.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS018: the client requires certificate-bound access tokens but the server does not support them.
pub static MTLS_BOUND_TOKENS_UNSUPPORTED: Rule = Rule {
    code: "XCS018",
    name: "mtls-bound-tokens-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client requires certificate-bound access tokens but the server does not support them",
    profile: None,
    docs: r#"## What it does
Reports a client with `"tls_client_certificate_bound_access_tokens": true` paired with a server
whose `tls_client_certificate_bound_access_tokens` is `false`: an error when the server says
`false`, a warning when it omits the member (default `false`: not advertised).

## Why is this bad?
The client relies on its access tokens being bound to its certificate (RFC 8705 §3); a server
that does not bind them issues plain bearer tokens, and a protected resource expecting bound
tokens rejects them — or, worse, the client believes stolen tokens are useless.

## Example
```json
{ "token_endpoint_auth_method": "tls_client_auth", "tls_client_auth_subject_dn": "CN=app",
  "tls_client_certificate_bound_access_tokens": true }
```
against a server with `"tls_client_certificate_bound_access_tokens": false`.

## Use instead
Use a server that sets `"tls_client_certificate_bound_access_tokens": true`, or drop the client
member.

## References
- RFC 8705 §3.3 (server metadata, default false), §3.4 (client metadata)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let wanted = &client.tls_client_certificate_bound_access_tokens;
    if !wanted.value {
        return;
    }
    super::check_flag(
        ctx,
        &MTLS_BOUND_TOKENS_UNSUPPORTED,
        server,
        &wanted.provenance,
        "`tls_client_certificate_bound_access_tokens` is true",
        "tls_client_certificate_bound_access_tokens",
        "use a server that binds access tokens to client certificates, or drop the client member",
    );
}
