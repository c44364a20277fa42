//! Output formats, one file each. A reporter sees each file's report in input order, then the
//! summary; what it writes goes to one writer (stdout, or a file written atomically).
//!
//! A reporter writes as it goes: memory must not grow with the number of files (SPEC §8), only
//! with the largest one. Document formats whose end depends on every file (json, sarif, junit)
//! stream what they can and spill the rest to a temporary file (`stream.rs`);
//! `tests/report_streaming.rs` checks it.

mod concise;
mod full;
pub mod github;
mod json;
pub mod junit;
pub mod sarif;
mod stream;

pub use concise::Concise;
pub use full::Full;
pub use github::Github;
pub use json::Json;
pub use junit::Junit;
pub use sarif::Sarif;

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::lint::FileReport;

/// Documentation link of a rule (the anchor of `docs/rules.md`).
pub fn rule_url(code: &str) -> String {
    format!("{}#{}", crate::DOCS_RULES_URL, code.to_ascii_lowercase())
}

/// A report format.
pub trait Reporter {
    /// Called once per input file, in input order.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()>;
    /// Called once at the end.
    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
}

/// Totals over a run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Files linted (skipped ones excluded).
    pub files: usize,
    /// Walked files that are not OAuth metadata.
    pub skipped: usize,
    /// Error-severity findings.
    pub errors: usize,
    /// Warning-severity findings.
    pub warnings: usize,
    /// Info-severity findings.
    pub infos: usize,
    /// Inputs that could not be read.
    pub unreadable: usize,
    /// Findings per rule code, with the rule name (unordered: counted for every finding of every
    /// file; [`Summary::statistics`] sorts).
    pub per_rule: std::collections::HashMap<&'static str, (&'static str, usize), crate::registry::NameHash>,
    /// Notes about how the run was set up (e.g. which server each client was paired with).
    pub notes: Vec<String>,
    /// Which server each client was checked against.
    pub pairs: Vec<PairRecord>,
}

/// A client checked against a server (cross checks).
#[derive(Clone, Debug, serde::Serialize)]
pub struct PairRecord {
    /// The client's display path.
    pub client: String,
    /// The server's display path.
    pub server: String,
    /// `flag` (`--server`) or `directory` (the only server document in a directory).
    pub source: &'static str,
}

impl Summary {
    /// Counts one file's report.
    pub fn add(&mut self, report: &FileReport) {
        if report.skipped {
            self.skipped += 1;
            return;
        }
        self.files += 1;
        if report.io_error {
            self.unreadable += 1;
        }
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            self.per_rule.entry(d.rule.code).or_insert((d.rule.name, 0)).1 += 1;
        }
    }

    /// One line: "Found 2 errors, 1 warning in 3 files." / "No problems found in 3 files."
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        for (n, word) in [(self.errors, "error"), (self.warnings, "warning"), (self.infos, "info")] {
            if n > 0 {
                parts.push(format!("{n} {word}{}", if n == 1 || word == "info" { "" } else { "s" }));
            }
        }
        let files = format!("{} file{}", self.files, if self.files == 1 { "" } else { "s" });
        let mut line = if parts.is_empty() {
            format!("No problems found in {files}")
        } else {
            format!("Found {} in {files}", parts.join(", "))
        };
        if self.skipped > 0 {
            line.push_str(&format!(
                " ({} skipped: not OAuth metadata; force with --kind)",
                self.skipped
            ));
        }
        line.push('.');
        line
    }

    /// The `--statistics` table: count, code, name, most frequent first.
    pub fn statistics(&self) -> String {
        let mut rows: Vec<_> = self
            .per_rule
            .iter()
            .map(|(code, (name, n))| (*n, *code, *name))
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let width = rows.iter().map(|r| r.0.to_string().len()).max().unwrap_or(1);
        rows.iter()
            .map(|(n, code, name)| format!("{n:>width$}  {code:<8} {name}\n"))
            .collect()
    }
}
