//! CLI002: a redirect URI or a logout URI with a fragment component.

use super::model::{Client, RedirectMember, UriKind, scheme_of};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI002: a redirect URI or logout URI has a fragment component.
pub static URI_FRAGMENT: Rule = Rule {
    code: "CLI002",
    name: "uri-fragment",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A redirect URI or logout URI has a fragment component",
    profile: None,
    docs: r#"## What it does
Reports a `#fragment` (an empty one included) in an element of `redirect_uris`, in
`backchannel_logout_uri` and in `frontchannel_logout_uri`.

`post_logout_redirect_uris` is not checked: OpenID Connect RP-Initiated Logout §3.1 does not forbid
fragments there. `request_uris` is not checked either: OpenID Connect Registration §2 recommends a
fragment carrying the hash of the request object there.

## Why is this bad?
RFC 6749 §3.1.2: "The endpoint URI MUST NOT include a fragment component." The authorization
server appends the response to the redirect URI (in the query or in a fragment of its own), so a
registered fragment either breaks the response or, with the exact matching RFC 9700 §2.1
requires, makes every authorization request fail. Back-Channel Logout §2.2 and Front-Channel
Logout §2 say the same of the logout URIs.

## Example
```json
{ "redirect_uris": ["https://app.example/#/callback"], "frontchannel_logout_uri": "https://app.example/#/logout" }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/callback"], "frontchannel_logout_uri": "https://app.example/logout" }
```
A single-page application can serve the callback path and route it in the browser.

## References
- RFC 6749 §3.1.2
- OpenID Connect Back-Channel Logout 1.0 §2.2; OpenID Connect Front-Channel Logout 1.0 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    for target in client.redirects_of(RedirectMember::Redirect) {
        if target.kind != UriKind::Dangerous && target.has_forbidden_fragment() {
            ctx.report(
                &URI_FRAGMENT,
                target.node.span,
                target.pointer(),
                format!("redirect URI has a fragment: \"{}\"", target.value),
            )
            .help(HELP);
        }
    }
    let obj = ctx.object();
    for member in ["backchannel_logout_uri", "frontchannel_logout_uri"] {
        let Some((node, value)) = util::str_member(obj, member) else {
            continue;
        };
        if scheme_of(value).is_some() && value.contains('#') {
            ctx.report(
                &URI_FRAGMENT,
                node.span,
                util::ptr(member),
                format!("`{member}` has a fragment: \"{value}\""),
            )
            .help(HELP);
        }
    }
}

const HELP: &str = "remove the `#…` part; the server adds its own parameters to this URI";
