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
        for d in &report.diagnostics {
            let p = report.source.position(d.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                crate::diagnostic::sanitize(report.source.path.clone()),
                p.line,
                p.column,
                d.severity,
                d.rule.code,
                d.message.replace('\n', " ")
            )?;
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
