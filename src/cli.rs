//! Command-line interface: argument definitions, input collection, the run loop and exit codes.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::config::{self, Config};
use crate::document::{self, Kind, Role};
use crate::json::{MAX_DEPTH_CEILING, ParseOptions};
use crate::lint::{self, FileReport, LintOptions, Origin, RuleSelection};
use crate::report::{self, Reporter, Summary};
use crate::rules::{self, Profile};

/// Files linted in parallel at a time (two batches are in memory at most).
const BATCH: usize = 256;

/// Exit code: no error-severity findings.
pub const EXIT_OK: u8 = 0;
/// Exit code: error findings (invalid JSON included).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage error, unreadable input, or internal failure.
pub const EXIT_TROUBLE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "oauth-lint",
    version,
    about = "A fast, offline linter for OAuth 2.0 and OpenID Connect metadata"
)]
/// The parsed command line of `oauth-lint`.
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `oauth-lint`.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint documents: files, directories (walked), or `-` for stdin.
    Check(Box<CheckArgs>),
    /// Print the documentation of one rule (by code or name).
    Rule {
        /// A rule code (`DOC002`) or name (`unknown-member`).
        rule: String,
    },
    /// List every rule: code, name, default severity, summary.
    Rules {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Manpage,
    /// Show the effective value of each client setting and where it comes from (client, server
    /// list, or default).
    ExplainClient(ExplainArgs),
}

/// `oauth-lint explain-client CLIENT [--server SERVER] [--format full|json]`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The client metadata document.
    pub client: PathBuf,
    /// The authorization server metadata the client talks to.
    #[arg(long)]
    pub server: Option<PathBuf>,
    /// Output format [default: full].
    #[arg(long, value_enum, default_value_t = ExplainFormat::Full)]
    pub format: ExplainFormat,
}

/// Formats of `explain-client`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// A table: each setting, its effective value, and where the value comes from
    Full,
    /// One JSON document with the client, its role, the server, and every value with its source
    Json,
}

/// The arguments of `oauth-lint check`.
#[derive(Args, Debug, Default)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads stdin. Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// Treat every document as this kind instead of detecting it.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Treat every client document as this role instead of detecting it.
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    /// Apply a profile: its rules, and errors for what its specification makes mandatory
    /// (repeatable; see docs/profiles.md).
    #[arg(long = "profile", value_enum)]
    pub profiles: Vec<ProfileArg>,
    /// Output format [default: full on a terminal, concise otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Only report these rules (codes, names or code prefixes; comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not report these rules (codes, names or code prefixes; comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Set a rule's severity: `CODE=off|info|warning|error` (repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub severity: Vec<String>,
    /// Exit 0 even when there are error findings (2 still means trouble).
    #[arg(long)]
    pub exit_zero: bool,
    /// The file name to use for stdin (for kind detection and messages).
    #[arg(long)]
    pub stdin_filename: Option<String>,
    /// Largest document read, in bytes [default: 10485760].
    #[arg(long)]
    pub max_file_size: Option<u64>,
    /// Deepest nesting of arrays and objects accepted [default: 128].
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=MAX_DEPTH_CEILING as u64))]
    pub max_depth: Option<u64>,
    /// Most elements in one array, or members in one object, accepted [default: 10000].
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_entries: Option<u64>,
    /// Treat named files like files found by walking a directory: skip (and count) those that are
    /// not OAuth metadata instead of reporting them (for pre-commit, which names every changed
    /// `.json` file).
    #[arg(long)]
    pub skip_unknown: bool,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this config file instead of looking for oauth-lint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every config file.
    #[arg(long)]
    pub isolated: bool,
    /// Print the number of findings per rule after the report.
    #[arg(long)]
    pub statistics: bool,
    /// Print only findings: no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Check every client against this authorization server metadata document.
    #[arg(long)]
    pub server: Option<PathBuf>,
}

/// The values of `--kind`; each maps to a [`Kind`].
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    /// Client metadata: registration request or response, static configuration, Client ID Metadata Document
    Client,
    /// Authorization server metadata (RFC 8414, OpenID Connect Discovery)
    Server,
    /// A JWK Set (RFC 7517)
    Jwks,
    /// Protected resource metadata (RFC 9728)
    Resource,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Client => Kind::Client,
            KindArg::Server => Kind::Server,
            KindArg::Jwks => Kind::Jwks,
            KindArg::Resource => Kind::Resource,
        }
    }
}

/// The values of `--role`; each maps to a [`Role`].
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RoleArg {
    /// A dynamic registration request (RFC 7591 §3.1)
    Request,
    /// A registration response (RFC 7591 §3.2.1)
    Response,
    /// A static client configuration (a `client_id`, no registration members)
    Config,
    /// An OAuth Client ID Metadata Document (`client_id` is an https URL)
    Cimd,
    /// The claim set of a software statement (RFC 7591 §2.3)
    Statement,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Request => Role::Request,
            RoleArg::Response => Role::Response,
            RoleArg::Config => Role::Config,
            RoleArg::Cimd => Role::Cimd,
            RoleArg::Statement => Role::Statement,
        }
    }
}

/// The values of `--profile`; each maps to a [`Profile`].
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ProfileArg {
    /// Hold every server document to OpenID Connect Discovery, as OpenID Provider metadata
    Oidc,
    /// OAuth 2.1 (draft-ietf-oauth-v2-1): OAU rules, and its requirements as errors
    #[value(name = "oauth2.1")]
    Oauth21,
    /// OAuth 2.0 Security Best Current Practice (RFC 9700): its recommendations as errors
    SecurityBcp,
    /// FAPI 2.0 Security Profile: FAPI rules, and its requirements as errors
    Fapi2,
    /// Model Context Protocol authorization: MCP rules, and its requirements as errors
    Mcp,
    /// What the oauth4webapi client library supports: OWA rules
    Oauth4webapi,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Profile {
        match p {
            ProfileArg::Oidc => Profile::Oidc,
            ProfileArg::Oauth21 => Profile::Oauth21,
            ProfileArg::SecurityBcp => Profile::SecurityBcp,
            ProfileArg::Fapi2 => Profile::Fapi2,
            ProfileArg::Mcp => Profile::Mcp,
            ProfileArg::Oauth4webapi => Profile::Oauth4webapi,
        }
    }
}

/// The values of `--format` for `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets with labels, help and the rule's documentation link.
    Full,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// One JSON document (files, diagnostics, summary).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one test case per file, a failure per finding.
    Junit,
}

/// The values of `--color`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is unset or empty
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file
    Always,
    /// Never colour
    Never,
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_TROUBLE } else { EXIT_OK });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(*args),
        Command::Rule { rule } => print_rule(&rule),
        Command::Rules { json } => print_rules(json),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "oauth-lint", &mut io::stdout());
            Ok(EXIT_OK)
        }
        Command::Manpage => clap_mangen::Man::new(Cli::command())
            .render(&mut io::stdout())
            .map(|()| EXIT_OK)
            .map_err(|e| e.to_string()),
        Command::ExplainClient(args) => explain_client(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("oauth-lint: {message}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

fn print_rule(name: &str) -> Result<u8, String> {
    let rule = rules::find(name).ok_or_else(|| format!("no rule named `{name}` (see `oauth-lint rules`)"))?;
    let mut out = io::stdout().lock();
    let profile = rule
        .profile
        .map(|p| format!("\nProfile: {}", p.as_str()))
        .unwrap_or_default();
    let raised = rules::profile::escalation_note(rule.code)
        .map(|note| format!("\n{note}"))
        .unwrap_or_default();
    writeln!(
        out,
        "# {} {}\n\n{}.\n\nDefault severity: {}{profile}{raised}\n\n{}",
        rule.code,
        rule.name,
        rule.summary,
        rule.severity,
        rule.docs.trim_end()
    )
    .map_err(|e| e.to_string())?;
    Ok(EXIT_OK)
}

fn print_rules(json: bool) -> Result<u8, String> {
    let mut out = io::stdout().lock();
    if json {
        let list: Vec<_> = rules::ALL
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code, "name": r.name, "severity": r.severity,
                    "summary": r.summary, "profile": r.profile.map(Profile::as_str),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
        return Ok(EXIT_OK);
    }
    for r in rules::ALL.iter() {
        let profile = r.profile.map(|p| format!(" [{}]", p.as_str())).unwrap_or_default();
        writeln!(
            out,
            "{:<8} {:<40} {:<8} {}{profile}",
            r.code, r.name, r.severity, r.summary
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(EXIT_OK)
}

/// One input to lint.
#[derive(Debug)]
enum Input {
    /// Shown as `path.to_string_lossy()` (not stored twice: runs list many files).
    File {
        path: PathBuf,
        origin: Origin,
    },
    Stdin {
        display: String,
    },
    Unreadable {
        display: String,
        message: String,
    },
}

/// The config file's selection with the command line's on top: `--select` replaces the file's
/// select and turns back on the rules it names that the file ignores or sets to `off` (as in ruff,
/// the command line wins), `--ignore` adds to its ignore, `--severity` overrides per rule.
fn selection_from_args(args: &CheckArgs, mut selection: RuleSelection) -> Result<RuleSelection, String> {
    let expand = |s: &str| {
        RuleSelection::expand(s).ok_or_else(|| format!("unknown rule or prefix `{s}` (see `oauth-lint rules`)"))
    };
    if !args.select.is_empty() {
        let mut set = std::collections::HashSet::default();
        for s in &args.select {
            set.extend(expand(s)?);
        }
        selection.ignore.retain(|code| !set.contains(code));
        selection
            .severity
            .retain(|code, level| level.is_some() || !set.contains(code));
        selection.select = Some(set);
    }
    for s in &args.ignore {
        selection.ignore.extend(expand(s)?);
    }
    for s in &args.severity {
        let (rule, level) = s
            .split_once('=')
            .ok_or_else(|| format!("--severity expects CODE=LEVEL, got `{s}`"))?;
        let level = crate::config::parse_level(level)
            .ok_or_else(|| format!("unknown severity `{level}`: expected off, info, warning or error"))?;
        for code in expand(rule)? {
            selection.severity.insert(code, level);
        }
    }
    Ok(selection)
}

/// Loads the config: `--isolated` → none; `--config FILE`; else `oauth-lint.toml` found by walking
/// up from the working directory.
fn load_config(args: &CheckArgs) -> Result<Config, config::ConfigError> {
    if args.isolated {
        return Ok(Config::default());
    }
    if let Some(path) = &args.config {
        return config::load(path);
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match config::discover(&cwd) {
        Some(path) => config::load(&path),
        None => Ok(Config::default()),
    }
}

fn base_options(args: &CheckArgs, config: &Config) -> Result<LintOptions, String> {
    let mut profiles = config.profiles.clone();
    for p in args.profiles.iter().map(|&p| Profile::from(p)) {
        if !profiles.contains(&p) {
            profiles.push(p);
        }
    }
    let max_depth = args
        .max_depth
        .map(|d| d as usize)
        .or(config.max_depth)
        .unwrap_or(crate::json::DEFAULT_MAX_DEPTH);
    let max_entries = args
        .max_entries
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        .or(config.max_entries)
        .unwrap_or(crate::json::DEFAULT_MAX_ENTRIES);
    Ok(LintOptions {
        kind: args.kind.map(Kind::from),
        role: args.role.map(Role::from),
        profiles,
        parse: ParseOptions { max_depth, max_entries },
        max_file_size: args
            .max_file_size
            .or(config.max_file_size)
            .unwrap_or(lint::DEFAULT_MAX_FILE_SIZE),
        extra_members: config.extra_members.clone(),
        selection: selection_from_args(args, config.selection.clone())?,
    })
}

/// The options for one file: the base options with the config's `[[files]]` settings applied
/// (command-line `--kind`/`--role` still win). Files with the same settings share one copy.
fn options_for(
    path: &Path,
    base: &Arc<LintOptions>,
    config: &Config,
    cache: &mut Vec<(config::Applied, Arc<LintOptions>)>,
) -> Arc<LintOptions> {
    let applied = config.settings_for(path);
    if applied.is_empty() {
        return Arc::clone(base);
    }
    if let Some((_, o)) = cache.iter().find(|(a, _)| *a == applied) {
        return Arc::clone(o);
    }
    let mut options = (**base).clone();
    options.kind = options.kind.or(applied.kind);
    options.role = options.role.or(applied.role);
    options.selection.ignore.extend(applied.ignore.iter().copied());
    for p in &applied.profiles {
        if !options.profiles.contains(p) {
            options.profiles.push(*p);
        }
    }
    let options = Arc::new(options);
    cache.push((applied, Arc::clone(&options)));
    options
}

/// Whether colour is wanted on a stream: `--color`, else a terminal without `NO_COLOR`.
fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn check(args: CheckArgs) -> Result<u8, String> {
    let config = match load_config(&args) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprint!("{}", e.render(use_color(args.color, io::stderr().is_terminal())));
            return Ok(EXIT_TROUBLE);
        }
    };
    let base = Arc::new(base_options(&args, &config)?);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (pairings, server_reports, mut unusable_servers) = pairings_for(&args, &paths, &config, &base);
    let mut pairing_notes = crate::pairing::PairingNotes::default();

    // Where the report goes: stdout, or a file written atomically (a temporary file renamed into
    // place once complete, so a failed run never leaves half a report).
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal);
    let format = args
        .format
        .unwrap_or(if to_terminal { Format::Full } else { Format::Concise });
    let mut reporter: Box<dyn Reporter> = match format {
        Format::Full => {
            let mut full = report::Full::new(color, terminal_width().unwrap_or(100));
            full.summary = !args.quiet;
            Box::new(full)
        }
        Format::Concise => Box::new(report::Concise { summary: !args.quiet }),
        Format::Json => Box::new(report::Json::default()),
        Format::Sarif => Box::new(report::Sarif::default()),
        Format::Github => Box::new(report::Github),
        Format::Junit => Box::new(report::Junit::default()),
    };
    let mut output = Output::open(args.output.as_deref())?;

    let mut summary = Summary::default();
    let mut stdin_used = false;
    let mut trouble = false;
    for report in server_reports {
        trouble |= report.io_error;
        report_unusable_server(&report, &mut summary, &mut *reporter, &mut output)?;
    }
    // Lint in parallel, a bounded batch at a time, and report in input order: memory stays
    // bounded by three batches, not by the number of files (the inputs themselves are read from
    // the walk a batch at a time).
    let mut cache = Vec::new();
    // The inputs as they are found, never all in memory: `--skip-unknown` treats named files as
    // walked ones (an unknown kind is skipped, not an error).
    let skip_unknown = args.skip_unknown;
    let mut inputs = collect_inputs(&paths, args.stdin_filename.as_deref(), &config, !args.paths.is_empty()).map(
        move |mut input| {
            if skip_unknown && let Input::File { origin, .. } = &mut input {
                *origin = Origin::Walked;
            }
            input
        },
    );
    type Batch = Vec<(Input, Arc<LintOptions>, Option<PathBuf>)>;
    let mut next_batch = || -> Batch {
        inputs
            .by_ref()
            .take(BATCH)
            .map(|input| {
                let (options, configured) = match &input {
                    Input::File { path, .. } => (
                        options_for(path, &base, &config, &mut cache),
                        config.settings_for(path).server,
                    ),
                    Input::Stdin { display } => (options_for(Path::new(display), &base, &config, &mut cache), None),
                    Input::Unreadable { .. } => (Arc::clone(&base), None),
                };
                (input, options, configured)
            })
            .collect()
    };
    let pairings = &pairings;
    let lint_batch = |batch: &[(Input, Arc<LintOptions>, Option<PathBuf>)]| -> Vec<FileReport> {
        if batch.len() <= 1 {
            // One file (the pre-commit case): no thread pool to start.
            return batch
                .iter()
                .map(|(input, options, configured)| lint_input(input, options, configured.as_deref(), pairings))
                .collect();
        }
        batch
            .par_iter()
            .map(|(input, options, configured)| lint_input(input, options, configured.as_deref(), pairings))
            .collect()
    };
    let mut report_batch = |batch: Batch, reports: Vec<FileReport>| -> Result<(), String> {
        for ((input, options, configured), mut report) in batch.iter().zip(reports) {
            // A config-named server that cannot be used: reported before the first input that
            // names it.
            if let Some(server) = configured.as_ref().and_then(|path| unusable_servers.remove(path)) {
                trouble |= server.io_error;
                report_unusable_server(&server, &mut summary, &mut *reporter, &mut output)?;
            }
            if let Input::Stdin { display } = input {
                report = if stdin_used {
                    lint::unreadable(display, "stdin (`-`) can be read only once".into(), options)
                } else {
                    stdin_used = true;
                    read_stdin(display, options, pairings)
                };
            }
            if report.kind == Some(Kind::Client) {
                let pairing = crate::pairing::pair(Path::new(&report.source.path), configured.as_deref(), pairings);
                if let crate::pairing::Pairing::Paired { server, source } = &pairing {
                    summary.pairs.push(report::PairRecord {
                        client: report.source.path.clone(),
                        server: server.path().to_owned(),
                        source: source.as_str(),
                    });
                }
                pairing_notes.record(&pairing);
            }
            trouble |= report.io_error;
            summary.add(&report);
            reporter.file(&report, &mut output).map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    let first = next_batch();
    if first.len() < BATCH {
        // One batch holds every input (one file, the pre-commit case, lints on this thread).
        let reports = lint_batch(&first);
        report_batch(first, reports)?;
    } else {
        // Up to `AHEAD` batches are queued on the pool while the oldest is reported, so the pool
        // always has the next batch when it finishes one: the cores wait neither at a batch
        // boundary, nor for the report, nor for the walk (which goes on here meanwhile).
        const AHEAD: usize = 2;
        let lint_batch = &lint_batch;
        rayon::in_place_scope(|scope| -> Result<(), String> {
            let mut in_flight = std::collections::VecDeque::with_capacity(AHEAD);
            let mut batch = first;
            loop {
                while !batch.is_empty() && in_flight.len() < AHEAD {
                    let (done, linted) = std::sync::mpsc::sync_channel(1);
                    scope.spawn(move |_| {
                        let reports = lint_batch(&batch);
                        let _ = done.send((batch, reports));
                    });
                    in_flight.push_back(linted);
                    batch = next_batch();
                }
                let Some(linted) = in_flight.pop_front() else { break };
                // No batch: its lint panicked, and the scope re-raises the panic when it ends.
                let Ok((batch, reports)) = linted.recv() else { break };
                report_batch(batch, reports)?;
            }
            Ok(())
        })?;
    }
    summary.notes.extend(pairing_notes.lines());
    reporter.finish(&summary, &mut output).map_err(|e| e.to_string())?;
    if args.statistics && matches!(format, Format::Full | Format::Concise) {
        write!(output, "{}", summary.statistics()).map_err(|e| e.to_string())?;
    }
    output.commit()?;

    Ok(if trouble {
        EXIT_TROUBLE
    } else if summary.errors > 0 && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// The report's destination.
enum Output {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    File {
        writer: io::BufWriter<std::fs::File>,
        /// Cleared once renamed into place.
        temporary: Option<PathBuf>,
        target: PathBuf,
    },
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Output, String> {
        let Some(target) = path else {
            return Ok(Output::Stdout(io::BufWriter::new(io::stdout().lock())));
        };
        let name = target
            .file_name()
            .ok_or_else(|| format!("--output `{}` is not a file path", target.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}.tmp", std::process::id()));
        let temporary = target.with_file_name(temporary_name);
        let file =
            std::fs::File::create(&temporary).map_err(|e| format!("cannot write `{}`: {e}", temporary.display()))?;
        Ok(Output::File {
            writer: io::BufWriter::new(file),
            temporary: Some(temporary),
            target: target.to_path_buf(),
        })
    }

    /// Flushes, and for a file renames the finished temporary file into place.
    fn commit(&mut self) -> Result<(), String> {
        match self {
            Output::Stdout(w) => w.flush().map_err(|e| e.to_string()),
            Output::File {
                writer,
                temporary,
                target,
            } => {
                writer.flush().map_err(|e| e.to_string())?;
                writer.get_ref().sync_all().map_err(|e| e.to_string())?;
                let Some(from) = temporary.take() else { return Ok(()) };
                std::fs::rename(&from, &*target).map_err(|e| {
                    let _ = std::fs::remove_file(&from);
                    format!("cannot write `{}`: {e}", target.display())
                })
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // A report that was not committed (an error mid-run) leaves nothing behind.
        if let Output::File {
            temporary: Some(temporary),
            ..
        } = self
        {
            let _ = std::fs::remove_file(temporary);
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { writer, .. } => writer.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { writer, .. } => writer.flush(),
        }
    }
}

/// The servers of the run (see [`crate::pairing`]): the `--server` document, the documents the
/// config's `[[files]] server` settings name, and the server documents among the inputs. Also the
/// reports to print for server documents that cannot be used.
/// Reports a server document that cannot be used (its clients are linted alone), with a note.
fn report_unusable_server(
    report: &FileReport,
    summary: &mut Summary,
    reporter: &mut dyn Reporter,
    output: &mut dyn Write,
) -> Result<(), String> {
    summary.add(report);
    summary.notes.push(format!(
        "the server document `{}` could not be used: its clients were linted alone",
        report.source.path
    ));
    reporter.file(report, output).map_err(|e| e.to_string())
}

/// The run's pairings; the report of a `--server` document that cannot be used; and, by path, the
/// reports of the config's `[[files]] server` documents that cannot be used (each reported
/// before the first input that names it, and not at all when no input does).
fn pairings_for(
    args: &CheckArgs,
    paths: &[PathBuf],
    config: &Arc<Config>,
    options: &LintOptions,
) -> (crate::pairing::Pairings, Vec<FileReport>, BTreeMap<PathBuf, FileReport>) {
    use crate::pairing::{InputFiles, Pairings, load_server};
    let mut reports = Vec::new();
    let mut unusable = BTreeMap::new();
    let flag = args.server.as_ref().and_then(|path| {
        load_server(&path.to_string_lossy(), path, options)
            .map_err(|report| reports.push(report))
            .ok()
    });
    let mut pairings = Pairings::new(flag);
    if args.server.is_some() {
        return (pairings, reports, unusable);
    }
    // Every server the config's `[[files]]` settings name (a handful), read now: which inputs name
    // one is known only as the walk finds them.
    let wanted: std::collections::BTreeSet<&PathBuf> = config.files.iter().filter_map(|f| f.server.as_ref()).collect();
    let cwd = std::env::current_dir().ok();
    for path in wanted {
        // Shown relative to the working directory, as the other inputs are (the config
        // resolves it against its own directory).
        let display = cwd
            .as_deref()
            .and_then(|cwd| relative_to(path, cwd))
            .unwrap_or_else(|| path.clone())
            .to_string_lossy()
            .into_owned();
        match load_server(&display, path, options) {
            Ok(server) => pairings.add_configured_server(path, server),
            Err(report) => {
                unusable.insert(path.clone(), report);
            }
        }
    }
    if options.kind.is_some() {
        return (pairings, reports, unusable);
    }
    // The server documents among the inputs are found only when a client needs one, by listing
    // the client's directory and those above it as the walk would.
    let mut named: std::collections::BTreeMap<PathBuf, Vec<std::ffi::OsString>> = Default::default();
    let mut roots = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => roots.push(path.clone()),
            Ok(_) => {
                if let (Some(directory), Some(name)) = (path.parent(), path.file_name()) {
                    named.entry(directory.to_path_buf()).or_default().push(name.to_owned());
                }
            }
            Err(_) => {}
        }
    }
    let (reach, take) = (Arc::clone(config), Arc::clone(config));
    pairings.set_input_files(InputFiles {
        named,
        walks: Box::new(move |directory| roots.iter().any(|root| walk_reaches(root, directory, &reach))),
        picks: Box::new(move |file| walk_takes(file, &take)),
        options: options.clone(),
    });
    (pairings, reports, unusable)
}

/// `path` relative to `base` (both absolute, `..` where `path` is not below it), or `None` when
/// they share no prefix but the root, or either has `.`/`..` components.
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let plain = |p: &Path| {
        p.is_absolute()
            && p.components()
                .all(|c| !matches!(c, Component::CurDir | Component::ParentDir))
    };
    if !plain(path) || !plain(base) {
        return None;
    }
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    // Only the root in common: the absolute path says more than a string of `..`.
    if common <= 1 {
        return None;
    }
    let mut out: PathBuf = base.components().skip(common).map(|_| Component::ParentDir).collect();
    out.extend(path.components().skip(common));
    Some(out)
}

fn paired_server(
    display: &str,
    configured: Option<&Path>,
    pairings: &crate::pairing::Pairings,
) -> Option<lint::ServerRef<'static>> {
    match crate::pairing::pair(Path::new(display), configured, pairings) {
        crate::pairing::Pairing::Paired { server, .. } => Some(lint::ServerRef::Shared(server)),
        _ => None,
    }
}

fn lint_input(
    input: &Input,
    options: &LintOptions,
    configured: Option<&Path>,
    pairings: &crate::pairing::Pairings,
) -> FileReport {
    match input {
        Input::File { path, origin } => {
            let display = path.to_string_lossy();
            lint::lint_path_with(&display, path, *origin, options, &|| {
                paired_server(&display, configured, pairings)
            })
        }
        // Stdin is read on the reporting thread, in order.
        Input::Stdin { display } => lint::unreadable(display, String::new(), options),
        Input::Unreadable { display, message } => lint::unreadable(display, message.clone(), options),
    }
}

fn read_stdin(display: &str, options: &LintOptions, pairings: &crate::pairing::Pairings) -> FileReport {
    let mut bytes = Vec::new();
    let stdin = io::stdin();
    if let Err(e) = stdin.lock().take(options.max_file_size + 1).read_to_end(&mut bytes) {
        return lint::unreadable(display, format!("cannot read stdin: {e}"), options);
    }
    lint::lint_bytes_with(display, bytes, Origin::Explicit, options, &|| {
        paired_server(display, None, pairings)
    })
}

fn explain_client(args: ExplainArgs) -> Result<u8, String> {
    let text = crate::explain::run(&args.client, args.server.as_deref(), args.format == ExplainFormat::Json)?;
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(EXIT_OK)
}

/// Expands the command-line paths: files as given, directories walked (sorted by name; `.git`,
/// `target` and `node_modules` skipped; symbolic links followed, loops reported), `-` for stdin.
///
/// A directory named on the command line (`explicit`) in which no file is a candidate is trouble
/// (exit code 2): a CI job pointed at the wrong path must not pass having checked nothing.
fn collect_inputs<'c>(
    paths: &'c [PathBuf],
    stdin_filename: Option<&str>,
    config: &'c Config,
    explicit: bool,
) -> InputStream<'c> {
    InputStream {
        paths: paths.iter(),
        stdin_filename: stdin_filename.map(str::to_owned),
        config,
        explicit,
        walk: None,
    }
}

/// The inputs of a run, produced as they are found (a directory's files as the walk reaches them):
/// a run over many files never holds the list of all of them.
struct InputStream<'c> {
    paths: std::slice::Iter<'c, PathBuf>,
    stdin_filename: Option<String>,
    config: &'c Config,
    explicit: bool,
    walk: Option<Walk<'c>>,
}

/// The walk of one directory named on the command line.
struct Walk<'c> {
    root: PathBuf,
    /// The root is the current directory (`.`): paths are shown without its `./`, as ruff and
    /// git show them.
    current: bool,
    entries: Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + 'c>,
    /// Inputs found so far (files and unreadable entries).
    found: usize,
}

impl Iterator for InputStream<'_> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.entries.next() {
                    Some(Ok(e)) => {
                        if !walk_takes_entry(e.path(), e.file_type().is_dir()) {
                            continue;
                        }
                        walk.found += 1;
                        return Some(Input::File {
                            path: walk.shown(e.into_path()),
                            origin: Origin::Walked,
                        });
                    }
                    Some(Err(err)) => {
                        walk.found += 1;
                        return Some(walk_error(walk, &err));
                    }
                    None => {
                        let walk = self.walk.take().expect("a walk is in progress");
                        if self.explicit && walk.found == 0 {
                            let display = walk.root.to_string_lossy().into_owned();
                            return Some(Input::Unreadable {
                                message: format!(
                                    "`{display}` is a directory with no file to lint (`*.json`, `openid-configuration`, `oauth-authorization-server`, `oauth-protected-resource`, `jwks`)"
                                ),
                                display,
                            });
                        }
                        continue;
                    }
                }
            }
            let path = self.paths.next()?.clone();
            if path.as_os_str() == "-" {
                return Some(Input::Stdin {
                    display: self.stdin_filename.clone().unwrap_or_else(|| "-".to_owned()),
                });
            }
            let display = path.to_string_lossy().into_owned();
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    self.walk = Some(Walk {
                        entries: Box::new(walker(&path, self.config)),
                        current: is_current_directory(&path),
                        root: path,
                        found: 0,
                    });
                }
                Ok(_) => {
                    return Some(Input::File {
                        path,
                        origin: Origin::Explicit,
                    });
                }
                Err(e) => {
                    return Some(Input::Unreadable {
                        message: match e.kind() {
                            io::ErrorKind::NotFound => format!("`{display}`: no such file or directory"),
                            _ => format!("cannot read `{display}`: {e}"),
                        },
                        display,
                    });
                }
            }
        }
    }
}

impl Walk<'_> {
    /// A walked path as shown and linted: without the `./` of a walk of the current directory.
    fn shown(&self, path: PathBuf) -> PathBuf {
        if !self.current {
            return path;
        }
        match path.strip_prefix(&self.root) {
            Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
            _ => path,
        }
    }
}

/// Whether a path names the current directory (`.`, `./`, `././`).
fn is_current_directory(path: &Path) -> bool {
    path.components().all(|c| c == std::path::Component::CurDir) && !path.as_os_str().is_empty()
}

/// Directory names never descended into.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules"];

/// Whether the walk leaves out this entry below its root: a skipped directory name, or a path
/// `lint.exclude` matches.
fn walk_skips(path: &Path, is_dir: bool, config: &Config) -> bool {
    (is_dir
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| SKIPPED_DIRS.contains(&n)))
        || config.is_excluded(path)
}

/// The entries below `root`, lazily, each directory's sorted by file name (compared as the whole
/// paths' bytes: siblings share their parent's path, so the order is the names' byte order, as
/// walkdir's `sort_by_file_name`, without splitting each path into components on every
/// comparison).
fn walker<'c>(root: &Path, config: &'c Config) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> + 'c {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| {
            a.path()
                .as_os_str()
                .as_encoded_bytes()
                .cmp(b.path().as_os_str().as_encoded_bytes())
        })
        .into_iter()
        .filter_entry(move |e| e.depth() == 0 || !walk_skips(e.path(), e.file_type().is_dir(), config))
}

/// Whether the walk of `root` reaches `directory` (so the files it takes there are inputs). The
/// walk of the current directory shows its paths without `./` (see [`Walk::shown`]): for it,
/// `directory` is a relative path below the working directory (`""` is the directory itself).
fn walk_reaches(root: &Path, directory: &Path, config: &Config) -> bool {
    let (root, below) = if is_current_directory(root)
        && directory
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    {
        (Path::new(""), directory)
    } else {
        match directory.strip_prefix(root) {
            Ok(below) => (root, below),
            Err(_) => return false,
        }
    };
    let mut path = root.to_path_buf();
    for component in below.components() {
        path.push(component);
        if walk_skips(&path, true, config) || !std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            return false;
        }
    }
    true
}

/// Whether the walk takes this file of a directory it reaches.
fn walk_takes(path: &Path, config: &Config) -> bool {
    !walk_skips(path, false, config) && walk_takes_entry(path, std::fs::metadata(path).is_ok_and(|m| m.is_dir()))
}

/// Whether an entry the walk reaches (and does not skip) is an input: a file with a candidate
/// name (`document::is_candidate_file_name`).
fn walk_takes_entry(path: &Path, is_dir: bool) -> bool {
    !is_dir && document::is_candidate_file_name(path)
}

/// An entry the walk could not read, as an input that says why.
fn walk_error(walk: &Walk<'_>, err: &walkdir::Error) -> Input {
    let display = walk
        .shown(err.path().unwrap_or(&walk.root).to_path_buf())
        .to_string_lossy()
        .into_owned();
    let message = if let Some(ancestor) = err.loop_ancestor() {
        format!(
            "`{display}` is a symbolic link loop (back to `{}`); not followed",
            ancestor.display()
        )
    } else if let Some(io) = err.io_error() {
        match io.kind() {
            io::ErrorKind::PermissionDenied => format!("cannot read `{display}`: permission denied"),
            io::ErrorKind::NotFound => {
                format!("cannot read `{display}`: no such file or directory (a broken symbolic link?)")
            }
            _ => format!("cannot read `{display}`: {io}"),
        }
    } else {
        format!("cannot read `{display}`: {err}")
    };
    Input::Unreadable { display, message }
}

fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relative_to_the_working_directory() {
        let rel = |p: &str, b: &str| relative_to(Path::new(p), Path::new(b));
        assert_eq!(
            rel("/repo/idp/openid-configuration", "/repo"),
            Some("idp/openid-configuration".into())
        );
        assert_eq!(
            rel("/repo/idp/openid-configuration", "/repo/clients"),
            Some("../idp/openid-configuration".into())
        );
        assert_eq!(rel("/other/x.json", "/repo"), None, "only the root in common");
        assert_eq!(rel("/repo/../x.json", "/repo"), None);
        assert_eq!(rel("idp/x.json", "/repo"), None);
    }

    #[test]
    fn current_directory_names() {
        assert!(is_current_directory(Path::new(".")) && is_current_directory(Path::new("./")));
        assert!(!is_current_directory(Path::new("")) && !is_current_directory(Path::new("./a")));
    }
}
