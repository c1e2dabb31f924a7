//! The command line: `lantern serve`, `import`, `reindex` and `seed`.

use crate::config::{DataConfig, ServeConfig};
use crate::import::{self, ImportFormat};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Lantern, the public register of government AI systems.
#[derive(Debug, Parser)]
#[command(name = "lantern", version, about)]
pub struct Cli {
    #[command(flatten)]
    data: DataConfig,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the register over HTTP (the default).
    Serve(ServeConfig),
    /// Import an inventory file published by agencies.
    Import {
        /// The file's format.
        #[arg(long, value_enum)]
        format: ImportFormat,
        /// The file to import.
        file: PathBuf,
        /// Where to write the report of rows not imported (default: printed).
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Rebuild the search index from the database, from scratch.
    Reindex,
    /// Add generated systems to the register, for benchmarks.
    Seed {
        /// How many made-up but realistic systems to add.
        #[arg(long, value_name = "N")]
        synthetic: usize,
        /// The generator's seed: the same N and seed give the same systems.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

impl Cli {
    /// Runs the command and says how it went as an exit code.
    pub async fn run(self) -> ExitCode {
        init_logging();
        let result = match self.command {
            None => {
                // Plain `lantern` serves with the defaults (and the environment).
                let serve = ServeConfig::parse_from(["serve"]);
                crate::web::serve(&self.data, &serve).await
            }
            Some(Command::Serve(serve)) => crate::web::serve(&self.data, &serve).await,
            Some(Command::Import {
                format,
                file,
                report,
            }) => import::run(&self.data, format, &file, report.as_deref()).await,
            Some(Command::Reindex) => reindex(&self.data).await,
            Some(Command::Seed { synthetic, seed }) => {
                crate::seed::run(&self.data, synthetic, seed).await
            }
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("lantern: {error:#}");
                ExitCode::FAILURE
            }
        }
    }
}

/// `lantern reindex`: rebuilds the index with a progress bar, then says how long it took.
async fn reindex(data: &DataConfig) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressStyle};
    let storage = data.open().await?;
    let total = storage.health().await?.systems;
    let engine = data.open_search().await?;
    let progress = ProgressBar::new(u64::try_from(total).unwrap_or(0));
    progress.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({per_sec})")
            .expect("the template is fixed and valid")
            .progress_chars("=> "),
    );
    progress.set_message("Indexing systems");
    let started = std::time::Instant::now();
    let indexed =
        crate::search::rebuild(&storage, engine.as_ref(), &|n| progress.set_position(n)).await?;
    progress.finish_and_clear();
    println!(
        "Rebuilt the {} search index: {indexed} systems in {:.1} s.",
        engine.name(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("LANTERN_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
