//! A dynamic client registration handler (RFC 7591) that validates each request against the
//! server's own metadata with oauth-lint before accepting it. No HTTP crate: the request body is
//! read from a file (or stdin), and the status line and JSON response are printed.
//!
//! ```sh
//! cargo run --example registration_handler -- \
//!     fixtures/real-world/server/spec-oidc-discovery-example.json \
//!     fixtures/real-world/client/spec-rfc7591-request-open.json
//! ```

use std::io::Read;
use std::process::ExitCode;

use oauth_lint::cross::ServerDoc;
use oauth_lint::lint::LintOptions;
use oauth_lint::registration::validate_registration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (server_path, request_path) = match args.as_slice() {
        [server] => (server.as_str(), "-"),
        [server, request] => (server.as_str(), request.as_str()),
        _ => {
            eprintln!("usage: registration_handler SERVER_METADATA [REQUEST_BODY|-]");
            return ExitCode::from(2);
        }
    };

    // Loaded once at start-up, then shared by every request.
    let server = match std::fs::read(server_path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| ServerDoc::from_bytes(server_path, bytes).map_err(|e| e.to_string()))
    {
        Ok(server) => server,
        Err(e) => {
            eprintln!("cannot load the server metadata `{server_path}`: {e}");
            return ExitCode::from(2);
        }
    };

    // One request.
    let mut body = Vec::new();
    let read = if request_path == "-" {
        std::io::stdin().read_to_end(&mut body).map(|_| ())
    } else {
        std::fs::read(request_path).map(|b| body = b)
    };
    if let Err(e) = read {
        eprintln!("cannot read the request body: {e}");
        return ExitCode::from(2);
    }

    let outcome = validate_registration(&body, &server, &LintOptions::default());
    let reason = if outcome.is_accepted() {
        "Created"
    } else {
        "Bad Request"
    };
    println!("HTTP/1.1 {} {reason}", outcome.status_code());
    println!("Content-Type: application/json");
    println!("Cache-Control: no-store");
    println!();
    println!(
        "{}",
        serde_json::to_string_pretty(&outcome.response_body()).expect("a JSON value serializes")
    );
    // What an operator would log (warnings do not reject a request).
    for d in &outcome.diagnostics {
        eprintln!("{} {} {}: {}", d.severity, d.rule.code, d.pointer, d.message);
    }
    ExitCode::SUCCESS
}
