//! Where Lantern listens and keeps its data, from flags or the environment.

use crate::storage::Storage;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the register's data lives.
#[derive(Clone, Debug, clap::Args)]
pub struct DataConfig {
    /// Directory for the embedded database (and, later, the search index).
    #[arg(
        long,
        env = "LANTERN_DATA_DIR",
        default_value = "./data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL; default: a SQLite file in the data directory.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
}

impl DataConfig {
    /// Opens (creating and migrating if needed) the configured database.
    pub async fn open(&self) -> anyhow::Result<Storage> {
        let url = match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.clone(),
            _ => {
                std::fs::create_dir_all(&self.data_dir).map_err(|e| {
                    anyhow::anyhow!(
                        "could not create the data directory {}: {e}",
                        self.data_dir.display()
                    )
                })?;
                Storage::sqlite_url(&self.data_dir)
            }
        };
        Storage::open(&url).await
    }
}

/// How the web server runs.
#[derive(Clone, Debug, clap::Parser)]
pub struct ServeConfig {
    /// Address to listen on.
    #[arg(long, env = "LANTERN_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Seed the demo register when the register is empty.
    #[arg(long)]
    pub demo: bool,
    /// Directory of the built site (CSS, wasm, static files).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
}
