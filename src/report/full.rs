//! `--format full`: miette's graphical report, with source snippets (secrets masked), labels in
//! both files for cross checks, the rule code and its documentation link.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{Reporter, Summary, rule_url};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileReport;
use crate::source::SourceFile;

/// The `full` reporter (the default on a terminal): each finding rendered by miette with its source snippet.
pub struct Full {
    handler: GraphicalReportHandler,
    /// Print the notes and the summary line at the end (off with `--quiet`).
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

/// A source file as miette reads it: the masked text under the display path, with long lines cut
/// to a window around the labels. A minified document is a single line; miette would print all of
/// it (megabytes, for a hostile one) for every finding.
struct Snippet {
    file: Arc<SourceFile>,
    masked: String,
}

/// A snippet longer than this (in bytes) shows only a window of the labelled line(s).
const MAX_SNIPPET: usize = 2000;
/// Bytes shown on each side of a label in a window.
const WINDOW_MARGIN: usize = 120;
/// The longest label underline (in bytes): a label on a megabyte value underlines its beginning.
const MAX_LABEL: usize = 240;

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl Snippet {
    fn new(file: &Arc<SourceFile>) -> Arc<Snippet> {
        Arc::new(Snippet {
            file: Arc::clone(file),
            masked: file.masked_text().into_owned(),
        })
    }

    fn is_empty(&self) -> bool {
        self.masked.is_empty()
    }

    /// A label's span, shortened to [`MAX_LABEL`] bytes.
    fn label(&self, span: crate::json::Span) -> (usize, usize) {
        let start = floor_boundary(&self.masked, span.start);
        let end = floor_boundary(&self.masked, span.end.min(start + MAX_LABEL)).max(start);
        let lines = self.masked.as_bytes()[start..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        if lines > 3 {
            let first = self.masked[start..].chars().next().map_or(0, char::len_utf8);
            return (start, first);
        }
        (start, end - start)
    }

    fn line_start(&self, offset: usize) -> usize {
        memchr::memrchr(b'\n', &self.masked.as_bytes()[..offset]).map_or(0, |i| i + 1)
    }

    /// The offset just past the end of the line holding `offset` (its `\n` included).
    fn line_end(&self, offset: usize) -> usize {
        memchr::memchr(b'\n', &self.masked.as_bytes()[offset..]).map_or(self.masked.len(), |i| offset + i + 1)
    }

    fn contents(&self, start: usize, end: usize) -> Box<dyn SpanContents<'_> + '_> {
        let p = self.file.position(start);
        let line_count = self.file.position(self.masked.len()).line;
        Box::new(
            MietteSpanContents::new_named(
                crate::diagnostic::sanitize(self.file.path.clone()),
                &self.masked.as_bytes()[start..end],
                (start, end - start).into(),
                p.line - 1,
                p.column - 1,
                line_count,
            )
            .with_language("json"),
        )
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = &self.masked;
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let start = floor_boundary(text, span.offset());
        let end = floor_boundary(text, span.offset() + span.len()).max(start);
        if context_lines_before == 0 && context_lines_after == 0 {
            return Ok(self.contents(start, floor_boundary(text, end.min(start + MAX_SNIPPET)).max(start)));
        }
        let mut first = self.line_start(start);
        for _ in 0..context_lines_before {
            if first == 0 {
                break;
            }
            first = self.line_start(first - 1);
        }
        let mut last = self.line_end(end.saturating_sub(1).max(start));
        for _ in 0..context_lines_after {
            if last == text.len() {
                break;
            }
            last = self.line_end(last);
        }
        if last - first <= MAX_SNIPPET {
            return Ok(self.contents(first, last));
        }
        // Too long to show whole: a window of the labelled line(s) around the labels.
        let first = floor_boundary(text, start.saturating_sub(WINDOW_MARGIN).max(self.line_start(start)));
        let last = (end + WINDOW_MARGIN).min(self.line_end(end.saturating_sub(1).max(start)));
        let last = floor_boundary(text, last.min(first + MAX_SNIPPET));
        Ok(self.contents(first, last))
    }
}

struct Adapter<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Snippet,
    /// Related locations in other files, each rendered as a nested diagnostic.
    others: Vec<OtherFile>,
}

struct OtherFile {
    message: String,
    source: Arc<Snippet>,
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
        if self.source.is_empty() {
            None
        } else {
            Some(self.source)
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.source.is_empty() {
            return None;
        }
        let d = self.diagnostic;
        let (start, len) = self.source.label(d.span);
        // A value spanning several lines (the object a missing member belongs in) is drawn as
        // its first character; JSON and SARIF keep the full span.
        let label = if len < d.span.len() && self.source.masked.get(start..start + 1) == Some("{") {
            "in this object".to_owned()
        } else {
            short_label(d)
        };
        let primary = LabeledSpan::new_primary_with_span(Some(label), (start, len));
        let same_file = d
            .related
            .iter()
            .filter(|r| r.file.is_none())
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), self.source.label(r.span)));
        Some(Box::new(std::iter::once(primary).chain(same_file)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn MietteDiagnostic> + 'b>> {
        if self.others.is_empty() {
            return None;
        }
        Some(Box::new(self.others.iter().map(|o| o as &dyn MietteDiagnostic)))
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
        Some(&*self.source)
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
        let source = Snippet::new(&report.source);
        let mut other_sources: Vec<Arc<Snippet>> = Vec::new();
        for d in &report.diagnostics {
            let mut others = Vec::new();
            for r in d.related.iter() {
                let Some(file) = &r.file else { continue };
                let named = match other_sources.iter().find(|s| Arc::ptr_eq(&s.file, file)) {
                    Some(s) => Arc::clone(s),
                    None => {
                        let s = Snippet::new(file);
                        other_sources.push(Arc::clone(&s));
                        s
                    }
                };
                let label = named.label(r.span);
                others.push(OtherFile {
                    message: format!("{}: {}", crate::diagnostic::sanitize(file.path.clone()), r.message),
                    source: named,
                    label: LabeledSpan::new_primary_with_span(Some(r.message.clone()), label),
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
            if source.is_empty() {
                // No snippet (unreadable or oversized file): still say which file.
                writeln!(out, "{}:", crate::diagnostic::sanitize(report.source.path.clone()))?;
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
