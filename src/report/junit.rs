//! `--format junit`: JUnit XML, one test case per file, one `<failure>` per finding (skipped
//! files appear as skipped test cases).
//!
//! The counts in `<testsuites>` are known only at the end, and they come before the test cases:
//! the cases go to a [`Spill`] (memory up to a threshold, then a temporary file) as the files
//! come, and `finish()` writes the header and copies them after it. Memory does not grow with the
//! number of files.

use std::io::{self, Write};

use super::stream::Spill;
use super::{Reporter, Summary};
use crate::lint::FileReport;

/// The `junit` reporter: JUnit XML with one test case per file and one `<failure>` per finding.
#[derive(Default)]
pub struct Junit {
    cases: Spill,
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
            writeln!(
                self.cases,
                "    <testcase name=\"{path}\" classname=\"{class}\" file=\"{path}\">\n      <skipped message=\"not OAuth metadata\"/>\n    </testcase>"
            )?;
            return Ok(());
        }
        if report.diagnostics.is_empty() {
            writeln!(
                self.cases,
                "    <testcase name=\"{path}\" classname=\"{class}\" file=\"{path}\"/>"
            )?;
            return Ok(());
        }
        self.failures += 1;
        writeln!(
            self.cases,
            "    <testcase name=\"{path}\" classname=\"{class}\" file=\"{path}\">"
        )?;
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
            writeln!(
                self.cases,
                "      <failure type=\"{} {}\" message=\"{}\">{}</failure>",
                escape(d.rule.code),
                d.severity,
                escape(&d.message),
                escape(&body)
            )?;
        }
        writeln!(self.cases, "    </testcase>")?;
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"oauth-lint\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"{2}\">\n  <testsuite name=\"oauth-lint\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"{2}\">",
            self.tests, self.failures, self.skipped
        )?;
        self.cases.copy_to(out)?;
        writeln!(out, "  </testsuite>\n</testsuites>")
    }
}
