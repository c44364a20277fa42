//! Client-against-server checks: the server document a client is paired with, read once per run,
//! and the effective values both sides mean (SPEC §4.7, §5).
//!
//! A [`ServerDoc`] is an owned snapshot of a server document's top-level members (no borrow of the
//! parse tree), so one parse serves every client paired with it, across threads. Its supported
//! lists and flags are *effective*: the document's own value, else the RFC 8414 / OpenID Connect
//! Discovery default, each with its [`Provenance`]. The client side is in [`effective`].

#![warn(missing_docs)]

pub mod effective;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use crate::document::{self, Kind};
use crate::json::{self, Node, ParseOptions, Pointer, Span, Value};
use crate::source::SourceFile;

/// Where a location is in its file: an RFC 6901 pointer and a byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// RFC 6901 pointer (`/grant_types/1`; `""` for the document).
    pub pointer: String,
    /// Byte span in the file's text.
    pub span: Span,
}

/// Where an effective value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// The client document sets it, at this location of the client file.
    Client(Location),
    /// The server document lists it, at this location of the server file.
    Server(Location),
    /// Neither document sets it: a specification default applies.
    Default {
        /// The specification section that defines the default (`RFC 7591 §2`).
        reference: &'static str,
    },
    /// Neither document sets it and no specification gives a default: the value is left to the
    /// other party (the server decides, or any value is accepted).
    Unspecified {
        /// What happens then, in a few words.
        meaning: &'static str,
    },
}

impl Provenance {
    /// `client`, `server`, `default` or `unspecified`.
    pub fn kind_str(&self) -> &'static str {
        match self {
            Provenance::Client(_) => "client",
            Provenance::Server(_) => "server",
            Provenance::Default { .. } => "default",
            Provenance::Unspecified { .. } => "unspecified",
        }
    }

    /// Whether the value was written in a document (client or server), not defaulted.
    pub fn is_explicit(&self) -> bool {
        matches!(self, Provenance::Client(_) | Provenance::Server(_))
    }
}

/// A top-level member of a server document, as kept after parsing.
#[derive(Clone, Debug)]
struct ServerMember {
    value: ServerValue,
    /// Span of the member's value.
    span: Span,
}

#[derive(Clone, Debug)]
enum ServerValue {
    Str(String),
    Bool(bool),
    /// The string elements of an array (others skipped), with their spans.
    List(Vec<(String, Span)>),
    /// An object's member names (`mtls_endpoint_aliases`).
    Object(Vec<String>),
    Other,
}

/// An effective supported list of a server.
#[derive(Clone, Debug)]
pub struct SupportedList {
    /// The metadata member (`token_endpoint_auth_methods_supported`).
    pub member: &'static str,
    /// The values, in document order.
    pub values: Vec<String>,
    /// [`Provenance::Server`] (the list and its span) or [`Provenance::Default`].
    pub provenance: Provenance,
    /// The values as a set, built on the first lookup in a long list (a hostile server can list
    /// 300,000 values, each looked up per client value).
    lookup: std::sync::OnceLock<std::collections::HashSet<String>>,
}

impl PartialEq for SupportedList {
    fn eq(&self, other: &Self) -> bool {
        self.member == other.member && self.values == other.values && self.provenance == other.provenance
    }
}

impl Eq for SupportedList {}

impl SupportedList {
    /// Whether `value` is listed (case-sensitive, as every OAuth registry compares).
    pub fn contains(&self, value: &str) -> bool {
        if self.values.len() <= 16 {
            return self.values.iter().any(|v| v == value);
        }
        self.lookup
            .get_or_init(|| self.values.iter().cloned().collect())
            .contains(value)
    }

    /// The values quoted and comma-separated, for messages: `"RS256", "ES256"`.
    pub fn quoted(&self) -> String {
        quote_all(&self.values)
    }
}

/// An effective boolean flag of a server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// The metadata member.
    pub member: &'static str,
    /// Its effective value.
    pub value: bool,
    /// [`Provenance::Server`] or [`Provenance::Default`].
    pub provenance: Provenance,
}

/// `"a", "b"`.
pub fn quote_all<S: AsRef<str>>(values: &[S]) -> String {
    if values.is_empty() {
        return "nothing (an empty list)".into();
    }
    // A message quotes a list in full only when it is of a readable length.
    const SHOWN: usize = 50;
    let mut quoted = values
        .iter()
        .take(SHOWN)
        .map(|v| format!("{:?}", v.as_ref()))
        .collect::<Vec<_>>()
        .join(", ");
    if values.len() > SHOWN {
        quoted.push_str(&format!(", … ({} more)", values.len() - SHOWN));
    }
    quoted
}

/// Supported lists that have a default when absent: (member, default, reference).
const LIST_DEFAULTS: &[(&str, &[&str], &str)] = &[
    (
        "response_modes_supported",
        &["query", "fragment"],
        "RFC 8414 §2, OIDC Discovery §3",
    ),
    (
        "grant_types_supported",
        &["authorization_code", "implicit"],
        "RFC 8414 §2, OIDC Discovery §3",
    ),
    (
        "token_endpoint_auth_methods_supported",
        &["client_secret_basic"],
        "RFC 8414 §2, OIDC Discovery §3",
    ),
    (
        "revocation_endpoint_auth_methods_supported",
        &["client_secret_basic"],
        "RFC 8414 §2",
    ),
    ("claim_types_supported", &["normal"], "OIDC Discovery §3"),
];

/// Boolean flags and their defaults when absent: (member, default, reference).
const FLAG_DEFAULTS: &[(&str, bool, &str)] = &[
    ("request_uri_parameter_supported", true, "OIDC Discovery §3"),
    ("request_parameter_supported", false, "OIDC Discovery §3"),
    ("claims_parameter_supported", false, "OIDC Discovery §3"),
    ("require_request_uri_registration", false, "OIDC Discovery §3"),
    ("tls_client_certificate_bound_access_tokens", false, "RFC 8705 §3.3"),
    ("require_pushed_authorization_requests", false, "RFC 9126 §5"),
    ("require_signed_request_object", false, "RFC 9101 §10.5"),
    ("authorization_response_iss_parameter_supported", false, "RFC 9207 §3"),
    ("backchannel_logout_supported", false, "Back-Channel Logout §2.1"),
    (
        "backchannel_logout_session_supported",
        false,
        "Back-Channel Logout §2.1",
    ),
    ("frontchannel_logout_supported", false, "Front-Channel Logout §3"),
    (
        "frontchannel_logout_session_supported",
        false,
        "Front-Channel Logout §3",
    ),
    ("backchannel_user_code_parameter_supported", false, "CIBA Core §4"),
];

fn list_index(members: &BTreeMap<String, ServerMember>) -> HashMap<String, HashMap<String, usize>> {
    let mut index = HashMap::new();
    for (name, member) in members {
        if let ServerValue::List(items) = &member.value {
            let mut values = HashMap::with_capacity(items.len());
            for (i, (value, _)) in items.iter().enumerate() {
                values.entry(value.clone()).or_insert(i);
            }
            index.insert(name.clone(), values);
        }
    }
    index
}

/// Why a document cannot be used as the server of a pairing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerLoadError {
    /// The bytes are not UTF-8.
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The text is not JSON (or nests too deeply).
    InvalidJson {
        /// The parser's message.
        message: String,
        /// Byte offset of the error.
        offset: usize,
    },
    /// The top-level value is not an object.
    NotAnObject,
    /// The document is another kind of metadata.
    NotAServer {
        /// The kind it looks like.
        detected: Kind,
    },
}

impl fmt::Display for ServerLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerLoadError::InvalidUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
            ServerLoadError::InvalidJson { message, offset } => write!(f, "invalid JSON at byte {offset}: {message}"),
            ServerLoadError::NotAnObject => f.write_str("the top-level value is not a JSON object"),
            ServerLoadError::NotAServer { detected } => {
                write!(
                    f,
                    "the document is {}, not authorization server metadata",
                    detected.describe()
                )
            }
        }
    }
}

impl std::error::Error for ServerLoadError {}

/// A server document read and parsed once per run: what it advertises (endpoints, flags, supported
/// lists), each effective value with its provenance, and its source for labels.
#[derive(Debug)]
pub struct ServerDoc {
    source: Arc<SourceFile>,
    /// Span of the top-level object (the label when a default applies).
    object_span: Span,
    members: BTreeMap<String, ServerMember>,
    /// Per list member: value → index of its first occurrence. Checks look values up one by one,
    /// and a hostile server can list 300,000 of them.
    list_index: HashMap<String, HashMap<String, usize>>,
}

impl ServerDoc {
    /// Parses a server document from bytes. `path` is the display path used in labels.
    pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<ServerDoc, ServerLoadError> {
        let text = String::from_utf8(bytes).map_err(|e| ServerLoadError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })?;
        ServerDoc::from_source(Arc::new(SourceFile::new(path, text)))
    }

    /// Parses a server document already read. The document is accepted unless it is clearly
    /// something else: its file name or content says client metadata, a JWK Set or resource
    /// metadata (an undecidable document is taken as a server: the user said it is one).
    pub fn from_source(source: Arc<SourceFile>) -> Result<ServerDoc, ServerLoadError> {
        ServerDoc::load(source, false)
    }

    /// Like [`ServerDoc::from_source`], but only for a document positively detected as server
    /// metadata (by its file name or its members): how a directory's server document is found.
    pub fn from_source_if_server(source: Arc<SourceFile>) -> Option<ServerDoc> {
        ServerDoc::load(source, true).ok()
    }

    fn load(source: Arc<SourceFile>, require_detection: bool) -> Result<ServerDoc, ServerLoadError> {
        let parsed = json::parse(&source.text, &ParseOptions::default()).map_err(|e| ServerLoadError::InvalidJson {
            message: e.message.clone(),
            offset: e.offset,
        })?;
        let root = &parsed.root;
        let Some(obj) = root.as_object() else {
            return Err(ServerLoadError::NotAnObject);
        };
        let by_name = document::kind_from_file_name(std::path::Path::new(&source.path));
        let kind = match by_name {
            Some(k) => Some(k),
            None => document::kind_from_content(root),
        };
        match kind {
            Some(Kind::Server) => {}
            Some(detected) => return Err(ServerLoadError::NotAServer { detected }),
            None if require_detection => return Err(ServerLoadError::NotAnObject),
            None => {}
        }
        source.set_secret_spans(crate::secrets::secret_spans(root));
        let members = obj
            .iter()
            .map(|m| {
                (
                    m.name.to_string(),
                    ServerMember {
                        value: snapshot(&m.value),
                        span: m.value.span,
                    },
                )
            })
            .collect();
        Ok(ServerDoc {
            object_span: root.span,
            list_index: list_index(&members),
            members,
            source,
        })
    }

    /// The server file (for labels in another file: `Diagnostic::related_in`).
    pub fn source(&self) -> &Arc<SourceFile> {
        &self.source
    }

    /// The display path of the server file.
    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// Span of the top-level object: where a server default "is".
    pub fn object_span(&self) -> Span {
        self.object_span
    }

    /// Whether the document has a member of this name (any type).
    pub fn has(&self, member: &str) -> bool {
        self.members.contains_key(member)
    }

    /// The location of a member's value, when present.
    pub fn location(&self, member: &str) -> Option<Location> {
        self.members.get(member).map(|m| Location {
            pointer: Pointer::root().key(member).into_string(),
            span: m.span,
        })
    }

    /// The opening brace of the top-level object: where labels about the whole server document
    /// (a default that applies, a member it lacks) point, so renderers show one line, not the
    /// whole document.
    pub fn object_anchor(&self) -> Span {
        Span::new(
            self.object_span.start,
            (self.object_span.start + 1).min(self.object_span.end),
        )
    }

    /// The location of the whole document (pointer `""`).
    pub fn object_location(&self) -> Location {
        Location {
            pointer: String::new(),
            span: self.object_span,
        }
    }

    /// A string member (an endpoint, `issuer`).
    pub fn string(&self, member: &str) -> Option<&str> {
        match &self.members.get(member)?.value {
            ServerValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The effective supported list: the document's own array (non-string elements skipped),
    /// else the specification default, else `None` (the server does not advertise it).
    pub fn list(&self, member: &'static str) -> Option<SupportedList> {
        if let Some(m) = self.members.get(member) {
            if let ServerValue::List(items) = &m.value {
                return Some(SupportedList {
                    member,
                    values: items.iter().map(|(v, _)| v.clone()).collect(),
                    provenance: Provenance::Server(Location {
                        pointer: Pointer::root().key(member).into_string(),
                        span: m.span,
                    }),
                    lookup: std::sync::OnceLock::new(),
                });
            }
            // Present with the wrong type: SCH001 reports it on the server; treat as absent
            // rather than guess.
            return None;
        }
        let (_, default, reference) = LIST_DEFAULTS.iter().find(|(name, _, _)| *name == member)?;
        Some(SupportedList {
            member,
            values: default.iter().map(|s| (*s).to_owned()).collect(),
            provenance: Provenance::Default { reference },
            lookup: std::sync::OnceLock::new(),
        })
    }

    /// The span of one element of a supported list, when the document lists it.
    pub fn list_item(&self, member: &str, value: &str) -> Option<Location> {
        let ServerValue::List(items) = &self.members.get(member)?.value else {
            return None;
        };
        let index = *self.list_index.get(member)?.get(value)?;
        Some(Location {
            pointer: Pointer::root().key(member).index(index).into_string(),
            span: items[index].1,
        })
    }

    /// The effective value of a boolean flag: the document's own, else its default (`false` for a
    /// flag without a registered default).
    pub fn flag(&self, member: &'static str) -> Flag {
        if let Some(m) = self.members.get(member)
            && let ServerValue::Bool(b) = m.value
        {
            return Flag {
                member,
                value: b,
                provenance: Provenance::Server(Location {
                    pointer: Pointer::root().key(member).into_string(),
                    span: m.span,
                }),
            };
        }
        let (value, reference) = FLAG_DEFAULTS
            .iter()
            .find(|(name, _, _)| *name == member)
            .map_or((false, "absent"), |(_, v, r)| (*v, *r));
        Flag {
            member,
            value,
            provenance: Provenance::Default { reference },
        }
    }

    /// The member names of an object member (`mtls_endpoint_aliases`), when it is an object.
    pub fn object_keys(&self, member: &str) -> Option<&[String]> {
        match &self.members.get(member)?.value {
            ServerValue::Object(keys) => Some(keys),
            _ => None,
        }
    }

    /// Whether the document is OpenID Connect Discovery metadata (has an OIDC-only member or is
    /// served as `openid-configuration`), as opposed to plain RFC 8414 metadata.
    pub fn is_openid(&self) -> bool {
        self.source.path.ends_with("openid-configuration")
            || self.source.path.ends_with("openid-configuration.json")
            || [
                "id_token_signing_alg_values_supported",
                "subject_types_supported",
                "userinfo_endpoint",
                "claims_supported",
            ]
            .iter()
            .any(|m| self.has(m))
    }
}

fn snapshot(node: &Node<'_>) -> ServerValue {
    match &node.value {
        Value::String(s) => ServerValue::Str(s.to_string()),
        Value::Bool(b) => ServerValue::Bool(*b),
        Value::Array(_) => ServerValue::List(node.str_items().map(|(_, n, s)| (s.to_owned(), n.span)).collect()),
        Value::Object(o) => ServerValue::Object(o.iter().map(|m| m.name.to_string()).collect()),
        _ => ServerValue::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(text: &str) -> ServerDoc {
        ServerDoc::from_bytes("as.discovery.json", text.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn own_list_else_default_else_absent() {
        let s =
            server(r#"{"issuer": "https://as.example", "token_endpoint_auth_methods_supported": ["private_key_jwt"]}"#);
        let methods = s.list("token_endpoint_auth_methods_supported").unwrap();
        assert_eq!(methods.values, ["private_key_jwt"]);
        assert!(
            matches!(methods.provenance, Provenance::Server(ref l) if l.pointer == "/token_endpoint_auth_methods_supported")
        );
        let modes = s.list("response_modes_supported").unwrap();
        assert_eq!(modes.values, ["query", "fragment"]);
        assert!(matches!(modes.provenance, Provenance::Default { .. }));
        assert_eq!(
            s.list("grant_types_supported").unwrap().values,
            ["authorization_code", "implicit"]
        );
        assert!(s.list("userinfo_signing_alg_values_supported").is_none());
    }

    #[test]
    fn flags_default() {
        let s = server(r#"{"issuer": "https://as.example", "claims_parameter_supported": true}"#);
        assert!(s.flag("request_uri_parameter_supported").value);
        assert!(s.flag("claims_parameter_supported").value);
        assert!(s.flag("claims_parameter_supported").provenance.is_explicit());
        assert!(!s.flag("tls_client_certificate_bound_access_tokens").value);
    }

    #[test]
    fn refuses_other_kinds() {
        let e = ServerDoc::from_bytes("x.json", br#"{"keys": []}"#.to_vec()).unwrap_err();
        assert_eq!(e, ServerLoadError::NotAServer { detected: Kind::Jwks });
        let e = ServerDoc::from_bytes("x.json", b"{".to_vec()).unwrap_err();
        assert!(matches!(e, ServerLoadError::InvalidJson { .. }));
        assert!(ServerDoc::from_bytes("x.json", b"{}".to_vec()).is_ok());
    }
}
