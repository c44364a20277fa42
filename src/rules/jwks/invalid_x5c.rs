//! JWK024: an `x5c` that is not a chain of base64 DER certificates.

use super::base64::{ProblemKind, decode_std};
use super::{JwkSet, span_in_string};
use crate::diagnostic::Severity;
use crate::rules::{Basis, Ctx, Rule};

/// JWK024: a JWK's `x5c` is empty, not standard base64, or not DER certificates.
pub static INVALID_X5C: Rule = Rule {
    code: "JWK024",
    name: "invalid-x5c",
    severity: Severity::Error,
    basis: Basis::Must,
    summary: "A JWK's `x5c` is empty, not standard base64, or not DER certificates",
    profile: None,
    docs: r#"## What it does
Checks each key's `x5c` (X.509 certificate chain):
- the array has at least one certificate;
- each element is standard, padded base64 (RFC 4648 §4): the URL-safe characters `-` and `_`,
  whitespace or line breaks (PEM wrapping), PEM armour (`-----BEGIN CERTIFICATE-----`) and a wrong
  length are reported at the offending character;
- each decodes to one DER structure (an ASN.1 SEQUENCE whose length is the whole value). The
  certificate is not parsed further; whether the first one holds the key is JWK025's.

## Why is this bad?
"Each string in the array is a base64-encoded (Section 4 of [RFC4648] -- not base64url-encoded)
DER [ITU.X690.1994] PKIX certificate value" and the chain holds "one or more PKIX certificates"
(RFC 7517 §4.7). Consumers that validate the chain (or pin its certificate) fail on anything else;
placeholder values (`"key1"`) left in a published set break them all.

## Example
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "x5c": ["MIIC-jCCAeKgAwIBAgIJ…"] } ] }
```

## Use instead
```json
{ "keys": [ { "kty": "RSA", "kid": "k1", "n": "…", "e": "AQAB", "x5c": ["MIIC+jCCAeKgAwIBAgIJ…"] } ] }
```

## References
- RFC 7517 §4.7; RFC 4648 §4; RFC 5280 §4.1
"#,
};

pub(super) fn check(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    for key in &set.keys {
        let Some(node) = key.member("x5c") else { continue };
        let Some(items) = node.as_array() else { continue };
        if items.is_empty() {
            ctx.report(
                &INVALID_X5C,
                node.span,
                key.ptr("x5c"),
                format!("{} is empty", key.describe_member("x5c")),
            )
            .help("`x5c` holds one or more certificates, the key's own first; remove the member if there is none");
            continue;
        }
        for (i, item, value) in node.str_items() {
            let pointer = key.pointer.key("x5c").index(i).into_string();
            let location = crate::schema::describe_location(&pointer);
            if value.starts_with("-----BEGIN") {
                ctx.report(&INVALID_X5C, item.span, pointer, format!("{location} is a PEM block"))
                    .help("keep only the base64 text between the BEGIN and END lines, without line breaks");
                continue;
            }
            let bytes = match decode_std(value) {
                Ok(bytes) => bytes,
                Err(problem) => {
                    let at = problem.index;
                    let (what, help) = match problem.kind {
                        ProblemKind::OtherAlphabet(c) => (
                            format!("uses the base64url alphabet (`{c}` at offset {at}); `x5c` is standard base64"),
                            "use `+` for `-` and `/` for `_`, and keep the `=` padding",
                        ),
                        ProblemKind::Whitespace(_) => (
                            format!("contains whitespace at offset {at}"),
                            "remove the line breaks: each certificate is one unbroken base64 string",
                        ),
                        ProblemKind::Padding | ProblemKind::Invalid(_) => (
                            format!(
                                "contains {:?} at offset {at}, which is not base64",
                                &value[at..at + problem.len]
                            ),
                            "each element is the base64 encoding of a DER certificate",
                        ),
                        ProblemKind::Length => (
                            format!("has {} characters; padded base64 is a multiple of 4", value.len()),
                            "the value is truncated or lost its `=` padding",
                        ),
                    };
                    let span = if problem.len > 0 {
                        span_in_string(ctx, item, at, problem.len)
                    } else {
                        item.span
                    };
                    ctx.report(&INVALID_X5C, span, pointer, format!("{location} {what}"))
                        .help(help);
                    continue;
                }
            };
            if !is_der_sequence(&bytes) {
                ctx.report(
                    &INVALID_X5C,
                    item.span,
                    pointer,
                    format!("{location} decodes to {} that are not a DER certificate", super::bytes(bytes.len())),
                )
                .help("put the certificate's DER encoding here, base64-encoded (the text of a PEM file without its armour)");
            }
        }
    }
}

/// Whether `bytes` is exactly one DER SEQUENCE (what every X.509 certificate is).
pub(super) fn is_der_sequence(bytes: &[u8]) -> bool {
    let [0x30, first, rest @ ..] = bytes else {
        return false;
    };
    let (length, header) = match *first {
        n @ 0..=0x7f => (usize::from(n), 2),
        0x81..=0x84 => {
            let count = usize::from(first & 0x7f);
            let Some(len_bytes) = rest.get(..count) else {
                return false;
            };
            (
                len_bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b)),
                2 + count,
            )
        }
        _ => return false,
    };
    header + length == bytes.len()
}

/// The DER bytes of an `x5c` element, when it is valid.
pub(super) fn certificate(value: &str) -> Option<Vec<u8>> {
    decode_std(value).ok().filter(|b| is_der_sequence(b))
}

#[cfg(test)]
mod tests {
    use super::is_der_sequence;

    #[test]
    fn der() {
        assert!(is_der_sequence(&[0x30, 0x00]));
        assert!(is_der_sequence(&[0x30, 0x02, 0x05, 0x00]));
        assert!(is_der_sequence(&[0x30, 0x81, 0x01, 0x00]));
        assert!(!is_der_sequence(&[0x30, 0x03, 0x05, 0x00]));
        assert!(!is_der_sequence(&[0x91, 0xec, 0xb5]));
        assert!(!is_der_sequence(&[]));
    }
}
