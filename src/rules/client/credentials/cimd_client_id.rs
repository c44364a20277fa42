//! CLI074: the `client_id` of a Client ID Metadata Document is not a valid Client Identifier URL.

use crate::diagnostic::Severity;
use crate::document::Role;
use crate::rules::util::{parse_url, ptr, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI074: the `client_id` of a Client ID Metadata Document breaks the Client Identifier URL rules.
pub static CIMD_CLIENT_ID_INVALID: Rule = Rule {
    code: "CLI074",
    name: "cimd-client-id-invalid",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The `client_id` of a Client ID Metadata Document breaks the Client Identifier URL rules",
    profile: None,
    docs: r#"## What it does
In a Client ID Metadata Document (role `cimd`), checks `client_id` against the MUSTs of a Client
Identifier URL, on the text as written (URL parsers normalise away some of these):
- it is present (only reachable when the role is forced);
- it is a URL with the `https` scheme;
- no userinfo (`https://user@host/…`);
- a path component (`https://app.example.com` has none; `https://app.example.com/` does);
- no `.` or `..` path segments;
- no fragment.

The discouraged-but-allowed forms (a query, the path `/`) are `CLI075`. That `client_id` equals the
URL the document is served from can only be checked when that URL is known.

## Why is this bad?
The `client_id` is the URL the authorization server fetches the document from, and it is compared
with simple string comparison. A URL with a fragment, dot segments or userinfo has several spellings
for one resource (or none at all), so the server cannot match it reliably, and the draft makes each
of these a MUST NOT. Servers implementing the draft reject the client.

## Example
```json
{
  "client_id": "https://app.example.com/oauth/../client.json#v2",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "none"
}
```

## Use instead
```json
{
  "client_id": "https://app.example.com/client.json",
  "redirect_uris": ["https://app.example.com/cb"],
  "token_endpoint_auth_method": "none"
}
```

## References
- draft-ietf-oauth-client-id-metadata-document-02 §3 (Client Identifier URL: "MUST use the https
  URL scheme", "MUST NOT contain a userinfo component", "MUST contain a path component", "MUST NOT
  contain single-dot or double-dot path components", "MUST NOT contain a fragment component"), §4
  ("MUST contain a `client_id` property")
- RFC 3986 §3, §6.2.1
"#,
};

/// The components of a URL as written, split per RFC 3986 §3 without any normalisation.
pub(super) struct RawUrl<'s> {
    pub scheme: &'s str,
    pub authority: &'s str,
    pub path: &'s str,
    pub query: Option<&'s str>,
    pub fragment: Option<&'s str>,
}

/// Splits an absolute URL with an authority; `None` without `scheme://`.
pub(super) fn split_url(s: &str) -> Option<RawUrl<'_>> {
    let (scheme, rest) = s.split_once(':')?;
    if scheme.is_empty() {
        return None;
    }
    let rest = rest.strip_prefix("//")?;
    let (rest, fragment) = match rest.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    Some(RawUrl {
        scheme,
        authority: &rest[..authority_end],
        path: &rest[authority_end..],
        query,
        fragment,
    })
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.role != Some(Role::Cimd) {
        return;
    }
    let obj = ctx.object();
    let Some(node) = obj.get("client_id") else {
        ctx.report(
            &CIMD_CLIENT_ID_INVALID,
            ctx.root.span,
            "",
            "the Client ID Metadata Document has no `client_id`",
        )
        .help("add `client_id`: the exact https URL this document is served from");
        return;
    };
    let Some((_, value)) = str_member(obj, "client_id") else {
        return;
    };
    let span = node.span;
    let mut problems: Vec<String> = Vec::new();
    match (split_url(value), parse_url(value)) {
        (Some(raw), Some(_)) => {
            if !raw.scheme.eq_ignore_ascii_case("https") {
                problems.push(format!("uses the {} scheme, not https", raw.scheme));
            }
            if raw.authority.contains('@') {
                problems.push("contains userinfo (`…@` before the host)".into());
            }
            if raw.path.is_empty() {
                problems.push("has no path component".into());
            }
            if raw.path.split('/').any(|segment| segment == "." || segment == "..") {
                problems.push("contains a `.` or `..` path segment".into());
            }
            if raw.fragment.is_some() {
                problems.push("contains a fragment".into());
            }
        }
        _ => problems.push("is not an absolute URL".into()),
    }
    for problem in problems {
        ctx.report(
            &CIMD_CLIENT_ID_INVALID,
            span,
            ptr("client_id"),
            format!("the Client Identifier URL {value:?} {problem}"),
        )
        .help("use the exact https URL the document is served from, with a path and without userinfo, dot segments or fragment (for example \"https://app.example.com/oauth/client.json\")");
    }
}

#[cfg(test)]
mod tests {
    use super::split_url;

    #[test]
    fn splits_without_normalising() {
        let raw = split_url("https://u@app.example.com:8443/a/../b?x=1#f").unwrap();
        assert_eq!(
            (raw.scheme, raw.authority, raw.path, raw.query, raw.fragment),
            ("https", "u@app.example.com:8443", "/a/../b", Some("x=1"), Some("f"))
        );
        let bare = split_url("https://app.example.com").unwrap();
        assert_eq!((bare.authority, bare.path, bare.query), ("app.example.com", "", None));
        let query_only = split_url("https://app.example.com?x").unwrap();
        assert_eq!((query_only.path, query_only.query), ("", Some("x")));
        assert!(split_url("urn:example:client").is_none());
        assert!(split_url("://app.example.com/").is_none());
    }
}
