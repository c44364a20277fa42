//! The IANA registries as typed tables, built from `schemas/registry/*.csv` by `build.rs`.
//!
//! Names are compared case-sensitively (RFC 7591 §4.1.1, RFC 8414 §7.1.1).

pub mod tables;

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::document::Kind;

/// One row of a registry CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The registered name.
    pub value: &'static str,
    /// The registry's reference column (the defining specification).
    pub reference: &'static str,
    /// The status column, typed.
    pub status: Status,
    /// `key: value` pairs separated by ` | ` (`description: … | change_controller: …`).
    pub notes: &'static str,
}

/// The registry status column: `registered` for OAuth registries, the JOSE implementation
/// requirement for JOSE algorithms, and a curated status for `known_unregistered.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// An OAuth registry entry (OAuth registries have no status column).
    Registered,
    /// JOSE implementation requirement: Required.
    Required,
    /// JOSE implementation requirement: Recommended+.
    RecommendedPlus,
    /// JOSE implementation requirement: Recommended.
    Recommended,
    /// JOSE implementation requirement: Recommended-.
    RecommendedMinus,
    /// JOSE implementation requirement: Optional.
    Optional,
    /// JOSE: Deprecated (e.g. `EdDSA` by RFC 9864).
    Deprecated,
    /// JOSE: Prohibited (JWK-only WebCrypto names).
    Prohibited,
    /// Defined by a specification but not registered.
    NotRegistered,
    /// Removed from the registry.
    Removed,
    /// Defined by an Internet-Draft, not yet registered.
    PendingDraft,
    /// Not applicable to the JOSE/OAuth registries (e.g. COSE-only names).
    NotApplicable,
}

impl Entry {
    /// The value of one `key: value` part of the notes.
    pub fn note(&self, key: &str) -> Option<&'static str> {
        self.notes.split(" | ").find_map(|part| {
            let (k, v) = part.split_once(": ")?;
            (k.trim() == key).then_some(v.trim())
        })
    }

    /// The registry's description, or the notes when there is none.
    pub fn description(&self) -> &'static str {
        self.note("description").unwrap_or(self.notes)
    }
}

/// Registered member names of a document kind (JWK Sets: the JWK parameters).
pub fn registered_members(kind: Kind) -> &'static [Entry] {
    match kind {
        Kind::Client => tables::OAUTH_CLIENT_METADATA,
        Kind::Server => tables::OAUTH_AUTHORIZATION_SERVER_METADATA,
        Kind::Resource => tables::OAUTH_PROTECTED_RESOURCE_METADATA,
        Kind::Jwks => tables::JWK_PARAMETERS,
    }
}

/// Member names that specs define but IANA does not (or no longer) lists, for a kind.
pub fn unregistered_members(kind: Kind) -> impl Iterator<Item = &'static Entry> {
    tables::KNOWN_UNREGISTERED.iter().filter(move |e| {
        let n = e.notes;
        match kind {
            Kind::Server => n.starts_with("AS metadata") || n.starts_with("AS and client metadata"),
            Kind::Client => n.starts_with("Client metadata") || n.starts_with("AS and client metadata"),
            Kind::Resource | Kind::Jwks => false,
        }
    })
}

struct MemberSets {
    known: [HashSet<&'static str, NameHash>; 4],
}

static MEMBER_SETS: LazyLock<MemberSets> = LazyLock::new(|| MemberSets {
    known: Kind::ALL.map(|k| {
        registered_members(k)
            .iter()
            .chain(unregistered_members(k))
            .map(|e| e.value)
            .collect()
    }),
});

/// Whether `name` is a registered or known unregistered member of `kind`.
pub fn is_known_member(kind: Kind, name: &str) -> bool {
    MEMBER_SETS.known[kind as usize].contains(name)
}

/// Every known member name of `kind` (registered first), for "did you mean".
pub fn known_member_names(kind: Kind) -> impl Iterator<Item = &'static str> {
    registered_members(kind)
        .iter()
        .chain(unregistered_members(kind))
        .map(|e| e.value)
}

/// How a JOSE algorithm identifier may be used (the `category` note of `jose_algorithms.csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlgCategory {
    /// A JWS `alg` (signature or MAC).
    Jws,
    /// A JWE `alg` (key management).
    JweAlg,
    /// A JWE `enc` (content encryption).
    JweEnc,
    /// Only meaningful in a JWK's `alg` (WebCrypto names such as `A128CBC`).
    JwkOnly,
}

/// A registered JOSE algorithm and its category.
pub fn jose_algorithm(name: &str) -> Option<(&'static Entry, AlgCategory)> {
    JOSE_ALGORITHM_INDEX.get(name).copied().flatten()
}

/// [`jose_algorithm`]'s answer for every name of the table, computed once (rules look up every
/// algorithm value of every document).
static JOSE_ALGORITHM_INDEX: LazyLock<NameMap<Option<(&'static Entry, AlgCategory)>>> = LazyLock::new(|| {
    tables::JOSE_ALGORITHMS
        .iter()
        .map(|e| (e.value, jose_algorithm_scan(e.value)))
        .collect()
});

fn jose_algorithm_scan(name: &str) -> Option<(&'static Entry, AlgCategory)> {
    let entry = tables::JOSE_ALGORITHMS.iter().find(|e| e.value == name)?;
    let category = match entry.note("category")? {
        "JWS" => AlgCategory::Jws,
        "JWE-alg" => AlgCategory::JweAlg,
        "JWE-enc" => AlgCategory::JweEnc,
        _ => AlgCategory::JwkOnly,
    };
    Some((entry, category))
}

/// Registered values of a table, for lookups and suggestions.
pub fn values(table: &'static [Entry]) -> impl Iterator<Item = &'static str> {
    table.iter().map(|e| e.value)
}

/// Whether `value` is in `table`.
pub fn contains(table: &'static [Entry], value: &str) -> bool {
    table.iter().any(|e| e.value == value)
}

/// A map keyed by registry names, hashed with [`NameHash`].
pub type NameMap<V> = std::collections::HashMap<&'static str, V, NameHash>;

/// A word-at-a-time multiplicative hash (as rustc's FxHash) for the small, fixed name tables that
/// every member of every document is looked up in: several times faster than the default SipHash
/// on names of a few dozen bytes (no hash-flooding concern: the keys are the shipped tables).
pub type NameHash = std::hash::BuildHasherDefault<WordHasher>;

/// The hasher of [`NameHash`].
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
}
