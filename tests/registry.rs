//! The typed registry tables and the shipped schemas agree with the IANA data files.

use std::path::Path;

use oauth_lint::document::Kind;
use oauth_lint::registry::{self, Entry, Status, tables};

fn read_csv(file: &str) -> Vec<[String; 4]> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas/registry")
        .join(file);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    assert_eq!(reader.headers().unwrap(), vec!["value", "reference", "status", "notes"]);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            [r[0].to_owned(), r[1].to_owned(), r[2].to_owned(), r[3].to_owned()]
        })
        .collect()
}

fn status_text(status: Status) -> &'static [&'static str] {
    match status {
        Status::Registered => &["registered", "registered (inferred)"],
        Status::Required => &["Required"],
        Status::RecommendedPlus => &["Recommended+"],
        Status::Recommended => &["Recommended"],
        Status::RecommendedMinus => &["Recommended-"],
        Status::Optional => &["Optional"],
        Status::Deprecated => &["Deprecated"],
        Status::Prohibited => &["Prohibited"],
        Status::NotRegistered => &["not-registered"],
        Status::Removed => &["removed"],
        Status::PendingDraft => &["pending-draft"],
        Status::NotApplicable => &["not-applicable"],
    }
}

#[test]
fn tables_match_the_csv_files() {
    let pairs: &[(&[Entry], &str)] = &[
        (tables::JOSE_ALGORITHMS, "jose_algorithms.csv"),
        (tables::JWK_ELLIPTIC_CURVES, "jwk_elliptic_curves.csv"),
        (tables::JWK_KEY_OPS, "jwk_key_ops.csv"),
        (tables::JWK_KEY_TYPES, "jwk_key_types.csv"),
        (tables::JWK_PARAMETERS, "jwk_parameters.csv"),
        (tables::JWK_USE, "jwk_use.csv"),
        (tables::JWE_COMPRESSION, "jwe_compression.csv"),
        (tables::KNOWN_UNREGISTERED, "known_unregistered.csv"),
        (
            tables::OAUTH_AUTHORIZATION_SERVER_METADATA,
            "oauth_authorization_server_metadata.csv",
        ),
        (tables::OAUTH_CLIENT_METADATA, "oauth_client_metadata.csv"),
        (
            tables::OAUTH_PROTECTED_RESOURCE_METADATA,
            "oauth_protected_resource_metadata.csv",
        ),
        (tables::OAUTH_RESPONSE_TYPES, "oauth_response_types.csv"),
        (
            tables::OAUTH_TOKEN_ENDPOINT_AUTH_METHODS,
            "oauth_token_endpoint_auth_methods.csv",
        ),
        (tables::OAUTH_TOKEN_TYPE_HINTS, "oauth_token_type_hints.csv"),
        (tables::OAUTH_URI, "oauth_uri.csv"),
        (tables::OAUTH_ACCESS_TOKEN_TYPES, "oauth_access_token_types.csv"),
        (tables::OAUTH_PARAMETERS, "oauth_parameters.csv"),
        (tables::PKCE_CODE_CHALLENGE_METHODS, "pkce_code_challenge_methods.csv"),
    ];
    for (table, file) in pairs {
        let rows = read_csv(file);
        assert_eq!(table.len(), rows.len(), "{file}: row count");
        for (entry, row) in table.iter().zip(&rows) {
            assert_eq!(entry.value, row[0], "{file}");
            assert_eq!(entry.reference, row[1], "{file}: {}", row[0]);
            assert!(
                status_text(entry.status).contains(&row[2].as_str()),
                "{file}: {} status {}",
                row[0],
                row[2]
            );
            assert_eq!(entry.notes, row[3], "{file}: {}", row[0]);
        }
    }
}

#[test]
fn registry_data_is_the_shared_copy() {
    // The project's copy of the IANA data is byte-identical to ../shared/iana when that exists.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/iana");
    let Ok(entries) = std::fs::read_dir(&shared) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            let ours = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("schemas/registry")
                .join(p.file_name().unwrap());
            assert_eq!(
                std::fs::read(&p).unwrap(),
                std::fs::read(&ours).unwrap(),
                "{}",
                ours.display()
            );
        }
    }
}

fn schema(kind: Kind) -> serde_json::Value {
    oauth_lint::schema::schema_json(kind).clone()
}

#[test]
fn schemas_cover_every_registered_and_known_member_with_its_description() {
    for kind in [Kind::Client, Kind::Server, Kind::Resource] {
        let s = schema(kind);
        let props = s["properties"].as_object().unwrap();
        for e in registry::registered_members(kind) {
            let p = props
                .get(e.value)
                .unwrap_or_else(|| panic!("{kind}: `{}` missing from the schema", e.value));
            assert_eq!(p["title"], e.value);
            let expected = format!("{} ({})", e.description(), e.reference);
            assert_eq!(p["description"], expected.as_str(), "{kind}: `{}` description", e.value);
        }
        for e in registry::unregistered_members(kind) {
            assert!(
                props.contains_key(e.value),
                "{kind}: known unregistered `{}` missing",
                e.value
            );
        }
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(s["$id"].as_str().unwrap().ends_with(&format!("{kind}.schema.json")));
    }
    let jwks = schema(Kind::Jwks);
    let jwk = jwks["$defs"]["jwk"]["properties"].as_object().unwrap();
    for e in tables::JWK_PARAMETERS {
        assert!(jwk.contains_key(e.value), "jwk: `{}` missing", e.value);
    }
}

#[test]
fn schemas_are_valid_draft_2020_12() {
    for kind in Kind::ALL {
        let s = schema(kind);
        assert!(
            jsonschema::meta::is_valid(&s),
            "{kind} schema is not a valid JSON Schema"
        );
    }
}

#[test]
fn generated_schemas_are_fresh() {
    // scripts/gen_schemas.py --check exits 1 when a schema differs from what it would write.
    let status = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_schemas.py"))
        .arg("--check")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status();
    match status {
        Ok(s) => assert!(s.success(), "schemas are stale: run python3 scripts/gen_schemas.py"),
        Err(e) => eprintln!("python3 unavailable ({e}); schema freshness not checked"),
    }
}
