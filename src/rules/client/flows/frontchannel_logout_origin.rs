//! CLI013: `frontchannel_logout_uri` is not on the scheme, host and port of a redirect URI.

use super::model::{Client, RedirectMember};
use crate::diagnostic::Severity;
use crate::rules::util;
use crate::rules::{Basis, Ctx, Rule};

/// CLI013: `frontchannel_logout_uri` does not share scheme, host and port with any redirect URI.
pub static FRONTCHANNEL_LOGOUT_ORIGIN: Rule = Rule {
    code: "CLI013",
    name: "frontchannel-logout-origin",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "`frontchannel_logout_uri` does not share scheme, host and port with any redirect URI",
    profile: None,
    docs: r#"## What it does
Compares the scheme, host and port (the default port when none is written) of
`frontchannel_logout_uri` with those of each http(s) element of `redirect_uris`, and reports it
when none matches. Nothing is reported when `redirect_uris` is absent or has no http(s) URL.

## Why is this bad?
OpenID Connect Front-Channel Logout 1.0 §2: "The domain, port, and scheme of this URL MUST be the
same as that of a registered Redirection URI value." The OP renders the logout URI in an iframe;
the rule ties it to the origin the RP already proved it controls. Servers that enforce it reject
the registration, and an RP whose logout page is on another origin cannot clear the session
cookies of the origin the user logged in to.

## Example
```json
{ "redirect_uris": ["https://app.example/callback"], "frontchannel_logout_uri": "https://logout.example/frontchannel" }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/callback"], "frontchannel_logout_uri": "https://app.example/frontchannel" }
```

## References
- OpenID Connect Front-Channel Logout 1.0 §2
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    let Some((node, value)) = util::str_member(ctx.object(), "frontchannel_logout_uri") else {
        return;
    };
    if value.contains('#') {
        return; // CLI002 reports the fragment; one finding per value
    }
    let Some(logout) = util::parse_url(value).filter(|u| is_web(u)) else {
        return;
    };
    let mut origins = client
        .redirects_of(RedirectMember::Redirect)
        .filter_map(|t| t.url.as_ref().filter(|u| is_web(u)))
        .peekable();
    if origins.peek().is_none() {
        return;
    }
    if origins.any(|u| same_origin(u, &logout)) {
        return;
    }
    ctx.report(
        &FRONTCHANNEL_LOGOUT_ORIGIN,
        node.span,
        util::ptr("frontchannel_logout_uri"),
        format!(
            "`frontchannel_logout_uri` \"{value}\" is not on the scheme, host and port of any registered redirect URI"
        ),
    )
    .help("serve the front-channel logout page from the origin of a registered redirect URI");
}

fn is_web(url: &url::Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

fn same_origin(a: &url::Url, b: &url::Url) -> bool {
    a.scheme() == b.scheme() && a.host() == b.host() && a.port_or_known_default() == b.port_or_known_default()
}
