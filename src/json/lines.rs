//! Byte offset → line and column, computed only when a diagnostic is rendered.

/// A 1-based line and column (columns count Unicode scalar values) plus the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values from the start of the line.
    pub column: usize,
    /// The byte offset, clamped to the text and moved back to a character boundary.
    pub offset: usize,
}

/// The start offset of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The number of characters before each multiple of [`CHAR_BLOCK`] bytes, so a column costs at
    /// most one block of counting even on a minified document that is one multi-megabyte line.
    /// Empty for an all-ASCII text (most documents), where characters are bytes.
    block_chars: Vec<usize>,
}

/// Bytes per entry of [`LineIndex::block_chars`].
const CHAR_BLOCK: usize = 256;

/// Characters in `bytes`: every byte that is not a UTF-8 continuation byte starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Lines end at `\n` (so `\r\n` works too). A leading UTF-8 byte order mark is not a column.
    pub fn new(text: &str) -> Self {
        let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut starts = vec![first];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        if text.is_ascii() {
            return Self {
                starts,
                block_chars: Vec::new(),
            };
        }
        let mut block_chars = Vec::with_capacity(text.len() / CHAR_BLOCK + 1);
        let mut total = 0;
        block_chars.push(0);
        for block in text.as_bytes().chunks(CHAR_BLOCK) {
            total += count_chars(block);
            block_chars.push(total);
        }
        Self { starts, block_chars }
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        if self.block_chars.is_empty() {
            return offset;
        }
        let block = offset / CHAR_BLOCK;
        self.block_chars[block] + count_chars(&text.as_bytes()[block * CHAR_BLOCK..offset])
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1].min(offset);
        let column = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        Position { line, column, offset }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_scalar_values() {
        let text = "{\r\n  \"é\": \"ü\",\n\"x\"}";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.position(text, 0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        let u = text.find('ü').unwrap();
        let p = idx.position(text, u);
        assert_eq!((p.line, p.column), (2, 9));
        let x = text.find("\"x\"").unwrap();
        assert_eq!((idx.position(text, x).line, idx.position(text, x).column), (3, 1));
        assert_eq!(idx.position(text, text.len()).line, 3);
    }

    #[test]
    fn columns_on_a_long_line() {
        let text = format!("{}é{}x", "a".repeat(1000), "ü".repeat(700));
        let idx = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(idx.position(&text, x).column, 1000 + 1 + 700 + 1);
        for offset in (0..text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(idx.position(&text, offset).column, text[..offset].chars().count() + 1);
        }
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}{}";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 3).column, 1);
        assert_eq!(idx.position(text, 0).column, 1);
    }
}
