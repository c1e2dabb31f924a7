//! Real processes for tests of the scale-out configuration: `lantern serve`
//! instances and a Meilisearch server of the test's own, each on a free
//! loopback port, killed when dropped; and plain HTTP/1.1 requests to them.

// Each test crate uses a different part of this module.
use lantern::search::meilisearch::Settings;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A free loopback address to listen on.
pub fn free_address() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// Waits until `ready` says yes, for at most `limit`; panics naming `what` after.
pub async fn wait_until(what: &str, limit: Duration, mut ready: impl AsyncFnMut() -> bool) {
    let started = Instant::now();
    while !ready().await {
        assert!(started.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A Meilisearch server started by the test from `MEILISEARCH_BIN`
/// (`scripts/test` sets it), so the test may kill and restart it.
pub struct OwnMeilisearch {
    binary: PathBuf,
    child: Option<Child>,
    address: SocketAddr,
    key: String,
    folder: tempfile::TempDir,
}

impl OwnMeilisearch {
    /// Starts one, or says the test is skipped and answers `None` when
    /// `MEILISEARCH_BIN` is not set.
    pub async fn start() -> Option<OwnMeilisearch> {
        let Some(binary) = std::env::var_os("MEILISEARCH_BIN").filter(|b| !b.is_empty()) else {
            eprintln!("SKIPPED: no Meilisearch (set MEILISEARCH_BIN to run this test)");
            return None;
        };
        let mut meilisearch = OwnMeilisearch {
            binary: binary.into(),
            child: None,
            address: free_address(),
            key: format!("lantern-test-key-{}", std::process::id()),
            folder: tempfile::tempdir().unwrap(),
        };
        meilisearch.start_again().await;
        Some(meilisearch)
    }

    /// Starts it again after [`OwnMeilisearch::kill`], on the same port and database.
    pub async fn start_again(&mut self) {
        assert!(self.child.is_none(), "Meilisearch is already running");
        let folder = self.folder.path();
        let child = Command::new(&self.binary)
            .args(["--no-analytics", "--env", "development", "--http-addr"])
            .arg(self.address.to_string())
            .arg("--master-key")
            .arg(&self.key)
            .arg("--db-path")
            .arg(folder.join("data.ms"))
            .arg("--dump-dir")
            .arg(folder.join("dumps"))
            .arg("--snapshot-dir")
            .arg(folder.join("snapshots"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("MEILISEARCH_BIN starts");
        self.child = Some(child);
        let url = self.settings().url;
        wait_until("Meilisearch answers", Duration::from_secs(30), async || {
            http(&url, "GET", "/health", &[], "").await.status == 200
        })
        .await;
    }

    /// Kills it at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// Where it is, as Lantern is configured.
    pub fn settings(&self) -> Settings {
        Settings {
            url: format!("http://{}", self.address),
            api_key: Some(self.key.clone()),
        }
    }
}

impl Drop for OwnMeilisearch {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A `lantern serve` process, killed when dropped.
pub struct Lantern {
    child: Option<Child>,
    pub url: String,
    _data_dir: tempfile::TempDir,
}

impl Lantern {
    /// Starts `lantern serve` on `database` (and Meilisearch, when given)
    /// with `extra` arguments, and waits until `/healthz` answers.
    pub async fn start(database: &str, meilisearch: Option<&Settings>, extra: &[&str]) -> Lantern {
        let data_dir = tempfile::tempdir().unwrap();
        Lantern::start_in(data_dir, database, meilisearch, extra).await
    }

    /// The same, on a data directory of the test's choosing.
    pub async fn start_in(
        data_dir: tempfile::TempDir,
        database: &str,
        meilisearch: Option<&Settings>,
        extra: &[&str],
    ) -> Lantern {
        let address = free_address();
        let mut command = lantern_command(data_dir.path(), database, meilisearch);
        let child = command
            .args(["serve", "--addr", &address.to_string()])
            .args(extra)
            .spawn()
            .expect("lantern starts");
        let lantern = Lantern {
            child: Some(child),
            url: format!("http://{address}"),
            _data_dir: data_dir,
        };
        let url = lantern.url.clone();
        wait_until("lantern answers", Duration::from_secs(60), async || {
            http(&url, "GET", "/healthz", &[], "").await.status == 200
        })
        .await;
        lantern
    }

    /// The process id, as the holder of a lease names it.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// Kills it at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// A request to this instance.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Answer {
        http(&self.url, method, path, headers, body).await
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Answer {
        self.request("GET", path, &[], "").await
    }
}

impl Drop for Lantern {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `lantern` with the environment of one instance: its data directory, the
/// database, Meilisearch if given, and quiet logs. Arguments come after.
pub fn lantern_command(
    data_dir: &std::path::Path,
    database: &str,
    meilisearch: Option<&Settings>,
) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lantern"));
    command
        .env("LANTERN_DATA_DIR", data_dir)
        .env("DATABASE_URL", database)
        .env("LEPTOS_SITE_ROOT", data_dir)
        .env("LANTERN_LOG", "error")
        .env("LANTERN_API_REQUESTS_PER_MINUTE", "0")
        .env_remove("MEILISEARCH_URL")
        .env_remove("MEILISEARCH_API_KEY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(meilisearch) = meilisearch {
        command.env("MEILISEARCH_URL", &meilisearch.url);
        if let Some(key) = &meilisearch.api_key {
            command.env("MEILISEARCH_API_KEY", key);
        }
    }
    command
}

/// An answer over HTTP: status (0 when nothing answered), headers (names in
/// lower case) and text.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Answer {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The text as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

/// One HTTP/1.1 request on a new connection to `base` (`http://host:port`),
/// on a blocking thread. Status 0 when nothing answered within 10 s.
pub async fn http(
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let address: SocketAddr = base
        .strip_prefix("http://")
        .expect("an http:// address")
        .parse()
        .expect("host:port");
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    tokio::task::spawn_blocking(move || {
        exchange(address, &request).unwrap_or(Answer {
            status: 0,
            headers: Vec::new(),
            text: String::new(),
        })
    })
    .await
    .unwrap()
}

fn exchange(address: SocketAddr, request: &str) -> Option<Answer> {
    let limit = Duration::from_secs(10);
    let mut stream = TcpStream::connect_timeout(&address, limit).ok()?;
    stream.set_read_timeout(Some(limit)).ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let head_end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_lowercase(), value.trim().to_string()))
        .collect();
    let mut body = bytes[head_end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    if chunked {
        body = unchunk(&body)?;
    }
    Some(Answer {
        status,
        headers,
        text: String::from_utf8_lossy(&body).replace("<!>", ""),
    })
}

/// A body sent in chunks, joined.
fn unchunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = bytes.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&bytes[..line_end]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        bytes = &bytes[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(bytes.get(..size)?);
        bytes = bytes.get(size + 2..)?;
    }
}
