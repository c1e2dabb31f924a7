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
    /// The register's public address (`https://register.example.gov`), used
    /// for every absolute link (feeds, the open-data examples); default: the
    /// listening address over HTTP. Never taken from a request's `Host`.
    #[arg(long, env = "LANTERN_PUBLIC_URL", value_parser = PublicUrl::parse)]
    pub public_url: Option<PublicUrl>,
    /// Sign-in attempts one client (address) may make per ten minutes,
    /// counted in the database across instances; 0 for no limit.
    #[arg(long, env = "LANTERN_SIGN_INS_PER_CLIENT", default_value_t = 30)]
    pub sign_ins_per_client: i64,
    /// Connections held open at once; more wait until one closes. Keep it
    /// well under the process's open-files limit (`ulimit -n`).
    #[arg(long, env = "LANTERN_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,
    /// Seconds a connection has to send a request's headers, and may stay
    /// idle between requests.
    #[arg(long, env = "LANTERN_HEADER_TIMEOUT", default_value_t = 10)]
    pub header_timeout: u64,
    /// Seconds a request may take until its answer starts (a streamed export
    /// may take longer to finish); slower ones are answered 408.
    #[arg(long, env = "LANTERN_REQUEST_TIMEOUT", default_value_t = 60)]
    pub request_timeout: u64,
    /// The register's languages, its default first (`en,nl`): the language
    /// of addresses without a prefix, then the others (`/nl/systems`). Each
    /// needs a catalogue in `app/locales/`.
    #[arg(long, env = "LANTERN_LANGUAGES", default_value = "en,nl", value_parser = app::i18n::Languages::parse)]
    pub languages: app::i18n::Languages,
    /// The mail server Lantern sends through (`smtp://127.0.0.1:1025`,
    /// `smtps://user:password@mail.example.gov`, `smtp://host?tls=required`
    /// for STARTTLS). Without one, mail waits in the queue and the feedback
    /// form offers no reply by email.
    #[arg(long, env = "LANTERN_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of Lantern's mail (`Register <register@example.gov>`);
    /// default: `lantern@` the public address's host.
    #[arg(long, env = "LANTERN_MAIL_FROM")]
    pub mail_from: Option<String>,
}

impl ServeConfig {
    /// The mail server and sender, when a mail server is configured; a
    /// wrong one is refused with what is wrong.
    pub fn mailer(&self) -> anyhow::Result<Option<crate::mail::Mailer>> {
        let from = match &self.mail_from {
            Some(from) if !from.trim().is_empty() => from.clone(),
            _ => crate::mail::default_from(&self.public_url().host),
        };
        crate::mail::Mailer::configure(self.smtp_url.as_deref(), &from)
    }

    /// The public address: the configured one, or the listening address.
    pub fn public_url(&self) -> PublicUrl {
        self.public_url.clone().unwrap_or_else(|| PublicUrl {
            origin: format!("http://{}", self.addr),
            host: self.addr.ip().to_string(),
        })
    }

    /// The connection limits.
    pub fn limits(&self) -> crate::connections::Limits {
        crate::connections::Limits {
            max_connections: self.max_connections,
            header_timeout: std::time::Duration::from_secs(self.header_timeout.max(1)),
        }
    }
}

/// Where the register is on the web: a scheme and a host, no path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    /// `https://register.example.gov` (no trailing slash).
    pub origin: String,
    /// `register.example.gov`, for `tag:` ids.
    pub host: String,
}

impl PublicUrl {
    /// Reads `https://host[:port]` (a trailing slash is allowed); anything
    /// else is refused with what is wrong, when Lantern starts.
    pub fn parse(text: &str) -> Result<PublicUrl, String> {
        let text = text.trim().trim_end_matches('/');
        let (scheme, rest) = text
            .split_once("://")
            .ok_or("the public URL must start with https:// or http://")?;
        if !matches!(scheme, "https" | "http") {
            return Err("the public URL must start with https:// or http://".into());
        }
        let host = match rest.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => rest.split(':').next().unwrap_or_default(),
        };
        let allowed =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
        if host.is_empty() || !rest.chars().all(allowed) {
            return Err(
                "the public URL is a scheme and a host only, e.g. https://register.example.gov"
                    .into(),
            );
        }
        Ok(PublicUrl {
            origin: format!("{scheme}://{}", rest.to_ascii_lowercase()),
            host: host.to_ascii_lowercase(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::PublicUrl;

    #[test]
    fn a_public_url_is_a_scheme_and_a_host() {
        let url = PublicUrl::parse("https://Register.example.gov/").unwrap();
        assert_eq!(url.origin, "https://register.example.gov");
        assert_eq!(url.host, "register.example.gov");
        assert_eq!(
            PublicUrl::parse("http://127.0.0.1:3000").unwrap().host,
            "127.0.0.1"
        );
        for wrong in [
            "register.example.gov",
            "ftp://register.example.gov",
            "https://register.example.gov/path",
            "https://",
            "https://a\"b.example",
            "https://user@register.example.gov",
        ] {
            assert!(PublicUrl::parse(wrong).is_err(), "{wrong}");
        }
    }
}
