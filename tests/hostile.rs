//! Hostile inputs, generated at test time in a temporary directory: each run of the binary ends in
//! bounded time and memory, exits 1 or 2, and has a diagnostic that names the problem (with an exact
//! position where there is one).
//!
//! Sizes: every case of the list in docs/reliability.md runs here; those that are slow in an
//! unoptimised build (`size(full, reduced)`) run reduced in a debug `cargo test` and at full size in
//! a release build or with `OAUTH_LINT_HOSTILE_FULL=1` (scripts/hostile.sh, in release mode, which
//! also prints each case's time and peak memory).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The hard ceiling on every run's address space (`ulimit -v`): an allocation past it aborts the
/// run, which fails the exit-code check.
const ADDRESS_SPACE_LIMIT_KIB: u64 = 2 * 1024 * 1024;
/// Peak resident memory allowed: a base for the binary plus a multiple of the input size. The
/// densest JSON (`[1,1,1,…]`: two bytes per element) costs about 33 bytes of tree per input byte (a
/// node is a span and a value, in a vector that grows by doubling); strings cost about twice
/// their size (the text, and the copy the schema validator reads). The binary's allocator
/// (mimalloc, docs/performance.md) keeps the blocks a vector leaves behind as it grows for reuse
/// instead of returning them to the system, which about triples the peak of the densest case
/// (measured: 395 MB for two million elements, 4 MB; the system allocator: 208 MB).
const BASE_RSS_KIB: u64 = 64 * 1024;
const RSS_PER_INPUT_BYTE: u64 = 128;
const MAX_RSS_KIB: u64 = 1024 * 1024;

fn full_size() -> bool {
    std::env::var_os("OAUTH_LINT_HOSTILE_FULL").is_some_and(|v| v != "0")
}

/// `full` at full size, else `reduced`.
fn size(full: usize, reduced: usize) -> usize {
    if full_size() || cfg!(not(debug_assertions)) {
        full
    } else {
        reduced
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    peak_rss_kib: u64,
}

impl Run {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", &self.stdout[..self.stdout.len().min(2000)]))
    }

    /// The diagnostics of `--format json` with this code.
    fn with_code(&self, code: &str) -> Vec<serde_json::Value> {
        self.json()["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .cloned()
            .collect()
    }
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs the binary under an address-space limit, sampling its peak resident memory, and kills it
/// after `timeout`.
fn run_bounded(args: &[&str], input_bytes: u64, timeout: Duration, label: &str) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {ADDRESS_SPACE_LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_oauth-lint"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        stdout.read_to_end(&mut s).unwrap();
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        stderr.read_to_end(&mut s).unwrap();
        s
    });
    let start = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(p) = peak_rss_kib(pid) {
            peak = peak.max(p);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{label}: still running after {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = start.elapsed();
    let stdout = String::from_utf8_lossy(&out_thread.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_thread.join().unwrap()).into_owned();
    let run = Run {
        code: status.code(),
        stdout,
        stderr,
        elapsed,
        peak_rss_kib: peak,
    };
    if full_size() {
        eprintln!(
            "hostile: {label:<44} {:>10} bytes  {:>8.2} s  peak RSS {:>7.1} MiB  exit {:?}",
            input_bytes,
            run.elapsed.as_secs_f64(),
            run.peak_rss_kib as f64 / 1024.0,
            run.code
        );
    }
    let allowed = (BASE_RSS_KIB + input_bytes * RSS_PER_INPUT_BYTE / 1024).min(MAX_RSS_KIB);
    assert!(
        run.peak_rss_kib <= allowed,
        "{label}: peak RSS {} KiB over {allowed} KiB for {input_bytes} bytes",
        run.peak_rss_kib
    );
    assert!(
        matches!(run.code, Some(1 | 2)),
        "{label}: exit {:?}\nstderr: {}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{label}: {}", run.stderr);
    run
}

/// Seconds a case may take: generous for an unoptimised build on a shared machine.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("oauth-lint-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn lint_file(path: &Path, extra: &[&str], label: &str) -> Run {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mut args = vec!["check", "--isolated", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    run_bounded(&args, size, TIMEOUT, label)
}

fn assert_message(run: &Run, code: &str, needle: &str) -> serde_json::Value {
    let found = run.with_code(code);
    let d = found
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no {code} saying {needle:?} in {}",
                &run.stdout[..run.stdout.len().min(3000)]
            )
        });
    d.clone()
}

#[test]
fn nesting_a_million_deep() {
    let s = Scratch::new("deep");
    let depth = 1_000_000;
    let mut text = String::from("{\"client_name\": ");
    text.push_str(&"[".repeat(depth));
    let path = s.write("deep.client.json", text.as_bytes());
    let run = lint_file(&path, &[], "nesting 1,000,000 deep");
    assert_eq!(run.code, Some(1));
    let d = assert_message(&run, "JSON006", "deeper than the limit of 128");
    // The 129th container: the object is level 1, the arrays 2…
    assert_eq!(d["start"]["offset"], 16 + 127);
    // Objects too, and the limit is configurable up to its ceiling.
    let text = "{\"a\":".repeat(depth);
    let path = s.write("deep-objects.client.json", text.as_bytes());
    let run = lint_file(
        &path,
        &["--max-depth", "10000"],
        "objects 1,000,000 deep, --max-depth 10000",
    );
    let d = assert_message(&run, "JSON006", "limit of 10000");
    assert_eq!(d["start"]["offset"], 5 * 10_000);
}

#[test]
fn deep_but_within_the_highest_limit_is_linted() {
    // 10,000 levels (the --max-depth ceiling) of a member value every rule and the schema walk.
    let s = Scratch::new("deep-ok");
    let depth = 10_000;
    let text = format!(
        "{{\"redirect_uris\": {}\"x\"{}, \"jwks\": {{\"keys\": {}1{}}}}}",
        "[".repeat(depth - 1),
        "]".repeat(depth - 1),
        "[{\"k\":".repeat(depth / 2 - 2),
        "}]".repeat(depth / 2 - 2)
    );
    let path = s.write("deep.client.json", text.as_bytes());
    let run = lint_file(&path, &["--max-depth", "10000"], "10,000 deep, linted");
    assert_eq!(run.code, Some(1));
    assert!(!run.with_code("SCH001").is_empty(), "the wrong types are reported");
    // Objects and arrays alternating, where the schema and every rule walk (a JWK Set's keys).
    let text = format!("{{\"keys\": [{}1{}]}}", "{\"x\":[".repeat(4999), "]}".repeat(4999));
    let path = s.write("deep.jwks.json", text.as_bytes());
    let run = lint_file(&path, &["--max-depth", "10000"], "10,000 deep JWK Set, linted");
    assert_eq!(run.code, Some(1));
    assert!(!run.with_code("SCH001").is_empty(), "the wrong types are reported");
}

/// `{"client_name": "aaaa…"}` of `len` bytes in the string.
fn long_string_document(len: usize) -> Vec<u8> {
    let mut text = Vec::with_capacity(len + 64);
    text.extend_from_slice(b"{\"redirect_uris\": [\"");
    text.resize(text.len() + len, b'a');
    text.extend_from_slice(b"\"]}");
    text
}

#[test]
fn sixty_megabyte_string_is_refused_by_size() {
    let s = Scratch::new("60mb");
    let path = s.write("big.client.json", &long_string_document(60_000_000));
    let run = lint_file(&path, &[], "60 MB string, default limit");
    assert_eq!(run.code, Some(1));
    assert_message(&run, "JSON007", "over the limit of 10485760 bytes");
}

#[test]
fn sixty_megabyte_string_is_parsed_with_a_raised_limit() {
    let s = Scratch::new("60mb-raised");
    let len = size(60_000_000, 6_000_000);
    let path = s.write("big.client.json", &long_string_document(len));
    let run = lint_file(
        &path,
        &["--max-file-size", "100000000"],
        "60 MB string, --max-file-size 100 MB",
    );
    assert_eq!(run.code, Some(1));
    // Not an absolute URL; the value is quoted shortened.
    let d = assert_message(&run, "SCH002", "redirect_uris[0]");
    assert!(d["message"].as_str().unwrap().len() < 1000, "{}", d["message"]);
    assert!(run.stdout.len() < 100_000, "the report does not repeat the value");
}

#[test]
fn two_million_array_elements() {
    let s = Scratch::new("2m");
    let n = size(2_000_000, 400_000);
    let mut text = String::from("{\"redirect_uris\": [");
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push('1');
    }
    text.push_str("]}");
    let path = s.write("many.client.json", text.as_bytes());
    // At the default entry limit: refused where the list passes 10,000 elements.
    let run = lint_file(&path, &[], "2,000,000 array elements");
    assert_eq!(run.code, Some(1));
    let limit = assert_message(&run, "JSON010", "more than 10000 elements");
    assert_eq!(limit["pointer"], "/redirect_uris");
    // With the limit raised, every element is parsed and checked, and the findings are capped.
    let run = lint_file(
        &path,
        &["--max-entries", "3000000"],
        "2,000,000 array elements, limit raised",
    );
    assert_eq!(run.code, Some(1));
    let wrong = run.with_code("SCH001");
    assert!(!wrong.is_empty());
    assert!(
        wrong[0]["message"].as_str().unwrap().contains("must be a URL string"),
        "{}",
        wrong[0]
    );
    // The first 100 and a count of the rest.
    assert_eq!(wrong.len(), 101);
    assert!(
        wrong[100]["message"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{} more `SCH001` findings", n - 100)),
        "{}",
        wrong[100]
    );
}

#[test]
fn three_hundred_thousand_members() {
    let s = Scratch::new("300k");
    let n = size(300_000, 60_000);
    let mut text = String::from("{\"redirect_uris\": [\"https://a.example/cb\"]");
    for i in 0..n {
        text.push_str(&format!(",\"x_member_{i}\":{i}"));
    }
    text.push('}');
    let path = s.write("members.client.json", text.as_bytes());
    let run = lint_file(&path, &[], "300,000 members");
    assert_eq!(run.code, Some(1));
    let limit = assert_message(&run, "JSON010", "more than 10000 members");
    assert_eq!(limit["pointer"], "");
    let run = lint_file(
        &path,
        &["--max-entries", "1000000", "--severity", "DOC002=error"],
        "300,000 members, limit raised",
    );
    assert_eq!(run.code, Some(1));
    assert_message(&run, "DOC002", "x_member_0");
}

#[test]
fn one_hundred_thousand_duplicate_members() {
    let s = Scratch::new("dup");
    let n = size(100_000, 40_000);
    let mut text = String::from("{\"redirect_uris\": [\"https://a.example/cb\"]");
    for _ in 0..n {
        text.push_str(",\"client_name\":\"x\"");
    }
    text.push('}');
    let path = s.write("dups.client.json", text.as_bytes());
    let run = lint_file(&path, &[], "100,000 duplicate members");
    assert_eq!(run.code, Some(1));
    assert_message(&run, "JSON010", "more than 10000 members");
    let run = lint_file(
        &path,
        &["--max-entries", "1000000"],
        "100,000 duplicate members, limit raised",
    );
    assert_eq!(run.code, Some(1));
    assert_message(&run, "JSON003", "`client_name` appears more than once");
}

#[test]
fn nul_bytes() {
    let s = Scratch::new("nul");
    let path = s.write("nul.client.json", b"{\"client_name\": \"a\0b\"}");
    let run = lint_file(&path, &[], "NUL inside a string");
    assert_eq!(run.code, Some(1));
    let d = assert_message(&run, "JSON001", "control character U+0000");
    assert_eq!(d["start"]["offset"], 18);
    let path = s.write("nul2.client.json", b"\0\0\0\0{}");
    let run = lint_file(&path, &[], "NUL bytes before the document");
    let d = assert_message(&run, "JSON001", "byte 0x00");
    assert_eq!(d["start"]["offset"], 0);
    let path = s.write("nul3.client.json", b"{}\0");
    let run = lint_file(&path, &[], "NUL after the document");
    let d = assert_message(&run, "JSON001", "after the top-level value");
    assert_eq!(d["start"]["offset"], 2);
}

#[test]
fn truncated_documents() {
    let s = Scratch::new("truncated");
    let full = "{\n  \"redirect_uris\": [\"https://a.example/cb\"],\n  \"client_name\": \"Caf\\u00e9 ✓\",\n  \"default_max_age\": 3600\n}\n";
    // Every cut of the document: the error is at the end of the text, except where a cut leaves a
    // complete value (none here but the whole document).
    for cut in (1..full.len() - 2).filter(|&c| full.is_char_boundary(c)) {
        let path = s.write(&format!("cut{cut}.client.json"), &full.as_bytes()[..cut]);
        let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
            .args(["check", "--isolated", "--format", "json", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "cut at {cut}");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &doc["diagnostics"][0];
        assert_eq!(d["code"], "JSON001", "cut at {cut}: {d}");
        let trimmed = full[..cut].trim_end_matches([' ', '\n']).len();
        let offset = d["start"]["offset"].as_u64().unwrap() as usize;
        assert!(
            offset >= trimmed.min(cut) && offset <= cut,
            "cut at {cut}: offset {offset}: {d}"
        );
    }
    // The error says what was open, at the exact line and column.
    let text = "{\n  \"redirect_uris\": [\"https://a.example/cb\",\n";
    let path = s.write("open.client.json", text.as_bytes());
    let run = lint_file(&path, &[], "truncated inside an array");
    let d = assert_message(&run, "JSON001", "unexpected end of input");
    assert_eq!(d["start"]["offset"], text.len());
    assert_eq!(d["start"]["line"], 3);
    assert_eq!(d["start"]["column"], 1);
    assert_eq!(d["pointer"], "/redirect_uris");
}

#[test]
fn huge_numbers() {
    let s = Scratch::new("numbers");
    let digits = "9".repeat(size(5_000_000, 1_000_000));
    let text = format!(
        "{{\"redirect_uris\": [\"https://a.example/cb\"], \"default_max_age\": {digits}, \"client_id_issued_at\": 1e999999999, \"require_auth_time\": -1e-999999999}}"
    );
    let path = s.write("numbers.client.json", text.as_bytes());
    let run = lint_file(&path, &[], "huge numbers");
    assert_eq!(run.code, Some(1));
    let d = assert_message(&run, "SCH003", "default_max_age");
    assert!(
        d["message"].as_str().unwrap().len() < 1000,
        "the number is shortened: {}",
        d["message"]
    );
    assert!(run.stdout.len() < 100_000);
    assert!(
        !run.with_code("SCH001").is_empty(),
        "require_auth_time is not a boolean"
    );
}

#[test]
fn millions_of_escapes() {
    let s = Scratch::new("escapes");
    let n = size(1_500_000, 300_000);
    let mut text = String::from("{\"redirect_uris\": [\"https://a.example/cb\"], \"client_name\": \"");
    for i in 0..n {
        text.push_str(if i % 2 == 0 { "\\u00e9" } else { "\\n" });
    }
    text.push_str("\", \"logo_uri\": \"");
    text.push_str(&"\\ud800".repeat(n / 10));
    text.push_str("\"}");
    let path = s.write("escapes.client.json", text.as_bytes());
    let run = lint_file(&path, &[], "millions of escapes");
    assert_eq!(run.code, Some(1), "logo_uri is not a URL");
    assert!(!run.with_code("JSON005").is_empty(), "lone surrogates are reported");
}

#[test]
fn a_byte_order_mark_alone() {
    let s = Scratch::new("bom");
    let path = s.write("bom.client.json", b"\xEF\xBB\xBF");
    let run = lint_file(&path, &[], "BOM alone");
    assert_eq!(run.code, Some(1));
    let d = assert_message(&run, "JSON001", "unexpected end of input");
    assert_eq!(d["start"]["offset"], 3);
    // The byte order mark is not a column.
    assert_eq!(d["start"]["column"], 1);
}

#[test]
fn utf16_text() {
    let s = Scratch::new("utf16");
    let doc = "{\"redirect_uris\": [\"https://a.example/cb\"]}";
    let mut le = vec![0xFF, 0xFE];
    le.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be_no_bom = Vec::new();
    be_no_bom.extend(doc.encode_utf16().flat_map(u16::to_be_bytes));
    let a = s.write("le.client.json", &le);
    let b = s.write("be.client.json", &be_no_bom);
    for (path, which) in [(a, "UTF-16 (little-endian)"), (b, "UTF-16 (big-endian)")] {
        let run = lint_file(&path, &[], which);
        assert_eq!(run.code, Some(1));
        let d = assert_message(&run, "JSON002", which);
        assert_eq!(d["start"]["offset"], 0);
    }
    // Invalid UTF-8 elsewhere: the exact byte.
    let path = s.write("latin1.client.json", b"{\"client_name\": \"Caf\xE9\"}");
    let run = lint_file(&path, &[], "Latin-1 byte");
    let d = assert_message(&run, "JSON002", "invalid UTF-8 at byte 20 (0xE9)");
    assert_eq!(d["start"]["offset"], 20);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// A walked directory with every kind of unreadable entry beside good and bad documents: every
/// other file is still linted and reported, each bad entry has a diagnostic naming it, and the exit
/// code is the worst outcome (2).
#[cfg(unix)]
#[test]
fn nothing_is_lost_in_a_hostile_directory() {
    use std::os::unix::fs::symlink;
    let s = Scratch::new("dir");
    let root = s.0.join("tree");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    s.write(
        "tree/a-good.client.json",
        br#"{"redirect_uris": ["https://a.example/cb"]}"#,
    );
    s.write(
        "tree/b-bad.client.json",
        br#"{"redirect_uris": "https://a.example/cb"}"#,
    );
    s.write("tree/c-truncated.client.json", br#"{"redirect_uris": ["#);
    s.write("tree/d-utf16.client.json", &[0xFF, 0xFE, b'{', 0, b'}', 0]);
    s.write("tree/e-deep.client.json", "[".repeat(100_000).as_bytes());
    s.write("tree/f-big.client.json", &long_string_document(2_000_000));
    s.write(
        "tree/zz-last.client.json",
        br#"{"redirect_uris": ["https://z.example/cb"], "grant_types": 1}"#,
    );
    // A FIFO with a candidate name: never opened (reading it would block forever).
    mkfifo(&root.join("fifo.client.json"));
    // A symbolic link loop and a dangling link.
    symlink(&root, root.join("sub/loop")).unwrap();
    symlink(root.join("missing.json"), root.join("dangling.client.json")).unwrap();
    // Unreadable even for root: /proc/self/mem opens, and reading it from offset 0 fails (EIO).
    symlink("/proc/self/mem", root.join("mem.client.json")).unwrap();
    // A directory with a candidate name is walked, not read.
    std::fs::create_dir_all(root.join("dir.client.json")).unwrap();
    s.write(
        "tree/dir.client.json/inner.client.json",
        br#"{"redirect_uris": ["https://i.example/cb"]}"#,
    );
    // Unreadable by permissions: only effective when not running as root.
    let locked = s.write(
        "tree/locked.client.json",
        br#"{"redirect_uris": ["https://l.example/cb"]}"#,
    );
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let as_root = std::fs::read(&locked).is_ok();

    let args = [
        "check",
        "--isolated",
        "--format",
        "json",
        "--max-file-size",
        "1000000",
        root.to_str().unwrap(),
    ];
    let run = run_bounded(&args, 3_000_000, TIMEOUT, "hostile directory");
    assert_eq!(run.code, Some(2), "unreadable entries make it exit 2");
    let doc = run.json();
    let paths: Vec<String> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    let rel = |name: &str| root.join(name).to_str().unwrap().to_owned();
    for name in [
        "a-good.client.json",
        "b-bad.client.json",
        "c-truncated.client.json",
        "d-utf16.client.json",
        "e-deep.client.json",
        "f-big.client.json",
        "zz-last.client.json",
        "dir.client.json/inner.client.json",
        "fifo.client.json",
        "dangling.client.json",
        "mem.client.json",
        "locked.client.json",
    ] {
        assert!(paths.contains(&rel(name)), "{name} missing from {paths:?}");
    }
    let diagnostic = |name: &str, code: &str| -> String {
        let path = rel(name);
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path.as_str() && d["code"] == code)
            .unwrap_or_else(|| panic!("no {code} for {name}: {}", run.stdout))["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(diagnostic("b-bad.client.json", "SCH001").contains("redirect_uris"));
    assert!(diagnostic("c-truncated.client.json", "JSON001").contains("unexpected end of input"));
    assert!(diagnostic("d-utf16.client.json", "JSON002").contains("UTF-16"));
    assert!(diagnostic("e-deep.client.json", "JSON006").contains("deeper than the limit"));
    assert!(diagnostic("f-big.client.json", "JSON007").contains("over the limit of 1000000 bytes"));
    assert!(diagnostic("zz-last.client.json", "SCH001").contains("grant_types"));
    assert!(diagnostic("fifo.client.json", "JSON009").contains("not a regular file"));
    assert!(diagnostic("dangling.client.json", "JSON009").contains("no such file"));
    assert!(diagnostic("mem.client.json", "JSON009").contains("cannot read"));
    let looped = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("symbolic link loop"))
        .unwrap_or_else(|| panic!("no loop diagnostic: {}", run.stdout));
    assert_eq!(looped["path"], rel("sub/loop").as_str());
    if !as_root {
        assert!(diagnostic("locked.client.json", "JSON009").contains("permission denied"));
    }
    assert!(
        !doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == rel("a-good.client.json").as_str() && d["severity"] == "error")
    );
}

#[cfg(unix)]
#[test]
fn a_named_fifo_a_directory_and_special_files() {
    let s = Scratch::new("special");
    let fifo = s.0.join("pipe.client.json");
    mkfifo(&fifo);
    let run = lint_file(&fifo, &[], "a FIFO named on the command line");
    assert_eq!(run.code, Some(2));
    assert_message(&run, "JSON009", "not a regular file");
    // A directory named on the command line with nothing to lint in it is trouble.
    let empty = s.0.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let run = lint_file(&empty, &[], "an empty directory");
    assert_eq!(run.code, Some(2));
    assert_message(&run, "JSON009", "is a directory with no file to lint");
    // `--server` naming a directory, a FIFO or a device.
    let client = s.write("app.client.json", br#"{"redirect_uris": ["https://a.example/cb"]}"#);
    for server in [s.0.to_str().unwrap(), fifo.to_str().unwrap(), "/dev/zero"] {
        let args = [
            "check",
            "--isolated",
            "--format",
            "json",
            "--server",
            server,
            client.to_str().unwrap(),
        ];
        let run = run_bounded(&args, 0, TIMEOUT, &format!("--server {server}"));
        assert_eq!(run.code, Some(2), "--server {server}");
        assert_message(&run, "JSON009", "server document");
    }
    // The config file too.
    for config in [s.0.to_str().unwrap(), fifo.to_str().unwrap(), "/dev/zero"] {
        let args = ["check", "--config", config, client.to_str().unwrap()];
        let run = run_bounded(&args, 0, TIMEOUT, &format!("--config {config}"));
        assert_eq!(run.code, Some(2), "--config {config}");
        assert!(run.stderr.contains("config"), "{}", run.stderr);
    }
    // explain-client.
    for path in [s.0.to_str().unwrap(), fifo.to_str().unwrap(), "/dev/zero"] {
        let args = ["explain-client", path];
        let run = run_bounded(&args, 0, TIMEOUT, &format!("explain-client {path}"));
        assert_eq!(run.code, Some(2), "explain-client {path}");
        assert!(run.stderr.contains(path), "{}", run.stderr);
    }
}

/// `--output FILE` is written atomically: a run that fails while writing (here: the file size
/// limit is hit, so a write fails with EFBIG) leaves the previous report untouched and no
/// temporary file behind; a successful run replaces it whole.
#[cfg(unix)]
#[test]
fn output_is_atomic() {
    let s = Scratch::new("output");
    let report = s.0.join("report.sarif");
    std::fs::write(&report, b"previous report").unwrap();
    let mut clients = Vec::new();
    for i in 0..50 {
        clients.push(s.write(
            &format!("c{i}.client.json"),
            br#"{"redirect_uri": "x", "grant_types": 1, "redirect_uris": "y"}"#,
        ));
    }
    let mut args = vec![
        "check".to_owned(),
        "--isolated".into(),
        "--format".into(),
        "sarif".into(),
        "--output".into(),
    ];
    args.push(report.to_str().unwrap().into());
    args.extend(clients.iter().map(|c| c.to_str().unwrap().to_owned()));
    // Ignoring SIGXFSZ (inherited across exec) turns the size limit into a write error.
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_oauth-lint"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("oauth-lint:"));
    assert_eq!(std::fs::read(&report).unwrap(), b"previous report");
    let leftovers: Vec<_> = std::fs::read_dir(&s.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Without the limit: the whole report, valid JSON.
    let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let results = sarif["runs"][0]["results"].as_array().map(Vec::len).unwrap_or(0);
    assert!(results >= 50, "{results} results");
    // A run that fails before writing (a bad config) leaves the report as it was.
    let bad = s.write("bad.toml", b"[lint]\nselect = [\"NOPE999\"]\n");
    let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
        .args([
            "check",
            "--config",
            bad.to_str().unwrap(),
            "--format",
            "sarif",
            "--output",
            report.to_str().unwrap(),
        ])
        .arg(&clients[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(serde_json::from_slice::<serde_json::Value>(&std::fs::read(&report).unwrap()).is_ok());
}

/// Long lists and big objects where rules compare members with each other (once quadratic: a
/// JWK's unknown members, keys sharing a `kid`, grant types against response types, a client
/// against a server with long supported lists).
#[test]
fn large_lists_and_objects_where_rules_compare() {
    let s = Scratch::new("lists");
    // Reduced: still far past where the quadratic versions took minutes (5,000² comparisons).
    let n = size(300_000, 6_000);
    let members: String = (0..n).map(|i| format!(",\"p{i}\":{i}")).collect();
    let path = s.write(
        "key.jwks.json",
        format!("{{\"keys\": [{{\"kty\": \"RSA\", \"n\": \"x\", \"e\": \"AQAB\"{members}}}]}}").as_bytes(),
    );
    // The entry limit raised: this measures the rules on lists that long, not the limit.
    let run = lint_file(&path, &["--max-entries", "10000000"], "a JWK with 300,000 members");
    assert_eq!(run.code, Some(1));
    let keys: Vec<String> = (0..n / 3)
        .map(|i| {
            format!(
                "{{\"kty\":\"RSA\",\"n\":\"n{}\",\"e\":\"AQAB\",\"kid\":\"k\",\"use\":\"sig\"}}",
                i % 3
            )
        })
        .collect();
    let path = s.write(
        "keys.jwks.json",
        format!("{{\"keys\": [{}]}}", keys.join(",")).as_bytes(),
    );
    let run = lint_file(&path, &["--max-entries", "10000000"], "100,000 keys sharing a kid");
    assert_eq!(run.code, Some(1));
    assert!(!run.with_code("JWK023").is_empty(), "duplicate kids reported");
    let grants: Vec<String> = (0..n).map(|i| format!("\"g{i}\"")).collect();
    let responses = vec!["\"code\""; n];
    let client = format!(
        "{{\"redirect_uris\": [\"https://a.example/cb\"], \"grant_types\": [{}], \"response_types\": [{}]}}",
        grants.join(","),
        responses.join(",")
    );
    let client = s.write("app.client.json", client.as_bytes());
    // None of the client's values listed: every check takes its slowest path.
    let other: Vec<String> = (0..n).map(|i| format!("\"h{i}\"")).collect();
    let types: Vec<String> = (0..n).map(|i| format!("\"r{i} code\"")).collect();
    let server = format!(
        "{{\"issuer\": \"https://as.example\", \"grant_types_supported\": [{}], \"response_types_supported\": [{}]}}",
        other.join(","),
        types.join(",")
    );
    let server = s.write("openid-configuration", server.as_bytes());
    let size = std::fs::metadata(&client).unwrap().len() + std::fs::metadata(&server).unwrap().len();
    let args = [
        "check",
        "--isolated",
        "--format",
        "json",
        "--max-entries",
        "10000000",
        "--server",
        server.to_str().unwrap(),
        client.to_str().unwrap(),
    ];
    let run = run_bounded(
        &args,
        size,
        TIMEOUT,
        "300,000 grant and response types against a server",
    );
    assert_eq!(run.code, Some(1));
}

/// The limits come from `[limits]` in the config file too; the command line wins over it.
#[test]
fn limits_from_the_config_file() {
    let s = Scratch::new("limits");
    let config = s.write("oauth-lint.toml", b"[limits]\nmax_file_size = 1000\nmax_depth = 4\n");
    let big = s.write("big.client.json", &long_string_document(2000));
    let deep = s.write(
        "deep.client.json",
        br#"{"redirect_uris": [[[["https://a.example/cb"]]]]}"#,
    );
    let config = config.to_str().unwrap();
    let run = run_bounded(
        &[
            "check",
            "--config",
            config,
            "--format",
            "json",
            big.to_str().unwrap(),
            deep.to_str().unwrap(),
        ],
        2100,
        TIMEOUT,
        "[limits] in the config",
    );
    assert_eq!(run.code, Some(1));
    assert_message(&run, "JSON007", "over the limit of 1000 bytes");
    let d = assert_message(&run, "JSON006", "limit of 4 levels");
    // The fifth container: the object, then the fourth `[`.
    assert_eq!(d["start"]["offset"], 21);
    let run = run_bounded(
        &[
            "check",
            "--config",
            config,
            "--format",
            "json",
            "--max-file-size",
            "100000",
            "--max-depth",
            "8",
            big.to_str().unwrap(),
            deep.to_str().unwrap(),
        ],
        2100,
        TIMEOUT,
        "[limits] overridden on the command line",
    );
    assert!(
        run.with_code("JSON007").is_empty() && run.with_code("JSON006").is_empty(),
        "{}",
        run.stdout
    );
}

/// `limits.max_entries` in the config file, and `--max-entries` over it.
#[test]
fn entry_limit_from_the_config_file_and_the_command_line() {
    let s = Scratch::new("entries");
    let config = s.write("oauth-lint.toml", b"[limits]\nmax_entries = 3\n");
    let doc = s.write(
        "three.client.json",
        // (`require_auth_time` is wrong, so every run has an error and exits 1.)
        br#"{"redirect_uris": ["https://a.example/cb"], "require_auth_time": "yes", "contacts": ["a@a.example", "b@a.example", "c@a.example", "d@a.example"]}"#,
    );
    let (config, doc) = (config.to_str().unwrap(), doc.to_str().unwrap());
    let run = run_bounded(
        &["check", "--config", config, "--format", "json", doc],
        200,
        TIMEOUT,
        "[limits] max_entries",
    );
    assert_eq!(run.code, Some(1));
    let d = assert_message(&run, "JSON010", "more than 3 elements");
    assert_eq!(d["pointer"], "/contacts");
    let run = run_bounded(
        &[
            "check",
            "--config",
            config,
            "--max-entries",
            "5",
            "--format",
            "json",
            doc,
        ],
        200,
        TIMEOUT,
        "--max-entries over [limits]",
    );
    assert!(run.with_code("JSON010").is_empty(), "{}", run.stdout);
    assert!(!run.with_code("SCH001").is_empty(), "{}", run.stdout);
}
