//! SRV021–SRV022: PKCE support as the metadata advertises it.

use crate::diagnostic::Severity;
use crate::registry::{self, tables};
use crate::rules::server::uses_authorization_code;
use crate::rules::util::{ptr, ptr_index, str_array};
use crate::rules::{Basis, Ctx, Rule};

/// SRV021: `code_challenge_methods_supported` does not include `S256`.
pub static PKCE_WITHOUT_S256: Rule = Rule {
    code: "SRV021",
    name: "pkce-without-s256",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "`code_challenge_methods_supported` does not include `S256`",
    profile: None,
    docs: r#"## What it does
Reports a non-empty `code_challenge_methods_supported` that does not contain `S256` (for example
`["plain"]`). A list with both `plain` and `S256` is `SRV035` (an info).

## Why is this bad?
`plain` sends the PKCE verifier itself in the authorization request, so it protects nothing
against an attacker who can read that request; clients "SHOULD use code challenge methods that do
not expose the PKCE verifier in the authorization request. ... Currently, S256 is the only such
method" (RFC 9700 §2.1.1). RFC 7636 §4.2 makes `S256` Mandatory To Implement on the server, so a
PKCE server that does not advertise it is either misconfigured or not conformant. The finding is
a security-BCP warning (SPEC §4.4) rather than an error because the document cannot prove that
the server lacks `S256`, only that it does not advertise it.

## Example
```json
{ "code_challenge_methods_supported": ["plain"] }
```

## Use instead
```json
{ "code_challenge_methods_supported": ["S256"] }
```

## References
- RFC 9700 §2.1.1
- RFC 7636 §4.2, §7.2
- RFC 8414 §2 (`code_challenge_methods_supported`)
"#,
};

/// SRV022: the server offers the authorization code grant but does not advertise PKCE.
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

/// SRV034: a `code_challenge_methods_supported` entry is not a registered PKCE method.
pub static UNKNOWN_PKCE_METHOD: Rule = Rule {
    code: "SRV034",
    name: "unknown-pkce-method",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A `code_challenge_methods_supported` entry is not a registered PKCE method",
    profile: None,
    docs: r#"## What it does
Reports an entry of `code_challenge_methods_supported` that is not in the IANA "PKCE Code
Challenge Methods" registry (`S256`, `plain`): a wrong case (`s256`), a JOSE algorithm name
(`RS256`), anything else.

## Why is this bad?
"The valid code challenge method values are those registered in the IANA "PKCE Code Challenge
Methods" registry" (RFC 8414 §2); method names are case-sensitive. A client cannot send such a
method (the server would answer `invalid_request`), and a JWS algorithm name in this list is a
list pasted into the wrong member, which usually means the real list of methods is missing.

## Example
```json
{ "code_challenge_methods_supported": ["RS256", "ES256", "S256"] }
```

## Use instead
```json
{ "code_challenge_methods_supported": ["S256"] }
```

## References
- RFC 8414 §2 (`code_challenge_methods_supported`)
- RFC 7636 §4.2, §6.2; IANA PKCE Code Challenge Methods registry
"#,
};

/// SRV035: `code_challenge_methods_supported` offers `plain` next to `S256`.
pub static PKCE_PLAIN_OFFERED: Rule = Rule {
    code: "SRV035",
    name: "pkce-plain-offered",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "`code_challenge_methods_supported` offers `plain` next to `S256`",
    profile: None,
    docs: r#"## What it does
Reports `plain` in a `code_challenge_methods_supported` list that also has `S256`.

## Why is this bad?
Usually it is harmless: RFC 7636 §7.2 forbids clients to downgrade to `plain` after trying
`S256`, and RFC 9700 §2.1.1 tells clients to use `S256`. But `plain` is only meant for clients that
cannot compute SHA-256, which today means none, and a server that accepts it lets a weak client
configuration pass unnoticed; OAuth 2.1 and FAPI 2.0 allow `S256` only. Worth removing when the
clients allow it.

## Example
```json
{ "code_challenge_methods_supported": ["plain", "S256"] }
```

## Use instead
```json
{ "code_challenge_methods_supported": ["S256"] }
```

## References
- RFC 7636 §4.2, §7.2
- RFC 9700 §2.1.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    match str_array(obj, "code_challenge_methods_supported") {
        Some((node, items)) => {
            for (index, item, method) in &items {
                if registry::contains(tables::PKCE_CODE_CHALLENGE_METHODS, method) {
                    continue;
                }
                let d = ctx.report(
                    &UNKNOWN_PKCE_METHOD,
                    item.span,
                    ptr_index("code_challenge_methods_supported", *index),
                    format!("{method:?} is not a registered PKCE code challenge method"),
                );
                if registry::jose_algorithm(method).is_some() {
                    d.help(format!(
                        "`{method}` is a JOSE algorithm, not a PKCE method: this list holds `S256` (and `plain`)"
                    ));
                } else if method.eq_ignore_ascii_case("S256") || method.eq_ignore_ascii_case("plain") {
                    d.help(format!(
                        "method names are case-sensitive: write `{}`",
                        if method.eq_ignore_ascii_case("S256") {
                            "S256"
                        } else {
                            "plain"
                        }
                    ));
                } else {
                    d.help("the registered methods are `S256` and `plain`");
                }
            }
            let non_empty = !node.as_array().unwrap_or(&[]).is_empty();
            let has_s256 = items.iter().any(|(_, _, m)| *m == "S256");
            if non_empty && !has_s256 {
                let listed: Vec<&str> = items.iter().map(|(_, _, m)| *m).collect();
                ctx.report(
                    &PKCE_WITHOUT_S256,
                    node.span,
                    ptr("code_challenge_methods_supported"),
                    format!("`code_challenge_methods_supported` does not include `S256`: {listed:?}"),
                )
                .help("support and advertise `S256`; it is mandatory to implement for PKCE servers");
            }
            if has_s256 && let Some((index, item, _)) = items.iter().find(|(_, _, m)| *m == "plain") {
                ctx.report(
                    &PKCE_PLAIN_OFFERED,
                    item.span,
                    ptr_index("code_challenge_methods_supported", *index),
                    "`plain` is offered next to `S256`",
                )
                .help("remove `plain` once no client needs it: `S256` is the only method that hides the verifier");
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
