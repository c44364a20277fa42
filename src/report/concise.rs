//! `--format concise`: one line per finding, `path:line:col: severity[CODE] message`.

use std::io::{self, Write};

use super::{Reporter, Summary};
use crate::lint::FileReport;

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
        // The file's lines are built in one buffer and written at once.
        use std::fmt::Write as _;
        let mut lines = String::with_capacity(report.diagnostics.len() * 128);
        for d in &report.diagnostics {
            let p = report.source.position(d.span.start);
            let _ = write!(
                lines,
                "{}:{}:{}: {}[{}] ",
                report.source.path, p.line, p.column, d.severity, d.rule.code
            );
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
