//! Diagnostics: what a rule found, where, and how to fix it.

use std::fmt;
use std::sync::Arc;

use crate::json::Span;
use crate::rules::Rule;
use crate::source::SourceFile;

/// How serious a finding is (SPEC §4 severity policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, often intentional.
    Info,
    /// A SHOULD, a security best current practice, or a likely mistake.
    Warning,
    /// A MUST is broken, or the configuration cannot work.
    Error,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location: in the same file (`file: None`) or another one (a cross-check's server).
#[derive(Clone, Debug)]
pub struct Related {
    /// The other file, or `None` for the same file.
    pub file: Option<Arc<SourceFile>>,
    /// Pointer of the related node in its file.
    pub pointer: String,
    /// Byte span in its file.
    pub span: Span,
    /// What the location shows.
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The rule that fired.
    pub rule: &'static Rule,
    /// The effective severity (after configuration and profiles).
    pub severity: Severity,
    /// The fact, quoting the value (never a secret).
    pub message: String,
    /// RFC 6901 pointer of the node at fault (the containing object for a missing member).
    pub pointer: String,
    /// Byte span of the node at fault.
    pub span: Span,
    /// How to fix it.
    pub help: Option<String>,
    /// Secondary locations, possibly in other files.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A finding at the rule's default severity.
    pub fn new(rule: &'static Rule, span: Span, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: rule.severity,
            message: message.into(),
            pointer: pointer.into(),
            span,
            help: None,
            related: Vec::new(),
        }
    }

    /// Sets how to fix it.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Overrides the rule's default severity for this finding (for rules whose seriousness depends
    /// on context, e.g. an http redirect URI with or without the implicit flow).
    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }

    /// Adds a secondary location in the same file.
    pub fn related(&mut self, span: Span, pointer: impl Into<String>, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            file: None,
            pointer: pointer.into(),
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a secondary location in another file.
    pub fn related_in(
        &mut self,
        file: Arc<SourceFile>,
        span: Span,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Self {
        self.related.push(Related {
            file: Some(file),
            pointer: pointer.into(),
            span,
            message: message.into(),
        });
        self
    }
}
