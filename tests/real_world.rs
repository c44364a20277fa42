//! The real-world corpus (`fixtures/real-world/{client,server,jwks,resource}/`, 160 documents; see
//! `SOURCES.md` there and `docs/corpus-findings.md`).
//!
//! - Every document is linted with its kind forced from its folder (as a user would with `--kind`)
//!   and compared with `<name>.json.expected` beside it: one line per finding,
//!   `severity CODE pointer message`, in report order. The message is part of the snapshot so that
//!   wording changes are reviewed too.
//! - The current documents of the well-known providers have no error.
//! - The whole corpus goes through the command line in every output format without a crash, and
//!   no secret value of the corpus (client secrets, registration access tokens, private JWK
//!   members, an Open Banking `bearer` credential) appears in any output.
//!
//! Bless after reviewing every changed line against the specifications:
//! `UPDATE_EXPECT=1 cargo test --test real_world`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use oauth_lint::document::Kind;
use oauth_lint::lint::{FileReport, LintOptions, Origin};

const KINDS: [(&str, Kind); 4] = [
    ("client", Kind::Client),
    ("server", Kind::Server),
    ("jwks", Kind::Jwks),
    ("resource", Kind::Resource),
];

/// The current documents of the well-known providers (SOURCES.md), and the OpenID Connect
/// Discovery specification's own example: none may have an error.
const WELL_KNOWN: &[&str] = &[
    "server/google-wellknown-2024.json",
    "jwks/google-wellknown-2024.json",
    "server/apple-wellknown.json",
    "jwks/apple-wellknown.json",
    "server/slack-wellknown.json",
    "jwks/slack-wellknown.json",
    "server/aws-cognito-eu-west-1.json",
    "server/login-gov.json",
    "server/spec-oidc-discovery-example.json",
];

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real-world")
}

/// Every document of the corpus with the kind of its folder, sorted by path.
fn documents() -> Vec<(Kind, PathBuf)> {
    let mut docs = Vec::new();
    for (folder, kind) in KINDS {
        let dir = corpus_root().join(folder);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        docs.extend(files.into_iter().map(|f| (kind, f)));
    }
    docs
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn lint(kind: Kind, path: &Path) -> FileReport {
    let options = LintOptions {
        kind: Some(kind),
        ..LintOptions::default()
    };
    oauth_lint::lint::lint_path(&relative(path), path, Origin::Explicit, &options, None)
}

fn render(report: &FileReport) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let pointer = if d.pointer.is_empty() { "\"\"" } else { &d.pointer };
        let message = d.message.replace('\n', "\\n");
        writeln!(out, "{} {} {} {}", d.severity, d.rule.code, pointer, message).unwrap();
    }
    out
}

#[test]
fn corpus_has_every_document() {
    assert_eq!(documents().len(), 160);
}

#[test]
fn every_document_matches_its_expected_findings() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for (kind, path) in documents() {
        let actual = render(&lint(kind, &path));
        let expected_path = PathBuf::from(format!("{}.expected", path.display()));
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}: findings differ from {}\n--- expected\n{expected}--- actual\n{actual}",
                relative(&path),
                relative(&expected_path)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn well_known_providers_have_no_errors() {
    let mut failures = Vec::new();
    for name in WELL_KNOWN {
        let path = corpus_root().join(name);
        assert!(path.is_file(), "{name} is not in the corpus");
        let folder = name.split('/').next().unwrap();
        let kind = KINDS.iter().find(|(f, _)| *f == folder).unwrap().1;
        let report = lint(kind, &path);
        assert!(report.valid_json, "{name}: not valid JSON");
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == oauth_lint::diagnostic::Severity::Error)
        {
            failures.push(format!("{name}: error {} {}: {}", d.rule.code, d.pointer, d.message));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Members whose values are credentials wherever they appear (`bearer`: an Open Banking response
/// carries `base64(client_id:client_secret)` there).
const CREDENTIALS: &[&str] = &["client_secret", "registration_access_token", "bearer"];
/// Private or symmetric JWK members.
const PRIVATE_JWK: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k", "priv"];

/// Every secret value of the corpus, found independently of the linter: credentials by a lexical
/// scan (which also covers the documents that are not valid JSON), private JWK members by walking
/// the parsed JSON. Values too short or too generic to identify a leak (`"client_secret":
/// "client_secret"`) are left out.
fn corpus_secrets() -> BTreeSet<String> {
    fn walk(value: &serde_json::Value, in_keys: bool, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                let jwk = in_keys || map.contains_key("kty");
                for (name, v) in map {
                    if jwk && PRIVATE_JWK.contains(&name.as_str()) {
                        collect_strings(v, out);
                    } else {
                        walk(v, name == "keys", out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, in_keys, out)),
            _ => {}
        }
    }
    fn collect_strings(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::String(s) => {
                out.insert(s.clone());
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
            _ => {}
        }
    }
    let mut secrets = BTreeSet::new();
    for (_, path) in documents() {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        for name in CREDENTIALS {
            let quoted = format!("\"{name}\"");
            for (at, _) in text.match_indices(&quoted) {
                let rest = text[at + quoted.len()..].trim_start();
                let Some(rest) = rest.strip_prefix(':') else {
                    continue;
                };
                let Some(rest) = rest.trim_start().strip_prefix('"') else {
                    continue;
                };
                if let Some(end) = rest.find('"') {
                    secrets.insert(rest[..end].to_owned());
                }
            }
        }
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(text) {
            walk(&json, false, &mut secrets);
        }
    }
    secrets.retain(|s| s.len() >= 8 && !CREDENTIALS.contains(&s.as_str()));
    secrets
}

#[test]
fn the_cli_prints_no_secret_in_any_format() {
    let secrets = corpus_secrets();
    // The corpus has client secrets, registration access tokens and private RSA keys.
    assert!(secrets.len() >= 30, "only {} secrets found: {secrets:?}", secrets.len());
    let mut failures = Vec::new();
    for format in ["full", "concise", "json", "sarif", "github", "junit"] {
        for (folder, _) in KINDS {
            let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
                .args(["check", "--format", format, "--color", "always", "--kind", folder])
                .arg(corpus_root().join(folder))
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let what = format!("--format {format} {folder}/");
            if !matches!(out.status.code(), Some(0 | 1)) {
                failures.push(format!("{what}: exit {:?}\n{stderr}", out.status.code()));
            }
            if stderr.contains("panicked") {
                failures.push(format!("{what}: panic\n{stderr}"));
            }
            if stdout.trim().is_empty() {
                failures.push(format!("{what}: no output"));
            }
            for secret in &secrets {
                if stdout.contains(secret.as_str()) || stderr.contains(secret.as_str()) {
                    failures.push(format!("{what}: prints the secret value starting {:?}", &secret[..4]));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
