//! MCP004: an MCP client redirect URI that is neither https nor loopback http.

use crate::diagnostic::Severity;
use crate::rules::util::{ptr_index, str_array};
use crate::rules::{Basis, Ctx, Profile, Rule};

/// MCP004: an MCP client registers a redirect URI with a scheme other than https or http.
pub static MCP_REDIRECT_URI_SCHEME: Rule = Rule {
    code: "MCP004",
    name: "mcp-redirect-uri-scheme",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An MCP client registers a redirect URI with a scheme other than https or http",
    profile: Some(Profile::Mcp),
    docs: r#"## What it does
Under `--profile mcp`, reports elements of a client's `redirect_uris` whose scheme is neither
`https` nor `http`: private-use schemes (`com.example.app:/callback`, `cursor://…`) and URNs
(`urn:ietf:wg:oauth:2.0:oob`). `http` on a host other than the loopback interface is `CLI004`,
which the profile raises to an error; browser-internal schemes (`javascript:`, `data:`, …) are
`CLI003`'s errors.

## Why is this bad?
MCP Authorization, Communication Security: "All redirect URIs MUST be either `localhost` or use
HTTPS." The MCP ecosystem pairs arbitrary clients with arbitrary servers through Client ID
Metadata Documents, where the server cannot know which app owns a private-use scheme: any app on
the device can register the same scheme and receive the code. Native MCP clients use a loopback
redirect (`http://127.0.0.1:{port}/callback`) or a claimed https URL instead.

Which reading: "`localhost`" is read as the loopback interface, `http://127.0.0.1`, `http://[::1]`
and `http://localhost` alike (the specification's own example registers both `127.0.0.1` and
`localhost`).

## Example
```json
{ "client_id": "https://app.example.com/oauth/client-metadata.json", "client_name": "Example MCP Client",
  "redirect_uris": ["com.example.app:/oauth/callback"] }
```

## Use instead
```json
{ "client_id": "https://app.example.com/oauth/client-metadata.json", "client_name": "Example MCP Client",
  "redirect_uris": ["http://127.0.0.1:3000/callback"] }
```

## References
- MCP Authorization (revision 2025-11-25), Security Considerations, Communication Security
- draft-ietf-oauth-v2-1-13 §1.5; RFC 8252 §7.3 (loopback redirection)
"#,
};

/// Browser-internal schemes: `CLI003`'s errors.
const BROWSER_INTERNAL: &[&str] = &["javascript", "data", "file", "vbscript", "about", "blob"];

/// The lower-cased scheme of an absolute URI (RFC 3986 §3.1), `None` for a relative reference
/// (`SCH002`'s finding).
fn scheme(uri: &str) -> Option<String> {
    let (scheme, _) = uri.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| scheme.to_ascii_lowercase())
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some((_, items)) = str_array(ctx.object(), "redirect_uris") else {
        return;
    };
    for (index, node, uri) in items {
        let Some(scheme) = scheme(uri) else {
            continue;
        };
        if matches!(scheme.as_str(), "https" | "http") || BROWSER_INTERNAL.contains(&scheme.as_str()) {
            continue;
        }
        ctx.report(
            &MCP_REDIRECT_URI_SCHEME,
            node.span,
            ptr_index("redirect_uris", index),
            format!("redirect URI uses the `{scheme}:` scheme, which MCP does not allow: \"{uri}\""),
        )
        .help("use a loopback redirect (`http://127.0.0.1:{port}/callback`) or an https URL; MCP allows no other redirect URIs");
    }
}

#[cfg(test)]
mod tests {
    use super::scheme;

    #[test]
    fn schemes() {
        assert_eq!(scheme("com.example.app:/cb").as_deref(), Some("com.example.app"));
        assert_eq!(scheme("HTTPS://x").as_deref(), Some("https"));
        assert_eq!(scheme("/relative:path"), None);
    }
}
