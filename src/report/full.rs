//! `--format full`: miette's graphical report, with source snippets (secrets masked), labels in
//! both files for cross checks, the rule code and its documentation link.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};

use super::{Reporter, Summary, rule_url};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileReport;
use crate::source::SourceFile;

pub struct Full {
    handler: GraphicalReportHandler,
    pub summary: bool,
}

impl Full {
    /// `color`: ANSI colours and Unicode box drawing; otherwise plain ASCII-safe output.
    pub fn new(color: bool, width: usize) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false)
                .with_urls(true)
                .with_context_lines(2),
            summary: true,
        }
    }
}

/// A source file as miette reads it: the masked text under the display path.
fn named_source(file: &SourceFile) -> NamedSource<String> {
    NamedSource::new(&file.path, file.masked_text().into_owned()).with_language("json")
}

struct Adapter<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a NamedSource<String>,
    /// Related locations in other files, each rendered as a nested diagnostic.
    others: Vec<OtherFile>,
}

struct OtherFile {
    message: String,
    source: NamedSource<String>,
    label: LabeledSpan,
}

impl fmt::Debug for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Adapter<'_> {}

impl MietteDiagnostic for Adapter<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}({})",
            self.diagnostic.rule.code, self.diagnostic.rule.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(rule_url(self.diagnostic.rule.code)))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        if self.source.inner().is_empty() {
            None
        } else {
            Some(self.source)
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.source.inner().is_empty() {
            return None;
        }
        let d = self.diagnostic;
        let text = self.source.inner();
        let (start, len) = snippet_span(text, d.span.start, d.span.len());
        let label = if len < d.span.len() {
            "in this object".to_owned()
        } else {
            short_label(d)
        };
        let primary = LabeledSpan::new_primary_with_span(Some(label), (start, len));
        let same_file = d.related.iter().filter(|r| r.file.is_none()).map(|r| {
            LabeledSpan::new_with_span(Some(r.message.clone()), snippet_span(text, r.span.start, r.span.len()))
        });
        Some(Box::new(std::iter::once(primary).chain(same_file)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn MietteDiagnostic> + 'b>> {
        if self.others.is_empty() {
            return None;
        }
        Some(Box::new(self.others.iter().map(|o| o as &dyn MietteDiagnostic)))
    }
}

/// A span to draw: a value spanning more than three lines (the object a missing member belongs
/// in, usually the whole document) is drawn as its first character, so the snippet stays short.
/// The JSON and SARIF outputs keep the full span.
fn snippet_span(text: &str, start: usize, len: usize) -> (usize, usize) {
    let end = (start + len).min(text.len());
    let lines = text.get(start..end).map_or(0, |t| t.matches('\n').count());
    if lines > 3 {
        (start, text[start..].chars().next().map_or(0, char::len_utf8))
    } else {
        (start, len)
    }
}

/// The text under the primary caret: the rule name keeps it short; the message is above.
fn short_label(d: &Diagnostic) -> String {
    match d.severity {
        Severity::Error => "here".into(),
        Severity::Warning => "here".into(),
        Severity::Info => "note".into(),
    }
}

impl fmt::Debug for OtherFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for OtherFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OtherFile {}

impl MietteDiagnostic for OtherFile {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

impl Reporter for Full {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let source = named_source(&report.source);
        let mut other_sources: Vec<(Arc<SourceFile>, NamedSource<String>)> = Vec::new();
        for d in &report.diagnostics {
            let mut others = Vec::new();
            for r in d.related.iter() {
                let Some(file) = &r.file else { continue };
                let named = match other_sources.iter().find(|(f, _)| Arc::ptr_eq(f, file)) {
                    Some((_, n)) => n.clone(),
                    None => {
                        let n = named_source(file);
                        other_sources.push((Arc::clone(file), n.clone()));
                        n
                    }
                };
                others.push(OtherFile {
                    message: format!("{}: {}", file.path, r.message),
                    source: named,
                    label: LabeledSpan::new_primary_with_span(Some(r.message.clone()), (r.span.start, r.span.len())),
                });
            }
            let adapter = Adapter {
                diagnostic: d,
                source: &source,
                others,
            };
            let mut rendered = String::new();
            self.handler
                .render_report(&mut rendered, &adapter)
                .map_err(|e| io::Error::other(e.to_string()))?;
            if source.inner().is_empty() {
                // No snippet (unreadable or oversized file): still say which file.
                writeln!(out, "{}:", report.source.path)?;
            }
            writeln!(out, "{rendered}")?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.summary {
            for note in &summary.notes {
                writeln!(out, "note: {note}")?;
            }
            writeln!(out, "{}", summary.line())?;
        }
        Ok(())
    }
}
