//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.
//!
//! One run; `tool.driver.rules` describes every rule the results refer to (id, name,
//! descriptions, help, `helpUri`, default level); each result has `ruleId`/`ruleIndex`, `level`, the message, a relative
//! `artifactLocation.uri` with `uriBaseId` `%SRCROOT%` (the working directory), a `region` with
//! start and end line and column (columns in Unicode code points, declared by `columnKind`), the
//! JSON Pointer as a logical location, and the other file's location of a cross check in
//! `relatedLocations`. No source snippets are embedded, so no secret can leak through them.
//!
//! Written as it goes: the header and each result go to the output as the files come, and
//! `finish()` closes `results` and writes `tool` (whose `rules` lists only the rules that fired,
//! known at the end). Members are in alphabetical order, as serde_json writes a `Value`, so
//! `results` precedes `tool`; the bytes are those of the whole log pretty-printed at once. Memory
//! holds only the list of rules that fired.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use super::stream::{PrettyArray, write_pretty_at};
use super::{Reporter, Summary, rule_url};
use crate::diagnostic::Severity;
use crate::lint::FileReport;
use crate::rules::Rule;
use crate::source::SourceFile;

/// The `sarif` reporter: one SARIF 2.1.0 run, as GitHub code scanning accepts it.
pub struct Sarif {
    started: bool,
    results: PrettyArray,
    /// The rules the results refer to, in the order of `tool.driver.rules`.
    rules: Vec<&'static Rule>,
    rule_index: HashMap<&'static str, usize>,
    cwd: Option<PathBuf>,
    /// The URI of the last path seen: a file's results all have the same.
    last_uri: Option<(String, (String, bool))>,
}

impl Default for Sarif {
    fn default() -> Self {
        Self {
            started: false,
            results: PrettyArray::new(3),
            rules: Vec::new(),
            rule_index: HashMap::new(),
            cwd: std::env::current_dir().ok(),
            last_uri: None,
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` separators, percent-encoded where URIs require it.
/// Absolute paths below the working directory are made relative; others become `file://` URIs.
pub fn relative_uri(path: &str) -> (String, bool) {
    relative_uri_in(path, std::env::current_dir().ok().as_deref())
}

fn relative_uri_in(path: &str, cwd: Option<&Path>) -> (String, bool) {
    let p = Path::new(path);
    let relative = if p.is_absolute() {
        match cwd.and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf)) {
            Some(r) => r,
            None => {
                return (
                    url::Url::from_file_path(p).map_or_else(|_| encode(path), |u| u.to_string()),
                    false,
                );
            }
        }
    } else {
        p.to_path_buf()
    };
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text).to_owned();
    (encode(&text), true)
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// A result and its parts, with their members in alphabetical order (see the module doc).

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Message<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    rule_id: &'static str,
    rule_index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[LogicalLocation<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message<'a>>,
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation<'a> {
    uri: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

fn region(file: &SourceFile, start: usize, end: usize) -> Region {
    let s = file.position(start);
    let e = file.position(end.max(start));
    Region {
        end_column: e.column.max(if e.line == s.line { s.column + 1 } else { 1 }),
        end_line: e.line,
        start_column: s.column,
        start_line: s.line,
    }
}

fn location<'a>(
    file: &SourceFile,
    uri: &'a (String, bool),
    start: usize,
    end: usize,
    pointer: &'a str,
) -> Location<'a> {
    Location {
        id: None,
        logical_locations: (!pointer.is_empty()).then_some([LogicalLocation {
            fully_qualified_name: pointer,
            kind: "member",
        }]),
        message: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: &uri.0,
                uri_base_id: uri.1.then_some("%SRCROOT%"),
            },
            region: region(file, start, end),
        },
    }
}

impl Sarif {
    /// Writes everything before the first result.
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        out.write_all(
            b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",",
        )?;
        let srcroot = self
            .cwd
            .as_ref()
            .and_then(|d| url::Url::from_directory_path(d).ok())
            .map(|u| u.to_string());
        if let Some(root) = srcroot {
            out.write_all(b"\n      \"originalUriBaseIds\": ")?;
            let base = json!({ "%SRCROOT%": { "uri": root } });
            write_pretty_at(&base, 3, &mut Vec::new(), out)?;
            out.write_all(b",")?;
        }
        out.write_all(b"\n      \"results\": [")
    }

    fn rule_index(&mut self, rule: &'static Rule) -> usize {
        *self.rule_index.entry(rule.code).or_insert_with(|| {
            self.rules.push(rule);
            self.rules.len() - 1
        })
    }

    /// The URI of a path, from the last one computed when it is the same path.
    fn uri(&mut self, path: &str) -> (String, bool) {
        match &self.last_uri {
            Some((last, uri)) if last == path => uri.clone(),
            _ => {
                let uri = relative_uri_in(path, self.cwd.as_deref());
                self.last_uri = Some((path.to_owned(), uri.clone()));
                uri
            }
        }
    }
}

impl Reporter for Sarif {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        if report.skipped {
            return Ok(());
        }
        let source = &report.source;
        let uri = self.uri(&source.path);
        let mut message = String::new();
        for d in &report.diagnostics {
            let rule_index = self.rule_index(d.rule);
            message.clear();
            message.push_str(&d.message);
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let related_uris: Vec<(String, bool)> = d
                .related
                .iter()
                .map(|r| match &r.file {
                    Some(file) => self.uri(&file.path),
                    None => uri.clone(),
                })
                .collect();
            let related_locations = d
                .related
                .iter()
                .zip(&related_uris)
                .enumerate()
                .map(|(i, (r, uri))| {
                    let file = r.file.as_deref().unwrap_or(source);
                    let mut loc = location(file, uri, r.span.start, r.span.end, &r.pointer);
                    loc.id = Some(i);
                    loc.message = Some(Message { text: &r.message });
                    loc
                })
                .collect();
            let result = SarifResult {
                level: level(d.severity),
                locations: [location(source, &uri, d.span.start, d.span.end, &d.pointer)],
                message: Message { text: &message },
                related_locations,
                rule_id: d.rule.code,
                rule_index,
            };
            self.results.push(&result, out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        self.results.close(out)?;
        // The rules the results refer to (GitHub reads a result's rule from here).
        let rules: Vec<_> = self
            .rules
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": { "text": r.summary },
                    "fullDescription": { "text": format!("{}.", r.summary) },
                    "help": { "text": r.docs, "markdown": r.docs },
                    "helpUri": rule_url(r.code),
                    "defaultConfiguration": { "level": level(r.severity) },
                    "properties": { "tags": [r.code.trim_end_matches(|c: char| c.is_ascii_digit())] },
                })
            })
            .collect();
        let tool = json!({
            "driver": {
                "name": "oauth-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": crate::HOMEPAGE_URL,
                "rules": rules,
            }
        });
        out.write_all(b",\n      \"tool\": ")?;
        write_pretty_at(&tool, 3, &mut Vec::new(), out)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}
