//! `JWK`: JWK Sets, standalone and inline in client metadata (SPEC §4.5).
//!
//! Both entry points build a [`JwkSet`] (where the set is, its key objects) and run the same rules
//! on it; [`check_client_inline`] adds the rules that need the rest of the client metadata (a key
//! for every algorithm the client signs or decrypts with). What a key can be used for (the
//! `kty`/`crv` ↔ `alg` table) is in [`keytable`], shared by every rule that needs it.
//!
//! Algorithm *names* (registered, family, deprecated) are the `ALG` family's: the rules here skip
//! an `alg` they do not know and only check it against the key.

pub(crate) mod base64;
mod keytable;

mod alg_key_mismatch;
mod curve_kty_mismatch;
mod duplicate_key_ops;
mod duplicate_kid;
mod invalid_base64url;
mod invalid_rsa_exponent;
mod invalid_x5c;
mod invalid_x5t;
mod jwk_not_set;
mod missing_key_member;
mod missing_keys;
mod missing_kid;
mod missing_kty;
mod missing_use;
mod misspelled_key_member;
mod no_key_for_alg;
mod non_minimal_integer;
mod private_key_material;
mod rsa_key_too_small;
mod unknown_curve;
mod unknown_key_member;
mod unknown_kty;
mod unrelated_key_ops;
mod use_alg_conflict;
mod use_key_ops_conflict;
mod use_with_key_ops;
mod wrong_member_length;
mod x5c_key_mismatch;
mod x5u_not_https;

use crate::json::{Node, Object, Pointer};
use crate::rules::{Ctx, Rule};
use crate::schema::describe_location;

/// The `JWK` rules; one slice of [`crate::rules::ALL`].
pub static RULES: &[&Rule] = &[
    &missing_keys::MISSING_KEYS,
    &jwk_not_set::JWK_NOT_SET,
    &missing_kty::MISSING_KTY,
    &unknown_kty::UNKNOWN_KTY,
    &missing_key_member::MISSING_KEY_MEMBER,
    &misspelled_key_member::MISSPELLED_KEY_MEMBER,
    &invalid_base64url::INVALID_BASE64URL,
    &wrong_member_length::WRONG_MEMBER_LENGTH,
    &non_minimal_integer::NON_MINIMAL_INTEGER,
    &private_key_material::PRIVATE_KEY_MATERIAL,
    &unknown_curve::UNKNOWN_CURVE,
    &curve_kty_mismatch::CURVE_KTY_MISMATCH,
    &alg_key_mismatch::ALG_KEY_MISMATCH,
    &rsa_key_too_small::RSA_KEY_TOO_SMALL,
    &invalid_rsa_exponent::INVALID_RSA_EXPONENT,
    &use_key_ops_conflict::USE_KEY_OPS_CONFLICT,
    &use_alg_conflict::USE_ALG_CONFLICT,
    &use_with_key_ops::USE_WITH_KEY_OPS,
    &duplicate_key_ops::DUPLICATE_KEY_OPS,
    &unrelated_key_ops::UNRELATED_KEY_OPS,
    &missing_use::MISSING_USE,
    &missing_kid::MISSING_KID,
    &duplicate_kid::DUPLICATE_KID,
    &invalid_x5c::INVALID_X5C,
    &x5c_key_mismatch::X5C_KEY_MISMATCH,
    &invalid_x5t::INVALID_X5T,
    &x5u_not_https::X5U_NOT_HTTPS,
    &no_key_for_alg::NO_SIGNING_KEY,
    &no_key_for_alg::NO_ENCRYPTION_KEY,
    &unknown_key_member::UNKNOWN_KEY_MEMBER,
];

/// A standalone JWK Set document.
pub fn check(ctx: &mut Ctx<'_, '_>) {
    let root = ctx.root;
    if let Some(set) = JwkSet::new(ctx, root, Pointer::root(), Place::Published) {
        run(ctx, &set);
    }
}

/// The inline `jwks` member of client metadata.
pub fn check_client_inline(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.object().get("jwks") else {
        return;
    };
    if node.as_object().is_none() {
        return; // a wrong type is SCH001's
    }
    if let Some(set) = JwkSet::new(ctx, node, Pointer::root().key("jwks"), Place::Client) {
        run(ctx, &set);
    }
    no_key_for_alg::check(ctx);
}

fn run(ctx: &mut Ctx<'_, '_>, set: &JwkSet<'_, '_>) {
    missing_kty::check(ctx, set);
    unknown_kty::check(ctx, set);
    missing_key_member::check(ctx, set);
    misspelled_key_member::check(ctx, set);
    invalid_base64url::check(ctx, set);
    wrong_member_length::check(ctx, set);
    non_minimal_integer::check(ctx, set);
    private_key_material::check(ctx, set);
    unknown_curve::check(ctx, set);
    curve_kty_mismatch::check(ctx, set);
    alg_key_mismatch::check(ctx, set);
    rsa_key_too_small::check(ctx, set);
    invalid_rsa_exponent::check(ctx, set);
    use_key_ops_conflict::check(ctx, set);
    use_alg_conflict::check(ctx, set);
    use_with_key_ops::check(ctx, set);
    duplicate_key_ops::check(ctx, set);
    unrelated_key_ops::check(ctx, set);
    missing_use::check(ctx, set);
    missing_kid::check(ctx, set);
    duplicate_kid::check(ctx, set);
    invalid_x5c::check(ctx, set);
    x5c_key_mismatch::check(ctx, set);
    invalid_x5t::check(ctx, set);
    x5u_not_https::check(ctx, set);
    unknown_key_member::check(ctx, set);
}

/// Where a JWK Set sits, for messages: both places are public.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A JWK Set document (what `jwks_uri` serves).
    Published,
    /// The `jwks` member of client metadata (sent to, and often shown by, the server).
    Client,
}

impl Place {
    /// "a published JWK Set" / "client metadata `jwks`".
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Place::Published => "a published JWK Set",
            Place::Client => "client metadata `jwks`",
        }
    }
}

/// A JWK Set as the rules see it: where it is and its key objects.
pub(crate) struct JwkSet<'s, 'a> {
    pub place: Place,
    /// The JWK objects: the object elements of `keys` (other elements are SCH001's), or the
    /// document itself when it is a lone JWK ([`JwkSet::lone`]).
    pub keys: Vec<Key<'s, 'a>>,
    /// The "set" is a single JWK (reported by JWK002); set-level rules do not apply.
    pub lone: bool,
}

impl<'s, 'a> JwkSet<'s, 'a> {
    /// Reads the set at `node`, reporting a missing `keys` (JWK001) or a lone JWK (JWK002).
    /// `None` when there are no keys to check.
    fn new(ctx: &mut Ctx<'s, 'a>, node: &'s Node<'a>, pointer: Pointer, place: Place) -> Option<Self> {
        let obj = node.as_object()?;
        match obj.get("keys") {
            Some(keys) => {
                let items = keys.as_array()?; // not an array: SCH001
                let keys = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        Some(Key {
                            index: Some(i),
                            node: item,
                            obj: item.as_object()?,
                            pointer: pointer.key("keys").index(i),
                        })
                    })
                    .collect();
                Some(JwkSet {
                    place,
                    keys,
                    lone: false,
                })
            }
            None if obj.contains("kty") => {
                jwk_not_set::report(ctx, node, &pointer, place);
                let key = Key {
                    index: None,
                    node,
                    obj,
                    pointer,
                };
                Some(JwkSet {
                    place,
                    keys: vec![key],
                    lone: true,
                })
            }
            None => {
                missing_keys::report(ctx, node, obj, &pointer, place);
                None
            }
        }
    }
}

/// One JWK object of a set.
pub(crate) struct Key<'s, 'a> {
    /// Index in `keys` (`None` for a lone JWK).
    pub index: Option<usize>,
    pub node: &'s Node<'a>,
    pub obj: &'s Object<'a>,
    pub pointer: Pointer,
}

impl<'s, 'a> Key<'s, 'a> {
    /// A string member's value (`None` when absent or not a string).
    pub fn str(&self, name: &str) -> Option<&'s str> {
        self.obj.get(name)?.as_str()
    }

    pub fn member(&self, name: &str) -> Option<&'s Node<'a>> {
        self.obj.get(name)
    }

    pub fn kty(&self) -> Option<&'s str> {
        self.str("kty")
    }

    pub fn crv(&self) -> Option<&'s str> {
        self.str("crv")
    }

    pub fn alg(&self) -> Option<&'s str> {
        self.str("alg")
    }

    pub fn key_use(&self) -> Option<&'s str> {
        self.str("use")
    }

    /// The string values of `key_ops` with their nodes (`None` when absent or not an array).
    pub fn key_ops(&self) -> Option<Vec<(usize, &'s Node<'a>, &'s str)>> {
        let node = self.obj.get("key_ops")?;
        node.as_array()?;
        Some(node.str_items().collect())
    }

    /// Whether `name` is a registered parameter of this key's type (or of every type, like
    /// `x5t`). Members of another type (`n` on an `oct` key) mean nothing here and are not checked.
    pub fn uses_member(&self, name: &str) -> bool {
        let kty = self.kty();
        crate::registry::tables::JWK_PARAMETERS
            .iter()
            .filter(|p| p.value == name)
            .any(|p| match p.note("used_with_kty") {
                None | Some("*") => true,
                Some(k) => kty == Some(k),
            })
    }

    /// Whether the key has `name` in another case (`Kid`): JWK006 reports that one.
    pub fn has_case_variant(&self, name: &str) -> bool {
        self.obj
            .iter()
            .any(|m| m.name != name && m.name.eq_ignore_ascii_case(name))
    }

    /// The pointer of one of the key's members.
    pub fn ptr(&self, name: &str) -> String {
        self.pointer.key(name).into_string()
    }

    /// "`keys[0]`", "`jwks.keys[2]`", or "the JWK" for a lone one.
    pub fn describe(&self) -> String {
        match self.index {
            Some(_) => describe_location(self.pointer.as_str()),
            None if self.pointer.as_str().is_empty() => "the JWK".to_owned(),
            None => describe_location(self.pointer.as_str()),
        }
    }

    /// "`keys[0].n`" for one of the key's members.
    pub fn describe_member(&self, name: &str) -> String {
        describe_location(&self.ptr(name))
    }
}

/// "1 byte", "32 bytes".
pub(crate) fn bytes(n: usize) -> String {
    if n == 1 {
        "1 byte".to_owned()
    } else {
        format!("{n} bytes")
    }
}

/// The span of `len` bytes at byte `index` of a string node's value, when the source spells the
/// value without escapes (so value offsets are source offsets); otherwise the whole node.
pub(crate) fn span_in_string(ctx: &Ctx<'_, '_>, node: &Node<'_>, index: usize, len: usize) -> crate::json::Span {
    let (Some(value), span) = (node.as_str(), node.span) else {
        return node.span;
    };
    let raw = ctx.file.text.get(span.start + 1..span.end.saturating_sub(1));
    if raw == Some(value) {
        crate::json::Span::new(span.start + 1 + index, span.start + 1 + index + len)
    } else {
        span
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::{LintOptions, Origin, lint_bytes};

    fn findings(name: &str, text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        lint_bytes(
            name,
            text.as_bytes().to_vec(),
            Origin::Explicit,
            &LintOptions::default(),
            None,
        )
        .diagnostics
    }

    /// Private values reach no message or help, however malformed they are.
    #[test]
    fn private_values_are_never_printed() {
        let marker = "SeCrEt";
        let bad = format!("{marker}+{marker}/{marker}.{marker}=");
        let members = ["d", "p", "q", "dp", "dq", "qi", "k", "priv"];
        for kty in ["RSA", "EC", "OKP", "oct", "AKP"] {
            let extra: String = members.iter().map(|m| format!(r#", "{m}": "{bad}""#)).collect();
            let key = format!(
                r#"{{"kty": "{kty}", "crv": "P-256", "alg": "ML-DSA-44", "n": "AQAB", "e": "AQAB", "x": "AQAB", "y": "AQAB", "pub": "AQAB"{extra}}}"#
            );
            let set = format!(r#"{{"keys": [{key}]}}"#);
            let client = format!(r#"{{"client_name": "c", "jwks": {set}}}"#);
            for (name, text) in [
                ("t.jwks.json", &set),
                ("t.client.json", &client),
                ("lone.jwks.json", &key),
            ] {
                let diagnostics = findings(name, text);
                assert!(
                    diagnostics.iter().any(|d| d.rule.code.starts_with("JWK")),
                    "{name} {kty}"
                );
                for d in diagnostics {
                    let shown = format!("{} {}", d.message, d.help.unwrap_or_default());
                    assert!(!shown.contains(marker), "{}: {shown}", d.rule.code);
                    assert!(!shown.contains("SeC"), "{}: {shown}", d.rule.code);
                }
            }
        }
    }

    #[test]
    fn client_without_inline_keys_is_not_checked() {
        let text = r#"{"client_name": "c", "token_endpoint_auth_method": "private_key_jwt",
                       "token_endpoint_auth_signing_alg": "ES256", "jwks_uri": "https://c.example/jwks"}"#;
        assert!(
            !findings("t.client.json", text)
                .iter()
                .any(|d| d.rule.code.starts_with("JWK"))
        );
    }
}
