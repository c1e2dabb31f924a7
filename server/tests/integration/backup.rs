//! `lantern backup` while the register serves, and a restore from it: the
//! restored register exports exactly what the original does.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn lantern(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lantern"))
        .args(args)
        .env("LANTERN_DATA_DIR", data)
        .env("DATABASE_URL", "")
        .env("LANTERN_LOG", "error")
        .output()
        .unwrap()
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_backup_taken_while_serving_restores_the_same_register() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_lantern"))
        .args(["serve", "--demo", "--addr", &addr])
        .env("LANTERN_DATA_DIR", &data)
        .env("DATABASE_URL", "")
        .env("LEPTOS_SITE_ROOT", dir.path())
        .env("LANTERN_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "no server");
        std::thread::sleep(Duration::from_millis(100));
    }

    let file = dir.path().join("register-backup.db");
    let backup = lantern(&data, &["backup", file.to_str().unwrap()]);
    assert!(backup.status.success(), "{}", said(&backup));
    assert!(said(&backup).contains("Backed up the register"));
    let again = lantern(&data, &["backup", file.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(said(&again).contains("exists already"), "{}", said(&again));
    let _ = server.kill();
    let _ = server.wait();

    let restored = dir.path().join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&file, restored.join("lantern.db")).unwrap();
    let export = |data: &Path| {
        let output = lantern(data, &["export", "--format", "ndjson"]);
        assert!(output.status.success(), "{}", said(&output));
        output.stdout
    };
    let original = export(&data);
    assert_eq!(
        String::from_utf8_lossy(&original).lines().count(),
        44,
        "the demo register"
    );
    assert!(export(&restored) == original, "the restored export differs");
}
