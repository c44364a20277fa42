//! JSONTestSuite (nst/JSONTestSuite, fixtures/jsontestsuite): every `y_` file is accepted, every
//! `n_` file rejected, and no `i_` file crashes; through the library and through the CLI's
//! `--format json` (`files[].valid_json`).

use std::path::{Path, PathBuf};
use std::process::Command;

use oauth_lint::lint::{LintOptions, Origin, lint_path};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jsontestsuite/test_parsing");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() > 300, "JSONTestSuite files missing from {}", dir.display());
    files
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_y_accepted_every_n_rejected() {
    let options = LintOptions::default();
    let mut failures = Vec::new();
    for path in cases() {
        let n = name(&path);
        let report = lint_path(&n, &path, Origin::Explicit, &options, None);
        let expected = match &n[..2] {
            "y_" => Some(true),
            "n_" => Some(false),
            _ => None,
        };
        if let Some(expected) = expected {
            if report.valid_json != expected {
                failures.push(format!("{n}: valid_json = {}", report.valid_json));
            }
            if !expected {
                let d = report
                    .diagnostics
                    .iter()
                    .find(|d| matches!(d.rule.code, "JSON001" | "JSON002" | "JSON006"));
                if d.is_none() {
                    failures.push(format!("{n}: rejected without a parse diagnostic"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn cli_json_output_reports_valid_json_for_every_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jsontestsuite/test_parsing");
    let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), cases().len());
    let mut failures = Vec::new();
    for f in files {
        let path = f["path"].as_str().unwrap();
        let n = Path::new(path).file_name().unwrap().to_str().unwrap();
        let valid = f["valid_json"].as_bool().unwrap();
        match &n[..2] {
            "y_" if !valid => failures.push(n.to_owned()),
            "n_" if valid => failures.push(n.to_owned()),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "wrong verdicts: {failures:?}");
}
