//! XCS026: the document given as the server of a pairing is not authorization server metadata.

use crate::diagnostic::Severity;
use crate::rules::{Basis, Rule};

/// XCS026: the document given as the server of a pairing is not authorization server metadata.
pub static PAIRED_DOCUMENT_NOT_A_SERVER: Rule = Rule {
    code: "XCS026",
    name: "paired-document-not-a-server",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The document given as the server of a pairing is not authorization server metadata",
    profile: None,
    docs: r#"## What it does
Reported on the file given with `--server` when it is not authorization server metadata: its file
name or its members say it is client metadata, a JWK Set or protected resource metadata, or its top
level is not an object. (A file that cannot be read is `JSON009`; one that is not JSON, `JSON001`.)
The clients are then linted alone, without cross checks.

## Why is this bad?
No cross check can run: the client is compared with nothing, and a CI job that meant to check the
pair passes silently.

## Example
```json
{ "redirect_uris": ["https://app.example/cb"], "client_name": "not a server" }
```
given as `--server`.

## Use instead
```json
{ "issuer": "https://as.example", "authorization_endpoint": "https://as.example/authorize",
  "token_endpoint": "https://as.example/token", "response_types_supported": ["code"] }
```

## References
- RFC 8414 §2 (authorization server metadata); OpenID Connect Discovery 1.0 §3
"#,
};
