//! DOC004: the metadata is wrapped in an envelope member (reported by `lint.rs`).

use crate::diagnostic::Severity;
use crate::rules::{Basis, Rule};

/// DOC004: the metadata is nested inside an envelope member instead of being the document.
pub static WRAPPED_DOCUMENT: Rule = Rule {
    code: "DOC004",
    name: "wrapped-document",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The metadata is nested inside an envelope member instead of being the document",
    profile: None,
    docs: r#"## What it does
Reports a document whose top level has no metadata member but whose single object member holds
metadata of a recognisable kind, such as an HTTP test snapshot
`{"body": {"client_name": …, "redirect_uris": […]}, "status": 201}` or an API wrapper
`{"data": {"issuer": …}}`. The inner object is not linted.

## Why is this bad?
Metadata is the top-level object of the document (RFC 7591 §3.1, RFC 8414 §3.2, RFC 9728 §3.2):
served or registered as it is, the envelope has none of the members the receiver looks for.

## Example
```json
{ "body": { "client_name": "Example", "redirect_uris": ["https://app.example/cb"] }, "status": 201 }
```

## Use instead
```json
{ "client_name": "Example", "redirect_uris": ["https://app.example/cb"] }
```

## References
- RFC 7591 §3.1; RFC 8414 §3.2; RFC 9728 §3.2
"#,
};
