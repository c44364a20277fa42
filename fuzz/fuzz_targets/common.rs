//! What every lint target checks about a report, and every output format rendered from it.

use oauth_lint::json::Span;
use oauth_lint::lint::FileReport;
use oauth_lint::report::{self, Reporter, Summary};
use oauth_lint::source::SourceFile;

fn span_ok(file: &SourceFile, span: Span, what: &str) {
    let text = &file.text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of bounds ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} inside a character"
    );
    let _ = file.position(span.start);
    let _ = file.position(span.end);
}

/// Spans in bounds, pointers well formed, and every format renders (the JSON and SARIF ones to
/// valid JSON).
pub fn check_and_render(reports: &[&FileReport]) {
    let mut summary = Summary::default();
    for report in reports {
        for d in &report.diagnostics {
            span_ok(&report.source, d.span, d.rule.code);
            assert!(
                d.pointer.is_empty() || d.pointer.starts_with('/'),
                "{}: pointer {:?}",
                d.rule.code,
                d.pointer
            );
            assert!(!d.message.is_empty(), "{}: empty message", d.rule.code);
            for r in &d.related {
                let file = r.file.as_deref().unwrap_or(&report.source);
                span_ok(file, r.span, d.rule.code);
            }
        }
        summary.add(report);
    }
    let mut full = report::Full::new(false, 100);
    full.summary = true;
    let formats: Vec<(&str, Box<dyn Reporter>)> = vec![
        ("full", Box::new(full)),
        ("concise", Box::new(report::Concise { summary: true })),
        ("json", Box::new(report::Json::default())),
        ("sarif", Box::new(report::Sarif::default())),
        ("github", Box::new(report::Github)),
        ("junit", Box::new(report::Junit::default())),
    ];
    for (name, mut reporter) in formats {
        let mut out = Vec::new();
        for report in reports {
            reporter.file(report, &mut out).expect("writing to memory");
        }
        reporter.finish(&summary, &mut out).expect("writing to memory");
        if name == "json" || name == "sarif" {
            serde_json::from_slice::<serde_json::Value>(&out)
                .unwrap_or_else(|e| panic!("{name} output is not JSON: {e}"));
        }
    }
}
