//! The `oauth-lint` command: parse arguments, run, map to an exit code.

/// mimalloc: the linter allocates many small, short-lived values per document on every core
/// (parse tree, findings); the system allocator spent a fifth of the run's instructions on them
/// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    oauth_lint::cli::main()
}
