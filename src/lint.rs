//! Linting one document: decode, parse, detect the kind and role, validate against the schema,
//! run the rules, apply the rule selection.

use std::collections::{HashMap, HashSet};

use crate::registry::NameHash;
use std::path::Path;
use std::sync::Arc;

use crate::cross::ServerDoc;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{self, Kind, KindSource, Role};
use crate::json::{self, ParseOptions, Span};
use crate::rules::json::{
    BYTE_ORDER_MARK, DUPLICATE_MEMBER, FILE_TOO_LARGE, INVALID_JSON, INVALID_UTF8, LONE_SURROGATE, NESTING_TOO_DEEP,
    TOP_LEVEL_NOT_OBJECT, UNREADABLE_FILE,
};
use crate::rules::{self, Ctx, Profile, Rule};
use crate::source::SourceFile;

/// Default `--max-file-size`: 10 MiB, far above any real metadata document.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Most findings of one rule reported for one file; the rest are counted in one last finding
/// ("N more … not shown"). Real documents come nowhere near it; a hostile one (two million wrong
/// array elements, 100,000 duplicate members) would otherwise make a report of gigabytes.
pub const MAX_FINDINGS_PER_RULE: usize = 100;

/// Counts the findings of each rule past [`MAX_FINDINGS_PER_RULE`] in one file.
#[derive(Debug, Default)]
pub struct FindingCap {
    /// Per rule: findings seen, and where the first one not kept is.
    seen: crate::registry::NameMap<(usize, &'static Rule, Span, String)>,
    /// Absorbs the `.help()`/`.related()` calls chained on a finding that is not kept.
    scratch: Option<Diagnostic>,
}

impl FindingCap {
    /// `None` while `rule` is under the cap (keep the finding); otherwise a scratch finding to
    /// write to and throw away.
    pub fn overflow(&mut self, rule: &'static Rule, span: Span, pointer: &str) -> Option<&mut Diagnostic> {
        let entry = self
            .seen
            .entry(rule.code)
            .or_insert_with(|| (0, rule, Span::default(), String::new()));
        entry.0 += 1;
        if entry.0 <= MAX_FINDINGS_PER_RULE {
            return None;
        }
        if entry.0 == MAX_FINDINGS_PER_RULE + 1 {
            entry.2 = span;
            entry.3 = pointer.to_owned();
        }
        let scratch = self
            .scratch
            .get_or_insert_with(|| Diagnostic::new(rule, Span::default(), "", String::new()));
        scratch.related.clear();
        Some(scratch)
    }

    /// Whether `rule` is past the cap already (its next finding will only be counted).
    pub fn is_saturated(&self, rule: &Rule) -> bool {
        self.seen.get(rule.code).is_some_and(|e| e.0 > MAX_FINDINGS_PER_RULE)
    }

    /// Appends one finding per capped rule saying how many were not shown, at the first of them.
    pub fn summarize(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let mut capped: Vec<_> = self.seen.drain().filter(|(_, e)| e.0 > MAX_FINDINGS_PER_RULE).collect();
        capped.sort_by_key(|(code, _)| *code);
        for (code, (count, rule, span, pointer)) in capped {
            let hidden = count - MAX_FINDINGS_PER_RULE;
            let mut d = Diagnostic::new(
                rule,
                span,
                pointer,
                format!(
                    "{hidden} more `{code}` findings in this file are not shown (at most {MAX_FINDINGS_PER_RULE} per rule and file)"
                ),
            );
            d.help("fix the findings shown and lint again");
            diagnostics.push(d);
        }
    }
}

/// Everything that changes how a document is linted.
#[derive(Clone, Debug)]
pub struct LintOptions {
    /// Force the kind (`--kind`).
    pub kind: Option<Kind>,
    /// Force the client role (`--role`).
    pub role: Option<Role>,
    /// Profiles whose rules run too (`--profile`, `lint.profiles`).
    pub profiles: Vec<Profile>,
    /// Parser limits (`--max-depth`).
    pub parse: ParseOptions,
    /// Largest input read, in bytes (`--max-file-size`); a larger one is reported, not read.
    pub max_file_size: u64,
    /// Extension members allowed without an unknown-member finding, per kind.
    pub extra_members: HashMap<Kind, HashSet<String>>,
    /// Which rules report, and at what severity.
    pub selection: RuleSelection,
}

impl Default for LintOptions {
    fn default() -> Self {
        Self {
            kind: None,
            role: None,
            profiles: Vec::new(),
            parse: ParseOptions::default(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            extra_members: HashMap::new(),
            selection: RuleSelection::default(),
        }
    }
}

impl LintOptions {
    /// Whether `name` is an extension member the configuration allows in documents of `kind`.
    pub fn is_extra_member(&self, kind: Kind, name: &str) -> bool {
        self.extra_members.get(&kind).is_some_and(|s| s.contains(name))
    }
}

/// Which rules run and at what severity (`select`, `ignore`, `severity` in the config and flags).
#[derive(Clone, Debug, Default)]
pub struct RuleSelection {
    /// When set, only these rules (and no others) report.
    pub select: Option<HashSet<&'static str, NameHash>>,
    /// Rules that never report (`--ignore`, `lint.ignore`).
    pub ignore: HashSet<&'static str, NameHash>,
    /// Per-rule severity; `None` turns the rule off.
    pub severity: crate::registry::NameMap<Option<Severity>>,
}

impl RuleSelection {
    /// The severity a finding of `rule` is reported at, or `None` when the rule is off. Profile
    /// escalations scoped to a JSON Pointer do not apply (see [`RuleSelection::effective_at`]).
    pub fn effective(&self, rule: &Rule, profiles: &[Profile], default: Severity) -> Option<Severity> {
        self.effective_at(rule, None, profiles, default)
    }

    /// The severity a finding of `rule` at `pointer` is reported at, or `None` when the rule is
    /// off: a severity set for the rule (`--severity`, `lint.severity`) wins; otherwise the
    /// finding's own severity, raised by the active profiles' escalations
    /// (`rules::profile::ESCALATIONS`).
    pub fn effective_at(
        &self,
        rule: &Rule,
        pointer: Option<&str>,
        profiles: &[Profile],
        default: Severity,
    ) -> Option<Severity> {
        if rule.profile.is_some_and(|p| !profiles.contains(&p)) {
            return None;
        }
        if self.ignore.contains(rule.code) {
            return None;
        }
        if self.select.as_ref().is_some_and(|select| !select.contains(rule.code)) {
            return None;
        }
        match self.severity.get(rule.code) {
            Some(level) => *level,
            None => Some(rules::profile::escalated(rule.code, pointer, profiles, default)),
        }
    }

    /// Expands selectors (`ALL`, a code, a name, or a code prefix such as `CLI`) to codes.
    pub fn expand(selector: &str) -> Option<Vec<&'static str>> {
        let s = selector.trim();
        if s.eq_ignore_ascii_case("ALL") {
            return Some(rules::ALL.iter().map(|r| r.code).collect());
        }
        if let Some(rule) = rules::find(s) {
            return Some(vec![rule.code]);
        }
        let upper = s.to_ascii_uppercase();
        let matched: Vec<&'static str> = rules::ALL
            .iter()
            .filter(|r| r.code.starts_with(&upper))
            .map(|r| r.code)
            .collect();
        (!matched.is_empty()).then_some(matched)
    }
}

/// How a file came to be linted (decides what happens to files that are not OAuth metadata).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Named on the command line (or stdin): always reported.
    Explicit,
    /// Found by walking a directory: skipped, and counted, when it has no OAuth content at all.
    Walked,
}

/// The result of linting one file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as displayed and the text (empty when the file was unreadable or over the size limit).
    pub source: Arc<SourceFile>,
    /// The kind the document was linted as; `None` when no kind could be decided.
    pub kind: Option<Kind>,
    /// How [`FileReport::kind`] was decided (forced by `--kind` or the config, the file name, or the content).
    pub kind_source: Option<KindSource>,
    /// The client role (`--role` or detected); `None` for other kinds and for a client that did not
    /// parse as a JSON object.
    pub role: Option<Role>,
    /// Whether the text parsed as JSON (false too when the file was not read or not UTF-8).
    pub valid_json: bool,
    /// A walked file that is not OAuth metadata (no diagnostics).
    pub skipped: bool,
    /// The file could not be read (exit code 2).
    pub io_error: bool,
    /// The findings after rule selection and severity overrides, ordered by byte offset, then code.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// The number of findings at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// A report for a path that could not be read.
pub fn unreadable(path: &str, message: String, options: &LintOptions) -> FileReport {
    let source = Arc::new(SourceFile::new(path, String::new()));
    let mut diagnostics = vec![Diagnostic::new(&UNREADABLE_FILE, Span::default(), "", message)];
    finish(&mut diagnostics, options);
    FileReport {
        source,
        kind: None,
        kind_source: None,
        role: None,
        valid_json: false,
        skipped: false,
        io_error: true,
        diagnostics,
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Missing, permission denied, or an error while reading; the message says which.
    Io(String),
    /// The path is a directory.
    Directory,
    /// A FIFO, socket or device: reading could block forever or never end.
    NotRegular,
    /// Larger than the limit (the size found).
    TooLarge(u64),
}

impl ReadError {
    /// The problem as a sentence about `display`.
    pub fn describe(&self, display: &str) -> String {
        match self {
            ReadError::Io(why) => format!("cannot read `{display}`: {why}"),
            ReadError::Directory => format!("`{display}` is a directory"),
            ReadError::NotRegular => {
                format!("`{display}` is not a regular file (a FIFO, socket or device); not read")
            }
            ReadError::TooLarge(size) => format!("`{display}` is {size} bytes, over the limit"),
        }
    }
}

/// Reads a regular file of at most `limit` bytes. Anything else (a directory, a FIFO, a device such
/// as `/dev/zero`, a file over the limit) is refused without reading more than `limit + 1` bytes,
/// so no input can block or exhaust memory.
///
/// The file is opened first (without blocking, so a FIFO cannot hang the open) and then examined
/// through its handle: one path lookup per file, not two. A file whose size is known is read in
/// one call of exactly that size, with no second call to find the end (a file that grows while
/// being read is read as it was when examined); a file that reports no size (procfs and the like)
/// is read to its end, bounded by the limit.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let io = |e: std::io::Error| ReadError::Io(io_message(&e));
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = match open.open(path) {
        Ok(file) => file,
        // A socket cannot be opened at all: say what it is rather than the open's errno.
        Err(e) => {
            return Err(match std::fs::metadata(path) {
                Ok(meta) if !meta.is_file() && !meta.is_dir() => ReadError::NotRegular,
                _ => io(e),
            });
        }
    };
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let expected = meta.len() as usize;
    let mut bytes = vec![0; expected];
    let mut filled = 0;
    while filled < expected {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io(e)),
        }
    }
    bytes.truncate(filled);
    if expected > 0 && filled == expected {
        return Ok(bytes);
    }
    // No size reported, or shorter than reported: read on to the end, never past the limit.
    file.take(limit.saturating_add(1).saturating_sub(filled as u64))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The server document a client is checked against: borrowed from the caller, or shared with the
/// run's pairings (which read a directory's server document once for all its clients).
#[derive(Clone, Debug)]
pub enum ServerRef<'p> {
    /// Passed in by the library caller (`lint_path`, `lint_bytes`, …).
    Borrowed(&'p ServerDoc),
    /// Read once by the CLI's pairing and shared by every client paired with it.
    Shared(std::sync::Arc<ServerDoc>),
}

impl std::ops::Deref for ServerRef<'_> {
    type Target = ServerDoc;

    fn deref(&self) -> &ServerDoc {
        match self {
            ServerRef::Borrowed(server) => server,
            ServerRef::Shared(server) => server,
        }
    }
}

/// Reads a file (refusing anything that is not a regular file, or larger than the limit) and
/// lints it.
///
/// `server`: the server document a client is paired with (cross checks); ignored for other kinds.
pub fn lint_path(
    display_path: &str,
    path: &Path,
    origin: Origin,
    options: &LintOptions,
    server: Option<&ServerDoc>,
) -> FileReport {
    lint_path_with(display_path, path, origin, options, &|| server.map(ServerRef::Borrowed))
}

/// [`lint_path`] with the server found only when the document turns out to be a client (finding
/// it may mean reading the server documents of the client's directory).
pub fn lint_path_with<'p>(
    display_path: &str,
    path: &Path,
    origin: Origin,
    options: &LintOptions,
    server: &dyn Fn() -> Option<ServerRef<'p>>,
) -> FileReport {
    match read_bounded(path, options.max_file_size) {
        Ok(bytes) => lint_bytes_with(display_path, bytes, origin, options, server),
        Err(ReadError::TooLarge(size)) => too_large(display_path, size, options),
        Err(e) => unreadable(display_path, e.describe(display_path), options),
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn too_large(path: &str, size: u64, options: &LintOptions) -> FileReport {
    let mut diagnostics = vec![Diagnostic::new(
        &FILE_TOO_LARGE,
        Span::default(),
        "",
        format!(
            "`{path}` is {size} bytes, over the limit of {} bytes; not parsed (raise it with --max-file-size)",
            options.max_file_size
        ),
    )];
    finish(&mut diagnostics, options);
    FileReport {
        source: Arc::new(SourceFile::new(path, String::new())),
        kind: None,
        kind_source: None,
        role: None,
        valid_json: false,
        skipped: false,
        io_error: false,
        diagnostics,
    }
}

/// Decodes and lints a document given as bytes (`server`: as in [`lint_path`]).
pub fn lint_bytes(
    path: &str,
    bytes: Vec<u8>,
    origin: Origin,
    options: &LintOptions,
    server: Option<&ServerDoc>,
) -> FileReport {
    lint_bytes_with(path, bytes, origin, options, &|| server.map(ServerRef::Borrowed))
}

/// [`lint_bytes`] with the server found only for a client (as in [`lint_path_with`]).
pub fn lint_bytes_with<'p>(
    path: &str,
    bytes: Vec<u8>,
    origin: Origin,
    options: &LintOptions,
    server: &dyn Fn() -> Option<ServerRef<'p>>,
) -> FileReport {
    if bytes.len() as u64 > options.max_file_size {
        return too_large(path, bytes.len() as u64, options);
    }
    // UTF-16 of ASCII text without a byte order mark is valid UTF-8 (with a NUL every other byte):
    // say what it is rather than "unexpected byte 0x00".
    let decoded = match utf16_guess(&bytes) {
        Some(_) => Err(bytes),
        None => String::from_utf8(bytes).map_err(|e| e.into_bytes()),
    };
    match decoded {
        Ok(text) => lint_source_with(Arc::new(SourceFile::new(path, text)), origin, options, server),
        Err(bytes) => {
            let offset = std::str::from_utf8(&bytes).err().map_or(0, |e| e.valid_up_to());
            let message = match utf16_guess(&bytes) {
                Some(which) => format!("the file is {which} text; JSON must be UTF-8 (RFC 8259 §8.1)"),
                None => format!(
                    "invalid UTF-8 at byte {offset} (0x{:02X}); JSON must be UTF-8 (RFC 8259 §8.1)",
                    bytes[offset]
                ),
            };
            let offset = if utf16_guess(&bytes).is_some() { 0 } else { offset };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let source = Arc::new(SourceFile::new(path, text));
            source.set_secret_spans(crate::secrets::secret_spans_in_text(&source.text));
            let end = source.text[offset..]
                .chars()
                .next()
                .map_or(offset, |c| offset + c.len_utf8());
            let mut diagnostics = vec![Diagnostic::new(&INVALID_UTF8, Span::new(offset, end), "", message)];
            diagnostics[0].help("re-save the file as UTF-8");
            let (kind, kind_source) = match options.kind {
                Some(k) => (Some(k), Some(KindSource::Forced)),
                None => (
                    document::kind_from_file_name(Path::new(path)),
                    Some(KindSource::FileName),
                ),
            };
            finish(&mut diagnostics, options);
            FileReport {
                source,
                kind,
                kind_source: kind.and(kind_source),
                role: None,
                valid_json: false,
                skipped: false,
                io_error: false,
                diagnostics,
            }
        }
    }
}

/// Recognises UTF-16 by its byte order mark or by NUL bytes in every other position.
fn utf16_guess(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("UTF-16 (little-endian)"),
        [0xFE, 0xFF, ..] => return Some("UTF-16 (big-endian)"),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64)];
    if head.len() >= 4 {
        let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let half = head.len() / 2;
        if odd_nul * 4 >= half * 3 && even_nul == 0 {
            return Some("UTF-16 (little-endian)");
        }
        if even_nul * 4 >= half * 3 && odd_nul == 0 {
            return Some("UTF-16 (big-endian)");
        }
    }
    None
}

/// Lints a decoded document (`server`: as in [`lint_path`]).
pub fn lint_source(
    source: Arc<SourceFile>,
    origin: Origin,
    options: &LintOptions,
    server: Option<&ServerDoc>,
) -> FileReport {
    lint_source_with(source, origin, options, &|| server.map(ServerRef::Borrowed))
}

fn lint_source_with<'p>(
    source: Arc<SourceFile>,
    origin: Origin,
    options: &LintOptions,
    server: &dyn Fn() -> Option<ServerRef<'p>>,
) -> FileReport {
    let path = Path::new(&source.path);
    let name_kind = options
        .kind
        .map(|k| (k, KindSource::Forced))
        .or_else(|| document::kind_from_file_name(path).map(|k| (k, KindSource::FileName)));
    let mut diagnostics = Vec::new();
    let parsed = json::parse(&source.text, &options.parse);
    let mut report = FileReport {
        source: Arc::clone(&source),
        kind: name_kind.map(|(k, _)| k),
        kind_source: name_kind.map(|(_, s)| s),
        role: None,
        valid_json: parsed.is_ok(),
        skipped: false,
        io_error: false,
        diagnostics: Vec::new(),
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            // No tree to find the secrets in: find them in the text, so snippets still mask them.
            source.set_secret_spans(crate::secrets::secret_spans_in_text(&source.text));
            if report.kind.is_none() {
                report.kind = document::kind_from_text(&source.text);
                report.kind_source = report.kind.map(|_| KindSource::Content);
                if report.kind.is_none() && origin == Origin::Walked {
                    report.skipped = true;
                    return report;
                }
            }
            let rule = match e.kind {
                json::ParseErrorKind::TooDeep => &NESTING_TOO_DEEP,
                json::ParseErrorKind::TooManyEntries => &crate::rules::json::TOO_MANY_ENTRIES,
                json::ParseErrorKind::Syntax => &INVALID_JSON,
            };
            let end = source.text[e.offset..]
                .chars()
                .next()
                .map_or(e.offset, |c| e.offset + c.len_utf8());
            let d = Diagnostic::new(rule, Span::new(e.offset, end), e.pointer, e.message);
            diagnostics.push(d);
            finish(&mut diagnostics, options);
            report.diagnostics = diagnostics;
            return report;
        }
    };
    source.set_secret_spans(crate::secrets::secret_spans(&parsed.root));

    if report.kind.is_none() {
        report.kind = document::kind_from_content(&parsed.root);
        report.kind_source = report.kind.map(|_| KindSource::Content);
    }
    let wrapped = match report.kind {
        None => document::wrapped_kind(&parsed.root),
        Some(_) => None,
    };
    if let Some((_, kind)) = wrapped {
        report.kind = Some(kind);
        report.kind_source = Some(KindSource::Content);
    }
    if report.kind.is_none() && origin == Origin::Walked {
        report.skipped = true;
        return report;
    }

    let mut capped = FindingCap::default();
    for w in &parsed.warnings {
        let rule = match w.kind {
            json::ParseWarningKind::ByteOrderMark => &BYTE_ORDER_MARK,
            json::ParseWarningKind::LoneSurrogate => &LONE_SURROGATE,
        };
        if capped.overflow(rule, w.span, &w.pointer).is_some() {
            continue;
        }
        match w.kind {
            json::ParseWarningKind::ByteOrderMark => {
                diagnostics.push(Diagnostic::new(
                    &BYTE_ORDER_MARK,
                    w.span,
                    "",
                    "the file starts with a UTF-8 byte order mark",
                ));
                diagnostics
                    .last_mut()
                    .expect("pushed")
                    .help("save the file as UTF-8 without BOM");
            }
            json::ParseWarningKind::LoneSurrogate => {
                let text = &source.text[w.span.start..w.span.end];
                diagnostics.push(Diagnostic::new(
                    &LONE_SURROGATE,
                    w.span,
                    w.pointer.clone(),
                    format!("`{text}` is a lone UTF-16 surrogate; it is read as U+FFFD"),
                ));
            }
        }
    }
    for dup in &parsed.duplicates {
        if capped
            .overflow(&DUPLICATE_MEMBER, dup.second, &dup.object_pointer)
            .is_some()
        {
            continue;
        }
        let member_pointer = format!("{}/{}", dup.object_pointer, json::escape_token(&dup.name));
        let mut d = Diagnostic::new(
            &DUPLICATE_MEMBER,
            dup.second,
            member_pointer.clone(),
            format!(
                "member `{}` appears more than once; parsers disagree on which value wins",
                dup.name
            ),
        );
        d.related(dup.first, member_pointer, "first occurrence")
            .help("keep one member; oauth-lint checks the last value, as most parsers use it");
        diagnostics.push(d);
    }
    capped.summarize(&mut diagnostics);

    let Some(kind) = report.kind else {
        if parsed.root.as_object().is_none() {
            // Not an object: no OAuth document at all, whatever its kind would be.
            diagnostics.push(Diagnostic::new(
                &TOP_LEVEL_NOT_OBJECT,
                parsed.root.span,
                "",
                format!(
                    "the top-level value is {}; OAuth metadata documents are JSON objects",
                    parsed.root.type_name()
                ),
            ));
            finish(&mut diagnostics, options);
            report.diagnostics = diagnostics;
            return report;
        }
        diagnostics.push(Diagnostic::new(
            &rules::doc::UNKNOWN_KIND,
            parsed.root.span,
            "",
            "cannot tell what kind of document this is: not linted",
        ));
        diagnostics
            .last_mut()
            .expect("pushed")
            .help("force it with `--kind client|server|jwks|resource`, or name the file after its kind (e.g. `*.client.json`, `openid-configuration`)");
        finish(&mut diagnostics, options);
        report.diagnostics = diagnostics;
        return report;
    };

    if let Some((member, kind)) = wrapped {
        let m = parsed
            .root
            .as_object()
            .and_then(|o| o.member(member))
            .expect("wrapped_kind found it");
        diagnostics.push(Diagnostic::new(
            &rules::doc::WRAPPED_DOCUMENT,
            m.name_span,
            json::Pointer::root().key(member).into_string(),
            format!(
                "the {} is wrapped in the member `{member}`; the document itself is not {}",
                kind.describe(),
                kind.describe()
            ),
        ));
        diagnostics.last_mut().expect("pushed").help(format!(
            "store the value of `{member}` on its own to lint it (and to use it)"
        ));
        finish(&mut diagnostics, options);
        report.diagnostics = diagnostics;
        return report;
    }

    if parsed.root.as_object().is_none() {
        diagnostics.push(Diagnostic::new(
            &TOP_LEVEL_NOT_OBJECT,
            parsed.root.span,
            "",
            format!(
                "the top-level value is {}; {} must be a JSON object",
                parsed.root.type_name(),
                kind.describe()
            ),
        ));
        finish(&mut diagnostics, options);
        report.diagnostics = diagnostics;
        return report;
    }

    if kind == Kind::Client {
        report.role = Some(options.role.unwrap_or_else(|| document::detect_role(&parsed.root)));
    }
    // Only client documents are checked against a server (the cross checks).
    let server = if kind == Kind::Client { server() } else { None };
    let mut ctx = Ctx::new(&source, &parsed.root, kind, report.role, options).with_server(server.as_deref());
    rules::util::forget_parsed_urls();
    crate::schema::check(&mut ctx);
    rules::run(&mut ctx);
    diagnostics.extend(ctx.into_diagnostics());
    finish(&mut diagnostics, options);
    report.diagnostics = diagnostics;
    report
}

/// Applies the rule selection and severities, and sorts by position then code.
fn finish(diagnostics: &mut Vec<Diagnostic>, options: &LintOptions) {
    diagnostics.retain_mut(|d| {
        match options
            .selection
            .effective_at(d.rule, Some(&d.pointer), &options.profiles, d.severity)
        {
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        }
    });
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.rule.code, &a.pointer, &a.message).cmp(&(b.span.start, b.rule.code, &b.pointer, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::{ReadError, read_bounded};

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("oauth-lint-read-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_a_file_whole_and_refuses_one_over_the_limit() {
        let dir = scratch("limit");
        let path = dir.join("a.json");
        std::fs::write(&path, b"{\"a\": 1}").unwrap();
        assert_eq!(read_bounded(&path, 8).unwrap(), b"{\"a\": 1}");
        assert!(matches!(read_bounded(&path, 7), Err(ReadError::TooLarge(8))));
        std::fs::write(&path, b"").unwrap();
        assert_eq!(read_bounded(&path, 8).unwrap(), b"");
        assert!(matches!(read_bounded(&dir, 8), Err(ReadError::Directory)));
        assert!(matches!(
            read_bounded(&dir.join("missing.json"), 8),
            Err(ReadError::Io(_))
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// procfs reports a size of 0 for files that have content: they are read to their end, and
    /// the limit still holds.
    #[cfg(target_os = "linux")]
    #[test]
    fn reads_a_file_that_reports_no_size() {
        let path = std::path::Path::new("/proc/self/status");
        assert_eq!(std::fs::metadata(path).unwrap().len(), 0);
        let bytes = read_bounded(path, 1 << 20).unwrap();
        assert!(bytes.starts_with(b"Name:"), "{}", String::from_utf8_lossy(&bytes));
        assert!(matches!(read_bounded(path, 10), Err(ReadError::TooLarge(11))));
    }

    /// A socket cannot be opened: it is named for what it is, not by the open's error.
    #[cfg(unix)]
    #[test]
    fn refuses_a_socket() {
        let dir = scratch("socket");
        let path = dir.join("s.json");
        let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
        assert!(matches!(read_bounded(&path, 1 << 20), Err(ReadError::NotRegular)));
        assert!(matches!(
            read_bounded(std::path::Path::new("/dev/null"), 10),
            Err(ReadError::NotRegular)
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
