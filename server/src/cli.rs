//! The command line: `lantern serve`, `import`, `export`, `reindex`, `backup`, `seed`, `user` and `token`.

use crate::config::{DataConfig, ServeConfig};
use crate::import::{self, ImportFormat};
use crate::publishing::{Actor, admin};
use app::error::AppError;
use app::record::TokenScope;
use app::record::{AgencySlug, Role};
use clap::{Parser, Subcommand};

mod users;
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
    /// Write the whole published register to a file (or standard output),
    /// as `/api/v1/export.*` gives it.
    Export {
        /// json (one document), ndjson (one system per line) or csv.
        #[arg(long, value_enum)]
        format: crate::open_data::export::Format,
        /// Where to write it (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Rebuild the search index from the database, from scratch.
    Reindex,
    /// Copy the SQLite database to a new file, consistent even while Lantern
    /// serves. The search index is not copied: it is rebuilt from the
    /// database. For PostgreSQL, use `pg_dump` (see docs/operating.md).
    Backup {
        /// The file to write; it must not exist yet.
        file: PathBuf,
    },
    /// Manage the accounts that sign in to `/manage`.
    User {
        #[command(subcommand)]
        command: users::UserCommand,
    },
    /// Manage agencies' API tokens (`Authorization: Bearer …` on the write API).
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
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

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Create a token: prints the token alone on standard output (it is shown
    /// only this once) and its id on standard error.
    Create {
        /// The agency's slug.
        #[arg(long)]
        agency: String,
        /// draft: writes drafts only; publish: publishes (or submits for
        /// approval where the agency requires it).
        #[arg(long, value_parser = parse_scope)]
        scope: TokenScope,
        /// What the token is for, shown in /manage.
        #[arg(long, default_value = "API token")]
        label: String,
        /// When the token stops working, counted from now: `90d`, `12h`, or
        /// days alone (`365`). Default: it works until it is revoked.
        #[arg(long, value_parser = parse_lifetime)]
        expires_in: Option<time::Duration>,
    },
    /// Revoke a token for good, by its id.
    Revoke { id: i64 },
}

/// A token's lifetime: `90d`, `12h`, or a number of days.
fn parse_lifetime(text: &str) -> Result<time::Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.strip_suffix('d') {
        Some(days) => (days, time::Duration::DAY),
        None => match text.strip_suffix('h') {
            Some(hours) => (hours, time::Duration::HOUR),
            None => (text, time::Duration::DAY),
        },
    };
    match number.parse::<i32>() {
        Ok(n) if (1..=3650).contains(&n) => Ok(unit * n),
        _ => Err("give a lifetime like 90d (days) or 12h (hours), from 1 to 3650".to_string()),
    }
}

fn parse_scope(name: &str) -> Result<TokenScope, String> {
    TokenScope::parse(name).ok_or_else(|| "the scopes are draft and publish".to_string())
}

/// A role named on the command line.
pub(crate) fn parse_role(name: &str) -> Result<Role, String> {
    Role::parse(name).ok_or_else(|| format!("the roles are {}", Role::names()))
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
            Some(Command::Export { format, output }) => {
                crate::open_data::export::run(&self.data, format, output.as_deref()).await
            }
            Some(Command::Reindex) => reindex(&self.data).await,
            Some(Command::Backup { file }) => backup(&self.data, &file).await,
            Some(Command::User { command }) => users::run(&self.data, command).await,
            Some(Command::Token { command }) => token(&self.data, command).await,
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

/// `lantern backup FILE`: a consistent copy of the SQLite database.
async fn backup(data: &DataConfig, file: &std::path::Path) -> anyhow::Result<()> {
    if file.exists() {
        anyhow::bail!(
            "{} exists already: name a new file, so no backup is overwritten",
            file.display()
        );
    }
    let storage = data.open().await?;
    let started = std::time::Instant::now();
    storage.backup_into(file).await?;
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "Backed up the register to {} ({:.1} MB in {:.1} s). Restore it by putting it in a data directory as lantern.db; the search index is rebuilt when Lantern starts.",
        file.display(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `lantern token create|revoke`.
async fn token(data: &DataConfig, command: TokenCommand) -> anyhow::Result<()> {
    let storage = data.open().await?;
    match command {
        TokenCommand::Create {
            agency,
            scope,
            label,
            expires_in,
        } => {
            let expires_at = expires_in.map(|lifetime| {
                crate::clock::format_timestamp(time::OffsetDateTime::now_utc() + lifetime)
            });
            let created = admin::create_token(
                &storage,
                &Actor::Terminal,
                &AgencySlug(agency),
                scope,
                &label,
                expires_at.as_deref(),
            )
            .await
            .map_err(problems)?;
            // The token alone on standard output, so scripts can capture it.
            println!("{}", created.secret);
            let until = created.token.expires_at.as_deref().map_or_else(
                || "until it is revoked".to_string(),
                |at| format!("until {at}"),
            );
            eprintln!(
                "Created API token {} for {} ({}), working {until}. It is shown only this once.",
                created.token.id,
                created.token.agency,
                created.token.scope.as_str()
            );
        }
        TokenCommand::Revoke { id } => {
            let revoked = admin::revoke_token(&storage, &Actor::Terminal, id)
                .await
                .map_err(|error| match error {
                    AppError::NotFound => anyhow::anyhow!("no API token has the id {id}"),
                    other => problems(other),
                })?;
            println!("Revoked API token {} of {}.", revoked.id, revoked.agency);
        }
    }
    Ok(())
}

/// An error for the terminal: each wrong field on a line of its own.
pub(crate) fn problems(error: AppError) -> anyhow::Error {
    match error {
        AppError::Validation(fields) => anyhow::anyhow!(
            "nothing was created:\n{}",
            fields
                .iter()
                .flat_map(|(field, messages)| messages
                    .iter()
                    .map(move |m| format!("  {field}: {m}")))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        AppError::Conflict(message) => anyhow::anyhow!("nothing was created: {message}"),
        AppError::Internal(detail) => anyhow::anyhow!("nothing was created: {detail}"),
        other => anyhow::anyhow!("nothing was created: {other}"),
    }
}

/// The log Lantern writes to standard error. By default its own messages
/// (the address it listens on, imports, warnings) and other crates' warnings
/// only: the search library's INFO lines (every commit and merge) would bury
/// them. Meilisearch's client warns of every 404, which Lantern asks for on
/// purpose (does the index exist?), so only its errors are shown.
/// `LANTERN_LOG` takes any filter, e.g. `debug` or `tantivy=info`.
const DEFAULT_LOG: &str = "warn,lantern=info,app=info,meilisearch_sdk=error";

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("LANTERN_LOG").unwrap_or_else(|_| EnvFilter::new(DEFAULT_LOG));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
