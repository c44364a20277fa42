//! A file's text, its display path, and what rendering needs (line index, secret spans).

use std::sync::OnceLock;

use crate::json::{LineIndex, Position, Span};

/// One input document as read.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or as found below a given directory); `-` for stdin unless
    /// `--stdin-filename` names it.
    pub path: String,
    /// The text (invalid UTF-8 replaced by U+FFFD after the first bad byte, which is the one
    /// reported, so every reported offset is an offset of the original bytes).
    pub text: String,
    lines: OnceLock<LineIndex>,
    secrets: OnceLock<Vec<Span>>,
}

impl SourceFile {
    /// A file with its display path and text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            lines: OnceLock::new(),
            secrets: OnceLock::new(),
        }
    }

    /// Line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines
            .get_or_init(|| LineIndex::new(&self.text))
            .position(&self.text, offset)
    }

    /// Records the spans of secret values (set once, after parsing).
    pub fn set_secret_spans(&self, spans: Vec<Span>) {
        let _ = self.secrets.set(spans);
    }

    /// Spans of values that must never be shown (client secrets, tokens, private key members).
    pub fn secret_spans(&self) -> &[Span] {
        self.secrets.get().map_or(&[], Vec::as_slice)
    }

    /// The text with every secret value replaced by `*` (quotes kept, same byte length), for
    /// rendering source snippets.
    pub fn masked_text(&self) -> std::borrow::Cow<'_, str> {
        let spans = self.secret_spans();
        if spans.is_empty() {
            return std::borrow::Cow::Borrowed(&self.text);
        }
        let mut bytes = self.text.clone().into_bytes();
        for span in spans {
            let inner = if bytes.get(span.start) == Some(&b'"') && span.len() >= 2 {
                // A string not closed (in a document that does not parse) has no closing quote.
                let closed = bytes[span.end - 1] == b'"';
                span.start + 1..span.end - usize::from(closed)
            } else {
                span.start..span.end
            };
            for b in &mut bytes[inner] {
                // Keep line structure so positions stay right.
                if *b != b'\n' && *b != b'\r' {
                    *b = b'*';
                }
            }
        }
        // Multi-byte characters were overwritten byte by byte with ASCII, so this stays UTF-8.
        std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
    }
}
