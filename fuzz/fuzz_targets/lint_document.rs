//! The whole lint of one document (decoding, parsing, kind and role detection, schema, every rule)
//! and every output format. The first byte picks the kind (or detection), the role and the profiles;
//! the rest is the document.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use oauth_lint::document::{Kind, Role};
use oauth_lint::lint::{LintOptions, Origin, lint_bytes};
use oauth_lint::rules::Profile;

/// File names that give each kind (the last one leaves the kind to the content).
const NAMES: [(&str, Option<Kind>); 5] = [
    ("app.client.json", Some(Kind::Client)),
    ("openid-configuration", Some(Kind::Server)),
    ("jwks.json", Some(Kind::Jwks)),
    ("oauth-protected-resource", Some(Kind::Resource)),
    ("document.json", None),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, document)) = data.split_first() else {
        return;
    };
    let (name, kind) = NAMES[usize::from(selector & 7) % NAMES.len()];
    let role = match (selector >> 3) & 7 {
        1 => Some(Role::Request),
        2 => Some(Role::Response),
        3 => Some(Role::Config),
        4 => Some(Role::Cimd),
        _ => None,
    };
    let options = LintOptions {
        // Half the time by file name, half the time forced.
        kind: kind.filter(|_| selector & 0x40 != 0),
        role,
        profiles: if selector & 0x80 != 0 {
            Profile::ALL.to_vec()
        } else {
            Vec::new()
        },
        ..LintOptions::default()
    };
    let report = lint_bytes(name, document.to_vec(), Origin::Explicit, &options, None);
    if let Some(kind) = kind {
        if report.valid_json {
            assert_eq!(report.kind, Some(kind), "the file name decides the kind");
        }
    }
    common::check_and_render(&[&report]);
    // A walked file goes through the same code, with the "not OAuth metadata" skip.
    let walked = lint_bytes(name, document.to_vec(), Origin::Walked, &options, None);
    assert!(walked.skipped || walked.diagnostics.len() == report.diagnostics.len());
});
