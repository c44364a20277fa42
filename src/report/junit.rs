//! `--format junit`: JUnit XML, one test case per file, one `<failure>` per finding (skipped
//! files appear as skipped test cases).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Reporter, Summary};
use crate::lint::FileReport;

#[derive(Default)]
pub struct Junit {
    cases: String,
    tests: usize,
    failures: usize,
    skipped: usize,
}

/// Escapes text for XML 1.0 content and attributes; characters XML cannot carry are replaced.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A raw CR would be normalised away by XML parsers (and rewrites a terminal line).
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

impl Reporter for Junit {
    fn file(&mut self, report: &FileReport, _out: &mut dyn Write) -> io::Result<()> {
        self.tests += 1;
        let path = escape(&report.source.path);
        let class = format!("oauth-lint.{}", report.kind.map_or("unknown", |k| k.as_str()));
        if report.skipped {
            self.skipped += 1;
            let _ = writeln!(
                self.cases,
                "    <testcase name=\"{path}\" classname=\"{class}\" file=\"{path}\">\n      <skipped message=\"not OAuth metadata\"/>\n    </testcase>"
            );
            return Ok(());
        }
        if report.diagnostics.is_empty() {
            let _ = writeln!(
                self.cases,
                "    <testcase name=\"{path}\" classname=\"{class}\" file=\"{path}\"/>"
            );
            return Ok(());
        }
        self.failures += 1;
        let _ = writeln!(
            self.cases,
            "    <testcase name=\"{path}\" classname=\"{class}\" file=\"{path}\">"
        );
        for d in &report.diagnostics {
            let p = report.source.position(d.span.start);
            let mut body = format!(
                "{}:{}:{}: {}[{}] {}\npointer: {}",
                report.source.path,
                p.line,
                p.column,
                d.severity,
                d.rule.code,
                d.message,
                if d.pointer.is_empty() { "\"\"" } else { &d.pointer }
            );
            if let Some(help) = &d.help {
                body.push_str("\nhelp: ");
                body.push_str(help);
            }
            let _ = writeln!(
                self.cases,
                "      <failure type=\"{} {}\" message=\"{}\">{}</failure>",
                escape(d.rule.code),
                d.severity,
                escape(&d.message),
                escape(&body)
            );
        }
        let _ = writeln!(self.cases, "    </testcase>");
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"oauth-lint\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"{2}\">\n  <testsuite name=\"oauth-lint\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"{2}\">",
            self.tests, self.failures, self.skipped
        )?;
        out.write_all(self.cases.as_bytes())?;
        writeln!(out, "  </testsuite>\n</testsuites>")
    }
}
