//! FAPI002: a response type other than `code`.

use crate::diagnostic::Severity;
use crate::rules::server::response_type_tokens;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// FAPI002: a FAPI 2.0 server offers, or a client uses, a response type other than `code`.
pub static FAPI_RESPONSE_TYPE: Rule = Rule {
    code: "FAPI002",
    name: "fapi2-response-type",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A FAPI 2.0 server offers, or a client uses, a response type other than `code`",
    profile: Some(Profile::Fapi2),
    docs: r#"## What it does
Under `--profile fapi2`, reports the entries of a server's `response_types_supported` and of a
client's `response_types` other than `code`: `code id_token`, `id_token`, `none`, …, one finding
per document pointing at the first and naming all of them. Response types that contain `token`
(`token`, `code token`, `code id_token token`, …) are left to `SRV024` and `CLI025`, which the
profile raises to errors, so that a value is reported once. A client without `response_types`
uses the default `["code"]` and passes.

## Why is this bad?
FAPI 2.0 §5.3.2.2 item 1: authorization servers "shall require the value of `response_type`
described in RFC 6749 to be `code`". Unlike FAPI 1.0 Advanced, which used `code id_token` and the
ID Token as a detached signature, FAPI 2.0 returns nothing but the code from the authorization
endpoint: no ID Token in the front channel (privacy), and PKCE, which the client cannot skip,
instead of nonce and signature checks, which it can (FAPI 2.0, "Main differences to
FAPI 1.0"). A client registered for `code id_token` cannot use a FAPI 2.0 server.

## Example
```json
{ "response_types_supported": ["code", "code id_token"] }
```

## Use instead
```json
{ "response_types_supported": ["code"] }
```

## References
- FAPI 2.0 Security Profile §5.3.2.2 item 1; §5.3.3.2 item 1; "Main differences to FAPI 1.0"
- RFC 6749 §3.1.1 (response types); OAuth 2.0 Multiple Response Type Encoding Practices §5
"#,
};

/// Whether a response type is exactly `code` (its tokens form the set {code}).
fn is_code(response_type: &str) -> bool {
    let mut tokens = response_type_tokens(response_type);
    tokens.next() == Some("code") && tokens.all(|t| t == "code")
}

/// Whether `SRV024` / `CLI025` report the response type (it returns an access token).
fn returns_access_token(response_type: &str) -> bool {
    response_type_tokens(response_type).any(|t| t == "token")
}

pub(super) fn check_server(ctx: &mut Ctx<'_, '_>) {
    report(ctx, "response_types_supported", "the server offers");
}

pub(super) fn check_client(ctx: &mut Ctx<'_, '_>) {
    report(ctx, "response_types", "the client uses");
}

fn report(ctx: &mut Ctx<'_, '_>, member: &str, who: &str) {
    let Some((_, items)) = str_array(ctx.object(), member) else {
        return;
    };
    let others: Vec<_> = items
        .iter()
        .filter(|(_, _, rt)| !is_code(rt) && !returns_access_token(rt))
        .collect();
    let Some((index, node, _)) = others.first() else {
        return;
    };
    let listed: Vec<String> = others.iter().map(|(_, _, rt)| format!("\"{rt}\"")).collect();
    let d = ctx.report(
        &FAPI_RESPONSE_TYPE,
        node.span,
        ptr_index(member, *index),
        format!(
            "{who} response types other than `code`, which FAPI 2.0 does not allow: {}",
            listed.join(", ")
        ),
    );
    d.help("use the `code` response type only; ID Tokens come from the token endpoint");
    for (index, node, _) in others.iter().skip(1) {
        d.related(node.span, ptr_index(member, *index), "not `code` either");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_only() {
        assert!(is_code("code") && is_code("code code"));
        assert!(!is_code("code id_token") && !is_code("id_token") && !is_code(""));
        assert!(returns_access_token("code id_token token") && !returns_access_token("code id_token"));
    }
}
