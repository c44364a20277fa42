//! ALG006: a client asks for unsigned request objects or UserInfo JWTs (`none`), which is allowed.

use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::rules::alg::AlgValues;
use crate::rules::{Basis, Ctx, Rule};

/// ALG006: a client chooses `none` for request objects or UserInfo responses (allowed, but unsigned).
pub static UNSIGNED_JWT: Rule = Rule {
    code: "ALG006",
    name: "unsigned-jwt",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "A client chooses `none` for request objects or UserInfo responses (allowed, but unsigned)",
    profile: None,
    docs: r#"## What it does
Points out `none` in a client's `request_object_signing_alg` and `userinfo_signed_response_alg`.
Both are allowed by OpenID Connect Dynamic Client Registration (for request objects: "The value
none MAY be used"), so this is only an info. Where `none` is forbidden, `ALG004` reports it.

## Why is this bad?
- `request_object_signing_alg: none` tells the server to accept only *unsigned* request objects from
  this client: anyone can then build a request object in the client's name, and a request passed
  by reference (`request_uri`) is not integrity-protected. High-security profiles (FAPI 1.0
  Advanced, FAPI 2.0 Message Signing) require signed request objects.
- `userinfo_signed_response_alg: none` asks for a UserInfo response that is a JWT without a
  signature; when the client wants unsigned claims, omitting the member returns plain JSON, which is
  what most servers and libraries expect.

## Example
```json
{ "request_object_signing_alg": "none", "userinfo_signed_response_alg": "none" }
```

## Use instead
```json
{ "request_object_signing_alg": "PS256" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2 (`request_object_signing_alg`, `userinfo_signed_response_alg`)
- OpenID Connect Core 1.0 §6.1; RFC 9101 §10.2
"#,
};

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    if ctx.kind != Kind::Client {
        return;
    }
    for v in &values.members {
        let Some(member) = v.member else {
            continue;
        };
        if v.value != "none" {
            continue;
        }
        let (message, help) = match member.name {
            "request_object_signing_alg" => (
                "`request_object_signing_alg` is `none`: the server will accept only unsigned request objects from this client",
                "sign request objects (e.g. `PS256` or `ES256`) unless they only ever travel over a protected channel",
            ),
            "userinfo_signed_response_alg" => (
                "`userinfo_signed_response_alg` is `none`: UserInfo responses will be unsigned JWTs",
                "omit the member to receive plain JSON, or choose a signature algorithm",
            ),
            _ => continue,
        };
        ctx.report(&UNSIGNED_JWT, v.node.span, v.pointer, message).help(help);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn unsigned() {
        let f = findings(
            Kind::Client,
            r#"{"request_object_signing_alg": "none", "userinfo_signed_response_alg": "none", "id_token_signed_response_alg": "none"}"#,
            "ALG006",
        );
        assert_eq!(f.len(), 2);
        assert!(
            f[0].starts_with("/request_object_signing_alg `request_object_signing_alg` is `none`"),
            "{f:?}"
        );
        assert!(
            findings(
                Kind::Server,
                r#"{"request_object_signing_alg_values_supported": ["none"]}"#,
                "ALG006"
            )
            .is_empty()
        );
    }
}
