//! JWK027: an `x5u` that is not an https URL.

use super::JwkSet;
use crate::diagnostic::Severity;
use crate::rules::util::parse_url;
use crate::rules::{Basis, Ctx, Rule};

/// JWK027: a JWK's `x5u` does not use https.
pub static X5U_NOT_HTTPS: Rule = Rule {
    code: "JWK027",
    name: "x5u-not-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK's `x5u` does not use https",
    profile: None,
    docs: r#"## What it does
Reports a key whose `x5u` (X.509 URL) is an absolute URL with a scheme other than `https`. A
value that is not an absolute URL is SCH002's.

## Why is this bad?
"The protocol used to acquire the resource MUST provide integrity protection; an HTTP GET request
to retrieve the certificate MUST use TLS" (RFC 7517 §4.6). Over plain http, anyone on the path can
substitute the certificate chain.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "x5u": "http://pki.example.com/k1.pem" } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "x5u": "https://pki.example.com/k1.pem" } ] }
```

## References
- RFC 7517 §4.6
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let (Some(node), Some(value)) = (key.member("x5u"), key.str("x5u")) else {
            continue;
        };
        let Some(url) = parse_url(value) else { continue };
        if url.scheme() == "https" {
            continue;
        }
        ctx.report(
            &X5U_NOT_HTTPS,
            node.span,
            key.ptr("x5u"),
            format!("{} uses {}: {value:?}", key.describe_member("x5u"), url.scheme()),
        )
        .help("serve the certificate chain over https");
    }
}
