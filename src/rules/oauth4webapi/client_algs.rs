//! OWA001: a client algorithm oauth4webapi cannot verify or sign with.

use crate::diagnostic::Severity;
use crate::rules::util::{is_hmac, str_member};
use crate::rules::{Basis, Ctx, Profile, Rule, util};

/// OWA001: a client signing algorithm is outside what oauth4webapi supports.
pub static OWA_UNSUPPORTED_ALG: Rule = Rule {
    code: "OWA001",
    name: "oauth4webapi-unsupported-alg",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A client signing algorithm is outside what oauth4webapi supports",
    profile: Some(Profile::Oauth4webapi),
    docs: r#"## What it does
Under `--profile oauth4webapi`, checks the client's `id_token_signed_response_alg`,
`userinfo_signed_response_alg`, `introspection_signed_response_alg`,
`authorization_signed_response_alg`, `request_object_signing_alg` and
`token_endpoint_auth_signing_alg` against the algorithms oauth4webapi implements: PS256/384/512,
RS256/384/512, ES256/384/512, Ed25519, EdDSA, ML-DSA-44/65/87. No HMAC (`HS*`) and no `none` —
except that `client_secret_jwt` client assertions are HMAC by definition, so `HS256/384/512` are
accepted in `token_endpoint_auth_signing_alg` with that method.

## Why is this bad?
oauth4webapi refuses to validate a response signed with an algorithm it does not implement (and
never accepts unsigned ID tokens): every login of a client registered that way fails at run time.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "id_token_signed_response_alg": "HS256" }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/cb"], "id_token_signed_response_alg": "ES256" }
```

## References
- oauth4webapi v3 API reference: `Client`, `JWSAlgorithm`, `ClientSecretJwt`
- SPEC §5 (the seed's resolution rules)
"#,
};

const MEMBERS: &[&str] = &[
    "id_token_signed_response_alg",
    "userinfo_signed_response_alg",
    "introspection_signed_response_alg",
    "authorization_signed_response_alg",
    "request_object_signing_alg",
    "token_endpoint_auth_signing_alg",
];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let client_secret_jwt =
        str_member(obj, "token_endpoint_auth_method").is_some_and(|(_, m)| m == "client_secret_jwt");
    for &member in MEMBERS {
        let Some((node, alg)) = str_member(obj, member) else {
            continue;
        };
        if super::supports_alg(alg)
            || (member == "token_endpoint_auth_signing_alg" && client_secret_jwt && is_hmac(alg))
        {
            continue;
        }
        ctx.report(
            &OWA_UNSUPPORTED_ALG,
            node.span,
            util::ptr(member),
            format!("`{member}` is {alg:?}, which oauth4webapi does not support"),
        )
        .help("use one of PS256, ES256, RS256, Ed25519 (oauth4webapi supports PS/RS/ES 256/384/512, Ed25519, EdDSA, ML-DSA)");
    }
}
