//! Which members hold a JOSE algorithm identifier or a token endpoint authentication method, per
//! document kind, and how their values are read.
//!
//! The tables are written out (greppable, one row per member) and a unit test checks them against
//! the registries: every `*_alg*` / `*_enc*` / `*auth_method*` member that IANA or a known
//! specification defines for a kind must have a row, so a newly registered member cannot be missed.

use crate::document::Kind;
use crate::json::{Node, Pointer};
use crate::registry::{self, AlgCategory, Entry};
use crate::rules::Ctx;
use crate::rules::util::{AlgLookup, lookup_alg};

/// What a member's values are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A JWS `alg` (signature or MAC).
    Jws,
    /// A JWE `alg` (key management).
    JweAlg,
    /// A JWE `enc` (content encryption).
    JweEnc,
    /// A JWK's `alg`: any registered JOSE algorithm, WebCrypto's JWK-only names included.
    Jwk,
}

impl Slot {
    /// Whether an algorithm of `category` belongs in this slot.
    pub fn accepts(self, category: AlgCategory) -> bool {
        match self {
            Slot::Jws => category == AlgCategory::Jws,
            Slot::JweAlg => category == AlgCategory::JweAlg,
            Slot::JweEnc => category == AlgCategory::JweEnc,
            Slot::Jwk => true,
        }
    }

    /// A few registered values of the slot, for help texts.
    pub fn examples(self) -> &'static str {
        match self {
            Slot::Jws => "`RS256`, `PS256`, `ES256`, `Ed25519`",
            Slot::JweAlg => "`RSA-OAEP-256`, `ECDH-ES`, `A256KW`",
            Slot::JweEnc => "`A128CBC-HS256`, `A256GCM`",
            Slot::Jwk => "`RS256`, `ES256`, `RSA-OAEP-256`",
        }
    }

    /// What the slot holds, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Slot::Jws => "JWS signing algorithms (`alg` values)",
            Slot::JweAlg => "JWE key management algorithms (`alg` values)",
            Slot::JweEnc => "JWE content encryption algorithms (`enc` values)",
            Slot::Jwk => "the algorithm the key is used with",
        }
    }
}

/// What kind of algorithm a category is, with its article, for messages.
pub fn describe_category(category: AlgCategory) -> &'static str {
    match category {
        AlgCategory::Jws => "a JWS signing algorithm (an `alg` value)",
        AlgCategory::JweAlg => "a JWE key management algorithm (an `alg` value)",
        AlgCategory::JweEnc => "a JWE content encryption algorithm (an `enc` value)",
        AlgCategory::JwkOnly => "a WebCrypto name registered only for a JWK's `alg`",
    }
}

/// A member that holds one algorithm (a string) or a list of them (an array of strings).
#[derive(Debug, PartialEq, Eq)]
pub struct AlgMember {
    /// The kind of document the member belongs to.
    pub kind: Kind,
    /// The member name (`id_token_signed_response_alg`).
    pub name: &'static str,
    /// What kind of algorithm its values are.
    pub slot: Slot,
    /// Whether the value is an array of names (`*_values_supported`) rather than one name.
    pub list: bool,
}

const fn one(kind: Kind, name: &'static str, slot: Slot) -> AlgMember {
    AlgMember {
        kind,
        name,
        slot,
        list: false,
    }
}

const fn list(kind: Kind, name: &'static str, slot: Slot) -> AlgMember {
    AlgMember {
        kind,
        name,
        slot,
        list: true,
    }
}

use Kind::{Client, Resource, Server};
use Slot::{JweAlg, JweEnc, Jws};

/// Every algorithm-bearing member of client, server and protected resource metadata.
pub static ALG_MEMBERS: &[AlgMember] = &[
    // Client metadata: OIDC Registration §2, RFC 9701 §6, JARM §5, ETSI NFV-SEC 022, CIBA §4,
    // OpenID4VP §5.1.
    one(Client, "id_token_signed_response_alg", Jws),
    one(Client, "id_token_encrypted_response_alg", JweAlg),
    one(Client, "id_token_encrypted_response_enc", JweEnc),
    one(Client, "userinfo_signed_response_alg", Jws),
    one(Client, "userinfo_encrypted_response_alg", JweAlg),
    one(Client, "userinfo_encrypted_response_enc", JweEnc),
    one(Client, "request_object_signing_alg", Jws),
    one(Client, "request_object_encryption_alg", JweAlg),
    one(Client, "request_object_encryption_enc", JweEnc),
    one(Client, "token_endpoint_auth_signing_alg", Jws),
    one(Client, "introspection_signed_response_alg", Jws),
    one(Client, "introspection_encrypted_response_alg", JweAlg),
    one(Client, "introspection_encrypted_response_enc", JweEnc),
    one(Client, "authorization_signed_response_alg", Jws),
    one(Client, "authorization_encrypted_response_alg", JweAlg),
    one(Client, "authorization_encrypted_response_enc", JweEnc),
    one(Client, "nfv_token_signed_response_alg", Jws),
    one(Client, "nfv_token_encrypted_response_alg", JweAlg),
    one(Client, "nfv_token_encrypted_response_enc", JweEnc),
    one(Client, "backchannel_authentication_request_signing_alg", Jws),
    list(Client, "encrypted_response_enc_values_supported", JweEnc),
    // Authorization server metadata: RFC 8414 §2, OIDC Discovery §3, RFC 9701 §7, JARM §6,
    // ETSI NFV-SEC 022, CIBA §4, RFC 9449 §5.1, OpenID Federation drafts.
    list(Server, "id_token_signing_alg_values_supported", Jws),
    list(Server, "id_token_encryption_alg_values_supported", JweAlg),
    list(Server, "id_token_encryption_enc_values_supported", JweEnc),
    list(Server, "userinfo_signing_alg_values_supported", Jws),
    list(Server, "userinfo_encryption_alg_values_supported", JweAlg),
    list(Server, "userinfo_encryption_enc_values_supported", JweEnc),
    list(Server, "request_object_signing_alg_values_supported", Jws),
    list(Server, "request_object_encryption_alg_values_supported", JweAlg),
    list(Server, "request_object_encryption_enc_values_supported", JweEnc),
    list(Server, "introspection_signing_alg_values_supported", Jws),
    list(Server, "introspection_encryption_alg_values_supported", JweAlg),
    list(Server, "introspection_encryption_enc_values_supported", JweEnc),
    list(Server, "authorization_signing_alg_values_supported", Jws),
    list(Server, "authorization_encryption_alg_values_supported", JweAlg),
    list(Server, "authorization_encryption_enc_values_supported", JweEnc),
    list(Server, "nfv_token_signing_alg_values_supported", Jws),
    list(Server, "nfv_token_encryption_alg_values_supported", JweAlg),
    list(Server, "nfv_token_encryption_enc_values_supported", JweEnc),
    list(Server, "token_endpoint_auth_signing_alg_values_supported", Jws),
    list(Server, "revocation_endpoint_auth_signing_alg_values_supported", Jws),
    list(Server, "introspection_endpoint_auth_signing_alg_values_supported", Jws),
    list(
        Server,
        "backchannel_authentication_request_signing_alg_values_supported",
        Jws,
    ),
    list(Server, "dpop_signing_alg_values_supported", Jws),
    list(Server, "request_authentication_signing_alg_values_supported", Jws),
    // Protected resource metadata: RFC 9728 §2.
    list(Resource, "resource_signing_alg_values_supported", Jws),
    list(Resource, "dpop_signing_alg_values_supported", Jws),
];

/// Members that hold token endpoint authentication methods (RFC 7591 §2, RFC 8414 §2).
pub static AUTH_METHOD_MEMBERS: &[(Kind, &str, bool)] = &[
    (Client, "token_endpoint_auth_method", false),
    (Server, "token_endpoint_auth_methods_supported", true),
    (Server, "revocation_endpoint_auth_methods_supported", true),
    (Server, "introspection_endpoint_auth_methods_supported", true),
];

/// The algorithm-bearing member `name` of `kind`, if it is one.
pub fn alg_member(kind: Kind, name: &str) -> Option<&'static AlgMember> {
    // Every row's name ends so (a unit test checks): most members are ruled out without hashing.
    if !(name.ends_with("_alg") || name.ends_with("_enc") || name.ends_with("_values_supported")) {
        return None;
    }
    ALG_MEMBER_INDEX[kind as usize].get(name).copied()
}

/// [`ALG_MEMBERS`] by kind and name (the first entry of a name, as a scan finds it): every member
/// of every document is looked up, by every ALG rule.
static ALG_MEMBER_INDEX: std::sync::LazyLock<[crate::registry::NameMap<&'static AlgMember>; 4]> =
    std::sync::LazyLock::new(|| {
        Kind::ALL.map(|kind| {
            let mut index = crate::registry::NameMap::default();
            for m in ALG_MEMBERS.iter().filter(|m| m.kind == kind) {
                index.entry(m.name).or_insert(m);
            }
            index
        })
    });

/// One string value of an algorithm-bearing member (or of a JWK's `alg`).
pub struct AlgValue<'o, 'a> {
    /// The member; `None` for a JWK's `alg`.
    pub member: Option<&'static AlgMember>,
    /// The member's slot; [`Slot::Jwk`] for a JWK's `alg`.
    pub slot: Slot,
    /// The member's whole value (the array for lists), for rules that look at siblings.
    pub container: &'o Node<'a>,
    /// The string node itself (the list item for lists), whose span a finding points at.
    pub node: &'o Node<'a>,
    /// The algorithm name as written.
    pub value: &'o str,
    /// What the name is ([`AlgName::of`]), looked up once for all the family's rules.
    pub name: AlgName,
    /// Where the value is (converts into the RFC 6901 pointer string a finding takes).
    pub pointer: AlgPointer,
}

/// The location of an [`AlgValue`], turned into its RFC 6901 pointer only when a finding needs it
/// (every rule of the family reads every value; few report).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlgPointer {
    /// A top-level member's single value: `/member`.
    Member(&'static str),
    /// An item of a top-level list: `/member/index`.
    Item(&'static str, usize),
    /// The `alg` of a key of the document's JWK Set: `/keys/index/alg`, or
    /// `/jwks/keys/index/alg` for an inline `jwks`.
    JwkAlg {
        /// True for a client's inline `jwks`, false when the document is the JWK Set.
        inline: bool,
        /// The key's index in `keys`.
        key: usize,
    },
}

impl AlgPointer {
    fn to_pointer(self) -> Pointer {
        match self {
            AlgPointer::Member(name) => Pointer::root().key(name),
            AlgPointer::Item(name, index) => Pointer::root().key(name).index(index),
            AlgPointer::JwkAlg { inline, key } => {
                let base = if inline {
                    Pointer::root().key("jwks")
                } else {
                    Pointer::root()
                };
                base.key("keys").index(key).key("alg")
            }
        }
    }
}

impl From<AlgPointer> for String {
    fn from(p: AlgPointer) -> String {
        p.to_pointer().into_string()
    }
}

impl std::fmt::Display for AlgPointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.to_pointer().as_str())
    }
}

impl AlgValue<'_, '_> {
    /// How the value is named in messages: the member, or `alg` of a JWK.
    pub fn location(&self) -> String {
        match self.member {
            Some(m) => format!("`{}`", m.name),
            None => "the JWK's `alg`".to_owned(),
        }
    }

    /// The other string elements of the same list (empty for single values).
    pub fn siblings(&self) -> impl Iterator<Item = &str> {
        self.container.as_array().into_iter().flatten().filter_map(Node::as_str)
    }
}

/// The string values of every algorithm-bearing member of the document (values of the wrong type
/// are `SCH001`'s job and skipped).
pub fn alg_values<'o, 'a>(ctx: &Ctx<'o, 'a>) -> Vec<AlgValue<'o, 'a>> {
    let mut out = Vec::new();
    if ctx.kind == Kind::Jwks {
        return out;
    }
    let object = ctx.object();
    for member in object.iter() {
        let Some(spec) = alg_member(ctx.kind, &member.name) else {
            continue;
        };
        let node = &member.value;
        if spec.list {
            for (index, item, value) in node.str_items() {
                out.push(AlgValue {
                    member: Some(spec),
                    slot: spec.slot,
                    container: node,
                    node: item,
                    value,
                    name: AlgName::of(value),
                    pointer: AlgPointer::Item(spec.name, index),
                });
            }
        } else if let Some(value) = node.as_str() {
            out.push(AlgValue {
                member: Some(spec),
                slot: spec.slot,
                container: node,
                node,
                value,
                name: AlgName::of(value),
                pointer: AlgPointer::Member(spec.name),
            });
        }
    }
    out
}

/// The `alg` of every key of the document's JWK Set: the document itself for a JWK Set, else its
/// inline `jwks` member (client metadata, and OpenID Federation server and resource metadata).
pub fn jwk_alg_values<'o, 'a>(ctx: &Ctx<'o, 'a>) -> Vec<AlgValue<'o, 'a>> {
    let (set, inline) = if ctx.kind == Kind::Jwks {
        (Some(ctx.root), false)
    } else {
        (ctx.object().get("jwks"), true)
    };
    let Some(keys) = set.and_then(|s| s.get("keys")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, key) in keys.as_array().into_iter().flatten().enumerate() {
        let Some(alg) = key.get("alg") else {
            continue;
        };
        if let Some(value) = alg.as_str() {
            out.push(AlgValue {
                member: None,
                slot: Slot::Jwk,
                container: alg,
                node: alg,
                value,
                name: AlgName::of(value),
                pointer: AlgPointer::JwkAlg { inline, key: index },
            });
        }
    }
    out
}

/// One string value of an authentication-method member.
pub struct MethodValue<'o, 'a> {
    /// The member name (`token_endpoint_auth_method`, `*_auth_methods_supported`).
    pub member: &'static str,
    /// The string node (the list item for lists).
    pub node: &'o Node<'a>,
    /// The method name as written.
    pub value: &'o str,
    /// The RFC 6901 pointer of the string (`/token_endpoint_auth_methods_supported/1`).
    pub pointer: String,
}

/// The string values of every token endpoint authentication method member of the document.
pub fn auth_method_values<'o, 'a>(ctx: &Ctx<'o, 'a>) -> Vec<MethodValue<'o, 'a>> {
    let mut out = Vec::new();
    if ctx.kind == Kind::Jwks {
        return out;
    }
    let object = ctx.object();
    for &(kind, name, is_list) in AUTH_METHOD_MEMBERS {
        if kind != ctx.kind {
            continue;
        }
        let Some(node) = object.get(name) else {
            continue;
        };
        let pointer = Pointer::root().key(name);
        if is_list {
            for (index, item, value) in node.str_items() {
                out.push(MethodValue {
                    member: name,
                    node: item,
                    value,
                    pointer: pointer.index(index).into_string(),
                });
            }
        } else if let Some(value) = node.as_str() {
            out.push(MethodValue {
                member: name,
                node,
                value,
                pointer: pointer.into_string(),
            });
        }
    }
    out
}

/// A JOSE algorithm name that a draft defines and some implementations ship, but that IANA has not
/// registered (yet).
#[derive(Debug)]
pub struct DraftAlg {
    /// The exact name, or a prefix when `prefix` is set.
    pub name: &'static str,
    /// Whether `name` is a prefix (`ML-DSA-44-` matches every composite built on ML-DSA-44).
    pub prefix: bool,
    /// What kind of algorithm the draft defines it as.
    pub category: AlgCategory,
    /// The draft that defines it (and who ships it), quoted in `ALG001`'s message.
    pub source: &'static str,
}

const fn draft(name: &'static str, category: AlgCategory, source: &'static str) -> DraftAlg {
    DraftAlg {
        name,
        prefix: false,
        category,
        source,
    }
}

const CHACHA: &str = "draft-amringer-jose-chacha (implemented by Keycloak and several JOSE libraries)";
const HPKE: &str = "draft-ietf-jose-hpke-encrypt";
const COMPOSITE: &str = "draft-ietf-jose-pq-composite-sigs";

/// Known unregistered names (see also `known_unregistered.csv`, which lists HPKE and the ML-DSA
/// composites as pending drafts).
pub static DRAFT_ALGS: &[DraftAlg] = &[
    draft("XC20P", AlgCategory::JweEnc, CHACHA),
    draft("C20P", AlgCategory::JweEnc, CHACHA),
    draft("XC20PKW", AlgCategory::JweAlg, CHACHA),
    draft("C20PKW", AlgCategory::JweAlg, CHACHA),
    draft("ECDH-ES+XC20PKW", AlgCategory::JweAlg, CHACHA),
    draft("ECDH-ES+C20PKW", AlgCategory::JweAlg, CHACHA),
    draft("HPKE-0", AlgCategory::JweAlg, HPKE),
    draft("HPKE-1", AlgCategory::JweAlg, HPKE),
    draft("HPKE-2", AlgCategory::JweAlg, HPKE),
    draft("HPKE-3", AlgCategory::JweAlg, HPKE),
    draft("HPKE-4", AlgCategory::JweAlg, HPKE),
    draft("HPKE-5", AlgCategory::JweAlg, HPKE),
    draft("HPKE-6", AlgCategory::JweAlg, HPKE),
    draft("HPKE-7", AlgCategory::JweAlg, HPKE),
    draft("HPKE-0-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-1-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-2-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-3-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-4-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-5-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-6-KE", AlgCategory::JweAlg, HPKE),
    draft("HPKE-7-KE", AlgCategory::JweAlg, HPKE),
    DraftAlg {
        name: "ML-DSA-44-",
        prefix: true,
        category: AlgCategory::Jws,
        source: COMPOSITE,
    },
    DraftAlg {
        name: "ML-DSA-65-",
        prefix: true,
        category: AlgCategory::Jws,
        source: COMPOSITE,
    },
    DraftAlg {
        name: "ML-DSA-87-",
        prefix: true,
        category: AlgCategory::Jws,
        source: COMPOSITE,
    },
];

/// What an algorithm name is.
#[derive(Clone, Copy, Debug)]
pub enum AlgName {
    /// In the IANA JOSE algorithms registry.
    Registered(&'static Entry, AlgCategory),
    /// A known draft's name.
    Draft(&'static DraftAlg),
    /// A registered name in another case (`rs256` → `RS256`).
    WrongCase(&'static str),
    /// Unknown; the closest registered name when one is close.
    Unknown(Option<&'static str>),
    /// A collision-resistant name (a URI, RFC 7515 §4.1.1 "StringOrURI"): private, not judged.
    Private,
}

impl AlgName {
    /// Classifies `value`: registered (exact case), a known draft, a registered name in the wrong case,
    /// a private URI name, or unknown with the closest registered name.
    pub fn of(value: &str) -> AlgName {
        match lookup_alg(value) {
            AlgLookup::Registered(entry, category) => AlgName::Registered(entry, category),
            AlgLookup::WrongCase(name) => AlgName::WrongCase(name),
            AlgLookup::Unknown(suggestion) => {
                let draft = DRAFT_ALGS.iter().find(|d| {
                    if d.prefix {
                        value.starts_with(d.name)
                    } else {
                        value == d.name
                    }
                });
                match draft {
                    Some(d) => AlgName::Draft(d),
                    None if value.contains(':') => AlgName::Private,
                    None => AlgName::Unknown(suggestion),
                }
            }
        }
    }

    /// The category of a registered or draft name.
    pub fn category(self) -> Option<AlgCategory> {
        match self {
            AlgName::Registered(_, c) => Some(c),
            AlgName::Draft(d) => Some(d.category),
            _ => None,
        }
    }
}

/// Registered token endpoint authentication methods and known drafts' methods (`attest_jwt_client_auth`).
pub fn known_auth_methods() -> impl Iterator<Item = &'static str> {
    registry::values(registry::tables::OAUTH_TOKEN_ENDPOINT_AUTH_METHODS).chain(
        registry::tables::KNOWN_UNREGISTERED
            .iter()
            .filter(|e| e.notes.starts_with("Token endpoint auth method"))
            .map(|e| e.value),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alg_pointers() {
        assert_eq!(String::from(AlgPointer::Member("a/b")), "/a~1b");
        assert_eq!(String::from(AlgPointer::Item("x", 12)), "/x/12");
        assert_eq!(
            String::from(AlgPointer::JwkAlg { inline: true, key: 2 }),
            "/jwks/keys/2/alg"
        );
        assert_eq!(AlgPointer::JwkAlg { inline: false, key: 0 }.to_string(), "/keys/0/alg");
    }

    /// Every member name a kind's registries define, registered or known unregistered.
    fn member_names(kind: Kind) -> Vec<&'static str> {
        registry::known_member_names(kind).collect()
    }

    fn holds_algorithm(name: &str) -> bool {
        name.ends_with("_alg") || name.ends_with("_enc") || name.contains("_alg_") || name.contains("_enc_")
    }

    #[test]
    fn every_registered_algorithm_member_is_classified() {
        let mut missing = Vec::new();
        for kind in [Kind::Client, Kind::Server, Kind::Resource] {
            for name in member_names(kind).into_iter().filter(|n| holds_algorithm(n)) {
                if alg_member(kind, name).is_none() {
                    missing.push(format!("{}: {name}", kind.as_str()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "algorithm members without a row in ALG_MEMBERS: {missing:?}"
        );
    }

    #[test]
    fn every_row_ends_as_alg_member_expects() {
        for m in ALG_MEMBERS {
            assert_eq!(alg_member(m.kind, m.name).map(|r| r.name), Some(m.name), "{}", m.name);
        }
    }

    #[test]
    fn every_row_is_a_known_member_of_its_kind() {
        for m in ALG_MEMBERS {
            assert!(
                registry::is_known_member(m.kind, m.name),
                "{} is not a {} member",
                m.name,
                m.kind.as_str()
            );
        }
        for &(kind, name, _) in AUTH_METHOD_MEMBERS {
            assert!(
                registry::is_known_member(kind, name),
                "{name} is not a {} member",
                kind.as_str()
            );
        }
    }

    #[test]
    fn slots_match_the_member_names() {
        for m in ALG_MEMBERS {
            let expected = if m.name.contains("encrypted_response_enc") || m.name.contains("encryption_enc") {
                Slot::JweEnc
            } else if m.name.contains("encrypted_response_alg") || m.name.contains("encryption_alg") {
                JweAlg
            } else if m.name.contains("sign") {
                Jws
            } else {
                panic!("cannot tell what {} holds from its name", m.name)
            };
            assert_eq!(m.slot, expected, "{}", m.name);
            assert_eq!(m.list, m.name.ends_with("_supported"), "{}", m.name);
        }
    }

    #[test]
    fn every_registered_auth_method_member_is_classified() {
        for kind in [Kind::Client, Kind::Server, Kind::Resource] {
            for name in member_names(kind).into_iter().filter(|n| n.contains("auth_method")) {
                assert!(
                    AUTH_METHOD_MEMBERS.iter().any(|&(k, n, _)| k == kind && n == name),
                    "{}: {name} has no row in AUTH_METHOD_MEMBERS",
                    kind.as_str()
                );
            }
        }
    }

    #[test]
    fn names() {
        assert!(matches!(AlgName::of("ES256"), AlgName::Registered(_, AlgCategory::Jws)));
        assert!(matches!(AlgName::of("es256"), AlgName::WrongCase("ES256")));
        assert!(matches!(AlgName::of("ES521"), AlgName::Unknown(Some("ES512"))));
        assert!(matches!(AlgName::of("XC20P"), AlgName::Draft(_)));
        assert!(matches!(AlgName::of("ML-DSA-65-ES256"), AlgName::Draft(_)));
        assert!(matches!(AlgName::of("urn:example:alg"), AlgName::Private));
        assert!(known_auth_methods().any(|m| m == "attest_jwt_client_auth"));
        assert!(known_auth_methods().any(|m| m == "private_key_jwt"));
    }
}
