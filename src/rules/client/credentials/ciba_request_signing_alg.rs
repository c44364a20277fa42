//! CLI065: `backchannel_authentication_request_signing_alg` that is not an asymmetric signature.

use crate::diagnostic::Severity;
use crate::rules::util::{is_hmac, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI065: `backchannel_authentication_request_signing_alg` is an HMAC or `none`.
pub static CIBA_REQUEST_SIGNING_ALG_SYMMETRIC: Rule = Rule {
    code: "CLI065",
    name: "ciba-request-signing-alg-symmetric",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`backchannel_authentication_request_signing_alg` is an HMAC or `none`",
    profile: None,
    docs: r#"## What it does
Reports `backchannel_authentication_request_signing_alg` set to `HS256`, `HS384`, `HS512` or
`none`. (Unregistered names are the `ALG` rules' business.)

## Why is this bad?
The member names the algorithm of the client's signed authentication requests, and CIBA Core
§7.1.1 requires: "The JWT MUST be secured with an asymmetric signature". An HMAC (keyed with a
secret the server also knows) does not prove that the client made the request, and `none` is no
signature at all: the server rejects every signed authentication request.

## Example
```json
{
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "poll",
  "backchannel_authentication_request_signing_alg": "HS256"
}
```

## Use instead
```json
{
  "grant_types": ["urn:openid:params:grant-type:ciba"],
  "backchannel_token_delivery_mode": "poll",
  "backchannel_authentication_request_signing_alg": "PS256",
  "jwks_uri": "https://client.example.org/jwks.json"
}
```

## References
- OpenID Connect Client-Initiated Backchannel Authentication Flow - Core 1.0 (CIBA) §4
  (`backchannel_authentication_request_signing_alg`), §7.1.1 ("The JWT MUST be secured with an
  asymmetric signature")
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    let Some((node, alg)) = str_member(obj, "backchannel_authentication_request_signing_alg") else {
        return;
    };
    let what = if is_hmac(alg) {
        "an HMAC"
    } else if alg == "none" {
        "no signature"
    } else {
        return;
    };
    ctx.report(
        &CIBA_REQUEST_SIGNING_ALG_SYMMETRIC,
        node.span,
        ptr("backchannel_authentication_request_signing_alg"),
        format!("`backchannel_authentication_request_signing_alg` is {alg:?}, {what}; signed authentication requests need an asymmetric signature"),
    )
    .help("use an asymmetric algorithm such as PS256 or ES256 with the client's keys in `jwks_uri`, or omit the member to send unsigned requests");
}
