//! CLI001: a client that uses the authorization endpoint registers no redirect URI.

use super::model::{Client, DEFAULT_GRANT_TYPE};
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI001: a client that uses the authorization endpoint has no `redirect_uris`.
pub static REDIRECT_URIS_MISSING: Rule = Rule {
    code: "CLI001",
    name: "redirect-uris-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A client that uses the authorization endpoint has no `redirect_uris`",
    profile: None,
    docs: r#"## What it does
Reports client metadata without `redirect_uris` (or with an empty array) when the client uses the
authorization endpoint: its
effective grant types include `authorization_code` or `implicit` (`grant_types` defaults to
`["authorization_code"]` when omitted), or it declares a response type.

Clients that only use the token endpoint (`client_credentials`, the device grant, CIBA, token
exchange, JWT bearer) need no redirect URI and are not reported.

Every role is checked: registration requests and responses, Client ID Metadata Documents and
static client configurations (an authorization server's client list needs the redirect URIs as
much as a registration does). A relying party whose own settings file deliberately leaves the
redirect URI to each request (the `Client` object of oauth4webapi has no `redirect_uris`) can turn
the rule off for that path.

Not reported, because the redirect URIs can legitimately live elsewhere:
- documents carrying a `software_statement`: its claims may hold the redirect URIs
  (RFC 7591 §3.1.1);
- software statement claim sets (role `statement`, detected by an `iss` claim, which client
  metadata never has, or by `software_id` without `client_id` or `redirect_uris`; see
  `--role`): RFC 7591 §2 lets metadata be split between the statement and the request, and
  §3.1.1 shows the instance-specific `redirect_uris` sent beside the statement. Forced to another
  role, such a document is checked like any other.

## Why is this bad?
RFC 7591 §2: "clients using flows with redirection MUST register their redirection URI values",
and OpenID Connect Registration §2 marks `redirect_uris` REQUIRED. The authorization server
compares the `redirect_uri` of every authorization request with the registered values (exact
match, RFC 9700 §2.1); with none registered, every authorization request fails, and servers
reject the registration (`invalid_redirect_uri`).

## Example
```json
{ "client_name": "Example", "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://app.example/jwks.json" }
```

## Use instead
```json
{ "client_name": "Example", "redirect_uris": ["https://app.example/callback"], "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://app.example/jwks.json" }
```
or, for a machine-to-machine client, say so:
```json
{ "client_name": "Example", "grant_types": ["client_credentials"], "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://app.example/jwks.json" }
```

## References
- RFC 7591 §2 (`redirect_uris`, `grant_types` default), §3.1.1, §5
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`redirect_uris`: REQUIRED)
- RFC 6749 §3.1.2.2
- draft-ietf-oauth-client-id-metadata-document, "Redirect URL Registration"
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    if !client.uses_authorization_endpoint() {
        return;
    }
    let obj = ctx.object();
    if obj.contains("software_statement") || ctx.role == Some(Role::Statement) {
        return;
    }
    let why = why_authorization_endpoint(client);
    match obj.get("redirect_uris") {
        None => {
            let span = ctx.root.span;
            ctx.report(
                &REDIRECT_URIS_MISSING,
                span,
                "",
                format!("`redirect_uris` is missing, but the client uses the authorization endpoint ({why})"),
            )
            .help(HELP);
        }
        Some(node) if node.as_array().is_some_and(<[_]>::is_empty) => {
            ctx.report(
                &REDIRECT_URIS_MISSING,
                node.span,
                util::ptr("redirect_uris"),
                format!("`redirect_uris` is empty, but the client uses the authorization endpoint ({why})"),
            )
            .help(HELP);
        }
        // Present with a wrong type (SCH001) or with values: not this rule's business.
        Some(_) => {}
    }
}

const HELP: &str = "register the exact redirect URIs the client uses; a client that never uses \
                    the authorization endpoint says so in `grant_types` (e.g. [\"client_credentials\"])";

/// Names what sends the client to the authorization endpoint, for the message.
fn why_authorization_endpoint(client: &Client<'_, '_>) -> String {
    if client.grant_types.is_none() {
        return format!("`grant_types` defaults to [\"{DEFAULT_GRANT_TYPE}\"]");
    }
    for grant in ["authorization_code", "implicit"] {
        if client.has_grant_type(grant) {
            return format!("grant type \"{grant}\"");
        }
    }
    match client.explicit_response_types().first() {
        Some((_, _, rt)) => format!("response type \"{rt}\""),
        None => "it declares response types".to_owned(),
    }
}
