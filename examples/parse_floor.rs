//! The parse floor of `scripts/bench-compare.sh`: the least work any JSON linter must do over a
//! set of files. It lists the given directories (and takes the given files), reads every file and
//! parses it with `serde_json` into a `Value`, on all cores (rayon), and prints how many documents
//! parsed. No schema, no rules, no report.
//!
//! ```sh
//! cargo run --release --example parse_floor -- DIR_OR_FILE...
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

fn main() -> ExitCode {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args_os().skip(1) {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let Ok(entries) = std::fs::read_dir(&path) else {
                eprintln!("parse_floor: cannot read {}", path.display());
                return ExitCode::from(2);
            };
            files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()));
        } else {
            files.push(path);
        }
    }
    let parsed = files
        .par_iter()
        .filter(|path| {
            std::fs::read(path)
                .ok()
                .is_some_and(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).is_ok())
        })
        .count();
    println!("{parsed} of {} documents parsed", files.len());
    ExitCode::SUCCESS
}
