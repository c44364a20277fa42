//! DOC001: the kind of a document could not be determined (reported by `lint.rs`).

use crate::diagnostic::Severity;
use crate::rules::{Basis, Rule};

/// DOC001: neither the file name nor the content says what kind of document this is.
pub static UNKNOWN_KIND: Rule = Rule {
    code: "DOC001",
    name: "unknown-kind",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "Neither the file name nor the content says what kind of document this is",
    profile: None,
    docs: r#"## What it does
Reports a document whose kind (client metadata, authorization server metadata, JWK Set, protected
resource metadata) cannot be decided. The kind comes from, in order: `--kind` or the config file's
`[[files]] kind`; the file name (`openid-configuration`, `oauth-authorization-server`,
`*.discovery.json` → server; `oauth-protected-resource` → resource; `jwks.json`, `*.jwks.json` →
JWK Set; `*.client.json`, `clients/*.json` → client); the content (a `keys` array → JWK Set;
otherwise members that only one kind defines, `issuer` counting double). When none decides, nothing
else is checked, and this rule says so instead of guessing.

When a directory is walked, `.json` files with no OAuth member at all (a `package.json`, a
`tsconfig.json`) are listed as skipped in the summary rather than reported one by one.

## Why is this bad?
Every other rule depends on the kind: linting a client as a server would report nonsense, and
silently skipping the file would hide it from the check. It is an error because the file was named
for linting and nothing in it was checked: a CI run must not pass on a document it could not read as
OAuth metadata (pre-commit hooks that name every changed `.json` file use `--skip-unknown`, which
skips such files as a directory walk does).

## Example
A file `config/idp.json` holding only `{"name": "corporate IdP"}`.

## Use instead
Name the file after its kind (`idp.discovery.json`), or force it: `oauth-lint check --kind server
config/idp.json`, or in `oauth-lint.toml`:
```toml
[[files]]
path = "config/idp.json"
kind = "server"
```

## References
- SPEC §2 (kinds and their detection)
"#,
};
