//! CLI052: the client needs a `client_secret` that it does not (or cannot) have.

use super::{auth_method, has_secret, symmetric_algs};
use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI052: the configuration needs the client secret but has none.
pub static CLIENT_SECRET_MISSING: Rule = Rule {
    code: "CLI052",
    name: "client-secret-missing",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The configuration needs the client secret but has none",
    profile: None,
    docs: r#"## What it does
Reports what needs the shared `client_secret` when the client has none:
- `token_endpoint_auth_method` `client_secret_basic`, `client_secret_post` or `client_secret_jwt`
  — including the RFC 7591 default `client_secret_basic` when the member is absent;
- an HMAC algorithm (`HS256`, `HS384`, `HS512`) in `id_token_signed_response_alg`,
  `userinfo_signed_response_alg`, `introspection_signed_response_alg`,
  `authorization_signed_response_alg` or `request_object_signing_alg` (OIDC Core §10.1: the MAC key
  is the secret);
- a symmetric key management algorithm (`A128KW`…, `A128GCMKW`…, `dir`) in an
  `*_encrypted_response_alg` or `request_object_encryption_alg` (OIDC Core §10.2: the key is derived
  from the secret).

Which documents: a static configuration (role `config`), which must hold the secret to use it,
and a Client ID Metadata Document (role `cimd`), which can never have one (its shared-secret
*method* is `CLI072`'s finding). A registration request needs no secret (the server issues it); a
registration response may legitimately omit a secret the client already holds (RFC 7592 read
responses), so neither is checked. A client with `token_endpoint_auth_method: none` asking for
symmetric algorithms is `CLI053`'s finding.

If your deployment injects the secret at run time (an environment variable) and the file
deliberately holds none, ignore this rule for that path in `oauth-lint.toml`.

## Why is this bad?
Without the secret the client cannot authenticate at the token endpoint, cannot verify HMAC-signed
ID Tokens or responses, and cannot decrypt symmetrically encrypted ones: the configuration cannot work.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "redirect_uris": ["https://client.example.org/cb"],
  "id_token_signed_response_alg": "HS256"
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "token_endpoint_auth_method": "private_key_jwt",
  "jwks_uri": "https://client.example.org/jwks.json",
  "redirect_uris": ["https://client.example.org/cb"],
  "id_token_signed_response_alg": "PS256"
}
```

## References
- RFC 7591 §2 (`token_endpoint_auth_method` default `client_secret_basic`)
- OpenID Connect Core 1.0 §9 (`client_secret_basic`, `client_secret_post`, `client_secret_jwt`),
  §10.1 (symmetric signatures: the MAC key is the octets of the UTF-8 `client_secret`), §10.2
  (symmetric encryption keys derived from `client_secret`)
- draft-ietf-oauth-client-id-metadata-document-02 §4.1 (no shared secret with a CIMD)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let role = ctx.role;
    if !matches!(role, Some(Role::Config | Role::Cimd)) {
        return;
    }
    let obj = ctx.object();
    if has_secret(obj) {
        return;
    }
    let Some(method) = auth_method(obj) else {
        return;
    };
    if method.name == "none" {
        return;
    }
    let why = if role == Some(Role::Cimd) {
        "a Client ID Metadata Document cannot establish a shared secret"
    } else {
        "the configuration has no `client_secret`"
    };
    let mut findings = Vec::new();
    if role == Some(Role::Config) && method.uses_secret() {
        let (span, pointer) = match method.node {
            Some(node) => (node.span, ptr("token_endpoint_auth_method")),
            None => (ctx.root.span, String::new()),
        };
        findings.push((
            span,
            pointer,
            format!(
                "token endpoint authentication method {} needs the client secret, and {why}",
                method.describe()
            ),
        ));
    }
    for alg in symmetric_algs(obj) {
        let what = if alg.is_mac() {
            "an HMAC keyed with the client secret"
        } else {
            "a key derived from the client secret"
        };
        findings.push((
            alg.node.span,
            ptr(alg.member),
            format!("`{}` is {:?}, {what}, and {why}", alg.member, alg.alg),
        ));
    }
    let help = if role == Some(Role::Cimd) {
        "use `private_key_jwt` and asymmetric algorithms (RS256, PS256, ES256, RSA-OAEP-256, ECDH-ES)"
    } else {
        "add the `client_secret` issued by the server, or switch to `private_key_jwt` and asymmetric algorithms"
    };
    for (span, pointer, message) in findings {
        ctx.report(&CLIENT_SECRET_MISSING, span, pointer, message).help(help);
    }
}
