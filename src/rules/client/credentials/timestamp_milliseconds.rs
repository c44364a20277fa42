//! CLI069: `client_id_issued_at` / `client_secret_expires_at` in milliseconds.

use crate::diagnostic::Severity;
use crate::rules::util::ptr;
use crate::rules::{Basis, Ctx, Rule};

/// CLI069: `client_id_issued_at` or `client_secret_expires_at` looks like milliseconds, not seconds.
pub static TIMESTAMP_IN_MILLISECONDS: Rule = Rule {
    code: "CLI069",
    name: "timestamp-in-milliseconds",
    severity: Severity::Warning,
    basis: Basis::LikelyMistake,
    summary: "`client_id_issued_at` or `client_secret_expires_at` looks like milliseconds, not seconds",
    profile: None,
    docs: r#"## What it does
Reports `client_id_issued_at` or `client_secret_expires_at` above 10^11. As seconds since the epoch
that is after the year 5000; as milliseconds it is any date after March 1973 — the usual
`Date.now()` / `System.currentTimeMillis()` mistake.

Only this structural check is made: whether a timestamp lies in the past or the future depends on
the day the linter runs, and findings must be reproducible.

## Why is this bad?
RFC 7591 §3.2.1 defines both as "the number of seconds from 1970-01-01T00:00:00Z". A millisecond
expiry read as seconds means the secret never expires in the client's eyes, and the client keeps
using it after the server has revoked it.

## Example
```json
{
  "client_id": "s6BhdRkqt3",
  "client_id_issued_at": 1568816110661,
  "client_secret_expires_at": 0
}
```

## Use instead
```json
{
  "client_id": "s6BhdRkqt3",
  "client_id_issued_at": 1568816110,
  "client_secret_expires_at": 0
}
```

## References
- RFC 7591 §3.2.1 (`client_id_issued_at`, `client_secret_expires_at`: seconds since the epoch)
- RFC 7519 §2 (NumericDate)
"#,
};

/// 10^11 seconds is in the year 5138; milliseconds pass it in March 1973.
const THRESHOLD: u64 = 100_000_000_000;

const SECONDS_PER_YEAR: u64 = 31_556_952;

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let obj = ctx.object();
    for member in ["client_id_issued_at", "client_secret_expires_at"] {
        let Some(node) = obj.get(member) else {
            continue;
        };
        let Some(value) = node.as_u64() else {
            continue;
        };
        if value <= THRESHOLD {
            continue;
        }
        let year_as_seconds = 1970 + value / SECONDS_PER_YEAR;
        let year_as_millis = 1970 + value / 1000 / SECONDS_PER_YEAR;
        ctx.report(
            &TIMESTAMP_IN_MILLISECONDS,
            node.span,
            ptr(member),
            format!(
                "`{member}` is {value}: as seconds that is the year {year_as_seconds}, as milliseconds the year {year_as_millis}"
            ),
        )
        .help(format!("write the time in seconds since the epoch ({})", value / 1000));
    }
}
