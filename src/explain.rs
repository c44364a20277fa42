//! `oauth-lint explain-client`: what a client configuration means once the defaults and the
//! seed's resolution rules (SPEC §5) apply — for each setting, the effective value or accepted set
//! and where it came from (the client, the server's list, or a specification default), and
//! whether the paired server supports it.

#![warn(missing_docs)]

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::cross::effective::{
    ClientEffective, Effective, EffectiveList, SignedResponse, accepted_algs, default_response_mode,
};
use crate::cross::{Provenance, ServerDoc};
use crate::document::{self, Kind};
use crate::json::{self, ParseOptions};
use crate::source::SourceFile;

/// The explanation of one client (optionally against a server).
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The client file.
    pub client: String,
    /// The client's role (`request`, `response`, `config`, `cimd`).
    pub role: &'static str,
    /// The server file, when paired.
    pub server: Option<String>,
    /// One row per setting.
    pub values: Vec<Row>,
}

/// One setting.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The client metadata member (or what the row stands for, e.g. `id_token accepted algs`).
    pub member: String,
    /// The effective value (a string, a boolean, a list) or `null` when nothing applies.
    pub value: serde_json::Value,
    /// `client`, `server`, `default` or `unspecified`.
    pub source: &'static str,
    /// Where in which file, when the value is written in a document.
    pub location: Option<RowLocation>,
    /// The specification (or rule) that gives a default, or what an unset value means.
    pub reference: Option<String>,
    /// What the paired server says about the value.
    pub server: Option<ServerCheck>,
}

/// A position in a file.
#[derive(Clone, Debug, Serialize)]
pub struct RowLocation {
    /// The file.
    pub path: String,
    /// RFC 6901 pointer.
    pub pointer: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// The server's side of one setting.
#[derive(Clone, Debug, Serialize)]
pub struct ServerCheck {
    /// The server metadata member compared with.
    pub member: &'static str,
    /// `supported`, `unsupported`, `not_advertised` or `info`.
    pub status: &'static str,
    /// The server's effective list (own or default), when it has one.
    pub values: Option<Vec<String>>,
    /// Whether the list is the server's own (`server`) or a default (`default`).
    pub source: Option<&'static str>,
}

struct Builder<'a> {
    client_file: &'a SourceFile,
    server: Option<&'a ServerDoc>,
    rows: Vec<Row>,
}

impl Builder<'_> {
    fn location(&self, provenance: &Provenance) -> (Option<RowLocation>, Option<String>) {
        let at = |file: &SourceFile, l: &crate::cross::Location| {
            let p = file.position(l.span.start);
            RowLocation {
                path: file.path.clone(),
                pointer: l.pointer.clone(),
                line: p.line,
                column: p.column,
            }
        };
        match provenance {
            Provenance::Client(l) => (Some(at(self.client_file, l)), None),
            Provenance::Server(l) => (self.server.map(|s| at(s.source(), l)), None),
            Provenance::Default { reference } => (None, Some((*reference).to_owned())),
            Provenance::Unspecified { meaning } => (None, Some((*meaning).to_owned())),
        }
    }

    fn push(
        &mut self,
        member: impl Into<String>,
        value: serde_json::Value,
        provenance: &Provenance,
        server: Option<ServerCheck>,
    ) {
        let (location, reference) = self.location(provenance);
        self.rows.push(Row {
            member: member.into(),
            value,
            source: provenance.kind_str(),
            location,
            reference,
            server,
        });
    }

    /// Compares values with a server list: all listed → supported; list absent → not advertised.
    fn check(&self, list_member: &'static str, values: &[&str]) -> Option<ServerCheck> {
        let server = self.server?;
        Some(match server.list(list_member) {
            Some(list) => ServerCheck {
                member: list_member,
                status: if values.iter().all(|v| list.contains(v)) {
                    "supported"
                } else {
                    "unsupported"
                },
                source: Some(list.provenance.kind_str()),
                values: Some(list.values),
            },
            None => ServerCheck {
                member: list_member,
                status: "not_advertised",
                values: None,
                source: None,
            },
        })
    }

    fn string(&mut self, member: &str, value: &Effective<String>, list: Option<&'static str>) {
        let check = list.and_then(|l| self.check(l, &[&value.value]));
        self.push(member, value.value.clone().into(), &value.provenance, check);
    }

    fn optional(
        &mut self,
        member: &str,
        value: Option<&Effective<String>>,
        meaning: &'static str,
        list: Option<&'static str>,
    ) {
        match value {
            Some(v) => self.string(member, v, list),
            None => {
                let check = list.and_then(|l| {
                    let mut c = self.check(l, &[])?;
                    c.status = "info";
                    Some(c)
                });
                self.push(
                    member,
                    serde_json::Value::Null,
                    &Provenance::Unspecified { meaning },
                    check,
                );
            }
        }
    }

    fn boolean(&mut self, member: &str, value: &Effective<bool>) {
        self.push(member, value.value.into(), &value.provenance, None);
    }

    fn list(&mut self, member: &str, list: &EffectiveList, server_list: Option<&'static str>) {
        let values: Vec<&str> = list.values().collect();
        let check = server_list.and_then(|l| self.check(l, &values));
        self.push(member, serde_json::json!(values), &list.provenance, check);
    }
}

/// Explains a parsed client document, optionally against a server.
pub fn explain(
    client_file: &SourceFile,
    client: &json::Object<'_>,
    role: &'static str,
    server: Option<&ServerDoc>,
) -> Explanation {
    let effective = ClientEffective::of(client, &client_file.text);
    let mut b = Builder {
        client_file,
        server,
        rows: Vec::new(),
    };
    b.string(
        "token_endpoint_auth_method",
        &effective.token_endpoint_auth_method,
        Some("token_endpoint_auth_methods_supported"),
    );
    for response in SignedResponse::ALL {
        let accepted = accepted_algs(client, server, response);
        let algs: Vec<&str> = accepted.algs.iter().map(String::as_str).collect();
        let check = match accepted.provenance {
            Provenance::Client(_) => b.check(response.server_member(), &algs),
            _ => None,
        };
        b.push(
            format!("{} (accepts)", response.client_member()),
            serde_json::json!(algs),
            &accepted.provenance,
            check,
        );
    }
    b.optional(
        "token_endpoint_auth_signing_alg",
        effective.token_endpoint_auth_signing_alg.as_ref(),
        "not set: any algorithm the server lists",
        Some("token_endpoint_auth_signing_alg_values_supported"),
    );
    b.list("grant_types", &effective.grant_types, Some("grant_types_supported"));
    b.list(
        "response_types",
        &effective.response_types,
        Some("response_types_supported"),
    );
    for item in &effective.response_types.items {
        let mode = default_response_mode(&item.value);
        let check = b.check("response_modes_supported", &[mode]);
        let provenance = Provenance::Default {
            reference: "Multiple Response Types §2.1",
        };
        b.push(
            format!("response mode of {:?}", item.value),
            mode.into(),
            &provenance,
            check,
        );
    }
    b.string("application_type", &effective.application_type, None);
    b.string(
        "id_token_signed_response_alg (registered)",
        &effective.id_token_signed_response_alg,
        Some("id_token_signing_alg_values_supported"),
    );
    b.optional(
        "request_object_signing_alg",
        effective.request_object_signing_alg.as_ref(),
        "not set: any algorithm the server lists",
        Some("request_object_signing_alg_values_supported"),
    );
    for encryption in &effective.encryption {
        let purpose = encryption.purpose;
        match (&encryption.alg, &encryption.enc) {
            (Some(alg), enc) => {
                b.string(purpose.client_alg, alg, Some(purpose.server_alg));
                if let Some(enc) = enc {
                    b.string(purpose.client_enc, enc, Some(purpose.server_enc));
                }
            }
            (None, _) => b.push(
                purpose.client_alg,
                serde_json::Value::Null,
                &Provenance::Unspecified {
                    meaning: "not set: not encrypted",
                },
                None,
            ),
        }
    }
    b.optional(
        "subject_type",
        effective.subject_type.as_ref(),
        "not set: the server's default subject type",
        Some("subject_types_supported"),
    );
    if let Some(acr) = &effective.default_acr_values {
        b.list("default_acr_values", acr, Some("acr_values_supported"));
    }
    if let Some(scope) = &effective.scope {
        b.list("scope", scope, Some("scopes_supported"));
    }
    if let Some(mode) = &effective.backchannel_token_delivery_mode {
        b.string(
            "backchannel_token_delivery_mode",
            mode,
            Some("backchannel_token_delivery_modes_supported"),
        );
    }
    if let Some(types) = &effective.authorization_details_types {
        b.list(
            "authorization_details_types",
            types,
            Some("authorization_details_types_supported"),
        );
    }
    b.boolean("require_auth_time", &effective.require_auth_time);
    match &effective.default_max_age {
        Some(age) => b.push("default_max_age", age.value.into(), &age.provenance, None),
        None => b.push(
            "default_max_age",
            serde_json::Value::Null,
            &Provenance::Unspecified {
                meaning: "not set: no maximum authentication age",
            },
            None,
        ),
    }
    b.boolean("dpop_bound_access_tokens", &effective.dpop_bound_access_tokens);
    b.boolean(
        "tls_client_certificate_bound_access_tokens",
        &effective.tls_client_certificate_bound_access_tokens,
    );
    b.boolean(
        "require_pushed_authorization_requests",
        &effective.require_pushed_authorization_requests,
    );
    b.boolean(
        "require_signed_request_object",
        &effective.require_signed_request_object,
    );
    b.boolean(
        "backchannel_logout_session_required",
        &effective.backchannel_logout_session_required,
    );
    b.boolean(
        "frontchannel_logout_session_required",
        &effective.frontchannel_logout_session_required,
    );
    b.boolean("use_mtls_endpoint_aliases", &effective.use_mtls_endpoint_aliases);
    Explanation {
        client: client_file.path.clone(),
        role,
        server: server.map(|s| s.path().to_owned()),
        values: b.rows,
    }
}

fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn from_text(row: &Row) -> String {
    match (row.source, &row.location, &row.reference) {
        ("client", Some(l), _) => format!("client, line {}", l.line),
        ("server", Some(l), _) => format!("server list, line {}", l.line),
        ("default", _, Some(r)) => format!("default, {r}"),
        (_, _, Some(r)) => r.clone(),
        (s, _, _) => s.to_owned(),
    }
}

fn server_text(check: &Option<ServerCheck>) -> String {
    let Some(c) = check else { return String::new() };
    let list = c.values.as_ref().map(|v| v.join(", ")).unwrap_or_default();
    let default = if c.source == Some("default") { " (default)" } else { "" };
    match c.status {
        "supported" => format!("✓ listed{default}"),
        "unsupported" => format!("✗ not listed{default} (lists {list})"),
        "not_advertised" => "? not advertised".to_owned(),
        _ if list.is_empty() => "? no list".to_owned(),
        _ => format!("lists {list}{default}"),
    }
}

/// Renders the explanation as a terminal table.
pub fn render_table(e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "client: {} ({})", e.client, e.role);
    match &e.server {
        Some(s) => {
            let _ = writeln!(out, "server: {s}");
        }
        None => {
            let _ = writeln!(out, "server: none (pass --server to resolve server lists)");
        }
    }
    out.push('\n');
    let rows: Vec<[String; 4]> = e
        .values
        .iter()
        .map(|r| {
            [
                r.member.clone(),
                value_text(&r.value),
                from_text(r),
                server_text(&r.server),
            ]
        })
        .collect();
    let headers = ["SETTING", "EFFECTIVE VALUE", "FROM", "SERVER"];
    let columns = if e.server.is_some() { 4 } else { 3 };
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain(std::iter::once(headers[i].len()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().take(columns).enumerate() {
            if i + 1 == columns {
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(&headers.map(str::to_owned)));
    let _ = writeln!(
        out,
        "{}",
        line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>())
    );
    for r in &rows {
        let _ = writeln!(out, "{}", line(r));
    }
    out
}

/// `explain-client` end to end: reads the files, explains, renders (`json`: one JSON document).
pub fn run(client_path: &Path, server_path: Option<&Path>, json: bool) -> Result<String, String> {
    let display = client_path.to_string_lossy().into_owned();
    let bytes =
        crate::lint::read_bounded(client_path, crate::lint::DEFAULT_MAX_FILE_SIZE).map_err(|e| e.describe(&display))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("`{display}` is not UTF-8"))?;
    let source = Arc::new(SourceFile::new(display.clone(), text));
    let parsed = json::parse(&source.text, &ParseOptions::default())
        .map_err(|e| format!("`{display}` is not valid JSON: {} (byte {})", e.message, e.offset))?;
    let client = parsed
        .root
        .as_object()
        .ok_or_else(|| format!("`{display}` is not a JSON object"))?;
    if let Some(kind) = document::kind_from_file_name(client_path).or_else(|| document::kind_from_content(&parsed.root))
        && kind != Kind::Client
    {
        return Err(format!("`{display}` is {}, not client metadata", kind.describe()));
    }
    let server = match server_path {
        Some(path) => {
            let shown = path.to_string_lossy().into_owned();
            let bytes = crate::lint::read_bounded(path, crate::lint::DEFAULT_MAX_FILE_SIZE)
                .map_err(|e| format!("the server document: {}", e.describe(&shown)))?;
            Some(ServerDoc::from_bytes(&shown, bytes).map_err(|e| format!("`{shown}`: {e}"))?)
        }
        None => None,
    };
    let role = document::detect_role(&parsed.root).as_str();
    let explanation = explain(&source, client, role, server.as_ref());
    if json {
        let mut s = serde_json::to_string_pretty(&explanation).map_err(|e| e.to_string())?;
        s.push('\n');
        Ok(s)
    } else {
        Ok(render_table(&explanation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain_text(client: &str, server: Option<&str>) -> Explanation {
        let source = SourceFile::new("app.client.json", client);
        let parsed = json::parse(client, &ParseOptions::default()).unwrap();
        let server = server.map(|s| ServerDoc::from_bytes("as.discovery.json", s.as_bytes().to_vec()).unwrap());
        explain(&source, parsed.root.as_object().unwrap(), "request", server.as_ref())
    }

    fn row<'e>(e: &'e Explanation, member: &str) -> &'e Row {
        e.values.iter().find(|r| r.member == member).unwrap()
    }

    #[test]
    fn seed_rules_and_defaults() {
        let e = explain_text(
            r#"{"redirect_uris": ["https://a.example/cb"], "userinfo_signed_response_alg": "ES256"}"#,
            Some(r#"{"issuer": "https://as.example", "id_token_signing_alg_values_supported": ["PS256"]}"#),
        );
        let method = row(&e, "token_endpoint_auth_method");
        assert_eq!(method.value, "client_secret_basic");
        assert_eq!(method.source, "default");
        assert_eq!(method.server.as_ref().unwrap().status, "supported");
        let id = row(&e, "id_token_signed_response_alg (accepts)");
        assert_eq!(id.value, serde_json::json!(["PS256"]));
        assert_eq!(id.source, "server");
        let userinfo = row(&e, "userinfo_signed_response_alg (accepts)");
        assert_eq!(userinfo.source, "client");
        assert_eq!(userinfo.server.as_ref().unwrap().status, "not_advertised");
        let jarm = row(&e, "authorization_signed_response_alg (accepts)");
        assert_eq!(jarm.value, serde_json::json!(["RS256"]));
        assert_eq!(jarm.source, "default");
        let table = render_table(&e);
        assert!(
            table.contains("SETTING") && table.contains("client_secret_basic"),
            "{table}"
        );
    }
}
