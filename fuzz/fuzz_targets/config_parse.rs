//! `oauth-lint.toml`: parsing, validation, per-path settings, and the rendered error.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use oauth_lint::config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = Path::new("/nonexistent-oauth-lint-fuzz");
    match config::parse(&dir.join("oauth-lint.toml"), text) {
        Ok(config) => {
            for path in [
                "clients/a.json",
                "openid-configuration",
                "x/../y/jwks.json",
                "/elsewhere/a.json",
            ] {
                let _ = config.settings_for(&dir.join(path));
                let _ = config.is_excluded(&dir.join(path));
            }
        }
        Err(e) => {
            if let Some(span) = &e.span {
                assert!(span.start <= span.end && span.end <= text.len(), "span {span:?}");
            }
            assert!(!e.render(false).is_empty());
        }
    }
});
