//! CLI060: DPoP-bound and certificate-bound access tokens both requested.

use crate::diagnostic::Severity;
use crate::rules::util::{bool_member, ptr};
use crate::rules::{Basis, Ctx, Rule};

/// CLI060: the client asks for both DPoP-bound and mutual-TLS-bound access tokens.
pub static TOKEN_BINDING_CONFLICT: Rule = Rule {
    code: "CLI060",
    name: "token-binding-conflict",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The client asks for both DPoP-bound and mutual-TLS-bound access tokens",
    profile: None,
    docs: r#"## What it does
Reports client metadata with both `dpop_bound_access_tokens: true` and
`tls_client_certificate_bound_access_tokens: true`.

## Why is this bad?
The two are alternative ways to sender-constrain the same access tokens: RFC 9449 §1 presents DPoP
for "cases where other methods of sender-constraining tokens that utilize elements of the underlying
secure transport layer, such as [RFC8705] … are not available or desirable". Neither specification
defines a token bound to both a DPoP key and a certificate, so servers differ: some bind to one and
ignore the other flag, some reject the registration, and resource servers verify only the binding
they know. Pick the one the deployment uses.

This is a warning, not an error: no specification forbids the combination outright.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "tls_client_auth",
  "tls_client_auth_subject_dn": "CN=client.example.org",
  "tls_client_certificate_bound_access_tokens": true,
  "dpop_bound_access_tokens": true
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "tls_client_auth",
  "tls_client_auth_subject_dn": "CN=client.example.org",
  "tls_client_certificate_bound_access_tokens": true
}
```

## References
- RFC 9449 §1, §5.2 (`dpop_bound_access_tokens`)
- RFC 8705 §3, §3.4 (`tls_client_certificate_bound_access_tokens`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if bool_member(obj, "dpop_bound_access_tokens") != Some(true)
        || bool_member(obj, "tls_client_certificate_bound_access_tokens") != Some(true)
    {
        return;
    }
    let (Some(dpop), Some(mtls)) = (
        obj.member("dpop_bound_access_tokens"),
        obj.member("tls_client_certificate_bound_access_tokens"),
    ) else {
        return;
    };
    let (dpop_span, mtls_span) = (dpop.span(), mtls.span());
    // Reported at the later of the two, with the earlier one as the related location.
    let (span, pointer, other_span, other_pointer, other_name) = if dpop_span.start > mtls_span.start {
        (
            dpop_span,
            ptr("dpop_bound_access_tokens"),
            mtls_span,
            ptr("tls_client_certificate_bound_access_tokens"),
            "tls_client_certificate_bound_access_tokens",
        )
    } else {
        (
            mtls_span,
            ptr("tls_client_certificate_bound_access_tokens"),
            dpop_span,
            ptr("dpop_bound_access_tokens"),
            "dpop_bound_access_tokens",
        )
    };
    ctx.report(
        &TOKEN_BINDING_CONFLICT,
        span,
        pointer,
        "`dpop_bound_access_tokens` and `tls_client_certificate_bound_access_tokens` are both true",
    )
    .related(other_span, other_pointer, format!("`{other_name}` is true here"))
    .help("keep the one sender-constraining mechanism the server and resource servers use");
}
