//! `SCH`: member types and formats, from the shipped JSON Schemas (`schemas/`). The checking is
//! in `src/schema.rs`; this file declares the rules and documents them.

use crate::diagnostic::Severity;
use crate::rules::{Basis, Rule};

/// The `SCH` rules; one slice of [`crate::rules::ALL`]. `crate::schema` reports them.
pub static RULES: &[&Rule] = &[
    &WRONG_TYPE,
    &INVALID_URL,
    &INTEGER_OUT_OF_RANGE,
    &INVALID_EMAIL,
    &UNSUPPORTED_VALUE,
];

/// SCH001: a member's value has the wrong JSON type.
pub static WRONG_TYPE: Rule = Rule {
    code: "SCH001",
    name: "wrong-type",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A member's value has the wrong JSON type",
    profile: None,
    docs: r#"## What it does
Checks each registered member's JSON type against the shipped schema of the document kind
(`schemas/<kind>.schema.json`): strings, booleans, arrays of strings, objects, non-negative
integers. The message names the expected type and quotes what was found.

## Why is this bad?
The specifications define each member's type (RFC 7591 §2, OIDC Registration §2, RFC 8414 §2,
OIDC Discovery §3, RFC 9728 §2, RFC 7517 §4). A server that receives `"require_auth_time": "yes"`
either rejects the registration or, worse, reads it as `false`; a client library that finds a string
where it expects an array of algorithms fails at run time.

## Example
```json
{ "require_auth_time": "true", "redirect_uris": "https://app.example/cb", "default_max_age": "3600" }
```

## Use instead
```json
{ "require_auth_time": true, "redirect_uris": ["https://app.example/cb"], "default_max_age": 3600 }
```

## References
- RFC 7591 §2; OpenID Connect Dynamic Client Registration 1.0 §2
- RFC 8414 §2; OpenID Connect Discovery 1.0 §3; RFC 9728 §2; RFC 7517 §4–§5
"#,
};

/// SCH002: a URL member is not an absolute URL.
pub static INVALID_URL: Rule = Rule {
    code: "SCH002",
    name: "invalid-url",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A URL member is not an absolute URL",
    profile: None,
    docs: r#"## What it does
Checks that members defined as URLs (`*_uri`, `*_endpoint`, `issuer`, `jwks_uri`, `resource`, each
element of `redirect_uris`, …) are absolute URIs (RFC 3986 §4.3): a scheme, and no characters
that must be percent-encoded (spaces, `{`, `}`). A value with a template placeholder
(`{{request.port}}`, `{tenantid}`, `$ISSUER`) is reported as an unrendered template; for the
`{tenantid}` issuer of Microsoft's multi-tenant metadata the help explains the tenant-specific
issuer check clients need instead.

## Why is this bad?
A relative URL (`/userinfo`, `jwks.json`) has no base to resolve against in metadata; an unrendered
template (`{tenantid}`, `$ISSUER/authorize`) is not a URL at all. Clients that fetch or compare these
values fail, or resolve them against the wrong origin.

## Example
```json
{ "issuer": "https://login.example.com/{tenantid}/v2.0", "jwks_uri": "keys.json" }
```

## Use instead
```json
{ "issuer": "https://login.example.com/8eaef023/v2.0", "jwks_uri": "https://login.example.com/keys.json" }
```

## References
- RFC 3986 §4.3; RFC 8414 §2 ("URL"); RFC 7591 §2; RFC 9728 §2
"#,
};

/// SCH003: an integer member is negative or too large to represent.
pub static INTEGER_OUT_OF_RANGE: Rule = Rule {
    code: "SCH003",
    name: "integer-out-of-range",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "An integer member is negative or too large to represent",
    profile: None,
    docs: r#"## What it does
Checks members defined as non-negative integers (`default_max_age`, `client_id_issued_at`,
`client_secret_expires_at`, JWK `iat`/`nbf`/`exp`): not negative, and small enough for a 64-bit
integer. The number's source text is read, so `1e400` or a 30-digit value is reported rather than
rounded.

## Why is this bad?
These members are seconds (a duration or a time since the epoch). A negative value is meaningless;
a huge one is rounded differently by each parser, so the server and the client disagree on the
expiry.

## Example
```json
{ "default_max_age": -1, "client_secret_expires_at": 1e400 }
```

## Use instead
```json
{ "default_max_age": 3600, "client_secret_expires_at": 0 }
```

## References
- RFC 7591 §3.2.1 (`client_id_issued_at`, `client_secret_expires_at`: seconds since the epoch)
- OpenID Connect Dynamic Client Registration 1.0 §2 (`default_max_age`: seconds)
"#,
};

/// SCH004: a `contacts` entry is not an e-mail address.
pub static INVALID_EMAIL: Rule = Rule {
    code: "SCH004",
    name: "invalid-email",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "A `contacts` entry is not an e-mail address",
    profile: None,
    docs: r#"## What it does
Checks that each element of `contacts` (and `tls_client_auth_san_email`) is an e-mail address.

## Why is this bad?
RFC 7591 §2 describes `contacts` as "ways to contact people responsible for this client,
typically email addresses", and servers use them to reach the owner about incidents. The spec
allows other forms, so this is a warning: a `mailto:` prefix or a display name
(`"Ops <ops@example.com>"`) is usually a mistake.

## Example
```json
{ "contacts": ["mailto:ops@example.com"] }
```

## Use instead
```json
{ "contacts": ["ops@example.com"] }
```

## References
- RFC 7591 §2; OpenID Connect Dynamic Client Registration 1.0 §2; RFC 8705 §2.1.2
"#,
};

/// SCH005: a member with a closed set of values has a value outside it.
pub static UNSUPPORTED_VALUE: Rule = Rule {
    code: "SCH005",
    name: "unsupported-value",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A member with a closed set of values has a value outside it",
    profile: None,
    docs: r#"## What it does
Checks members whose values the specifications enumerate: `application_type` (`web`, `native`),
`subject_type` (`public`, `pairwise`), `backchannel_token_delivery_mode` (`poll`, `ping`, `push`),
JWK `use` (`sig`, `enc`) and `key_ops`, `bearer_methods_supported` (`header`, `body`, `query`).

JWK `use` and `key_ops` are reported as warnings, not errors: RFC 7517 §4.2 and §4.3 list the
registered values and then say "Other values MAY be used", so an unregistered value breaks no
requirement. It is still almost always a mistake (`signing` for `sign`, `Sig` for `sig`) that
makes libraries reject or ignore the key, hence the warning and the "did you mean".

## Why is this bad?
Any other value is meaningless to the receiver: the server rejects the registration
(RFC 7591 §3.2.2 `invalid_client_metadata`) or ignores the member; a JOSE library given a key
whose `key_ops` it does not know refuses to use the key for the operation it needs.

## Example
```json
{ "application_type": "Native" }
```

## Use instead
```json
{ "application_type": "native" }
```

## References
- OpenID Connect Dynamic Client Registration 1.0 §2; CIBA Core 1.0 §4; RFC 7517 §4.2–§4.3;
  RFC 9728 §2
"#,
};
