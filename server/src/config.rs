//! Where Lantern listens and keeps its data, from flags or the environment.

use crate::storage::Storage;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the register's data lives.
#[derive(Clone, Debug, clap::Args)]
pub struct DataConfig {
    /// Directory for the embedded database and search index.
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
    /// Meilisearch to search with (e.g. `http://127.0.0.1:7700`); default: the embedded index.
    #[arg(long, env = "MEILISEARCH_URL", global = true)]
    pub meilisearch_url: Option<String>,
    /// The Meilisearch API key, if it needs one.
    #[arg(
        long,
        env = "MEILISEARCH_API_KEY",
        global = true,
        hide_env_values = true
    )]
    pub meilisearch_api_key: Option<String>,
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

    /// Meilisearch's settings, when it is configured.
    pub fn meilisearch(&self) -> Option<crate::search::meilisearch::Settings> {
        let url = self.meilisearch_url.as_deref().map(str::trim)?;
        (!url.is_empty()).then(|| crate::search::meilisearch::Settings {
            url: url.to_string(),
            api_key: self
                .meilisearch_api_key
                .clone()
                .filter(|key| !key.trim().is_empty()),
        })
    }

    /// Opens the configured search engine: Meilisearch, or the embedded index.
    pub async fn open_search(&self) -> anyhow::Result<crate::search::SharedEngine> {
        crate::search::open(&self.data_dir, self.meilisearch().as_ref()).await
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
    /// Behind a reverse proxy: take the client's address from the last
    /// `X-Forwarded-For` entry (for feedback's rate limit) instead of the peer.
    #[arg(long, env = "LANTERN_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Requests to `/api/v1/` and the feeds one client may make per minute
    /// (counted per instance); 0 for no limit.
    #[arg(long, env = "LANTERN_API_REQUESTS_PER_MINUTE", default_value_t = 600)]
    pub api_requests_per_minute: u32,
}
