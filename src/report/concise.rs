//! `--format concise`: one line per finding, `path:line:col: severity[CODE] message`.

use std::io::{self, Write};

use super::{Reporter, Summary};
use crate::lint::FileReport;

/// The `concise` reporter: one `path:line:col: severity[CODE] message` line per finding.
#[derive(Default)]
pub struct Concise {
    /// Print the summary line (off with `--quiet`).
    pub summary: bool,
}

impl Reporter for Concise {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        // The file's lines are built in one buffer (without the formatting machinery: this runs
        // for every finding of every file) and written at once.
        let mut lines = String::with_capacity(report.diagnostics.len() * 128);
        // The path as printable text (the same for every line of the file).
        let path = crate::diagnostic::sanitize(report.source.path.clone());
        for d in &report.diagnostics {
            let p = report.source.position(d.span.start);
            lines.push_str(&path);
            lines.push(':');
            crate::json::push_decimal(&mut lines, p.line);
            lines.push(':');
            crate::json::push_decimal(&mut lines, p.column);
            lines.push_str(": ");
            lines.push_str(d.severity.as_str());
            lines.push('[');
            lines.push_str(d.rule.code);
            lines.push_str("] ");
            if d.message.contains('\n') {
                lines.push_str(&d.message.replace('\n', " "));
            } else {
                lines.push_str(&d.message);
            }
            lines.push('\n');
        }
        out.write_all(lines.as_bytes())
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

#[cfg(test)]
mod tests {
    #[test]
    fn numbers() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            let mut s = String::new();
            crate::json::push_decimal(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }
}
