//! A client linted against a server (the cross checks), the registration API and `explain-client`.
//! The first two bytes (little-endian) say where the client document ends and the server document
//! starts; the third picks the profiles.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use oauth_lint::cross::ServerDoc;
use oauth_lint::json::{self, ParseOptions};
use oauth_lint::lint::{LintOptions, Origin, lint_bytes};
use oauth_lint::registration::validate_registration;
use oauth_lint::rules::Profile;
use oauth_lint::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let [lo, hi, flags, rest @ ..] = data else {
        return;
    };
    let split = usize::from(u16::from_le_bytes([*lo, *hi])).min(rest.len());
    let (client, server) = rest.split_at(split);
    let Ok(server) = ServerDoc::from_bytes("openid-configuration", server.to_vec()) else {
        return;
    };
    let options = LintOptions {
        profiles: if flags & 1 != 0 {
            Profile::ALL.to_vec()
        } else {
            Vec::new()
        },
        ..LintOptions::default()
    };
    let report = lint_bytes(
        "app.client.json",
        client.to_vec(),
        Origin::Explicit,
        &options,
        Some(&server),
    );
    common::check_and_render(&[&report]);

    let outcome = validate_registration(client, &server, &options);
    let body = outcome.response_body();
    assert!(
        matches!(outcome.status_code(), 201 | 400),
        "status {}",
        outcome.status_code()
    );
    assert!(body.is_object());

    if let Ok(text) = std::str::from_utf8(client) {
        let source = SourceFile::new("app.client.json", text);
        if let Ok(parsed) = json::parse(text, &ParseOptions::default()) {
            if let Some(object) = parsed.root.as_object() {
                let e = oauth_lint::explain::explain(&source, object, "config", Some(&server));
                let _ = oauth_lint::explain::render_table(&e);
                serde_json::to_string(&e).expect("explanations serialise");
            }
        }
    }
});
