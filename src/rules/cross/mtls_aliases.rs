//! XCS025: the client must use mTLS endpoint aliases but the server publishes none.

use crate::cross::ServerDoc;
use crate::cross::effective::ClientEffective;
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS025: the client must use mTLS endpoint aliases but the server publishes no mtls_endpoint_aliases.
pub static MTLS_ENDPOINT_ALIASES_MISSING: Rule = Rule {
    code: "XCS025",
    name: "mtls-endpoint-aliases-missing",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The client must use mTLS endpoint aliases but the server publishes no mtls_endpoint_aliases",
    profile: None,
    docs: r#"## What it does
Reports a client with `"use_mtls_endpoint_aliases": true` paired with a server that has no
`mtls_endpoint_aliases` object. A warning: the server does not advertise aliases, and the client
then uses the conventional endpoints (RFC 8705 §5), which may not request a certificate.

## Why is this bad?
The client is configured to always use the mutual-TLS aliases; with none published it falls back
to endpoints where its certificate may never be asked for, so mTLS client authentication or
certificate-bound tokens fail.

## Example
```json
{ "token_endpoint_auth_method": "tls_client_auth", "tls_client_auth_subject_dn": "CN=app",
  "use_mtls_endpoint_aliases": true }
```
against a server without `mtls_endpoint_aliases`.

## Use instead
Use a server that publishes `mtls_endpoint_aliases`, or drop `use_mtls_endpoint_aliases`.

## References
- RFC 8705 §5 (`mtls_endpoint_aliases`)
- FAPI 2.0 Security Profile §5.2.2.1.1 (`use_mtls_endpoint_aliases`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let wanted = &client.use_mtls_endpoint_aliases;
    if !wanted.value || server.object_keys("mtls_endpoint_aliases").is_some() {
        return;
    }
    let (span, pointer) = super::client_at(ctx, wanted.client_location());
    let d = ctx.report(
        &MTLS_ENDPOINT_ALIASES_MISSING,
        span,
        pointer,
        "`use_mtls_endpoint_aliases` is true, but the server does not advertise `mtls_endpoint_aliases`",
    );
    d.help("check where the server terminates mutual TLS, or drop `use_mtls_endpoint_aliases`");
    super::label_absent(d, server, "mtls_endpoint_aliases");
}
