//! AI systems: the list with its filters, and the public record page.

pub mod list;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod page;
pub mod query;
