//! `lantern`: the register's single binary.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    lantern::cli::Cli::parse().run().await
}
