//! FAPI001: pushed authorization requests are not required.

use crate::diagnostic::Severity;
use crate::rules::server::uses_authorization_endpoint;
use crate::rules::util::{bool_member, ptr};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// FAPI001: a FAPI 2.0 server does not offer and require pushed authorization requests.
pub static FAPI_PAR_NOT_REQUIRED: Rule = Rule {
    code: "FAPI001",
    name: "fapi2-par-not-required",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A FAPI 2.0 server does not offer and require pushed authorization requests",
    profile: Some(Profile::Fapi2),
    docs: r#"## What it does
Under `--profile fapi2`, in authorization server metadata whose grants use the authorization
endpoint, reports:
- no `pushed_authorization_request_endpoint` (unless `require_pushed_authorization_requests` is
  `true`, which `SRV028` already reports as an error);
- `require_pushed_authorization_requests` absent (its default is `false`) or `false`.

## Why is this bad?
FAPI 2.0 §5.3.2.2 requires the authorization server to "support client-authenticated pushed
authorization requests according to RFC 9126" (item 2) and to "reject authorization requests sent
without RFC 9126" (item 3). PAR keeps the request out of the browser, authenticates the client
before the user is involved and binds the request to it. RFC 9126 §5 defines
`require_pushed_authorization_requests` as whether the server "accepts authorization request data
only via PAR", default `false`: a document without it says that plain authorization requests are
accepted, which a FAPI 2.0 server must not do.

Which reading: a server can also require PAR per client (the client metadata member of the same
name, RFC 9126 §6). A server that serves FAPI clients only should still say so in its metadata, so
clients and conformance tools can rely on it; a server that mixes FAPI and other clients is not a
FAPI 2.0 server as a whole, and `--profile fapi2` is meant for its FAPI configuration.

## Example
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize",
  "pushed_authorization_request_endpoint": "https://as.example.com/par" }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize",
  "pushed_authorization_request_endpoint": "https://as.example.com/par",
  "require_pushed_authorization_requests": true }
```

## References
- FAPI 2.0 Security Profile §5.3.2.2 items 2–3; §5.3.3.2 item 2 (clients use PAR)
- RFC 9126 §5 (`pushed_authorization_request_endpoint`, `require_pushed_authorization_requests`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if !uses_authorization_endpoint(obj) {
        return;
    }
    let required = bool_member(obj, "require_pushed_authorization_requests");
    let endpoint = obj
        .get("pushed_authorization_request_endpoint")
        .and_then(|n| n.as_str())
        .is_some();
    if !endpoint {
        if required == Some(true) {
            return; // SRV028: PAR required without an endpoint
        }
        ctx.report(
            &FAPI_PAR_NOT_REQUIRED,
            ctx.root.span,
            "",
            "there is no `pushed_authorization_request_endpoint`: FAPI 2.0 requires pushed authorization requests",
        )
        .help("offer a PAR endpoint (RFC 9126) and declare it with `\"require_pushed_authorization_requests\": true`");
        return;
    }
    match obj.get("require_pushed_authorization_requests") {
        None => {
            ctx.report(
                &FAPI_PAR_NOT_REQUIRED,
                ctx.root.span,
                "",
                "`require_pushed_authorization_requests` is missing (default false): the server accepts authorization requests without PAR",
            )
            .help("reject authorization requests that do not use PAR and add `\"require_pushed_authorization_requests\": true`");
        }
        Some(node) if node.as_bool() == Some(false) => {
            ctx.report(
                &FAPI_PAR_NOT_REQUIRED,
                node.span,
                ptr("require_pushed_authorization_requests"),
                "`require_pushed_authorization_requests` is false: the server accepts authorization requests without PAR",
            )
            .help("reject authorization requests that do not use PAR and set this to `true`");
        }
        Some(_) => {} // true, or a wrong type (SCH001)
    }
}
