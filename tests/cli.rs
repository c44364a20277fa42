//! End-to-end tests of the `oauth-lint` binary: exit codes, formats, positions, inputs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn tmp(name: &str, content: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("oauth-lint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn schema_error_position_counts_unicode_scalar_values() {
    // Line 2 has multi-byte characters before the bad value: é (2 bytes), ✓ (3 bytes), 😀 (4 bytes).
    let text = "{\n  \"client_name\": \"Café ✓😀\", \"require_auth_time\": \"yes\",\n  \"redirect_uris\": [\"https://a.example/cb\"]\n}\n";
    let out = run_stdin(
        &["check", "--format", "json", "--stdin-filename", "x.client.json", "-"],
        text.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "SCH001")
        .expect("a wrong-type finding");
    assert_eq!(d["pointer"], "/require_auth_time");
    let offset = text.find("\"yes\"").unwrap();
    assert_eq!(d["start"]["offset"], offset);
    assert_eq!(d["start"]["line"], 2);
    let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(d["start"]["column"], col);
    assert_eq!(col, 50);
    assert_eq!(d["end"]["offset"], offset + 5);
    assert_eq!(d["end"]["column"], col + 5);
    assert_eq!(d["path"], "x.client.json");
}

#[test]
fn syntax_error_position_and_pointer() {
    let text = "{\n  \"client_name\": \"日本語\",\n  \"redirect_uris\": [\"https://a.example/cb\" \"x\"]\n}";
    let out = run_stdin(
        &["check", "--format", "json", "--stdin-filename", "x.client.json", "-"],
        text.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_eq!(doc["files"][0]["valid_json"], false);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "JSON001");
    assert_eq!(d["pointer"], "/redirect_uris");
    let offset = text.find(" \"x\"").unwrap() + 1;
    assert_eq!(d["start"]["offset"], offset);
    assert_eq!(d["start"]["line"], 3);
    assert_eq!(d["start"]["column"], 44);
    assert!(d["message"].as_str().unwrap().contains("expected ',' or ']'"), "{d}");
}

#[test]
fn json_output_has_every_field_of_the_spec() {
    let path = tmp("fields.client.json", br#"{"redirect_uri": "https://a.example/cb"}"#);
    let out = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    let f = &doc["files"][0];
    for key in ["path", "kind", "role", "valid_json"] {
        assert!(f.get(key).is_some(), "files[].{key}");
    }
    assert_eq!(f["kind"], "client");
    assert_eq!(f["role"], "request");
    let d = &doc["diagnostics"][0];
    for key in [
        "path", "code", "rule", "severity", "message", "pointer", "help", "start", "end", "related",
    ] {
        assert!(d.get(key).is_some(), "diagnostics[].{key}");
    }
    for key in ["line", "column", "offset"] {
        assert!(d["start"].get(key).is_some() && d["end"].get(key).is_some());
    }
    for key in ["files", "errors", "warnings", "infos"] {
        assert!(doc["summary"].get(key).is_some(), "summary.{key}");
    }
    assert_eq!(doc["summary"]["warnings"], 1);
}

#[test]
fn exit_codes() {
    let good = tmp("good.client.json", br#"{"redirect_uris": ["https://a.example/cb"]}"#);
    let bad = tmp("bad.client.json", br#"{"redirect_uris": "https://a.example/cb"}"#);
    assert_eq!(run(&["check", good.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(run(&["check", bad.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(
        run(&["check", "--exit-zero", bad.to_str().unwrap()]).status.code(),
        Some(0)
    );
    // A missing file is trouble (2), and the other files are still reported.
    let out = run(&[
        "check",
        "--format",
        "concise",
        bad.to_str().unwrap(),
        "/nonexistent/x.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("SCH001"), "{stdout}");
    assert!(
        stdout.contains("JSON009") && stdout.contains("no such file"),
        "{stdout}"
    );
    // Usage errors.
    assert_eq!(run(&["check", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--select", "NOPE999", good.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn directory_is_an_error_when_named_as_a_file_and_walked_otherwise() {
    let dir = std::env::temp_dir().join(format!("oauth-lint-walk-{}", std::process::id()));
    let sub = dir.join("node_modules");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::create_dir_all(dir.join("clients")).unwrap();
    std::fs::write(
        dir.join("clients/web.json"),
        br#"{"redirect_uris": ["https://a.example/cb"]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("openid-configuration"), br#"{"issuer": "https://as.example"}"#).unwrap();
    std::fs::write(dir.join("package.json"), br#"{"name": "x", "version": "1.0.0"}"#).unwrap();
    std::fs::write(dir.join("tsconfig.json"), b"{ // comments\n}").unwrap();
    std::fs::write(sub.join("bad.client.json"), b"{").unwrap();
    let out = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    let doc = json(&out);
    let kinds: Vec<(String, String)> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = f["path"].as_str().unwrap();
            (
                p.rsplit('/').next().unwrap().to_owned(),
                f["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(kinds.contains(&("web.json".into(), "client".into())), "{kinds:?}");
    assert!(
        kinds.contains(&("openid-configuration".into(), "server".into())),
        "{kinds:?}"
    );
    assert!(
        !kinds.iter().any(|(n, _)| n == "bad.client.json"),
        "node_modules is skipped"
    );
    assert_eq!(
        doc["summary"]["skipped"], 2,
        "package.json and tsconfig.json are skipped, not errors"
    );
    assert!(
        !doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"].as_str().unwrap().contains("package.json"))
    );
}

#[test]
fn unknown_kind_says_how_to_force_it() {
    let out = run_stdin(&["check", "--format", "json", "-"], br#"{"name": "x"}"#);
    let doc = json(&out);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["code"], "DOC001");
    assert!(d["help"].as_str().unwrap().contains("--kind"));
    let out = run_stdin(
        &["check", "--format", "json", "--kind", "server", "-"],
        br#"{"name": "x"}"#,
    );
    assert_eq!(json(&out)["files"][0]["kind"], "server");
}

#[test]
fn role_is_detected_and_can_be_forced() {
    let text = br#"{"client_id": "abc", "redirect_uris": ["https://a.example/cb"]}"#;
    let out = run_stdin(
        &["check", "--format", "json", "--stdin-filename", "a.client.json", "-"],
        text,
    );
    assert_eq!(json(&out)["files"][0]["role"], "config");
    let out = run_stdin(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "a.client.json",
            "--role",
            "response",
            "-",
        ],
        text,
    );
    assert_eq!(json(&out)["files"][0]["role"], "response");
}

#[test]
fn full_and_concise_formats_show_code_position_and_summary() {
    let path = tmp("fmt.client.json", b"{\n  \"require_auth_time\": \"yes\"\n}\n");
    let out = run(&["check", "--format", "concise", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("fmt.client.json:2:24: error[SCH001] `require_auth_time` must be a boolean"),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("Found 1 error in 1 file."), "{stdout}");
    let out = run(&["check", "--format", "full", "--color", "never", path.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("SCH001(wrong-type)"), "{stdout}");
    assert!(stdout.contains("docs/rules.md#sch001"), "{stdout}");
    assert!(stdout.contains("\"require_auth_time\": \"yes\""), "snippet: {stdout}");
    assert!(stdout.contains("help:"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "no colour codes with --color never");
}

#[test]
fn secrets_are_masked_in_snippets_and_never_in_messages() {
    let secret = "TOP-SECRET-VALUE-123";
    let text = format!(
        "{{\n  \"client_id\": \"a\",\n  \"client_secret\": \"{secret}\",\n  \"client_secret\": 42,\n  \"redirect_uris\": [\"https://a.example/cb\"]\n}}\n"
    );
    let path = tmp("secret.client.json", text.as_bytes());
    for format in ["full", "concise", "json"] {
        let out = run(&["check", "--format", format, "--color", "never", path.to_str().unwrap()]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains(secret), "{format} leaked the secret:\n{stdout}");
        assert!(stdout.contains("JSON003"), "{format}: {stdout}");
    }
}

#[test]
fn rule_and_rules_commands() {
    let out = run(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("DOC002") && stdout.contains("unknown-member"));
    let out = run(&["rule", "unknown-member"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("## Why is this bad?"), "{stdout}");
    assert_eq!(run(&["rule", "NOPE001"]).status.code(), Some(2));
}

#[test]
fn examples_directory_lints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/examples");
    let out = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let doc = json(&out);
    assert!(doc["summary"]["files"].as_u64().unwrap() >= 3);
}

#[test]
fn skip_unknown_treats_named_files_like_walked_ones() {
    let pkg = tmp("package.json", br#"{"name": "x", "version": "1.0.0"}"#);
    let tsconfig = tmp("tsconfig.json", b"{ // comment\n}");
    let bad = tmp("skip.client.json", br#"{"redirect_uris": "x"}"#);
    let args = ["check", "--format", "json", "--skip-unknown"];
    let out = bin().args(args).args([&pkg, &tsconfig, &bad]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the client document still fails");
    let doc = json(&out);
    assert_eq!(doc["summary"]["skipped"], 2);
    let paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().all(|p| p.ends_with("skip.client.json")), "{paths:?}");
}
