//! `cargo bench -p server --bench search`: in-process search latency of the
//! embedded engine over 100,000 synthetic systems and over the real US 2025
//! inventory, plus index build time and size.
//!
//! The registers are built once under `target/bench-data/` (delete it to
//! start again) from `lantern seed --synthetic 100000 --seed 42`'s generator
//! and the US file in `../shared/data/`. Each of 20 representative searches
//! runs on its own and with facet filters; every search computes facet counts.
//! Each round runs twice: with the cache of recent results off (every search
//! runs in full, as one nobody asked before) and on (a search asked again).

#[path = "../tests/integration/support/shared_data.rs"]
mod shared_data;

use app::search::{Search, SystemQuery};
use lantern::import::{self, us_omb_2025};
use lantern::search::embedded::Embedded;
use lantern::storage::Storage;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Twenty things citizens and journalists search for: words, typos, prefixes, browsing.
const SEARCHES: [&str; 20] = [
    "",
    "benefits",
    "benefit claim",
    "benef",
    "facial recognition",
    "facial recogntion",
    "chatbot",
    "chatbott",
    "fraud detection",
    "tax return risk scoring",
    "police",
    "translation",
    "housing repair",
    "visa application",
    "emergency call",
    "school admission",
    "flood warning",
    "prescription",
    "court hearing",
    "job seeker profile",
];

/// Facet filters added to each search in the second round.
const FILTERS: [&str; 4] = [
    "stage=in_use",
    "risk_level=high&technique=classical_ml",
    "topic=benefits&topic=housing&personal_data=yes",
    "stage=in_use&stage=pilot&audit=none",
];

/// Timed runs of each search (after one untimed run to warm caches).
const RUNS: usize = 50;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
        let dir = root.join("synthetic-100k");
        let synthetic = register(&dir.clone(), |_| async move {
            // What `lantern seed --synthetic 100000 --seed 42` writes, audits included.
            let data = lantern::config::DataConfig {
                data_dir: dir,
                database_url: None,
                meilisearch_url: None,
                meilisearch_api_key: None,
            };
            lantern::seed::run(&data, 100_000, 42).await
        })
        .await?;
        report("100,000 synthetic systems", synthetic).await?;
        let us = register(&root.join("us-2025"), |storage| async move {
            let file = shared_data::us_omb_2025_use_cases();
            let parsed = us_omb_2025::parse(&std::fs::read(file)?, app::i18n::Language::SOURCE)?;
            import::write(&storage, &parsed, "the benchmark register", false).await?;
            Ok(())
        })
        .await?;
        report("the US 2025 inventory", us).await
    })
}

/// A register under `dir`, filled by `fill` the first time, with its index
/// rebuilt (and timed) on every run.
async fn register<F, Fut>(dir: &Path, fill: F) -> anyhow::Result<(Storage, Embedded, Duration)>
where
    F: FnOnce(Storage) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    std::fs::create_dir_all(dir)?;
    let storage = Storage::open(&Storage::sqlite_url(dir)).await?;
    if storage.health().await?.systems == 0 {
        let started = Instant::now();
        fill(storage.clone()).await?;
        println!(
            "filled {} in {:.1} s",
            dir.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let index = dir.join("search");
    let _ = std::fs::remove_dir_all(&index);
    let engine = Embedded::open(&index)?;
    let started = Instant::now();
    lantern::search::rebuild(&storage, &engine, &|_| {}).await?;
    Ok((storage, engine, started.elapsed()))
}

async fn report(
    name: &str,
    (storage, mut engine, build): (Storage, Embedded, Duration),
) -> anyhow::Result<()> {
    let systems = storage.health().await?.systems;
    println!("\n## {name} ({systems} systems)");
    println!(
        "index build: {:.1} s, size on disk: {:.1} MB",
        build.as_secs_f64(),
        engine.size_on_disk() as f64 / 1e6
    );
    let plain: Vec<SystemQuery> = SEARCHES.iter().map(|q| query(q, "")).collect();
    let filtered: Vec<SystemQuery> = SEARCHES
        .iter()
        .enumerate()
        .map(|(n, q)| query(q, FILTERS[n % FILTERS.len()]))
        .collect();
    for cached in [false, true] {
        engine.keep_results(cached);
        println!(
            "{}",
            if cached {
                "asked again (from the cache of recent results):"
            } else {
                "asked for the first time (the cache of recent results off):"
            }
        );
        for (label, queries) in [("words only", &plain), ("words + facet filters", &filtered)] {
            let mut times = Vec::new();
            let mut slowest = (Duration::ZERO, String::new());
            for q in queries {
                engine.search(q).await?;
                for _ in 0..RUNS {
                    let started = Instant::now();
                    let results = engine.search(q).await?;
                    let took = started.elapsed();
                    std::hint::black_box(results);
                    if took > slowest.0 {
                        slowest = (took, q.to_params());
                    }
                    times.push(took);
                }
            }
            times.sort();
            let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
            println!(
                "  {label}: {} searches, p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms (slowest: ?{})",
                times.len(),
                ms(at(0.50)),
                ms(at(0.99)),
                ms(slowest.0),
                slowest.1
            );
        }
    }
    Ok(())
}

fn query(words: &str, filters: &str) -> SystemQuery {
    let (mut query, problems) = SystemQuery::from_query_string(filters);
    assert!(problems.is_empty(), "{problems:?}");
    query.q = words.to_string();
    query
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
