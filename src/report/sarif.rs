//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.
//!
//! One run; `tool.driver.rules` describes every rule the results refer to (id, name,
//! descriptions, help, `helpUri`, default level); each result has `ruleId`/`ruleIndex`, `level`, the message, a relative
//! `artifactLocation.uri` with `uriBaseId` `%SRCROOT%` (the working directory), a `region` with
//! start and end line and column (columns in Unicode code points, declared by `columnKind`), the
//! JSON Pointer as a logical location, and the other file's location of a cross check in
//! `relatedLocations`. No source snippets are embedded, so no secret can leak through them.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Value, json};

use super::{Reporter, Summary, rule_url};
use crate::diagnostic::Severity;
use crate::lint::FileReport;
use crate::rules;
use crate::source::SourceFile;

#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
    /// Codes of the rules the results refer to, in the order of `tool.driver.rules`.
    rules: Vec<&'static str>,
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
    let p = Path::new(path);
    let relative = if p.is_absolute() {
        match std::env::current_dir()
            .ok()
            .and_then(|cwd| p.strip_prefix(cwd).ok().map(Path::to_path_buf))
        {
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

fn location(file: &SourceFile, start: usize, end: usize, pointer: &str) -> Value {
    let s = file.position(start);
    let e = file.position(end.max(start));
    let (uri, relative) = relative_uri(&file.path);
    let mut artifact = json!({ "uri": uri });
    if relative {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {
                "startLine": s.line,
                "startColumn": s.column,
                "endLine": e.line,
                "endColumn": e.column.max(if e.line == s.line { s.column + 1 } else { 1 }),
            }
        }
    });
    if !pointer.is_empty() {
        loc["logicalLocations"] = json!([{ "fullyQualifiedName": pointer, "kind": "member" }]);
    }
    loc
}

impl Reporter for Sarif {
    fn file(&mut self, report: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        if report.skipped {
            return Ok(());
        }
        for d in &report.diagnostics {
            let index = match self.rules.iter().position(|&c| c == d.rule.code) {
                Some(i) => i,
                None => {
                    self.rules.push(d.rule.code);
                    self.rules.len() - 1
                }
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.rule.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [location(&report.source, d.span.start, d.span.end, &d.pointer)],
            });
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let file = r.file.as_deref().unwrap_or(&report.source);
                        let mut loc = location(file, r.span.start, r.span.end, &r.pointer);
                        loc["id"] = json!(i);
                        loc["message"] = json!({ "text": r.message });
                        loc
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        // The rules the results refer to (GitHub reads a result's rule from here).
        let rules: Vec<Value> = self
            .rules
            .iter()
            .filter_map(|code| rules::find(code))
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
        let srcroot = std::env::current_dir()
            .ok()
            .and_then(|d| url::Url::from_directory_path(d).ok())
            .map(|u| u.to_string());
        let mut run = json!({
            "tool": {
                "driver": {
                    "name": "oauth-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": crate::HOMEPAGE_URL,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        });
        if let Some(root) = srcroot {
            run["originalUriBaseIds"] = json!({ "%SRCROOT%": { "uri": root } });
        }
        let doc = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
        writeln!(out)
    }
}
