//! `lantern`: the register's single binary.

use clap::Parser;

/// Rendering a page allocates and frees many small strings across threads;
/// glibc's allocator spent close to half of the search page's CPU time on
/// that under load (perf, `bench/search.sh`), mimalloc far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    lantern::cli::Cli::parse().run().await
}
