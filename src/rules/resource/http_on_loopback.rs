//! PRM012: `http` identifiers and key-set URLs on loopback hosts in a development document.

use crate::diagnostic::Severity;
use crate::json::{Node, Pointer};
use crate::rules::resource::is_local_http;
use crate::rules::util::{parse_url, str_array, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// PRM012: a development resource document (loopback `resource`) uses `http` on loopback hosts.
pub static HTTP_ON_LOOPBACK: Rule = Rule {
    code: "PRM012",
    name: "resource-http-on-loopback",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A development resource document (loopback `resource`) uses `http` on loopback hosts",
    profile: None,
    docs: r#"## What it does
In a *development document*, one whose `resource` is on a loopback host (`localhost`,
`*.localhost`, `127.0.0.0/8`, `[::1]`; typically a local MCP server), reports `http` URLs on
loopback hosts in `resource`, `authorization_servers`, `jwks_uri` and `signed_jwks_uri`. Outside
development documents, and for non-loopback hosts, the same URLs are errors (`PRM002`, `PRM006`,
`PRM008`).

This is a separate rule so that a repository that lints its local development fixtures can
`--ignore PRM012` and keep every other check.

## Why is this bad?
RFC 9728 and RFC 8414 have no loopback exception: the resource identifier, issuer identifiers and
`jwks_uri` use `https` (the loopback exception of RFC 8252 §7.3 covers redirect URIs only). Over
plain http on the same machine there is little to attack, but a development document that is
copied to a deployed server, or served on a shared host, would be unprotected.

## Example
```json
{ "resource": "http://localhost:3000/mcp", "authorization_servers": ["http://localhost:8080/realms/dev"] }
```

## Use instead
```json
{ "resource": "https://localhost:3000/mcp", "authorization_servers": ["https://localhost:8443/realms/dev"] }
```

## References
- RFC 9728 §1.2, §2 (`resource`, `authorization_servers`, `jwks_uri`); RFC 8414 §2 (`issuer`)
- RFC 8252 §7.3 (the loopback exception is for redirect URIs); RFC 6761 §6.3 (`localhost`)
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let object = ctx.object();
    let mut urls: Vec<(&Node<'_>, &str, Pointer)> = Vec::new();
    for name in ["resource", "jwks_uri", "signed_jwks_uri"] {
        if let Some((node, value)) = str_member(object, name) {
            urls.push((node, value, Pointer::root().key(name)));
        }
    }
    if let Some((_, items)) = str_array(object, "authorization_servers") {
        for (index, node, value) in items {
            urls.push((node, value, Pointer::root().key("authorization_servers").index(index)));
        }
    }
    let mut local: Vec<_> = urls
        .into_iter()
        .filter(|(_, value, _)| parse_url(value).is_some_and(|url| is_local_http(ctx, &url)))
        .map(|(node, value, pointer)| (node.span, value.to_owned(), pointer))
        .collect();
    local.sort_by_key(|(span, _, _)| span.start);
    for (span, value, pointer) in local {
        let https = value.replacen("http:", "https:", 1);
        ctx.report(
            &HTTP_ON_LOOPBACK,
            span,
            pointer,
            format!("`http` on a loopback host in a development document: \"{value}\""),
        )
        .help(format!(
            "fine for local testing; use https (\"{https}\") before the document is served anywhere else"
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::resource::tests::findings;

    #[test]
    fn development_documents() {
        let doc = r#"{"resource": "http://localhost:3000/mcp",
                      "authorization_servers": ["http://127.0.0.1:8080", "http://auth.example.com", "https://localhost:8443"],
                      "jwks_uri": "http://localhost:3000/jwks.json"}"#;
        let f = findings(doc, "PRM012");
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(
            f[0].starts_with(
                "/resource `http` on a loopback host in a development document: \"http://localhost:3000/mcp\""
            ),
            "{f:?}"
        );
        assert!(f[1].starts_with("/authorization_servers/0 "), "{f:?}");
        assert!(findings(doc, "PRM002").is_empty());
        assert!(findings(doc, "PRM008").is_empty());
        assert_eq!(
            findings(doc, "PRM006"),
            [
                "/authorization_servers/1 authorization server \"http://auth.example.com\" is not an issuer identifier: it uses http | list each server's `issuer`: an https URL without query or fragment, exactly as its metadata states it"
            ]
        );
        // Not a development document: loopback http elsewhere is an error.
        let public = r#"{"resource": "https://api.example.com", "authorization_servers": ["http://localhost:8080"]}"#;
        assert!(findings(public, "PRM012").is_empty());
        assert_eq!(findings(public, "PRM006").len(), 1);
    }
}
