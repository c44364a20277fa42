//! CLI067: pairwise subjects with redirect URIs on several hosts and no `sector_identifier_uri`.

use super::{present, statement_may_supply};
use crate::diagnostic::Severity;
use crate::rules::util::{parse_url, ptr, ptr_index, str_array, str_member};
use crate::rules::{Basis, Ctx, Rule};

/// CLI067: pairwise subjects with redirect URIs on several hosts need a `sector_identifier_uri`.
pub static PAIRWISE_SECTOR_IDENTIFIER_MISSING: Rule = Rule {
    code: "CLI067",
    name: "pairwise-sector-identifier-missing",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "Pairwise subjects with redirect URIs on several hosts need a `sector_identifier_uri`",
    profile: None,
    docs: r#"## What it does
Reports client metadata with `subject_type: "pairwise"` whose `redirect_uris` have more than one
distinct host and which has no `sector_identifier_uri`. Redirect URIs without a host (private-use
schemes of native apps) are not counted. With a `software_statement` in a request or Client ID
Metadata Document the rule is silent. Whether `sector_identifier_uri` uses https is the URL rules'
business.

## Why is this bad?
The pairwise `sub` is computed from the sector identifier, which by default is "the host component
of the registered redirect_uri". OIDC Core §8.1: "If there are multiple hostnames in the registered
redirect_uris, the Client MUST register a sector_identifier_uri." Without it the server cannot pick
a sector (it rejects the registration), or the same user gets different `sub` values depending on
the redirect URI used.

## Example
```json
{
  "subject_type": "pairwise",
  "redirect_uris": ["https://app.example.com/cb", "https://app.example.net/cb"]
}
```

## Use instead
```json
{
  "subject_type": "pairwise",
  "sector_identifier_uri": "https://example.com/redirect_uris.json",
  "redirect_uris": ["https://app.example.com/cb", "https://app.example.net/cb"]
}
```

## References
- OpenID Connect Core 1.0 §8.1 (Pairwise Identifier Algorithm: "the Client MUST register a
  sector_identifier_uri")
- OpenID Connect Dynamic Client Registration 1.0 §2 (`sector_identifier_uri`), §5
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    if str_member(obj, "subject_type").is_none_or(|(_, s)| s != "pairwise") {
        return;
    }
    if present(obj, "sector_identifier_uri") || statement_may_supply(ctx) {
        return;
    }
    let Some((_, items)) = str_array(obj, "redirect_uris") else {
        return;
    };
    // The first redirect URI of each distinct host.
    let mut hosts: Vec<(String, usize, crate::json::Span)> = Vec::new();
    for (index, node, value) in items {
        let Some(host) = parse_url(value).and_then(|u| u.host_str().map(str::to_ascii_lowercase)) else {
            continue;
        };
        if !hosts.iter().any(|(h, _, _)| *h == host) {
            hosts.push((host, index, node.span));
        }
    }
    if hosts.len() < 2 {
        return;
    }
    let names: Vec<String> = hosts.iter().map(|(h, _, _)| format!("{h:?}")).collect();
    let subject = obj.get("subject_type").map(|n| n.span).unwrap_or(ctx.root.span);
    let diagnostic = ctx.report(
        &PAIRWISE_SECTOR_IDENTIFIER_MISSING,
        ctx.root.span,
        "",
        format!(
            "`subject_type` is \"pairwise\" and `redirect_uris` use {} hosts ({}), but `sector_identifier_uri` is missing",
            hosts.len(),
            names.join(", ")
        ),
    );
    diagnostic.related(subject, ptr("subject_type"), "pairwise subjects requested here");
    for (host, index, span) in &hosts {
        diagnostic.related(*span, ptr_index("redirect_uris", *index), format!("host {host:?}"));
    }
    diagnostic.help("register a `sector_identifier_uri`: an https URL of a JSON array listing all the redirect URIs");
}
