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
            message: sanitize(message.into()),
            pointer: pointer.into(),
            span,
            help: None,
            related: Vec::new(),
        }
    }

    /// Sets how to fix it.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(sanitize(help.into()));
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
            message: sanitize(message.into()),
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
            message: sanitize(message.into()),
        });
        self
    }
}

/// Longest message, help or label text kept (in characters): messages quote values, and a value can
/// be megabytes long in a hostile document.
pub const MAX_MESSAGE_CHARS: usize = 4096;

/// Makes text taken from a document safe to print: control characters (other than line feeds) and
/// bidirectional overrides are written as `\u{…}` escapes, so a member name cannot move a
/// terminal's cursor, fake a line of output or reorder what is shown; overlong text is cut.
pub fn sanitize(text: String) -> String {
    let unsafe_char =
        |c: char| (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if text.len() <= MAX_MESSAGE_CHARS && !has_unsafe_char(text.as_bytes()) {
        return text;
    }
    let mut out = String::with_capacity(text.len().min(MAX_MESSAGE_CHARS + 16));
    for (i, c) in text.chars().enumerate() {
        if i == MAX_MESSAGE_CHARS {
            out.push('…');
            break;
        }
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether UTF-8 `bytes` hold a character [`sanitize`] escapes, decided on the bytes (messages are
/// sanitised by the tens of thousands in a large run): C0 controls but the line feed, DEL, C1
/// controls (`C2 80`–`C2 9F`), and the bidirectional controls U+202A–U+202E (`E2 80 AA`–`AE`) and
/// U+2066–U+2069 (`E2 81 A6`–`A9`).
fn has_unsafe_char(bytes: &[u8]) -> bool {
    // Most messages are printable ASCII: one pass that the compiler vectorises (a byte-wise OR
    // of one comparison) says so.
    let outside_printable_ascii = bytes
        .iter()
        .fold(0u8, |acc, &b| acc | u8::from(b.wrapping_sub(0x20) >= 0x5f));
    if outside_printable_ascii == 0 {
        return false;
    }
    // No byte that can start an unsafe character.
    let suspicious = bytes.iter().fold(false, |acc, &b| {
        acc | ((b < 0x20) & (b != b'\n')) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    });
    if !suspicious {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {}
            0x00..=0x1f | 0x7f => return true,
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => return true,
            0xe2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => return true,
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_bytes_agree_with_unsafe_chars() {
        let unsafe_char =
            |c: char| (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        for cp in (0..0x3000u32).chain(0xfff0..0x10000).chain(0x1f600..0x1f610) {
            let Some(c) = char::from_u32(cp) else { continue };
            let text = format!("a{c}b");
            assert_eq!(has_unsafe_char(text.as_bytes()), unsafe_char(c), "U+{cp:04X}");
        }
    }

    #[test]
    fn sanitize_escapes_controls_and_cuts_long_text() {
        assert_eq!(sanitize("plain `x`\nline".into()), "plain `x`\nline");
        assert_eq!(
            sanitize("a\u{1b}[2Jb\rc\u{202e}d".into()),
            "a\\u{1b}[2Jb\\u{d}c\\u{202e}d"
        );
        let long = sanitize("é".repeat(MAX_MESSAGE_CHARS + 10));
        assert_eq!(long.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
