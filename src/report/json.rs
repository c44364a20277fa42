//! `--format json`: exactly one JSON document (SPEC §7):
//! `{"version":1,"files":[…],"diagnostics":[…],"summary":{…}}` plus `pairs` and `notes` when there
//! are any, pretty-printed.
//!
//! Written as it goes, so memory does not grow with the number of files: each file's entry goes
//! straight to the output; its diagnostics, which belong after the whole `files` array, go to a
//! [`Spill`] (memory up to a threshold, then a temporary file) that `finish()` copies after
//! closing `files`, followed by the summary. The bytes are those of the whole document
//! pretty-printed at once.

use std::io::{self, Write};

use serde::Serialize;

use super::stream::{PrettyArray, Spill, write_pretty_at};
use super::{Reporter, Summary};
use crate::json::Position;
use crate::lint::FileReport;

/// The `json` reporter: one pretty-printed JSON document for the whole run, streamed.
pub struct Json {
    /// The `files` array, written to the output (opened by the first `file()`).
    files: PrettyArray,
    started: bool,
    /// The `diagnostics` array's elements, until `finish()`.
    diagnostics: PrettyArray,
    spill: Spill,
}

impl Default for Json {
    fn default() -> Self {
        Self {
            files: PrettyArray::new(1),
            started: false,
            diagnostics: PrettyArray::new(1),
            spill: Spill::default(),
        }
    }
}

impl Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    kind: &'static str,
    role: Option<&'static str>,
    valid_json: bool,
}

#[derive(Serialize)]
struct DiagnosticEntry<'a> {
    path: &'a str,
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    pointer: &'a str,
    help: Option<&'a str>,
    start: Position,
    end: Position,
    related: Vec<RelatedEntry<'a>>,
}

#[derive(Serialize)]
struct RelatedEntry<'a> {
    path: &'a str,
    pointer: &'a str,
    message: &'a str,
    start: Position,
    end: Position,
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
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        let source = &report.source;
        let file = FileEntry {
            path: &source.path,
            kind: report.kind.map_or("unknown", |k| k.as_str()),
            role: report.role.map(|r| r.as_str()),
            valid_json: report.valid_json,
        };
        self.files.push(&file, out)?;
        for d in &report.diagnostics {
            let entry = DiagnosticEntry {
                path: &source.path,
                code: d.rule.code,
                rule: d.rule.name,
                severity: d.severity.as_str(),
                message: &d.message,
                pointer: &d.pointer,
                help: d.help.as_deref(),
                start: source.position(d.span.start),
                end: source.position(d.span.end),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let file = r.file.as_deref().unwrap_or(source);
                        RelatedEntry {
                            path: &file.path,
                            pointer: &r.pointer,
                            message: &r.message,
                            start: file.position(r.span.start),
                            end: file.position(r.span.end),
                        }
                    })
                    .collect(),
            };
            self.diagnostics.push(&entry, &mut self.spill)?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        self.files.close(out)?;
        out.write_all(b",\n  \"diagnostics\": [")?;
        self.spill.copy_to(out)?;
        self.diagnostics.close(out)?;
        let mut scratch = Vec::new();
        out.write_all(b",\n  \"summary\": ")?;
        let entry = SummaryEntry {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            skipped: summary.skipped,
        };
        write_pretty_at(&entry, 1, &mut scratch, out)?;
        // Which server each client was checked against (cross checks); only when there are any.
        if !summary.pairs.is_empty() {
            out.write_all(b",\n  \"pairs\": ")?;
            write_pretty_at(&summary.pairs, 1, &mut scratch, out)?;
        }
        if !summary.notes.is_empty() {
            out.write_all(b",\n  \"notes\": ")?;
            write_pretty_at(&summary.notes, 1, &mut scratch, out)?;
        }
        out.write_all(b"\n}\n")
    }
}
