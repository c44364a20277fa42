//! CLI058: `tls_client_auth` with zero or several certificate subject members.

use super::{TLS_SUBJECT_MEMBERS, auth_method, present, statement_may_supply};
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI058: a `tls_client_auth` client must have exactly one certificate subject member.
pub static TLS_CLIENT_AUTH_SUBJECT: Rule = Rule {
    code: "CLI058",
    name: "tls-client-auth-subject",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A `tls_client_auth` client must have exactly one certificate subject member",
    profile: None,
    docs: r#"## What it does
For `token_endpoint_auth_method: "tls_client_auth"`, counts the certificate subject members
`tls_client_auth_subject_dn`, `tls_client_auth_san_dns`, `tls_client_auth_san_uri`,
`tls_client_auth_san_ip` and `tls_client_auth_san_email`, and reports none (at the document) or
more than one (at the second and later ones). With a `software_statement` in a request or Client ID
Metadata Document, "none" is not reported: the statement may carry the member.

## Why is this bad?
RFC 8705 §2.1.2: "A client using the `tls_client_auth` authentication method MUST use exactly one of
the below metadata parameters to indicate the certificate subject value that the authorization server
is to expect when authenticating the respective client." With none, the server has nothing to match
the PKI certificate against and cannot authenticate the client; with several, the registration is
ambiguous and servers reject it.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "tls_client_auth",
  "tls_client_auth_subject_dn": "CN=client.example.org,O=Example,C=GB",
  "tls_client_auth_san_dns": "client.example.org"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "tls_client_auth",
  "tls_client_auth_subject_dn": "CN=client.example.org,O=Example,C=GB"
}
```

## References
- RFC 8705 §2.1.2 ("MUST use exactly one of the below metadata parameters")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(method) = auth_method(obj) else {
        return;
    };
    let Some(method_node) = method.node else {
        return;
    };
    if method.name != "tls_client_auth" {
        return;
    }
    let mut subjects: Vec<_> = TLS_SUBJECT_MEMBERS
        .iter()
        .filter(|m| present(obj, m))
        .filter_map(|m| obj.member(m).map(|member| (*m, member)))
        .collect();
    subjects.sort_by_key(|(_, member)| member.name_span.start);
    match subjects.as_slice() {
        [] => {
            if statement_may_supply(ctx) {
                return;
            }
            ctx.report(
                &TLS_CLIENT_AUTH_SUBJECT,
                ctx.root.span,
                "",
                "`token_endpoint_auth_method` is \"tls_client_auth\" but no certificate subject member is set",
            )
            .related(
                method_node.span,
                ptr("token_endpoint_auth_method"),
                "the method is \"tls_client_auth\"",
            )
            .help("add exactly one of `tls_client_auth_subject_dn`, `tls_client_auth_san_dns`, `tls_client_auth_san_uri`, `tls_client_auth_san_ip`, `tls_client_auth_san_email`");
        }
        [_] => {}
        [(first, first_member), rest @ ..] => {
            let first_span = first_member.name_span;
            let first = *first;
            let rest: Vec<_> = rest.iter().map(|(name, member)| (*name, member.name_span)).collect();
            for (name, span) in rest {
                ctx.report(
                    &TLS_CLIENT_AUTH_SUBJECT,
                    span,
                    ptr(name),
                    format!("`{name}` is a second certificate subject member for \"tls_client_auth\" (`{first}` is already set)"),
                )
                .related(first_span, ptr(first), format!("`{first}` is here"))
                .help("keep exactly one certificate subject member");
            }
        }
    }
}
