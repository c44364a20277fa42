//! MCP006: an MCP registration request with native redirect URIs and no `application_type`.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{is_loopback, parse_url, ptr_index, str_array};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// MCP006: an MCP registration request with loopback redirect URIs omits `application_type` (default `web`).
pub static MCP_DCR_APPLICATION_TYPE: Rule = Rule {
    code: "MCP006",
    name: "mcp-dcr-application-type",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "An MCP registration request with loopback redirect URIs omits `application_type` (default `web`)",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under `--profile mcp`, in a Dynamic Client Registration request (role `request`), reports a
missing `application_type` when a redirect URI is a native app's: `http` on the loopback
interface (`127.0.0.1`, `[::1]`, `localhost`). `CLI009` (an info, any role) notes the same
default when every redirect URI is a loopback URL; this rule is the MCP requirement, for
registration requests only.

## Why is this bad?
OpenID Connect Dynamic Client Registration §2 defaults `application_type` to `web`, and an OpenID
Provider may reject loopback http redirect URIs for web clients, which are meant for native apps
("Native Clients MUST only register `redirect_uris` using custom URI schemes or loopback URLs using
the `http` scheme"). The registration of a desktop or CLI MCP client then fails with
`invalid_redirect_uri`. The 2026-07-28 revision of the MCP authorization specification makes this
explicit: "MCP clients MUST specify an appropriate `application_type` during Dynamic Client
Registration", `native` for desktop applications, mobile apps, CLI tools and locally hosted web
applications accessed via `localhost`.

Which reading, and why a warning: the 2025-11-25 revision, which the profile follows, does not
require the member, and servers that do not implement OpenID Connect ignore it; what is likely is
the failed registration at an OpenID Provider.

## Example
```json
{ "client_name": "My MCP Client", "redirect_uris": ["http://127.0.0.1:3000/callback"],
  "token_endpoint_auth_method": "none" }
```

## Use instead
```json
{ "client_name": "My MCP Client", "redirect_uris": ["http://127.0.0.1:3000/callback"],
  "token_endpoint_auth_method": "none", "application_type": "native" }
```

## References
- MCP Authorization (revision 2026-07-28), Client Registration, Dynamic Client Registration,
  Application Type and Redirect URI Constraints
- OpenID Connect Dynamic Client Registration 1.0 incorporating errata set 2, §2
  (`application_type`); RFC 8252 §7.3
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Request) || ctx.object().contains("application_type") {
        return;
    }
    let Some((_, items)) = str_array(ctx.object(), "redirect_uris") else {
        return;
    };
    let Some((index, node, uri)) = items
        .into_iter()
        .find(|(_, _, uri)| parse_url(uri).is_some_and(|u| u.scheme() == "http" && is_loopback(&u)))
    else {
        return;
    };
    ctx.report(
        &MCP_DCR_APPLICATION_TYPE,
        ctx.root.span,
        "",
        format!("`application_type` is omitted (default \"web\") but the request registers the loopback redirect URI \"{uri}\""),
    )
    .help("add `\"application_type\": \"native\"`: OpenID Providers may reject loopback redirect URIs for web clients")
    .related(node.span, ptr_index("redirect_uris", index), "a native app's redirect URI");
}
