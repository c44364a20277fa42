//! CLI004: an http redirect URI on a host that is not the loopback interface.

use super::model::{AppType, Client, RedirectMember, UriKind};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// CLI004: a redirect URI uses http on a host other than the loopback interface.
pub static INSECURE_REDIRECT_URI: Rule = Rule {
    code: "CLI004",
    name: "insecure-redirect-uri",
    severity: Severity::Warning,
    basis: Basis::SecurityBcp,
    summary: "A redirect URI uses http on a host other than the loopback interface",
    profile: None,
    docs: r#"## What it does
Reports elements of `redirect_uris` and `post_logout_redirect_uris` that use `http` on a host that
is not a loopback address (`127.0.0.0/8`, `[::1]`) or `localhost`.

The finding is an **error** (not a warning) for `redirect_uris` when OpenID Connect Registration
§2 forbids it outright:
- native clients (`application_type: "native"`) "MUST only register `redirect_uris` using custom
  URI schemes or loopback URLs using the `http` scheme";
- web clients using the implicit grant, which includes the hybrid response types (`code id_token`,
  …, tied to the `implicit` grant type by the §2 table), "MUST only register URLs using the
  `https` scheme".

Not reported: https redirect URIs of native clients on a real host name. OpenID Connect
Registration §2 literally lists only "custom URI schemes or loopback URLs using the `http` scheme"
for native clients, but RFC 8252 §7.2 (a Best Current Practice) describes claimed https URLs for
native apps and says they "SHOULD use them over the other options where possible"; this rule
follows RFC 8252.

## Why is this bad?
The authorization response (a code, or tokens) travels in the redirect; over http anyone on the
network path reads or changes it. RFC 9700 §2.6: "Authorization responses MUST NOT be transmitted
over unencrypted network connections. To this end, authorization servers MUST NOT allow redirect
URIs that use the `http` scheme except for native clients that use Loopback Interface
Redirection." Loopback redirects are exempt because the request never leaves the device
(RFC 8252 §8.3).

Which reading, and why a warning: RFC 7591 §5 lists the acceptable redirect URIs (https, http on
the local machine, app-specific schemes) with a MUST, but RFC 6749 §3.1.2.1 only says the
redirection endpoint SHOULD use TLS, OpenID Connect Registration §2 lets a server decide for web
clients that do not use the implicit grant ("MAY reject"), and RP-Initiated Logout §3.1 allows http
post-logout redirect URIs for confidential clients. So http on a remote host is reported as a
security best-practice violation (warning), and as an error only where a specification forbids it
without exception.

## Example
```json
{ "redirect_uris": ["http://app.example/callback"] }
```

## Use instead
```json
{ "redirect_uris": ["https://app.example/callback"] }
```

## References
- RFC 9700 §2.6; RFC 6749 §3.1.2.1; RFC 7591 §5; RFC 8252 §7.3, §8.3
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2 (`application_type`)
- OpenID Connect RP-Initiated Logout 1.0 §3.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, client: &Client<'_, '_>) {
    let implicit = client.uses_implicit();
    for target in client.sound_redirects() {
        // An unspecified host (`0.0.0.0`) is CLI014's finding: one finding per value.
        if target.kind != UriKind::Http || target.url.is_none() || target.is_loopback() || target.is_unspecified_host()
        {
            continue;
        }
        let redirect = target.member == RedirectMember::Redirect;
        let forbidden = match client.app_type {
            AppType::Native if redirect => Some((
                "a native client",
                "native clients may only register private-use schemes or loopback http URLs",
            )),
            AppType::Web if redirect && implicit => Some((
                "a web client using the implicit or hybrid flow",
                "web clients using the implicit or hybrid flow must register https URLs only",
            )),
            _ => None,
        };
        let noun = target.member.noun();
        let value = target.value;
        match forbidden {
            Some((client_kind, rule)) => ctx
                .report(
                    &INSECURE_REDIRECT_URI,
                    target.node.span,
                    target.pointer(),
                    format!("{noun} of {client_kind} uses http on a non-loopback host: \"{value}\""),
                )
                .severity(Severity::Error)
                .help(format!("use https; {rule} (OpenID Connect Registration §2)")),
            None => ctx
                .report(
                    &INSECURE_REDIRECT_URI,
                    target.node.span,
                    target.pointer(),
                    format!("{noun} uses http on a non-loopback host: \"{value}\""),
                )
                .help("use https; http is only safe for loopback redirects, which never leave the device"),
        };
    }
}
