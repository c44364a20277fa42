//! ALG005: a MAC algorithm among the algorithms accepted for DPoP proofs.

use crate::diagnostic::Severity;
use crate::rules::alg::AlgValues;
use crate::rules::util::is_hmac;
use crate::rules::{Basis, Ctx, Rule};

/// ALG005: `dpop_signing_alg_values_supported` lists a symmetric MAC algorithm (HS256, …).
pub static DPOP_MAC_ALGORITHM: Rule = Rule {
    code: "ALG005",
    name: "dpop-mac-algorithm",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`dpop_signing_alg_values_supported` lists a symmetric MAC algorithm (HS256, …)",
    profile: None,
    docs: r#"## What it does
Reports `HS256`, `HS384` and `HS512` in `dpop_signing_alg_values_supported` of authorization
server and protected resource metadata. (`none` in the same list is `ALG004`.)

## Why is this bad?
A DPoP proof's `alg` is "an identifier for a JWS asymmetric digital signature algorithm" and "MUST
NOT be none or an identifier for a symmetric algorithm (MAC)" (RFC 9449 §4.2), and a server
validating a proof must check that its `alg` is an asymmetric signature algorithm (§4.3): the proof
carries the public key it is verified with, and a MAC key cannot be published. Listing a MAC
advertises proofs the server must reject.

## Example
```json
{ "dpop_signing_alg_values_supported": ["ES256", "HS256"] }
```

## Use instead
```json
{ "dpop_signing_alg_values_supported": ["ES256", "PS256"] }
```

## References
- RFC 9449 §4.2 (`alg` of a DPoP proof), §4.3 (checking proofs), §5.1 (authorization server metadata)
- RFC 9728 §2 (`dpop_signing_alg_values_supported` of protected resources)
"#,
};

pub(super) fn check<'o, 'a>(ctx: &mut Ctx<'o, 'a>, values: &AlgValues<'o, 'a>) {
    for v in &values.members {
        if v.member.is_some_and(|m| m.name == "dpop_signing_alg_values_supported") && is_hmac(v.value) {
            ctx.report(
                &DPOP_MAC_ALGORITHM,
                v.node.span,
                v.pointer,
                format!(
                    "DPoP proofs must be signed with an asymmetric algorithm; \"{}\" is a MAC",
                    v.value
                ),
            )
            .help("remove it; offer asymmetric algorithms such as `ES256`, `PS256` or `Ed25519`");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn mac_in_dpop_list() {
        let f = findings(
            Kind::Server,
            r#"{"dpop_signing_alg_values_supported": ["ES256", "HS256"]}"#,
            "ALG005",
        );
        assert_eq!(
            f,
            [
                "/dpop_signing_alg_values_supported/1 DPoP proofs must be signed with an asymmetric algorithm; \"HS256\" is a MAC | remove it; offer asymmetric algorithms such as `ES256`, `PS256` or `Ed25519`"
            ]
        );
        assert!(
            findings(
                Kind::Server,
                r#"{"token_endpoint_auth_signing_alg_values_supported": ["HS256"]}"#,
                "ALG005"
            )
            .is_empty()
        );
        let resource = r#"{"resource": "https://rs.example", "dpop_signing_alg_values_supported": ["HS384"]}"#;
        assert_eq!(findings(Kind::Resource, resource, "ALG005").len(), 1);
    }
}
