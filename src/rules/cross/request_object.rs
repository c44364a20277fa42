//! XCS020: the client requires signed request objects from a server that does not support them.

use std::sync::Arc;

use crate::cross::effective::ClientEffective;
use crate::cross::{Provenance, ServerDoc};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS020: the client requires signed request objects but the server does not support them.
pub static SIGNED_REQUEST_OBJECT_UNSUPPORTED: Rule = Rule {
    code: "XCS020",
    name: "signed-request-object-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client requires signed request objects but the server does not support them",
    profile: None,
    docs: r#"## What it does
Reports a client with `"require_signed_request_object": true` paired with a server that cannot
take a signed request object:
- error: the server sets both `request_parameter_supported` and `request_uri_parameter_supported`
  to `false` (and has no PAR endpoint to push one to), or its
  `request_object_signing_alg_values_supported` holds only `none`;
- warning: the server has no `request_object_signing_alg_values_supported` at all, so it does not
  advertise which algorithms (if any) it verifies.

Reading chosen: `request_uri_parameter_supported` defaults to `true` (OpenID Connect Discovery
§3), so a server that omits both flags is not taken to refuse request objects; the algorithm list
is what says it verifies signatures.

## Why is this bad?
The server must reject this client's authorization requests that do not carry a signed request
object (RFC 9101 §10.5); a server that cannot take one rejects every request.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "require_signed_request_object": true }
```
against a server with `"request_parameter_supported": false, "request_uri_parameter_supported": false`.

## Use instead
Use a server that lists `request_object_signing_alg_values_supported` and accepts `request` or
`request_uri` (or PAR), or drop `require_signed_request_object`.

## References
- RFC 9101 §10.2 (`require_signed_request_object`, server), §10.5 (client); §5
- OpenID Connect Discovery 1.0 §3 (`request_parameter_supported`, `request_uri_parameter_supported`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let wanted = &client.require_signed_request_object;
    if !wanted.value {
        return;
    }
    let (span, pointer) = super::client_at(ctx, wanted.client_location());
    let file = Arc::clone(server.source());
    let by_value = server.flag("request_parameter_supported");
    let by_reference = server.flag("request_uri_parameter_supported");
    let refused = |f: &crate::cross::Flag| !f.value && matches!(f.provenance, Provenance::Server(_));
    if refused(&by_value) && refused(&by_reference) && !server.has("pushed_authorization_request_endpoint") {
        let d = ctx.report(
            &SIGNED_REQUEST_OBJECT_UNSUPPORTED,
            span,
            pointer,
            "`require_signed_request_object` is true, but the server accepts no request object (`request_parameter_supported` and `request_uri_parameter_supported` are false)",
        );
        d.help("use a server that accepts request objects, or drop `require_signed_request_object`");
        if let Some(l) = server.location("request_parameter_supported") {
            d.related_in(file, l.span, l.pointer, "the server takes no request object by value");
        }
        return;
    }
    match server.list("request_object_signing_alg_values_supported") {
        Some(list) if list.values.iter().any(|a| a != "none") => {}
        Some(list) => {
            let d = ctx.report(
                &SIGNED_REQUEST_OBJECT_UNSUPPORTED,
                span,
                pointer,
                format!(
                    "`require_signed_request_object` is true, but the server's `request_object_signing_alg_values_supported` has no signing algorithm ({})",
                    list.quoted()
                ),
            );
            d.help("use a server that verifies signed request objects, or drop `require_signed_request_object`");
            super::label_list(d, server, &list);
        }
        None => {
            let d = ctx.report(
                &SIGNED_REQUEST_OBJECT_UNSUPPORTED,
                span,
                pointer,
                "`require_signed_request_object` is true, but the server does not advertise `request_object_signing_alg_values_supported`",
            );
            d.severity(Severity::Warning)
                .help("check that the server verifies signed request objects (RFC 9101), or drop `require_signed_request_object`");
            super::label_absent(d, server, "request_object_signing_alg_values_supported");
        }
    }
}
