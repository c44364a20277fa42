//! The real-world corpus (fixtures/real-world, 160 documents): every document's kind is detected
//! as the folder it is filed under, and nothing crashes.

use std::path::Path;
use std::process::Command;

#[test]
fn kind_detection_matches_the_folder_for_every_document() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real-world");
    let out = Command::new(env!("CARGO_BIN_EXE_oauth-lint"))
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = doc["files"].as_array().unwrap();
    let json_files = files
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(".json"))
        .count();
    assert_eq!(json_files, 160);
    let mut wrong = Vec::new();
    for f in files {
        let path = Path::new(f["path"].as_str().unwrap());
        let folder = path.parent().unwrap().file_name().unwrap().to_str().unwrap();
        if f["kind"] != folder {
            wrong.push(format!("{}: detected {}", path.display(), f["kind"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
