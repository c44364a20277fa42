//! The document formats (json, sarif, junit) write as they go: their memory does not grow with the
//! number of files (SPEC §8), and json and sarif put each file's results in the output before the
//! next file comes.
//!
//! Heap use is measured with a counting allocator, per thread so that tests running in parallel do
//! not disturb each other; this file has its own test binary, so the allocator affects no other test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::{self, Write};
use std::sync::Arc;

use oauth_lint::diagnostic::Diagnostic;
use oauth_lint::document::Kind;
use oauth_lint::json::Span;
use oauth_lint::lint::FileReport;
use oauth_lint::report::{self, Reporter, Summary};
use oauth_lint::rules;
use oauth_lint::source::SourceFile;

struct Counting;

thread_local! {
    /// Bytes allocated minus bytes freed on this thread.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE.try_with(|live| live.set(live.get() + delta));
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live_bytes() -> isize {
    LIVE.with(Cell::get)
}

/// Counts what is written, keeps nothing.
#[derive(Default)]
struct CountingWriter {
    written: usize,
}

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.written += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

const SERVER: &str = "{\n  \"issuer\": \"http://as.example\",\n  \"token_endpoint\": \"http://as.example/token\"\n}\n";

/// A server report with a few findings, one with help and a related location.
fn server_report() -> FileReport {
    let source = Arc::new(SourceFile::new("servers/as.example/openid-configuration", SERVER));
    let mut diagnostics = Vec::new();
    for (i, needle) in ["\"issuer\"", "\"http://as.example\"", "\"token_endpoint\""]
        .into_iter()
        .cycle()
        .take(8)
        .enumerate()
    {
        let start = SERVER.find(needle).unwrap();
        let mut d = Diagnostic::new(
            &rules::doc::UNKNOWN_MEMBER,
            Span::new(start, start + needle.len()),
            "/issuer",
            format!("finding {i} about {needle}, long enough to weigh something in every format"),
        );
        d.help("a help text that is also long enough to weigh something in every format");
        d.related(Span::new(0, 1), "", "the document");
        diagnostics.push(d);
    }
    FileReport {
        source,
        kind: Some(Kind::Server),
        kind_source: None,
        role: None,
        valid_json: true,
        skipped: false,
        io_error: false,
        diagnostics,
    }
}

fn reporters() -> [(&'static str, Box<dyn Reporter>); 3] {
    [
        ("json", Box::new(report::Json::default())),
        ("sarif", Box::new(report::Sarif::default())),
        ("junit", Box::new(report::Junit::default())),
    ]
}

/// Heap growth allowed over many files: the spill buffer kept in memory (256 KiB), a write buffer and slack.
const ALLOWED_GROWTH: isize = 512 * 1024;

#[test]
fn memory_does_not_grow_with_the_number_of_files() {
    let report = server_report();
    for (name, mut reporter) in reporters() {
        let mut out = CountingWriter::default();
        let mut summary = Summary::default();
        // Warm up: the first files set up buffers and the table of rules that fired.
        for _ in 0..10 {
            summary.add(&report);
            reporter.file(&report, &mut out).unwrap();
        }
        let before = live_bytes();
        let mut peak = 0;
        // Enough files that holding their output would exceed the allowance several times over
        // (checked below).
        let files = 1000;
        for i in 0..files {
            summary.add(&report);
            reporter.file(&report, &mut out).unwrap();
            if i % 50 == 0 {
                peak = peak.max(live_bytes() - before);
            }
        }
        peak = peak.max(live_bytes() - before);
        let written_during_files = out.written;
        reporter.finish(&summary, &mut out).unwrap();
        assert!(
            out.written > 4 * ALLOWED_GROWTH as usize,
            "{name}: {files} files wrote only {} bytes, too few to tell",
            out.written
        );
        assert!(
            peak < ALLOWED_GROWTH,
            "{name}: the heap grew by {peak} bytes over {files} files ({} bytes of output): the \
             reporter holds its output until the end",
            out.written
        );
        drop(reporter);
        if name != "junit" {
            // JUnit's counts come first, so its test cases can only be written at the end.
            assert!(written_during_files > 0, "{name} wrote nothing before finish()");
        }
    }
}

#[test]
fn json_and_sarif_write_each_file_before_the_next() {
    let report = server_report();
    for (name, mut reporter) in reporters() {
        if name == "junit" {
            continue;
        }
        let mut out = CountingWriter::default();
        let mut previous = 0;
        for i in 0..3 {
            reporter.file(&report, &mut out).unwrap();
            assert!(
                out.written > previous,
                "{name}: file {i}'s results are not in the output after file()"
            );
            previous = out.written;
        }
        reporter.finish(&Summary::default(), &mut out).unwrap();
    }
}
