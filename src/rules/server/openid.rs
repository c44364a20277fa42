//! SRV006–SRV009: what OpenID Connect Discovery 1.0 adds for an OpenID Provider.

use crate::diagnostic::Severity;
use crate::rules::server::{is_token_issuer_only, openid_provider_evidence, quoted_list, response_type_tokens};
use crate::rules::util::{ptr, str_array};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// SRV006: OpenID Provider metadata lacks `jwks_uri`, `subject_types_supported` or `id_token_signing_alg_values_supported`.
pub static MISSING_OPENID_MEMBER: Rule = Rule {
    code: "SRV006",
    name: "missing-openid-member",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "OpenID Provider metadata lacks `jwks_uri`, `subject_types_supported` or `id_token_signing_alg_values_supported`",
    profile: None,
    docs: r#"## What it does
In OpenID Provider metadata, reports a missing `jwks_uri`, `subject_types_supported` or
`id_token_signing_alg_values_supported`, which OpenID Connect Discovery 1.0 §3 marks REQUIRED.

A document is read as OpenID Provider metadata when `--profile oidc` is given, when its file is
named `openid-configuration`, when it has a member that only OpenID Connect defines
(`id_token_signing_alg_values_supported`, `subject_types_supported`, `claims_supported`,
`acr_values_supported`, `end_session_endpoint`, `check_session_iframe`, the userinfo signing and
encryption lists, the logout flags, …; an empty array does not count). `userinfo_endpoint`, an
`openid` scope and an `id_token` response type alone do not count (`SRV033` warns about the last): RFC 8414's own example (§3.2) has
both in a plain OAuth document, and RFC 8414 §2 lets OAuth servers publish OpenID members without
becoming OpenID Providers. A plain RFC 8414 document is never held to these requirements.

## Why is this bad?
A relying party cannot validate ID Tokens without the keys at `jwks_uri` and the list of signing
algorithms, and cannot know whether `sub` values are public or pairwise. Libraries refuse to
configure a provider without them.

## Example
```json
{ "issuer": "https://op.example.com", "authorization_endpoint": "https://op.example.com/authorize", "token_endpoint": "https://op.example.com/token", "userinfo_endpoint": "https://op.example.com/userinfo", "response_types_supported": ["code", "id_token"] }
```

## Use instead
```json
{ "issuer": "https://op.example.com", "authorization_endpoint": "https://op.example.com/authorize", "token_endpoint": "https://op.example.com/token", "userinfo_endpoint": "https://op.example.com/userinfo", "jwks_uri": "https://op.example.com/jwks.json", "response_types_supported": ["code", "id_token"], "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`jwks_uri`, `subject_types_supported`,
  `id_token_signing_alg_values_supported`)
- RFC 8414 §2 ("Some are defined by other specifications, such as OpenID Connect Discovery 1.0"), §3.2, §5
"#,
};

/// SRV007: an OpenID Provider's `id_token_signing_alg_values_supported` does not include `RS256`.
pub static ID_TOKEN_ALGS_WITHOUT_RS256: Rule = Rule {
    code: "SRV007",
    name: "id-token-algs-without-rs256",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An OpenID Provider's `id_token_signing_alg_values_supported` does not include `RS256`",
    profile: None,
    docs: r#"## What it does
In OpenID Provider metadata (see `SRV006` for how it is recognised), reports an
`id_token_signing_alg_values_supported` list without `RS256`. Under `--profile fapi2` the rule is
silent: FAPI 2.0 allows only PS256, ES256 and Ed25519, which contradicts the Discovery requirement,
and the profile's own algorithm rules apply instead.

## Why is this bad?
"The algorithm RS256 MUST be included" (OpenID Connect Discovery 1.0 §3). RS256 is the default
ID Token algorithm of OpenID Connect (Core §3.1.3.7, Registration §2
`id_token_signed_response_alg`): a relying party that registers without choosing an algorithm
expects RS256 and rejects every ID Token signed otherwise. Keep the stronger algorithms, and add
RS256.

## Example
```json
{ "id_token_signing_alg_values_supported": ["ES256"] }
```

## Use instead
```json
{ "id_token_signing_alg_values_supported": ["RS256", "ES256"] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`id_token_signing_alg_values_supported`)
- OpenID Connect Dynamic Client Registration 1.0 §2 (`id_token_signed_response_alg` default)
"#,
};

/// SRV008: OpenID Provider metadata lacks `userinfo_endpoint`, `scopes_supported` or `claims_supported`.
pub static MISSING_RECOMMENDED_OPENID_MEMBER: Rule = Rule {
    code: "SRV008",
    name: "missing-recommended-openid-member",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "OpenID Provider metadata lacks `userinfo_endpoint`, `scopes_supported` or `claims_supported`",
    profile: None,
    docs: r#"## What it does
In OpenID Provider metadata (see `SRV006`), reports a missing `userinfo_endpoint`,
`scopes_supported` or `claims_supported`, which OpenID Connect Discovery 1.0 §3 marks RECOMMENDED.
ID Token issuers without authorization or token endpoint (workload identity issuers, see `SRV032`)
are not reported: they have no users to describe.

## Why is this bad?
Relying parties use these lists to decide what to ask for; without them they guess, ask for
scopes and claims the provider does not have, and get errors or empty responses at run time.

## Example
```json
{ "issuer": "https://op.example.com", "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"] }
```

## Use instead
```json
{ "issuer": "https://op.example.com", "userinfo_endpoint": "https://op.example.com/userinfo", "scopes_supported": ["openid", "profile", "email"], "claims_supported": ["sub", "name", "email"], "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`userinfo_endpoint`, `scopes_supported`, `claims_supported`)
"#,
};

/// SRV009: an OpenID Provider's `scopes_supported` does not list `openid`.
pub static OPENID_SCOPE_NOT_LISTED: Rule = Rule {
    code: "SRV009",
    name: "openid-scope-not-listed",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "An OpenID Provider's `scopes_supported` does not list `openid`",
    profile: None,
    docs: r#"## What it does
In OpenID Provider metadata (see `SRV006`), reports a `scopes_supported` list without the
`openid` scope.

## Why is this bad?
"The server MUST support the openid scope value" and, although servers may leave supported scopes
unadvertised, "those defined in [OpenID.Core] SHOULD be listed, if supported" (OpenID Connect
Discovery 1.0 §3). A list without `openid` makes careful clients conclude that the server is not an
OpenID Provider at all; it is usually a list copied from an OAuth-only configuration.

## Example
```json
{ "scopes_supported": ["profile", "email"], "subject_types_supported": ["public"] }
```

## Use instead
```json
{ "scopes_supported": ["openid", "profile", "email"], "subject_types_supported": ["public"] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`scopes_supported`)
- OpenID Connect Core 1.0 §3.1.2.1 (`scope`: "OpenID Connect requests MUST contain the openid scope value")
"#,
};

/// SRV033: ID Token response types are offered without OpenID Provider metadata.
pub static ID_TOKEN_WITHOUT_OPENID_METADATA: Rule = Rule {
    code: "SRV033",
    name: "id-token-without-openid-metadata",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "ID Token response types are offered without OpenID Provider metadata",
    profile: None,
    docs: r#"## What it does
In a document that is not read as OpenID Provider metadata (see `SRV006`), reports
`response_types_supported` when one of its entries returns an ID Token (`id_token`,
`code id_token`, …). Such a document is not held to the OpenID Connect Discovery requirements:
an `id_token` response type alone does not make it an OpenID Provider document, and an OAuth
server may publish one in its RFC 8414 metadata.

## Why is this bad?
A client that receives an ID Token must validate its signature with an algorithm from
`id_token_signing_alg_values_supported` and interpret `sub` according to `subject_types_supported`
(OpenID Connect Core 1.0 §3.1.3.7, Discovery 1.0 §3). Without them it can only guess (RS256 and
public subjects), so the advertised response types are unusable by careful clients: publish the
OpenID Provider members, or drop the ID Token response types.

## Example
```json
{ "response_types_supported": ["code", "id_token"], "scopes_supported": ["openid", "profile"] }
```

## Use instead
```json
{ "response_types_supported": ["code", "id_token"], "scopes_supported": ["openid", "profile"], "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"] }
```

## References
- OpenID Connect Discovery 1.0 §3 (`id_token_signing_alg_values_supported`, `subject_types_supported`)
- OpenID Connect Core 1.0 §3.1.3.7; RFC 8414 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(evidence) = openid_provider_evidence(ctx) else {
        check_id_token_without_metadata(ctx);
        return;
    };
    let obj = ctx.object();
    let because = format!("this is OpenID Provider metadata because {evidence}");
    for name in [
        "jwks_uri",
        "subject_types_supported",
        "id_token_signing_alg_values_supported",
    ] {
        if !obj.contains(name) {
            let fix = match name {
                "jwks_uri" => "publish the https URL of the provider's JWK Set",
                "subject_types_supported" => "list the subject identifier types, such as `[\"public\"]`",
                _ => "list the ID Token signing algorithms, including `RS256`",
            };
            ctx.report(
                &MISSING_OPENID_MEMBER,
                ctx.root.span,
                "",
                format!("`{name}` is missing; OpenID Connect Discovery requires it"),
            )
            .help(format!("{fix} ({because})"));
        }
    }
    if let Some((node, items)) = str_array(obj, "id_token_signing_alg_values_supported") {
        let has_rs256 = items.iter().any(|(_, _, a)| *a == "RS256");
        if !items.is_empty() && !has_rs256 && !ctx.has_profile(Profile::Fapi2) {
            let listed: Vec<&str> = items.iter().map(|(_, _, a)| *a).collect();
            let case = items.iter().any(|(_, _, a)| a.eq_ignore_ascii_case("RS256"));
            ctx.report(
                &ID_TOKEN_ALGS_WITHOUT_RS256,
                node.span,
                ptr("id_token_signing_alg_values_supported"),
                format!(
                    "`id_token_signing_alg_values_supported` does not include `RS256`: {listed:?}"
                ),
            )
            .help(if case {
                "algorithm names are case-sensitive: write `RS256` (OpenID Connect Discovery requires it in this list)"
            } else {
                "add `RS256`: OpenID Connect Discovery requires it, and it is the algorithm clients expect when they register none (FAPI deployments: use --profile fapi2)"
            });
        }
    }
    if !is_token_issuer_only(obj) {
        for name in ["userinfo_endpoint", "scopes_supported", "claims_supported"] {
            if !obj.contains(name) {
                let fix = match name {
                    "userinfo_endpoint" => "publish the https URL of the UserInfo endpoint",
                    "scopes_supported" => "list the scopes the provider supports, starting with `openid`",
                    _ => "list the claims the provider can return",
                };
                ctx.report(
                    &MISSING_RECOMMENDED_OPENID_MEMBER,
                    ctx.root.span,
                    "",
                    format!("`{name}` is missing; OpenID Connect Discovery recommends it"),
                )
                .help(format!("{fix} ({because})"));
            }
        }
    }
    if let Some((node, items)) = str_array(obj, "scopes_supported")
        && !items.is_empty()
        && !items.iter().any(|(_, _, s)| *s == "openid")
    {
        ctx.report(
            &OPENID_SCOPE_NOT_LISTED,
            node.span,
            ptr("scopes_supported"),
            "`scopes_supported` does not list `openid`",
        )
        .help(format!("add `openid` to the list ({because})"));
    }
}

fn check_id_token_without_metadata(ctx: &mut Ctx<'_, '_>) {
    let Some((node, items)) = str_array(ctx.object(), "response_types_supported") else {
        return;
    };
    let id_token_types: Vec<&str> = items
        .iter()
        .filter(|(_, _, rt)| response_type_tokens(rt).any(|t| t == "id_token"))
        .map(|(_, _, rt)| *rt)
        .collect();
    if id_token_types.is_empty() {
        return;
    }
    ctx.report(
        &ID_TOKEN_WITHOUT_OPENID_METADATA,
        node.span,
        ptr("response_types_supported"),
        format!(
            "`response_types_supported` offers ID Tokens ({}), but the document has no `id_token_signing_alg_values_supported` or `subject_types_supported`",
            quoted_list(id_token_types)
        ),
    )
    .help("publish the OpenID Provider members (`jwks_uri`, `subject_types_supported`, `id_token_signing_alg_values_supported` with `RS256`), or remove the ID Token response types");
}
