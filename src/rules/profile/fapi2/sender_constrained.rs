//! FAPI004: a server or resource that advertises no sender-constrained access tokens.

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::rules::server::is_token_issuer_only;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// FAPI004: a FAPI 2.0 server or resource advertises neither DPoP nor certificate-bound access tokens.
pub static FAPI_SENDER_CONSTRAINED_TOKENS: Rule = Rule {
    code: "FAPI004",
    name: "fapi2-sender-constrained-tokens",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A FAPI 2.0 server or resource advertises neither DPoP nor certificate-bound access tokens",
    profile: Some(Profile::Fapi2),
    docs: r#"## What it does
Under `--profile fapi2`, reports authorization server metadata and protected resource metadata
that declare neither mechanism for sender-constrained access tokens:
- DPoP: a non-empty `dpop_signing_alg_values_supported` (RFC 9449 §5.1 for servers, RFC 9728 §2
  for resources);
- mutual TLS: `"tls_client_certificate_bound_access_tokens": true` (RFC 8705 §3.3 for servers,
  RFC 9728 §2 for resources); its default is `false`.

An ID Token issuer without a token endpoint (`SRV032`) issues no access tokens and is not
reported.

## Why is this bad?
FAPI 2.0 §5.3.2.1: the authorization server "shall only issue sender-constrained access tokens"
(item 4) using MTLS (RFC 8705) or DPoP (RFC 9449) (item 5); resource servers "shall support and
verify sender-constrained access tokens" with one of them (§5.3.4 item 5). A bearer token that
leaks (logs, a compromised resource, a malicious proxy) can be replayed by anyone; a
sender-constrained token is useless without the client's key. Clients discover the mechanism from
these members: a document that declares neither tells them that the server (or resource) does
not do it.

## Example
```json
{ "issuer": "https://as.example.com", "token_endpoint": "https://as.example.com/token" }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "token_endpoint": "https://as.example.com/token",
  "dpop_signing_alg_values_supported": ["PS256", "ES256"] }
```

## References
- FAPI 2.0 Security Profile §5.3.2.1 items 4–5; §5.3.4 item 5
- RFC 9449 §5.1 (`dpop_signing_alg_values_supported`); RFC 8705 §3.3
  (`tls_client_certificate_bound_access_tokens`); RFC 9728 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if ctx.kind == Kind::Server && is_token_issuer_only(obj) {
        return;
    }
    let dpop = obj
        .get("dpop_signing_alg_values_supported")
        .and_then(|n| n.as_array())
        .is_some_and(|a| !a.is_empty());
    let mtls = obj.get("tls_client_certificate_bound_access_tokens");
    if dpop || mtls.and_then(|n| n.as_bool()) == Some(true) {
        return;
    }
    let who = if ctx.kind == Kind::Server {
        "the server"
    } else {
        "the resource"
    };
    let help = "support DPoP (declare `dpop_signing_alg_values_supported`, e.g. [\"PS256\", \"ES256\"]) or \
                certificate-bound tokens (`\"tls_client_certificate_bound_access_tokens\": true`)";
    match mtls {
        Some(node) if node.as_bool() == Some(false) => {
            ctx.report(
                &FAPI_SENDER_CONSTRAINED_TOKENS,
                node.span,
                ptr("tls_client_certificate_bound_access_tokens"),
                format!("`tls_client_certificate_bound_access_tokens` is false and there is no `dpop_signing_alg_values_supported`: {who} advertises no sender-constrained access tokens"),
            )
            .help(help);
        }
        _ => {
            ctx.report(
                &FAPI_SENDER_CONSTRAINED_TOKENS,
                ctx.root.span,
                "",
                format!("neither `dpop_signing_alg_values_supported` nor `\"tls_client_certificate_bound_access_tokens\": true`: {who} advertises no sender-constrained access tokens"),
            )
            .help(help);
        }
    }
}
