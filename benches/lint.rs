//! Linting benchmarks on real documents (`fixtures/real-world`), each reported as throughput
//! (MB/s from the bytes, documents/s from `elements`: criterion prints both, run the bench twice
//! or read `target/criterion/*/*/new/estimates.json`):
//!
//! - `schema`: JSON Schema validation only (parse tree given; SCH001–SCH005), on valid documents
//!   and on one with schema errors;
//! - `lint`: the whole lint of one document (decode, parse, kind, schema, every rule, selection)
//!   for a typical client, server and JWK Set document;
//! - `lint-paired`: a client linted against its server's metadata (the cross checks);
//! - `corpus`: every real server document, one after the other (documents/s).
//!
//! `cargo bench --bench lint` (`-- --quick` for a short run).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oauth_lint::cross::ServerDoc;
use oauth_lint::document::Kind;
use oauth_lint::json::{ParseOptions, parse};
use oauth_lint::lint::{LintOptions, Origin, lint_bytes};
use oauth_lint::rules::Ctx;
use oauth_lint::source::SourceFile;

fn read(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/real-world")
            .join(path),
    )
    .unwrap()
}

/// (label, kind, path) of the typical documents.
const TYPICAL: &[(&str, Kind, &str)] = &[
    ("client", Kind::Client, "client/obuk-dcr-response-aspsp.json"),
    ("server", Kind::Server, "server/google-wellknown-2024.json"),
    ("server-large", Kind::Server, "server/lego-wellknown.json"),
    ("jwks", Kind::Jwks, "jwks/google-wellknown-2024.json"),
];

fn schema_only(c: &mut Criterion) {
    let mut group = c.benchmark_group("schema");
    let options = LintOptions::default();
    // Plus a document with schema errors: the quick check cannot prove it valid, so it takes the
    // full validator's path (conversion, validation, error messages).
    let invalid = [(
        "server-invalid",
        Kind::Server,
        "server/oidf-conformance-invalid-types.json",
    )];
    for &(label, kind, path) in TYPICAL.iter().chain(&invalid) {
        let bytes = read(path);
        let source = Arc::new(SourceFile::new(path, String::from_utf8(bytes.clone()).unwrap()));
        let parsed = parse(&source.text, &ParseOptions::default()).unwrap();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::new("validate", label), |b| {
            b.iter(|| {
                let mut ctx = Ctx::new(&source, &parsed.root, kind, None, &options);
                oauth_lint::schema::check(&mut ctx);
                black_box(ctx.into_diagnostics())
            })
        });
    }
    group.finish();
}

fn full_lint(c: &mut Criterion) {
    let mut group = c.benchmark_group("lint");
    let options = LintOptions::default();
    for &(label, kind, path) in TYPICAL {
        let bytes = read(path);
        // Named after the kind, as `oauth-lint check` would find them.
        let name = match kind {
            Kind::Client => "app.client.json",
            Kind::Server => "openid-configuration",
            Kind::Jwks => "jwks.json",
            Kind::Resource => "oauth-protected-resource",
        };
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::new("bytes", label), |b| {
            b.iter(|| {
                black_box(lint_bytes(
                    name,
                    black_box(bytes.clone()),
                    Origin::Explicit,
                    &options,
                    None,
                ))
            })
        });
        group.throughput(Throughput::Elements(1));
        group.bench_function(BenchmarkId::new("documents", label), |b| {
            b.iter(|| {
                black_box(lint_bytes(
                    name,
                    black_box(bytes.clone()),
                    Origin::Explicit,
                    &options,
                    None,
                ))
            })
        });
    }
    group.finish();
}

fn paired(c: &mut Criterion) {
    let mut group = c.benchmark_group("lint-paired");
    let options = LintOptions::default();
    let server =
        ServerDoc::from_bytes("openid-configuration", read("server/spec-oidc-discovery-example.json")).unwrap();
    for client in [
        "client/spec-rfc7591-response.json",
        "client/obuk-dcr-response-aspsp.json",
    ] {
        let bytes = read(client);
        let label = Path::new(client).file_stem().unwrap().to_string_lossy().into_owned();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::new("client-vs-server", &label), |b| {
            b.iter(|| {
                black_box(lint_bytes(
                    "app.client.json",
                    black_box(bytes.clone()),
                    Origin::Explicit,
                    &options,
                    Some(&server),
                ))
            })
        });
    }
    group.finish();
}

fn corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("corpus");
    let options = LintOptions::default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real-world/server");
    let mut docs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    docs.sort();
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("servers-bytes", |b| {
        b.iter(|| {
            for (name, doc) in &docs {
                black_box(lint_bytes(name, doc.clone(), Origin::Explicit, &options, None));
            }
        })
    });
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("servers-documents", |b| {
        b.iter(|| {
            for (name, doc) in &docs {
                black_box(lint_bytes(name, doc.clone(), Origin::Explicit, &options, None));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, schema_only, full_lint, paired, corpus);
criterion_main!(benches);
