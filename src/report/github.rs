//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE (name)::message`), then a plain
//! summary line, since GitHub shows only the first annotations of each kind on the run page.

use std::io::{self, Write};

use super::{Reporter, Summary};
use crate::diagnostic::Severity;
use crate::lint::FileReport;

/// The `github` reporter: a GitHub Actions workflow command per finding, then a summary line.
#[derive(Default)]
pub struct Github;

/// Escapes a workflow command's message (`%`, CR, LF).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        // Relative to the workspace, as GitHub resolves it: without the `./` of `check .`.
        let shown = report.source.path.strip_prefix("./").unwrap_or(&report.source.path);
        let path = escape_property(&crate::diagnostic::sanitize(shown.to_owned()));
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let s = report.source.position(d.span.start);
            let e = report.source.position(d.span.end);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            for r in &d.related {
                let file = r.file.as_deref().unwrap_or(&report.source);
                let p = file.position(r.span.start);
                let shown = crate::diagnostic::sanitize(file.path.clone());
                message.push_str(&format!("\n{shown}:{}:{}: {}", p.line, p.column, r.message));
            }
            writeln!(
                out,
                "::{command} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                s.line,
                s.column,
                e.line,
                e.column,
                escape_property(&format!("{} ({})", d.rule.code, d.rule.name)),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "oauth-lint: {}", summary.line())?;
        let shown = summary.errors > 10 || summary.warnings > 10 || summary.infos > 10;
        if shown {
            writeln!(
                out,
                "oauth-lint: GitHub shows at most 10 annotations of each severity per step; see the log above for all of them."
            )?;
        }
        Ok(())
    }
}
