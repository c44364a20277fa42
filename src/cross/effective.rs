//! Effective client values: for every member of SPEC §4.7, the client's own value, else the
//! RFC 7591 / OpenID Connect Dynamic Client Registration default, with its provenance; and the
//! seed's resolution rules (SPEC §5, oauth4webapi) for the algorithms a client accepts on signed
//! responses. Cross rules, `explain-client` and the registration API read values from here, never
//! from raw JSON.

use crate::json::{Node, Object, Pointer, Span};

use super::{Location, Provenance, ServerDoc};

/// OpenID Connect Dynamic Client Registration 1.0 §2 (cited by several defaults).
pub const OIDC_REGISTRATION: &str = "OIDC Registration §2";
/// RFC 7591 §2 (cited by several defaults).
pub const RFC7591: &str = "RFC 7591 §2";

/// The content encryption algorithm a client gets when it sets an `*_alg` without its `*_enc`.
pub const DEFAULT_ENC: &str = "A128CBC-HS256";

/// A value with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effective<T> {
    /// The effective value.
    pub value: T,
    /// Where it came from.
    pub provenance: Provenance,
}

impl<T> Effective<T> {
    /// The client location, when the client sets the value.
    pub fn client_location(&self) -> Option<&Location> {
        match &self.provenance {
            Provenance::Client(l) => Some(l),
            _ => None,
        }
    }

    /// Whether the client document sets it.
    pub fn is_explicit(&self) -> bool {
        self.client_location().is_some()
    }
}

/// One element of an effective list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// The value.
    pub value: String,
    /// Where the client wrote it (`None` for a default).
    pub location: Option<Location>,
}

/// An effective list (grant types, response types, ACR values, scope tokens, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EffectiveList {
    /// The elements.
    pub items: Vec<ListItem>,
    /// The whole list's provenance (the array, or the default).
    pub provenance: Provenance,
}

impl EffectiveList {
    /// The values alone.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|i| i.value.as_str())
    }

    /// Whether `value` is an element.
    pub fn contains(&self, value: &str) -> bool {
        self.values().any(|v| v == value)
    }

    fn default(values: &[&str], reference: &'static str) -> Self {
        EffectiveList {
            items: values
                .iter()
                .map(|v| ListItem {
                    value: (*v).to_owned(),
                    location: None,
                })
                .collect(),
            provenance: Provenance::Default { reference },
        }
    }
}

/// One kind of encrypted response (or the request object), as a row of member names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EncryptionPurpose {
    /// How to name it in a sentence (`ID token`).
    pub label: &'static str,
    /// Client metadata member for the key management algorithm.
    pub client_alg: &'static str,
    /// Client metadata member for the content encryption algorithm.
    pub client_enc: &'static str,
    /// Server metadata list of key management algorithms.
    pub server_alg: &'static str,
    /// Server metadata list of content encryption algorithms.
    pub server_enc: &'static str,
    /// Where the `A128CBC-HS256` default is defined.
    pub reference: &'static str,
}

/// Every encryption pair of SPEC §4.7.
pub const ENCRYPTION_PURPOSES: [EncryptionPurpose; 5] = [
    EncryptionPurpose {
        label: "ID token",
        client_alg: "id_token_encrypted_response_alg",
        client_enc: "id_token_encrypted_response_enc",
        server_alg: "id_token_encryption_alg_values_supported",
        server_enc: "id_token_encryption_enc_values_supported",
        reference: OIDC_REGISTRATION,
    },
    EncryptionPurpose {
        label: "userinfo response",
        client_alg: "userinfo_encrypted_response_alg",
        client_enc: "userinfo_encrypted_response_enc",
        server_alg: "userinfo_encryption_alg_values_supported",
        server_enc: "userinfo_encryption_enc_values_supported",
        reference: OIDC_REGISTRATION,
    },
    EncryptionPurpose {
        label: "request object",
        client_alg: "request_object_encryption_alg",
        client_enc: "request_object_encryption_enc",
        server_alg: "request_object_encryption_alg_values_supported",
        server_enc: "request_object_encryption_enc_values_supported",
        reference: OIDC_REGISTRATION,
    },
    EncryptionPurpose {
        label: "introspection response",
        client_alg: "introspection_encrypted_response_alg",
        client_enc: "introspection_encrypted_response_enc",
        server_alg: "introspection_encryption_alg_values_supported",
        server_enc: "introspection_encryption_enc_values_supported",
        reference: "RFC 9701 §6",
    },
    EncryptionPurpose {
        label: "authorization response (JARM)",
        client_alg: "authorization_encrypted_response_alg",
        client_enc: "authorization_encrypted_response_enc",
        server_alg: "authorization_encryption_alg_values_supported",
        server_enc: "authorization_encryption_enc_values_supported",
        reference: "JARM §3",
    },
];

/// The effective encryption of one purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encryption {
    /// Which purpose.
    pub purpose: EncryptionPurpose,
    /// The key management algorithm (`None`: not encrypted).
    pub alg: Option<Effective<String>>,
    /// The content encryption algorithm: the client's, else `A128CBC-HS256` when `alg` is set.
    /// A client `enc` without `alg` is kept here too (it is an error of its own, CLI rules).
    pub enc: Option<Effective<String>>,
}

/// The signed responses whose accepted algorithms follow the seed's rule (SPEC §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedResponse {
    /// ID tokens.
    IdToken,
    /// Signed userinfo responses.
    Userinfo,
    /// JWT introspection responses (RFC 9701).
    Introspection,
    /// JWT authorization responses (JARM).
    Authorization,
}

impl SignedResponse {
    /// All four, in the order `explain-client` prints them.
    pub const ALL: [SignedResponse; 4] = [
        SignedResponse::IdToken,
        SignedResponse::Userinfo,
        SignedResponse::Introspection,
        SignedResponse::Authorization,
    ];

    /// The client metadata member (`id_token_signed_response_alg`).
    pub fn client_member(self) -> &'static str {
        match self {
            SignedResponse::IdToken => "id_token_signed_response_alg",
            SignedResponse::Userinfo => "userinfo_signed_response_alg",
            SignedResponse::Introspection => "introspection_signed_response_alg",
            SignedResponse::Authorization => "authorization_signed_response_alg",
        }
    }

    /// The server metadata list (`id_token_signing_alg_values_supported`).
    pub fn server_member(self) -> &'static str {
        match self {
            SignedResponse::IdToken => "id_token_signing_alg_values_supported",
            SignedResponse::Userinfo => "userinfo_signing_alg_values_supported",
            SignedResponse::Introspection => "introspection_signing_alg_values_supported",
            SignedResponse::Authorization => "authorization_signing_alg_values_supported",
        }
    }

    /// How to name it in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            SignedResponse::IdToken => "ID token",
            SignedResponse::Userinfo => "userinfo response",
            SignedResponse::Introspection => "introspection response",
            SignedResponse::Authorization => "authorization response (JARM)",
        }
    }

    /// The registration default of the client member and where it is defined: `RS256` for ID
    /// tokens, introspection (RFC 9701 §6) and JARM (§3); none for userinfo (an unsigned JSON
    /// response, OIDC Registration §2).
    pub fn registration_default(self) -> Option<(&'static str, &'static str)> {
        match self {
            SignedResponse::IdToken => Some(("RS256", OIDC_REGISTRATION)),
            SignedResponse::Userinfo => None,
            SignedResponse::Introspection => Some(("RS256", "RFC 9701 §6")),
            SignedResponse::Authorization => Some(("RS256", "JARM §3")),
        }
    }
}

/// The algorithms a client accepts on one kind of signed response, by the seed's rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptedAlgs {
    /// Which response.
    pub response: SignedResponse,
    /// The accepted algorithms.
    pub algs: Vec<String>,
    /// The client's member, the server's list, or the `RS256` fallback.
    pub provenance: Provenance,
}

/// Where the seed's rule is written down.
pub const SEED_REFERENCE: &str = "oauth4webapi: RS256 when the server has no list";

/// SPEC §5: the client's `*_signed_response_alg` if set; otherwise any of the server's matching
/// `*_signing_alg_values_supported`; otherwise `RS256`.
pub fn accepted_algs(client: &Object<'_>, server: Option<&ServerDoc>, response: SignedResponse) -> AcceptedAlgs {
    let member = response.client_member();
    if let Some(node) = client.get(member)
        && let Some(alg) = node.as_str()
    {
        return AcceptedAlgs {
            response,
            algs: vec![alg.to_owned()],
            provenance: Provenance::Client(location(member, node)),
        };
    }
    if let Some(list) = server.and_then(|s| s.list(response.server_member())) {
        return AcceptedAlgs {
            response,
            algs: list.values,
            provenance: list.provenance,
        };
    }
    AcceptedAlgs {
        response,
        algs: vec!["RS256".to_owned()],
        provenance: Provenance::Default {
            reference: SEED_REFERENCE,
        },
    }
}

/// The effective value of every member of SPEC §4.7 for one client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientEffective {
    /// Default `client_secret_basic` (RFC 7591 §2).
    pub token_endpoint_auth_method: Effective<String>,
    /// No default: any algorithm the server and client support (OIDC Registration §2).
    pub token_endpoint_auth_signing_alg: Option<Effective<String>>,
    /// Default `["authorization_code"]` (RFC 7591 §2).
    pub grant_types: EffectiveList,
    /// Default `["code"]` (RFC 7591 §2).
    pub response_types: EffectiveList,
    /// Default `web` (OIDC Registration §2).
    pub application_type: Effective<String>,
    /// Default `RS256` (OIDC Registration §2).
    pub id_token_signed_response_alg: Effective<String>,
    /// No default: the userinfo response is unsigned JSON (OIDC Registration §2).
    pub userinfo_signed_response_alg: Option<Effective<String>>,
    /// Default `RS256` (RFC 9701 §6), used only when the client asks for JWT introspection
    /// responses.
    pub introspection_signed_response_alg: Effective<String>,
    /// Default `RS256` (JARM §3), used only with JWT response modes.
    pub authorization_signed_response_alg: Effective<String>,
    /// No default: any algorithm the server supports (OIDC Registration §2).
    pub request_object_signing_alg: Option<Effective<String>>,
    /// The five encryption pairs, in [`ENCRYPTION_PURPOSES`] order.
    pub encryption: Vec<Encryption>,
    /// No default: the server's choice (OIDC Registration §2 defines none).
    pub subject_type: Option<Effective<String>>,
    /// No default.
    pub default_acr_values: Option<EffectiveList>,
    /// The tokens of `scope` (no default: the server's default scope, RFC 6749 §3.3).
    pub scope: Option<EffectiveList>,
    /// No default (CIBA Core §4: required with the CIBA grant).
    pub backchannel_token_delivery_mode: Option<Effective<String>>,
    /// No default (RFC 9396 §10).
    pub authorization_details_types: Option<EffectiveList>,
    /// Default `false` (RFC 9449 §5.2).
    pub dpop_bound_access_tokens: Effective<bool>,
    /// Default `false` (RFC 8705 §3.4).
    pub tls_client_certificate_bound_access_tokens: Effective<bool>,
    /// Default `false` (RFC 9126 §6).
    pub require_pushed_authorization_requests: Effective<bool>,
    /// Default `false` (RFC 9101 §10.5).
    pub require_signed_request_object: Effective<bool>,
    /// Default `false` (OIDC Registration §2).
    pub require_auth_time: Effective<bool>,
    /// No default.
    pub default_max_age: Option<Effective<u64>>,
    /// No default.
    pub backchannel_logout_uri: Option<Effective<String>>,
    /// Default `false` (Back-Channel Logout §2.2).
    pub backchannel_logout_session_required: Effective<bool>,
    /// No default.
    pub frontchannel_logout_uri: Option<Effective<String>>,
    /// Default `false` (Front-Channel Logout §2).
    pub frontchannel_logout_session_required: Effective<bool>,
    /// No default.
    pub post_logout_redirect_uris: Option<EffectiveList>,
    /// Default `false` (FAPI 2.0 Security Profile §5.2.2.1.1).
    pub use_mtls_endpoint_aliases: Effective<bool>,
}

fn location(member: &str, node: &Node<'_>) -> Location {
    Location {
        pointer: Pointer::root().key(member).into_string(),
        span: node.span,
    }
}

fn string(obj: &Object<'_>, member: &str) -> Option<Effective<String>> {
    let node = obj.get(member)?;
    Some(Effective {
        value: node.as_str()?.to_owned(),
        provenance: Provenance::Client(location(member, node)),
    })
}

fn string_or(obj: &Object<'_>, member: &str, default: &str, reference: &'static str) -> Effective<String> {
    string(obj, member).unwrap_or_else(|| Effective {
        value: default.to_owned(),
        provenance: Provenance::Default { reference },
    })
}

fn boolean(obj: &Object<'_>, member: &str, reference: &'static str) -> Effective<bool> {
    match obj.get(member) {
        Some(node) if node.as_bool().is_some() => Effective {
            value: node.as_bool().unwrap_or_default(),
            provenance: Provenance::Client(location(member, node)),
        },
        _ => Effective {
            value: false,
            provenance: Provenance::Default { reference },
        },
    }
}

fn list(obj: &Object<'_>, member: &str) -> Option<EffectiveList> {
    let node = obj.get(member)?;
    node.as_array()?;
    Some(EffectiveList {
        items: node
            .str_items()
            .map(|(i, n, s)| ListItem {
                value: s.to_owned(),
                location: Some(Location {
                    pointer: Pointer::root().key(member).index(i).into_string(),
                    span: n.span,
                }),
            })
            .collect(),
        provenance: Provenance::Client(location(member, node)),
    })
}

/// The space-separated tokens of `scope`; each token's span is its own bytes when the string has
/// no escapes (so the label underlines the token), else the whole string.
fn scope_tokens(obj: &Object<'_>, text: &str) -> Option<EffectiveList> {
    let node = obj.get("scope")?;
    let value = node.as_str()?;
    let raw = text.get(node.span.start + 1..node.span.end.saturating_sub(1));
    let exact = raw == Some(value);
    let pointer = Pointer::root().key("scope").into_string();
    let mut items = Vec::new();
    let mut offset = 0;
    for token in value.split(' ') {
        if !token.is_empty() {
            let span = if exact {
                let start = node.span.start + 1 + offset;
                Span::new(start, start + token.len())
            } else {
                node.span
            };
            items.push(ListItem {
                value: token.to_owned(),
                location: Some(Location {
                    pointer: pointer.clone(),
                    span,
                }),
            });
        }
        offset += token.len() + 1;
    }
    Some(EffectiveList {
        items,
        provenance: Provenance::Client(location("scope", node)),
    })
}

impl ClientEffective {
    /// Computes every effective value of a client document. `text` is the client file's text
    /// (for the spans of scope tokens).
    pub fn of(client: &Object<'_>, text: &str) -> ClientEffective {
        let encryption = ENCRYPTION_PURPOSES
            .iter()
            .map(|&purpose| {
                let alg = string(client, purpose.client_alg);
                let enc = string(client, purpose.client_enc).or_else(|| {
                    alg.as_ref().map(|_| Effective {
                        value: DEFAULT_ENC.to_owned(),
                        provenance: Provenance::Default {
                            reference: purpose.reference,
                        },
                    })
                });
                Encryption { purpose, alg, enc }
            })
            .collect();
        let signed = |r: SignedResponse| {
            let (default, reference) = r.registration_default().unwrap_or(("RS256", OIDC_REGISTRATION));
            string_or(client, r.client_member(), default, reference)
        };
        ClientEffective {
            token_endpoint_auth_method: string_or(client, "token_endpoint_auth_method", "client_secret_basic", RFC7591),
            token_endpoint_auth_signing_alg: string(client, "token_endpoint_auth_signing_alg"),
            grant_types: list(client, "grant_types")
                .unwrap_or_else(|| EffectiveList::default(&["authorization_code"], RFC7591)),
            response_types: list(client, "response_types")
                .unwrap_or_else(|| EffectiveList::default(&["code"], RFC7591)),
            application_type: string_or(client, "application_type", "web", OIDC_REGISTRATION),
            id_token_signed_response_alg: signed(SignedResponse::IdToken),
            userinfo_signed_response_alg: string(client, "userinfo_signed_response_alg"),
            introspection_signed_response_alg: signed(SignedResponse::Introspection),
            authorization_signed_response_alg: signed(SignedResponse::Authorization),
            request_object_signing_alg: string(client, "request_object_signing_alg"),
            encryption,
            subject_type: string(client, "subject_type"),
            default_acr_values: list(client, "default_acr_values"),
            scope: scope_tokens(client, text),
            backchannel_token_delivery_mode: string(client, "backchannel_token_delivery_mode"),
            authorization_details_types: list(client, "authorization_details_types"),
            dpop_bound_access_tokens: boolean(client, "dpop_bound_access_tokens", "RFC 9449 §5.2"),
            tls_client_certificate_bound_access_tokens: boolean(
                client,
                "tls_client_certificate_bound_access_tokens",
                "RFC 8705 §3.4",
            ),
            require_pushed_authorization_requests: boolean(
                client,
                "require_pushed_authorization_requests",
                "RFC 9126 §6",
            ),
            require_signed_request_object: boolean(client, "require_signed_request_object", "RFC 9101 §10.5"),
            require_auth_time: boolean(client, "require_auth_time", OIDC_REGISTRATION),
            default_max_age: client.get("default_max_age").and_then(|n| {
                Some(Effective {
                    value: n.as_u64()?,
                    provenance: Provenance::Client(location("default_max_age", n)),
                })
            }),
            backchannel_logout_uri: string(client, "backchannel_logout_uri"),
            backchannel_logout_session_required: boolean(
                client,
                "backchannel_logout_session_required",
                "Back-Channel Logout §2.2",
            ),
            frontchannel_logout_uri: string(client, "frontchannel_logout_uri"),
            frontchannel_logout_session_required: boolean(
                client,
                "frontchannel_logout_session_required",
                "Front-Channel Logout §2",
            ),
            post_logout_redirect_uris: list(client, "post_logout_redirect_uris"),
            use_mtls_endpoint_aliases: boolean(client, "use_mtls_endpoint_aliases", "FAPI 2.0 §5.2.2.1.1"),
        }
    }

    /// Whether the client uses the authorization endpoint: a grant type that goes through it
    /// (`authorization_code`, `implicit`).
    pub fn uses_authorization_endpoint(&self) -> bool {
        self.grant_types
            .values()
            .any(|g| g == "authorization_code" || g == "implicit")
    }

    /// Whether the client uses the token endpoint (any grant type but `implicit`).
    pub fn uses_token_endpoint(&self) -> bool {
        self.grant_types.values().any(|g| g != "implicit")
    }

    /// Whether any response type returns an ID token (`id_token` in its token set) or the flow
    /// is an OpenID Connect one by its scope (`openid`).
    pub fn receives_id_tokens(&self) -> bool {
        self.response_types
            .values()
            .any(|r| r.split(' ').any(|t| t == "id_token"))
            || self.scope.as_ref().is_some_and(|s| s.contains("openid"))
    }
}

/// The RFC 6749 §3.1.1 / OAuth 2.0 Multiple Response Types §2.1 default response mode of a
/// response type: `query` for `code` and `none`, `fragment` for anything that returns a token
/// from the authorization endpoint.
pub fn default_response_mode(response_type: &str) -> &'static str {
    if response_type.split(' ').any(|t| t == "token" || t == "id_token") {
        "fragment"
    } else {
        "query"
    }
}

/// Whether a response mode can carry a response of this type: the query encoding (plain or JWT)
/// MUST NOT carry tokens (OAuth 2.0 Multiple Response Types §3.0, JARM §2.3.1).
pub fn mode_can_carry(mode: &str, response_type: &str) -> bool {
    let returns_tokens = default_response_mode(response_type) == "fragment";
    match mode {
        "query" | "query.jwt" => !returns_tokens,
        "fragment" | "form_post" | "fragment.jwt" | "form_post.jwt" | "jwt" | "web_message" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{ParseOptions, parse};

    fn effective(text: &str) -> ClientEffective {
        let parsed = parse(text, &ParseOptions::default()).unwrap();
        ClientEffective::of(parsed.root.as_object().unwrap(), text)
    }

    #[test]
    fn defaults_apply_when_absent() {
        let e = effective(r#"{"redirect_uris": ["https://a.example/cb"]}"#);
        assert_eq!(e.token_endpoint_auth_method.value, "client_secret_basic");
        assert!(!e.token_endpoint_auth_method.is_explicit());
        assert_eq!(e.grant_types.values().collect::<Vec<_>>(), ["authorization_code"]);
        assert_eq!(e.response_types.values().collect::<Vec<_>>(), ["code"]);
        assert_eq!(e.application_type.value, "web");
        assert_eq!(e.id_token_signed_response_alg.value, "RS256");
        assert!(e.userinfo_signed_response_alg.is_none());
        assert!(e.encryption.iter().all(|x| x.alg.is_none() && x.enc.is_none()));
    }

    #[test]
    fn encryption_enc_defaults_to_a128cbc_hs256() {
        let e = effective(r#"{"userinfo_encrypted_response_alg": "RSA-OAEP-256"}"#);
        let userinfo = &e.encryption[1];
        assert_eq!(userinfo.enc.as_ref().unwrap().value, "A128CBC-HS256");
        assert!(matches!(
            userinfo.enc.as_ref().unwrap().provenance,
            Provenance::Default { .. }
        ));
        assert_eq!(
            userinfo.alg.as_ref().unwrap().client_location().unwrap().pointer,
            "/userinfo_encrypted_response_alg"
        );
    }

    #[test]
    fn scope_tokens_have_their_own_spans() {
        let text = r#"{"scope": "openid  profile"}"#;
        let e = effective(text);
        let scope = e.scope.unwrap();
        let profile = &scope.items[1];
        let span = profile.location.as_ref().unwrap().span;
        assert_eq!(&text[span.start..span.end], "profile");
    }

    #[test]
    fn seed_rule_for_accepted_algorithms() {
        let parsed = parse(r#"{"userinfo_signed_response_alg": "ES256"}"#, &ParseOptions::default()).unwrap();
        let client = parsed.root.as_object().unwrap();
        let server = ServerDoc::from_bytes(
            "as.discovery.json",
            br#"{"issuer": "https://as.example", "id_token_signing_alg_values_supported": ["PS256", "ES256"]}"#
                .to_vec(),
        )
        .unwrap();
        let id = accepted_algs(client, Some(&server), SignedResponse::IdToken);
        assert_eq!(id.algs, ["PS256", "ES256"]);
        assert!(matches!(id.provenance, Provenance::Server(_)));
        let userinfo = accepted_algs(client, Some(&server), SignedResponse::Userinfo);
        assert_eq!(userinfo.algs, ["ES256"]);
        assert!(matches!(userinfo.provenance, Provenance::Client(_)));
        let jarm = accepted_algs(client, Some(&server), SignedResponse::Authorization);
        assert_eq!(jarm.algs, ["RS256"]);
        assert!(matches!(jarm.provenance, Provenance::Default { .. }));
        assert_eq!(accepted_algs(client, None, SignedResponse::IdToken).algs, ["RS256"]);
    }

    #[test]
    fn response_modes() {
        assert_eq!(default_response_mode("code"), "query");
        assert_eq!(default_response_mode("code id_token"), "fragment");
        assert_eq!(default_response_mode("none"), "query");
        assert!(!mode_can_carry("query", "id_token token"));
        assert!(mode_can_carry("form_post", "code id_token"));
    }
}
