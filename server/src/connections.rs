//! Accepting connections with limits, so that idle or half-sent connections
//! cannot take the register down.
//!
//! `axum::serve` waits forever for a request's headers and accepts every
//! connection it is offered: about 20,000 sockets that sent `GET /
//! HTTP/1.1\r\nHost: x\r\n` and nothing more used up the open-files limit
//! and `/healthz` stopped answering. Here each connection:
//!
//! - must send a request's headers within [`Limits::header_timeout`], from
//!   when it opens or finished its last answer (so it is the keep-alive idle
//!   timeout too);
//! - holds one of [`Limits::max_connections`] places; when all are taken,
//!   new connections wait in the kernel's accept queue (no file descriptor of
//!   ours) until a place frees, which the header timeout bounds.
//!
//! The time a request may take until its answer starts is bounded in the
//! router (`request_timeout`, a tower-http layer).
//!
//! HTTP/1.1 only: Lantern runs behind a TLS-terminating proxy in public, and
//! plain-text HTTP/2 would need a second set of limits for nothing.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// How many connections Lantern holds and how long it waits for them.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Connections open at once; keep it well under the open-files limit.
    pub max_connections: usize,
    /// Time to send a request's headers, and the idle time between requests.
    pub header_timeout: Duration,
}

/// Connections the kernel holds for Lantern before it accepts them (capped
/// by `net.core.somaxconn`). The usual 128 overflows in a burst of new
/// connections, and each one over waits a second for its SYN to be sent again.
const ACCEPT_QUEUE: u32 = 4096;

/// Listens on `addr` with a deep accept queue.
pub fn listen(addr: std::net::SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    // A restarted server can listen again at once, while old connections
    // of the last one are still closing.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(ACCEPT_QUEUE)
}

/// How long a shutdown waits for answers in progress.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` within `limits` until `shutdown` completes,
/// then lets answers in progress finish (up to [`SHUTDOWN_GRACE`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let places = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let place = tokio::select! {
            place = places.clone().acquire_owned() => match place {
                Ok(place) => place,
                Err(_) => break, // never closed: only this function holds it
            },
            () = &mut shutdown => break,
        };
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors (or the like): accepting again at
                    // once would spin; connections in progress free some.
                    tracing::warn!(%error, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Without TCP_NODELAY, bodies sent in several writes (static files)
        // wait on delayed ACKs: about 40 ms each.
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            tower::ServiceExt::oneshot(router.clone(), request)
        });
        let connection = http.serve_connection(TokioIo::new(tcp), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                // Timeouts and clients that go away are routine.
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
            drop(place);
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("answers still in progress after {SHUTDOWN_GRACE:?}: stopping anyway");
    }
}
