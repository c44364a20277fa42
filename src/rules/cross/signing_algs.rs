//! XCS003–XCS007: a signing algorithm the client asks for is not one the server lists, one rule
//! per pair (ID token, userinfo, introspection, JARM, request object), as rows of one table.

use crate::cross::effective::{ClientEffective, Effective};
use crate::cross::{Provenance, ServerDoc};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS003: the client's ID token signing algorithm is not in the server's supported list.
pub static ID_TOKEN_ALG_UNSUPPORTED: Rule = Rule {
    code: "XCS003",
    name: "id-token-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's ID token signing algorithm is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's effective `id_token_signed_response_alg` (its own value, else the OpenID
Connect Registration default `RS256`) against the server's `id_token_signing_alg_values_supported`.
The default is checked only when the server publishes that list and the client uses the
authorization endpoint (a plain OAuth client of a plain OAuth server receives no ID tokens). A
client value the server does not advertise at all is a warning.

## Why is this bad?
The server signs the client's ID tokens with the registered algorithm; if it does not support it,
registration fails or the ID tokens are signed with another algorithm, which the client rejects
(OpenID Connect Core §3.1.3.7 step 7).

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "id_token_signed_response_alg": "PS256" }
```
against a server with `"id_token_signing_alg_values_supported": ["RS256", "ES256"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "id_token_signed_response_alg": "ES256" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`id_token_signed_response_alg`, default RS256)
- OpenID Connect Discovery 1.0 §3 (`id_token_signing_alg_values_supported`)
"#,
};

/// XCS004: the client's userinfo signing algorithm is not in the server's supported list.
pub static USERINFO_ALG_UNSUPPORTED: Rule = Rule {
    code: "XCS004",
    name: "userinfo-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's userinfo signing algorithm is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `userinfo_signed_response_alg` against the server's
`userinfo_signing_alg_values_supported`. Without the client member the userinfo response is plain
JSON (no default algorithm), so nothing is checked. When the server has no list, the finding is a
warning: the server does not advertise signed userinfo responses.

## Why is this bad?
The client will only accept userinfo responses signed with its registered algorithm; a server
that cannot sign with it returns something the client rejects, or refuses the registration.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "userinfo_signed_response_alg": "PS256" }
```
against a server with `"userinfo_signing_alg_values_supported": ["RS256"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "userinfo_signed_response_alg": "RS256" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`userinfo_signed_response_alg`)
- OpenID Connect Discovery 1.0 §3 (`userinfo_signing_alg_values_supported`)
"#,
};

/// XCS005: the client's introspection response signing algorithm is not in the server's supported list.
pub static INTROSPECTION_ALG_UNSUPPORTED: Rule = Rule {
    code: "XCS005",
    name: "introspection-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's introspection response signing algorithm is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `introspection_signed_response_alg` against the server's
`introspection_signing_alg_values_supported` (RFC 9701). The RFC 9701 default `RS256` only matters
when the client asks for JWT introspection responses, which metadata cannot show, so only a value
the client sets is checked. A server without the list gets a warning.

## Why is this bad?
The resource server (the client of introspection) rejects JWT introspection responses signed with
any other algorithm than the one it registered.

## Example
```json
{ "client_name": "api", "introspection_signed_response_alg": "PS256" }
```
against a server with `"introspection_signing_alg_values_supported": ["RS256"]`.

## Use instead
```json
{ "client_name": "api", "introspection_signed_response_alg": "RS256" }
```

## References
- RFC 9701 §6 (`introspection_signed_response_alg`), §7 (`introspection_signing_alg_values_supported`)
"#,
};

/// XCS006: the client's JARM response signing algorithm is not in the server's supported list.
pub static AUTHORIZATION_ALG_UNSUPPORTED: Rule = Rule {
    code: "XCS006",
    name: "authorization-response-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's JARM response signing algorithm is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `authorization_signed_response_alg` (JARM) against the server's
`authorization_signing_alg_values_supported`. The JARM default `RS256` only matters with a JWT
response mode, which metadata cannot show, so only a value the client sets is checked. A server
without the list gets a warning: it does not advertise JARM.

## Why is this bad?
The client rejects authorization responses signed with another algorithm than the registered one,
so every login fails.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "authorization_signed_response_alg": "ES256" }
```
against a server with `"authorization_signing_alg_values_supported": ["PS256"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "authorization_signed_response_alg": "PS256" }
```

## References
- OpenID Foundation, JWT Secured Authorization Response Mode for OAuth 2.0 (JARM) §3 (client
  metadata), §4 (server metadata)
"#,
};

/// XCS007: the client's request object signing algorithm is not in the server's supported list.
pub static REQUEST_OBJECT_ALG_UNSUPPORTED: Rule = Rule {
    code: "XCS007",
    name: "request-object-alg-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client's request object signing algorithm is not in the server's supported list",
    profile: None,
    docs: r#"## What it does
Checks the client's `request_object_signing_alg` against the server's
`request_object_signing_alg_values_supported`. Without the client member any algorithm both sides
support may be used (OpenID Connect Registration §2), so nothing is checked. A server without the
list gets a warning: it does not advertise signed request objects.

## Why is this bad?
The server must reject request objects that are not signed with the registered algorithm, and it
cannot verify an algorithm it does not support: every authorization request fails.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "request_object_signing_alg": "PS256" }
```
against a server with `"request_object_signing_alg_values_supported": ["RS256", "ES256"]`.

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "request_object_signing_alg": "ES256" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`request_object_signing_alg`)
- OpenID Connect Discovery 1.0 §3; RFC 9101 §10.5 (`request_object_signing_alg_values_supported`)
"#,
};

/// One row: the rule, the client member, the server list, and whether the registration default
/// is checked too.
struct Row {
    rule: &'static Rule,
    member: &'static str,
    list: &'static str,
}

const ROWS: [Row; 5] = [
    Row {
        rule: &ID_TOKEN_ALG_UNSUPPORTED,
        member: "id_token_signed_response_alg",
        list: "id_token_signing_alg_values_supported",
    },
    Row {
        rule: &USERINFO_ALG_UNSUPPORTED,
        member: "userinfo_signed_response_alg",
        list: "userinfo_signing_alg_values_supported",
    },
    Row {
        rule: &INTROSPECTION_ALG_UNSUPPORTED,
        member: "introspection_signed_response_alg",
        list: "introspection_signing_alg_values_supported",
    },
    Row {
        rule: &AUTHORIZATION_ALG_UNSUPPORTED,
        member: "authorization_signed_response_alg",
        list: "authorization_signing_alg_values_supported",
    },
    Row {
        rule: &REQUEST_OBJECT_ALG_UNSUPPORTED,
        member: "request_object_signing_alg",
        list: "request_object_signing_alg_values_supported",
    },
];

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    for row in &ROWS {
        let value: Option<&Effective<String>> = match row.member {
            "id_token_signed_response_alg" => Some(&client.id_token_signed_response_alg),
            "userinfo_signed_response_alg" => client.userinfo_signed_response_alg.as_ref(),
            "introspection_signed_response_alg" => Some(&client.introspection_signed_response_alg),
            "authorization_signed_response_alg" => Some(&client.authorization_signed_response_alg),
            _ => client.request_object_signing_alg.as_ref(),
        };
        let Some(value) = value else { continue };
        if let Provenance::Default { .. } = value.provenance {
            // Only the ID token default is certain to be used, and only by an OpenID Connect
            // client of an OpenID Connect server.
            let id_token_default_applies = row.member == "id_token_signed_response_alg"
                && client.uses_authorization_endpoint()
                && server.has(row.list);
            if !id_token_default_applies {
                continue;
            }
        }
        super::check_value(
            ctx,
            row.rule,
            server,
            row.member,
            value,
            row.list,
            &format!("set `{}` to an algorithm in the server's `{}`", row.member, row.list),
        );
    }
}
