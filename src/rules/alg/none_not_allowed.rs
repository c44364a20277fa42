//! ALG004: `none` in a member where the specifications forbid unsigned JWTs.

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::rules::alg::AlgValues;
use crate::rules::util::str_array;
use crate::rules::{Basis, Ctx, Rule};

/// ALG004: `none` (no signature) where the specification forbids it.
pub static NONE_NOT_ALLOWED: Rule = Rule {
    code: "ALG004",
    name: "none-not-allowed",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`none` (no signature) where the specification forbids it",
    profile: None,
    docs: r#"## What it does
Reports the algorithm `none` in:
- client `token_endpoint_auth_signing_alg` and server `token_endpoint_auth_signing_alg_values_supported`,
  `revocation_endpoint_auth_signing_alg_values_supported`, `introspection_endpoint_auth_signing_alg_values_supported`
  ("The value `none` MUST NOT be used");
- `resource_signing_alg_values_supported` of protected resource metadata (same words);
- `dpop_signing_alg_values_supported` of servers and protected resources: a DPoP proof's `alg`
  "MUST NOT be none", so a list of the algorithms accepted for proofs cannot contain it;
- CIBA's `backchannel_authentication_request_signing_alg_values_supported` (server): a signed
  authentication request "MUST be secured with an asymmetric signature" (the client's
  `backchannel_authentication_request_signing_alg` is `CLI065`'s);
- client `authorization_signed_response_alg` (JARM: "The algorithm none is not allowed");
- client `id_token_signed_response_alg`, unless every response type of the client (its
  `response_types`, default `["code"]`) returns no ID token from the authorization endpoint.
  The response type at fault is shown.

Where the specifications allow `none` it is not reported: `request_object_signing_alg` ("The value
none MAY be used"), `id_token_signing_alg_values_supported` ("MAY be supported"),
`userinfo_signing_alg_values_supported` ("MAY be included") and
`request_object_signing_alg_values_supported` (servers "SHOULD support none"); a client asking for
unsigned request objects or UserInfo responses is `ALG006` (info). Members whose specification says
nothing about `none` (RFC 9701 introspection responses, ETSI NFV tokens) are not judged.

## Why is this bad?
`none` means an unsigned JWT. A client assertion signed with `none` authenticates nobody; an
unsigned DPoP proof proves possession of no key; an unsigned ID token returned through the browser
can be forged by anyone who can inject a redirect.

## Example
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "none",
  "response_types": ["code id_token"], "id_token_signed_response_alg": "none" }
```

## Use instead
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "PS256",
  "response_types": ["code id_token"], "id_token_signed_response_alg": "PS256" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`token_endpoint_auth_signing_alg`, `id_token_signed_response_alg`, `request_object_signing_alg`)
- RFC 8414 §2; OpenID Connect Discovery 1.0 §3
- RFC 9728 §2 (`resource_signing_alg_values_supported`)
- RFC 9449 §4.2 (DPoP proof `alg`), §5.1
- OpenID Connect CIBA Core 1.0 §4 (metadata), §7.1.1 (signed authentication requests)
- JWT Secured Authorization Response Mode for OAuth 2.0 (JARM) §5
"#,
};

/// Members whose specification forbids `none` outright.
const FORBIDDEN: &[(Kind, &str)] = &[
    (Kind::Client, "token_endpoint_auth_signing_alg"),
    (Kind::Client, "authorization_signed_response_alg"),
    (Kind::Server, "token_endpoint_auth_signing_alg_values_supported"),
    (Kind::Server, "revocation_endpoint_auth_signing_alg_values_supported"),
    (Kind::Server, "introspection_endpoint_auth_signing_alg_values_supported"),
    (Kind::Server, "dpop_signing_alg_values_supported"),
    (
        Kind::Server,
        "backchannel_authentication_request_signing_alg_values_supported",
    ),
    (Kind::Resource, "resource_signing_alg_values_supported"),
    (Kind::Resource, "dpop_signing_alg_values_supported"),
];

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    let kind = ctx.kind;
    for v in &values.members {
        let Some(member) = v.member else {
            continue;
        };
        if v.value != "none" {
            continue;
        }
        if FORBIDDEN.contains(&(kind, member.name)) {
            ctx.report(
                &NONE_NOT_ALLOWED,
                v.node.span,
                v.pointer,
                format!("`none` (no signature) is not allowed in `{}`", member.name),
            )
            .help(format!(
                "remove `none`; use a signature algorithm such as {}",
                v.slot.examples()
            ));
        } else if kind == Kind::Client && member.name == "id_token_signed_response_alg" {
            let Some((response_type, span, pointer)) = id_token_response_type(ctx) else {
                continue;
            };
            ctx.report(
                &NONE_NOT_ALLOWED,
                v.node.span,
                v.pointer,
                format!("`id_token_signed_response_alg` is `none` but response type \"{response_type}\" returns an ID token from the authorization endpoint"),
            )
            .help("sign the ID token (for example `RS256`, the default), or use only response types without `id_token`, such as `code`")
            .related(span, pointer, "returns an ID token from the authorization endpoint");
        }
    }
}

/// The first of the client's response types that returns an ID token from the authorization
/// endpoint (one with the `id_token` token), with its span and pointer. The default `["code"]`
/// returns none.
fn id_token_response_type(ctx: &Ctx<'_, '_>) -> Option<(String, crate::json::Span, String)> {
    let (_, items) = str_array(ctx.object(), "response_types")?;
    items.into_iter().find_map(|(index, node, value)| {
        value.split(' ').any(|token| token == "id_token").then(|| {
            (
                value.to_owned(),
                node.span,
                crate::rules::util::ptr_index("response_types", index),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn forbidden_members() {
        let f = findings(
            Kind::Server,
            r#"{"token_endpoint_auth_signing_alg_values_supported": ["RS256", "none"],
                "request_object_signing_alg_values_supported": ["none", "RS256"],
                "id_token_signing_alg_values_supported": ["RS256", "none"],
                "userinfo_signing_alg_values_supported": ["none"],
                "dpop_signing_alg_values_supported": ["none", "ES256"]}"#,
            "ALG004",
        );
        assert_eq!(
            f,
            [
                "/token_endpoint_auth_signing_alg_values_supported/1 `none` (no signature) is not allowed in `token_endpoint_auth_signing_alg_values_supported` | remove `none`; use a signature algorithm such as `RS256`, `PS256`, `ES256`, `Ed25519`",
                "/dpop_signing_alg_values_supported/0 `none` (no signature) is not allowed in `dpop_signing_alg_values_supported` | remove `none`; use a signature algorithm such as `RS256`, `PS256`, `ES256`, `Ed25519`",
            ]
        );
        assert_eq!(
            findings(
                Kind::Resource,
                r#"{"resource": "https://rs.example", "resource_signing_alg_values_supported": ["none"]}"#,
                "ALG004"
            )
            .len(),
            1
        );
        assert!(findings(Kind::Client, r#"{"request_object_signing_alg": "none"}"#, "ALG004").is_empty());
    }

    #[test]
    fn id_token_none_depends_on_response_types() {
        assert!(findings(Kind::Client, r#"{"id_token_signed_response_alg": "none"}"#, "ALG004").is_empty());
        assert!(
            findings(
                Kind::Client,
                r#"{"id_token_signed_response_alg": "none", "response_types": ["code", "token"]}"#,
                "ALG004"
            )
            .is_empty()
        );
        let f = findings(
            Kind::Client,
            r#"{"id_token_signed_response_alg": "none", "response_types": ["code", "code id_token"]}"#,
            "ALG004",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].starts_with("/id_token_signed_response_alg `id_token_signed_response_alg` is `none` but response type \"code id_token\""), "{f:?}");
    }
}
