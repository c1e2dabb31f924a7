//! A real mail server for tests: `scripts/smtp-sink.py` (aiosmtpd), which
//! writes every message it takes to a folder. `scripts/test` starts one for
//! the whole run (`LANTERN_TEST_SMTP_URL`, `LANTERN_TEST_MAIL_DIR`); a test
//! that stops its mail server starts one of its own ([`MailSink::own`]).
//! Tests tell their messages apart by recipient: each uses addresses of its
//! own.

use super::processes::{free_address, wait_until};
use lantern::mail::letters::Links;
use lantern::mail::worker::Postman;
use lantern::storage::Storage;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One message the sink took.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Received {
    pub rcpt_to: Vec<String>,
    pub headers: Vec<(String, String)>,
    pub subject: String,
    pub text: Option<String>,
    pub html: Option<String>,
}

impl Received {
    /// The plain-text part, with the line ends of SMTP made `\n`.
    pub fn text(&self) -> String {
        self.text.clone().unwrap_or_default().replace("\r\n", "\n")
    }

    pub fn html(&self) -> String {
        self.html.clone().unwrap_or_default().replace("\r\n", "\n")
    }

    /// The value of header `name`, if it has one.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// A mail server that keeps what it takes.
pub struct MailSink {
    pub url: String,
    folder: PathBuf,
    own: Option<OwnSink>,
}

/// A sink process of a test's own, which the test may stop and start.
struct OwnSink {
    child: Option<Child>,
    address: SocketAddr,
    _folder: tempfile::TempDir,
}

/// The Python with aiosmtpd: Debian's (`scripts/setup --test` installs
/// `python3-aiosmtpd`), not one a version manager put first on `PATH`.
fn python() -> String {
    std::env::var("LANTERN_TEST_SMTP_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into())
}

fn sink_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/smtp-sink.py")
}

impl MailSink {
    /// The run's sink, from `scripts/test`; or, run on their own, one of
    /// the test's.
    pub async fn shared() -> MailSink {
        match (
            std::env::var("LANTERN_TEST_SMTP_URL"),
            std::env::var("LANTERN_TEST_MAIL_DIR"),
        ) {
            (Ok(url), Ok(folder)) if !url.is_empty() => MailSink {
                url,
                folder: folder.into(),
                own: None,
            },
            _ => MailSink::own(&[]).await,
        }
    }

    /// A sink of the test's own, with `flags` (`--defer address`).
    pub async fn own(flags: &[&str]) -> MailSink {
        let folder = tempfile::tempdir().unwrap();
        let address = free_address();
        let mut sink = MailSink {
            url: format!("smtp://{address}"),
            folder: folder.path().to_path_buf(),
            own: Some(OwnSink {
                child: None,
                address,
                _folder: folder,
            }),
        };
        sink.start_again_with(flags).await;
        sink
    }

    /// Starts its own sink again, on the same port and folder.
    pub async fn start_again(&mut self) {
        self.start_again_with(&[]).await;
    }

    async fn start_again_with(&mut self, flags: &[&str]) {
        let folder = self.folder.clone();
        let own = self.own.as_mut().expect("a sink of the test's own");
        assert!(own.child.is_none(), "the sink is already running");
        let child = Command::new(python())
            .arg(sink_script())
            .args(["--port", &own.address.port().to_string(), "--folder"])
            .arg(&folder)
            .args(flags)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the SMTP sink starts (python3-aiosmtpd: scripts/setup --test)");
        own.child = Some(child);
        let address = own.address;
        wait_until(
            "the SMTP sink listens",
            Duration::from_secs(20),
            async || tokio::net::TcpStream::connect(address).await.is_ok(),
        )
        .await;
    }

    /// Stops its own sink at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        let own = self.own.as_mut().expect("a sink of the test's own");
        if let Some(mut child) = own.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// Every message it took for `address`, oldest first.
    pub fn received_by(&self, address: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.rcpt_to.iter().any(|to| to.eq_ignore_ascii_case(address)))
            .collect()
    }

    /// Every message it took, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut names: Vec<_> = std::fs::read_dir(&self.folder)
            .map(|dir| dir.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        names.sort();
        names
            .iter()
            .filter_map(|name| name.to_str())
            .filter(|name| name.ends_with(".json") && !name.starts_with('.'))
            .map(|name| {
                let text = std::fs::read_to_string(self.folder.join(name)).unwrap();
                serde_json::from_str(&text).unwrap()
            })
            .collect()
    }
}

impl Drop for MailSink {
    fn drop(&mut self) {
        if self.own.is_some() {
            self.kill();
        }
    }
}

/// The register's address in the links of test mail.
pub const ORIGIN: &str = "https://register.example.gov";

/// A postman for `storage` that sends through `sink`, with links to [`ORIGIN`].
pub fn postman(storage: &Storage, sink: &MailSink) -> Postman {
    let mailer =
        lantern::mail::Mailer::configure(Some(&sink.url), "Lantern test <register@example.gov>")
            .unwrap()
            .unwrap();
    let links = Links {
        origin: ORIGIN.into(),
        languages: app::i18n::Languages::parse("en,nl").unwrap(),
    };
    Postman::new(storage.clone(), mailer, links)
}

/// Delivers every due message, as the background postman would.
pub async fn deliver_all(postman: &Postman) {
    loop {
        let round = postman.deliver_due().await.unwrap();
        assert!(!round.unreachable, "the mail server answers");
        if round.sent + round.failed == 0 {
            return;
        }
    }
}

/// The link in `message` that starts with `prefix`, as a path of the site.
pub fn link(message: &Received, prefix: &str) -> String {
    let text = message.text();
    let start = text
        .find(&format!("{ORIGIN}{prefix}"))
        .unwrap_or_else(|| panic!("a link {prefix} in {text}"));
    let url = text[start..].split_whitespace().next().unwrap();
    url.trim_start_matches(ORIGIN).to_string()
}

/// Makes every queued message due now: a test that queued mail for a
/// moment ahead (a day, a week on) need not wait for it.
pub async fn make_all_due(conn: &mut sqlx::AnyConnection) {
    let sql = lantern::storage::sql_for(conn, "UPDATE mail_queue SET send_after = $1::timestamptz");
    sqlx::query(&sql)
        .bind(lantern::clock::now())
        .execute(conn)
        .await
        .unwrap();
}
