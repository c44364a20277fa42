//! Inputs that once crashed, hung or misreported (found by fuzzing or by the hostile-input tests),
//! kept in `fixtures/regressions/`: each is linted as its fuzz target did and must give a report
//! whose spans are in bounds, rendered in every format.
//!
//! File names say how: `*.client.json`, `*.discovery.json`, `*.jwks.json`, `*.resource.json` and
//! `*.json` (kind detected) are linted as documents; `*.pair` is a `lint_pair` input (two
//! little-endian bytes giving the client's length, a flags byte, the client, the server); `*.toml`
//! is a config file.

use std::path::Path;

use oauth_lint::cross::ServerDoc;
use oauth_lint::lint::{FileReport, LintOptions, Origin, lint_bytes};
use oauth_lint::report::{self, Reporter, Summary};
use oauth_lint::rules::Profile;

fn check(report: &FileReport) {
    let text = &report.source.text;
    for d in &report.diagnostics {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    let mut summary = Summary::default();
    summary.add(report);
    let reporters: Vec<Box<dyn Reporter>> = vec![
        Box::new(report::Full::new(false, 100)),
        Box::new(report::Concise { summary: true }),
        Box::new(report::Json::default()),
        Box::new(report::Sarif::default()),
        Box::new(report::Github),
        Box::new(report::Junit::default()),
    ];
    for mut r in reporters {
        let mut out = Vec::new();
        r.file(report, &mut out).unwrap();
        r.finish(&summary, &mut out).unwrap();
    }
}

#[test]
fn every_regression_input_lints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/regressions");
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let options = LintOptions {
            profiles: Profile::ALL.to_vec(),
            ..LintOptions::default()
        };
        if name.ends_with(".json") {
            check(&lint_bytes(&name, bytes, Origin::Explicit, &options, None));
        } else if name.ends_with(".pair") {
            let split = usize::from(u16::from_le_bytes([bytes[0], bytes[1]])).min(bytes.len() - 3);
            let (client, server) = bytes[3..].split_at(split);
            if let Ok(server) = ServerDoc::from_bytes("openid-configuration", server.to_vec()) {
                check(&lint_bytes(
                    "app.client.json",
                    client.to_vec(),
                    Origin::Explicit,
                    &options,
                    Some(&server),
                ));
                let _ = oauth_lint::registration::validate_registration(client, &server, &options);
            }
        } else if name.ends_with(".toml") {
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = oauth_lint::config::parse(&dir.join("oauth-lint.toml"), &text) {
                let _ = e.render(false);
            }
        } else {
            continue;
        }
        count += 1;
    }
    assert!(count > 0, "fixtures/regressions/ holds the inputs");
}
