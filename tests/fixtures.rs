//! Rule fixtures: `fixtures/rules/<CODE>/*.json`, each with `<file>.expected` beside it listing every
//! finding as `severity CODE pointer`, one per line, in report order. Files named `fail*` must
//! produce the directory's rule; files named `pass*` must not.
//!
//! The kind is taken from the file name (`fail.client.json`, `pass.discovery.json`, `x.jwks.json`;
//! `*.resource.json` is forced to protected resource metadata); an optional `options.json` in the
//! directory sets `profiles`, `kind`, `role`, `max_file_size`, `max_depth`, `server` (a file of
//! the directory that client fixtures are checked against, named so that it is not itself a
//! fixture, e.g. `server.discovery.json`) and `servers` (a per-fixture override:
//! `{"fail-unadvertised.client.json": "minimal.discovery.json"}`).
//!
//! Bless after reviewing: `UPDATE_EXPECT=1 cargo test --test fixtures`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use oauth_lint::cross::ServerDoc;
use oauth_lint::document::{Kind, Role};
use oauth_lint::lint::{FileReport, LintOptions, Origin};
use oauth_lint::rules::{self, Profile};

/// Rules that no fixture document can trigger, and where they are tested instead.
pub const NOT_FIXTURE_TESTABLE: &[(&str, &str)] = &[
    ("JSON009", "tests/cli.rs: missing and unreadable paths"),
    ("XCS026", "tests/cross.rs: a --server document that is not a server"),
];

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DirOptions {
    #[serde(default)]
    profiles: Vec<Profile>,
    kind: Option<Kind>,
    role: Option<Role>,
    max_file_size: Option<u64>,
    max_depth: Option<usize>,
    max_entries: Option<usize>,
    server: Option<String>,
    #[serde(default)]
    servers: std::collections::BTreeMap<String, String>,
}

fn options_for(dir: &Path, file: &Path) -> (LintOptions, Option<PathBuf>) {
    let dir_options: DirOptions = match std::fs::read_to_string(dir.join("options.json")) {
        Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}/options.json: {e}", dir.display())),
        Err(_) => DirOptions::default(),
    };
    let mut options = LintOptions {
        profiles: dir_options.profiles,
        kind: dir_options.kind,
        role: dir_options.role,
        ..LintOptions::default()
    };
    if let Some(size) = dir_options.max_file_size {
        options.max_file_size = size;
    }
    if let Some(depth) = dir_options.max_depth {
        options.parse.max_depth = depth;
    }
    if let Some(entries) = dir_options.max_entries {
        options.parse.max_entries = entries;
    }
    let name = file.file_name().unwrap().to_str().unwrap();
    if name.ends_with(".resource.json") {
        options.kind = Some(Kind::Resource);
    }
    let server = dir_options.servers.get(name).or(dir_options.server.as_ref());
    (options, server.map(|s| dir.join(s)))
}

fn render(report: &FileReport) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let pointer = if d.pointer.is_empty() { "\"\"" } else { &d.pointer };
        writeln!(out, "{} {} {}", d.severity, d.rule.code, pointer).unwrap();
    }
    out
}

fn lint_fixture(dir: &Path, file: &Path) -> FileReport {
    let (options, server) = options_for(dir, file);
    let display = file
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let server = server.map(|path| {
        let shown = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ServerDoc::from_bytes(&shown, bytes).unwrap_or_else(|e| panic!("{}: not a usable server: {e}", path.display()))
    });
    oauth_lint::lint::lint_path(&display, file, Origin::Explicit, &options, server.as_ref())
}

fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_str().unwrap();
            (n.starts_with("fail") || n.starts_with("pass")) && !n.ends_with(".expected")
        })
        .collect();
    files.sort();
    files
}

fn rule_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures_root())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn fixtures_match_their_expected_findings() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for dir in rule_dirs() {
        let code = dir.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(
            rules::find(&code).is_some(),
            "{}: no rule with code {code}",
            dir.display()
        );
        for file in fixture_files(&dir) {
            let report = lint_fixture(&dir, &file);
            let actual = render(&report);
            let expected_path = PathBuf::from(format!("{}.expected", file.display()));
            let name = file.file_name().unwrap().to_str().unwrap();
            let fires = report.diagnostics.iter().any(|d| d.rule.code == code);
            if name.starts_with("fail") && !fires {
                failures.push(format!("{}: expected {code} to fire\n{actual}", file.display()));
            }
            if name.starts_with("pass") && fires {
                failures.push(format!("{}: expected {code} to stay silent\n{actual}", file.display()));
            }
            if update {
                std::fs::write(&expected_path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if expected != actual {
                failures.push(format!(
                    "{}: findings differ from {}\n--- expected\n{expected}--- actual\n{actual}",
                    file.display(),
                    expected_path.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_firing_and_a_silent_fixture() {
    let mut missing = Vec::new();
    for rule in rules::ALL.iter() {
        if NOT_FIXTURE_TESTABLE.iter().any(|(c, _)| *c == rule.code) {
            continue;
        }
        let dir = fixtures_root().join(rule.code);
        let files = if dir.is_dir() { fixture_files(&dir) } else { Vec::new() };
        let has = |prefix: &str| {
            files
                .iter()
                .any(|f| f.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        };
        if !has("fail") || !has("pass") {
            missing.push(format!("{} ({})", rule.code, rule.name));
        }
    }
    assert!(
        missing.is_empty(),
        "rules without fail/pass fixtures in fixtures/rules/<CODE>/: {missing:?}"
    );
}
