//! Which server document each client is checked against (SPEC §4.7).
//!
//! [`pair`] is the single place that decides, in this order:
//! 1. `--server FILE` pairs every client with that file;
//! 2. the config file's `[[files]] server = "…"` setting that matches the client;
//! 3. a directory holding exactly one server document (among the documents being checked) pairs
//!    it with the client documents beside and below it, the nearest such directory winning. A
//!    directory with several server documents pairs nothing below it (which one would be a
//!    guess), and says so.

#![warn(missing_docs)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::cross::{ServerDoc, ServerLoadError};
use crate::diagnostic::Diagnostic;
use crate::document::{self, Kind};
use crate::json::Span;
use crate::lint::{self, FileReport, LintOptions, Origin};
use crate::rules::cross::PAIRED_DOCUMENT_NOT_A_SERVER;
use crate::source::SourceFile;

/// Why a client is paired with its server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairSource {
    /// `--server FILE`.
    Flag,
    /// A `[[files]] server` setting of the config file.
    Config,
    /// The only server document in this directory (the client is beside or below it).
    Directory(PathBuf),
}

impl PairSource {
    /// `flag` or `directory`, for the JSON output.
    pub fn as_str(&self) -> &'static str {
        match self {
            PairSource::Flag => "flag",
            PairSource::Config => "config",
            PairSource::Directory(_) => "directory",
        }
    }
}

/// The decision for one client.
#[derive(Clone, Debug)]
pub enum Pairing {
    /// Checked against this server.
    Paired {
        /// The server document.
        server: Arc<ServerDoc>,
        /// Why.
        source: PairSource,
    },
    /// The nearest directory with server documents holds several: not paired.
    Ambiguous {
        /// That directory.
        directory: PathBuf,
        /// How many server documents it holds.
        servers: usize,
    },
    /// No server to pair with: linted alone.
    Alone,
}

/// The servers known to a run: the `--server` file, the config's, and the server documents among
/// the inputs by the directory that holds them.
#[derive(Debug, Default)]
pub struct Pairings {
    flag: Option<Arc<ServerDoc>>,
    configured: BTreeMap<PathBuf, Arc<ServerDoc>>,
    by_directory: BTreeMap<PathBuf, Vec<Arc<ServerDoc>>>,
    /// Which files are inputs, for directory pairing (`None`: no directory pairing).
    inputs: Option<InputFiles>,
    /// Each directory's server documents among the input files, found when a client document
    /// beside or below it first needs them (a run without client documents reads no file twice,
    /// and only a directory's single server document is kept). One entry per directory asked
    /// about, never one per file: the input files are not collected.
    input_directories: Mutex<BTreeMap<PathBuf, Arc<OnceLock<DirectoryServers>>>>,
}

/// How a run finds its input files, so that the input files of a directory can be listed when a
/// client needs them, without keeping the list of every input (memory would grow with the number
/// of files).
pub struct InputFiles {
    /// Files named on the command line, by the directory that holds them.
    pub named: BTreeMap<PathBuf, Vec<OsString>>,
    /// Whether the walk of a directory named on the command line reaches this directory.
    pub walks: Box<dyn Fn(&Path) -> bool + Send + Sync>,
    /// Whether the walk takes this file of a directory it reaches.
    pub picks: Box<dyn Fn(&Path) -> bool + Send + Sync>,
    /// The options the input files are read with (as [`input_server`] takes them).
    pub options: LintOptions,
}

impl std::fmt::Debug for InputFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InputFiles")
            .field("named", &self.named)
            .finish_non_exhaustive()
    }
}

impl InputFiles {
    /// The input files of `directory` that may be server documents: those named on the command
    /// line, and, when the walk reaches it, those the walk takes (listed now), once each.
    fn candidates(&self, directory: &Path) -> Vec<PathBuf> {
        let mut names: Vec<OsString> = self.named.get(directory).cloned().unwrap_or_default();
        // `""` is the working directory (the parent of a relative file name).
        let listed = if directory.as_os_str().is_empty() {
            Path::new(".")
        } else {
            directory
        };
        if (self.walks)(directory)
            && let Ok(entries) = std::fs::read_dir(listed)
        {
            names.extend(
                entries
                    .flatten()
                    .filter(|e| (self.picks)(&directory.join(e.file_name())))
                    .map(|e| e.file_name()),
            );
        }
        names.sort();
        names.dedup();
        names
            .into_iter()
            .map(|name| directory.join(name))
            // Files named as another kind are never server documents (as in `input_server`).
            .filter(|path| {
                !matches!(
                    self.options.kind.or_else(|| document::kind_from_file_name(path)),
                    Some(k) if k != Kind::Server
                )
            })
            .collect()
    }
}

/// The server documents among a directory's input files.
#[derive(Debug)]
enum DirectoryServers {
    None,
    One(Arc<ServerDoc>),
    /// Several server documents (how many): no pairing.
    Several(usize),
}

impl Pairings {
    /// Pairings for a run; `flag` is the `--server` document.
    pub fn new(flag: Option<Arc<ServerDoc>>) -> Self {
        Pairings {
            flag,
            configured: BTreeMap::new(),
            by_directory: BTreeMap::new(),
            inputs: None,
            input_directories: Mutex::new(BTreeMap::new()),
        }
    }

    /// Sets how the input files are found: their server documents pair with the client documents
    /// beside and below them (read when a client first needs them, as
    /// [`add_input_server`](Self::add_input_server) would record each one found by
    /// [`input_server`], displayed as `path.to_string_lossy()`).
    pub fn set_input_files(&mut self, inputs: InputFiles) {
        self.inputs = Some(inputs);
    }

    /// The server documents among the input files of `directory` (read on first use).
    fn input_servers(&self, directory: &Path) -> Option<Arc<OnceLock<DirectoryServers>>> {
        let inputs = self.inputs.as_ref()?;
        let entry = {
            let mut directories = self.input_directories.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(directories.entry(directory.to_path_buf()).or_default())
        };
        entry.get_or_init(|| {
            let mut found = inputs
                .candidates(directory)
                .into_iter()
                .filter_map(|path| input_server(&path, &path.to_string_lossy(), &inputs.options));
            match (found.next(), found.count()) {
                (None, _) => DirectoryServers::None,
                (Some(server), 0) => DirectoryServers::One(server),
                (Some(_), more) => DirectoryServers::Several(more + 1),
            }
        });
        Some(entry)
    }

    /// Records a server document named by the config (`[[files]] server`), loaded from `path`.
    pub fn add_configured_server(&mut self, path: &Path, server: Arc<ServerDoc>) {
        self.configured.insert(path.to_path_buf(), server);
    }

    /// Records a server document found among the inputs at `path`.
    pub fn add_input_server(&mut self, path: &Path, server: Arc<ServerDoc>) {
        let directory = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.by_directory.entry(directory).or_default().push(server);
    }

    /// Whether any pairing can happen at all.
    pub fn is_empty(&self) -> bool {
        self.flag.is_none() && self.configured.is_empty() && self.by_directory.is_empty() && self.inputs.is_none()
    }
}

/// Decides which server the client document at `client` is checked against. `configured` is the
/// server the config's `[[files]]` settings name for this client, if any (a configured server that
/// could not be loaded pairs nothing: the client is linted alone, the server's report says why).
pub fn pair(client: &Path, configured: Option<&Path>, pairings: &Pairings) -> Pairing {
    if let Some(server) = &pairings.flag {
        return Pairing::Paired {
            server: Arc::clone(server),
            source: PairSource::Flag,
        };
    }
    if let Some(path) = configured {
        return match pairings.configured.get(path) {
            Some(server) => Pairing::Paired {
                server: Arc::clone(server),
                source: PairSource::Config,
            },
            None => Pairing::Alone,
        };
    }
    let mut directory = client.parent();
    while let Some(dir) = directory {
        let added = pairings.by_directory.get(dir).map_or(&[][..], Vec::as_slice);
        let found = pairings.input_servers(dir);
        let (one, count) = match found.as_deref().and_then(OnceLock::get) {
            None | Some(DirectoryServers::None) => (None, 0),
            Some(DirectoryServers::One(server)) => (Some(server), 1),
            Some(DirectoryServers::Several(n)) => (None, *n),
        };
        match (added, one, count) {
            ([], _, 0) => {}
            ([server], None, 0) | ([], Some(server), 1) => {
                return Pairing::Paired {
                    server: Arc::clone(server),
                    source: PairSource::Directory(dir.to_path_buf()),
                };
            }
            _ => {
                return Pairing::Ambiguous {
                    directory: dir.to_path_buf(),
                    servers: added.len() + count,
                };
            }
        }
        directory = dir.parent();
    }
    Pairing::Alone
}

/// Reads the `--server` document. On failure, the report to print for it instead: unreadable
/// (`JSON009`, exit code 2), not JSON (`JSON001`…), or not a server (`XCS026`).
pub fn load_server(display: &str, path: &Path, options: &LintOptions) -> Result<Arc<ServerDoc>, FileReport> {
    let bytes = match lint::read_bounded(path, options.max_file_size) {
        Ok(bytes) => bytes,
        // Too large: linting it says so, like any oversized input.
        Err(lint::ReadError::TooLarge(_)) => {
            return Err(lint::lint_path(display, path, Origin::Explicit, options, None));
        }
        Err(e) => {
            let why = match e {
                lint::ReadError::Io(why) => format!("cannot read the server document `{display}`: {why}"),
                lint::ReadError::Directory => format!("the server document `{display}` is a directory"),
                _ => format!("the server document `{display}` is not a regular file (a FIFO, socket or device)"),
            };
            return Err(lint::unreadable(
                display,
                format!("{why}; clients are linted alone"),
                options,
            ));
        }
    };
    if bytes.len() as u64 > options.max_file_size {
        return Err(lint::lint_bytes(display, bytes, Origin::Explicit, options, None));
    }
    match ServerDoc::from_bytes(display, bytes.clone()) {
        Ok(server) => Ok(Arc::new(server)),
        Err(ServerLoadError::NotAServer { detected }) => Err(not_a_server(display, bytes, detected, options)),
        Err(_) => {
            // Not UTF-8, not JSON, not an object: linting it as a server reports exactly why.
            let server_options = LintOptions {
                kind: Some(Kind::Server),
                ..options.clone()
            };
            Err(lint::lint_bytes(
                display,
                bytes,
                Origin::Explicit,
                &server_options,
                None,
            ))
        }
    }
}

fn not_a_server(display: &str, bytes: Vec<u8>, detected: Kind, options: &LintOptions) -> FileReport {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let span = Span::new(0, text.len());
    let source = Arc::new(SourceFile::new(display, text));
    let mut d = Diagnostic::new(
        &PAIRED_DOCUMENT_NOT_A_SERVER,
        span,
        "",
        format!(
            "`{display}` is {}, not authorization server metadata: clients are linted alone",
            detected.describe()
        ),
    );
    d.help("pass the server's discovery document (`openid-configuration` or `oauth-authorization-server`) to --server");
    let mut diagnostics = vec![d];
    diagnostics.retain_mut(
        |d| match options.selection.effective(d.rule, &options.profiles, d.severity) {
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        },
    );
    FileReport {
        source,
        kind: Some(detected),
        kind_source: None,
        role: None,
        valid_json: true,
        skipped: false,
        io_error: false,
        diagnostics,
    }
}

/// Reads an input and keeps it when it is positively a server document (by name or content).
/// Files named as another kind are not read.
pub fn input_server(path: &Path, display: &str, options: &LintOptions) -> Option<Arc<ServerDoc>> {
    match options.kind.or_else(|| document::kind_from_file_name(path)) {
        Some(Kind::Server) | None => {}
        Some(_) => return None,
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > options.max_file_size {
        return None;
    }
    let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
    // Cheap pre-filter: server metadata has an `issuer` or some `*_supported` list.
    if !text.contains("\"issuer\"") && !text.contains("_supported\"") {
        return None;
    }
    ServerDoc::from_source_if_server(Arc::new(SourceFile::new(display, text))).map(Arc::new)
}

/// One line of the run's notes per server used, and per ambiguous directory.
#[derive(Debug, Default)]
pub struct PairingNotes {
    paired: BTreeMap<(String, String), usize>,
    ambiguous: BTreeMap<PathBuf, (usize, usize)>,
}

impl PairingNotes {
    /// Records the decision for a client document.
    pub fn record(&mut self, pairing: &Pairing) {
        match pairing {
            Pairing::Paired { server, source } => {
                let why = match source {
                    PairSource::Flag => "(--server)".to_owned(),
                    PairSource::Config => "(config `[[files]] server`)".to_owned(),
                    PairSource::Directory(dir) => format!("(the only server document in `{}`)", shown(dir)),
                };
                *self.paired.entry((server.path().to_owned(), why)).or_default() += 1;
            }
            Pairing::Ambiguous { directory, servers } => {
                let entry = self.ambiguous.entry(directory.clone()).or_insert((*servers, 0));
                entry.1 += 1;
            }
            Pairing::Alone => {}
        }
    }

    /// The notes, in a stable order.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .paired
            .iter()
            .map(|((server, why), n)| {
                format!(
                    "checked {n} client document{} against `{server}` {why}",
                    if *n == 1 { "" } else { "s" }
                )
            })
            .collect();
        lines.extend(self.ambiguous.iter().map(|(dir, (servers, n))| {
            format!(
                "`{}` holds {servers} server documents: {n} client document{} beside and below it {} linted alone (choose a server with --server)",
                shown(dir),
                if *n == 1 { "" } else { "s" },
                if *n == 1 { "was" } else { "were" }
            )
        }));
        lines
    }
}

fn shown(dir: &Path) -> String {
    let s = dir.to_string_lossy();
    if s.is_empty() { ".".to_owned() } else { s.into_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(path: &str) -> Arc<ServerDoc> {
        Arc::new(ServerDoc::from_bytes(path, br#"{"issuer": "https://as.example"}"#.to_vec()).unwrap())
    }

    #[test]
    fn nearest_directory_with_one_server_wins() {
        let mut p = Pairings::new(None);
        p.add_input_server(
            Path::new("repo/openid-configuration"),
            server("repo/openid-configuration"),
        );
        p.add_input_server(Path::new("repo/b/x.discovery.json"), server("repo/b/x.discovery.json"));
        p.add_input_server(Path::new("repo/b/y.discovery.json"), server("repo/b/y.discovery.json"));
        match pair(Path::new("repo/clients/a.json"), None, &p) {
            Pairing::Paired { server, source } => {
                assert_eq!(server.path(), "repo/openid-configuration");
                assert_eq!(source, PairSource::Directory(PathBuf::from("repo")));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            pair(Path::new("repo/b/c/a.json"), None, &p),
            Pairing::Ambiguous { servers: 2, .. }
        ));
        assert!(matches!(pair(Path::new("elsewhere/a.json"), None, &p), Pairing::Alone));
    }

    #[test]
    fn flag_wins() {
        let mut p = Pairings::new(Some(server("s.json")));
        p.add_input_server(
            Path::new("repo/openid-configuration"),
            server("repo/openid-configuration"),
        );
        assert!(matches!(
            pair(Path::new("repo/a.json"), None, &p),
            Pairing::Paired {
                source: PairSource::Flag,
                ..
            }
        ));
    }
}
