//! CLI030: a URL member that a specification requires to use https does not.

use super::model::scheme_of;
use crate::diagnostic::Severity;
use crate::json::{Node, Object};
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

pub static URL_REQUIRES_HTTPS: Rule = Rule {
    code: "CLI030",
    name: "url-requires-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`jwks_uri`, `initiate_login_uri`, `sector_identifier_uri`, `registration_client_uri` or a `request_uris` element is not https",
    profile: None,
    docs: r#"## What it does
Reports these members when their scheme is not `https`:

| member | requirement |
|---|---|
| `jwks_uri` | "URL for the Client's JWK Set document, which MUST use the `https` scheme" (OIDC Registration §2) |
| `initiate_login_uri` | "URI using the `https` scheme" (OIDC Registration §2) |
| `sector_identifier_uri` | "URL using the `https` scheme" (OIDC Registration §2) |
| `registration_client_uri` | "This URL MUST use the `https` scheme" (OIDC Registration §3.2) |
| `request_uris` elements | "MUST use the `https` scheme unless the target Request Object is signed in a way that is verifiable by the OP" (OIDC Registration §2) |

Severity depends on what can be proved:
- `http` on a loopback host (`127.0.0.1`, `[::1]`, `localhost`) is reported as a **warning**: it
  is still against the text, but it is a development set-up where nothing crosses a network;
- for `request_uris`, nothing is reported when `request_object_signing_alg` names a signing
  algorithm (the request objects are then signed, which the exception allows); the finding is a
  **warning** when `request_object_signing_alg` is omitted (the client may or may not sign), and
  an error when it is `none`.

Only values with a scheme are checked (relative references are `SCH002`'s).

## Why is this bad?
The server fetches these URLs and trusts what comes back: the client's public keys (`jwks_uri`:
whoever can alter the response over http can authenticate as the client), the list of redirect
URIs that defines the pairwise subject sector (`sector_identifier_uri`), the request object with
the authorization parameters (`request_uris`). `initiate_login_uri` and `registration_client_uri`
carry login hints and the registration access token.

## Example
```json
{ "jwks_uri": "http://app.example/jwks.json", "initiate_login_uri": "http://app.example/login" }
```

## Use instead
```json
{ "jwks_uri": "https://app.example/jwks.json", "initiate_login_uri": "https://app.example/login" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`jwks_uri`,
  `initiate_login_uri`, `sector_identifier_uri`, `request_uris`), §3.2 (`registration_client_uri`)
- OpenID Connect Core 1.0 §4, §6.2, §8.1
"#,
};

const MEMBERS: [&str; 4] = [
    "jwks_uri",
    "initiate_login_uri",
    "sector_identifier_uri",
    "registration_client_uri",
];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    for member in MEMBERS {
        if let Some((node, value)) = util::str_member(obj, member) {
            report(ctx, node, util::ptr(member), member, value, None);
        }
    }
    let Some((_, items)) = util::str_array(obj, "request_uris") else {
        return;
    };
    let signing = request_object_signing(obj);
    if signing == Signing::Signed {
        return;
    }
    for (index, node, value) in items {
        let pointer = util::ptr_index("request_uris", index);
        report(ctx, node, pointer, "request_uris", value, Some(signing));
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Signing {
    /// `request_object_signing_alg` names an algorithm: request objects are signed.
    Signed,
    /// `request_object_signing_alg` is `none`.
    Unsigned,
    /// Omitted: the client may or may not sign.
    Unknown,
}

fn request_object_signing(obj: &Object<'_>) -> Signing {
    match util::str_member(obj, "request_object_signing_alg") {
        Some((_, "none")) => Signing::Unsigned,
        Some(_) => Signing::Signed,
        None => Signing::Unknown,
    }
}

fn report(
    ctx: &mut Ctx<'_, '_>,
    node: &Node<'_>,
    pointer: String,
    member: &str,
    value: &str,
    signing: Option<Signing>,
) {
    let Some(scheme) = scheme_of(value) else {
        return;
    };
    if scheme == "https" {
        return;
    }
    let loopback = scheme == "http" && util::parse_url(value).is_some_and(|u| util::is_loopback(&u));
    let what = if signing.is_some() {
        "a `request_uris` element".to_owned()
    } else {
        format!("`{member}`")
    };
    let (message, severity, help) = if loopback {
        (
            format!("{what} uses http on the loopback interface: \"{value}\""),
            Severity::Warning,
            "fine for local development only; a deployed client uses https".to_owned(),
        )
    } else if signing == Some(Signing::Unknown) {
        (
            format!("{what} does not use https: \"{value}\""),
            Severity::Warning,
            "use https, or sign request objects (`request_object_signing_alg`), which is the only case where another scheme is allowed".to_owned(),
        )
    } else if signing == Some(Signing::Unsigned) {
        (
            format!("{what} must use https: \"{value}\""),
            Severity::Error,
            "serve it over https; with `request_object_signing_alg` \"none\" the request objects are unsigned, so only https protects them".to_owned(),
        )
    } else {
        (
            format!("{what} must use https: \"{value}\""),
            Severity::Error,
            "serve it over https".to_owned(),
        )
    };
    ctx.report(&URL_REQUIRES_HTTPS, node.span, pointer, message)
        .severity(severity)
        .help(help);
}
