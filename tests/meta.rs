//! Meta tests over the rule table: codes, names, documentation, severity policy, docs/rules.md.

use std::collections::HashSet;
use std::path::Path;

use oauth_lint::rules::{self, Rule};

fn all() -> &'static [&'static Rule] {
    &rules::ALL
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in all() {
        let (prefix, digits) = r.code.split_at(r.code.len() - 3);
        assert!(
            (3..=4).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_uppercase()),
            "{}: prefix must be 3–4 upper-case letters",
            r.code
        );
        assert!(
            digits.bytes().all(|b| b.is_ascii_digit()) && digits != "000",
            "{}: three digits",
            r.code
        );
        assert!(codes.insert(r.code), "duplicate code {}", r.code);
        assert!(names.insert(r.name), "duplicate name {}", r.name);
        assert!(
            !r.name.is_empty()
                && r.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: name `{}` is not kebab-case",
            r.code,
            r.name
        );
        assert!(!r.summary.ends_with('.'), "{}: summary ends with a period", r.code);
        assert!(
            r.summary.chars().count() <= 130,
            "{}: summary longer than one line",
            r.code
        );
    }
}

#[test]
fn families_keep_their_prefix_together() {
    // Rules are listed family by family: a prefix never reappears after another prefix.
    let mut seen = Vec::new();
    for r in all() {
        let prefix = r.code.trim_end_matches(|c: char| c.is_ascii_digit());
        if seen.last() != Some(&prefix) {
            assert!(
                !seen.contains(&prefix),
                "{} is separated from the rest of its family",
                r.code
            );
            seen.push(prefix);
        }
    }
}

#[test]
fn docs_have_every_section() {
    let sections = [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## References",
    ];
    for r in all() {
        let mut last = 0;
        for s in sections {
            let at = r.docs.find(s).unwrap_or_else(|| panic!("{} docs lack `{s}`", r.code));
            assert!(at >= last, "{}: `{s}` out of order", r.code);
            last = at;
            let body = r.docs[at + s.len()..].split("\n## ").next().unwrap_or_default();
            assert!(body.trim().len() > 10, "{}: section `{s}` is empty", r.code);
        }
        let refs = r.docs.split("## References").nth(1).unwrap_or_default();
        assert!(
            [
                "RFC",
                "OpenID",
                "OIDC",
                "SPEC",
                "IANA",
                "draft-",
                "FAPI",
                "CIBA",
                "MCP",
                "oauth4webapi"
            ]
            .iter()
            .any(|k| refs.contains(k)),
            "{}: References cite no specification",
            r.code
        );
    }
}

#[test]
fn severity_follows_the_policy() {
    for r in all() {
        assert_eq!(
            r.severity,
            r.basis.policy_severity(),
            "{}: severity {} but basis {:?} (SPEC §4: error = MUST or cannot work; warning = SHOULD, BCP, likely mistake; info = worth knowing)",
            r.code,
            r.severity,
            r.basis
        );
    }
}

#[test]
fn docs_rules_md_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let generated = rules::reference_markdown();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/rules.md is stale: regenerate with `UPDATE_EXPECT=1 cargo test --test meta`"
    );
}

#[test]
fn every_rule_is_findable_by_code_and_name() {
    for r in all() {
        assert_eq!(rules::find(r.code).map(|f| f.code), Some(r.code));
        assert_eq!(rules::find(r.name).map(|f| f.code), Some(r.code));
    }
}
