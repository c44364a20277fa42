//! Turns the IANA registry CSVs in `schemas/registry/` into typed Rust tables
//! (`$OUT_DIR/registry_tables.rs`, included by `src/registry/tables.rs`).
//! `tests/registry.rs` re-reads the CSVs independently and checks the tables match.

use std::fmt::Write as _;
use std::path::Path;

const TABLES: &[(&str, &str)] = &[
    ("JOSE_ALGORITHMS", "jose_algorithms.csv"),
    ("JWK_ELLIPTIC_CURVES", "jwk_elliptic_curves.csv"),
    ("JWK_KEY_OPS", "jwk_key_ops.csv"),
    ("JWK_KEY_TYPES", "jwk_key_types.csv"),
    ("JWK_PARAMETERS", "jwk_parameters.csv"),
    ("JWK_USE", "jwk_use.csv"),
    ("JWE_COMPRESSION", "jwe_compression.csv"),
    ("KNOWN_UNREGISTERED", "known_unregistered.csv"),
    (
        "OAUTH_AUTHORIZATION_SERVER_METADATA",
        "oauth_authorization_server_metadata.csv",
    ),
    ("OAUTH_CLIENT_METADATA", "oauth_client_metadata.csv"),
    (
        "OAUTH_PROTECTED_RESOURCE_METADATA",
        "oauth_protected_resource_metadata.csv",
    ),
    ("OAUTH_RESPONSE_TYPES", "oauth_response_types.csv"),
    (
        "OAUTH_TOKEN_ENDPOINT_AUTH_METHODS",
        "oauth_token_endpoint_auth_methods.csv",
    ),
    ("OAUTH_TOKEN_TYPE_HINTS", "oauth_token_type_hints.csv"),
    ("OAUTH_URI", "oauth_uri.csv"),
    ("OAUTH_ACCESS_TOKEN_TYPES", "oauth_access_token_types.csv"),
    ("OAUTH_PARAMETERS", "oauth_parameters.csv"),
    ("PKCE_CODE_CHALLENGE_METHODS", "pkce_code_challenge_methods.csv"),
];

fn main() {
    let dir = Path::new("schemas/registry");
    println!("cargo::rerun-if-changed=schemas/registry");
    let mut out = String::new();
    for (name, file) in TABLES {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rows = parse_csv(&text);
        assert_eq!(rows[0], ["value", "reference", "status", "notes"], "{file}: header");
        writeln!(out, "/// Rows of `schemas/registry/{file}`.").unwrap();
        writeln!(out, "pub static {name}: &[Entry] = &[").unwrap();
        for row in &rows[1..] {
            assert_eq!(row.len(), 4, "{file}: row {row:?}");
            writeln!(
                out,
                "    Entry {{ value: {:?}, reference: {:?}, status: Status::{}, notes: {:?} }},",
                row[0],
                row[1],
                status_variant(&row[2]),
                row[3]
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("registry_tables.rs");
    std::fs::write(dest, out).unwrap();
}

fn status_variant(status: &str) -> &'static str {
    match status {
        "registered" | "registered (inferred)" => "Registered",
        "Required" => "Required",
        "Recommended+" => "RecommendedPlus",
        "Recommended" => "Recommended",
        "Recommended-" => "RecommendedMinus",
        "Optional" => "Optional",
        "Deprecated" => "Deprecated",
        "Prohibited" => "Prohibited",
        "not-registered" => "NotRegistered",
        "removed" => "Removed",
        "pending-draft" => "PendingDraft",
        "not-applicable" => "NotApplicable",
        other => panic!("unknown registry status {other:?}"),
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
