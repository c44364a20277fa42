//! `--format json`: exactly one JSON document (SPEC §7).

use std::io::{self, Write};

use serde::Serialize;

use super::{Reporter, Summary};
use crate::json::Position;
use crate::lint::FileReport;

#[derive(Default)]
pub struct Json {
    files: Vec<FileEntry>,
    diagnostics: Vec<DiagnosticEntry>,
}

#[derive(Serialize)]
struct FileEntry {
    path: String,
    kind: &'static str,
    role: Option<&'static str>,
    valid_json: bool,
}

#[derive(Serialize)]
struct DiagnosticEntry {
    path: String,
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    message: String,
    pointer: String,
    help: Option<String>,
    start: Position,
    end: Position,
    related: Vec<RelatedEntry>,
}

#[derive(Serialize)]
struct RelatedEntry {
    path: String,
    pointer: String,
    message: String,
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: &'a [FileEntry],
    diagnostics: &'a [DiagnosticEntry],
    summary: SummaryEntry,
    /// Which server each client was checked against (cross checks); only when there are any.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pairs: &'a [super::PairRecord],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    notes: &'a [String],
}

#[derive(Serialize)]
struct SummaryEntry {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    skipped: usize,
}

impl Reporter for Json {
    fn file(&mut self, report: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        let source = &report.source;
        self.files.push(FileEntry {
            path: source.path.clone(),
            kind: report.kind.map_or("unknown", |k| k.as_str()),
            role: report.role.map(|r| r.as_str()),
            valid_json: report.valid_json,
        });
        for d in &report.diagnostics {
            self.diagnostics.push(DiagnosticEntry {
                path: source.path.clone(),
                code: d.rule.code,
                rule: d.rule.name,
                severity: d.severity.as_str(),
                message: d.message.clone(),
                pointer: d.pointer.clone(),
                help: d.help.clone(),
                start: source.position(d.span.start),
                end: source.position(d.span.end),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let file = r.file.as_deref().unwrap_or(source);
                        RelatedEntry {
                            path: file.path.clone(),
                            pointer: r.pointer.clone(),
                            message: r.message.clone(),
                            start: file.position(r.span.start),
                            end: file.position(r.span.end),
                        }
                    })
                    .collect(),
            });
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let doc = Document {
            version: 1,
            files: &self.files,
            diagnostics: &self.diagnostics,
            summary: SummaryEntry {
                files: summary.files,
                errors: summary.errors,
                warnings: summary.warnings,
                infos: summary.infos,
                skipped: summary.skipped,
            },
            pairs: &summary.pairs,
            notes: &summary.notes,
        };
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
        writeln!(out)
    }
}
