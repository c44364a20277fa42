//! CLI059: certificate subject members with a method other than `tls_client_auth`.

use super::{TLS_SUBJECT_MEMBERS, auth_method, present};
use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI059: a `tls_client_auth_*` subject member is set but the client does not use `tls_client_auth`.
pub static TLS_SUBJECT_IGNORED: Rule = Rule {
    code: "CLI059",
    name: "tls-subject-ignored",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A `tls_client_auth_*` subject member is set but the client does not use `tls_client_auth`",
    profile: None,
    docs: r#"## What it does
Reports each of `tls_client_auth_subject_dn`, `tls_client_auth_san_dns`, `tls_client_auth_san_uri`,
`tls_client_auth_san_ip`, `tls_client_auth_san_email` when the token endpoint authentication method
is a registered method other than `tls_client_auth` (the default `client_secret_basic` included).

## Why is this bad?
RFC 8705 §2.1.2 defines these members for the `tls_client_auth` method only; with any other method
the server does not match the certificate against them, so they give a false sense of security.
Certificate-bound access tokens (`tls_client_certificate_bound_access_tokens`, RFC 8705 §3) do not
need them either. Either the method is wrong (`tls_client_auth` was meant) or the member is a
leftover.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json",
  "tls_client_auth_subject_dn": "CN=client.example.org,O=Example,C=GB"
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
- RFC 8705 §2.1.2 (the subject members, for "A client using the `tls_client_auth` authentication method")
- RFC 8705 §2.2 (`self_signed_tls_client_auth` matches registered keys, not a subject)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(method) = auth_method(obj) else {
        return;
    };
    if !method.is_registered() || method.name == "tls_client_auth" {
        return;
    }
    let mut subjects: Vec<_> = TLS_SUBJECT_MEMBERS
        .iter()
        .filter(|m| present(obj, m))
        .filter_map(|m| obj.member(m).map(|member| (*m, member.name_span)))
        .collect();
    subjects.sort_by_key(|(_, span)| span.start);
    let method_related = method.node.map(|n| n.span);
    for (name, span) in subjects {
        let diagnostic = ctx.report(
            &TLS_SUBJECT_IGNORED,
            span,
            ptr(name),
            format!(
                "`{name}` is ignored: token endpoint authentication method {} does not match certificate subjects",
                method.describe()
            ),
        );
        if let Some(method_span) = method_related {
            diagnostic.related(
                method_span,
                ptr("token_endpoint_auth_method"),
                format!("the method is {:?}", method.name),
            );
        }
        diagnostic.help(
            "set `token_endpoint_auth_method` to \"tls_client_auth\" if that is the intent, or remove the member",
        );
    }
}
