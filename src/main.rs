//! The `oauth-lint` command: parse arguments, run, map to an exit code.

fn main() -> std::process::ExitCode {
    oauth_lint::cli::main()
}
