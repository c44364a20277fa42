//! Every output format, snapshot-tested against one fixed set of findings that includes a
//! cross-file finding, a same-file related location, non-ASCII text and a secret; plus structural
//! checks: SARIF validates against the official 2.1.0 schema, GitHub lines have the
//! workflow-command form, JUnit parses as XML.
//!
//! Bless after reviewing: `UPDATE_EXPECT=1 cargo test --test report_formats`.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use oauth_lint::diagnostic::{Diagnostic, Severity};
use oauth_lint::document::{Kind, Role};
use oauth_lint::json::Span;
use oauth_lint::lint::FileReport;
use oauth_lint::report::{self, Reporter, Summary};
use oauth_lint::rules;
use oauth_lint::source::SourceFile;

const CLIENT: &str = "{\n  \"client_name\": \"Café ✓ 日本\",\n  \"client_secret\": \"hunter2-SECRET\",\n  \"redirect_uri\": \"https://app.example/cb\",\n  \"token_endpoint_auth_method\": \"private_key_jwt\",\n  \"token_endpoint_auth_method\": \"client_secret_basic\"\n}\n";
const SERVER: &str =
    "{\n  \"issuer\": \"https://as.example\",\n  \"token_endpoint_auth_methods_supported\": [\"private_key_jwt\"]\n}\n";

fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).unwrap().0;
    Span::new(start, start + needle.len())
}

fn fixed_reports() -> Vec<FileReport> {
    let client = Arc::new(SourceFile::new("clients/café.client.json", CLIENT));
    client.set_secret_spans(vec![span_of(CLIENT, "\"hunter2-SECRET\"", 0)]);
    let server = Arc::new(SourceFile::new("idp/openid-configuration", SERVER));

    let mut unknown = Diagnostic::new(
        &rules::doc::UNKNOWN_MEMBER,
        span_of(CLIENT, "\"redirect_uri\"", 0),
        "/redirect_uri",
        "unknown member `redirect_uri` in client metadata (« Café »)",
    );
    unknown.help("did you mean `redirect_uris`?");
    let mut duplicate = Diagnostic::new(
        &rules::json::DUPLICATE_MEMBER,
        span_of(CLIENT, "\"token_endpoint_auth_method\"", 1),
        "/token_endpoint_auth_method",
        "member `token_endpoint_auth_method` appears more than once; parsers disagree on which value wins",
    );
    duplicate.related(
        span_of(CLIENT, "\"token_endpoint_auth_method\"", 0),
        "/token_endpoint_auth_method",
        "first occurrence",
    );
    // A cross-file finding: the client's method against the server's list.
    let mut cross = Diagnostic::new(
        &rules::schema::UNSUPPORTED_VALUE,
        span_of(CLIENT, "\"client_secret_basic\"", 0),
        "/token_endpoint_auth_method",
        "`client_secret_basic` is not in the server's `token_endpoint_auth_methods_supported`",
    );
    cross
        .severity(Severity::Error)
        .related_in(
            Arc::clone(&server),
            span_of(SERVER, "[\"private_key_jwt\"]", 0),
            "/token_endpoint_auth_methods_supported",
            "the server supports only these methods",
        )
        .help("use `private_key_jwt`, or ask the server to support `client_secret_basic`");
    let mut info = Diagnostic::new(
        &rules::json::BYTE_ORDER_MARK,
        Span::new(0, 1),
        "",
        "note with \"quotes\", a <tag>, 100% & a: colon, comma\nand a second line",
    );
    info.severity(Severity::Info);

    vec![
        FileReport {
            source: client,
            kind: Some(Kind::Client),
            kind_source: None,
            role: Some(Role::Config),
            valid_json: true,
            skipped: false,
            io_error: false,
            diagnostics: vec![info, unknown, duplicate, cross],
        },
        FileReport {
            source: server,
            kind: Some(Kind::Server),
            kind_source: None,
            role: None,
            valid_json: true,
            skipped: false,
            io_error: false,
            diagnostics: vec![],
        },
        FileReport {
            source: Arc::new(SourceFile::new("package.json", "{}")),
            kind: None,
            kind_source: None,
            role: None,
            valid_json: true,
            skipped: true,
            io_error: false,
            diagnostics: vec![],
        },
    ]
}

fn render(mut reporter: Box<dyn Reporter>) -> String {
    let mut out = Vec::new();
    let mut summary = Summary::default();
    for r in fixed_reports() {
        summary.add(&r);
        reporter.file(&r, &mut out).unwrap();
    }
    reporter.finish(&summary, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    // The SARIF %SRCROOT% is the working directory: make the snapshot machine-independent.
    let cwd = url::Url::from_directory_path(std::env::current_dir().unwrap())
        .unwrap()
        .to_string();
    text.replace(&cwd, "file:///SRCROOT/")
}

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{name} differs from {}:\n{actual}", path.display());
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains("hunter2"), "secret leaked:\n{text}");
}

#[test]
fn full() {
    let out = render(Box::new(report::Full::new(false, 100)));
    assert_no_secret(&out);
    assert!(
        out.contains("idp/openid-configuration"),
        "the server file's snippet is shown"
    );
    assert!(out.contains("********"), "the secret is masked in the snippet");
    snapshot("format.full", &out);
}

#[test]
fn concise() {
    let out = render(Box::new(report::Concise { summary: true }));
    assert_no_secret(&out);
    assert!(out.contains("clients/café.client.json:4:3: warning[DOC002]"));
    snapshot("format.concise", &out);
}

#[test]
fn json() {
    let out = render(Box::new(report::Json::default()));
    assert_no_secret(&out);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cross = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "SCH005")
        .unwrap();
    assert_eq!(cross["related"][0]["path"], "idp/openid-configuration");
    assert_eq!(cross["related"][0]["start"]["line"], 3);
    snapshot("format.json", &out);
}

fn sarif_schema() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"))
            .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Structural checks every SARIF log must pass (schema, rules, locations).
fn check_sarif(doc: &serde_json::Value) {
    let validator = sarif_schema();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for r in rules {
        for key in [
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "helpUri",
            "defaultConfiguration",
        ] {
            assert!(r.get(key).is_some(), "rule {} lacks {key}", r["id"]);
        }
    }
    for result in run["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        assert!(ids.contains(&id), "ruleId {id} not in tool.driver.rules");
        assert_eq!(ids[result["ruleIndex"].as_u64().unwrap() as usize], id);
        let locations = result["locations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(result["relatedLocations"].as_array().into_iter().flatten());
        for loc in locations {
            let phys = &loc["physicalLocation"];
            let uri = phys["artifactLocation"]["uri"].as_str().unwrap();
            assert!(!uri.starts_with('/') && !uri.contains("://"), "relative uri: {uri}");
            assert_eq!(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(phys["region"][key].as_u64().unwrap() >= 1, "region.{key}");
            }
        }
    }
}

#[test]
fn sarif() {
    let out = render(Box::new(report::Sarif::default()));
    assert_no_secret(&out);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    check_sarif(&doc);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let cross = results.iter().find(|r| r["ruleId"] == "SCH005").unwrap();
    assert_eq!(
        cross["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "idp/openid-configuration"
    );
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "clients/caf%C3%A9.client.json");
    snapshot("format.sarif", &out);
}

#[test]
fn sarif_from_a_real_run_validates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
        .current_dir(dir)
        .args([
            "check",
            "--format",
            "sarif",
            "fixtures/examples",
            "fixtures/real-world/server",
        ])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!doc["runs"][0]["results"].as_array().unwrap().is_empty());
    check_sarif(&doc);
}

#[test]
fn github() {
    let out = render(Box::new(report::Github));
    assert_no_secret(&out);
    let mut annotations = 0;
    for line in out.lines() {
        if let Some(command_line) = line.strip_prefix("::") {
            annotations += 1;
            let (command, rest) = command_line.split_once(' ').unwrap();
            assert!(matches!(command, "error" | "warning" | "notice"), "{line}");
            let (props, message) = rest.split_once("::").unwrap();
            let keys: Vec<&str> = props.split(',').map(|p| p.split_once('=').unwrap().0).collect();
            assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"], "{line}");
            assert!(!message.contains('\n') && !message.contains('\r'));
        }
    }
    assert_eq!(annotations, 4);
    assert!(out.contains("%0A"), "newlines escaped");
    assert!(out.contains("100%25"), "percent escaped");
    assert!(
        out.lines().last().unwrap().starts_with("oauth-lint: Found"),
        "summary line last"
    );
    snapshot("format.github", &out);
}

#[test]
fn junit() {
    let out = render(Box::new(report::Junit::default()));
    assert_no_secret(&out);
    let doc = roxmltree::Document::parse(&out).expect("JUnit output is well-formed XML");
    let cases: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(cases.len(), 3, "one test case per file");
    let failures = doc.descendants().filter(|n| n.has_tag_name("failure")).count();
    assert_eq!(failures, 4, "one failure per finding");
    assert!(doc.descendants().any(|n| n.has_tag_name("skipped")));
    snapshot("format.junit", &out);
}

#[test]
fn github_paths_are_workspace_relative_after_a_walk_of_the_current_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/examples");
    let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
        .current_dir(&dir)
        .args(["check", "--isolated", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("file=clients/mobile.client.json,"), "{text}");
    assert!(!text.contains("file=./"), "{text}");
}
