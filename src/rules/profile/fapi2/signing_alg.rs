//! FAPI006: a signing algorithm (or a signing key) outside PS256, ES256 and EdDSA/Ed25519.

use super::{ALLOWED_ALGS, ALLOWED_ALGS_TEXT};
use crate::diagnostic::Severity;
use crate::document::Kind;
use crate::json::{Node, Pointer};
use crate::registry::{self, AlgCategory};
use crate::rules::alg::members::{ALG_MEMBERS, Slot};
use crate::rules::server::response_type_tokens;
use crate::rules::util::str_array;
use crate::rules::{Basis, Ctx, Profile, Rule};

/// FAPI006: a signing algorithm or signing key outside PS256, ES256 and EdDSA (Ed25519).
pub static FAPI_SIGNING_ALGORITHM: Rule = Rule {
    code: "FAPI006",
    name: "fapi2-signing-algorithm",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A signing algorithm or signing key outside PS256, ES256 and EdDSA (Ed25519)",
    profile: Some(Profile::Fapi2),
    docs: r#"## What it does
Under `--profile fapi2`, reports registered JWS algorithms other than `PS256`, `ES256`, `EdDSA`
and `Ed25519`:
- in every signing list of server metadata (`id_token_signing_alg_values_supported`,
  `token_endpoint_auth_signing_alg_values_supported`, `request_object_signing_alg_values_supported`,
  `dpop_signing_alg_values_supported`, `authorization_signing_alg_values_supported`, …) and of
  protected resource metadata, one finding per list naming every such algorithm;
- in every signing member of client metadata (`id_token_signed_response_alg`,
  `token_endpoint_auth_signing_alg`, `request_object_signing_alg`, …);
- in the `alg` of a JWK of a JWK Set or of a client's `jwks`; and a signing key (`"use": "sig"`)
  without `alg` on a curve no allowed algorithm uses (EC `P-384`, `P-521`, `secp256k1`; OKP
  `Ed448`).

Names that are not registered JWS algorithms are `ALG001`/`ALG002`'s findings, and `none` where
`ALG004` (or `ALG006`, raised to an error under this profile) reports it is left to them.
Encryption algorithms (`RSA-OAEP`, `A256GCM`) are not signing algorithms and are not checked.

## Why is this bad?
FAPI 2.0 §5.4.1 item 1: authorization servers, clients and resource servers, "when creating or
processing JWTs shall … use `PS256`, `ES256`, or `EdDSA` (using the `Ed25519` variant) algorithms;
and not use or accept the `none` algorithm". The note under it allows a fully-specified algorithm
for EdDSA with Ed25519 once registered, which RFC 9864 has done (`Ed25519`). RSASSA-PKCS1-v1_5
(`RS256`) and the other hashes and curves are outside the formally analysed profile; a server that
offers them lets a client or an attacker pick them.

An OpenID Provider under this profile is therefore not asked for `RS256` in
`id_token_signing_alg_values_supported` (`SRV007` stays silent).

## Example
```json
{ "id_token_signing_alg_values_supported": ["RS256", "PS256"],
  "token_endpoint_auth_signing_alg_values_supported": ["PS256", "ES256", "HS256"] }
```

## Use instead
```json
{ "id_token_signing_alg_values_supported": ["PS256"],
  "token_endpoint_auth_signing_alg_values_supported": ["PS256", "ES256"] }
```

## References
- FAPI 2.0 Security Profile §5.4.1 item 1 and its note
- RFC 9864 (`Ed25519`); RFC 7518 §3.1
"#,
};

/// Server and resource lists where `none` is `ALG004`'s finding.
const NONE_IS_ALG004_LIST: &[&str] = &[
    "token_endpoint_auth_signing_alg_values_supported",
    "revocation_endpoint_auth_signing_alg_values_supported",
    "introspection_endpoint_auth_signing_alg_values_supported",
    "dpop_signing_alg_values_supported",
    "backchannel_authentication_request_signing_alg_values_supported",
    "resource_signing_alg_values_supported",
];

/// Client members where `none` is `ALG004`'s or `ALG006`'s finding (`id_token_signed_response_alg`
/// is `ALG004`'s only with a response type that returns an ID Token: see [`none_reported_elsewhere`]).
const NONE_IS_REPORTED_CLIENT_MEMBER: &[&str] = &[
    "token_endpoint_auth_signing_alg",
    "authorization_signed_response_alg",
    "request_object_signing_alg",
    "userinfo_signed_response_alg",
];

/// A registered JWS algorithm outside the allowed set.
fn disallowed(alg: &str) -> bool {
    !ALLOWED_ALGS.contains(&alg) && matches!(registry::jose_algorithm(alg), Some((_, AlgCategory::Jws)))
}

/// Whether another rule already reports `none` in this member.
fn none_reported_elsewhere(ctx: &Ctx<'_, '_>, member: &str) -> bool {
    match ctx.kind {
        Kind::Client if member == "id_token_signed_response_alg" => str_array(ctx.object(), "response_types")
            .is_some_and(|(_, items)| {
                items
                    .iter()
                    .any(|(_, _, rt)| response_type_tokens(rt).any(|t| t == "id_token"))
            }),
        Kind::Client => NONE_IS_REPORTED_CLIENT_MEMBER.contains(&member),
        _ => NONE_IS_ALG004_LIST.contains(&member),
    }
}

/// The signing lists and members of server, resource and client metadata.
pub(super) fn check_metadata(ctx: &mut Ctx<'_, '_>) {
    let kind = ctx.kind;
    let obj = ctx.object();
    for spec in ALG_MEMBERS.iter().filter(|m| m.kind == kind && m.slot == Slot::Jws) {
        let Some(node) = obj.get(spec.name) else {
            continue;
        };
        let pointer = Pointer::root().key(spec.name);
        let bad: Vec<(&Node<'_>, &str, String)> = if spec.list {
            node.str_items()
                .map(|(index, item, alg)| (item, alg, pointer.index(index).into_string()))
                .collect()
        } else {
            node.as_str()
                .map(|alg| (node, alg, pointer.clone().into_string()))
                .into_iter()
                .collect()
        };
        let bad: Vec<_> = bad
            .into_iter()
            .filter(|(_, alg, _)| disallowed(alg) && !(*alg == "none" && none_reported_elsewhere(ctx, spec.name)))
            .collect();
        let Some((first, _, first_pointer)) = bad.first() else {
            continue;
        };
        let names: Vec<String> = bad.iter().map(|(_, alg, _)| format!("`{alg}`")).collect();
        let message = if spec.list {
            format!(
                "`{}` offers signing algorithms FAPI 2.0 does not allow: {}",
                spec.name,
                names.join(", ")
            )
        } else {
            format!("`{}` is {}, which FAPI 2.0 does not allow", spec.name, names[0])
        };
        let d = ctx.report(&FAPI_SIGNING_ALGORITHM, first.span, first_pointer.clone(), message);
        d.help(format!("FAPI 2.0 §5.4.1 allows only {ALLOWED_ALGS_TEXT}"));
        for (node, _, pointer) in bad.iter().skip(1) {
            d.related(node.span, pointer.clone(), "not allowed either");
        }
    }
}

/// Curves that no allowed algorithm signs with: `(kty, crv, the algorithm the curve is for)`.
const CURVES_WITHOUT_ALLOWED_ALG: &[(&str, &str, &str)] = &[
    ("EC", "P-384", "ES384"),
    ("EC", "P-521", "ES512"),
    ("EC", "secp256k1", "ES256K"),
    ("OKP", "Ed448", "EdDSA with Ed448"),
];

/// The keys of a JWK Set document, or of a client's inline `jwks`.
pub(super) fn check_keys(ctx: &mut Ctx<'_, '_>) {
    let (set, base) = if ctx.kind == Kind::Jwks {
        (Some(ctx.root), Pointer::root())
    } else {
        (ctx.object().get("jwks"), Pointer::root().key("jwks"))
    };
    let Some(keys) = set.and_then(|s| s.get("keys")).and_then(|k| k.as_array()) else {
        return;
    };
    for (index, key) in keys.iter().enumerate() {
        let Some(obj) = key.as_object() else {
            continue;
        };
        let pointer = base.key("keys").index(index);
        let named = match obj.get("kid").and_then(|n| n.as_str()) {
            Some(kid) => format!("the key \"{kid}\""),
            None => format!("key {index}"),
        };
        if let Some(alg_node) = obj.get("alg") {
            let Some(alg) = alg_node.as_str() else {
                continue;
            };
            if alg != "none" && disallowed(alg) {
                ctx.report(
                    &FAPI_SIGNING_ALGORITHM,
                    alg_node.span,
                    pointer.key("alg").into_string(),
                    format!("{named} is for `{alg}`, which FAPI 2.0 does not allow"),
                )
                .help(format!(
                    "FAPI 2.0 §5.4.1 allows only {ALLOWED_ALGS_TEXT}: an RSA key signs with `PS256`, a P-256 key with `ES256`"
                ));
            }
            continue;
        }
        if obj.get("use").and_then(|n| n.as_str()) != Some("sig") {
            continue; // an encryption key, or a key whose purpose the set does not say
        }
        let (Some(kty), Some(crv_node)) = (obj.get("kty").and_then(|n| n.as_str()), obj.get("crv")) else {
            continue;
        };
        let Some(crv) = crv_node.as_str() else {
            continue;
        };
        if let Some((_, _, alg)) = CURVES_WITHOUT_ALLOWED_ALG
            .iter()
            .find(|(k, c, _)| *k == kty && *c == crv)
        {
            ctx.report(
                &FAPI_SIGNING_ALGORITHM,
                crv_node.span,
                pointer.key("crv").into_string(),
                format!("{named} is a signing key on {crv}, which only {alg} uses; FAPI 2.0 does not allow it"),
            )
            .help("sign with a P-256 key (`ES256`), an RSA key (`PS256`) or an Ed25519 key");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_set() {
        assert!(!disallowed("PS256") && !disallowed("ES256") && !disallowed("EdDSA") && !disallowed("Ed25519"));
        assert!(disallowed("RS256") && disallowed("HS256") && disallowed("ES384") && disallowed("none"));
        // Not JWS, or not registered: other rules' findings.
        assert!(!disallowed("RSA-OAEP") && !disallowed("rs256") && !disallowed("A256GCM"));
    }
}
