//! The config file and the CI-facing flags, end to end.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use oauth_lint::config::{self, KEYS};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
}

/// A fresh directory with a `.git` marker (so config discovery stops there) and some documents.
fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oauth-lint-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::create_dir_all(dir.join("clients")).unwrap();
    // One warning (DOC002 unknown-member), no error.
    std::fs::write(
        dir.join("clients/web.json"),
        br#"{"redirect_uris": ["https://a.example/cb"], "x_team": "payments"}"#,
    )
    .unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn codes(out: &Output) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn ignore_by_code_and_by_name_removes_the_finding() {
    let dir = project("ignore");
    assert_eq!(codes(&run_in(&dir, &["check", "--format", "json", "."])), ["DOC002"]);
    for selector in ["DOC002", "unknown-member", "DOC"] {
        std::fs::write(
            dir.join("oauth-lint.toml"),
            format!("[lint]\nignore = [\"{selector}\"]\n"),
        )
        .unwrap();
        let out = run_in(&dir, &["check", "--format", "json", "."]);
        assert!(codes(&out).is_empty(), "ignore {selector}");
    }
    // Found from a subdirectory too (walking up), and --isolated ignores it.
    let out = run_in(&dir.join("clients"), &["check", "--format", "json", "web.json"]);
    assert!(codes(&out).is_empty());
    let out = run_in(
        &dir.join("clients"),
        &["check", "--isolated", "--format", "json", "web.json"],
    );
    assert_eq!(codes(&out), ["DOC002"]);
}

#[test]
fn select_on_the_command_line_wins_over_the_config_ignore() {
    let dir = project("select-wins");
    std::fs::write(dir.join("oauth-lint.toml"), "[lint]\nignore = [\"DOC002\"]\n").unwrap();
    assert!(codes(&run_in(&dir, &["check", "--format", "json", "."])).is_empty());
    let out = run_in(&dir, &["check", "--format", "json", "--select", "DOC002", "."]);
    assert_eq!(codes(&out), ["DOC002"]);
    // An `off` severity in the file too; and `--ignore` on the command line still wins over both.
    std::fs::write(dir.join("oauth-lint.toml"), "[lint.severity]\nDOC002 = \"off\"\n").unwrap();
    let out = run_in(&dir, &["check", "--format", "json", "--select", "DOC", "."]);
    assert_eq!(codes(&out), ["DOC002"]);
    let out = run_in(
        &dir,
        &[
            "check", "--format", "json", "--select", "DOC002", "--ignore", "DOC002", ".",
        ],
    );
    assert!(codes(&out).is_empty());
}

#[test]
fn raising_a_severity_to_error_fails_the_run() {
    let dir = project("severity");
    assert_eq!(run_in(&dir, &["check", "."]).status.code(), Some(0));
    std::fs::write(
        dir.join("oauth-lint.toml"),
        "[lint.severity]\n\"unknown-member\" = \"error\"\n",
    )
    .unwrap();
    assert_eq!(run_in(&dir, &["check", "."]).status.code(), Some(1));
    // The command line wins over the file.
    assert_eq!(
        run_in(&dir, &["check", "--severity", "DOC002=warning", "."])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(run_in(&dir, &["check", "--exit-zero", "."]).status.code(), Some(0));
    std::fs::write(dir.join("oauth-lint.toml"), "[lint.severity]\n\"DOC002\" = \"off\"\n").unwrap();
    assert!(codes(&run_in(&dir, &["check", "--format", "json", "."])).is_empty());
}

#[test]
fn malformed_configs_exit_2_naming_the_file_and_the_place() {
    let dir = project("malformed");
    let cases = [
        ("[lint]\nselect = [\"DOC002\"\n", "oauth-lint.toml"),
        ("[lint]\nignor = [\"DOC002\"]\n", "unknown field `ignor`"),
        ("[lint]\nignore = [\"NOPE123\"]\n", "unknown rule `NOPE123`"),
        ("[lint.severity]\nDOC002 = \"loud\"\n", "unknown severity `loud`"),
        (
            "[[files]]\npath = \"clients/*\"\nkind = \"idp\"\n",
            "unknown kind `idp`",
        ),
        ("[lint]\nprofiles = [\"fapi3\"]\n", "unknown profile `fapi3`"),
        (
            "[[files]]\npath = \"clients/*\"\nserver = \"missing.json\"\n",
            "server document `missing.json` not found",
        ),
        ("[limits]\nmax_depth = 0\n", "max_depth must be between"),
    ];
    for (text, expected) in cases {
        std::fs::write(dir.join("oauth-lint.toml"), text).unwrap();
        let out = run_in(&dir, &["check", "--color", "never", "."]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("oauth-lint.toml"), "names the file: {stderr}");
        assert!(stderr.contains(expected), "{text}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    // A span is shown for a bad value: the snippet has the offending line.
    std::fs::write(dir.join("oauth-lint.toml"), "[lint]\nignore = [\"NOPE123\"]\n").unwrap();
    let stderr = String::from_utf8_lossy(&run_in(&dir, &["check", "--color", "never", "."]).stderr).into_owned();
    assert!(stderr.contains("2 │ ignore = [\"NOPE123\"]"), "{stderr}");
    // --config naming a missing file.
    let out = run_in(&dir, &["check", "--config", "nope.toml", "."]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn files_entries_force_kind_role_ignore_and_extra_members() {
    let dir = project("files");
    std::fs::write(dir.join("clients/idp.json"), br#"{"name": "x"}"#).unwrap();
    std::fs::write(
        dir.join("oauth-lint.toml"),
        "[[files]]\npath = \"clients/idp.json\"\nkind = \"server\"\n\n[[files]]\npath = \"clients/web.json\"\nrole = \"config\"\n\n[client]\nextra_members = [\"x_team\"]\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = doc["files"].as_array().unwrap();
    let find = |name: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    assert_eq!(find("idp.json")["kind"], "server");
    assert_eq!(find("web.json")["role"], "config");
    assert!(
        !doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["pointer"] == "/x_team"),
        "extra member allowed"
    );
}

#[test]
fn exclude_skips_walked_paths() {
    let dir = project("exclude");
    std::fs::create_dir_all(dir.join("testdata")).unwrap();
    std::fs::write(dir.join("testdata/bad.client.json"), b"{").unwrap();
    assert_eq!(run_in(&dir, &["check", "."]).status.code(), Some(1));
    std::fs::write(dir.join("oauth-lint.toml"), "[lint]\nexclude = [\"testdata/**\"]\n").unwrap();
    assert_eq!(run_in(&dir, &["check", "."]).status.code(), Some(0));
}

#[test]
fn flags_people_expect() {
    let dir = project("flags");
    std::fs::write(
        dir.join("bad.client.json"),
        br#"{"redirect_uris": "x", "require_auth_time": "no"}"#,
    )
    .unwrap();
    let out = run_in(&dir, &["check", "--format", "concise", "--statistics", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("2  SCH001   wrong-type"), "{stdout}");
    let out = run_in(&dir, &["check", "--format", "concise", "--quiet", "."]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Found"));
    let out = run_in(&dir, &["check", "--format", "full", "--color", "always", "."]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
        "--color always colours"
    );
    let out = bin()
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .args(["check", "--format", "full", "."])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
        "NO_COLOR honoured"
    );
    assert_eq!(run_in(&dir, &["check", "--bogus"]).status.code(), Some(2));
    assert_eq!(run_in(&dir, &["check", "missing.json"]).status.code(), Some(2));
}

#[test]
fn output_file_is_written_whole() {
    let dir = project("output");
    let out = run_in(&dir, &["check", "--format", "sarif", "--output", "report.sarif", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("report.sarif")).unwrap()).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn completions_and_manpage() {
    for shell in ["bash", "zsh", "fish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains("oauth-lint"));
    }
    let out = bin().arg("manpage").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(".TH oauth-lint"));
}

/// The field names a table of the config accepts, read from the parser's own error for an
/// unknown key ("unknown field `x`, expected one of `a`, `b`").
fn accepted_fields(prefix: &str) -> Vec<String> {
    let text = match prefix {
        "" => "bogus_key = 1\n".to_owned(),
        "files" => "[[files]]\npath = \"x\"\nbogus_key = 1\n".to_owned(),
        p => format!("[{p}]\nbogus_key = 1\n"),
    };
    let err = config::parse(Path::new("oauth-lint.toml"), &text).unwrap_err();
    let list = err.message.split("expected").nth(1).unwrap_or_default();
    list.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn documented_keys_match_the_parser() {
    let documented: Vec<&str> = KEYS.iter().map(|k| k.key).collect();
    for prefix in ["", "lint", "files", "client", "server", "jwks", "resource", "limits"] {
        let fields = accepted_fields(prefix);
        assert!(!fields.is_empty(), "{prefix}: no field list in the parser's error");
        for f in fields {
            let key = if prefix.is_empty() {
                f.clone()
            } else {
                format!("{prefix}.{f}")
            };
            let covered =
                documented.contains(&key.as_str()) || documented.iter().any(|d| d.starts_with(&format!("{key}.")));
            assert!(
                covered,
                "config key `{key}` is accepted but not documented in config::KEYS"
            );
        }
    }
}

#[test]
fn docs_configuration_md_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/configuration.md");
    let generated = config::reference_markdown();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == generated,
        "docs/configuration.md is stale: UPDATE_EXPECT=1 cargo test --test config"
    );
}
