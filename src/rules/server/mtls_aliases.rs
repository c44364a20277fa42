//! SRV013–SRV014: `mtls_endpoint_aliases` (RFC 8705 §5) holds aliases of endpoints the client
//! calls directly, each with a conventional counterpart at the top level.

use crate::diagnostic::Severity;
use crate::json::Pointer;
use crate::rules::{Basis, Ctx, Rule};

/// SRV013: an `mtls_endpoint_aliases` entry has no top-level counterpart.
pub static MTLS_ALIAS_WITHOUT_ENDPOINT: Rule = Rule {
    code: "SRV013",
    name: "mtls-alias-without-endpoint",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An `mtls_endpoint_aliases` entry has no top-level counterpart",
    profile: None,
    docs: r#"## What it does
Reports an entry of `mtls_endpoint_aliases` whose name is not also a top-level member of the
metadata (`device_authorization_endpoint` aliased, but no top-level
`device_authorization_endpoint`), or is not an endpoint at all (`jwks_uri`).

## Why is this bad?
RFC 8705 §5 defines the object as "alternative authorization server endpoints" to be used "in
preference to the endpoint URL of the same name at the top level of metadata"; its entries are
"endpoint parameters … conventionally defined for the top level". An alias without a top-level
endpoint advertises a feature only to mutual-TLS clients, and clients that look up the feature at
the top level first (most do) conclude that the server does not have it. It is usually an
endpoint that was removed from, or never added to, the top level.

## Example
```json
{ "token_endpoint": "https://as.example.com/token", "mtls_endpoint_aliases": { "token_endpoint": "https://mtls.as.example.com/token", "device_authorization_endpoint": "https://mtls.as.example.com/device" } }
```

## Use instead
```json
{ "token_endpoint": "https://as.example.com/token", "device_authorization_endpoint": "https://as.example.com/device", "mtls_endpoint_aliases": { "token_endpoint": "https://mtls.as.example.com/token", "device_authorization_endpoint": "https://mtls.as.example.com/device" } }
```

## References
- RFC 8705 §5
"#,
};

/// SRV014: `mtls_endpoint_aliases` aliases an endpoint that the browser, not the client, calls.
pub static MTLS_ALIAS_BROWSER_ENDPOINT: Rule = Rule {
    code: "SRV014",
    name: "mtls-alias-browser-endpoint",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`mtls_endpoint_aliases` aliases an endpoint that the browser, not the client, calls",
    profile: None,
    docs: r#"## What it does
Reports `authorization_endpoint`, `end_session_endpoint` or `check_session_iframe` inside
`mtls_endpoint_aliases`.

## Why is this bad?
The aliases are for requests the client makes "directly to the authorization server" (RFC 8705
§5). The user's browser, not the client, visits the authorization and logout endpoints, and a
browser asked for a client certificate shows the user a certificate picker, which is exactly what
RFC 8705 §5 introduces the aliases to avoid. Clients ignore such an alias (they redirect the
browser to the top-level endpoint), so the entry is at best dead and at worst a sign that the
mutual-TLS host was meant for user-facing traffic. RFC 8705 does not forbid the entry outright,
hence a warning.

## Example
```json
{ "mtls_endpoint_aliases": { "authorization_endpoint": "https://mtls.as.example.com/authorize", "token_endpoint": "https://mtls.as.example.com/token" } }
```

## Use instead
```json
{ "mtls_endpoint_aliases": { "token_endpoint": "https://mtls.as.example.com/token" } }
```

## References
- RFC 8705 §5
"#,
};

/// Endpoints that the user agent visits: aliasing them for mutual TLS is pointless.
const BROWSER_ENDPOINTS: &[&str] = &["authorization_endpoint", "end_session_endpoint", "check_session_iframe"];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some(aliases) = obj.get("mtls_endpoint_aliases").and_then(|n| n.as_object()) else {
        return;
    };
    for member in aliases.iter() {
        let name: &str = &member.name;
        let pointer = Pointer::root().key("mtls_endpoint_aliases").key(name).into_string();
        if BROWSER_ENDPOINTS.contains(&name) {
            ctx.report(
                &MTLS_ALIAS_BROWSER_ENDPOINT,
                member.name_span,
                pointer,
                format!("`mtls_endpoint_aliases` has `{name}`, which the user's browser visits"),
            )
            .help("remove it: mutual-TLS aliases are for endpoints the client calls directly (token, revocation, introspection, PAR, …)");
            continue;
        }
        if !name.ends_with("_endpoint") {
            ctx.report(
                &MTLS_ALIAS_WITHOUT_ENDPOINT,
                member.name_span,
                pointer,
                format!("`mtls_endpoint_aliases` has `{name}`, which is not an endpoint"),
            )
            .help("keep only endpoint members (`token_endpoint`, `revocation_endpoint`, …) in the aliases");
        } else if !obj.contains(name) {
            ctx.report(
                &MTLS_ALIAS_WITHOUT_ENDPOINT,
                member.name_span,
                pointer,
                format!("`mtls_endpoint_aliases` has `{name}`, but the metadata has no top-level `{name}`"),
            )
            .help(format!(
                "publish the conventional `{name}` at the top level too, or remove the alias"
            ));
        }
    }
}
