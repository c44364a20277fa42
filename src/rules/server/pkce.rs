//! SRV021–SRV022: PKCE support as the metadata advertises it.

use crate::diagnostic::Severity;
use crate::rules::server::uses_authorization_code;
use crate::rules::util::{ptr, str_array};
use crate::rules::{Basis, Ctx, Rule};

pub static PKCE_WITHOUT_S256: Rule = Rule {
    code: "SRV021",
    name: "pkce-without-s256",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`code_challenge_methods_supported` does not include `S256`",
    profile: None,
    docs: r#"## What it does
Reports a non-empty `code_challenge_methods_supported` that does not contain `S256` (for example
`["plain"]`). A list with both `plain` and `S256` is not reported: RFC 9700 leaves the choice of
method to the client, which "SHOULD" use S256.

## Why is this bad?
"S256" is Mandatory To Implement on the server (RFC 7636 §4.2: "If the client is capable of
using "S256", it MUST use "S256", as "S256" is Mandatory To Implement (MTI) on the server"). A
server advertising PKCE without S256 leaves clients with `plain`, which sends the verifier itself
in the authorization request and so protects nothing against an attacker who can read that
request (RFC 9700 §2.1.1: "Currently, S256 is the only such method").

## Example
```json
{ "code_challenge_methods_supported": ["plain"] }
```

## Use instead
```json
{ "code_challenge_methods_supported": ["S256"] }
```

## References
- RFC 7636 §4.2, §7.2
- RFC 9700 §2.1.1
- RFC 8414 §2 (`code_challenge_methods_supported`)
"#,
};

pub static PKCE_NOT_ADVERTISED: Rule = Rule {
    code: "SRV022",
    name: "pkce-not-advertised",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "The server offers the authorization code grant but does not advertise PKCE",
    profile: None,
    docs: r#"## What it does
Reports metadata without `code_challenge_methods_supported` when the server offers the
authorization code grant (declared in `grant_types_supported`, or by its default).

## Why is this bad?
"If omitted, the authorization server does not support PKCE" (RFC 8414 §2). The Security BCP
requires authorization servers to support PKCE and to "provide a way to detect their support for
PKCE", recommending exactly this member (RFC 9700 §2.1.1). Clients that follow RFC 9700 §4.7.1
must then fall back to `state` or `nonce` for CSRF protection, and some (MCP clients, for one)
refuse to proceed at all. A deployment-specific way to signal PKCE is allowed, hence a warning.

## Example
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize", "response_types_supported": ["code"] }
```

## Use instead
```json
{ "issuer": "https://as.example.com", "authorization_endpoint": "https://as.example.com/authorize", "response_types_supported": ["code"], "code_challenge_methods_supported": ["S256"] }
```

## References
- RFC 9700 §2.1.1, §4.7.1
- RFC 8414 §2 (`code_challenge_methods_supported`); RFC 7636
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    match str_array(obj, "code_challenge_methods_supported") {
        Some((node, items)) => {
            let non_empty = !node.as_array().unwrap_or(&[]).is_empty();
            if non_empty && !items.iter().any(|(_, _, m)| *m == "S256") {
                let listed: Vec<&str> = items.iter().map(|(_, _, m)| *m).collect();
                ctx.report(
                    &PKCE_WITHOUT_S256,
                    node.span,
                    ptr("code_challenge_methods_supported"),
                    format!("`code_challenge_methods_supported` does not include `S256`: {listed:?}"),
                )
                .help("support and advertise `S256`; it is mandatory to implement for PKCE servers");
            }
        }
        None => {
            if !obj.contains("code_challenge_methods_supported") && uses_authorization_code(obj) {
                ctx.report(
                    &PKCE_NOT_ADVERTISED,
                    ctx.root.span,
                    "",
                    "the authorization code grant is offered, but `code_challenge_methods_supported` is missing, which means no PKCE support",
                )
                .help("support PKCE and add `\"code_challenge_methods_supported\": [\"S256\"]`");
            }
        }
    }
}
