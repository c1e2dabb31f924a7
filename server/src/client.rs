//! Which client a request comes from, for the rate limits and flags of
//! citizen feedback: the peer's IP address, or, behind a proxy that says so,
//! the address the proxy saw. Only ever used hashed (see `feedback.rs`).

use app::feedback::ClientAddress;
use axum::extract::{ConnectInfo, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

/// Puts the request's [`ClientAddress`] in its extensions, from the TCP
/// peer, unless an outer layer (or a test) already put one there.
pub async fn remember(mut request: Request, next: Next) -> Response {
    if request.extensions().get::<ClientAddress>().is_none()
        && let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>()
    {
        let address = ClientAddress(peer.ip().to_string());
        request.extensions_mut().insert(address);
    }
    next.run(request).await
}

/// Behind a reverse proxy (`--trust-forwarded-for`): the client is the last
/// address in `X-Forwarded-For`, the one the proxy itself added. Earlier
/// entries are whatever the client claimed, and are ignored.
pub async fn from_forwarded_for(mut request: Request, next: Next) -> Response {
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .rfind(|address| !address.is_empty())
        .map(str::to_string);
    if let Some(address) = forwarded {
        request.extensions_mut().insert(ClientAddress(address));
    }
    next.run(request).await
}

/// The client of a request whose parts a handler holds.
pub fn of(parts: &Parts) -> ClientAddress {
    parts
        .extensions
        .get::<ClientAddress>()
        .cloned()
        .unwrap_or_else(|| ClientAddress("unknown".into()))
}
