//! Which values are secrets: never printed in messages, masked in rendered source.

use crate::json::{Node, Span, Value};

/// Members whose value is a credential wherever they appear. `bearer` is not registered anywhere,
/// but Open Banking registration responses put `base64(client_id:client_secret)` in it (an HTTP
/// Basic credential), so it is masked like the secret it encodes.
const CREDENTIAL_MEMBERS: &[&str] = &["client_secret", "registration_access_token", "bearer"];

/// Private or symmetric key members of a JWK (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037; RFC 9964).
pub const PRIVATE_JWK_MEMBERS: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv"];

/// Whether a member name holds a secret (credential, or private key material in a JWK).
pub fn is_secret_member(name: &str) -> bool {
    CREDENTIAL_MEMBERS.contains(&name) || PRIVATE_JWK_MEMBERS.contains(&name)
}

/// Spans of every secret value in a document: credentials anywhere, private key members inside
/// any object that has a `kty` member or sits in a `keys` array.
pub fn secret_spans(root: &Node<'_>) -> Vec<Span> {
    // Only containers go on the stack: a scalar holds no member, and most values are scalars.
    fn is_container(node: &Node<'_>) -> bool {
        matches!(node.value, Value::Object(_) | Value::Array(_))
    }
    let mut spans = Vec::new();
    // (node, inside a `keys` array)
    let mut stack: Vec<(&Node<'_>, bool)> = vec![(root, false)];
    while let Some((node, in_keys)) = stack.pop() {
        match &node.value {
            Value::Object(obj) => {
                let is_jwk = in_keys || obj.contains("kty");
                for m in &obj.members {
                    let name = m.name.as_ref();
                    if CREDENTIAL_MEMBERS.contains(&name) || (is_jwk && PRIVATE_JWK_MEMBERS.contains(&name)) {
                        spans.push(m.value.span);
                    } else if is_container(&m.value) {
                        stack.push((&m.value, name == "keys"));
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter().filter(|i| is_container(i)).map(|i| (i, in_keys))),
            _ => {}
        }
    }
    spans.sort();
    spans
}

/// Spans of secret values in text that is not valid JSON (so has no tree), found lexically: the
/// value after a `"client_secret"`-like member name, up to its closing quote or, when the string
/// is not closed, the end of the line. Private key members count when the text mentions `"kty"`.
/// Over-masking is harmless here: it only hides source in snippets of a document that fails to parse.
pub fn secret_spans_in_text(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let jwk = text.contains("\"kty\"");
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'"', &bytes[i..]) {
        let open = i + offset;
        let close = string_end(bytes, open);
        i = close;
        if bytes[close - 1] != b'"' || close - 1 == open {
            continue;
        }
        let name = &text[open + 1..close - 1];
        if !(CREDENTIAL_MEMBERS.contains(&name) || (jwk && PRIVATE_JWK_MEMBERS.contains(&name))) {
            continue;
        }
        let mut p = close;
        while matches!(bytes.get(p), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            p += 1;
        }
        if bytes.get(p) != Some(&b':') {
            continue;
        }
        p += 1;
        while matches!(bytes.get(p), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            p += 1;
        }
        let end = if bytes.get(p) == Some(&b'"') {
            string_end(bytes, p)
        } else {
            // Not a string: up to the end of the value as far as a lexer can tell.
            p + bytes[p..]
                .iter()
                .position(|&b| matches!(b, b',' | b'}' | b'\n'))
                .unwrap_or(bytes.len() - p)
        };
        if end > p {
            spans.push(Span::new(p, end));
        }
        i = end.max(i);
    }
    spans
}

/// The offset just past the string that opens at `open` (a `"`), or the end of its line when it is
/// not closed there; always past `open`, and always on a character boundary.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut p = open + 1;
    while let Some(&b) = bytes.get(p) {
        match b {
            b'"' => return p + 1,
            b'\\' if p + 1 < bytes.len() && bytes[p + 1] != b'\n' => p += 2,
            b'\n' => return p,
            _ => p += 1,
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<&str> {
        secret_spans_in_text(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn secrets_in_invalid_json_are_found_lexically() {
        assert_eq!(masked("{\"client_secret\": \"abc\\\"d\" \"x\": 1"), ["\"abc\\\"d\""]);
        assert_eq!(masked("{\"client_secret\" : \"unterminated\n}"), ["\"unterminated"]);
        assert_eq!(masked("{\"registration_access_token\": 12345, }"), ["12345"]);
        assert_eq!(masked("{\"d\": \"private\"}"), Vec::<&str>::new());
        assert_eq!(masked("{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"\x01"), ["\"c2VjcmV0\""]);
        assert_eq!(masked("{\"client_secret\": \"é"), ["\"é"]);
        assert_eq!(masked("\"é"), Vec::<&str>::new());
        assert_eq!(masked("{\"client_secret\":"), Vec::<&str>::new());
    }
}
