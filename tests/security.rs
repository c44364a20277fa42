//! Security of the tool itself: no network code in the dependency tree, no secret value in any
//! output format whatever the document's state, paths reported as given, and no terminal control
//! sequences from a document reaching the terminal.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that speak HTTP (or wrap a library that does). None may be in the build.
const HTTP_CLIENTS: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "http-client",
    "awc",
    "minreq",
    "ehttp",
    "h2",
    "quinn",
];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_http_client_in_the_dependency_tree() {
    // Every package in the lock file (normal, build and dev dependencies alike).
    let lock = std::fs::read_to_string(manifest_dir().join("Cargo.lock")).unwrap();
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(packages.contains(&"serde_json"), "the lock file was read");
    for name in &packages {
        assert!(!HTTP_CLIENTS.contains(name), "`{name}` is in Cargo.lock");
    }
    // What the library and the binary are built with, as cargo resolves it (default features).
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p}",
            "--offline",
            "--locked",
        ])
        .current_dir(manifest_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("jsonschema"), "{tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(
            !HTTP_CLIENTS.contains(&name),
            "`{name}` is a normal dependency:\n{tree}"
        );
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oauth-lint-security-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const FORMATS: [&str; 6] = ["full", "concise", "json", "sarif", "github", "junit"];

fn run_all_formats(args: &[&str], cwd: &Path) -> Vec<(String, String)> {
    FORMATS
        .iter()
        .map(|format| {
            let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
                .args(["check", "--isolated", "--color", "never", "--format", format])
                .args(args)
                .current_dir(cwd)
                .output()
                .unwrap();
            assert!(matches!(out.status.code(), Some(0..=2)), "{format}: {:?}", out.status);
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            (format.to_string(), text)
        })
        .collect()
}

/// Documents that put a secret where a diagnostic points: a syntax error inside the secret, after
/// it, an unterminated secret, duplicate secret members, schema errors on secret members, secrets
/// inside JWKs (inline and in a JWK Set), invalid UTF-8 next to a secret, and a secret paired with
/// a server.
#[test]
fn no_secret_value_in_any_output() {
    let dir = scratch("secrets");
    let documents: Vec<(&str, String)> = vec![
        ("ctl-in-secret.client.json", "{\n  \"client_id\": \"a\",\n  \"client_secret\": \"SECRET-A-1\u{1}tail\"\n}\n".into()),
        ("after-secret.client.json", "{\"client_id\": \"a\", \"client_secret\": \"SECRET-B-2\" \"x\": 1}".into()),
        ("unterminated.client.json", "{\"client_id\": \"a\",\n \"client_secret\": \"SECRET-C-3\n}".into()),
        ("bad-escape.client.json", "{\"client_secret\": \"SECRET-D-4\\q\"}".into()),
        (
            "duplicate.client.json",
            "{\"client_id\": \"a\", \"client_secret\": \"SECRET-E-5\", \"client_secret\": \"SECRET-F-6\", \"redirect_uris\": [\"https://a.example/cb\"]}".into(),
        ),
        (
            "schema.client.json",
            "{\"client_id\": \"a\", \"client_secret\": [\"SECRET-G-7\"], \"registration_access_token\": {\"t\": \"SECRET-H-8\"}, \"token_endpoint_auth_method\": \"client_secret_jwt\"}".into(),
        ),
        (
            "request.client.json",
            "{\"client_secret\": \"SECRET-I-9\", \"registration_access_token\": \"SECRET-J-10\", \"redirect_uris\": [\"https://a.example/cb\"]}".into(),
        ),
        (
            "inline-jwk.client.json",
            "{\"client_id\": \"a\", \"redirect_uris\": [\"https://a.example/cb\"], \"jwks\": {\"keys\": [{\"kty\": \"oct\", \"k\": \"SECRET-K-11\", \"alg\": \"HS256\"}, {\"kty\": \"RSA\", \"n\": \"x\", \"e\": \"AQAB\", \"d\": \"SECRET-L-12\", \"d\": 5, \"p\": 7}]}}".into(),
        ),
        (
            "jwks.json",
            "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"a\", \"y\": \"b\", \"d\": \"SECRET-M-13\"}, {\"kty\": \"oct\", \"k\": \"SECRET-N-14\" \"use\": \"sig\"}]}".into(),
        ),
        ("broken.jwks.json", "{\"keys\": [{\"kty\": \"oct\", \"k\": \"SECRET-O-15\u{0}\"}]}".into()),
        (
            "short-secret.client.json",
            "{\"client_id\": \"a\", \"client_secret\": \"SECRET-P-16\", \"token_endpoint_auth_method\": \"client_secret_jwt\", \"token_endpoint_auth_signing_alg\": \"HS512\", \"redirect_uris\": [\"https://a.example/cb\"]}".into(),
        ),
    ];
    let mut paths = Vec::new();
    for (name, text) in &documents {
        std::fs::write(dir.join(name), text).unwrap();
        paths.push(name.to_string());
    }
    let mut latin1 = b"{\"client_id\": \"a\", \"client_secret\": \"SECRET-Q-17\xE9\"}".to_vec();
    latin1.push(b'\n');
    std::fs::write(dir.join("latin1.client.json"), latin1).unwrap();
    paths.push("latin1.client.json".into());
    std::fs::write(
        dir.join("openid-configuration"),
        r#"{"issuer": "https://as.example", "token_endpoint_auth_methods_supported": ["private_key_jwt"], "client_secret": "SECRET-R-18"}"#,
    )
    .unwrap();
    let mut args: Vec<&str> = vec!["--server", "openid-configuration", "--profile", "fapi2"];
    args.extend(paths.iter().map(String::as_str));
    for (format, output) in run_all_formats(&args, &dir) {
        assert!(!output.contains("SECRET-"), "{format} leaked a secret:\n{output}");
        assert!(
            output.contains("JSON001"),
            "{format}: the syntax errors are reported:\n{output}"
        );
        assert!(output.contains("JSON003"), "{format}: the duplicates are reported");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Paths are reported exactly as given (relative stays relative, `..` stays `..`), walked files
/// below the given directory, symbolic links under their own name (never the target's path).
#[cfg(unix)]
#[test]
fn paths_are_reported_as_given() {
    let dir = scratch("paths");
    std::fs::create_dir_all(dir.join("repo/clients")).unwrap();
    std::fs::create_dir_all(dir.join("outside")).unwrap();
    std::fs::write(dir.join("repo/clients/a.json"), br#"{"redirect_uris": "x"}"#).unwrap();
    std::fs::write(
        dir.join("outside/secret-place.client.json"),
        br#"{"redirect_uris": "y"}"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.join("outside/secret-place.client.json"),
        dir.join("repo/clients/link.json"),
    )
    .unwrap();
    let cwd = dir.join("repo");
    for (format, output) in run_all_formats(&["clients", "../repo/clients/a.json"], &cwd) {
        if format == "sarif" {
            // The one absolute location is the `%SRCROOT%` base the relative URIs resolve against.
            let doc: serde_json::Value = serde_json::from_str(&output).unwrap();
            let run = &doc["runs"][0];
            for result in run["results"].as_array().unwrap() {
                let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
                assert_eq!(artifact["uriBaseId"], "%SRCROOT%", "{artifact}");
                assert!(!artifact["uri"].as_str().unwrap().starts_with('/'), "{artifact}");
            }
        } else {
            assert!(
                !output.contains(dir.to_str().unwrap()),
                "{format} shows an absolute path:\n{output}"
            );
        }
        assert!(!output.contains("outside"), "{format} shows a link's target:\n{output}");
        match format.as_str() {
            "concise" => {
                assert!(output.contains("clients/a.json:1:"), "{output}");
                assert!(output.contains("clients/link.json:1:"), "{output}");
                assert!(output.contains("../repo/clients/a.json:1:"), "{output}");
            }
            "json" => {
                let doc: serde_json::Value = serde_json::from_str(&output).unwrap();
                let mut paths: Vec<&str> = doc["files"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["path"].as_str().unwrap())
                    .collect();
                paths.sort();
                assert_eq!(paths, ["../repo/clients/a.json", "clients/a.json", "clients/link.json"]);
            }
            _ => {}
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A member name or value with terminal control characters (an escape sequence, a carriage return,
/// a bidirectional override) is shown escaped, never raw, in the text formats.
#[test]
fn control_characters_from_documents_are_escaped() {
    let dir = scratch("controls");
    let text = r#"{"redirect_uris": ["https://a.example/cb"], "x\u001b[2J\u001b]0;pwned\u0007": 1, "evil\r\u202eeman": 2, "token_endpoint_auth_method": "nope\u001b[31m"}"#;
    std::fs::write(dir.join("ctl.client.json"), text).unwrap();
    // A file name is content too (a repository can hold any name).
    std::fs::create_dir_all(dir.join("d")).unwrap();
    std::fs::write(dir.join("d/x\u{1b}[2J\r.client.json"), r#"{"redirect_uris": "x"}"#).unwrap();
    for (format, output) in run_all_formats(&["ctl.client.json", "d"], &dir) {
        assert!(
            !output.contains('\u{1b}'),
            "{format} printed an escape character:\n{output:?}"
        );
        // JSON and XML carry member names exactly (pointers must resolve), escaped as those formats
        // escape; the formats read on a terminal or a CI log show them escaped.
        if matches!(format.as_str(), "full" | "concise" | "github") {
            assert!(
                !output.contains('\u{202e}'),
                "{format} printed a bidirectional override"
            );
        }
        assert!(!output.contains('\r'), "{format} printed a carriage return");
        assert!(!output.contains('\u{7}'), "{format} printed a bell");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Licences every crate in the build may carry (permissive, compatible with MIT OR Apache-2.0).
/// `deny.toml` lists those in use, for `cargo deny check licenses`.
const ALLOWED_LICENSES: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unlicense",
    "0BSD",
    "BSL-1.0",
    "CC0-1.0",
];

/// Whether an SPDX expression (`A OR B`, `A/B`, `(A OR B) AND C`) is satisfied by the allowed list.
fn license_allowed(expression: &str) -> bool {
    let expression = expression.trim();
    if let Some(inner) = expression.strip_prefix('(').and_then(|e| e.strip_suffix(')'))
        && !inner.contains(['(', ')'])
    {
        return license_allowed(inner);
    }
    if let Some((left, right)) = expression.split_once(" AND ") {
        return license_allowed(left) && license_allowed(right);
    }
    expression
        .split(" OR ")
        .flat_map(|alternative| alternative.split('/'))
        .any(|alternative| ALLOWED_LICENSES.contains(&alternative.trim().trim_matches(['(', ')'])))
}

#[test]
fn every_dependency_has_an_allowed_license() {
    assert!(license_allowed("MIT OR Apache-2.0"));
    assert!(license_allowed("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(!license_allowed("GPL-3.0-only"));
    assert!(!license_allowed("MIT AND GPL-3.0-only"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-e",
            "normal,build,dev",
            "--prefix",
            "none",
            "--format",
            "{p}|{l}",
            "--offline",
            "--locked",
        ])
        .current_dir(manifest_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    let mut checked = 0;
    for line in tree.lines().filter(|l| l.contains('|')) {
        // `(*)`: a package already listed above.
        let line = line.trim_end_matches(" (*)");
        let (package, license) = line.split_once('|').unwrap();
        if package.starts_with("oauth-lint ") {
            continue;
        }
        assert!(
            license_allowed(license),
            "{package}: license `{license}` is not in the allowed list"
        );
        checked += 1;
    }
    assert!(checked > 50, "{tree}");
}
