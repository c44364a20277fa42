//! SRV028: pushed authorization requests required without a PAR endpoint (RFC 9126 §5).

use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// SRV028: `require_pushed_authorization_requests` is true but there is no `pushed_authorization_request_endpoint`.
pub static PAR_REQUIRED_WITHOUT_ENDPOINT: Rule = Rule {
    code: "SRV028",
    name: "par-required-without-endpoint",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "`require_pushed_authorization_requests` is true but there is no `pushed_authorization_request_endpoint`",
    profile: None,
    docs: r#"## What it does
Reports `"require_pushed_authorization_requests": true` in metadata without
`pushed_authorization_request_endpoint`.

## Why is this bad?
With `require_pushed_authorization_requests` the server "accepts authorization request data only
via PAR" (RFC 9126 §5), and clients push that data to `pushed_authorization_request_endpoint`.
Without the endpoint no client can build an authorization request the server accepts: every
authorization flow fails.

## Example
```json
{ "authorization_endpoint": "https://as.example.com/authorize", "require_pushed_authorization_requests": true }
```

## Use instead
```json
{ "authorization_endpoint": "https://as.example.com/authorize", "pushed_authorization_request_endpoint": "https://as.example.com/par", "require_pushed_authorization_requests": true }
```

## References
- RFC 9126 §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(node) = obj.get("require_pushed_authorization_requests") else {
        return;
    };
    if node.as_bool() == Some(true) && !obj.contains("pushed_authorization_request_endpoint") {
        ctx.report(
            &PAR_REQUIRED_WITHOUT_ENDPOINT,
            node.span,
            ptr("require_pushed_authorization_requests"),
            "pushed authorization requests are required, but `pushed_authorization_request_endpoint` is missing",
        )
        .help(
            "publish `pushed_authorization_request_endpoint`, or set `require_pushed_authorization_requests` to false",
        );
    }
}
