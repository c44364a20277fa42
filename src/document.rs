//! Document kinds and client roles (SPEC §2), and how they are detected.

use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

use crate::json::{Node, Object, Value};
use crate::registry;

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Client metadata: RFC 7591 / OIDC Registration request or response, a static client
    /// configuration, a Client ID Metadata Document.
    Client = 0,
    /// Authorization server metadata: RFC 8414 / OpenID Connect Discovery 1.0.
    Server = 1,
    /// A JWK Set (RFC 7517 §5).
    Jwks = 2,
    /// Protected resource metadata (RFC 9728).
    Resource = 3,
}

impl Kind {
    /// Every kind, in code order.
    pub const ALL: [Kind; 4] = [Kind::Client, Kind::Server, Kind::Jwks, Kind::Resource];

    /// The name used on the command line and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Client => "client",
            Kind::Server => "server",
            Kind::Jwks => "jwks",
            Kind::Resource => "resource",
        }
    }

    /// How a person would name the kind in a sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Client => "client metadata",
            Kind::Server => "authorization server metadata",
            Kind::Jwks => "a JWK Set",
            Kind::Resource => "protected resource metadata",
        }
    }

    /// The kind named `s` (`client`, `server`, `jwks`, `resource`).
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a client document is used for; the rules differ (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A registration request (RFC 7591 §3.1): no `client_id`.
    Request,
    /// A registration response (RFC 7591 §3.2.1): `client_id` plus `client_id_issued_at` or the
    /// RFC 7592 management members.
    Response,
    /// A static client configuration: `client_id`, no registration members.
    Config,
    /// An OAuth Client ID Metadata Document: `client_id` is an https URL.
    Cimd,
    /// The claim set of a software statement (RFC 7591 §2.3): the payload of the JWT a
    /// registration request carries in `software_statement`, as directories publish it (Open
    /// Banking software statement assertions). Its claims are client metadata plus the JWT claims.
    Statement,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [Role::Request, Role::Response, Role::Config, Role::Cimd, Role::Statement];

    /// The name used on the command line and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Request => "request",
            Role::Response => "response",
            Role::Config => "config",
            Role::Cimd => "cimd",
            Role::Statement => "statement",
        }
    }

    /// The role named `s`.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a kind was decided, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindSource {
    /// `--kind` or the config file.
    Forced,
    /// The file name.
    FileName,
    /// The document's members.
    Content,
}

/// The kind implied by a file name alone (SPEC §2 table).
///
/// - `openid-configuration`, `oauth-authorization-server` (with or without `.json`),
///   `*.discovery.json` → server;
/// - `oauth-protected-resource` (with or without `.json`) → resource;
/// - `jwks`, `jwks.json`, `*.jwks.json` → JWK Set;
/// - `*.client.json`, or any `.json` file directly in a directory named `clients` → client.
pub fn kind_from_file_name(path: &Path) -> Option<Kind> {
    let (name, parent) = match plain_name_and_parent(path) {
        Some((name, parent)) => (name, Some(parent)),
        None => (path.file_name()?.to_str()?, None),
    };
    let stem = name.strip_suffix(".json").unwrap_or(name);
    match stem {
        "openid-configuration" | "oauth-authorization-server" => return Some(Kind::Server),
        "oauth-protected-resource" => return Some(Kind::Resource),
        "jwks" => return Some(Kind::Jwks),
        _ => {}
    }
    if name.ends_with(".discovery.json") {
        return Some(Kind::Server);
    }
    if name.ends_with(".jwks.json") {
        return Some(Kind::Jwks);
    }
    if name.ends_with(".client.json") {
        return Some(Kind::Client);
    }
    let parent = match parent {
        Some(parent) => parent?,
        None => path.parent()?.file_name()?.to_str()?,
    };
    if parent == "clients" && name.ends_with(".json") {
        return Some(Kind::Client);
    }
    None
}

/// The file name of a plain path and the name of its directory (`None` when the path has none),
/// exactly as `Path::file_name` of the path and of its parent give them, read off the text:
/// `Path`'s component parser costs more than the rest of kind detection. `None` when the path
/// is not plain (not UTF-8, not a Unix path, or an empty, `.` or `..` segment among the last two).
fn plain_name_and_parent(path: &Path) -> Option<(&str, Option<&str>)> {
    fn normal(segment: &str) -> Option<&str> {
        (!matches!(segment, "" | "." | "..")).then_some(segment)
    }
    if !cfg!(unix) {
        return None;
    }
    let text = path.to_str()?;
    let Some((head, name)) = text.rsplit_once('/') else {
        return Some((normal(text)?, None));
    };
    let parent = head.rsplit_once('/').map_or(head, |(_, parent)| parent);
    if parent.is_empty() && head.is_empty() {
        // `/name`: the parent is the root, which has no name.
        return Some((normal(name)?, None));
    }
    Some((normal(name)?, Some(normal(parent)?)))
}

/// Whether the walker should pick a file: `*.json` plus the extension-less well-known names.
pub fn is_candidate_file_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".json")
        || matches!(
            name,
            "openid-configuration" | "oauth-authorization-server" | "oauth-protected-resource" | "jwks"
        )
}

/// Member names that belong to exactly one kind: the evidence for content detection.
static EXCLUSIVE: LazyLock<[std::collections::HashSet<&'static str, registry::NameHash>; 4]> = LazyLock::new(|| {
    Kind::ALL.map(|kind| {
        registry::known_member_names(kind)
            .filter(|name| {
                Kind::ALL
                    .iter()
                    .filter(|&&other| other != kind && other != Kind::Jwks)
                    .all(|&other| !registry::is_known_member(other, name))
            })
            .collect()
    })
});

/// [`EXCLUSIVE`] of the kinds that vote (client, server, resource) as one map: a name is exclusive
/// to at most one kind, so each member name costs one lookup. Without names holding a `#`: a
/// member name is looked up without its language tag, so such a name could never match.
static EXCLUSIVE_VOTE: LazyLock<registry::NameMap<Kind>> = LazyLock::new(|| {
    [Kind::Client, Kind::Server, Kind::Resource]
        .into_iter()
        .flat_map(|kind| EXCLUSIVE[kind as usize].iter().map(move |&name| (name, kind)))
        .filter(|(name, _)| !name.contains('#'))
        .collect()
});

/// The kind implied by a parsed document's members, or `None` when the evidence is absent or tied.
///
/// A top-level `keys` array (or a lone JWK with `kty`) is a JWK Set; otherwise each member name
/// that only one of client, server and resource metadata defines is a vote for that kind; `issuer`
/// counts double (it is the one member every server document has). Ties are undecided.
pub fn kind_from_content(root: &Node<'_>) -> Option<Kind> {
    let obj = root.as_object()?;
    if matches!(obj.get("keys").map(|k| &k.value), Some(Value::Array(_))) || obj.contains("kty") {
        return Some(Kind::Jwks);
    }
    vote(obj.iter().map(|m| m.name.as_ref()))
}

fn vote<'n>(names: impl Iterator<Item = &'n str>) -> Option<Kind> {
    let mut score = [0usize; 4];
    for name in names {
        // The whole name first: most names are found whole, and a name found whole has no `#`
        // (see EXCLUSIVE_VOTE), so only the others are searched for a language tag.
        let found = EXCLUSIVE_VOTE.get_key_value(name).or_else(|| {
            let (base, _) = crate::json::split_language_tag(name)?;
            EXCLUSIVE_VOTE.get_key_value(base)
        });
        if let Some((&base, &kind)) = found {
            score[kind as usize] += if base == "issuer" { 2 } else { 1 };
        }
    }
    let best = *score.iter().max()?;
    if best == 0 {
        return None;
    }
    let winners: Vec<Kind> = Kind::ALL.into_iter().filter(|k| score[*k as usize] == best).collect();
    (winners.len() == 1).then(|| winners[0])
}

/// A best-effort kind for text that is not valid JSON, only to say what a broken file probably
/// is: identifiers that look like member names vote as in [`kind_from_content`]; failing that,
/// `keys` with `kty` means a JWK Set, and prose naming a "protected resource" (a YAML or
/// commented file served at `oauth-protected-resource`) means protected resource metadata.
pub fn kind_from_text(text: &str) -> Option<Kind> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("protected resource") || lower.contains("oauth-protected-resource") {
        return Some(Kind::Resource);
    }
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() || c == '_' {
            current.push(c);
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    vote(words.iter().map(String::as_str))
        .or_else(|| (words.iter().any(|w| w == "keys") && words.iter().any(|w| w == "kty")).then_some(Kind::Jwks))
}

/// When the top level has no evidence, a single object member that does (a test envelope such as
/// `{"body": {…client metadata…}, "status": 201}`): the member's name and the kind inside.
pub fn wrapped_kind<'n>(root: &'n Node<'_>) -> Option<(&'n str, Kind)> {
    let obj = root.as_object()?;
    let mut found = None;
    for m in obj.iter() {
        if let Some(kind) = m.value.as_object().and(kind_from_content(&m.value)) {
            if found.is_some() {
                return None;
            }
            found = Some((m.name.as_ref(), kind));
        }
    }
    found
}

/// The role of a client document (SPEC §2): no `client_id` → request, unless it is a software
/// statement's claim set (see [`is_statement_claims`]); `client_id` with `client_id_issued_at`,
/// `registration_access_token` or `registration_client_uri` → response; a `client_id` that is an
/// https URL → Client ID Metadata Document; otherwise a static config.
pub fn detect_role(root: &Node<'_>) -> Role {
    let Some(obj) = root.as_object() else {
        return Role::Config;
    };
    let Some(client_id) = obj.get("client_id") else {
        if is_statement_claims(obj) {
            return Role::Statement;
        }
        return Role::Request;
    };
    if [
        "client_id_issued_at",
        "registration_access_token",
        "registration_client_uri",
    ]
    .iter()
    .any(|m| obj.contains(m))
    {
        return Role::Response;
    }
    match client_id.as_str() {
        Some(id) if id.starts_with("https://") => Role::Cimd,
        _ => Role::Config,
    }
}

/// Whether a document without `client_id` and without a `software_statement` is the claim set of
/// a software statement (RFC 7591 §2.3) rather than a registration request: it has an `iss` claim,
/// which client metadata never has; or it has `software_id` (which RFC 7591 §2.3 recommends in
/// statements), no `redirect_uris`, and uses the authorization endpoint (`grant_types` omitted or
/// with `authorization_code`/`implicit`, or `response_types`). A request that uses the
/// authorization endpoint without `redirect_uris` would be invalid anyway (RFC 7591 §2), while a
/// `client_credentials` request that names its `software_id` is an ordinary request.
pub fn is_statement_claims(obj: &Object<'_>) -> bool {
    if obj.contains("client_id") || obj.contains("software_statement") {
        return false;
    }
    if obj.contains("iss") {
        return true;
    }
    if !obj.contains("software_id") || obj.contains("redirect_uris") {
        return false;
    }
    let grants_use_authorization_endpoint = match obj.get("grant_types").and_then(Node::as_array) {
        None => !obj.contains("grant_types"),
        Some(grants) => grants
            .iter()
            .any(|g| matches!(g.as_str(), Some("authorization_code" | "implicit"))),
    };
    grants_use_authorization_endpoint || obj.contains("response_types")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{ParseOptions, parse};

    #[test]
    fn plain_paths_are_read_as_path_reads_them() {
        for text in [
            "a.json",
            "clients/a.json",
            "/clients/a.json",
            "/a.json",
            "x/clients/a.json",
            "./a.json",
            "../a.json",
            "x/./a.json",
            "x/../a.json",
            "x//a.json",
            "x/a.json/",
            "x/a.json/.",
            ".",
            "..",
            "/",
            "",
            "a/.",
            "a/..",
            "//a.json",
            "clients/.hidden.json",
        ] {
            let path = Path::new(text);
            let expected = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(|name| (name, path.parent().and_then(Path::file_name).and_then(|p| p.to_str())));
            if let Some(found) = plain_name_and_parent(path) {
                assert_eq!(Some(found), expected, "{text:?}");
            }
        }
        // Plain paths are read off the text (the fast path is taken, not only consistent).
        for text in [
            "a.json",
            "clients/a.json",
            "/clients/a.json",
            "/a.json",
            "x/clients/a.json",
            "clients/.hidden.json",
        ] {
            assert!(plain_name_and_parent(Path::new(text)).is_some(), "{text:?}");
        }
    }

    fn content_kind(text: &str) -> Option<Kind> {
        kind_from_content(&parse(text, &ParseOptions::default()).unwrap().root)
    }

    #[test]
    fn names() {
        let k = |p: &str| kind_from_file_name(Path::new(p));
        assert_eq!(k(".well-known/openid-configuration"), Some(Kind::Server));
        assert_eq!(k("x/oauth-authorization-server.json"), Some(Kind::Server));
        assert_eq!(k("idp.discovery.json"), Some(Kind::Server));
        assert_eq!(k("oauth-protected-resource"), Some(Kind::Resource));
        assert_eq!(k("keys/jwks.json"), Some(Kind::Jwks));
        assert_eq!(k("a.jwks.json"), Some(Kind::Jwks));
        assert_eq!(k("web.client.json"), Some(Kind::Client));
        assert_eq!(k("clients/web.json"), Some(Kind::Client));
        assert_eq!(k("package.json"), None);
    }

    #[test]
    fn content() {
        assert_eq!(content_kind(r#"{"keys": []}"#), Some(Kind::Jwks));
        assert_eq!(content_kind(r#"{"issuer": "https://a"}"#), Some(Kind::Server));
        assert_eq!(
            content_kind(r#"{"redirect_uris": ["https://a/cb"]}"#),
            Some(Kind::Client)
        );
        assert_eq!(
            content_kind(r#"{"resource": "https://a", "authorization_servers": []}"#),
            Some(Kind::Resource)
        );
        assert_eq!(content_kind(r#"{"name": "x", "version": "1"}"#), None);
    }

    #[test]
    fn roles() {
        let role = |t: &str| detect_role(&parse(t, &ParseOptions::default()).unwrap().root);
        assert_eq!(role(r#"{"redirect_uris": []}"#), Role::Request);
        assert_eq!(role(r#"{"client_id": "a", "client_id_issued_at": 1}"#), Role::Response);
        assert_eq!(role(r#"{"client_id": "https://app.example/meta.json"}"#), Role::Cimd);
        assert_eq!(role(r#"{"client_id": "a"}"#), Role::Config);
        assert_eq!(
            role(r#"{"iss": "OpenBanking Ltd", "software_id": "x"}"#),
            Role::Statement
        );
        assert_eq!(role(r#"{"software_id": "x", "client_name": "A"}"#), Role::Statement);
        assert_eq!(
            role(r#"{"software_id": "x", "grant_types": ["client_credentials"]}"#),
            Role::Request
        );
        assert_eq!(
            role(r#"{"software_id": "x", "redirect_uris": ["https://a/cb"]}"#),
            Role::Request
        );
        assert_eq!(role(r#"{"software_statement": "a.b.c", "iss": "x"}"#), Role::Request);
    }
}
