//! CLI030: a URL member that a specification requires to use https does not.

use super::model::scheme_of;
use crate::diagnostic::Severity;
use crate::json::{Node, Object};
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI030: a client URL that must use https (`jwks_uri`, `signed_jwks_uri`, `initiate_login_uri`, `sector_identifier_uri`, …) does not.
pub static URL_REQUIRES_HTTPS: Rule = Rule {
    code: "CLI030",
    name: "url-requires-https",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A client URL that must use https (`jwks_uri`, `signed_jwks_uri`, `initiate_login_uri`, `sector_identifier_uri`, …) does not",
    profile: None,
    docs: r#"## What it does
Reports these members when their scheme is not `https`:

| member | requirement |
|---|---|
| `jwks_uri` | "URL for the Client's JWK Set document, which MUST use the `https` scheme" (OIDC Registration §2) |
| `signed_jwks_uri` | "This URL MUST use the `https` scheme" (OpenID Federation 1.0 §5.2.1) |
| `initiate_login_uri` | "URI using the `https` scheme" (OIDC Registration §2) |
| `sector_identifier_uri` | "URL using the `https` scheme" (OIDC Registration §2) |
| `registration_client_uri` | "This URL MUST use the `https` scheme" (OIDC Registration §3.2) |
| `request_uris` elements | "MUST use the `https` scheme unless the target Request Object is signed in a way that is verifiable by the OP" (OIDC Registration §2) |

What is not an error here:
- `http` on a loopback host (`127.0.0.1`, `[::1]`, `localhost`): still against the text, but a
  development set-up where nothing crosses a network. It is `CLI032`, a warning, so that CI jobs
  linting development fixtures can turn it off.
- `request_uris` when `request_object_signing_alg` names a signing algorithm: the request objects
  are then signed, which the exception allows. When `request_object_signing_alg` is omitted the
  client may or may not sign: `CLI031`, a warning. This rule reports `request_uris` only when the
  member is `none`.

Only values with a scheme are checked (relative references are `SCH002`'s).

## Why is this bad?
The server fetches these URLs and trusts what comes back: the client's public keys (`jwks_uri`:
whoever can alter the response over http can authenticate as the client; `signed_jwks_uri` is
signed, but the specification requires https all the same), the list of redirect
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
- OpenID Federation 1.0 §5.2.1 (`signed_jwks_uri`)
- OpenID Connect Core 1.0 §4, §6.2, §8.1
"#,
};

/// Members that OpenID Connect Registration or OpenID Federation require to use https.
const MEMBERS: [&str; 5] = [
    "jwks_uri",
    "signed_jwks_uri",
    "initiate_login_uri",
    "sector_identifier_uri",
    "registration_client_uri",
];

/// A URL that a specification requires to use https, and is not https.
pub(super) struct NotHttps<'o, 'a> {
    /// `` `jwks_uri` `` or `` a `request_uris` element ``, for messages.
    pub what: String,
    pub node: &'o Node<'a>,
    pub pointer: String,
    pub value: &'o str,
    /// `http` on a loopback host (`CLI032`).
    pub loopback: bool,
    /// How the requirement applies.
    pub requirement: Requirement,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Requirement {
    /// Without exception.
    Always,
    /// A `request_uris` element while `request_object_signing_alg` is `none`: the exception for
    /// signed request objects cannot apply.
    UnsignedRequestObjects,
    /// A `request_uris` element while `request_object_signing_alg` is omitted: the client may or
    /// may not sign (`CLI031`).
    UnlessSigned,
}

/// Every value of the https-only members that has a scheme other than `https`. `request_uris` is
/// left out when `request_object_signing_alg` names an algorithm (signed request objects may be
/// fetched over any scheme).
pub(super) fn not_https<'o, 'a>(obj: &'o Object<'a>) -> Vec<NotHttps<'o, 'a>> {
    let mut found = Vec::new();
    let mut push = |what: String, node: &'o Node<'a>, pointer: String, value: &'o str, requirement| {
        let Some(scheme) = scheme_of(value) else {
            return;
        };
        if scheme == "https" {
            return;
        }
        let loopback = scheme == "http" && util::parse_url(value).is_some_and(|u| util::is_loopback(&u));
        found.push(NotHttps {
            what,
            node,
            pointer,
            value,
            loopback,
            requirement,
        });
    };
    for member in MEMBERS {
        if let Some((node, value)) = util::str_member(obj, member) {
            push(
                format!("`{member}`"),
                node,
                util::ptr(member),
                value,
                Requirement::Always,
            );
        }
    }
    let requirement = match util::str_member(obj, "request_object_signing_alg") {
        Some((_, "none")) => Requirement::UnsignedRequestObjects,
        Some(_) => return found,
        None => Requirement::UnlessSigned,
    };
    if let Some((_, items)) = util::str_array(obj, "request_uris") {
        for (index, node, value) in items {
            let pointer = util::ptr_index("request_uris", index);
            push("a `request_uris` element".to_owned(), node, pointer, value, requirement);
        }
    }
    found
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for found in not_https(ctx.object()) {
        if found.loopback || found.requirement == Requirement::UnlessSigned {
            continue;
        }
        let help = match found.requirement {
            Requirement::UnsignedRequestObjects => {
                "serve it over https; with `request_object_signing_alg` \"none\" the request objects are unsigned, \
                 so only https protects them"
            }
            _ => "serve it over https",
        };
        ctx.report(
            &URL_REQUIRES_HTTPS,
            found.node.span,
            found.pointer,
            format!("{} must use https: \"{}\"", found.what, found.value),
        )
        .help(help);
    }
}
