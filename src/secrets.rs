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
                    } else {
                        stack.push((&m.value, name == "keys"));
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter().map(|i| (i, in_keys))),
            _ => {}
        }
    }
    spans.sort();
    spans
}
