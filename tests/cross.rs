//! Client-against-server checks end to end: `--server`, pairing by directory and by the config
//! file, server loading errors, the two-file labels in every format, `explain-client`, and real
//! pairs of the corpus that must stay free of errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

const SERVER: &str = r#"{
  "issuer": "https://as.example.com",
  "authorization_endpoint": "https://as.example.com/authorize",
  "token_endpoint": "https://as.example.com/token",
  "jwks_uri": "https://as.example.com/jwks.json",
  "response_types_supported": ["code"],
  "token_endpoint_auth_methods_supported": ["private_key_jwt"],
  "code_challenge_methods_supported": ["S256"],
  "authorization_response_iss_parameter_supported": true
}
"#;

const CLIENT: &str =
    r#"{"redirect_uris": ["https://app.example.com/cb"], "token_endpoint_auth_method": "client_secret_post"}"#;

/// A fresh project directory (a `.git` marker stops config discovery) with the given files.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oauth-lint-cross-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn server_flag_reports_both_files_in_json() {
    let dir = project("flag", &[("as.json", SERVER), ("app.client.json", CLIENT)]);
    let out = run_in(
        &dir,
        &["check", "--format", "json", "--server", "as.json", "app.client.json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "XCS001")
        .expect("XCS001");
    assert_eq!(d["path"], "app.client.json");
    assert_eq!(d["pointer"], "/token_endpoint_auth_method");
    assert_eq!(d["severity"], "error");
    let related = &d["related"][0];
    assert_eq!(related["path"], "as.json");
    assert_eq!(related["pointer"], "/token_endpoint_auth_methods_supported");
    assert_eq!(related["start"]["line"], 7);
    assert_eq!(doc["pairs"][0]["server"], "as.json");
    assert_eq!(doc["pairs"][0]["source"], "flag");
    // The server itself is not linted unless named.
    assert_eq!(doc["files"].as_array().unwrap().len(), 1);
}

#[test]
fn full_output_shows_both_snippets_and_the_note() {
    let dir = project("full", &[("as.json", SERVER), ("app.client.json", CLIENT)]);
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "full",
            "--color",
            "never",
            "--server",
            "as.json",
            "app.client.json",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("[app.client.json:1:"), "{stdout}");
    assert!(stdout.contains("[as.json:7:"), "{stdout}");
    assert!(
        stdout.contains("note: checked 1 client document against `as.json` (--server)"),
        "{stdout}"
    );
}

#[test]
fn a_directory_with_one_server_pairs_the_clients_beside_and_below_it() {
    let dir = project(
        "dir",
        &[
            ("repo/openid-configuration", SERVER),
            ("repo/clients/web.json", CLIENT),
            ("repo/app.client.json", CLIENT),
            ("elsewhere/x.client.json", CLIENT),
        ],
    );
    let out = run_in(&dir, &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("XCS001").count(), 2, "{stdout}");
    assert!(!stdout.contains("elsewhere/x.client.json:1:1: error[XCS"), "{stdout}");
    assert!(
        stdout.contains(
            "note: checked 2 client documents against `repo/openid-configuration` (the only server document in `repo`)"
        ),
        "{stdout}"
    );
    // The walk of the current directory shows paths without `./`, as git and ruff do.
    assert!(stdout.contains("\nrepo/clients/web.json:"), "{stdout}");
    assert!(!stdout.contains("./"), "{stdout}");
}

#[test]
fn a_directory_with_two_servers_pairs_nothing_and_says_so() {
    let dir = project(
        "two",
        &[
            ("a.discovery.json", SERVER),
            ("b.discovery.json", SERVER),
            ("app.client.json", CLIENT),
        ],
    );
    let out = run_in(&dir, &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("XCS"), "{stdout}");
    assert!(stdout.contains("holds 2 server documents"), "{stdout}");
}

#[test]
fn the_config_file_pairs_clients_with_a_server() {
    let dir = project(
        "config",
        &[
            ("idp/openid-configuration", SERVER),
            ("clients/web.json", CLIENT),
            (
                "oauth-lint.toml",
                "[[files]]\npath = \"clients/*.json\"\nserver = \"idp/openid-configuration\"\n",
            ),
        ],
    );
    let out = run_in(&dir, &["check", "--format", "json", "clients"]);
    let doc = json(&out);
    assert!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "XCS001"),
        "{doc}"
    );
    assert_eq!(doc["pairs"][0]["source"], "config");
}

#[test]
fn a_config_server_that_cannot_be_used_is_reported_once_before_its_first_client() {
    const NOTED: &str = r#"{"redirect_uris": ["https://a.example/cb"], "x_team": "payments"}"#;
    let dir = project(
        "config-broken",
        &[
            ("idp/openid-configuration", "{\"issuer\": "),
            // One warning each (an unknown member), so each client has a line.
            ("a.client.json", NOTED),
            ("clients/web.json", NOTED),
            ("clients/zz.json", NOTED),
            (
                "oauth-lint.toml",
                "[[files]]\npath = \"clients/*.json\"\nserver = \"idp/openid-configuration\"\n",
            ),
        ],
    );
    let out = run_in(&dir, &["check", "--format", "concise", "a.client.json", "clients"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let broken = stdout.matches("idp/openid-configuration:1:").count();
    assert_eq!(broken, 1, "{stdout}");
    let (first_server, first_client) = (
        stdout.find("idp/openid-configuration:1:").unwrap(),
        stdout.find("clients/web.json:").unwrap(),
    );
    assert!(stdout.find("a.client.json:").unwrap() < first_server, "{stdout}");
    assert!(first_server < first_client, "{stdout}");
    assert!(
        stdout.contains("could not be used: its clients were linted alone"),
        "{stdout}"
    );
    // No input names it: not read for nothing, not reported.
    let out = run_in(&dir, &["check", "--format", "concise", "a.client.json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("idp/openid-configuration"), "{stdout}");
}

#[test]
fn a_missing_server_is_exit_2_and_clients_are_still_linted() {
    let dir = project(
        "missing",
        &[("app.client.json", r#"{"redirect_uri": "https://a.example/cb"}"#)],
    );
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "--server",
            "nope.json",
            "app.client.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("JSON009") && stdout.contains("cannot read the server document `nope.json`"),
        "{stdout}"
    );
    assert!(stdout.contains("app.client.json:1:2: warning[DOC002]"), "{stdout}");
}

#[test]
fn a_server_that_is_not_a_server_is_reported() {
    let dir = project(
        "notserver",
        &[("other.client.json", CLIENT), ("app.client.json", CLIENT)],
    );
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "--server",
            "other.client.json",
            "app.client.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("error[XCS026]") && stdout.contains("is client metadata"),
        "{stdout}"
    );
    assert!(!stdout.contains("XCS001"), "{stdout}");
}

#[test]
fn a_server_that_is_not_json_is_reported() {
    let dir = project("badjson", &[("as.json", "{\"issuer\": }"), ("app.client.json", CLIENT)]);
    let out = run_in(
        &dir,
        &["check", "--format", "concise", "--server", "as.json", "app.client.json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("as.json:1:12: error[JSON001]"), "{stdout}");
}

#[test]
fn explain_client_prints_a_table_and_json() {
    let dir = project(
        "explain",
        &[
            ("as.json", SERVER),
            (
                "app.client.json",
                r#"{"redirect_uris": ["https://app.example.com/cb"], "userinfo_signed_response_alg": "ES256"}"#,
            ),
        ],
    );
    let out = run_in(&dir, &["explain-client", "app.client.json", "--server", "as.json"]);
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("SETTING") && table.contains("EFFECTIVE VALUE") && table.contains("FROM"),
        "{table}"
    );
    assert!(
        table.contains("client_secret_basic") && table.contains("default, RFC 7591 §2"),
        "{table}"
    );
    assert!(table.contains("✗ not listed"), "{table}");

    let out = run_in(
        &dir,
        &[
            "explain-client",
            "app.client.json",
            "--server",
            "as.json",
            "--format",
            "json",
        ],
    );
    let doc = json(&out);
    let rows = doc["values"].as_array().unwrap();
    let row = |m: &str| rows.iter().find(|r| r["member"] == m).unwrap_or_else(|| panic!("{m}"));
    assert_eq!(row("token_endpoint_auth_method")["value"], "client_secret_basic");
    assert_eq!(row("token_endpoint_auth_method")["source"], "default");
    assert_eq!(row("token_endpoint_auth_method")["server"]["status"], "unsupported");
    let id = row("id_token_signed_response_alg (accepts)");
    assert_eq!(id["value"], serde_json::json!(["RS256"]));
    assert_eq!(id["source"], "default");
    let userinfo = row("userinfo_signed_response_alg (accepts)");
    assert_eq!(userinfo["source"], "client");
    assert_eq!(userinfo["location"]["pointer"], "/userinfo_signed_response_alg");
}

/// Real pairs of the corpus that are correct must produce no error.
#[test]
fn correct_real_pairs_have_no_errors() {
    let pairs = [
        (
            "client/spec-rfc7591-request-open.json",
            "server/spec-oidc-discovery-example.json",
        ),
        (
            "client/spec-rfc7591-request-open.json",
            "server/spec-rfc8414-example.json",
        ),
        (
            "client/spec-rfc7591-request-software-statement.json",
            "server/spec-rfc8414-example.json",
        ),
        ("client/spec-rfc7591-response.json", "server/spec-rfc8414-example.json"),
        (
            "client/spec-mcp-tutorial-dcr-request.json",
            "server/spec-mcp-tutorial-as-minimal.json",
        ),
        ("client/nov-registered.json", "server/nov-connect-op-heroku.json"),
    ];
    let corpus = root().join("fixtures/real-world");
    for (client, server) in pairs {
        let out = bin()
            .args(["check", "--format", "json", "--select", "XCS", "--server"])
            .arg(corpus.join(server))
            .arg(corpus.join(client))
            .output()
            .unwrap();
        let doc = json(&out);
        let errors: Vec<_> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| d["message"].clone())
            .collect();
        assert!(errors.is_empty(), "{client} × {server}: {errors:?}");
        assert_eq!(doc["pairs"].as_array().unwrap().len(), 1, "{client} × {server}");
    }
}
