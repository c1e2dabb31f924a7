//! The command line: `lantern serve`, `lantern import`.

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

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("LANTERN_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
