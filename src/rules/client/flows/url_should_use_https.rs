//! CLI031: a displayed or logout URL uses http.

use super::url_requires_https::{Requirement, not_https};
use crate::diagnostic::Severity;
use crate::json::Pointer;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI031: a URL shown to users (`logo_uri`, `tos_uri`, …), a logout URI or a possibly unsigned `request_uris` element uses http.
pub static URL_SHOULD_USE_HTTPS: Rule = Rule {
    code: "CLI031",
    name: "url-should-use-https",
    severity: Severity::Warning,
    basis: Basis::Should,
    summary: "A URL shown to users (`logo_uri`, `tos_uri`, …), a logout URI or a possibly unsigned `request_uris` element uses http",
    profile: None,
    docs: r#"## What it does
Reports `http` URLs on a non-loopback host in:
- the URLs a server shows to the user: `logo_uri`, `client_uri`, `policy_uri`, `tos_uri` and the
  OpenID Federation `information_uri` and `organization_uri`, including their language-tagged
  variants (`tos_uri#de`);
- `backchannel_logout_uri` and `frontchannel_logout_uri` (unless they have a fragment: `CLI002`);
- `request_uris` elements that do not use https when `request_object_signing_alg` is omitted:
  OpenID Connect Registration §2 requires https "unless the target Request Object is signed in a
  way that is verifiable by the OP", and whether the client signs is not declared (with
  `request_object_signing_alg: "none"` it is `CLI030`'s error; with an algorithm, nothing).

Loopback hosts (`127.0.0.1`, `[::1]`, `localhost`) are not reported: that is a development set-up.
Other schemes are not reported either (a `data:` logo is unusual but not insecure).
`post_logout_redirect_uris` is checked with the redirect URIs (`CLI004`).

## Why is this bad?
The display URLs are shown on the authorization server's consent page. Over http, a network
attacker can replace the logo, the terms or the privacy policy the user agrees to, and the page
mixes secure and insecure content; RFC 7591 §5 asks servers to check that they have "the same
host and scheme as those defined in the array of `redirect_uris`".

The logout URIs "SHOULD use the `https` scheme … however, [they] MAY use the `http` scheme,
provided that the Client Type is `confidential` … and provided the OP allows the use of `http` RP
URIs" (Back-Channel Logout §2.2, Front-Channel Logout §2): the back-channel logout token and the
front-channel session identifiers travel in the clear otherwise. For a public client
(`token_endpoint_auth_method: "none"`) even that allowance does not apply; the help says so.

## Example
```json
{ "logo_uri": "http://app.example/logo.png", "backchannel_logout_uri": "http://app.example/logout" }
```

## Use instead
```json
{ "logo_uri": "https://app.example/logo.png", "backchannel_logout_uri": "https://app.example/logout" }
```

## References
- RFC 7591 §2, §5
- OpenID Connect Back-Channel Logout 1.0 §2.2; OpenID Connect Front-Channel Logout 1.0 §2
- OpenID Federation 1.0 §5.2.2 (`information_uri`, `organization_uri`)
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`request_uris`)
"#,
};

const DISPLAYED: [&str; 6] = [
    "logo_uri",
    "client_uri",
    "policy_uri",
    "tos_uri",
    "information_uri",
    "organization_uri",
];
const LOGOUT: [&str; 2] = ["backchannel_logout_uri", "frontchannel_logout_uri"];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    for found in not_https(obj) {
        if found.loopback || found.requirement != Requirement::UnlessSigned {
            continue;
        }
        ctx.report(
            &URL_SHOULD_USE_HTTPS,
            found.node.span,
            found.pointer,
            format!("{} does not use https: \"{}\"", found.what, found.value),
        )
        .help(
            "use https; another scheme is only allowed when request objects are signed (declare it with \
             `request_object_signing_alg`)",
        );
    }
    let public = util::str_member(obj, "token_endpoint_auth_method").is_some_and(|(_, m)| m == "none");
    for member in obj.iter() {
        let name = member.name.as_ref();
        let base = name.split_once('#').map_or(name, |(base, _)| base);
        let logout = LOGOUT.contains(&base) && base == name;
        if !logout && !DISPLAYED.contains(&base) {
            continue;
        }
        let Some(value) = member.value.as_str() else {
            continue;
        };
        if logout && value.contains('#') {
            continue; // CLI002 reports the fragment; one finding per value
        }
        let Some(url) = util::parse_url(value) else {
            continue;
        };
        if url.scheme() != "http" || util::is_loopback(&url) {
            continue;
        }
        let help = if logout && public {
            "use https; http is only tolerated for confidential clients, and this client is public (`token_endpoint_auth_method` is \"none\")"
        } else if logout {
            "use https; the logout request carries session information"
        } else {
            "use https; the server shows this URL to users on its consent page"
        };
        ctx.report(
            &URL_SHOULD_USE_HTTPS,
            member.value.span,
            Pointer::root().key(name).into_string(),
            format!("`{name}` uses http: \"{value}\""),
        )
        .help(help);
    }
}
