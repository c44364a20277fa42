//! XCS022, XCS023: the client registers a back- or front-channel logout URI with a server that
//! does not support that logout.

use crate::cross::effective::{ClientEffective, Effective};
use crate::cross::{Provenance, ServerDoc};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// XCS022: the client registers a back-channel logout URI but the server does not support back-channel logout.
pub static BACKCHANNEL_LOGOUT_UNSUPPORTED: Rule = Rule {
    code: "XCS022",
    name: "backchannel-logout-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client registers a back-channel logout URI but the server does not support back-channel logout",
    profile: None,
    docs: r#"## What it does
Reports a client with a `backchannel_logout_uri` paired with a server whose
`backchannel_logout_supported` is `false`: an error when the server says `false`, a warning when it
omits the member (default `false`: not advertised). Also warns when the client sets
`backchannel_logout_session_required` and the server does not support
`backchannel_logout_session_supported`.

## Why is this bad?
The server never calls the logout URI: users who log out at the server stay logged in at the
client, which believes single logout is in place.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "backchannel_logout_uri": "https://app.example/logout" }
```
against a server with `"backchannel_logout_supported": false`.

## Use instead
Use a server that sets `"backchannel_logout_supported": true`, or implement another logout.

## References
- OpenID Connect Back-Channel Logout 1.0 §2.1 (server metadata), §2.2 (client metadata)
"#,
};

/// XCS023: the client registers a front-channel logout URI but the server does not support front-channel logout.
pub static FRONTCHANNEL_LOGOUT_UNSUPPORTED: Rule = Rule {
    code: "XCS023",
    name: "frontchannel-logout-unsupported",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The client registers a front-channel logout URI but the server does not support front-channel logout",
    profile: None,
    docs: r#"## What it does
Reports a client with a `frontchannel_logout_uri` paired with a server whose
`frontchannel_logout_supported` is `false`: an error when the server says `false`, a warning when
it omits the member (default `false`: not advertised). Also warns when the client sets
`frontchannel_logout_session_required` and the server does not support
`frontchannel_logout_session_supported`.

## Why is this bad?
The server never renders the client's logout URI in its logout page: the user stays logged in at
the client after logging out at the server.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "frontchannel_logout_uri": "https://app.example/fc-logout" }
```
against a server without `frontchannel_logout_supported`.

## Use instead
Use a server that sets `"frontchannel_logout_supported": true`, or implement another logout.

## References
- OpenID Connect Front-Channel Logout 1.0 §3 (server metadata), §2 (client metadata)
"#,
};

struct Channel {
    rule: &'static Rule,
    uri_member: &'static str,
    supported: &'static str,
    session_required: &'static str,
    session_supported: &'static str,
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>, server: &ServerDoc, client: &ClientEffective) {
    let channels = [
        (
            Channel {
                rule: &BACKCHANNEL_LOGOUT_UNSUPPORTED,
                uri_member: "backchannel_logout_uri",
                supported: "backchannel_logout_supported",
                session_required: "backchannel_logout_session_required",
                session_supported: "backchannel_logout_session_supported",
            },
            &client.backchannel_logout_uri,
            &client.backchannel_logout_session_required,
        ),
        (
            Channel {
                rule: &FRONTCHANNEL_LOGOUT_UNSUPPORTED,
                uri_member: "frontchannel_logout_uri",
                supported: "frontchannel_logout_supported",
                session_required: "frontchannel_logout_session_required",
                session_supported: "frontchannel_logout_session_supported",
            },
            &client.frontchannel_logout_uri,
            &client.frontchannel_logout_session_required,
        ),
    ];
    for (channel, uri, session) in channels {
        let Some(uri) = uri else { continue };
        check_channel(ctx, server, &channel, uri, session);
    }
}

fn check_channel(
    ctx: &mut Ctx<'_, '_>,
    server: &ServerDoc,
    channel: &Channel,
    uri: &Effective<String>,
    session: &Effective<bool>,
) {
    if !server.flag(channel.supported).value {
        super::check_flag(
            ctx,
            channel.rule,
            server,
            &uri.provenance,
            &format!("`{}` is set", channel.uri_member),
            channel.supported,
            &format!(
                "use a server that supports this logout, or remove `{}`",
                channel.uri_member
            ),
        );
        return;
    }
    if session.value && !server.flag(channel.session_supported).value {
        let flag = server.flag(channel.session_supported);
        let (span, pointer) = super::client_at(ctx, session.client_location());
        let d = ctx.report(
            channel.rule,
            span,
            pointer,
            format!(
                "`{}` is true, but the server does not support `{}`: logout requests will carry no `sid`",
                channel.session_required, channel.session_supported
            ),
        );
        d.severity(Severity::Warning).help(format!(
            "identify sessions without `sid`, or set `{}` to false",
            channel.session_required
        ));
        match &flag.provenance {
            Provenance::Server(l) => {
                d.related_in(
                    std::sync::Arc::clone(server.source()),
                    l.span,
                    l.pointer.clone(),
                    "false here",
                );
            }
            _ => super::label_absent(d, server, channel.session_supported),
        }
    }
}
