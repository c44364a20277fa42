//! Helpers for the document formats (json, sarif, junit) that write each file's results as they
//! come instead of holding the whole document until the end.
//!
//! - [`PrettyArray`] writes the elements of a pretty-printed JSON array one at a time, with the
//!   bytes `serde_json::to_writer_pretty` would produce for the whole document, so streaming does
//!   not change the output.
//! - [`Spill`] holds the part of a document that must come after something only known at the end
//!   (the json format's `diagnostics` after its `files`, JUnit's test cases after the counts in
//!   `<testsuites>`): in memory up to [`SPILL_THRESHOLD`] bytes, then in an unnamed temporary
//!   file, and is copied to the output in `finish()`.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use serde::Serialize;

/// Spilled bytes kept in memory before moving to a temporary file: most runs never touch the
/// disk, and a large run holds at most this much.
pub const SPILL_THRESHOLD: usize = 256 * 1024;

const INDENT: &[u8] = b"  ";

/// Writes `value` pretty-printed as if it were nested `depth` levels deep in a pretty-printed
/// document (its first line is not indented: it follows a key or an array separator).
/// `scratch` is a reused buffer.
pub fn write_pretty_at<T: Serialize + ?Sized>(
    value: &T,
    depth: usize,
    scratch: &mut Vec<u8>,
    out: &mut dyn Write,
) -> io::Result<()> {
    scratch.clear();
    serde_json::to_writer_pretty(&mut *scratch, value).map_err(io::Error::other)?;
    // The pretty printer writes newlines only between tokens (a newline in a string is escaped),
    // so indenting after every newline indents every line but the first.
    let mut rest = &scratch[..];
    while let Some(i) = memchr::memchr(b'\n', rest) {
        out.write_all(&rest[..=i])?;
        indent(depth, out)?;
        rest = &rest[i + 1..];
    }
    out.write_all(rest)
}

fn indent(depth: usize, out: &mut dyn Write) -> io::Result<()> {
    for _ in 0..depth {
        out.write_all(INDENT)?;
    }
    Ok(())
}

/// The elements of a pretty-printed JSON array whose `[` is on a line indented `depth` levels.
/// The caller writes the `[`; [`PrettyArray::close`] writes the `]`.
pub struct PrettyArray {
    depth: usize,
    len: usize,
    scratch: Vec<u8>,
}

impl PrettyArray {
    pub fn new(depth: usize) -> Self {
        Self {
            depth,
            len: 0,
            scratch: Vec::new(),
        }
    }

    /// Writes one element (with the separator before it).
    pub fn push<T: Serialize + ?Sized>(&mut self, value: &T, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.len == 0 { b"\n" } else { b",\n" })?;
        indent(self.depth + 1, out)?;
        self.len += 1;
        write_pretty_at(value, self.depth + 1, &mut self.scratch, out)
    }

    /// Writes the `]` (an empty array is `[]`, as serde_json writes it).
    pub fn close(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.len > 0 {
            out.write_all(b"\n")?;
            indent(self.depth, out)?;
        }
        out.write_all(b"]")
    }
}

/// Bytes written now and copied to the output at the end; in memory up to [`SPILL_THRESHOLD`],
/// then in a temporary file readable only by the user and removed when dropped (on Unix it is
/// unlinked as soon as it is created). If no temporary file can be created, the bytes stay in
/// memory: the report is still right, only not bounded.
#[derive(Default)]
pub struct Spill {
    memory: Vec<u8>,
    file: Option<TempFile>,
    /// A temporary file could not be created: do not try again for every write.
    no_file: bool,
}

struct TempFile {
    writer: BufWriter<File>,
    /// Still to remove on drop (not on Unix, where it is unlinked at once).
    path: Option<PathBuf>,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = &self.path {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl TempFile {
    fn create() -> io::Result<TempFile> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let dir = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut last_error = None;
        for _ in 0..8 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".oauth-lint-{}-{n}-{nanos}.spill", std::process::id()));
            match options.open(&path) {
                Ok(file) => {
                    let path = if cfg!(unix) && std::fs::remove_file(&path).is_ok() {
                        None
                    } else {
                        Some(path)
                    };
                    return Ok(TempFile {
                        writer: BufWriter::with_capacity(64 * 1024, file),
                        path,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("no temporary file name left")))
    }
}

impl Spill {
    /// Copies everything written so far to `out`, and empties the spill.
    pub fn copy_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if let Some(mut file) = self.file.take() {
            file.writer.flush()?;
            let inner = file.writer.get_mut();
            inner.seek(SeekFrom::Start(0))?;
            // Larger reads than io::copy's 8 KiB: fewer system calls for a report of many MB.
            let mut buffer = vec![0; 64 * 1024];
            loop {
                match inner.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(n) => out.write_all(&buffer[..n])?,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        out.write_all(&self.memory)?;
        self.memory = Vec::new();
        Ok(())
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.file.is_none() && !self.no_file && self.memory.len() + buf.len() > SPILL_THRESHOLD {
            match TempFile::create() {
                Ok(mut file) => {
                    file.writer.write_all(&self.memory)?;
                    self.memory = Vec::new();
                    self.file = Some(file);
                }
                Err(_) => self.no_file = true,
            }
        }
        match &mut self.file {
            Some(file) => file.writer.write(buf),
            None => {
                self.memory.extend_from_slice(buf);
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.writer.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_array_matches_serde_json() {
        let items = [
            serde_json::json!({ "a": 1, "b": [1, 2, { "c": "x\ny" }], "d": [] }),
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!("s"),
        ];
        for n in 0..=items.len() {
            let doc = serde_json::json!({ "outer": { "list": &items[..n] }, "z": 1 });
            let expected = serde_json::to_string_pretty(&doc).unwrap();

            let mut out = Vec::new();
            out.extend_from_slice(b"{\n  \"outer\": {\n    \"list\": [");
            let mut array = PrettyArray::new(2);
            for item in &items[..n] {
                array.push(item, &mut out).unwrap();
            }
            array.close(&mut out).unwrap();
            out.extend_from_slice(b"\n  },\n  \"z\": 1\n}");
            assert_eq!(String::from_utf8(out).unwrap(), expected, "{n} elements");
        }
    }

    #[test]
    fn spill_keeps_order_across_the_threshold() {
        let mut spill = Spill::default();
        let mut expected = Vec::new();
        let chunk: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
        for i in 0..(3 * SPILL_THRESHOLD / chunk.len()) {
            spill.write_all(&chunk[i % 7..]).unwrap();
            expected.extend_from_slice(&chunk[i % 7..]);
        }
        assert!(spill.file.is_some(), "moved to a temporary file");
        assert!(spill.memory.is_empty());
        let mut out = Vec::new();
        spill.copy_to(&mut out).unwrap();
        assert!(out == expected);
    }
}
