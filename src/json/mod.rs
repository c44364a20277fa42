//! A strict, span-preserving JSON (RFC 8259) parser.
//!
//! Why hand-written rather than `serde_json` plus a post-pass: a linter needs the byte range of every
//! member name, value and array element, every duplicate member kept (serde_json silently keeps the
//! last one), the exact byte and an "expected …" message for every syntax error, and numbers as their
//! source text. serde_json exposes none of that, and re-scanning its input to recover spans would
//! mean writing most of a parser anyway. The parser here is iterative (an explicit stack, never
//! recursion), so no input can overflow the stack, and it borrows every string that has no escape
//! from the input, which keeps it at least as fast as `serde_json::from_slice::<Value>`
//! (see `benches/parse.rs`).
//!
//! Conformance: every `y_` file of JSONTestSuite is accepted and every `n_` file rejected
//! (`tests/jsontestsuite.rs`). Implementation-defined choices (`i_` files): invalid UTF-8 anywhere is
//! rejected; a lone surrogate escape (`"\uD800"`) is accepted, decoded as U+FFFD and reported as a
//! warning (RFC 8259 §8.2 calls such strings unpredictable); numbers of any magnitude are accepted
//! and kept as text (the member's rules decide what range is acceptable); a UTF-8 byte order mark is
//! accepted and reported.

mod lines;
mod parser;
mod pointer;
mod value;

pub use lines::{LineIndex, Position};
pub use parser::{ParseError, ParseErrorKind, ParseOptions, ParseWarning, ParseWarningKind, Parsed, parse};
pub(crate) use pointer::push_decimal;
pub use pointer::{Pointer, escape_token};
pub use value::{Duplicate, Member, Node, Object, Span, Value};

/// Default maximum nesting depth of arrays and objects.
pub const DEFAULT_MAX_DEPTH: usize = 128;
/// Hard ceiling for `--max-depth`: deeper trees could exhaust the stack in code that walks them.
pub const MAX_DEPTH_CEILING: usize = 10_000;
/// Default maximum number of elements in one array, or of members in one object.
pub const DEFAULT_MAX_ENTRIES: usize = 10_000;

/// Splits a member name at its first `#` (a language tag, `client_name#ja-Jpan-JP`): the base
/// name and the tag. A byte scan: names are short, and every member of every document is split.
pub fn split_language_tag(name: &str) -> Option<(&str, &str)> {
    let at = name.bytes().position(|b| b == b'#')?;
    Some((&name[..at], &name[at + 1..]))
}
