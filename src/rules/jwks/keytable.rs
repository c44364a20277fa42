//! What a JWK can be used for: the key each JOSE algorithm needs (`kty`, and `crv` where the
//! algorithm fixes it), the sizes each curve fixes, and a key's purpose (signing or encryption).
//! The one table that both the set rules (JWK013 `alg` ↔ key) and the client rules (a key for
//! every algorithm the client uses, JWK028/JWK029) read.

use super::Key;

/// What a key is for (RFC 7517 §4.2 `use`: `sig` or `enc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Signatures and MACs (`use: sig`).
    Sign,
    /// Encryption, key wrapping and key agreement (`use: enc`).
    Encrypt,
}

impl Purpose {
    /// The `use` value of this purpose.
    pub(crate) fn use_value(self) -> &'static str {
        match self {
            Purpose::Sign => "sig",
            Purpose::Encrypt => "enc",
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Purpose::Sign => "signing",
            Purpose::Encrypt => "encryption",
        }
    }

    /// "a signing" / "an encryption".
    pub(crate) fn with_article(self) -> &'static str {
        match self {
            Purpose::Sign => "a signing",
            Purpose::Encrypt => "an encryption",
        }
    }

    /// The purpose a `use` value states.
    pub(crate) fn from_use(value: &str) -> Option<Purpose> {
        match value {
            "sig" => Some(Purpose::Sign),
            "enc" => Some(Purpose::Encrypt),
            _ => None,
        }
    }

    /// The purpose of a registered `key_ops` value (RFC 7517 §4.3).
    pub(crate) fn from_key_op(op: &str) -> Option<Purpose> {
        match op {
            "sign" | "verify" => Some(Purpose::Sign),
            "encrypt" | "decrypt" | "wrapKey" | "unwrapKey" | "deriveKey" | "deriveBits" => Some(Purpose::Encrypt),
            _ => None,
        }
    }
}

/// The key an algorithm needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AlgKey {
    pub kty: &'static str,
    /// The curves it works with (`[]`: any, or the key type has none).
    pub curves: &'static [&'static str],
    pub purpose: Purpose,
}

const fn k(kty: &'static str, curves: &'static [&'static str], purpose: Purpose) -> Option<AlgKey> {
    Some(AlgKey { kty, curves, purpose })
}

const ECDH_CURVES: &[&str] = &["P-256", "P-384", "P-521", "X25519", "X448"];

/// The key a registered JOSE algorithm needs (RFC 7518 §3, §4, §5; RFC 8037 §3; RFC 8812 §3.2;
/// RFC 9864 §2.2; RFC 9964 §5; the WebCrypto JWK-only names). `None` for `none` (no key) and for
/// names this table does not know (unregistered names are the `ALG` family's).
pub(crate) fn alg_key(alg: &str) -> Option<AlgKey> {
    use Purpose::{Encrypt, Sign};
    match alg {
        "HS256" | "HS384" | "HS512" | "HS1" => k("oct", &[], Sign),
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" | "RS1" => k("RSA", &[], Sign),
        "ES256" => k("EC", &["P-256"], Sign),
        "ES384" => k("EC", &["P-384"], Sign),
        "ES512" => k("EC", &["P-521"], Sign),
        "ES256K" => k("EC", &["secp256k1"], Sign),
        "EdDSA" => k("OKP", &["Ed25519", "Ed448"], Sign),
        "Ed25519" => k("OKP", &["Ed25519"], Sign),
        "Ed448" => k("OKP", &["Ed448"], Sign),
        "ML-DSA-44" | "ML-DSA-65" | "ML-DSA-87" => k("AKP", &[], Sign),
        "RSA1_5" | "RSA-OAEP" | "RSA-OAEP-256" | "RSA-OAEP-384" | "RSA-OAEP-512" => k("RSA", &[], Encrypt),
        "ECDH-ES" | "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW" => k("EC", ECDH_CURVES, Encrypt),
        "A128KW" | "A192KW" | "A256KW" | "A128GCMKW" | "A192GCMKW" | "A256GCMKW" | "dir" | "PBES2-HS256+A128KW"
        | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW" | "A128GCM" | "A192GCM" | "A256GCM" | "A128CBC-HS256"
        | "A192CBC-HS384" | "A256CBC-HS512" | "A128CBC" | "A192CBC" | "A256CBC" | "A128CTR" | "A192CTR" | "A256CTR" => {
            k("oct", &[], Encrypt)
        }
        _ => None,
    }
}

/// How a key (`kty`, `crv`) fits an algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    Fits,
    /// The algorithm needs another key type.
    WrongKty(AlgKey),
    /// Right key type, but a curve the algorithm does not use.
    WrongCurve(AlgKey),
    /// The algorithm uses no key (`none`).
    NoKey,
    /// Not an algorithm this table knows.
    Unknown,
}

/// Whether a key of type `kty` on curve `crv` can be used with `alg`. ECDH-ES takes EC keys on
/// the NIST curves and OKP keys on X25519/X448 (RFC 8037 §3.2), so its `kty` follows the curve.
pub(crate) fn fit(kty: &str, crv: Option<&str>, alg: &str) -> Fit {
    if alg == "none" {
        return Fit::NoKey;
    }
    let Some(need) = alg_key(alg) else {
        return Fit::Unknown;
    };
    let kty_ok = match need.curves {
        ECDH_CURVES => matches!(kty, "EC" | "OKP"),
        _ => kty == need.kty,
    };
    if !kty_ok {
        return Fit::WrongKty(need);
    }
    match crv {
        Some(c) if !need.curves.is_empty() && !need.curves.contains(&c) => Fit::WrongCurve(need),
        Some(c) if need.curves == ECDH_CURVES && curve_kty(c).is_some_and(|k| k != kty) => Fit::WrongCurve(need),
        _ => Fit::Fits,
    }
}

/// The key type a registered curve belongs to (the `kty` note of the curve registry).
pub(crate) fn curve_kty(crv: &str) -> Option<&'static str> {
    crate::registry::tables::JWK_ELLIPTIC_CURVES
        .iter()
        .find(|e| e.value == crv)
        .and_then(|e| e.note("kty"))
}

/// Bytes of a curve's coordinate or public key, which is also the size of its private key `d`:
/// RFC 7518 §6.2.1.2 (P-256 32, P-384 48, P-521 66), RFC 8812 §3.1 (secp256k1 32), RFC 8032
/// §5.1.5/§5.2.5 (Ed25519 32, Ed448 57), RFC 7748 §5 (X25519 32, X448 56).
pub(crate) fn curve_size(crv: &str) -> Option<usize> {
    Some(match crv {
        "P-256" | "secp256k1" | "Ed25519" | "X25519" => 32,
        "P-384" => 48,
        "P-521" => 66,
        "Ed448" => 57,
        "X448" => 56,
        _ => return None,
    })
}

/// Bytes of an ML-DSA public key (RFC 9964 §5, from FIPS 204 Table 2).
pub(crate) fn ml_dsa_public_key_size(alg: &str) -> Option<usize> {
    Some(match alg {
        "ML-DSA-44" => 1312,
        "ML-DSA-65" => 1952,
        "ML-DSA-87" => 2592,
        _ => return None,
    })
}

/// The purpose of a registered algorithm, by its key table row.
pub(crate) fn alg_purpose(alg: &str) -> Option<Purpose> {
    alg_key(alg).map(|k| k.purpose)
}

/// What a key says it is for, and which member says so: `use`, else a registered `alg`, else
/// `key_ops` (when all its registered values agree), else a curve that only does one thing
/// (Ed25519/Ed448 sign, X25519/X448 agree on keys; AKP keys are ML-DSA signing keys).
pub(crate) fn key_purpose(key: &Key<'_, '_>) -> Option<(Purpose, &'static str)> {
    if let Some(p) = key.key_use().and_then(Purpose::from_use) {
        return Some((p, "use"));
    }
    if let Some(p) = key.alg().and_then(alg_purpose) {
        return Some((p, "alg"));
    }
    if let Some(ops) = key.key_ops() {
        let mut purposes = ops.iter().filter_map(|(_, _, op)| Purpose::from_key_op(op));
        if let Some(first) = purposes.next()
            && purposes.all(|p| p == first)
        {
            return Some((first, "key_ops"));
        }
    }
    match (key.kty(), key.crv()) {
        (Some("OKP"), Some("Ed25519" | "Ed448")) => Some((Purpose::Sign, "crv")),
        (Some("OKP"), Some("X25519" | "X448")) => Some((Purpose::Encrypt, "crv")),
        (Some("AKP"), _) => Some((Purpose::Sign, "kty")),
        _ => None,
    }
}

/// "an RSA key", "an EC key on P-256", "an OKP key on Ed25519 or Ed448".
pub(crate) fn describe_need(need: &AlgKey) -> String {
    if need.curves == ECDH_CURVES {
        return "an EC key on P-256, P-384 or P-521, or an OKP key on X25519 or X448".to_owned();
    }
    let kty = if need.kty == "oct" {
        "`oct` (symmetric)"
    } else {
        need.kty
    };
    match need.curves {
        [] => format!("an {kty} key"),
        many => format!("an {kty} key on {}", many.join(" or ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits() {
        assert_eq!(fit("EC", Some("P-256"), "ES256"), Fit::Fits);
        assert!(matches!(fit("EC", Some("P-384"), "ES256"), Fit::WrongCurve(_)));
        assert!(matches!(fit("RSA", None, "ES256"), Fit::WrongKty(_)));
        assert_eq!(fit("OKP", Some("Ed448"), "EdDSA"), Fit::Fits);
        assert!(matches!(fit("OKP", Some("Ed448"), "Ed25519"), Fit::WrongCurve(_)));
        assert_eq!(fit("OKP", Some("X25519"), "ECDH-ES+A128KW"), Fit::Fits);
        assert_eq!(fit("EC", Some("P-521"), "ECDH-ES"), Fit::Fits);
        assert!(matches!(fit("OKP", Some("Ed25519"), "ECDH-ES"), Fit::WrongCurve(_)));
        assert!(matches!(fit("EC", Some("X25519"), "ECDH-ES"), Fit::WrongCurve(_)));
        assert!(matches!(fit("RSA", None, "ECDH-ES"), Fit::WrongKty(_)));
        assert_eq!(fit("RSA", None, "RSA-OAEP-256"), Fit::Fits);
        assert_eq!(fit("oct", None, "A256GCMKW"), Fit::Fits);
        assert_eq!(fit("AKP", None, "ML-DSA-65"), Fit::Fits);
        assert_eq!(fit("RSA", None, "none"), Fit::NoKey);
        assert_eq!(fit("RSA", None, "ES521"), Fit::Unknown);
    }

    #[test]
    fn every_registered_key_algorithm_is_in_the_table() {
        for e in crate::registry::tables::JOSE_ALGORITHMS {
            if e.value != "none" {
                assert!(alg_key(e.value).is_some(), "{} has no row in the key table", e.value);
            }
        }
    }

    #[test]
    fn every_registered_curve_has_a_size_and_a_kty() {
        for e in crate::registry::tables::JWK_ELLIPTIC_CURVES {
            assert!(
                curve_size(e.value).is_some() && curve_kty(e.value).is_some(),
                "{}",
                e.value
            );
        }
    }
}
