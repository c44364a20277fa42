//! ALG008: a server offers MAC algorithms for CIBA signed authentication requests.

use crate::diagnostic::Severity;
use crate::rules::alg::AlgValues;
use crate::rules::util::is_hmac;
use crate::rules::{Basis, Ctx, Rule};

/// ALG008: `backchannel_authentication_request_signing_alg_values_supported` lists a MAC (HS256, …).
pub static CIBA_MAC_ALGORITHM: Rule = Rule {
    code: "ALG008",
    name: "ciba-mac-algorithm",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`backchannel_authentication_request_signing_alg_values_supported` lists a MAC (HS256, …)",
    profile: None,
    docs: r#"## What it does
Reports `HS256`, `HS384` and `HS512` in the server's
`backchannel_authentication_request_signing_alg_values_supported` (CIBA). (`none` there is `ALG004`;
a client's `backchannel_authentication_request_signing_alg` with a MAC or `none` is `CLI065`.)

## Why is this bad?
A CIBA signed authentication request "MUST be secured with an asymmetric signature" (CIBA §7.1.1),
so clients may not use what the server offers here. The requirement is on the request, not on the
metadata, and real servers (Okta) publish these values, so this is a warning rather than an error:
the list promises something no conforming client sends, and a server that accepts MAC-signed
requests gives up the non-repudiation signed requests exist for.

## Example
```json
{ "backchannel_authentication_request_signing_alg_values_supported": ["HS256", "RS256", "PS256"] }
```

## Use instead
```json
{ "backchannel_authentication_request_signing_alg_values_supported": ["RS256", "PS256"] }
```

## References
- OpenID Connect CIBA Core 1.0 §4 (server metadata), §7.1.1 (signed authentication requests)
"#,
};

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    for v in &values.members {
        let listed = v
            .member
            .is_some_and(|m| m.name == "backchannel_authentication_request_signing_alg_values_supported");
        if listed && is_hmac(v.value) {
            ctx.report(
                &CIBA_MAC_ALGORITHM,
                v.node.span,
                v.pointer,
                format!(
                    "CIBA signed authentication requests must use an asymmetric signature; \"{}\" is a MAC",
                    v.value
                ),
            )
            .help("remove the HS* values; keep asymmetric algorithms such as `PS256`, `ES256` or `RS256`");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::{findings, severities};

    #[test]
    fn mac_in_ciba_list() {
        let doc = r#"{"backchannel_authentication_request_signing_alg_values_supported": ["HS512", "PS256"]}"#;
        assert_eq!(
            findings(Kind::Server, doc, "ALG008"),
            [
                "/backchannel_authentication_request_signing_alg_values_supported/0 CIBA signed authentication requests must use an asymmetric signature; \"HS512\" is a MAC | remove the HS* values; keep asymmetric algorithms such as `PS256`, `ES256` or `RS256`"
            ]
        );
        assert_eq!(severities(Kind::Server, doc, "ALG008"), ["warning"]);
    }
}
