//! Parse only: oauth-lint's span-preserving parser against `serde_json::from_slice::<Value>` on
//! the same bytes (both include UTF-8 validation).
//!
//! `cargo bench --bench parse`

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oauth_lint::json::{ParseOptions, parse};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real-world");
    let mut out: Vec<(String, Vec<u8>)> = [
        "server/google-wellknown-2024.json",
        "server/lego-wellknown.json",
        "client/obuk-dcr-response-aspsp.json",
        "jwks/google-wellknown-2024.json",
    ]
    .iter()
    .map(|p| (p.to_string(), std::fs::read(root.join(p)).unwrap()))
    .collect();
    // A large document: the whole server corpus as one array (about 1 MB after repetition).
    let mut big = String::from("[");
    let mut first = true;
    for _ in 0..8 {
        for e in std::fs::read_dir(root.join("server")).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            let text = text.trim_start_matches('\u{feff}');
            if serde_json::from_str::<serde_json::Value>(text).is_ok() {
                if !first {
                    big.push(',');
                }
                first = false;
                big.push_str(text);
            }
        }
    }
    big.push(']');
    out.push(("corpus-x8-array".into(), big.into_bytes()));
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    let options = ParseOptions::default();
    for (name, bytes) in inputs() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("oauth-lint", &name), &bytes, |b, bytes| {
            b.iter(|| {
                let text = std::str::from_utf8(black_box(bytes)).unwrap();
                black_box(parse(text, &options).unwrap());
            })
        });
        group.bench_with_input(BenchmarkId::new("serde_json", &name), &bytes, |b, bytes| {
            b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
