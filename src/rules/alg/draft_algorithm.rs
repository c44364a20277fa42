//! ALG007: an algorithm that a draft defines but IANA has not registered.

use crate::diagnostic::Severity;
use crate::rules::alg::members::{AlgName, alg_values, jwk_alg_values};
use crate::rules::{Basis, Ctx, Rule};

pub static DRAFT_ALGORITHM: Rule = Rule {
    code: "ALG007",
    name: "draft-algorithm",
    severity: Severity::Info,
    basis: Basis::Informational,
    summary: "An algorithm from a draft that is not (yet) registered at IANA",
    profile: None,
    docs: r#"## What it does
Points out algorithm names that are not in the IANA JOSE registry but are defined by a draft and
shipped by some implementations: `XC20P`, `C20P` and their key-wrapping variants
(draft-amringer-jose-chacha, offered by Keycloak among others), `HPKE-0` … `HPKE-7` and the `-KE`
variants (draft-ietf-jose-hpke-encrypt), and the ML-DSA composites `ML-DSA-44-…`, `ML-DSA-65-…`,
`ML-DSA-87-…` (draft-ietf-jose-pq-composite-sigs). In a member of the wrong family they are
`ALG002` instead.

## Why is this bad?
It is often intentional, hence info: but only peers that implement the same draft (and the same
revision of it) understand the name, and a draft's names can still change before registration.
Make sure a registered alternative is offered next to it.

## Example
```json
{ "id_token_encryption_enc_values_supported": ["XC20P"] }
```

## Use instead
```json
{ "id_token_encryption_enc_values_supported": ["A256GCM", "XC20P"] }
```

## References
- RFC 7518 §7.1 (the IANA JOSE algorithms registry)
- draft-amringer-jose-chacha; draft-ietf-jose-hpke-encrypt; draft-ietf-jose-pq-composite-sigs
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for v in alg_values(ctx).into_iter().chain(jwk_alg_values(ctx)) {
        let AlgName::Draft(draft) = AlgName::of(v.value) else {
            continue;
        };
        if !v.slot.accepts(draft.category) {
            continue;
        }
        ctx.report(
            &DRAFT_ALGORITHM,
            v.node.span,
            v.pointer,
            format!(
                "\"{}\" is not registered at IANA; it comes from {}",
                v.value, draft.source
            ),
        )
        .help("only peers implementing the same draft understand it; offer a registered algorithm as well");
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Kind;
    use crate::rules::alg::tests::findings;

    #[test]
    fn drafts() {
        let f = findings(
            Kind::Server,
            r#"{"id_token_encryption_enc_values_supported": ["A256GCM", "XC20P"], "id_token_encryption_alg_values_supported": ["XC20P"]}"#,
            "ALG007",
        );
        assert_eq!(
            f,
            [
                "/id_token_encryption_enc_values_supported/1 \"XC20P\" is not registered at IANA; it comes from draft-amringer-jose-chacha (implemented by Keycloak and several JOSE libraries) | only peers implementing the same draft understand it; offer a registered algorithm as well"
            ]
        );
        assert_eq!(
            findings(
                Kind::Jwks,
                r#"{"keys": [{"kty": "AKP", "alg": "ML-DSA-65-ES256"}]}"#,
                "ALG007"
            )
            .len(),
            1
        );
    }
}
