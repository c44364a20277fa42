//! `oauth-lint.toml`: discovery, parsing with source spans, validation, and per-path settings.
//!
//! Every key is documented in [`KEYS`], from which `docs/configuration.md` is generated; a test
//! checks that the document is fresh and that every key of [`KEYS`] is accepted by the parser
//! (and that the parser accepts no key [`KEYS`] does not list).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::document::{Kind, Role};
use crate::lint::RuleSelection;
use crate::rules::Profile;

/// The config file name looked for in the working directory and its parents.
pub const FILE_NAME: &str = "oauth-lint.toml";

/// One documented configuration key.
pub struct KeyDoc {
    /// The dotted key (`lint.select`).
    pub key: &'static str,
    /// The value's type, as shown in the docs.
    pub ty: &'static str,
    /// The default, as shown in the docs.
    pub default: &'static str,
    /// What the key does.
    pub doc: &'static str,
    /// A TOML snippet that sets the key (used by the tests and shown in the docs).
    pub example: &'static str,
}

/// Every configuration key (the source of `docs/configuration.md`).
pub const KEYS: &[KeyDoc] = &[
    KeyDoc {
        key: "lint.select",
        ty: "array of rule selectors",
        default: "all rules",
        doc: "Only these rules report. A selector is a code (`CLI001`), a name (`redirect-uri-fragment`), a code prefix (`CLI`, `SRV0`) or `ALL`. Profile rules still need their profile.",
        example: "[lint]\nselect = [\"ALL\"]",
    },
    KeyDoc {
        key: "lint.ignore",
        ty: "array of rule selectors",
        default: "none",
        doc: "These rules never report.",
        example: "[lint]\nignore = [\"DOC002\", \"unknown-member\"]",
    },
    KeyDoc {
        key: "lint.profiles",
        ty: "array of profile names",
        default: "none",
        doc: "Profiles to apply (also `--profile`): `oidc`, `oauth2.1`, `security-bcp`, `fapi2`, `mcp`, `oauth4webapi`. A profile adds its rules and raises the severity of findings its specification makes mandatory; a `lint.severity` entry still wins. See `docs/profiles.md`.",
        example: "[lint]\nprofiles = [\"fapi2\"]",
    },
    KeyDoc {
        key: "lint.severity",
        ty: "table: rule selector → `off` | `info` | `warning` | `error`",
        default: "each rule's default",
        doc: "Changes the severity of rules; `off` disables them. Raising a warning to `error` makes it fail the run.",
        example: "[lint.severity]\n\"DOC002\" = \"error\"\n\"unknown-kind\" = \"off\"",
    },
    KeyDoc {
        key: "lint.exclude",
        ty: "array of globs",
        default: "none",
        doc: "Paths (relative to the config file) never linted when walking directories, in addition to `.git`, `target` and `node_modules`.",
        example: "[lint]\nexclude = [\"test-data/**\"]",
    },
    KeyDoc {
        key: "files",
        ty: "array of tables",
        default: "none",
        doc: "Per-path settings. Each entry's `path` is a glob relative to the config file; every matching entry applies, later ones winning.",
        example: "[[files]]\npath = \"clients/**/*.json\"",
    },
    KeyDoc {
        key: "files.path",
        ty: "glob",
        default: "(required)",
        doc: "Which files the entry applies to (`**` matches any number of directories).",
        example: "[[files]]\npath = \"idp/*\"",
    },
    KeyDoc {
        key: "files.kind",
        ty: "`client` | `server` | `jwks` | `resource`",
        default: "detected",
        doc: "Forces the kind of the matching files.",
        example: "[[files]]\npath = \"idp/config.json\"\nkind = \"server\"",
    },
    KeyDoc {
        key: "files.role",
        ty: "`request` | `response` | `config` | `cimd` | `statement`",
        default: "detected",
        doc: "Forces the role of the matching client documents.",
        example: "[[files]]\npath = \"clients/*.json\"\nrole = \"config\"",
    },
    KeyDoc {
        key: "files.server",
        ty: "path",
        default: "none",
        doc: "The server document (relative to the config file) the matching client documents are checked against.",
        example: "[[files]]\npath = \"clients/*.json\"\nserver = \"idp/openid-configuration\"",
    },
    KeyDoc {
        key: "files.ignore",
        ty: "array of rule selectors",
        default: "none",
        doc: "Rules that do not report on the matching files.",
        example: "[[files]]\npath = \"legacy/*.json\"\nignore = [\"unknown-member\", \"SCH004\"]",
    },
    KeyDoc {
        key: "files.profiles",
        ty: "array of profile names",
        default: "none",
        doc: "Profiles added for the matching files only.",
        example: "[[files]]\npath = \"mcp/*.json\"\nprofiles = [\"mcp\"]",
    },
    KeyDoc {
        key: "client.extra_members",
        ty: "array of strings",
        default: "none",
        doc: "Extension members allowed in client metadata without an unknown-member finding.",
        example: "[client]\nextra_members = [\"x-team\"]",
    },
    KeyDoc {
        key: "server.extra_members",
        ty: "array of strings",
        default: "none",
        doc: "Extension members allowed in authorization server metadata.",
        example: "[server]\nextra_members = [\"x-internal\"]",
    },
    KeyDoc {
        key: "jwks.extra_members",
        ty: "array of strings",
        default: "none",
        doc: "Extension members allowed at the top level of a JWK Set.",
        example: "[jwks]\nextra_members = [\"x-rotation\"]",
    },
    KeyDoc {
        key: "resource.extra_members",
        ty: "array of strings",
        default: "none",
        doc: "Extension members allowed in protected resource metadata.",
        example: "[resource]\nextra_members = [\"x-tier\"]",
    },
    KeyDoc {
        key: "limits.max_file_size",
        ty: "integer (bytes)",
        default: "10485760",
        doc: "Largest document read (also `--max-file-size`).",
        example: "[limits]\nmax_file_size = 1048576",
    },
    KeyDoc {
        key: "limits.max_depth",
        ty: "integer",
        default: "128",
        doc: "Deepest nesting of arrays and objects accepted, at most 10000 (also `--max-depth`).",
        example: "[limits]\nmax_depth = 64",
    },
    KeyDoc {
        key: "limits.max_entries",
        ty: "integer",
        default: "10000",
        doc: "Most elements in one array, or members in one object, accepted (also `--max-entries`).",
        example: "[limits]\nmax_entries = 50000",
    },
];

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConfig {
    #[serde(default)]
    lint: RawLint,
    #[serde(default)]
    files: Vec<RawFiles>,
    #[serde(default)]
    client: RawKind,
    #[serde(default)]
    server: RawKind,
    #[serde(default)]
    jwks: RawKind,
    #[serde(default)]
    resource: RawKind,
    #[serde(default)]
    limits: RawLimits,
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct RawLint {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    profiles: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    path: Spanned<String>,
    kind: Option<Spanned<String>>,
    role: Option<Spanned<String>>,
    server: Option<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    profiles: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct RawKind {
    #[serde(default)]
    extra_members: Vec<String>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_file_size: Option<u64>,
    max_depth: Option<Spanned<u64>>,
    max_entries: Option<Spanned<u64>>,
}

/// A problem in the config file, located in its text.
#[derive(Debug)]
pub struct ConfigError {
    /// The config file.
    pub path: PathBuf,
    /// Its text (for the snippet).
    pub text: String,
    /// Byte range of the offending key or value, when known.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl ConfigError {
    /// Renders the error with a snippet of the config file (miette), for stderr.
    pub fn render(&self, color: bool) -> String {
        let diagnostic = ConfigDiagnostic {
            error: self,
            source: miette::NamedSource::new(self.path.display().to_string(), self.text.clone()).with_language("toml"),
        };
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let _ = miette::GraphicalReportHandler::new_themed(theme).render_report(&mut out, &diagnostic);
        out
    }
}

struct ConfigDiagnostic<'a> {
    error: &'a ConfigError,
    source: miette::NamedSource<String>,
}

impl std::fmt::Debug for ConfigDiagnostic<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.error.message)
    }
}

impl std::fmt::Display for ConfigDiagnostic<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid config {}: {}",
            self.error.path.display(),
            self.error.message
        )
    }
}

impl std::error::Error for ConfigDiagnostic<'_> {}

impl miette::Diagnostic for ConfigDiagnostic<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.error
            .span
            .as_ref()
            .map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.error.span.clone()?;
        Some(Box::new(std::iter::once(miette::LabeledSpan::new_primary_with_span(
            Some("here".into()),
            span,
        ))))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.error
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
}

/// Per-path settings of one `[[files]]` entry.
#[derive(Debug)]
pub struct FileSettings {
    matcher: GlobMatcher,
    /// Forced kind of the matching files.
    pub kind: Option<Kind>,
    /// Forced role of the matching client documents.
    pub role: Option<Role>,
    /// Absolute (or config-relative joined) path of the paired server document.
    pub server: Option<PathBuf>,
    /// Rules that do not report on the matching files.
    pub ignore: HashSet<&'static str>,
    /// Profiles added for the matching files.
    pub profiles: Vec<Profile>,
}

/// A loaded, validated config file.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from (`None` for the built-in defaults).
    pub path: Option<PathBuf>,
    /// The directory globs and relative paths are resolved against.
    pub dir: PathBuf,
    /// `lint.select`, `lint.ignore` and `lint.severity`.
    pub selection: RuleSelection,
    /// `lint.profiles`.
    pub profiles: Vec<Profile>,
    /// `[client|server|jwks|resource] extra_members`.
    pub extra_members: HashMap<Kind, HashSet<String>>,
    /// The `[[files]]` entries, in file order.
    pub files: Vec<FileSettings>,
    exclude: Option<GlobSet>,
    /// `limits.max_file_size`.
    pub max_file_size: Option<u64>,
    /// `limits.max_depth`.
    pub max_depth: Option<usize>,
    /// `limits.max_entries`.
    pub max_entries: Option<usize>,
    /// The working directory, read once (relative paths are resolved against it for every file).
    cwd: std::sync::OnceLock<Option<PathBuf>>,
}

/// What `[[files]]` entries say about one file: every matching entry applies, later ones win.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Applied {
    /// Forced kind.
    pub kind: Option<Kind>,
    /// Forced role.
    pub role: Option<Role>,
    /// The server document matching clients are checked against.
    pub server: Option<PathBuf>,
    /// Rules ignored for the file.
    pub ignore: HashSet<&'static str>,
    /// Profiles added for the file.
    pub profiles: Vec<Profile>,
}

impl Applied {
    /// Whether no `[[files]]` entry applies.
    pub fn is_empty(&self) -> bool {
        *self == Applied::default()
    }
}

impl Config {
    /// The `[[files]]` settings that apply to `path` (as given on the command line or walked).
    pub fn settings_for(&self, path: &Path) -> Applied {
        let mut applied = Applied::default();
        if self.files.is_empty() {
            return applied;
        }
        let Some(rel) = self.relative(path) else {
            return applied;
        };
        for f in self.files.iter().filter(|f| f.matcher.is_match(&rel)) {
            applied.kind = f.kind.or(applied.kind);
            applied.role = f.role.or(applied.role);
            if f.server.is_some() {
                applied.server = f.server.clone();
            }
            applied.ignore.extend(f.ignore.iter().copied());
            for p in &f.profiles {
                if !applied.profiles.contains(p) {
                    applied.profiles.push(*p);
                }
            }
        }
        applied
    }

    /// Whether a walked path is excluded by `lint.exclude`.
    pub fn is_excluded(&self, path: &Path) -> bool {
        // Without `lint.exclude`, nothing to compute (no working directory lookup per file).
        let Some(set) = &self.exclude else { return false };
        self.relative(path).is_some_and(|rel| set.is_match(rel))
    }

    /// `path` relative to the config directory (lexically normalised), if it is below it.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd
                .get_or_init(|| std::env::current_dir().ok())
                .as_ref()?
                .join(path)
        };
        normalize(&absolute)
            .strip_prefix(normalize(&self.dir))
            .ok()
            .map(Path::to_path_buf)
    }
}

/// Removes `.` and resolves `..` lexically (no file system access, so symbolic links are kept).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Looks for `oauth-lint.toml` in `start` and its parents, stopping at the repository root (a
/// directory holding `.git`).
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let error = |message: String| ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        span: None,
        message,
        help: None,
    };
    // A FIFO or a device (`--config /dev/zero`) is refused rather than read forever.
    let bytes = crate::lint::read_bounded(path, crate::lint::DEFAULT_MAX_FILE_SIZE).map_err(|e| {
        error(format!(
            "cannot use the config file: {}",
            e.describe(&path.display().to_string())
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "cannot use the config file: invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse(path, &text)
}

/// Parses and validates config text (`path` is used for messages and relative paths).
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let error = |span: Option<Range<usize>>, message: String, help: Option<String>| ConfigError {
        path: path.to_path_buf(),
        text: text.to_owned(),
        span,
        message,
        help,
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_owned();
        let help = message
            .starts_with("unknown field")
            .then(|| "see docs/configuration.md for every key".to_owned());
        error(e.span(), message, help)
    })?;
    let dir = path
        .parent()
        .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p })
        .unwrap_or(Path::new("."));
    let dir = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(dir))
            .unwrap_or_else(|_| dir.to_path_buf())
    };

    let expand = |s: &Spanned<String>| -> Result<Vec<&'static str>, ConfigError> {
        RuleSelection::expand(s.get_ref()).ok_or_else(|| {
            error(
                Some(s.span()),
                format!("unknown rule `{}`", s.get_ref()),
                Some(
                    "use a code (`CLI001`), a name, a code prefix (`CLI`) or `ALL`; `oauth-lint rules` lists them"
                        .into(),
                ),
            )
        })
    };
    let profile = |s: &Spanned<String>| -> Result<Profile, ConfigError> {
        Profile::parse(s.get_ref()).ok_or_else(|| {
            error(
                Some(s.span()),
                format!("unknown profile `{}`", s.get_ref()),
                Some("profiles: oidc, oauth2.1, security-bcp, fapi2, mcp, oauth4webapi".into()),
            )
        })
    };
    let glob = |s: &Spanned<String>| -> Result<Glob, ConfigError> {
        Glob::new(s.get_ref()).map_err(|e| error(Some(s.span()), format!("invalid glob: {}", e.kind()), None))
    };

    let mut config = Config {
        path: Some(path.to_path_buf()),
        dir,
        ..Config::default()
    };
    if let Some(select) = &raw.lint.select {
        let mut set = HashSet::default();
        for s in select {
            set.extend(expand(s)?);
        }
        config.selection.select = Some(set);
    }
    for s in &raw.lint.ignore {
        config.selection.ignore.extend(expand(s)?);
    }
    for (rule, level) in &raw.lint.severity {
        let severity = parse_level(level.get_ref()).ok_or_else(|| {
            error(
                Some(level.span()),
                format!("unknown severity `{}`", level.get_ref()),
                Some("use off, info, warning or error".into()),
            )
        })?;
        for code in expand(rule)? {
            config.selection.severity.insert(code, severity);
        }
    }
    for p in &raw.lint.profiles {
        config.profiles.push(profile(p)?);
    }
    if !raw.lint.exclude.is_empty() {
        let mut builder = GlobSetBuilder::new();
        for g in &raw.lint.exclude {
            builder.add(glob(g)?);
        }
        config.exclude = Some(builder.build().map_err(|e| error(None, e.to_string(), None))?);
    }
    for f in &raw.files {
        let kind = match &f.kind {
            Some(k) => Some(Kind::parse(k.get_ref()).ok_or_else(|| {
                error(
                    Some(k.span()),
                    format!("unknown kind `{}`", k.get_ref()),
                    Some("kinds: client, server, jwks, resource".into()),
                )
            })?),
            None => None,
        };
        let role = match &f.role {
            Some(r) => Some(Role::parse(r.get_ref()).ok_or_else(|| {
                error(
                    Some(r.span()),
                    format!("unknown role `{}`", r.get_ref()),
                    Some("roles: request, response, config, cimd, statement".into()),
                )
            })?),
            None => None,
        };
        let server = f.server.as_ref().map(|s| config.dir.join(s.get_ref()));
        if let (Some(s), Some(p)) = (&f.server, &server)
            && !p.is_file()
        {
            return Err(error(
                Some(s.span()),
                format!("server document `{}` not found", s.get_ref()),
                Some(format!("paths are relative to {}", config.dir.display())),
            ));
        }
        let mut ignore = HashSet::new();
        for s in &f.ignore {
            ignore.extend(expand(s)?);
        }
        let mut profiles = Vec::new();
        for p in &f.profiles {
            profiles.push(profile(p)?);
        }
        config.files.push(FileSettings {
            matcher: glob(&f.path)?.compile_matcher(),
            kind,
            role,
            server,
            ignore,
            profiles,
        });
    }
    for (kind, section) in [
        (Kind::Client, &raw.client),
        (Kind::Server, &raw.server),
        (Kind::Jwks, &raw.jwks),
        (Kind::Resource, &raw.resource),
    ] {
        if !section.extra_members.is_empty() {
            config
                .extra_members
                .insert(kind, section.extra_members.iter().cloned().collect());
        }
    }
    config.max_file_size = raw.limits.max_file_size;
    if let Some(depth) = &raw.limits.max_depth {
        let d = *depth.get_ref();
        if d == 0 || d > crate::json::MAX_DEPTH_CEILING as u64 {
            return Err(error(
                Some(depth.span()),
                format!("max_depth must be between 1 and {}", crate::json::MAX_DEPTH_CEILING),
                None,
            ));
        }
        config.max_depth = Some(d as usize);
    }
    if let Some(entries) = &raw.limits.max_entries {
        let n = *entries.get_ref();
        if n == 0 {
            return Err(error(
                Some(entries.span()),
                "max_entries must be at least 1".into(),
                None,
            ));
        }
        config.max_entries = Some(usize::try_from(n).unwrap_or(usize::MAX));
    }
    Ok(config)
}

/// `off|info|warning|error` → `Some(None)` for off, `Some(Some(severity))`, or `None` if unknown.
pub fn parse_level(level: &str) -> Option<Option<Severity>> {
    match level.trim() {
        "off" => Some(None),
        "info" => Some(Some(Severity::Info)),
        "warning" | "warn" => Some(Some(Severity::Warning)),
        "error" => Some(Some(Severity::Error)),
        _ => None,
    }
}

/// `docs/configuration.md`, generated from [`KEYS`].
pub fn reference_markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# Configuration\n\nGenerated from `src/config.rs` by `UPDATE_EXPECT=1 cargo test --test config` (do not edit by hand).\n\n\
         oauth-lint reads `oauth-lint.toml` from the working directory or the nearest parent, stopping at the\n\
         repository root (the directory holding `.git`). `--config FILE` names another file; `--isolated` ignores\n\
         config files. Command-line flags win over the file: `--select` replaces `lint.select` (and turns back\n\
         on the rules it names that `lint.ignore` or an `off` in `lint.severity` turn off), `--ignore` adds\n\
         to `lint.ignore`, `--severity CODE=LEVEL` overrides `lint.severity`, `--profile` adds profiles.\n\
         Unknown keys, bad values and unknown rule codes are errors that point into the file (exit code 2).\n\n\
         | Key | Type | Default | Meaning |\n|---|---|---|---|\n",
    );
    for k in KEYS {
        let _ = writeln!(out, "| `{}` | {} | {} | {} |", k.key, k.ty, k.default, k.doc);
    }
    out.push_str("\n## Examples\n");
    for k in KEYS {
        let _ = write!(out, "\n`{}`:\n\n```toml\n{}\n```\n", k.key, k.example);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_key_parses() {
        let dir = std::env::temp_dir();
        for k in KEYS {
            let text = k.example.replace("idp/openid-configuration", "Cargo.toml");
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE_NAME);
            let r = parse(&path, &text);
            assert!(r.is_ok(), "{}: {:?}", k.key, r.err().map(|e| e.message));
            let _ = &dir;
        }
    }
}
