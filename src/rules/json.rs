//! `JSON`: reading and parsing the bytes of a document. These findings come from the reader and
//! the parser (`lint.rs`), not from a check over the tree.

use crate::diagnostic::Severity;
use crate::rules::{Basis, Rule};

/// The `JSON` rules; one slice of [`crate::rules::ALL`]. No check function: `lint` reports them while it
/// reads and parses the bytes.
pub static RULES: &[&Rule] = &[
    &INVALID_JSON,
    &INVALID_UTF8,
    &DUPLICATE_MEMBER,
    &BYTE_ORDER_MARK,
    &LONE_SURROGATE,
    &NESTING_TOO_DEEP,
    &FILE_TOO_LARGE,
    &TOP_LEVEL_NOT_OBJECT,
    &UNREADABLE_FILE,
    &TOO_MANY_ENTRIES,
];

/// JSON001: the document is not valid JSON (RFC 8259).
pub static INVALID_JSON: Rule = Rule {
    code: "JSON001",
    name: "invalid-json",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The document is not valid JSON (RFC 8259)",
    profile: None,
    docs: r#"## What it does
Parses the document with a strict RFC 8259 parser and reports the first syntax error at its exact
byte, line and column, saying what was expected there.

## Why is this bad?
Every consumer of OAuth metadata (RFC 7591 §3.1, RFC 8414 §3, RFC 9728 §3) parses it as JSON. A
document that a lenient parser accepts (trailing commas, comments, single quotes, unquoted names) is
rejected by a strict one, so the same file works in one library and breaks in another.

## Example
```json
{
  "redirect_uris": ["https://app.example/cb",],
}
```

## Use instead
```json
{
  "redirect_uris": ["https://app.example/cb"]
}
```

## References
- RFC 8259, *The JavaScript Object Notation (JSON) Data Interchange Format*, §2–§7
- RFC 7591 §3.1; RFC 8414 §3.2; RFC 9728 §3.2
"#,
};

/// JSON002: the document is not UTF-8 text.
pub static INVALID_UTF8: Rule = Rule {
    code: "JSON002",
    name: "invalid-utf8",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The document is not UTF-8 text",
    profile: None,
    docs: r#"## What it does
Checks that the file is UTF-8 and reports the byte offset of the first invalid sequence. Text in
UTF-16 (with or without a byte order mark) is recognised and named.

## Why is this bad?
RFC 8259 §8.1: JSON text exchanged between systems that are not part of a closed ecosystem MUST be
encoded using UTF-8. Servers and libraries reject, or worse, silently mangle, other encodings.

## Example
A file saved as UTF-16 LE by a Windows editor, or Latin-1 text such as `"client_name": "Caf\xe9"`.

## Use instead
Save the file as UTF-8 (without a byte order mark).

## References
- RFC 8259 §8.1
"#,
};

/// JSON003: an object has two members with the same name.
pub static DUPLICATE_MEMBER: Rule = Rule {
    code: "JSON003",
    name: "duplicate-member",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An object has two members with the same name",
    profile: None,
    docs: r#"## What it does
Reports every member name that occurs more than once in the same object, pointing at both
occurrences. The other rules look at the last occurrence, as most parsers do.

## Why is this bad?
RFC 8259 §4 says names SHOULD be unique and that, when they are not, the behaviour of software is
unpredictable: some parsers keep the first value, most keep the last, some reject the document.
In a registration payload or a server's metadata that is a security problem, not a style issue:
the component that validates the document and the component that uses it can see different values
(for example two `redirect_uris` or two `token_endpoint_auth_method` members). I-JSON (RFC 7493
§2.3) makes unique names a MUST. Because the configuration's meaning is undefined, this is an error.

## Example
```json
{ "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_method": "none" }
```

## Use instead
Keep one member with the intended value.

## References
- RFC 8259 §4; RFC 7493 §2.3
"#,
};

/// JSON004: the document starts with a UTF-8 byte order mark.
pub static BYTE_ORDER_MARK: Rule = Rule {
    code: "JSON004",
    name: "byte-order-mark",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "The document starts with a UTF-8 byte order mark",
    profile: None,
    docs: r#"## What it does
Reports a UTF-8 byte order mark (U+FEFF) at the start of the file. The document is still parsed.

## Why is this bad?
RFC 8259 §8.1: implementations MUST NOT add a byte order mark to the beginning of a JSON text.
Parsers MAY ignore it, and many do not: `JSON.parse` in browsers and Node.js and Go's
`encoding/json` reject it. The MUST is on the producer, and the document is still readable by this
tool, so this is a warning rather than an error (SPEC §2: "a BOM is accepted with a warning").

## Example
Bytes `EF BB BF 7B …` (a file saved "with BOM" by some Windows editors).

## Use instead
Save the file as UTF-8 without a byte order mark.

## References
- RFC 8259 §8.1
"#,
};

/// JSON005: a `\u` escape is half of a UTF-16 surrogate pair.
pub static LONE_SURROGATE: Rule = Rule {
    code: "JSON005",
    name: "lone-surrogate",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A \\u escape is half of a UTF-16 surrogate pair",
    profile: None,
    docs: r#"## What it does
Reports `\uD800`–`\uDFFF` escapes that are not part of a high/low surrogate pair. The value is
read with U+FFFD in place of the lone surrogate.

## Why is this bad?
RFC 8259 §8.2: such a string is grammatically valid but does not encode Unicode characters, and
the behaviour of software that receives it is unpredictable (some replace it, some reject the
document, some produce invalid UTF-8 downstream).

## Example
```json
{ "client_name": "Caf\ud800" }
```

## Use instead
```json
{ "client_name": "Café" }
```

## References
- RFC 8259 §7, §8.2
"#,
};

/// JSON006: arrays and objects are nested deeper than the configured limit.
pub static NESTING_TOO_DEEP: Rule = Rule {
    code: "JSON006",
    name: "nesting-too-deep",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "Arrays and objects are nested deeper than the configured limit",
    profile: None,
    docs: r#"## What it does
Stops parsing when arrays and objects nest deeper than `--max-depth` (default 128) and reports where.

## Why is this bad?
No OAuth or OpenID Connect metadata document nests more than a few levels (a JWK Set inside client
metadata is the deepest, at four). Deep nesting is either a generated mistake or an attempt to
exhaust a parser's stack; many parsers (serde_json, Python's json) refuse it.

## Example
```json
{ "jwks": [[[[[[[[[[[[[[[[ … ]]]]]]]]]]]]]]]] }
```

## Use instead
Fix the generator. If a document legitimately needs more depth, raise `--max-depth`.

## References
- RFC 8259 §9 (parsers may limit nesting depth)
"#,
};

/// JSON010: an array or object has more entries than the configured limit.
pub static TOO_MANY_ENTRIES: Rule = Rule {
    code: "JSON010",
    name: "too-many-entries",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "An array or object has more entries than the configured limit",
    profile: None,
    docs: r#"## What it does
Stops parsing when an array has more elements, or an object more members, than `--max-entries`
(default 10,000; `limits.max_entries` in the config file) and reports where: at the comma that
would start the entry past the limit, with the pointer of the array or object.

## Why is this bad?
Real metadata is small: the largest lists in the corpus of real documents this tool is tested
on (`claims_supported`, `scopes_supported`, a provider's JWK Set) hold a few hundred entries. A
list of hundreds of thousands of redirect URIs or members is a generated mistake or an attempt to
exhaust the memory and time of whatever validates it — a registration endpoint that accepts it
stores it. Every entry of such a document could be valid on its own, so without a limit it would
pass. (The limit is per array or object, not for the whole document: `--max-file-size` bounds
that.)

## Example
```json
{ "redirect_uris": ["https://app.example/cb0", "https://app.example/cb1", …two million more…] }
```

## Use instead
Fix the generator. If a document legitimately needs longer lists, raise `--max-entries`.

## References
- RFC 8259 §9 (parsers may limit the size of texts and the number of entries)
- RFC 7591 §3 (a registration endpoint may reject any metadata it does not accept)
"#,
};

/// JSON007: the document is larger than the configured size limit.
pub static FILE_TOO_LARGE: Rule = Rule {
    code: "JSON007",
    name: "file-too-large",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "The document is larger than the configured size limit",
    profile: None,
    docs: r#"## What it does
Refuses to read a document larger than `--max-file-size` (default 10 MiB) and reports its size.

## Why is this bad?
Metadata documents are a few kilobytes. A document of many megabytes is not what the file name
says, or is an attempt to exhaust memory; registration endpoints limit request sizes for the same
reason.

## Example
A 60 MB `openid-configuration`.

## Use instead
Lint the right file. If a document legitimately needs more room, raise `--max-file-size`.

## References
- RFC 8259 §9 (parsers may limit the size of texts)
"#,
};

/// JSON008: the document's top-level value is not a JSON object.
pub static TOP_LEVEL_NOT_OBJECT: Rule = Rule {
    code: "JSON008",
    name: "top-level-not-object",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "The document's top-level value is not a JSON object",
    profile: None,
    docs: r#"## What it does
Reports a document whose top-level value is an array, string, number, boolean or null.

## Why is this bad?
Client metadata (RFC 7591 §3.1: "a JSON object"), authorization server metadata (RFC 8414 §3.2:
"a JSON object"), JWK Sets (RFC 7517 §5: "a JSON object") and protected resource metadata (RFC 9728
§3.2) are all objects. Nothing else can be read as metadata.

## Example
```json
[{ "client_id": "a" }, { "client_id": "b" }]
```

## Use instead
One document per file, each an object:
```json
{ "client_id": "a" }
```

## References
- RFC 7591 §3.1; RFC 8414 §3.2; RFC 7517 §5; RFC 9728 §3.2
"#,
};

/// JSON009: a path could not be read (missing, a directory loop, permissions, not a regular file).
pub static UNREADABLE_FILE: Rule = Rule {
    code: "JSON009",
    name: "unreadable-file",
    severity: Severity::Error,
    basis: Basis::CannotWork,
    summary: "A path could not be read (missing, a directory loop, permissions, not a regular file)",
    profile: None,
    docs: r#"## What it does
Reports an input that could not be read: a path that does not exist, a permission error, a
symbolic link loop found while walking a directory, a FIFO or device. The other files are still
linted; the exit code is 2.

## Why is this bad?
A check that silently skips a file it was asked to check gives a false sense of safety.

## Example
`oauth-lint check clients/missing.json`

## Use instead
Fix the path, the permissions or the link.

## References
- SPEC §7 (exit code 2 for unreadable input)
"#,
};
